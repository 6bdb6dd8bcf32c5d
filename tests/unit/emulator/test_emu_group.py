"""Domaingroup.List/Create/Modify/Remove and custom groups in Domain.Create/Changegroup."""
import pytest

from emulator.seed import SeedError, build_state

PAID = '10000,paid'
FREE = '20000,free'


def seed(groups=None, paid_domains=None, settings=None):
    paid = {'user_id': 10000, 'email': 'paid@example.com', 'login_token': PAID, 'grade': 'DP_Plus',
            'domains': paid_domains if paid_domains is not None else [{'id': 1, 'name': 'paid.com'}]}
    if groups is not None:
        paid['groups'] = groups
    doc = {'accounts': [paid, {'user_id': 20000, 'email': 'free@example.com', 'login_token': FREE,
                               'domains': [{'id': 2, 'name': 'free.com'}]}]}
    if settings:
        doc['settings'] = settings
    return doc


@pytest.fixture
def paid(start_emulator):
    emu = start_emulator(seed(groups=[{'group_id': 1985, 'group_name': 'dnspod'}]))
    emu.token = PAID
    return emu


def names(emu):
    return [(g['group_id'], g['group_name'], g['group_type'], g['size'])
            for g in emu.call('Domaingroup.List')['groups']]


def test_list_system_and_custom_groups(paid):
    listed = names(paid)
    assert listed[0] == (1, '默认分组', 'system', 1)
    assert [g[0] for g in listed] == [1, 2, 3, 4, 5, 6, 7, 8, 1985]
    assert listed[-1] == (1985, 'dnspod', 'custom', None)


def test_free_accounts_are_refused_everywhere(paid):
    paid.token = FREE
    for action, params in (('Domaingroup.List', {}), ('Domaingroup.Create', {'group_name': 'x'}),
                           ('Domaingroup.Modify', {'group_id': '1985', 'group_name': 'y'}),
                           ('Domaingroup.Remove', {'group_id': '1985'})):
        assert paid.code(action, **params) == '-7', action
    assert not any(r['write'] for r in paid.requests())


def test_create_codes_and_answer(paid):
    answer = paid.call('Domaingroup.Create', group_name=' web ')
    assert answer['status']['code'] == '1'
    assert answer['groups'] == {'id': '1986'}
    assert names(paid)[-1] == (1986, 'web', 'custom', None)
    assert paid.code('Domaingroup.Create') == '7'
    assert paid.code('Domaingroup.Create', group_name='  ') == '7'
    assert paid.code('Domaingroup.Create', group_name='x' * 21) == '7'
    assert paid.code('Domaingroup.Create', group_name='x' * 20) == '1'
    assert paid.code('Domaingroup.Create', group_name='web') == '8'
    assert paid.code('Domaingroup.Create', group_name='默认分组') == '8'


def test_create_limit_per_grade_and_setting(start_emulator):
    emu = start_emulator(seed(settings={'group_limit': 2}))
    emu.token = PAID
    assert emu.code('Domaingroup.Create', group_name='a') == '1'
    assert emu.code('Domaingroup.Create', group_name='b') == '1'
    assert emu.code('Domaingroup.Create', group_name='c') == '9'
    emu = start_emulator(seed())
    emu.token = PAID
    codes = [emu.code('Domaingroup.Create', group_name='g%d' % i) for i in range(11)]
    assert codes == ['1'] * 10 + ['9']      # DP_Plus: 10 custom groups


def test_modify(paid):
    assert paid.code('Domaingroup.Modify', group_id='1985', group_name='renamed') == '1'
    assert names(paid)[-1][1] == 'renamed'
    # same name again: accepted, not a change
    assert paid.code('Domaingroup.Modify', group_id='1985', group_name='renamed') == '1'
    assert [r['write'] for r in paid.requests() if r['action'] == 'Domaingroup.Modify'] == [True, False]
    assert paid.code('Domaingroup.Modify', group_name='x') == '6'
    assert paid.code('Domaingroup.Modify', group_id='2', group_name='x') == '6'
    assert paid.code('Domaingroup.Modify', group_id='4242', group_name='x') == '6'
    assert paid.code('Domaingroup.Modify', group_id='1985', group_name='') == '7'
    assert paid.code('Domaingroup.Modify', group_id='1985', group_name='经常修改') == '8'


def test_remove_moves_domains_to_the_default_group(paid):
    assert paid.code('Domain.Changegroup', domain_id='1', group_id='1985') == '1'
    assert names(paid)[-1][3] == 1
    assert paid.code('Domaingroup.Remove', group_id='1') == '6'
    assert paid.code('Domaingroup.Remove') == '6'
    assert paid.code('Domaingroup.Remove', group_id='1985') == '1'
    assert paid.code('Domaingroup.Remove', group_id='1985') == '6'
    assert paid.call('Domain.Info', domain_id='1')['domain']['group_id'] == '1'
    assert [g[0] for g in names(paid)] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_custom_groups_in_domain_create_and_list(paid):
    assert paid.code('Domain.Create', domain='new.com', group_id='1985') == '1'
    listed = paid.call('Domain.List', group_id='1985')
    assert [d['name'] for d in listed['domains']] == ['new.com']
    assert paid.code('Domain.Changegroup', domain_id='1', group_id='8') == '7'
    # another account's custom group is not one of ours
    other = paid.call('Domain.Create', domain='other.com', group_id='1985', login_token=FREE)
    assert other['status']['code'] == '3'


def test_seed_and_dump_round_trip(paid):
    state = paid.state()
    assert state['accounts'][0]['groups'] == [{'group_id': 1985, 'group_name': 'dnspod'}]
    assert state['accounts'][1]['groups'] == []
    paid.call('Domaingroup.Create', group_name='more')
    dumped = paid.state()
    rebuilt = build_state(dict(dumped, accounts=[dict(a, login_token=None) for a in dumped['accounts']]))
    assert rebuilt.accounts[0].ext['group'] == {'1985': 'dnspod', '1986': 'more'}


@pytest.mark.parametrize('groups, message', [
    ({}, 'expected a list'),
    ([{'group_name': ''}], 'group_name'),
    ([{'group_name': 'a', 'colour': 'red'}], 'unknown key'),
    ([{'group_id': 5, 'group_name': 'a'}], 'group_id'),
    ([{'group_name': 'a'}, {'group_name': 'a'}], 'taken'),
    ([{'group_name': '默认分组'}], 'taken'),
])
def test_seed_errors(groups, message):
    with pytest.raises(SeedError, match=message):
        build_state(seed(groups=groups))


def test_seed_domain_in_unknown_custom_group():
    with pytest.raises(SeedError, match='not one of its groups'):
        build_state(seed(groups=[], paid_domains=[{'name': 'a.com', 'group_id': '4000'}]))
    state = build_state(seed(groups=[{'group_id': 4000, 'group_name': 'x'}],
                             paid_domains=[{'name': 'a.com', 'group_id': '4000'}]))
    assert state.ext['group']['next_id'] == 4001
