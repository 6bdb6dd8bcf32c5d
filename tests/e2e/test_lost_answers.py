"""Lost answers (docs/reliability.md, "Lost answers"): every write action of the API, sent by its
module while the emulator carries the write out and then loses the answer (fault rule with
``after: true``: the connection is reset, an HTTP 502 page or half of the JSON comes back).

One row per write action (39): a playbook run of lost_answer.yml (one task of the module that
sends the action) against a fresh copy of one seed. Writes that are safe to repeat are sent twice
(the lost one and the retry) and the task ends ok; writes sent once are sent exactly once, the
state is read back, and the task reports what happened or what to check. Then the partial-failure
rows (issue 14, item 2): a failed task that wrote reports ``changed: true`` and counts a write
whose answer was lost but which the read-back shows carried out. Figures: .cache/reliability/
lost_answers.json."""
import fcntl
import json
import os
import urllib.parse
import urllib.request

import pytest

from seeds import TOKEN, PASSWORD, account, domain, record
from test_reliability import save_figures

LOCK_CODE = 'c0ffee'
ACQUIRE_CODE = '424242'
NEW_PASSWORD = 'Pa55-word-xyz'
FRIEND = 'friend@example.com'
IP = '203.0.113.7'
FAULT_KINDS = ('reset', 'http', 'truncated')


def monitor(monitor_id, record_id, host, **extra):
    mon = dict(monitor_id=monitor_id, record_id=record_id, host=host, port=80, monitor_type='http',
               monitor_path='/', monitor_interval=360, points='ctc,cuc', bak_ip='pass', sms_notice='me',
               email_notice='me', less_notice='no', callback_url='', created_on='2020-01-01 00:00:00')
    mon.update(extra)
    return mon


def lost_seed():
    """One account (an agent with a paid grade) with something of its own for every row to act on:
    the rows run one after the other in one playbook run and never touch each other's objects."""
    me = account(
        domain('example.com', record('www', 'A', '192.0.2.10', id=501), record('cdn', 'CNAME', 'cdn.example.net'),
               record('s1', 'A', '192.0.2.11', id=502), record('r1', 'A', '192.0.2.12', id=503),
               record('m2', 'A', '192.0.2.13', id=504), record('m3', 'A', '192.0.2.14', id=505),
               record('m4', 'A', '192.0.2.15', id=506), record('m5', 'A', '192.0.2.16', id=507),
               id=1001, grade='DP_Plus', aliases=['old.example'], shares=[{'email': FRIEND, 'mode': 'rw'}],
               monitors=[monitor('mon-m2', 504, 'm2.example.com'), monitor('mon-m3', 505, 'm3.example.com'),
                         monitor('mon-m4', 506, 'm4.example.com')]),
        domain('plain.example', record('www', 'A', '192.0.2.20', id=601), record('mon', 'A', '192.0.2.21', id=602),
               id=1002, grade='DP_Plus'),
        domain('settings.example', id=1007),
        domain('shared.example', id=1008, grade='DP_Plus', shares=[{'email': FRIEND, 'mode': 'rw'}]),
        domain('empty.example', id=1003),
        domain('lockme.example', id=1004),
        domain('locked.example', id=1005,
               lock={'lock_code': LOCK_CODE, 'start_at': '2026-01-01', 'end_at': '2999-12-31'}),
        domain('sold.example', record('www', 'A', '192.0.2.2'), id=1006),
        domain('part.example', record('www', 'A', '192.0.2.1'), id=1101),
        domain('one.example', record('www', 'A', '192.0.2.1'), id=1102),
        domain('gone.example', record('www', 'A', '192.0.2.1'), id=1103),
        grade='DP_Plus', agent=True, balance=5000, sub_users=[501, 502, 503], nick='Old Nick',
        telephone='18600000000', telephone_verified=False,
        groups=[{'group_id': 1985, 'group_name': 'legacy'}, {'group_id': 1986, 'group_name': 'old'}])
    return {'accounts': [
        me,
        {'user_id': 501, 'email': 'sub1@example.com', 'email_verified': True,
         'domains': [{'id': 51, 'name': 'free.example'}]},
        {'user_id': 502, 'email': 'sub2@example.com'},
        {'user_id': 503, 'email': 'sub3@example.com', 'email_verified': False, 'telephone_verified': False},
        {'user_id': 600, 'email': 'other-agent@example.com', 'agent': True, 'sub_users': [601]},
        {'user_id': 601, 'email': 'theirs@example.com'},
        {'user_id': 10001, 'email': FRIEND},
        {'user_id': 20000, 'email': 'them@example.com', 'login_token': '20000,fedcba9876543210fedcba9876543210',
         'domains': [domain('theirs.example', record('mail', 'A', '192.0.2.3'),
                            acquire={'emails': ['owner@registrant.example'], 'code': ACQUIRE_CODE}),
                     domain('theirs2.example',
                            acquire={'emails': ['owner@registrant.example'], 'code': ACQUIRE_CODE})]},
    ]}


# ---- reading the emulator's state -------------------------------------------------------------

def me(state):
    return state['accounts'][0]


def dom(state, name):
    return [d for a in state['accounts'] for d in a['domains'] if d['name'] == name][0]


def owner_of(state, name):
    return [a['user_id'] for a in state['accounts'] for d in a['domains'] if d['name'] == name]


def records(state, name, sub_domain):
    return [r for r in dom(state, name)['records'] if r['sub_domain'] == sub_domain]


def user(state, user_id):
    return [a for a in state['accounts'] if a['user_id'] == user_id][0]


def group_names(state):
    return [g['group_name'] for g in me(state)['groups']]


def monitor_of(state, monitor_id):
    found = [m for m in dom(state, 'example.com')['monitors'] if m['monitor_id'] == monitor_id]
    return found[0] if found else None


def log_lines(state, word):
    return [line for line in me(state).get('log') or [] if word in line]


# ---- the rows ----------------------------------------------------------------------------------
# (write action, module, module arguments, safe to repeat, check(result, state))
# "safe to repeat": the client sends the action again after the lost answer (2 requests: the lost
# one and the retry), else exactly once and then a read.

def ok(result):
    return not result.get('failed') and result['changed'] is True


ROWS = [
    ('Record.Create', 'dnspod_record', dict(domain='example.com', sub_domain='new', record_type='A',
                                            value='192.0.2.99'), True,
     lambda r, s: ok(r) and [x['value'] for x in records(s, 'example.com', 'new')] == ['192.0.2.99']),
    ('Record.Modify', 'dnspod_record', dict(domain='example.com', sub_domain='www', record_type='A',
                                            value='192.0.2.11', replace=True), True,
     lambda r, s: ok(r) and [x['value'] for x in records(s, 'example.com', 'www')] == ['192.0.2.11']),
    ('Record.Remove', 'dnspod_record', dict(domain='example.com', sub_domain='cdn', record_type='CNAME',
                                            state='absent'), True,
     lambda r, s: ok(r) and records(s, 'example.com', 'cdn') == []),
    ('Record.Status', 'dnspod_record', dict(domain='example.com', sub_domain='s1', record_type='A',
                                            value='192.0.2.11', status='disabled'), True,
     lambda r, s: ok(r) and records(s, 'example.com', 's1')[0]['status'] in ('disabled', 'disable')),
    ('Record.Remark', 'dnspod_record', dict(domain='example.com', sub_domain='r1', record_type='A',
                                            value='192.0.2.12', remark='web'), True,
     lambda r, s: ok(r) and records(s, 'example.com', 'r1')[0]['remark'] == 'web'),
    ('Record.Ddns', 'dnspod_ddns', dict(domain='plain.example', sub_domain='www', value='198.51.100.7'), True,
     lambda r, s: ok(r) and records(s, 'plain.example', 'www')[0]['value'] == '198.51.100.7'),
    ('Domain.Create', 'dnspod_domain', dict(domain='new.example'), True,
     lambda r, s: ok(r) and owner_of(s, 'new.example') == [10000]),
    ('Domain.Remove', 'dnspod_domain', dict(domain='empty.example', state='absent'), True,
     lambda r, s: ok(r) and not owner_of(s, 'empty.example')),
    ('Domain.Remark', 'dnspod_domain', dict(domain='settings.example', remark='kept'), True,
     lambda r, s: ok(r) and dom(s, 'settings.example')['remark'] == 'kept'),
    ('Domain.Ismark', 'dnspod_domain', dict(domain='settings.example', is_mark=True), True,
     lambda r, s: ok(r) and dom(s, 'settings.example')['is_mark'] in ('yes', True)),
    ('Domain.Searchenginepush', 'dnspod_domain', dict(domain='settings.example', searchengine_push=False), True,
     lambda r, s: ok(r) and dom(s, 'settings.example')['searchengine_push'] in ('no', False)),
    ('Domain.Changegroup', 'dnspod_domain', dict(domain='settings.example', group='1985'), True,
     lambda r, s: ok(r) and str(dom(s, 'settings.example')['group_id']) == '1985'),
    ('Domain.Status', 'dnspod_domain', dict(domain='settings.example', status='disabled'), True,
     lambda r, s: ok(r) and dom(s, 'settings.example')['status'] in ('pause', 'disable', 'disabled')),
    # sent once: the unlock code of the lost answer cannot be read again; the task says so and fails
    ('Domain.Lock', 'dnspod_lock', dict(domain='lockme.example', days=7), False,
     lambda r, s: (r.get('failed') and r['changed'] is True and r['lock']['locked'] is True and r['lock_code'] is None
                   and 'unlock code cannot be read again' in r['msg'] and 'locked until' in r['msg']
                   and dom(s, 'lockme.example')['lock']['end_at'] == r['lock']['end_at'])),
    ('Domain.Unlock', 'dnspod_lock', dict(domain='locked.example', state='unlocked', lock_code=LOCK_CODE), False,
     lambda r, s: ok(r) and r['lock']['locked'] is False and not dom(s, 'locked.example').get('lock')),
    ('Domain.Transfer', 'dnspod_domain', dict(domain='sold.example', transfer_to='them@example.com'), False,
     lambda r, s: ok(r) and owner_of(s, 'sold.example') == [20000]),
    # sent once: charged exactly once (698 of 5000), the task reports the upgrade read back
    ('Domain.Upgrade', 'dnspod_upgrade', dict(user_id='501', domain='free.example', grade='D_Plus', term='1year',
                                              ip_addr=IP), False,
     lambda r, s: (ok(r) and me(s)['balance'] == 5000 - 698 and dom(s, 'free.example')['grade'] == 'D_Plus'
                   and r['domain']['grade'] == 'D_Plus' and 'bill' not in r
                   and any('carried out' in w for w in r.get('warnings', [])))),
    # sent once: nothing reads a mailed code back; the task says what to check
    ('Domain.Acquiresend', 'dnspod_domain_acquire', dict(domain='theirs2.example', email='owner@registrant.example'),
     False, lambda r, s: (r.get('failed') and 'outcome is unknown' in r['msg']
                          and 'owner@registrant.example' in r['msg'] and 'mailbox' in r['msg'])),
    ('Domain.Acquirevalidate', 'dnspod_domain_acquire', dict(domain='theirs.example', code=ACQUIRE_CODE), False,
     lambda r, s: ok(r) and owner_of(s, 'theirs.example') == [10000]),
    ('Domaingroup.Create', 'dnspod_group', dict(name='sites'), False,
     lambda r, s: (ok(r) and [g['group_name'] for g in me(s)['groups']].count('sites') == 1
                   and str(r['group']['group_id']) == str([g for g in me(s)['groups']
                                                           if g['group_name'] == 'sites'][0]['group_id']))),
    ('Domaingroup.Modify', 'dnspod_group', dict(name='archive', old_name='legacy'), True,
     lambda r, s: ok(r) and 'archive' in group_names(s) and 'legacy' not in group_names(s)),
    ('Domaingroup.Remove', 'dnspod_group', dict(name='old', state='absent'), True,
     lambda r, s: ok(r) and 'old' not in group_names(s)),
    ('Domainshare.Create', 'dnspod_share', dict(domain='plain.example', email=FRIEND), True,
     lambda r, s: ok(r) and [x['email'] for x in dom(s, 'plain.example')['shares']] == [FRIEND]),
    ('Domainshare.Modify', 'dnspod_share', dict(domain='example.com', email=FRIEND, mode='r'), True,
     lambda r, s: ok(r) and [x['mode'] for x in dom(s, 'example.com')['shares']] == ['r']),
    ('Domainshare.Remove', 'dnspod_share', dict(domain='shared.example', email=FRIEND, state='absent'), True,
     lambda r, s: ok(r) and dom(s, 'shared.example')['shares'] == []),
    ('Domainalias.Create', 'dnspod_alias', dict(domain='example.com', aliases=['new-alias.example']), True,
     lambda r, s: ok(r) and sorted(a['domain'] for a in dom(s, 'example.com')['aliases'])
     == ['new-alias.example']),
    ('Domainalias.Remove', 'dnspod_alias', dict(domain='example.com', aliases=['old.example'], state='absent'), True,
     lambda r, s: ok(r) and 'old.example' not in [a['domain'] for a in dom(s, 'example.com')['aliases']]),
    ('Monitor.Create', 'dnspod_monitor', dict(domain='plain.example', sub_domain='mon', value='192.0.2.21'), False,
     lambda r, s: ok(r) and len(dom(s, 'plain.example')['monitors']) == 1
     and r['monitor']['monitor_id'] == dom(s, 'plain.example')['monitors'][0]['monitor_id']),
    ('Monitor.Modify', 'dnspod_monitor', dict(domain='example.com', sub_domain='m2', value='192.0.2.13',
                                              monitor_interval=60), True,
     lambda r, s: ok(r) and int(monitor_of(s, 'mon-m2')['monitor_interval']) == 60),
    ('Monitor.Remove', 'dnspod_monitor', dict(domain='example.com', sub_domain='m3', value='192.0.2.14',
                                              state='absent'), True,
     lambda r, s: ok(r) and monitor_of(s, 'mon-m3') is None),
    ('Monitor.Setstatus', 'dnspod_monitor', dict(domain='example.com', sub_domain='m4', value='192.0.2.15',
                                                 status='disabled'), True,
     lambda r, s: ok(r) and monitor_of(s, 'mon-m4')['status'] in ('disabled', 'disable')),
    ('User.Modify', 'dnspod_account', dict(nick='New Nick'), True,
     lambda r, s: ok(r) and me(s)['nick'] == 'New Nick'),
    ('Useremail.Modify', 'dnspod_account', dict(new_email='new-address@example.com', email_password=PASSWORD),
     False, lambda r, s: ok(r) and me(s)['email'] == 'new-address@example.com'),
    # sent once: a retry would say "old password is wrong"; User.Log read back shows the change
    ('Userpasswd.Modify', 'dnspod_account', dict(old_password=PASSWORD, new_password=NEW_PASSWORD), False,
     lambda r, s: (ok(r) and r['password_changed'] is True and r['changes'].get('password')
                   and len(log_lines(s, '修改密码')) == 1)),
    ('Telephoneverify.Code', 'dnspod_account', dict(send_telephone_code=True), False,
     lambda r, s: (r.get('failed') and 'outcome is unknown' in r['msg'] and '18600000000' in r['msg']
                   and len(log_lines(s, '获取手机验证码')) == 1)),
    ('User.Create', 'dnspod_agent_user', dict(email='new@example.com', password=NEW_PASSWORD, real_name='Zhang San',
                                              telephone='13800138000', ip_addr=IP), False,
     lambda r, s: (ok(r) and [a['email'] for a in s['accounts']].count('new@example.com') == 1
                   and str(r['user']['id']) == str([a for a in s['accounts']
                                                    if a['email'] == 'new@example.com'][0]['user_id']))),
    ('User.Transfer', 'dnspod_agent_user', dict(email='sub2@example.com', state='transferred', agent_id='600'), False,
     lambda r, s: ok(r) and 502 in user(s, 600)['sub_users'] and 502 not in me(s)['sub_users']),
    ('Verify.Email', 'dnspod_agent_user', dict(email='sub3@example.com', verify_email=True), False,
     lambda r, s: ok(r) and user(s, 503)['email_verified'] in (True, 'yes')),
    ('Verify.Telephone', 'dnspod_agent_user', dict(email='sub3@example.com', verify_telephone=True,
                                                   telephone='13800138000'), False,
     lambda r, s: ok(r) and user(s, 503)['telephone_verified'] in (True, 'yes')),
]

# ---- partial failures (issue 14, item 2) ------------------------------------------------------
# (name, module, arguments, fault rules, check(result, state))
LOST_MODIFY = [{'kind': 'reset', 'action': 'Record.Modify', 'after': True, 'times': 1},
               {'kind': 'http', 'status': 502, 'action': 'Record.Modify', 'times': 0}]

PARTIAL_ROWS = [
    ('dnspod_records: a Modify carried out whose answer was lost (retries spent), then a refused Create',
     'dnspod_records', dict(domain='part.example', retries=1, records=[
         {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.2']},
         {'sub_domain': 'new', 'record_type': 'A', 'value': ['192.0.2.3']}]),
     LOST_MODIFY + [{'kind': 'code', 'code': '-99', 'action': 'Record.Create'}],
     lambda r, s: (r.get('failed') and r['changed'] is True and '1 of 2 change(s) were applied' in r['msg']
                   and [op['done'] for op in r['operations']] == [True, False] and r['api']['writes'] == 1
                   and [x['value'] for x in records(s, 'part.example', 'www')] == ['192.0.2.2']
                   and records(s, 'part.example', 'new') == [])),
    ('dnspod_record: its one Modify carried out, the answer lost, retries spent',
     'dnspod_record', dict(domain='one.example', sub_domain='www', record_type='A', value='192.0.2.2', replace=True,
                           retries=1),
     LOST_MODIFY,
     lambda r, s: (ok(r) and r['operations'][0]['done'] is True and r['api']['writes'] == 1
                   and [x['value'] for x in records(s, 'one.example', 'www')] == ['192.0.2.2'])),
    ('dnspod_record: the answer lost and the records cannot be read back',
     'dnspod_record', dict(domain='gone.example', sub_domain='www', record_type='A', value='192.0.2.2', replace=True,
                           retries=1),
     [{'kind': 'reset', 'action': 'Record.Modify', 'after': True, 'times': 1},
      {'kind': 'reset', 'action': 'Record.*', 'skip': 1, 'times': 0}],
     lambda r, s: (r.get('failed') and r['changed'] is False and '0 of 1 change(s) were applied' in r['msg']
                   and 'The outcome of modify www A 192.0.2.1 -> 192.0.2.2' in r['msg']
                   and 'is unknown' in r['msg'] and 'check it before running the task again' in r['msg']
                   and [x['value'] for x in records(s, 'gone.example', 'www')] == ['192.0.2.2'])),
    ('dnspod_account: a profile change, then a refused password change',
     'dnspod_account', dict(real_name='Partial Name', old_password='not-the-password', new_password='An0ther-pass'),
     [],
     lambda r, s: (r.get('failed') and r['changed'] is True and r['api']['writes'] == 1
                   and me(s)['real_name'] == 'Partial Name' and 'code 8' in r['msg'])),
]

FIGURES = {}
RUN = {}
# The one playbook run (run_all) serves every test of this file. The test command keeps the file on
# one xdist worker (--dist loadgroup); a test another worker takes reads that run's results from a
# file the workers of this session share (shared_run), so the run costs its minute once, not once
# per worker.
pytestmark = pytest.mark.xdist_group('lost_answers')


def api_post(emulator, action, params):
    """A call of the test itself (setup), as the account of the seed."""
    body = urllib.parse.urlencode(dict(params, login_token=TOKEN, format='json')).encode()
    with urllib.request.urlopen(emulator.url + '/' + action, body, timeout=10) as answer:
        return json.loads(answer.read().decode())


def shared_run(play, emulator, tmp_path, tmp_path_factory):
    """run_all's results, computed once per pytest session: under xdist the workers share them
    through a JSON file beside their temporary directories (the first takes a lock and runs, the
    others wait and read); without xdist, once per process."""
    if RUN:
        return RUN
    session = os.environ.get('PYTEST_XDIST_TESTRUNUID')
    if not session:
        return run_all(play, emulator, tmp_path)
    shared = tmp_path_factory.getbasetemp().parent / ('lost-answers-%s.json' % session)
    with open(str(shared) + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if shared.exists():
            RUN.update(json.loads(shared.read_text()))
            return RUN
        run_all(play, emulator, tmp_path)
        shared.write_text(json.dumps(RUN))
    return RUN


def run_all(play, emulator, tmp_path):
    """One playbook run for every row: each row injects its own fault rules, then runs its task;
    the request log is split by the calls each task reports."""
    emulator.reset(lost_seed())
    # Domain.Acquirevalidate needs a code sent first: the test sends it, before any fault
    sent = api_post(emulator, 'Domain.Acquiresend', {'domain': 'theirs.example', 'email': 'owner@registrant.example'})
    assert sent['status']['code'] == '1'
    start = len(emulator.requests())
    rows = []
    for index, (action, module, args, _repeat, _check) in enumerate(ROWS):
        kind = FAULT_KINDS[index % len(FAULT_KINDS)]
        rows.append(dict(name=action, module=module, args=args,
                         faults=[{'kind': kind, 'action': action, 'after': True, 'times': 1}]))
    for name, module, args, rules, _check in PARTIAL_ROWS:
        rows.append(dict(name=name, module=module, args=args, faults=rules))
    result_file = tmp_path / 'results.json'
    play('lost_answer.yml', {'rows': rows, 'emulator_url': emulator.url, 'result_file': str(result_file)})
    results = json.loads(result_file.read_text())
    log = emulator.requests()[start:]
    assert len(results) == len(rows)
    logs = []
    for result in results:
        calls = result['api']['calls']
        logs.append(log[:calls])
        log = log[calls:]
    assert log == []
    RUN.update(rows=rows, results=results, logs=logs, state=emulator.state())
    return RUN


@pytest.mark.parametrize('index', range(len(ROWS)), ids=[row[0] for row in ROWS])
def test_lost_answer(play, emulator, tmp_path, tmp_path_factory, index):
    action, _module, _args, repeat, check = ROWS[index]
    run = shared_run(play, emulator, tmp_path, tmp_path_factory)
    result, log, state = run['results'][index], run['logs'][index], run['state']
    kind = run['rows'][index]['faults'][0]['kind']
    sent = [e for e in log if e['action'] == action]
    assert sum(1 for e in log if e.get('fault')) == 1, (action, [(e['action'], e['code']) for e in log])
    # the first copy was carried out (its answer lost); a retry, if any, changed nothing more
    assert sent[0].get('fault') and sent[0]['write'], (action, sent)
    assert len(sent) == (2 if repeat else 1), (action, [(e['code'], e.get('fault')) for e in sent])
    assert sum(1 for e in log if e['write']) == 1, (action, [(e['action'], e['write']) for e in log])
    assert check(result, state), (action, result, [(e['action'], e['code']) for e in log])
    # the writes the task reports are those the server carried out, or known to be
    unknown = bool(result.get('failed')) and 'outcome is unknown' in result['msg']
    assert result['api']['writes'] == (0 if unknown else 1), (action, result['api'])
    reads = [e['action'] for e in log[log.index(sent[-1]) + 1:] if not e['write_action']]
    FIGURES[action] = {'fault': kind, 'requests of the action': len(sent), 'writes carried out': 1,
                       'task': 'failed' if result.get('failed') else 'ok', 'changed': result['changed'],
                       'writes reported': result['api']['writes'], 'read back': reads}
    save_figures('lost_answers', FIGURES)


PARTIAL_IDS = [row[0].split(':')[0] + '-%d' % i for i, row in enumerate(PARTIAL_ROWS)]


@pytest.mark.parametrize('index', range(len(PARTIAL_ROWS)), ids=PARTIAL_IDS)
def test_partial_failure_report(play, emulator, tmp_path, tmp_path_factory, index):
    name, _module, _args, _rules, check = PARTIAL_ROWS[index]
    run = shared_run(play, emulator, tmp_path, tmp_path_factory)
    at = len(ROWS) + index
    result, log, state = run['results'][at], run['logs'][at], run['state']
    assert check(result, state), (name, result, [(e['action'], e['code'], e.get('fault')) for e in log])
    FIGURES['partial: ' + name] = {
        'task': 'failed' if result.get('failed') else 'ok', 'changed': result['changed'],
        'writes carried out': sum(1 for e in log if e['write']), 'writes reported': result['api']['writes'],
        'faults': sum(1 for e in log if e.get('fault')), 'calls': len(log),
        'message': (result.get('msg') or '')[:300]}
    save_figures('lost_answers', FIGURES)
