"""dnspod_record runs in Ansible's worker process when its task runs on the controller, and as a
module process when asked (dnspod_module_process): a loop of it sends the same calls and returns
the same results both ways, its own checks (required_if) included."""
import json

from seeds import domain, record, seed

SETS = [
    {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.10', '192.0.2.11']},
    {'sub_domain': 'mail', 'record_type': 'MX', 'value': ['mx1.example.net.'], 'mx': 10},
    {'sub_domain': 'old', 'record_type': 'TXT', 'value': ['v=spf1 -all'], 'ttl': 3600, 'replace': True},
    {'sub_domain': 'gone', 'record_type': 'A', 'state': 'absent'},
]

# A module process leaves these in the -vvv output; the worker sends no module at all.
MODULE_PROCESS_MARK = 'AnsiballZ_dnspod_record.py'


def without_time(rec):
    return dict((key, value) for key, value in rec.items() if key != 'updated_on')


def loop(play, emulator, tmp_path, sets=None, extra=None, **kwargs):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.10'), record('old', 'TXT', 'v=spf1 ~all'),
                               record('gone', 'A', '192.0.2.99'))))
    result_file = tmp_path / ('result-%d.json' % len(list(tmp_path.iterdir())))
    variables = {'sets': SETS if sets is None else sets, 'result_file': str(result_file)}
    variables.update(extra or {})
    outcome = play('record_worker.yml', variables, **kwargs)
    calls = [(c['action'], c['params']) for c in emulator.requests()]
    return outcome, json.loads(result_file.read_text())['results'], calls


def comparable(item):
    return dict((key, item.get(key)) for key in ('changed', 'operations', 'summary', 'domain', 'api', 'diff', 'msg'))


def test_worker_and_module_process_send_the_same_calls_and_return_the_same_results(play, emulator, tmp_path):
    worker, worker_items, worker_calls = loop(play, emulator, tmp_path, diff=True)
    module, module_items, module_calls = loop(play, emulator, tmp_path, extra={'dnspod_module_process': True},
                                              diff=True)
    assert MODULE_PROCESS_MARK not in worker.stdout
    assert MODULE_PROCESS_MARK in module.stdout
    # One filtered listing per set, then only the writes it needs.
    assert [call[0] for call in worker_calls] == [
        'Record.List', 'Record.Create',
        'Record.List', 'Record.Create',
        'Record.List', 'Record.Modify',
        'Record.List', 'Record.Remove']
    assert worker_calls == module_calls
    assert [item['changed'] for item in worker_items] == [True] * 4
    assert [comparable(item) for item in worker_items] == [comparable(item) for item in module_items]
    assert [[without_time(r) for r in item['records']] for item in worker_items] == [
        [without_time(r) for r in item['records']] for item in module_items]
    assert worker_items[0]['diff'] and worker_items[2]['operations'][0]['action'] == 'modify'


def test_check_mode_in_the_worker_sends_no_write(play, emulator, tmp_path):
    outcome, items, calls = loop(play, emulator, tmp_path, check=True)
    assert MODULE_PROCESS_MARK not in outcome.stdout
    assert [call[0] for call in calls] == ['Record.List'] * 4
    assert [item['changed'] for item in items] == [True] * 4


def test_required_if_of_the_module_fails_the_same_both_ways_before_any_call(play, emulator, tmp_path):
    no_value = [{'sub_domain': 'www', 'record_type': 'A'}]
    for extra in ({}, {'dnspod_module_process': True}):
        outcome = play('record_worker.yml', dict({'sets': no_value, 'result_file': str(tmp_path / 'unused.json')},
                                                 **extra), expect_failure=True)
        assert 'state is present but all of the following are missing: value' in outcome.stdout
        assert (MODULE_PROCESS_MARK in outcome.stdout) == bool(extra)
    assert emulator.requests() == []
