"""Domain.Lock/Lockstatus/Unlock and what a locked domain refuses."""
import datetime

import pytest

from emulator.actions_lock import today
from emulator.seed import SeedError, build_state


def two_accounts(lock=None):
    mine = {'id': 1, 'name': 'mine.com', 'records': [{'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1'}]}
    if lock is not None:
        mine['lock'] = lock
    return {'accounts': [
        {'user_id': 10000, 'login_token': '10000,mine', 'domains': [mine, {'id': 3, 'name': 'paid.com', 'grade': 'DP_Plus'}]},
        {'user_id': 20000, 'login_token': '20000,theirs', 'domains': [{'id': 9, 'name': 'theirs.com'}]},
    ]}


@pytest.fixture
def emu(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    return emu


def test_lock_answer_status_and_unlock(emu):
    assert emu.code('Domain.Lockstatus', domain='mine.com') == '7'
    answer = emu.call('Domain.Lock', domain_id='1', days='3')
    assert answer['status']['code'] == '1'
    lock = answer['lock']
    end = (today() + datetime.timedelta(days=3)).isoformat()
    assert lock['domain_id'] == 1 and lock['lock_end'] == end
    assert len(lock['lock_code']) == 6
    status = emu.call('Domain.Lockstatus', domain='mine.com')['lock']
    assert status == {'lock_status': 'yes', 'start_at': today().isoformat(), 'end_at': end}
    assert emu.code('Domain.Lock', domain_id='1', days='3') == '21'
    assert emu.code('Domain.Unlock', domain_id='1', lock_code='000000') == '9'
    assert emu.code('Domain.Unlock', domain_id='1') == '9'
    unlocked = emu.call('Domain.Unlock', domain_id='1', lock_code=lock['lock_code'].upper())
    assert unlocked['status']['code'] == '1' and unlocked['lock']['lock_status'] == 'no'
    assert emu.code('Domain.Unlock', domain_id='1', lock_code=lock['lock_code']) == '8'
    assert emu.code('Domain.Lockstatus', domain_id='1') == '7'
    logged = [r for r in emu.requests() if r['action'] == 'Domain.Unlock']
    assert all(r['params'].get('lock_code') in (None, '***') for r in logged)
    assert sum(r['params'].get('lock_code') == '***' for r in logged) == 3
    assert [r['action'] for r in emu.requests() if r['write']] == ['Domain.Lock', 'Domain.Unlock']


def test_lock_codes(emu):
    assert emu.code('Domain.Lock', domain='mine.com', days='3') == '6'      # domain_id only
    assert emu.code('Domain.Lock', domain_id='77', days='3') == '6'
    assert emu.code('Domain.Lock', domain_id='9', days='3') == '7'          # not the owner
    for days in (None, '', '0', '-1', 'x', '1.5'):
        assert emu.code('Domain.Lock', domain_id='1', days=days) == '8', days
    assert emu.code('Domain.Lock', domain_id='1', days='31') == '9'         # Purview: 30 days
    assert emu.code('Domain.Lock', domain_id='3', days='30') == '1'
    assert emu.code('Domain.Lockstatus', domain_id='9') == '6'
    assert emu.code('Domain.Unlock', domain_id='9', lock_code='x') == '7'
    assert emu.code('Domain.Unlock', domain_id='1', lock_code='x') == '8'
    assert not any(r['write'] for r in emu.requests() if r['action'] != 'Domain.Lock' or r['params'].get('domain_id') != '3')


def test_locked_domain_refuses_writes(start_emulator):
    emu = start_emulator(two_accounts(lock={'lock_code': 'fdd638', 'start_at': '2026-01-01', 'end_at': '2999-01-01'}))
    emu.token = '10000,mine'
    rid = emu.records('mine.com')[-1]['id']
    assert emu.code('Record.Create', domain_id='1', sub_domain='a', record_type='A', record_line='默认',
                    value='192.0.2.9') == '21'
    assert emu.code('Record.Modify', domain_id='1', record_id=rid, sub_domain='www', record_type='A',
                    record_line='默认', value='192.0.2.9') == '21'
    assert emu.code('Record.Remove', domain_id='1', record_id=rid) == '21'
    assert emu.code('Record.Status', domain_id='1', record_id=rid, status='disable') == '21'
    assert emu.code('Record.Ddns', domain_id='1', record_id=rid, sub_domain='www', record_type='A',
                    record_line='默认', value='192.0.2.9') == '21'
    assert emu.code('Domain.Remove', domain_id='1') == '7'
    # what 004 does not list as refused on a locked domain stays allowed
    assert emu.code('Domain.Remark', domain_id='1', remark='still allowed') == '1'
    assert emu.code('Record.Remark', domain_id='1', record_id=rid, remark='allowed') == '1'
    assert emu.code('Domain.Status', domain_id='1', status='disable') == '7'
    assert emu.code('Domain.Searchenginepush', domain_id='1', status='no') == '7'
    assert emu.call('Domain.Lockstatus', domain_id='1')['lock'] == {
        'lock_status': 'yes', 'start_at': '2026-01-01', 'end_at': '2999-01-01'}
    assert emu.call('Domain.List')['info']['lock_total'] == 1
    assert emu.code('Domain.Unlock', domain_id='1', lock_code='fdd638') == '1'
    assert emu.code('Domain.Status', domain_id='1', status='disable') == '1'
    assert emu.code('Record.Remove', domain_id='1', record_id=rid) == '1'


def test_expired_lock_is_lifted(start_emulator):
    yesterday = (today() - datetime.timedelta(days=1)).isoformat()
    emu = start_emulator(two_accounts(lock={'lock_code': 'abc123', 'start_at': '2020-01-01', 'end_at': yesterday}))
    emu.token = '10000,mine'
    assert emu.code('Domain.Lockstatus', domain_id='1') == '7'
    assert emu.code('Domain.Status', domain_id='1', status='disable') == '1'
    assert emu.state()['accounts'][0]['domains'][0]['lock'] is None


def test_seeded_locked_flag_without_a_code(start_emulator):
    doc = two_accounts()
    doc['accounts'][0]['domains'][0]['locked'] = True
    emu = start_emulator(doc)
    emu.token = '10000,mine'
    assert emu.call('Domain.Lockstatus', domain_id='1')['lock']['lock_status'] == 'yes'
    assert emu.code('Domain.Unlock', domain_id='1', lock_code='anything') == '9'


def test_dump_round_trip(emu):
    code = emu.call('Domain.Lock', domain_id='1', days='5')['lock']['lock_code']
    dumped = emu.state()['accounts'][0]['domains'][0]
    assert dumped['locked'] is True and dumped['lock']['lock_code'] == code
    rebuilt = build_state(two_accounts(lock=dumped['lock']))
    assert rebuilt.domains[1].locked and rebuilt.domains[1].ext['lock'] == dumped['lock']
    assert emu.state()['accounts'][0]['domains'][1]['lock'] is None


@pytest.mark.parametrize('lock, message', [
    ('yes', 'expected an object'),
    ({'lock_code': ''}, 'lock_code'),
    ({'lock_code': 'a', 'pin': 1}, 'unknown key'),
    ({'lock_code': 'a', 'end_at': '2026-13-01'}, 'not a date'),
    ({'lock_code': 'a', 'end_at': 'soon'}, 'YYYY-MM-DD'),
    ({'lock_code': 'a', 'start_at': '2026-02-01', 'end_at': '2026-01-01'}, 'before start_at'),
])
def test_seed_errors(lock, message):
    with pytest.raises(SeedError, match=message):
        build_state(two_accounts(lock=lock))
