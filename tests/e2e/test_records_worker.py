"""dnspod_records runs in Ansible's worker process when its task runs on the controller, and as a
module process when asked (dnspod_module_process): both ways send the same calls and return the
same result."""
import json

from ansible import release as ansible_release
from ansible.module_utils.compat.version import LooseVersion

from seeds import TOKEN, domain, record, seed

SETS = [
    {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.10', '192.0.2.11']},
    {'sub_domain': 'mail', 'record_type': 'MX', 'value': ['mx1.example.net.'], 'mx': 10},
    {'sub_domain': 'old', 'record_type': 'TXT', 'value': ['v=spf1 -all'], 'ttl': 3600},
]

# A module process leaves these in the -vvv output; the worker sends no module at all.
MODULE_PROCESS_MARK = 'AnsiballZ_dnspod_records.py'


def without_time(rec):
    return dict((key, value) for key, value in rec.items() if key != 'updated_on')


def fresh_domain():
    return seed(domain('example.com', record('www', 'A', '192.0.2.10'), record('old', 'TXT', 'v=spf1 ~all')))


def sync(play, emulator, tmp_path, extra=None, **kwargs):
    emulator.reset(fresh_domain())
    result_file = tmp_path / ('result-%d.json' % len(list(tmp_path.iterdir())))
    variables = {'sets': SETS, 'result_file': str(result_file)}
    variables.update(extra or {})
    outcome = play('records_worker.yml', variables, **kwargs)
    calls = [(c['action'], c['params']) for c in emulator.requests()]
    return outcome, json.loads(result_file.read_text()), calls


def test_worker_and_module_process_send_the_same_calls_and_return_the_same_result(play, emulator, tmp_path):
    worker, worker_result, worker_calls = sync(play, emulator, tmp_path, diff=True)
    module, module_result, module_calls = sync(play, emulator, tmp_path, {'dnspod_module_process': True}, diff=True)

    assert MODULE_PROCESS_MARK not in worker.stdout
    assert MODULE_PROCESS_MARK in module.stdout
    assert worker.stat('changed') == module.stat('changed') == 1
    # One listing, then the TXT value changed in place (modifies go first), a second www value and
    # the MX record.
    assert [call[0] for call in worker_calls] == ['Record.List', 'Record.Modify', 'Record.Create', 'Record.Create']
    assert worker_calls == module_calls
    for key in ('changed', 'operations', 'summary', 'domain', 'api', 'diff'):
        assert worker_result[key] == module_result[key], key
    # The emulator stamps records with the time of the run.
    assert [without_time(r) for r in worker_result['records']] == [without_time(r) for r in module_result['records']]
    assert worker_result['api'] == {'calls': 4, 'writes': 3}


def test_with_inject_invocation_both_ways_return_the_same_invocation(play, emulator, tmp_path):
    # ansible-core 2.21 adds a module's arguments to its result only when asked; before 2.21 always.
    env = {'ANSIBLE_INJECT_INVOCATION': 'true'}
    _worker, worker_result, _calls = sync(play, emulator, tmp_path, env=env)
    _module, module_result, _calls = sync(play, emulator, tmp_path, {'dnspod_module_process': True}, env=env)
    assert worker_result.get('invocation') == module_result.get('invocation')
    if 'invocation' not in module_result:
        # Before 2.21 the registered result of a module process has no invocation (the controller
        # removes it), nor has the worker's.
        assert LooseVersion(ansible_release.__version__) < LooseVersion('2.21')
        return
    module_args = worker_result['invocation']['module_args']
    assert module_args['domain'] == 'example.com'
    assert [item['sub_domain'] for item in module_args['records']] == ['www', 'mail', 'old']
    assert module_args['login_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'


def test_check_mode_in_the_worker_sends_no_write(play, emulator, tmp_path):
    outcome, result, calls = sync(play, emulator, tmp_path, check=True)
    assert MODULE_PROCESS_MARK not in outcome.stdout
    assert [call[0] for call in calls] == ['Record.List']
    assert result['changed'] is True
    assert result['summary']['create'] == 2 and result['summary']['modify'] == 1


def test_credentials_from_the_tasks_environment_reach_the_worker(play, emulator, tmp_path):
    # No token in the controller's environment (empty counts as unset): only the task's
    # `environment:` carries it, as it would to a module process.
    outcome, result, calls = sync(play, emulator, tmp_path, {'task_env': {'DNSPOD_LOGIN_TOKEN': TOKEN}},
                                  env={'DNSPOD_LOGIN_TOKEN': ''})
    assert MODULE_PROCESS_MARK not in outcome.stdout
    assert result['api']['writes'] == 3
    assert calls[0][0] == 'Record.List'


def test_without_credentials_the_worker_fails_before_any_call(play, emulator, tmp_path):
    emulator.reset(fresh_domain())
    outcome = play('records_worker.yml', {'sets': SETS, 'result_file': str(tmp_path / 'unused.json')},
                   env={'DNSPOD_LOGIN_TOKEN': ''}, expect_failure=True)
    assert 'no credentials' in outcome.stdout
    assert emulator.requests() == []


def test_an_unsupported_parameter_fails_like_a_module(play, emulator, tmp_path):
    emulator.reset(fresh_domain())
    for extra in ({}, {'dnspod_module_process': True}):
        outcome = play('records_bad_option.yml', extra, expect_failure=True)
        assert 'Unsupported parameters for (dnspod.dnspod.dnspod_records) module: purgee' in outcome.stdout
    assert emulator.requests() == []
