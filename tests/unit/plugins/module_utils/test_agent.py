"""Pure checks and plans of the agent area, and its API wrappers on a fake client."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import agent
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError


class FakeClient(object):
    """Answers by action; an ApiError code instead of an answer raises DNSPodAPIError."""

    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def call(self, action, params=None, empty_codes=()):
        self.calls.append((action, dict(params or {})))
        answer = self.answers[action]
        if isinstance(answer, str):
            raise DNSPodAPIError(action, answer, 'refused')
        return answer

    def paged(self, action, params, items_key, total_of):
        answer = self.call(action, params)
        assert total_of(answer.get('info') or {}) == len(answer[items_key])
        return answer[items_key]


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


def test_list_users_normalizes_and_treats_code_8_as_empty():
    client = FakeClient({'User.List': {'info': {'user_total': '2'}, 'users': [
        {'id': 423255, 'email': 'MJJ@dnspod.com', 'status': 'enabled', 'domains': '1', 'points': '0'},
        {'id': '480993', 'email': 'shallwedance@126.com', 'status': 'enabled', 'domains': 1, 'points': '0'}]}})
    assert agent.list_users(client) == [
        {'id': '423255', 'email': 'mjj@dnspod.com', 'status': 'enabled', 'domains': 1, 'points': 0},
        {'id': '480993', 'email': 'shallwedance@126.com', 'status': 'enabled', 'domains': 1, 'points': 0}]
    assert agent.list_users(FakeClient({'User.List': '8'})) == []
    with pytest.raises(DNSPodAPIError):
        agent.list_users(FakeClient({'User.List': '-3'}))


@pytest.mark.parametrize('answer,where', [({}, 'under'), ('7', 'absent'), ('8', 'elsewhere')])
def test_user_under(answer, where):
    client = FakeClient({'User.Under': answer})
    assert agent.user_under(client, 'a@example.com') == where
    assert client.calls == [('User.Under', {'user_email': 'a@example.com'})]


def test_user_under_other_errors_raise():
    with pytest.raises(DNSPodAPIError):
        agent.user_under(FakeClient({'User.Under': '6'}), 'x')


def test_wrappers_send_the_documented_parameters():
    client = FakeClient({'User.Create': {'user': {'id': '480995'}}, 'User.Transfer': {}, 'Verify.Email': {},
                         'Verify.Telephone': {},
                         'User.Detail': {'info': {'user': {'email_verified': 'yes', 'telephone_verified': 'no',
                                                           'telephone': '13800138000'}}}})
    new_id = agent.create_user(client, options(email=' new@example.com ', password='secret-pw', real_name='A ',
                                               telephone='13800138000', ip_addr='203.0.113.7'))
    assert new_id == '480995'
    assert client.calls[-1] == ('User.Create', {
        'email': 'new@example.com', 'password': 'secret-pw', 'user_type': 'personal', 'real_name': 'A',
        'id_card': None, 'telephone': '13800138000', 'im': None, 'ip_addr': '203.0.113.7'})
    agent.transfer_user(client, 1, 600)
    agent.verify(client, '1', 'email')
    agent.verify(client, '1', 'telephone', '13800138000')
    assert client.calls[1:] == [('User.Transfer', {'user_id': '1', 'agent_id': '600'}),
                                ('Verify.Email', {'user_id': '1'}),
                                ('Verify.Telephone', {'user_id': '1', 'telephone': '13800138000'})]
    assert agent.user_detail(client, 1) == {'email_verified': True, 'telephone_verified': False,
                                            'telephone': '13800138000'}
    assert client.calls[-1] == ('User.Detail', {'user_id': '1'})
