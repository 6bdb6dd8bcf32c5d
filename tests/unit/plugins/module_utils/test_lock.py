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


def test_plan():
    locked = dict(locked=True, start_at='2026-11-01', end_at='2026-12-01')
    assert lock.plan(locked, 'locked') is None
    assert lock.plan(lock.unlocked(), 'locked') == 'lock'
    assert lock.plan(locked, 'unlocked') == 'unlock'
    assert lock.plan(lock.UNLOCKED, 'unlocked') is None


def test_predicted_and_lock_answer():
    assert lock.predicted(3, DAY) == dict(locked=True, start_at='2026-11-25', end_at='2026-11-28')
    answer = {'lock_code': 'fdd638', 'end_at': '2026-11-29', 'lost': None}
    assert lock.after_lock(answer, 3, DAY) == (dict(locked=True, start_at='2026-11-25', end_at='2026-11-29'), 'fdd638')
    assert lock.after_lock({'lock_code': None, 'end_at': None, 'lost': None}, 3, DAY) == (lock.predicted(3, DAY), None)
    read_back = dict(locked=True, start_at='2026-11-24', end_at='2026-11-27')
    lost = {'lock_code': None, 'end_at': '2026-11-27', 'lost': {'action': 'Domain.Lock', 'lock': read_back}}
    assert lock.after_lock(lost, 3, DAY) == (read_back, None)


def test_check_params_takes_what_the_state_needs():
    assert lock.check_params(dict(state='locked', days='7', lock_code=None)) == (7, None)
    assert lock.check_params(dict(state='unlocked', days=None, lock_code=' c0de ')) == (None, 'c0de')
    with pytest.raises(lock.LockError, match='^days: required'):
        lock.check_params(dict(state='locked', days=None, lock_code='c0de'))


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
