"""Pure planning of dnspod_lock (module_utils/lock.py) and the transfer/acquire helpers (acquire.py)."""
import datetime

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import acquire
from ansible_collections.dnspod.dnspod.plugins.module_utils import lock

DAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize('days, expected', [(1, 1), (30, 30), ('7', 7), (' 3 ', 3)])
def test_check_days(days, expected):
    assert lock.check_days(days) == expected


@pytest.mark.parametrize('days, message', [
    (None, 'required'), (0, '1 to 30'), (31, '1 to 30'), (-2, '1 to 30'), ('x', 'whole number'),
    (2.5, 'whole number'), (True, 'whole number'), ('1.5', 'whole number'),
])
def test_check_days_refuses(days, message):
    with pytest.raises(ValueError, match='^days: .*' + message):
        lock.check_days(days)


def test_check_lock_code():
    assert lock.check_lock_code(' fdd638 ') == 'fdd638'
    for bad in (None, '', '  '):
        with pytest.raises(ValueError, match='^lock_code: required'):
            lock.check_lock_code(bad)


@pytest.mark.parametrize('answer, expected', [
    ({'status': {'code': '1'}, 'lock': {'lock_status': 'yes', 'start_at': '2012-09-18', 'end_at': '2012-09-21'}},
     dict(locked=True, start_at='2012-09-18', end_at='2012-09-21')),
    ({'status': {'code': '7', 'message': 'Domain is not locked'}}, lock.UNLOCKED),
    ({'status': {'code': '1'}, 'lock': {'lock_status': 'no', 'start_at': '2012-09-18', 'end_at': '2012-09-21'}},
     lock.UNLOCKED),
    ({'status': {'code': '1'}, 'lock': []}, lock.UNLOCKED),
    ({'status': {'code': '1'}, 'lock': {'lock_status': True, 'end_at': 20120921}},
     dict(locked=True, start_at=None, end_at='20120921')),
])
def test_parse_status(answer, expected):
    assert lock.parse_status(answer) == expected


def test_plan():
    locked = dict(locked=True, start_at='2026-11-01', end_at='2026-12-01')
    assert lock.plan(locked, 'locked') is None
    assert lock.plan(lock.UNLOCKED, 'locked') == 'lock'
    assert lock.plan(locked, 'unlocked') == 'unlock'
    assert lock.plan(lock.UNLOCKED, 'unlocked') is None


def test_predicted_and_lock_answer():
    assert lock.predicted(3, DAY) == dict(locked=True, start_at='2026-11-25', end_at='2026-11-28')
    answer = {'lock': {'domain_id': 2059079, 'lock_code': 'fdd638', 'lock_end': '2026-11-29'}}
    assert lock.from_lock_answer(answer, 3, DAY) == (
        dict(locked=True, start_at='2026-11-25', end_at='2026-11-29'), 'fdd638')
    assert lock.from_lock_answer({}, 3, DAY) == (lock.predicted(3, DAY), None)


class FakeClient(object):
    def __init__(self, answer=None):
        self.answer = answer or {}
        self.sent = []

    def call(self, action, params=None, empty_codes=()):
        self.sent.append((action, params, empty_codes))
        return self.answer


def test_lock_wrappers():
    client = FakeClient({'status': {'code': '7'}})
    assert lock.get_status(client, '5') == lock.UNLOCKED
    assert client.sent == [('Domain.Lockstatus', {'domain_id': '5'}, ('7',))]
    client = FakeClient()
    lock.lock(client, '5', 3)
    lock.unlock(client, '5', 'abc')
    assert [(a, p) for a, p, _e in client.sent] == [('Domain.Lock', {'domain_id': '5', 'days': '3'}),
                                                    ('Domain.Unlock', {'domain_id': '5', 'lock_code': 'abc'})]


@pytest.mark.parametrize('raw, expected', [('Example.COM.', 'example.com'), (' a.b.org ', 'a.b.org')])
def test_check_acquire_domain(raw, expected):
    assert acquire.check_acquire_domain(raw) == expected


@pytest.mark.parametrize('raw, message', [
    ('例子.com', 'internationalised'), ('xn--fsqu00a.com', 'internationalised'), ('free.tk', '.tk'),
    ('no_dots', 'two labels'), ('', 'required'),
])
def test_check_acquire_domain_refuses(raw, message):
    with pytest.raises(ValueError, match='^domain: .*' + message.replace('.', r'\.')):
        acquire.check_acquire_domain(raw)


def test_email_and_owner():
    assert acquire.check_email(' a@b.example ', 'transfer_to') == 'a@b.example'
    for bad in (None, '', 'a@b', 'a b@c.example', 'nobody'):
        with pytest.raises(ValueError, match='^transfer_to: '):
            acquire.check_email(bad, 'transfer_to')
    assert acquire.owner_is({'owner': 'A@Example.com'}, 'a@example.com ')
    assert not acquire.owner_is({'owner': ''}, 'a@example.com')
    assert not acquire.owner_is(None, 'a@example.com')
