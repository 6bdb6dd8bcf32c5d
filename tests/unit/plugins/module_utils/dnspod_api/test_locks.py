"""dnspod_api/locks.py: Domain.Lockstatus, Domain.Lock, Domain.Unlock, their parameters and answer shapes."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.locks import UNLOCKED, Locks, parse_status
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError


class FakeClient:
    """Answers each action from a dict (an exception is raised), and keeps what was sent."""

    def __init__(self, answers):
        self.answers = answers
        self.sent = []
        self.writes = 0

    def call(self, action, params=None, empty_codes=()):
        self.sent.append((action, params, empty_codes))
        answer = self.answers.get(action, {})
        if isinstance(answer, Exception):
            raise answer
        return answer

    def confirm_write(self):
        self.writes += 1


@pytest.mark.parametrize('answer, expected', [
    ({'status': {'code': '1'}, 'lock': {'lock_status': 'yes', 'start_at': '2012-09-18', 'end_at': '2012-09-21'}},
     dict(locked=True, start_at='2012-09-18', end_at='2012-09-21')),
    ({'status': {'code': '7', 'message': 'Domain is not locked'}}, UNLOCKED),
    ({'status': {'code': '1'}, 'lock': {'lock_status': 'no', 'start_at': '2012-09-18', 'end_at': '2012-09-21'}},
     UNLOCKED),
    ({'status': {'code': '1'}, 'lock': []}, UNLOCKED),
    ({'status': {'code': '1'}, 'lock': {'lock_status': True, 'end_at': 20120921}},
     dict(locked=True, start_at=None, end_at='20120921')),
])
def test_parse_status(answer, expected):
    assert parse_status(answer) == expected


def test_status_lock_unlock_send_the_documented_parameters():
    client = FakeClient({'Domain.Lockstatus': {'status': {'code': '7'}},
                         'Domain.Lock': {'lock': {'domain_id': 5, 'lock_code': 'fdd638', 'lock_end': '2026-11-29'}}})
    locks = Locks(client)
    assert locks.status('5') == UNLOCKED
    assert locks.lock('5', 3) == dict(lock_code='fdd638', end_at='2026-11-29', lost=None)
    locks.unlock('5', 'abc')
    assert client.sent == [('Domain.Lockstatus', {'domain_id': '5'}, ('7',)),
                           ('Domain.Lock', {'domain_id': '5', 'days': '3'}, ()),
                           ('Domain.Unlock', {'domain_id': '5', 'lock_code': 'abc'}, ())]


def test_lock_without_a_code_in_the_answer():
    assert Locks(FakeClient({'Domain.Lock': {}})).lock('5', 3) == dict(lock_code=None, end_at=None, lost=None)


def _lost(action):
    return DNSPodOutcomeUnknownError(action, 'HTTP 502', 1)


def test_lost_lock_answer_reads_the_lock_back():
    locked = {'status': {'code': '1'}, 'lock': {'lock_status': 'yes', 'start_at': '2026-11-25', 'end_at': '2026-11-28'}}
    client = FakeClient({'Domain.Lock': _lost('Domain.Lock'), 'Domain.Lockstatus': locked})
    answer = Locks(client).lock('5', 3)
    lock = dict(locked=True, start_at='2026-11-25', end_at='2026-11-28')
    assert answer == dict(lock_code=None, end_at='2026-11-28', lost=dict(action='Domain.Lock', lock=lock))
    assert client.writes == 1 and [sent[0] for sent in client.sent] == ['Domain.Lock', 'Domain.Lockstatus']


def test_lost_lock_answer_of_a_lock_not_made_says_run_again():
    client = FakeClient({'Domain.Lock': _lost('Domain.Lock'), 'Domain.Lockstatus': {'status': {'code': '7'}}})
    with pytest.raises(DNSPodOutcomeUnknownError, match='not carried out. Run the task again'):
        Locks(client).lock('5', 3)
    assert client.writes == 0


def test_lost_unlock_answer_is_done_when_the_domain_is_unlocked():
    client = FakeClient({'Domain.Unlock': _lost('Domain.Unlock'), 'Domain.Lockstatus': {'status': {'code': '7'}}})
    Locks(client).unlock('5', 'abc')
    assert client.writes == 1
