"""Agent API of the emulator: User.*, Verify.*, and user_id scoping (document 001)."""
import pytest

from emulator.seed import SeedError, build_state
from emulator.dump import dump

AGENT = '500,agent-secret'
OTHER_AGENT = '600,other-secret'
PLAIN = '700,plain-secret'
SUB_TOKEN = '501,sub-secret'


def agent_seed():
    return {'accounts': [
        {'user_id': 500, 'email': 'agent@example.com', 'login_token': AGENT, 'agent': True,
         'balance': 5000, 'sub_users': [501, 502]},
        {'user_id': 501, 'email': 'sub1@example.com', 'login_token': SUB_TOKEN,
         'domains': [{'id': 51, 'name': 'sub1.com'}], 'email_verified': True,
         'telephone_verified': False},
        {'user_id': 502, 'email': 'sub2@example.com', 'email_verified': False},
        {'user_id': 600, 'email': 'other@example.com', 'login_token': OTHER_AGENT, 'agent': True,
         'sub_users': [601]},
        {'user_id': 601, 'email': 'theirs@example.com', 'domains': [{'id': 61, 'name': 'theirs.com'}]},
        {'user_id': 700, 'email': 'plain@example.com', 'login_token': PLAIN,
         'domains': [{'id': 71, 'name': 'plain.com'}]},
    ]}


@pytest.fixture
def agent(start_emulator):
    emu = start_emulator(agent_seed())
    emu.token = AGENT
    return emu


def new_user(**extra):
    params = dict(email='new@example.com', password='secret-pw', user_type='personal',
                  real_name='Zhang San', telephone='13800138000', ip_addr='8.8.8.8')
    params.update(extra)
    return params


AGENT_ONLY = [('User.List', {}), ('User.Under', {'user_email': 'sub1@example.com'}),
              ('User.Transfer', {'user_id': '501', 'agent_id': '600'}),
              ('User.Create', new_user()), ('Verify.Email', {'user_id': '501'}),
              ('Verify.Telephone', {'user_id': '501', 'telephone': '13800138000'}),
              ('Product.List', {}),
              ('Domain.Upgrade', {'domain': 'plain.com', 'grade': 'D_Plus', 'term': '1year',
                                  'ip_addr': '8.8.8.8'})]


@pytest.mark.parametrize('action,params', AGENT_ONLY)
def test_agent_only_actions_refuse_ordinary_accounts(agent, action, params):
    assert agent.code(action, login_token=PLAIN, **params) == '-3'
    # even with a user_id, which ordinary accounts cannot use
    assert agent.code(action, login_token=PLAIN, **dict(params, user_id=params.get('user_id', '501'))) == '-3'
    assert [r['write'] for r in agent.requests()] == [False, False]


def test_user_list_pages_and_codes(agent):
    answer = agent.call('User.List')
    assert answer['info']['user_total'] == 2
    assert [(u['id'], u['email'], u['status'], u['domains'], u['points']) for u in answer['users']] \
        == [('501', 'sub1@example.com', 'enabled', '1', '0'), ('502', 'sub2@example.com', 'enabled', '0', '0')]
    second = agent.call('User.List', offset='1', length='1')
    assert [u['id'] for u in second['users']] == ['502'] and second['info']['user_total'] == 2
    assert agent.code('User.List', offset='-1') == '6'
    assert agent.code('User.List', offset='x') == '6'
    assert agent.code('User.List', length='0') == '7'


def test_user_list_empty(start_emulator):
    emu = start_emulator({'accounts': [{'user_id': 1, 'login_token': '1,a', 'agent': True}]})
    emu.token = '1,a'
    assert emu.code('User.List') == '8'
    answer = emu.call('User.List', error_on_empty='no')
    assert answer['status']['code'] == '1' and answer['users'] == [] and answer['info']['user_total'] == 0


@pytest.mark.parametrize('email,code', [('sub1@example.com', '1'), ('SUB1@example.com', '1'),
                                        ('not-an-email', '6'), ('', '6'),
                                        ('nobody@example.com', '7'), ('theirs@example.com', '8'),
                                        ('plain@example.com', '8'), ('agent@example.com', '8')])
def test_user_under(agent, email, code):
    assert agent.code('User.Under', user_email=email) == code


@pytest.mark.parametrize('params,code', [
    (new_user(email='bad'), '6'), (new_user(email='sub2@example.com'), '7'),
    (new_user(email='SUB2@example.com'), '7'),
    (new_user(password='12345'), '8'), (new_user(password='x' * 19), '8'), (new_user(password=None), '8'),
    (new_user(user_type='company'), '9'), (new_user(user_type=None), '9'),
    (new_user(real_name=''), '10'), (new_user(real_name='x' * 65), '10'),
    (new_user(user_type='enterprise', real_name='ACME Ltd'), '11'),
    (new_user(user_type='enterprise', real_name='ACME Ltd', id_card='1234'), '11'),
    (new_user(telephone='12345'), '12'), (new_user(telephone='+8613800138000'), '12'),
    (new_user(telephone=None), '12'),
    (new_user(im='abc'), '13'), (new_user(im='123'), '13'),
    (new_user(ip_addr='300.1.1.1'), '15'), (new_user(ip_addr='127.0.0.1'), '15'), (new_user(ip_addr=None), '15'),
])
def test_user_create_codes(agent, params, code):
    before = agent.state()
    assert agent.code('User.Create', **params) == code
    assert agent.state() == before


def test_user_create_makes_a_sub_user(agent):
    answer = agent.call('User.Create', **new_user(im='12345678'))
    assert answer['status']['code'] == '1'
    user_id = answer['user']['id']
    assert user_id == '10000'   # like seeded accounts without an id: max(ids, 9999) + 1
    state = agent.state()
    agent_doc = state['accounts'][0]
    assert agent_doc['sub_users'] == [501, 502, 10000]
    created = [a for a in state['accounts'] if a['user_id'] == 10000][0]
    assert (created['email'], created['real_name'], created['telephone'], created['im'],
            created['email_verified'], created['telephone_verified']) \
        == ('new@example.com', 'Zhang San', '13800138000', '12345678', False, False)
    assert agent.requests()[-1]['write'] is True
    # the new user logs in with its password, and the agent acts for it
    assert agent.code('User.Detail', auth=False, login_email='new@example.com', login_password='secret-pw') == '1'
    assert agent.code('User.Under', user_email='new@example.com') == '1'
    assert agent.code('User.Create', **new_user()) == '7'
    enterprise = new_user(email='corp@example.com', user_type='enterprise', real_name='ACME',
                          id_card='12345678-9')
    assert agent.code('User.Create', **enterprise) == '1'


def test_user_create_password_is_redacted_in_the_log(agent):
    agent.call('User.Create', **new_user())
    assert agent.requests()[-1]['params']['password'] == '***'


def test_user_transfer(agent):
    assert agent.code('User.Transfer', user_id='x', agent_id='600') == '6'
    assert agent.code('User.Transfer', user_id='999', agent_id='600') == '6'
    assert agent.code('User.Transfer', user_id='501', agent_id='999') == '6'
    assert agent.code('User.Transfer', user_id='501') == '6'
    assert agent.code('User.Transfer', user_id='601', agent_id='600') == '7'
    assert agent.code('User.Transfer', user_id='501', agent_id='700') == '8'
    assert agent.code('User.Transfer', user_id='501', agent_id='501') == '8'
    assert not any(r['write'] for r in agent.requests())
    assert agent.code('User.Transfer', user_id='501', agent_id='600') == '1'
    assert agent.requests()[-1]['write'] is True
    accounts = dict((a['user_id'], a) for a in agent.state()['accounts'])
    assert accounts[500]['sub_users'] == [502] and accounts[600]['sub_users'] == [501, 601]
    # no longer ours: neither listed nor reachable with user_id
    assert agent.code('User.Under', user_email='sub1@example.com') == '8'
    assert agent.code('Domain.Info', domain='sub1.com', user_id='501') == '7'
    assert agent.code('Domain.Info', login_token=OTHER_AGENT, domain='sub1.com', user_id='501') == '1'


def test_verify_email(agent):
    assert agent.code('Verify.Email') == '-5'
    assert agent.code('Verify.Email', user_id='abc') == '-5'
    assert agent.code('Verify.Email', user_id='999') == '-5'
    assert agent.code('Verify.Email', user_id='601') == '-4'
    assert agent.code('Verify.Email', user_id='502') == '1'
    assert agent.requests()[-1]['write'] is True
    assert agent.call('User.Detail', user_id='502')['info']['user']['email_verified'] == 'yes'
    # already verified: success, but nothing changed
    assert agent.code('Verify.Email', user_id='502') == '1'
    assert agent.requests()[-1]['write'] is False


def test_verify_telephone(agent):
    assert agent.code('Verify.Telephone', user_id='x', telephone='13800138000') == '-5'
    assert agent.code('Verify.Telephone', user_id='601', telephone='13800138000') == '-4'
    assert agent.code('Verify.Telephone', user_id='501', telephone='12345') == '4'
    assert agent.code('Verify.Telephone', user_id='501') == '4'
    detail = agent.call('User.Detail', user_id='501')['info']['user']
    assert (detail['email_verified'], detail['telephone_verified']) == ('yes', 'no')
    assert agent.code('Verify.Telephone', user_id='501', telephone='13900139000') == '1'
    detail = agent.call('User.Detail', user_id='501')['info']['user']
    assert (detail['telephone'], detail['telephone_verified']) == ('13900139000', 'yes')
    accounts = dict((a['user_id'], a) for a in agent.state()['accounts'])
    assert (accounts[501]['email_verified'], accounts[501]['telephone_verified']) == (True, True)
    # the same number again: nothing changes
    assert agent.code('Verify.Telephone', user_id='501', telephone='13900139000') == '1'
    assert agent.requests()[-1]['write'] is False


def test_agent_acts_for_its_users_with_user_id(agent):
    info = agent.call('Domain.Info', domain='sub1.com', user_id='501')
    assert info['status']['code'] == '1' and info['domain']['owner'] == 'sub1@example.com'
    assert agent.requests()[-1]['user_id'] == 501
    # without user_id the agent acts as itself and does not own the domain
    assert agent.code('Domain.Info', domain='sub1.com') == '8'
    created = agent.call('Record.Create', domain='sub1.com', user_id='501', sub_domain='www',
                         record_type='A', record_line='默认', value='192.0.2.1')
    assert created['status']['code'] == '1'
    doms = dict((a['user_id'], a['domains']) for a in agent.state()['accounts'])
    assert [r['value'] for r in doms[501][0]['records'] if r['sub_domain'] == 'www'] == ['192.0.2.1']
    assert agent.code('Domain.List', user_id='500', error_on_empty='no') == '1'           # itself
    assert agent.code('Domain.Info', domain='theirs.com', user_id='601') == '7'   # another agent's
    assert agent.code('Domain.Info', domain='plain.com', user_id='700') == '7'    # not under anyone
    assert agent.code('Domain.Info', domain='sub1.com', user_id='12a') == '6'
    assert agent.code('Domain.Info', domain='sub1.com', user_id='0') == '6'
    assert agent.code('Domain.Info', domain='sub1.com', user_id='99999') == '7'


def test_agent_calls_stay_on_the_agent_with_user_id(agent):
    # User.List with the global user_id of a user: still the agent's list
    assert agent.call('User.List', user_id='501')['info']['user_total'] == 2
    assert agent.code('User.List', user_id='601') == '7'
    assert agent.code('Product.List', user_id='501') == '1'


def test_ordinary_accounts_ignore_user_id(agent):
    assert agent.code('Domain.Info', login_token=PLAIN, domain='plain.com', user_id='501') == '1'
    assert agent.code('Domain.Info', login_token=PLAIN, domain='sub1.com', user_id='501') == '8'


def test_sub_user_is_not_an_agent(agent):
    assert agent.code('User.List', login_token=SUB_TOKEN) == '-3'


def test_seed_errors_and_dump_round_trip():
    doc = agent_seed()
    state = build_state(doc)
    dumped = dump(state)
    again = dump(build_state({'accounts': [dict((k, v) for k, v in a.items() if k != 'domains')
                                           for a in dumped['accounts']]}))
    assert [a['sub_users'] for a in again['accounts']] == [[501, 502], [], [], [601], [], []]
    bad = [
        ({'user_id': 1, 'sub_users': [2]}, 'agent'),
        ({'user_id': 1, 'agent': True, 'sub_users': [9]}, 'no account'),
        ({'user_id': 1, 'agent': True, 'sub_users': [1]}, 'own'),
        ({'user_id': 1, 'agent': True, 'sub_users': 'x'}, 'list'),
        ({'user_id': 1, 'points': -1}, 'points'),
        ({'user_id': 1, 'discount': 0}, 'discount'),
    ]
    for acc, text in bad:
        with pytest.raises(SeedError, match=text):
            build_state({'accounts': [acc, {'user_id': 2}]})
    with pytest.raises(SeedError, match='already under'):
        build_state({'accounts': [{'user_id': 1, 'agent': True, 'sub_users': [3]},
                                  {'user_id': 2, 'agent': True, 'sub_users': [3]}, {'user_id': 3}]})
