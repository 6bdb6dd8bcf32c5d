"""dnspod_api/agent.py: the User.* and Verify.* actions, their parameters and answer shapes, on a fake client."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.agent import Agent
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


def test_list_users_normalizes_and_treats_code_8_as_empty():
    client = FakeClient({'User.List': {'info': {'user_total': '2'}, 'users': [
        {'id': 423255, 'email': 'MJJ@dnspod.com', 'status': 'enabled', 'domains': '1', 'points': '0'},
        {'id': '480993', 'email': 'shallwedance@126.com', 'status': 'enabled', 'domains': 1, 'points': '0'}]}})
    assert Agent(client).users() == [
        {'id': '423255', 'email': 'mjj@dnspod.com', 'status': 'enabled', 'domains': 1, 'points': 0},
        {'id': '480993', 'email': 'shallwedance@126.com', 'status': 'enabled', 'domains': 1, 'points': 0}]
    assert Agent(FakeClient({'User.List': '8'})).users() == []
    with pytest.raises(DNSPodAPIError):
        Agent(FakeClient({'User.List': '-3'})).users()


@pytest.mark.parametrize('answer,where', [({}, 'under'), ('7', 'absent'), ('8', 'elsewhere')])
def test_user_under(answer, where):
    client = FakeClient({'User.Under': answer})
    assert Agent(client).where('a@example.com') == where
    assert client.calls == [('User.Under', {'user_email': 'a@example.com'})]


def test_user_under_other_errors_raise():
    with pytest.raises(DNSPodAPIError):
        Agent(FakeClient({'User.Under': '6'})).where('x')


def test_wrappers_send_the_documented_parameters():
    client = FakeClient({'User.Create': {'user': {'id': '480995'}}, 'User.Transfer': {}, 'Verify.Email': {},
                         'Verify.Telephone': {},
                         'User.Detail': {'info': {'user': {'email_verified': 'yes', 'telephone_verified': 'no',
                                                           'telephone': '13800138000'}}}})
    new_id = Agent(client).create(dict(email=' new@example.com ', password='secret-pw', real_name='A ',
                                       telephone='13800138000', ip_addr='203.0.113.7'))
    assert new_id == '480995'
    assert client.calls[-1] == ('User.Create', {
        'email': 'new@example.com', 'password': 'secret-pw', 'user_type': 'personal', 'real_name': 'A',
        'id_card': None, 'telephone': '13800138000', 'im': None, 'ip_addr': '203.0.113.7'})
    Agent(client).transfer(1, 600)
    Agent(client).verify('1', 'email')
    Agent(client).verify('1', 'telephone', '13800138000')
    assert client.calls[1:] == [('User.Transfer', {'user_id': '1', 'agent_id': '600'}),
                                ('Verify.Email', {'user_id': '1'}),
                                ('Verify.Telephone', {'user_id': '1', 'telephone': '13800138000'})]
    assert Agent(client).detail(1) == {'email_verified': True, 'telephone_verified': False,
                                       'telephone': '13800138000'}
    assert client.calls[-1] == ('User.Detail', {'user_id': '1'})
