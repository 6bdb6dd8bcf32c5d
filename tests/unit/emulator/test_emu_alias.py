"""Domainalias.List/Create/Remove: parameters, codes, quotas per grade, seed/dump."""
import pytest

from emu_account import EMAIL, PASSWORD, TOKEN
from emulator.seed import SeedError, build_state


def alias_seed(aliases=None, grade='DP_Plus', settings=None, owner_extra=None, domain_extra=None):
    dom = {'id': 1001, 'name': 'example.com', 'grade': grade}
    if aliases is not None:
        dom['aliases'] = aliases
    dom.update(domain_extra or {})
    owner = {'user_id': 10000, 'email': EMAIL, 'login_token': TOKEN, 'password': PASSWORD,
             'domains': [dom, {'id': 1002, 'name': 'free.example', 'grade': 'DP_Free'}]}
    owner.update(owner_extra or {})
    seed = {'accounts': [owner, {'user_id': 10001, 'email': 'friend@example.com',
                                 'domains': [{'id': 2001, 'name': 'friend.example', 'grade': 'DP_Plus',
                                              'aliases': ['friend-alias.example']}]}]}
    if settings:
        seed['settings'] = settings
    return seed


@pytest.fixture
def emu(start_emulator):
    return start_emulator(alias_seed())


def aliases(emu, **params):
    params.setdefault('domain_id', '1001')
    answer = emu.call('Domainalias.List', error_on_empty='no', **params)
    assert answer['status']['code'] == '1', answer
    return answer['alias']


def test_create_list_remove(emu):
    assert emu.code('Domainalias.List', domain_id='1001') == '7'
    # the seed's alias of friend.example took the first id (18737, the documents' example)
    answer = emu.call('Domainalias.Create', domain_id='1001', domain='Alias.Example')
    assert answer['status']['code'] == '1'
    assert answer['alias'] == {'id': '18738', 'punycode': 'alias.example'}
    answer = emu.call('Domainalias.Create', domain_id='1001', domain='bücher.example')
    assert answer['alias'] == {'id': '18739', 'punycode': 'xn--bcher-kva.example'}
    assert emu.call('Domainalias.List', domain='example.com')['alias'] == [
        {'id': '18738', 'domain': 'alias.example'}, {'id': '18739', 'domain': 'xn--bcher-kva.example'}]
    assert emu.code('Domainalias.Remove', domain='example.com', alias_id='18738') == '1'
    assert aliases(emu) == [{'id': '18739', 'domain': 'xn--bcher-kva.example'}]
    assert emu.code('Domainalias.Remove', domain_id='1001', alias_id='18738') == '7'
    assert [(r['action'], r['write']) for r in emu.requests() if r['write_action']] == [
        ('Domainalias.Create', True), ('Domainalias.Create', True), ('Domainalias.Remove', True),
        ('Domainalias.Remove', False)]


@pytest.mark.parametrize('params, code', [
    ({'domain': 'alias.example'}, '6'),                       # Create takes domain_id only
    ({'domain_id': '999', 'domain': 'alias.example'}, '6'),
    ({'domain_id': '2001', 'domain': 'alias.example'}, '6'),  # another account's domain
    ({'domain_id': '1001'}, '7'),
    ({'domain_id': '1001', 'domain': 'not a name'}, '7'),
    ({'domain_id': '1001', 'domain': 'localhost'}, '7'),
    ({'domain_id': '1001', 'domain': 'www.alias.example'}, '7'),   # "不带www."
    ({'domain_id': '1001', 'domain': 'example.com'}, '8'),         # the domain itself
    ({'domain_id': '1001', 'domain': 'friend.example'}, '8'),      # a domain of another account
    ({'domain_id': '1001', 'domain': 'friend-alias.example'}, '9'),  # bound to another domain
])
def test_create_refusals(emu, params, code):
    answer = emu.call('Domainalias.Create', **params)
    assert answer['status']['code'] == code, answer
    assert aliases(emu) == []
    assert not any(r['write'] for r in emu.requests())


def test_bound_twice_on_the_same_domain_is_9(emu):
    assert emu.code('Domainalias.Create', domain_id='1001', domain='alias.example') == '1'
    assert emu.code('Domainalias.Create', domain_id='1001', domain='ALIAS.example.') == '9'


def test_quota_per_grade(start_emulator):
    emu = start_emulator(alias_seed())
    for i in range(3):
        assert emu.code('Domainalias.Create', domain_id='1001', domain='a%d.example' % i) == '1'
    answer = emu.call('Domainalias.Create', domain_id='1001', domain='a3.example', lang='cn')
    assert answer['status']['code'] == '10'
    assert answer['status']['message'] == '绑定数量已经到达上限'
    # the free grade has no alias at all (Domain.Purview: 域名别名绑定个数 0)
    assert emu.code('Domainalias.Create', domain_id='1002', domain='b.example') == '10'
    roomy = start_emulator(alias_seed(settings={'alias_limit_free': 1, 'alias_limit_paid': 5}))
    assert roomy.code('Domainalias.Create', domain_id='1002', domain='b.example') == '1'
    assert roomy.code('Domainalias.Create', domain_id='1002', domain='c.example') == '10'


def test_remove_refusals(emu):
    assert emu.code('Domainalias.Create', domain_id='1001', domain='alias.example') == '1'
    assert emu.code('Domainalias.Remove', domain_id='1001') == '7'
    assert emu.code('Domainalias.Remove', domain_id='1001', alias_id='abc') == '7'
    assert emu.code('Domainalias.Remove', domain_id='1002', alias_id='18738') == '7'  # not this domain's
    assert emu.code('Domainalias.Remove', domain_id='2001', alias_id='18737') == '6'
    assert emu.code('Domainalias.Remove', domain='missing.example', alias_id='18738') == '13'
    assert len(aliases(emu)) == 1


def test_banned_and_upgrade_codes(start_emulator):
    banned = start_emulator(alias_seed(aliases=['old.example'], domain_extra={'ext_status': 'spam'}))
    assert banned.code('Domainalias.Create', domain_id='1001', domain='new.example') == '-15'
    assert banned.code('Domainalias.Remove', domain_id='1001', alias_id='18737') == '-15'
    assert banned.code('Domainalias.List', domain_id='1001') == '1'
    enterprise = start_emulator(alias_seed(owner_extra={'user_type': 'enterprise'}))
    assert enterprise.code('Domainalias.List', domain_id='1002') == '-7'
    assert enterprise.code('Domainalias.Create', domain_id='1002', domain='b.example') == '-7'
    assert enterprise.code('Domainalias.List', domain_id='1001', error_on_empty='no') == '1'
    agent = start_emulator(alias_seed(owner_extra={'agent': True}))
    assert agent.code('Domainalias.List', domain_id='1002', user_id='10000') == '-8'


def test_seed_and_dump_round_trip(start_emulator):
    emu = start_emulator(alias_seed(aliases=['one.example', {'domain': 'Two.Example', 'id': 500},
                                             'bücher.example'], settings={'alias_limit_paid': 5}))
    doc = emu.state()
    dumped = doc['accounts'][0]['domains'][0]['aliases']
    # ids: the friend's domain is loaded after ours, so its auto id comes last
    assert dumped == [{'id': 18737, 'domain': 'one.example'}, {'id': 500, 'domain': 'two.example'},
                      {'id': 18738, 'domain': 'xn--bcher-kva.example'}]
    assert doc['accounts'][1]['domains'][0]['aliases'] == [{'id': 18739, 'domain': 'friend-alias.example'}]
    assert doc['accounts'][0]['domains'][1]['aliases'] == []
    doc['accounts'][0]['login_token'] = TOKEN       # a dump holds no credentials
    status, _h, body = emu.reset(doc)
    assert status == 200, body
    assert emu.state()['accounts'][0]['domains'][0]['aliases'] == dumped
    assert emu.call('Domainalias.Create', domain_id='1001', domain='new.example')['alias']['id'] == '18740'


@pytest.mark.parametrize('value, where', [
    ({'a': 1}, 'domains[0].aliases: expected a list'),
    ([3], 'aliases[0]: expected a domain name'),
    (['www.alias.example'], 'aliases[0]: not a domain name'),
    (['example.com'], 'aliases[0]: example.com is a domain of the seed'),
    (['a.example', 'A.example'], 'aliases[1]: a.example is bound twice'),
    ([{'domain': 'a.example', 'id': 0}], 'aliases[0].id'),
    ([{'domain': 'a.example', 'id': 9}, {'domain': 'b.example', 'id': 9}], 'aliases[1].id'),
    ([{'domain': 'a.example', 'name': 'x'}], 'unknown key name'),
    (['friend-alias.example'], 'bound twice'),
])
def test_seed_errors_name_the_place(value, where):
    with pytest.raises(SeedError) as info:
        build_state(alias_seed(aliases=value))
    assert where in str(info.value)


def test_settings_defaults():
    settings = build_state(alias_seed()).settings
    assert (settings['alias_limit_free'], settings['alias_limit_paid']) == (0, 3)
