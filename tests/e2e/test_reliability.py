"""Reliability matrix (docs/reliability.md): transient faults in the middle of a bulk sync, refused
logins across tasks, concurrency. Every test writes its figures to .cache/reliability/."""
import collections
import json
import os

from seeds import domain, record, seed

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

FIGURES_DIR = os.path.join(REPO, '.cache', 'reliability')


def save_figures(row, figures):
    os.makedirs(FIGURES_DIR, exist_ok=True)
    with open(os.path.join(FIGURES_DIR, row + '.json'), 'w', encoding='utf-8') as handle:
        json.dump(figures, handle, indent=1, sort_keys=True)


# ---- transient faults in the middle of a bulk dnspod_records sync --------------------------------

def sync_records():
    """The records every scenario domain starts with."""
    return [
        record('www', 'A', '192.0.2.1'),
        record('www', 'A', '192.0.2.2'),
        record('mail', 'MX', 'mx1.example.com', mx=10),
        record('old', 'A', '192.0.2.50'),
        record('old2', 'CNAME', 'target.example.net'),
        record('gone', 'TXT', 'bye'),
        record('keep', 'TXT', 'keep-me'),
        record('off', 'A', '203.0.113.9'),
    ]


SETS = [
    {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1', '192.0.2.3']},
    {'sub_domain': 'mail', 'record_type': 'MX', 'value': ['mx1.example.com'], 'mx': 20},
] + [
    {'sub_domain': 'app%d' % i, 'record_type': 'A', 'value': ['198.51.100.%d' % (i + 1)]} for i in range(6)
] + [
    {'sub_domain': 'api', 'record_type': 'CNAME', 'value': ['app0.example.com']},
    {'sub_domain': 'note', 'record_type': 'TXT', 'value': ['hello world'], 'remark': 'managed'},
    {'sub_domain': 'off', 'record_type': 'A', 'value': ['203.0.113.9'], 'status': 'disabled'},
]
# modify www, modify mail, 8 creates, remark of note, status of off (an existing record: a new one
# would be created disabled, with no Record.Status), 3 removes (purge)
PLANNED = 15


def expected_records(name):
    """(sub_domain, type, value, mx, status, remark) of the domain after a converged sync."""
    want = [('@', 'NS', 'f1g1ns1.dnspod.net.', 0, 'enabled', ''), ('@', 'NS', 'f1g1ns2.dnspod.net.', 0, 'enabled', ''),
            ('keep', 'TXT', 'keep-me', 0, 'enabled', ''),
            ('www', 'A', '192.0.2.1', 0, 'enabled', ''), ('www', 'A', '192.0.2.3', 0, 'enabled', ''),
            ('mail', 'MX', 'mx1.example.com.', 20, 'enabled', ''),
            ('api', 'CNAME', 'app0.example.com.', 0, 'enabled', ''),
            ('note', 'TXT', 'hello world', 0, 'enabled', 'managed'),
            ('off', 'A', '203.0.113.9', 0, 'disabled', '')]
    want += [('app%d' % i, 'A', '198.51.100.%d' % (i + 1), 0, 'enabled', '') for i in range(6)]
    return sorted(want)


def actual_records(state, name):
    dom = [d for d in state['accounts'][0]['domains'] if d['name'] == name][0]
    out = []
    for r in dom['records']:
        status = r.get('status', 'enabled')
        status = {'enable': 'enabled', 'disable': 'disabled'}.get(status, status)
        out.append((r['sub_domain'], r['record_type'], r['value'], r.get('mx') or 0 if r['record_type'] == 'MX' else 0,
                    status, r.get('remark') or ''))
    return sorted(out)


# (name, fault rules, options, expected outcome of the run under faults: 'ok' or 'partial')
SCENARIOS = [
    ('transient faults of every kind, retried', [
        {'kind': 'code', 'code': '-2', 'action': 'Record.Create', 'times': 1},   # twice in a row: the quota
        {'kind': 'http', 'status': 503, 'action': 'Record.List'},
        {'kind': 'http', 'status': 502, 'action': 'Record.Modify'},
        {'kind': 'http', 'status': 500, 'action': 'Record.Remove'},
        {'kind': 'reset', 'action': 'Record.Create', 'skip': 1},
        {'kind': 'html', 'action': 'Record.Create', 'skip': 2},
        {'kind': 'truncated', 'action': 'Record.Status'},
        {'kind': 'xml', 'action': 'Record.Remark'},
    ], {}, 'ok'),
    ('answers lost after the write (reset, bad body, XML, drift)', [
        {'kind': 'reset', 'action': 'Record.Create', 'after': True},
        {'kind': 'truncated', 'action': 'Record.Create', 'after': True, 'skip': 2},
        {'kind': 'xml', 'action': 'Record.Create', 'after': True, 'skip': 4},
        {'kind': 'html', 'action': 'Record.Modify', 'after': True},
        {'kind': 'reset', 'action': 'Record.Remove', 'after': True},
        {'kind': 'reset', 'action': 'Record.Remark', 'after': True},
        {'kind': 'drift', 'action': 'Record.List'},
        {'kind': 'drift', 'action': 'Record.Create', 'skip': 6},
        {'kind': 'drift', 'action': 'Record.Status'},
    ], {}, 'ok'),
    ('stall past the client timeout after the write', [
        {'kind': 'stall', 'seconds': 4, 'action': 'Record.Create', 'after': True, 'skip': 1},
        {'kind': 'stall', 'seconds': 4, 'action': 'Record.Modify', 'after': False},
    ], {'timeout': 1.5}, 'ok'),
    ('rate limit (-2) that outlives the retries', [
        {'kind': 'code', 'code': '-2', 'action': 'Record.Create', 'skip': 3, 'times': 0},
    ], {'retries': 2}, 'partial'),
    ('HTTP 500 on every remove', [
        {'kind': 'http', 'status': 500, 'action': 'Record.Remove', 'times': 0},
    ], {'retries': 1}, 'partial'),
    ('server gone (connection reset) halfway', [
        {'kind': 'reset', 'action': 'Record.*', 'skip': 7, 'times': 0},
    ], {'retries': 1}, 'partial'),
    ('85 logged in elsewhere (not retried)', [
        {'kind': 'code', 'code': '85', 'action': 'Record.Create', 'skip': 4},
    ], {}, 'partial'),
    ('-99 paused function (not retried)', [
        {'kind': 'code', 'code': '-99', 'action': 'Record.Status'},
    ], {}, 'partial'),
]


def split_runs(entries, first_calls):
    """The request-log entries of one domain -> (first run, second run), by the calls the first
    run reports (the client counts every attempt, faulted ones included, as the emulator logs them)."""
    return entries[:first_calls], entries[first_calls:]


def test_bulk_sync_under_faults_converges_without_loss(play, emulator, tmp_path):
    domains = [domain('s%d.example.com' % i, *sync_records(), id=3000 + i) for i in range(len(SCENARIOS))]
    emulator.reset(seed(*domains))
    scenarios = []
    for i, (name, rules, options, _expect) in enumerate(SCENARIOS):
        item = dict(name=name, domain='s%d.example.com' % i, faults=rules)
        item.update(options)
        scenarios.append(item)
    result_file = tmp_path / 'sync.json'
    play('reliability_sync.yml', {'scenarios': scenarios, 'sets': SETS, 'emulator_url': emulator.url,
                                  'result_file': str(result_file)})
    results = json.loads(result_file.read_text())
    log = emulator.requests()
    state = emulator.state()
    figures = collections.Counter(scenarios=len(SCENARIOS))
    assert len(results) == len(SCENARIOS)
    for i, (outcome, (name, _rules, _options, expect)) in enumerate(zip(results, SCENARIOS)):
        dom_name, dom_id = 's%d.example.com' % i, str(3000 + i)
        mine = [e for e in log if e['params'].get('domain') == dom_name or e['params'].get('domain_id') == dom_id]
        first, second = outcome['first'], outcome['second']
        run1, run2 = split_runs(mine, first['api']['calls'])
        injected = outcome['injected']
        assert injected >= 1, name
        assert sum(1 for e in run1 if e.get('fault')) == injected, name
        writes1 = sum(1 for e in run1 if e['write'])
        writes2 = sum(1 for e in run2 if e['write'])
        assert len(first['operations']) == PLANNED, name
        done = sum(1 for op in first['operations'] if op['done'])
        if expect == 'ok':
            assert not first.get('failed'), (name, first.get('msg'))
            assert done == PLANNED and writes1 == PLANNED, (name, done, writes1)
            assert second['changed'] is False and writes2 == 0, name
        else:
            assert first.get('failed'), name
            msg = first['msg']
            assert '%d of %d change(s) were applied' % (done, PLANNED) in msg, (name, msg)
            assert 'not applied:' in msg and 'Run the task again' in msg, msg
            assert 0 < done < PLANNED, (name, done)
            # what the message says was applied is what the emulator carried out
            assert writes1 == done, (name, writes1, done)
            assert second['changed'] is True and writes2 == PLANNED - done, (name, writes2, done)
        assert second['api']['calls'] == len(run2), name
        assert actual_records(state, dom_name) == expected_records(dom_name), name
        figures['faults injected'] += injected
        figures['calls made'] += len(run1) + len(run2)
        figures['writes made'] += writes1 + writes2
        figures['runs failed part-way and converged on rerun'] += int(expect == 'partial')
        figures['runs succeeded through retries'] += int(expect == 'ok')
    figures['records lost'] = 0
    figures['records duplicated'] = 0
    save_figures('sync_faults', figures)


# ---- refused logins ---------------------------------------------------------------------------

def test_thirty_tasks_with_a_wrong_token_send_one_login(play, emulator, tmp_path):
    # lockout_failures 1: a second failed login would lock the account (-8) for the good task too.
    emulator.reset(seed(domain('example.com'), settings={'lockout_failures': 1}))
    result_file = tmp_path / 'login.json'
    wrong = '10000,ffffffffffffffffffffffffffffffff'
    play('reliability_login.yml', {'wrong_token': wrong, 'malformed_token': 'not a token',
                                   'emulator_url': emulator.url, 'result_file': str(result_file)})
    results = json.loads(result_file.read_text())
    log = emulator.requests()
    assert results['malformed']['failed'] and 'login_token' in results['malformed']['msg']
    assert len(results['wrong']) == 30 and all(r['failed'] for r in results['wrong'])
    refused = [e for e in log if e['code'] == '10002']
    assert len(refused) == 1 and log[0] is not None and log[0]['code'] == '10002'
    first = results['wrong'][0]['msg']
    assert 'code 10002' in first and 'login_token' in first
    for later in results['wrong'][1:]:
        assert later['api_code'] == '10002' and 'not sent' in later['msg']
        assert 'delete' in later['msg'] and 'login-latch' in later['msg']
        assert later['api'] == {'calls': 0, 'writes': 0} if 'api' in later else True
    assert not results['good'].get('failed') and results['good']['domains'][0]['name'] == 'example.com'
    good_calls = [e for e in log if e['code'] == '1']
    assert len(good_calls) == 1
    locked = [e for e in log if e['code'] == '-8']
    assert len(locked) == 1, [e['code'] for e in log]
    assert all(r['failed'] and r['api_code'] == '-8' for r in results['locked'])
    assert 'locked' in results['locked'][0]['msg'] and 'hour' in results['locked'][0]['msg']
    assert all('not sent' in r['msg'] for r in results['locked'][1:])
    assert len(log) == 3
    save_figures('login_lockout', {'tasks with a wrong token': 30, 'failed logins sent': len(refused),
                                   'tasks against a locked account': 3, 'calls to the locked account': len(locked),
                                   'calls for a malformed token': 0, 'account locked': False})


# ---- concurrency ------------------------------------------------------------------------------

def test_twenty_hosts_ten_forks_each_their_own_record(play, emulator):
    others = [record('www', 'A', '192.0.2.1'), record('mail', 'MX', 'mx.example.com', mx=10),
              record('txt', 'TXT', 'v=spf1 -all')]
    # half the hosts find an old value to change, half create their record
    olds = [record('node%02d' % i, 'A', '192.0.2.%d' % (100 + i)) for i in range(1, 11)]
    emulator.reset(seed(domain('example.com', *(others + olds))))
    hosts = ['node%02d' % i for i in range(1, 21)]
    result = play('reliability_concurrency.yml', args=('-i', ','.join(hosts) + ',', '--forks', '10'))
    assert all(result.stat('failed', host) == 0 and result.stat('changed', host) == 1 for host in hosts), result
    state = emulator.state()['accounts'][0]['domains'][0]['records']
    got = sorted((r['sub_domain'], r['record_type'], r['value']) for r in state if not r.get('hold'))
    want = sorted([('www', 'A', '192.0.2.1'), ('mail', 'MX', 'mx.example.com.'), ('txt', 'TXT', 'v=spf1 -all')]
                  + [(h, 'A', '198.51.100.%d' % int(h[4:])) for h in hosts])
    assert got == want
    log = emulator.requests()
    writes = [e for e in log if e['write']]
    assert sorted(e['action'] for e in writes) == ['Record.Create'] * 10 + ['Record.Modify'] * 10
    assert not any(e['write_action'] and not e['write'] for e in log)
    save_figures('concurrency', {'hosts': 20, 'forks': 10, 'calls made': len(log), 'writes made': len(writes),
                                 'records wrong': 0, 'other records changed': 0})
