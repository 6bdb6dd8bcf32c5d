"""Pure checks and plans of the agent area (module_utils/agent.py)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import agent


def options(**extra):
    params = dict(email='new@example.com', state='present', password=None, user_type='personal', real_name=None,
                  id_card=None, telephone=None, im=None, ip_addr=None, agent_id=None, verify_email=False,
                  verify_telephone=False)
    params.update(extra)
    return params


@pytest.mark.parametrize('extra,option', [
    ({'email': 'nope'}, 'email'), ({'email': ''}, 'email'), ({'email': 'a@b'}, 'email'),
    ({'password': '12345'}, 'password'), ({'password': 'x' * 19}, 'password'),
    ({'real_name': '  '}, 'real_name'), ({'real_name': 'x' * 65}, 'real_name'),
    ({'id_card': '1234'}, 'id_card'), ({'telephone': '23800138000'}, 'telephone'),
    ({'telephone': '1380013800'}, 'telephone'), ({'im': 'abc'}, 'im'),
    ({'ip_addr': '127.0.0.1'}, 'ip_addr'), ({'ip_addr': 'example.com'}, 'ip_addr'), ({'ip_addr': '0.0.0.0'}, 'ip_addr'),
    ({'agent_id': 'x12'}, 'agent_id'), ({'state': 'transferred'}, 'agent_id'),
    ({'verify_telephone': True}, 'telephone'),
])
def test_bad_options_are_named(extra, option):
    errors = agent.check_user_options(options(**extra))
    assert len(errors) == 1 and errors[0].startswith(option + ':')


def test_password_never_in_the_message():
    errors = agent.check_user_options(options(password='abc'))
    assert errors and 'abc' not in errors[0]


def test_good_options():
    assert agent.check_user_options(options(password='secret-pw', real_name='Zhang San', telephone='13800138000',
                                            im='12345678', ip_addr='203.0.113.7', id_card='12345678-9')) == []
    assert agent.check_user_options(options(state='transferred', agent_id='600')) == []
    assert agent.check_user_options(options(im='me@example.com', ip_addr='2001:4860::8888')) == []


def test_missing_for_create():
    assert agent.missing_for_create(options()) == ['password', 'real_name', 'telephone', 'ip_addr']
    full = options(password='secret-pw', real_name='A', telephone='13800138000', ip_addr='203.0.113.7')
    assert agent.missing_for_create(full) == []
    assert agent.missing_for_create(dict(full, user_type='enterprise')) == ['id_card']
    assert agent.missing_for_create(dict(full, user_type='enterprise', id_card='12345678-9')) == []


def test_find_user_ignores_case():
    users = [{'id': '1', 'email': 'a@example.com'}, {'id': '2', 'email': 'b@example.com'}]
    assert agent.find_user(users, ' B@Example.com ')['id'] == '2'
    assert agent.find_user(users, 'c@example.com') is None


@pytest.mark.parametrize('params,detail,needed', [
    ({}, None, []),
    ({'verify_email': True}, None, ['email']),
    ({'verify_email': True}, {'email_verified': True}, []),
    ({'verify_email': True}, {'email_verified': False}, ['email']),
    ({'verify_telephone': True, 'telephone': '13800138000'},
     {'telephone': '13800138000', 'telephone_verified': True}, []),
    ({'verify_telephone': True, 'telephone': '13800138000'},
     {'telephone': '13900139000', 'telephone_verified': True}, ['telephone']),
    ({'verify_telephone': True, 'telephone': '13800138000'},
     {'telephone': '13800138000', 'telephone_verified': False}, ['telephone']),
    ({'verify_email': True, 'verify_telephone': True, 'telephone': '13800138000'}, None, ['email', 'telephone']),
])
def test_plan_verifications(params, detail, needed):
    assert agent.plan_verifications(params, detail) == needed


class FakeAgent:
    """The API's Agent: User.Under answers ``where``; keeps what was sent."""

    def __init__(self, where='absent', detail=None):
        self._where = where
        self._detail = detail
        self.sent = []

    def where(self, email):
        self.sent.append(('where', email))
        return self._where

    def detail(self, user_id):
        self.sent.append(('detail', user_id))
        return self._detail

    def create(self, params):
        self.sent.append(('create', params['email']))
        return '480995'

    def verify(self, user_id, kind, telephone=None):
        self.sent.append(('verify', user_id, kind, telephone))

    def transfer(self, user_id, agent_id):
        self.sent.append(('transfer', user_id, agent_id))


NEW = dict(password='secret-pw', real_name='A', telephone='13800138000', ip_addr='203.0.113.7')


def test_ensure_present_creates_then_verifies():
    api = FakeAgent()
    user, actions = agent.ensure_present(api, options(verify_email=True, **NEW), None, False)
    assert actions == ['User.Create', 'Verify.Email'] and user['id'] == '480995'
    assert api.sent == [('where', 'new@example.com'), ('create', 'new@example.com'),
                        ('verify', '480995', 'email', '13800138000')]
    checked = FakeAgent()
    user, actions = agent.ensure_present(checked, options(verify_email=True, **NEW), None, True)
    assert actions == ['User.Create', 'Verify.Email'] and user['id'] == '' and checked.sent == [
        ('where', 'new@example.com')]


@pytest.mark.parametrize('where, extra, message', [
    ('elsewhere', NEW, '^email: .* not under this agent'),
    ('under', NEW, '^email: User.Under says'),
    ('absent', {}, '^password, real_name, telephone, ip_addr: required to create'),
])
def test_ensure_present_refuses_what_it_cannot_do(where, extra, message):
    api = FakeAgent(where)
    with pytest.raises(agent.AgentError, match=message):
        agent.ensure_present(api, options(**extra), None, False)
    assert [sent[0] for sent in api.sent] == ['where']


def test_ensure_present_of_a_verified_user_does_nothing():
    current = dict(id='7', email='new@example.com', status='enabled', domains=0, points=0)
    api = FakeAgent(detail={'email_verified': True, 'telephone_verified': False, 'telephone': ''})
    assert agent.ensure_present(api, options(verify_email=True), current, False) == (current, [])
    assert api.sent == [('detail', '7')]


def test_ensure_transferred():
    current = dict(id='7', email='new@example.com', status='enabled', domains=0, points=0)
    api = FakeAgent()
    assert agent.ensure_transferred(api, options(state='transferred', agent_id=' 600 '), current, False) == (
        current, ['User.Transfer'])
    assert api.sent == [('transfer', '7', '600')]
    gone = FakeAgent('elsewhere')
    assert agent.ensure_transferred(gone, options(state='transferred', agent_id='600'), None, False) == (
        {'email': 'new@example.com'}, [])
    with pytest.raises(agent.AgentError, match='^email: no DNSPod user'):
        agent.ensure_transferred(FakeAgent('absent'), options(state='transferred', agent_id='600'), None, False)


def test_check_params_names_every_bad_option():
    with pytest.raises(agent.AgentError, match='^email: .*; password: '):
        agent.check_params(options(email='nope', password='123'))
    assert agent.check_params(options()) is None
