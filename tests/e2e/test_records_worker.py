"""dnspod_records runs in Ansible's worker process when its task runs on the controller, and as a
module process when asked (dnspod_module_process): both ways send the same calls and return the
same result."""
import json
import re

from ansible.release import __version__ as ansible_version

from seeds import TOKEN, domain, record, seed

SETS = [
    {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.10', '192.0.2.11']},
    {'sub_domain': 'mail', 'record_type': 'MX', 'value': ['mx1.example.net.'], 'mx': 10},
    {'sub_domain': 'old', 'record_type': 'TXT', 'value': ['v=spf1 -all'], 'ttl': 3600},
]

CORE = tuple(int(part) for part in ansible_version.split('.')[:2])

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


def shown_result(outcome, task='Sync the record sets'):
    """The task's result as the callback shows it at -vvv (and AWX stores it as the job event):
    the JSON after ``changed: [localhost] =>`` below the task's header."""
    start = outcome.stdout.index('TASK [%s' % task)
    line = re.compile(r'^(?:ok|changed): \[localhost\] => ', re.M).search(outcome.stdout, start)
    assert line, outcome
    return json.JSONDecoder().raw_decode(outcome.stdout, line.end())[0]


def test_with_inject_invocation_both_ways_return_the_same_invocation(play, emulator, tmp_path):
    # A module's result carries its arguments as `invocation`: before ansible-core 2.21 always,
    # from 2.21 when INJECT_INVOCATION is on. The callback shows it at -vvv on every core; the
    # registered variable has it from 2.21 only (before, the strategy drops it on registering).
    env = {'ANSIBLE_INJECT_INVOCATION': 'true'}
    worker, worker_result, _calls = sync(play, emulator, tmp_path, env=env)
    module, module_result, _calls = sync(play, emulator, tmp_path, {'dnspod_module_process': True}, env=env)
    assert MODULE_PROCESS_MARK not in worker.stdout and MODULE_PROCESS_MARK in module.stdout
    worker_shown, module_shown = shown_result(worker), shown_result(module)
    assert worker_shown['invocation'] == module_shown['invocation']
    module_args = worker_shown['invocation']['module_args']
    assert module_args['domain'] == 'example.com'
    assert [item['sub_domain'] for item in module_args['records']] == ['www', 'mail', 'old']
    assert module_args['login_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    registered = 'invocation' in module_result
    assert registered is (CORE >= (2, 21))
    assert ('invocation' in worker_result) is registered
    if registered:
        assert worker_result['invocation'] == module_result['invocation'] == worker_shown['invocation']


def test_without_inject_invocation_only_older_cores_show_the_arguments(play, emulator, tmp_path):
    worker, _result, _calls = sync(play, emulator, tmp_path)
    module, _result, _calls = sync(play, emulator, tmp_path, {'dnspod_module_process': True})
    worker_shown, module_shown = shown_result(worker), shown_result(module)
    assert ('invocation' in module_shown) is (CORE < (2, 21))
    assert ('invocation' in worker_shown) is (CORE < (2, 21))
    assert worker_shown.get('invocation') == module_shown.get('invocation')


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
