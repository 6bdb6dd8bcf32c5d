"""dnspod_group, dnspod_group_info, dnspod_lock and dnspod_lock_info against the emulator.

The playbooks read the emulator's request log between tasks (ansible.builtin.uri on
/_emulator/requests), so one run shows the first run, the second run with zero writes, check mode,
diff, the refusals and the removal; this file checks the final state and the whole log.
"""
import datetime

import pytest

from seeds import account, domain, record

FREE_TOKEN = '20000,fedcba9876543210fedcba9876543210'
LOCK_CODE = 'c0ffee'

BOTH = pytest.mark.backends('dnspod', 'tencentcloud')


def two_accounts(*domains, **extra):
    paid = account(*domains, **extra)
    free = dict(user_id=20000, email='free@example.com', login_token=FREE_TOKEN, grade='DP_Free',
                domains=[domain('free.example')])
    return {'accounts': [paid, free]}


def write_actions(requests):
    """Every write the modules sent, whatever the answer (write_action, not only state changes)."""
    return [r['action'] for r in requests if r['write_action']]


def test_groups(play, emulator):
    emulator.reset(two_accounts(domain('example.com', group_id='1985'), grade='DP_Plus',
                                groups=[{'group_id': 1985, 'group_name': 'legacy'}]))
    play('group.yml')
    requests = emulator.requests()
    assert write_actions(requests) == ['Domaingroup.Create', 'Domaingroup.Modify', 'Domaingroup.Modify',
                                       'Domain.Changegroup', 'Domaingroup.Remove']
    assert all(r['code'] == '1' for r in requests if r['write_action'])
    paid = emulator.state()['accounts'][0]
    assert [g['group_name'] for g in paid['groups']] == ['sites']
    sites = paid['groups'][0]['group_id']
    # example.com left "archive" (ex legacy) for "sites" before "archive" was removed
    assert paid['domains'][0]['group_id'] == str(sites)
    assert emulator.state()['accounts'][1]['groups'] == []


def lock_seed():
    return {'accounts': [account(
        domain('example.com', record('www', 'A', '192.0.2.1')),
        domain('locked.example', lock={'lock_code': LOCK_CODE, 'start_at': '2026-01-01', 'end_at': '2999-12-31'}))]}


# The lock's writes and their answers' codes, per backend: lock, a record create refused on the
# locked domain, an unlock with a wrong code, the unlock, the unlock of the seeded lock.
LOCK_WRITES = {
    'dnspod': (['Domain.Lock', 'Record.Create', 'Domain.Unlock', 'Domain.Unlock', 'Domain.Unlock'],
               ['1', '21', '9', '1', '1'], 'lock_code', 'days'),
    'tencentcloud': (['ModifyDomainLock', 'CreateRecord', 'ModifyDomainUnlock', 'ModifyDomainUnlock',
                      'ModifyDomainUnlock'],
                     ['Success', 'FailedOperation.DomainIsLocked', 'InvalidParameter.UnLockCodeInvalid', 'Success',
                      'Success'], 'LockCode', 'LockDays'),
}


@BOTH
def test_lock_and_unlock(play, emulator, backend):
    emulator.reset(lock_seed())
    result = play('lock.yml', {'seeded_code': LOCK_CODE, 'backend': backend}, verbosity=3)
    requests = emulator.requests()
    actions, codes, code_param, days_param = LOCK_WRITES[backend]
    assert write_actions(requests) == actions
    assert [r['code'] for r in requests if r['write_action']] == codes
    # lock codes never reach the output or the request log
    assert LOCK_CODE not in result.stdout and LOCK_CODE not in result.stderr
    assert all(r['params'].get(code_param) in (None, '***') for r in requests)
    domains = emulator.state()['accounts'][0]['domains']
    assert [(d['name'], d['locked'], d['lock']) for d in domains] == [
        ('example.com', False, None), ('locked.example', False, None)]
    lock_calls = [r for r in requests if r['action'] == actions[0]]
    assert [str(r['params'][days_param]) for r in lock_calls] == ['7']


@BOTH
def test_lock_end_date_is_today_plus_days(play, emulator, backend):
    """The date the module reports comes from the API's answer, which the emulator computes."""
    emulator.reset(lock_seed())
    play('lock.yml', {'seeded_code': LOCK_CODE, 'only_lock': True, 'backend': backend})
    end = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date() + datetime.timedelta(days=7)
    domains = emulator.state()['accounts'][0]['domains']
    assert domains[0]['lock']['end_at'] == end.isoformat()
    assert write_actions(emulator.requests()) == LOCK_WRITES[backend][0][:1]
