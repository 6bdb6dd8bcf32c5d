"""Every module has the one action plugin (meta/runtime.yml): dnspod_group and dnspod_group_info,
in the runner's shape, run in Ansible's worker process on the controller, with the calls and
results of a module process; become, async and the dnspod_module_process variable of the host a
task is delegated to send them to the module process (ansible-core's normal action)."""
import json
import os

from seeds import account, domain

INVENTORY = os.path.join(os.path.dirname(__file__), 'playbooks', 'inventory', 'worker.yml')
NAMES = ['web', 'mail', 'lab']
# A module process leaves these in the -vvv output; the worker sends no module at all.
MARKS = ('AnsiballZ_dnspod_group.py', 'AnsiballZ_dnspod_group_info.py')


def run(play, emulator, tmp_path, **extra):
    emulator.reset({'accounts': [account(domain('example.com'), grade='DP_Plus')]})
    result_file = tmp_path / ('result-%d.json' % len(list(tmp_path.iterdir())))
    outcome = play('worker_group.yml', dict({'names': NAMES, 'result_file': str(result_file)}, **extra),
                   args=('-i', INVENTORY))
    calls = [(c['action'], c['params']) for c in emulator.requests()]
    return outcome, json.loads(result_file.read_text()), calls


def module_processes(outcome):
    return [mark for mark in MARKS if mark in outcome.stdout]


def comparable(results):
    created = [dict((key, item.get(key)) for key in ('changed', 'group', 'changes', 'api', 'item'))
               for item in results['created']]
    listed = dict((key, results['listed'].get(key)) for key in ('changed', 'groups', 'api'))
    return created, listed


def test_the_group_modules_run_in_the_worker_with_the_calls_and_results_of_a_module_process(play, emulator, tmp_path):
    worker, worker_results, worker_calls = run(play, emulator, tmp_path)
    module, module_results, module_calls = run(play, emulator, tmp_path, target='module_host')
    assert module_processes(worker) == []
    assert module_processes(module) == list(MARKS)
    # Each create: the listing, the create and the listing that reads the new group back.
    assert [call[0] for call in worker_calls] == ['Domaingroup.List', 'Domaingroup.Create', 'Domaingroup.List'] * 3 + [
        'Domaingroup.List']
    assert worker_calls == module_calls
    assert comparable(worker_results) == comparable(module_results)
    assert [group['group_name'] for group in worker_results['listed']['groups']] == NAMES
    assert [item['api'] for item in worker_results['created']] == [{'calls': 3, 'writes': 1}] * 3


def test_become_runs_a_module_process(play, emulator, tmp_path):
    outcome, results, calls = run(play, emulator, tmp_path, use_become=True)
    assert module_processes(outcome) == list(MARKS)
    assert [item['changed'] for item in results['created']] == [True] * 3
    assert [call[0] for call in calls].count('Domaingroup.Create') == 3


def test_async_runs_a_module_process(play, emulator, tmp_path):
    outcome, results, calls = run(play, emulator, tmp_path, async_seconds=60)
    assert module_processes(outcome) == list(MARKS)
    assert 'async_wrapper' in outcome.stdout
    assert [item['changed'] for item in results['created']] == [True] * 3
    assert [group['group_name'] for group in results['listed']['groups']] == NAMES
    assert [call[0] for call in calls].count('Domaingroup.Create') == 3


def test_the_variable_of_the_host_a_task_is_delegated_to_decides(play, emulator, tmp_path):
    # The play's host runs in the worker, but the task is delegated to a host that asks for a module process.
    outcome, results, _calls = run(play, emulator, tmp_path, delegate='module_host')
    assert module_processes(outcome) == list(MARKS)
    assert [group['group_name'] for group in results['listed']['groups']] == NAMES
    # And the other way round: the play's host asks for it, the host the task is delegated to does not.
    outcome, results, _calls = run(play, emulator, tmp_path, target='module_host', delegate='controller')
    assert module_processes(outcome) == []
    assert [group['group_name'] for group in results['listed']['groups']] == NAMES
