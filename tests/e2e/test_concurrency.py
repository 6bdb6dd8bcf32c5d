"""Many hosts at once (docs/reliability.md, "Many hosts at once"): a play of 50 hosts with
``forks: 50`` against the emulator answering with a latency. Figures go to .cache/reliability/."""
import concurrent.futures
import json
import time

import pytest

from seeds import domain, record, seed
from test_reliability import save_figures

HOSTS = ['h%02d' % i for i in range(1, 51)]
FORKS = 50
LATENCY = 0.5


def many_hosts():
    return ('-i', ','.join(HOSTS) + ',', '--forks', str(FORKS))


def refused(log):
    return [(e['action'], e['code']) for e in log if e['code'] not in ('1', 'Success')]


def test_fifty_hosts_with_wrong_credentials_send_one_refused_login_each(play, emulator):
    # the live rule: more than 30 failed logins in 5 minutes lock the account for an hour (-8)
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1')),
                        settings={'latency_seconds': LATENCY, 'lockout_failures': 30}))
    wrong = dict(('%s_token' % path, '10000,%s' % (letter * 32))
                 for path, letter in (('worker', 'a'), ('other_module', 'c')))
    started = time.monotonic()
    result = play('concurrency_login.yml', extra_vars={'wrong_tokens': wrong}, args=many_hosts(), verbosity=0)
    elapsed = time.monotonic() - started
    assert all(result.stat('failed', host) == 0 for host in HOSTS), result
    log = emulator.requests()
    # one refused login per credential (the tasks run one after the other: dnspod_record in the
    # worker, dnspod_domain_info as module processes), no -8, and the right token's one call
    assert [(e['action'], e['code']) for e in log] == [
        ('Record.List', '10002'), ('Domain.Info', '10002'), ('Domain.Info', '1')], log
    save_figures('concurrency_login', {
        'hosts': len(HOSTS), 'forks': FORKS, 'api latency s': LATENCY, 'credentials': 2,
        'tasks with a wrong credential': 2 * len(HOSTS),
        'refused logins sent': len([e for e in log if e['code'] == '10002']),
        'account locked': any(e['code'] == '-8' for e in log), 'seconds': round(elapsed, 1)})


@pytest.mark.parametrize('path', ['worker', 'module_process'])
def test_fifty_hosts_writing_one_set_write_it_once(play, emulator, path, api_names):
    fifty_hosts_write_one_set(play, emulator, path, api_names)


@pytest.mark.backends('tencentcloud')
def test_fifty_hosts_writing_one_set_write_it_once_on_api3(play, emulator, api_names):
    # the same forks on API 3.0 (writes under the batch threshold: one call each)
    fifty_hosts_write_one_set(play, emulator, 'worker', api_names)


def fifty_hosts_write_one_set(play, emulator, path, api_names):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), record('www', 'A', '192.0.2.2'),
                               record('add', 'A', '192.0.2.9')),
                        settings={'latency_seconds': LATENCY}))
    started = time.monotonic()
    result = play('concurrency_set.yml', extra_vars={'module_process': path == 'module_process'},
                  args=many_hosts(), verbosity=0)
    elapsed = time.monotonic() - started
    assert all(result.stat('failed', host) == 0 for host in HOSTS), result
    log = emulator.requests()
    writes = sorted(e['action'] for e in log if e['write'])
    # exactly what the sets need: one Create (add), one Modify and one Remove (www: 2 values -> 1)
    assert writes == sorted(api_names.actions('Record.Create', 'Record.Modify', 'Record.Remove')), writes
    unchanged = [e for e in log if e['action'] == api_names.action('Record.Modify') and not e['write']]
    assert unchanged == [] and refused(log) == [], refused(log)
    changed = sum(result.stat('changed', host) for host in HOSTS)
    assert changed == 2       # one host added the value, one replaced the set
    state = emulator.state()['accounts'][0]['domains'][0]['records']
    got = sorted((r['sub_domain'], r['value'], r.get('ttl')) for r in state if not r.get('hold'))
    assert got == [('add', '192.0.2.9', 600), ('add', '203.0.113.5', 600), ('www', '198.51.100.7', 1200)]
    save_figures('concurrency_set_%s%s' % (path, '' if api_names.backend == 'dnspod' else '_' + api_names.backend), {
        'hosts': len(HOSTS), 'forks': FORKS, 'api latency s': LATENCY, 'execution path': path,
        'calls': len(log), 'writes': len(writes), 'failures': 0, 'unchanged modifies': len(unchanged),
        'refused writes': len(refused(log)), 'seconds': round(elapsed, 1)})


# two runs that want different things of the same zone; each removes every other record
RUN_A = [{'sub_domain': 'www', 'record_type': 'A', 'value': ['10.0.0.1']},
         {'sub_domain': 'mail', 'record_type': 'MX', 'value': ['mx1.example.com'], 'mx': 10}]
RUN_B = [{'sub_domain': 'www', 'record_type': 'A', 'value': ['10.0.0.2', '10.0.0.3']},
         {'sub_domain': 'txt', 'record_type': 'TXT', 'value': ['v=b']}]


def asked(*runs):
    return set((item['sub_domain'], item['record_type'], value.rstrip('.'))
               for run in runs for item in run for value in item['value'])


@pytest.mark.parametrize('controllers', [1, 2])
def test_overlapping_purges_never_fail_nor_leave_a_value_nobody_asked_for(play, emulator, tmp_path, controllers):
    olds = [record('old%02d' % i, 'A', '192.0.2.%d' % i) for i in range(1, 21)]
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.101'), record('www', 'A', '192.0.2.102'),
                               record('mail', 'MX', 'mx0.example.com', mx=10),
                               record('txt', 'TXT', 'v=old'), *olds),
                        settings={'latency_seconds': 0.3}))
    runs = {}

    def run(name, zone):
        # two controllers: each its own lock directory, as on two machines; one: the same
        env = {'DNSPOD_LOCK_DIR': str(tmp_path / ('locks-%s' % name if controllers == 2 else 'locks'))}
        out = tmp_path / ('%s.json' % name)
        play('concurrency_purge.yml', extra_vars={'zone': zone, 'result_file': str(out)}, env=env, verbosity=0)
        with open(str(out), encoding='utf-8') as handle:
            runs[name] = json.load(handle)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(run, 'a', RUN_A), pool.submit(run, 'b', RUN_B)]:
            future.result()          # re-raises a failed run
    assert not runs['a'].get('failed') and not runs['b'].get('failed'), (runs['a'].get('msg'), runs['b'].get('msg'))
    log = emulator.requests()
    state = emulator.state()['accounts'][0]['domains'][0]['records']
    left = set((r['sub_domain'], r['record_type'], r['value'].rstrip('.')) for r in state if not r.get('hold'))
    assert left <= asked(RUN_A, RUN_B), left - asked(RUN_A, RUN_B)
    overlap = [e for e in log if e['write_action'] and e['code'] != '1']
    save_figures('concurrency_purge_%d' % controllers, {
        'runs': 2, 'controllers': controllers, 'records before': 24, 'api latency s': 0.3,
        'writes': len([e for e in log if e['write']]), 'refused writes answered': len(overlap),
        'codes of refused writes': sorted(set(e['code'] for e in overlap)), 'runs failed': 0,
        'values nobody asked for': len(left - asked(RUN_A, RUN_B))})
