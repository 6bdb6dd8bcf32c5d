"""Domainshare.Create/List/Modify/Remove: parameters, codes, quotas, sub-domain shares, seed/dump."""
import pytest

from emu_account import EMAIL, PASSWORD, TOKEN
from emulator.seed import SeedError, build_state

FRIEND = 'friend@example.com'
OTHER = 'other@example.com'


def share_seed(shares=None, grade='DP_Free', settings=None, owner_extra=None, domain_extra=None):
    dom = {'id': 1001, 'name': 'example.com', 'grade': grade}
    if shares is not None:
        dom['shares'] = shares
    dom.update(domain_extra or {})
    owner = {'user_id': 10000, 'email': EMAIL, 'login_token': TOKEN, 'password': PASSWORD,
             'domains': [dom]}
    owner.update(owner_extra or {})
    seed = {'accounts': [
        owner,
        {'user_id': 10001, 'email': FRIEND, 'domains': [{'id': 2001, 'name': 'friend.example'}]},
        {'user_id': 10002, 'email': OTHER},
        {'user_id': 10003, 'email': 'third@example.com'},
    ]}
    if settings:
        seed['settings'] = settings
    return seed


@pytest.fixture
def emu(start_emulator):
    return start_emulator(share_seed())


def shares(emu, **params):
    params.setdefault('domain_id', '1001')
    answer = emu.call('Domainshare.List', error_on_empty='no', **params)
    assert answer['status']['code'] == '1', answer
    return answer['share']


def dumped(emu):
    return emu.state()['accounts'][0]['domains'][0]['shares']


def test_create_list_and_defaults(emu):
    assert emu.code('Domainshare.List', domain_id='1001') == '7'
    answer = emu.call('Domainshare.Create', domain_id='1001', email='Friend@Example.com')
    assert answer['status']['code'] == '1'
    assert set(answer) == {'status'}
    answer = emu.call('Domainshare.List', domain='example.com')
    assert answer['owner'] == EMAIL
    # mode defaults to r; the e-mail is the account's own spelling; the documented fields only
    assert answer['share'] == [{'share_to': FRIEND, 'mode': 'r', 'status': 'enabled'}]
    assert emu.code('Domainshare.Create', domain_id='1001', email=OTHER, mode='rw', sub_domain='WWW') == '1'
    # which part a share covers is not in the documented answer (the dump has it)
    assert shares(emu)[1] == {'share_to': OTHER, 'mode': 'rw', 'status': 'enabled'}
    assert dumped(emu) == [{'email': FRIEND, 'mode': 'r'}, {'email': OTHER, 'mode': 'rw', 'sub_domain': 'www'}]
    log = emu.requests()
    assert [(r['action'], r['write']) for r in log if r['action'] == 'Domainshare.Create'] == [
        ('Domainshare.Create', True), ('Domainshare.Create', True)]


@pytest.mark.parametrize('params, code', [
    ({}, '7'),                                           # no e-mail
    ({'email': 'not-an-address'}, '7'),
    ({'email': EMAIL}, '7'),                             # the owner itself
    ({'email': 'nobody@example.com'}, '8'),              # no such account
    ({'email': FRIEND, 'mode': 'w'}, '3'),               # undocumented: code 3 naming the parameter
    ({'email': FRIEND, 'sub_domain': 'bad label!'}, '3'),
])
def test_create_refusals(emu, params, code):
    answer = emu.call('Domainshare.Create', domain_id='1001', **params)
    assert answer['status']['code'] == code, answer
    assert shares(emu) == []
    assert not any(r['write'] for r in emu.requests())
    assert all(r['write_action'] for r in emu.requests() if r['action'] == 'Domainshare.Create')


def test_create_twice_and_domain_codes(emu):
    assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '1'
    assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND, sub_domain='www') == '9'
    assert emu.code('Domainshare.Create', domain_id='999', email=OTHER) == '6'
    assert emu.code('Domainshare.Create', domain_id='abc', email=OTHER) == '6'
    assert emu.code('Domainshare.Create', domain='missing.example', email=OTHER) == '13'
    assert emu.code('Domainshare.Create', domain_id='2001', email=OTHER) == '6'   # another account's domain
    assert emu.code('Domainshare.List', domain_id='2001') == '6'


def test_quota_per_grade_and_setting(start_emulator):
    free = start_emulator(share_seed())
    assert free.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '1'
    assert free.code('Domainshare.Create', domain_id='1001', email=OTHER) == '1'
    answer = free.call('Domainshare.Create', domain_id='1001', email='third@example.com', lang='cn')
    assert answer['status'] == dict(answer['status'], code='10', message='共享数量已经到达上限')
    # removing one frees a place
    assert free.code('Domainshare.Remove', domain_id='1001', email=OTHER) == '1'
    assert free.code('Domainshare.Create', domain_id='1001', email='third@example.com') == '1'

    tight = start_emulator(share_seed(grade='DP_Plus', settings={'share_limit_paid': 1}))
    assert tight.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '1'
    assert tight.code('Domainshare.Create', domain_id='1001', email=OTHER) == '10'
    assert tight.state()['settings']['share_limit_paid'] == 1


def test_modify_the_five_documented_cases(start_emulator):
    # share_list_sub_domain: the List shows the part, which the documents do not, to watch it change
    emu = start_emulator(share_seed(settings={'share_list_sub_domain': True}))
    assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND, mode='rw') == '1'

    def modify(**params):
        return emu.code('Domainshare.Modify', domain_id='1001', email=FRIEND, **params)

    def current():
        return shares(emu)[0]

    # 1. whole domain, rw -> r
    assert modify(mode='r') == '1'
    assert current() == {'share_to': FRIEND, 'mode': 'r', 'status': 'enabled', 'sub_domain': ''}
    # 3. whole domain -> sub-domain www
    assert modify(mode='rw', new_sub_domain='www') == '1'
    assert current()['sub_domain'] == 'www' and current()['mode'] == 'rw'
    # 2. sub-domain mode change: old = new = www
    assert modify(mode='r', old_sub_domain='www', new_sub_domain='www') == '1'
    assert current() == {'share_to': FRIEND, 'mode': 'r', 'status': 'enabled', 'sub_domain': 'www'}
    # 5. www -> bbs
    assert modify(mode='r', old_sub_domain='www', new_sub_domain='bbs') == '1'
    assert current()['sub_domain'] == 'bbs'
    # 4. sub-domain -> whole domain
    assert modify(mode='rw', old_sub_domain='bbs') == '1'
    assert current() == {'share_to': FRIEND, 'mode': 'rw', 'status': 'enabled', 'sub_domain': ''}
    writes = [r for r in emu.requests() if r['action'] == 'Domainshare.Modify']
    assert [r['write'] for r in writes] == [True] * 5


def test_modify_refusals_and_unchanged(emu):
    assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND, sub_domain='www') == '1'
    since = emu.requests()[-1]['seq']
    # the share is of www: naming the whole domain (no old_sub_domain) or another sub-domain is 9
    assert emu.code('Domainshare.Modify', domain_id='1001', email=FRIEND, mode='rw') == '9'
    assert emu.code('Domainshare.Modify', domain_id='1001', email=FRIEND, mode='rw',
                    old_sub_domain='bbs', new_sub_domain='www') == '9'
    assert emu.code('Domainshare.Modify', domain_id='1001', email=OTHER, mode='rw') == '9'
    assert emu.code('Domainshare.Modify', domain_id='1001', email='nobody@example.com') == '8'
    assert emu.code('Domainshare.Modify', domain_id='1001', email='bad') == '7'
    assert emu.code('Domainshare.Modify', domain_id='1001', email=FRIEND, mode='x',
                    old_sub_domain='www', new_sub_domain='www') == '3'
    assert emu.code('Domainshare.Modify', domain_id='42', email=FRIEND) == '6'
    # unchanged: accepted, but not a write; mode defaults to r ("默认为 r")
    assert emu.code('Domainshare.Modify', domain_id='1001', email=FRIEND,
                    old_sub_domain='www', new_sub_domain='www') == '1'
    log = emu.requests(since=since)
    assert not any(r['write'] for r in log)
    assert all(r['write_action'] for r in log)
    assert shares(emu)[0]['mode'] == 'r'


def test_remove(emu):
    assert emu.code('Domainshare.Remove', domain_id='1001', email=FRIEND) == '9'
    assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND, sub_domain='www') == '1'
    assert emu.code('Domainshare.Remove', domain_id='1001', email='') == '7'
    assert emu.code('Domainshare.Remove', domain_id='1001', email='nobody@example.com') == '8'
    assert emu.code('Domainshare.Remove', domain='example.com', email='FRIEND@example.com') == '1'
    assert shares(emu) == []
    assert emu.code('Domainshare.Remove', domain_id='1001', email=FRIEND) == '9'


def test_banned_and_upgrade_codes(start_emulator):
    banned = start_emulator(share_seed(shares=[{'email': FRIEND}], domain_extra={'ext_status': 'spam'}))
    assert banned.code('Domainshare.Create', domain_id='1001', email=OTHER) == '-15'
    assert banned.code('Domainshare.Modify', domain_id='1001', email=FRIEND, mode='rw') == '-15'
    assert banned.code('Domainshare.Remove', domain_id='1001', email=FRIEND) == '-15'
    assert banned.code('Domainshare.List', domain_id='1001') == '1'        # List documents no -15

    enterprise = start_emulator(share_seed(owner_extra={'user_type': 'enterprise'}))
    assert enterprise.code('Domainshare.List', domain_id='1001') == '-7'
    assert enterprise.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '-7'
    paid = start_emulator(share_seed(grade='DP_Plus', owner_extra={'user_type': 'enterprise'}))
    assert paid.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '1'

    agent = start_emulator(share_seed(owner_extra={'agent': True}))
    assert agent.code('Domainshare.List', domain_id='1001', user_id='10000') == '-8'
    assert agent.code('Domainshare.Create', domain_id='1001', email=FRIEND, user_id='10000') == '-8'
    assert agent.code('Domainshare.Create', domain_id='1001', email=FRIEND) == '1'


def test_seed_and_dump_round_trip(start_emulator):
    seed = share_seed(shares=[{'email': 'FRIEND@example.com', 'mode': 'rw'},
                              {'email': OTHER, 'sub_domain': 'www'}])
    emu = start_emulator(seed)
    assert shares(emu) == [
        {'share_to': FRIEND, 'mode': 'rw', 'status': 'enabled'},
        {'share_to': OTHER, 'mode': 'r', 'status': 'enabled'}]
    doc = emu.state()
    assert doc['accounts'][0]['domains'][0]['shares'] == [
        {'email': FRIEND, 'mode': 'rw'}, {'email': OTHER, 'mode': 'r', 'sub_domain': 'www'}]
    assert doc['accounts'][1]['domains'][0]['shares'] == []
    status, _h, body = emu.reset(doc)
    assert status == 200, body
    assert dumped(emu) == doc['accounts'][0]['domains'][0]['shares']


@pytest.mark.parametrize('shares_value, where', [
    ('x', 'domains[0].shares: expected a list'),
    ([{'email': 'nobody@example.com'}], 'shares[0].email'),
    ([{'email': EMAIL}], 'shares[0].email: the owner'),
    ([{'email': FRIEND}, {'email': FRIEND}], 'shares[1].email'),
    ([{'email': FRIEND, 'mode': 'w'}], 'shares[0].mode'),
    ([{'email': FRIEND, 'sub_domain': 'a b'}], 'shares[0].sub_domain'),
    ([{'email': FRIEND, 'extra': 1}], 'unknown key extra'),
])
def test_seed_errors_name_the_place(shares_value, where):
    with pytest.raises(SeedError) as info:
        build_state(share_seed(shares=shares_value))
    assert where in str(info.value)


def test_settings_are_typed():
    with pytest.raises(SeedError, match='settings.share_limit_free'):
        build_state(share_seed(settings={'share_limit_free': 'two'}))
    assert build_state(share_seed()).settings['share_limit_free'] == 2
    assert build_state(share_seed()).settings['share_limit_paid'] == 10
