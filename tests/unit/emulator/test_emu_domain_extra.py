"""Domain.Transfer, Domain.Acquire/Acquiresend/Acquirevalidate, Domain.Log and Domain.Purview."""
import pytest

from emulator.seed import SeedError, build_state

ME = '10000,mine'
OTHER = '20000,theirs'


def accounts(acquire=None, my_type='personal', **theirs_extra):
    theirs = {'id': 9, 'name': 'theirs.com', 'group_id': '4000'}
    if acquire is not None:
        theirs['acquire'] = acquire
    theirs.update(theirs_extra)
    return {'accounts': [
        {'user_id': 10000, 'email': 'me@example.com', 'login_token': ME, 'user_type': my_type,
         'domains': [{'id': 1, 'name': 'mine.com'}]},
        {'user_id': 20000, 'email': 'them@example.com', 'login_token': OTHER, 'grade': 'DP_Plus',
         'groups': [{'group_id': 4000, 'group_name': 'kept'}], 'domains': [theirs]},
        {'user_id': 30000, 'email': 'corp@example.com', 'user_type': 'enterprise', 'domains': [
            {'id': 20, 'name': 'corp.com', 'acquire': {'emails': ['hostmaster@corp.com'], 'code': '1'}}]},
    ]}


@pytest.fixture
def emu(start_emulator):
    emu = start_emulator(accounts(acquire={'emails': ['owner@registrant.example', 'p@whoisguard.example'],
                                           'code': '111000'}))
    emu.token = ME
    return emu


def owners(emu):
    return dict((d['name'], a['email']) for a in emu.state()['accounts'] for d in a['domains'])


def test_transfer(emu):
    assert emu.code('Domain.Transfer', domain_id='1') == '7'
    assert emu.code('Domain.Transfer', domain_id='1', email='not-an-address') == '7'
    assert emu.code('Domain.Transfer', domain_id='1', email='nobody@example.com') == '8'
    assert emu.code('Domain.Transfer', domain_id='1', email='ME@example.com') == '9'
    assert emu.code('Domain.Transfer', domain_id='1', email='corp@example.com') == '10'
    assert emu.code('Domain.Transfer', domain_id='9', email='them@example.com') == '6'   # not ours
    assert emu.code('Domain.Transfer', domain_id='77', email='them@example.com') == '6'
    assert not any(r['write'] for r in emu.requests())
    assert emu.code('Domain.Transfer', domain='mine.com', email='Them@example.com') == '1'
    assert owners(emu)['mine.com'] == 'them@example.com'
    assert emu.code('Domain.Info', domain='mine.com') == '8'          # no longer ours
    emu.token = OTHER
    assert emu.call('Domain.Info', domain='mine.com')['domain']['owner'] == 'them@example.com'
    assert [r['action'] for r in emu.requests() if r['write']] == ['Domain.Transfer']


def test_transfer_enterprise_to_personal(start_emulator):
    doc = accounts(my_type='enterprise')
    doc['accounts'][0]['email'] = 'me@example.com'
    emu = start_emulator(doc)
    emu.token = ME
    assert emu.code('Domain.Transfer', domain_id='1', email='them@example.com') == '11'
    assert emu.code('Domain.Transfer', domain_id='1', email='corp@example.com') == '1'


def test_acquire_flow(emu):
    answer = emu.call('Domain.Acquire', domain='Theirs.com')
    assert answer['status']['code'] == '1'
    assert answer['emails'] == ['owner@registrant.example', 'p@whoisguard.example']
    assert emu.code('Domain.Acquirevalidate', domain='theirs.com', code='111000') == '16'   # nothing sent
    assert emu.code('Domain.Acquiresend', domain='theirs.com') == '16'
    assert emu.code('Domain.Acquiresend', domain='theirs.com', email='x@example.com') == '16'
    assert emu.code('Domain.Acquiresend', domain='theirs.com', email='OWNER@registrant.example') == '1'
    assert emu.code('Domain.Acquirevalidate', domain='theirs.com', code='999999') == '15'
    assert emu.code('Domain.Acquirevalidate', domain='theirs.com') == '15'
    assert owners(emu)['theirs.com'] == 'them@example.com'
    assert emu.code('Domain.Acquirevalidate', domain='theirs.com', code='111000') == '1'
    assert owners(emu)['theirs.com'] == 'me@example.com'
    info = emu.call('Domain.Info', domain='theirs.com')['domain']
    assert info['group_id'] == '1'      # the old account's custom group stays behind
    assert emu.code('Domain.Acquire', domain='theirs.com') == '6'        # already ours
    writes = [r['action'] for r in emu.requests() if r['write']]
    assert writes == ['Domain.Acquiresend', 'Domain.Acquirevalidate']
    assert all(r['params'].get('code') in (None, '***') for r in emu.requests())


@pytest.mark.parametrize('domain, code', [
    (None, '6'), ('例子.com', '7'), ('xn--fsqu00a.com', '7'), ('bad_name', '8'), ('free.tk', '9'),
    ('unknown.com', '10'), ('mine.com', '6'), ('corp.com', '13'),
])
def test_acquire_codes(emu, domain, code):
    for action in ('Domain.Acquire', 'Domain.Acquiresend', 'Domain.Acquirevalidate'):
        assert emu.code(action, domain=domain, email='hostmaster@corp.com', code='1') == code, action


def test_acquire_locked_and_enterprise_codes(start_emulator):
    emu = start_emulator(accounts(acquire={'emails': ['a@b.example']}, lock={'lock_code': 'x'}))
    emu.token = ME
    assert emu.code('Domain.Acquire', domain='theirs.com') == '12'
    doc = accounts(my_type='enterprise')
    emu = start_emulator(doc)
    emu.token = ME
    assert emu.code('Domain.Acquire', domain='theirs.com') == '14'


def test_acquire_without_whois_emails(start_emulator):
    emu = start_emulator(accounts())
    emu.token = ME
    assert emu.code('Domain.Acquire', domain='theirs.com') == '15'
    assert emu.code('Domain.Acquiresend', domain='theirs.com', email='a@b.example') == '15'


def test_random_code_when_the_seed_gives_none(start_emulator):
    emu = start_emulator(accounts(acquire={'emails': ['a@b.example']}))
    emu.token = ME
    assert emu.code('Domain.Acquiresend', domain='theirs.com', email='a@b.example') == '1'
    codes = set(emu.code('Domain.Acquirevalidate', domain='theirs.com', code=c) for c in ('1', 'abc'))
    assert codes == {'15'}


def test_log_and_purview(emu):
    emu.call('Domain.Remark', domain_id='1', remark='hello')
    log = emu.call('Domain.Log', domain_id='1')['log']
    assert log[0].endswith('设置域名备注') and '(API)' in log[0]
    assert emu.code('Domain.Log', domain_id='77') == '6'
    assert emu.code('Domain.Log', domain_id='9') == '8'
    purview = dict((p['name'], p['value']) for p in emu.call('Domain.Purview', domain='mine.com')['purview'])
    assert purview['域名锁定天数'] == 30 and purview['记录TTL最低'] == 600
    assert emu.code('Domain.Purview', domain_id='77') == '6'
    assert emu.code('Domain.Purview', domain_id='9') == '6'


def test_acquire_seed_and_dump(emu):
    dumped = [d for a in emu.state()['accounts'] for d in a['domains'] if d['name'] == 'theirs.com'][0]
    assert dumped['acquire'] == {'emails': ['owner@registrant.example', 'p@whoisguard.example'], 'code': '111000'}
    for bad, message in (([], 'expected an object'), ({'emails': ['nope']}, 'emails'),
                         ({'code': ''}, 'code'), ({'mail': []}, 'unknown key')):
        with pytest.raises(SeedError, match=message):
            build_state(accounts(acquire=bad))


def test_domainshare_transfer_of_the_curl_example_is_not_an_action(emu):
    assert emu.code('Domainshare.Transfer', domain_id='1', email='them@example.com') == '-99'
    assert owners(emu)['mine.com'] == 'me@example.com'
