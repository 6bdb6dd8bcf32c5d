"""Many hosts at once (docs/reliability.md, "Many hosts at once"): a play of 50 hosts with
``forks: 50`` against the emulator answering with a latency. Figures go to .cache/reliability/."""
import os
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
    return [(e['action'], e['code']) for e in log if e['code'] not in ('1',)]


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
def test_fifty_hosts_writing_one_set_write_it_once(play, emulator, path):
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
    assert writes == ['Record.Create', 'Record.Modify', 'Record.Remove'], writes
    unchanged = [e for e in log if e['action'] == 'Record.Modify' and not e['write']]
    assert unchanged == [] and refused(log) == [], refused(log)
    changed = sum(result.stat('changed', host) for host in HOSTS)
    assert changed == 2       # one host added the value, one replaced the set
    state = emulator.state()['accounts'][0]['domains'][0]['records']
    got = sorted((r['sub_domain'], r['value'], r.get('ttl')) for r in state if not r.get('hold'))
    assert got == [('add', '192.0.2.9', 600), ('add', '203.0.113.5', 600), ('www', '198.51.100.7', 1200)]
    save_figures('concurrency_set_%s' % path, {
        'hosts': len(HOSTS), 'forks': FORKS, 'api latency s': LATENCY, 'execution path': path,
        'calls': len(log), 'writes': len(writes), 'failures': 0, 'unchanged modifies': len(unchanged),
        'refused writes': len(refused(log)), 'seconds': round(elapsed, 1)})
