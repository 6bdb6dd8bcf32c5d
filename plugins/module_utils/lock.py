# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain locks (Domain.Lock/Lockstatus/Unlock): pure planning for dnspod_lock and the API wrappers.

A lock is ``{locked: bool, start_at: str, end_at: str}`` (dates ``YYYY-MM-DD`` as the API gives
them, Beijing time). ``Domain.Lockstatus`` answers code 7 "the domain is not locked" for an
unlocked domain: that is a state, not an error.
"""

from __future__ import annotations

import datetime

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback

# Domain.Purview lists "域名锁定天数" (days a domain can be locked): 30 in the document; Domain.Lock
# answers 8 for invalid days and 9 for days over that limit.
MIN_DAYS = 1
MAX_DAYS = 30
NOT_LOCKED_CODE = '7'
BEIJING = datetime.timezone(datetime.timedelta(hours=8))

UNLOCKED = dict(locked=False, start_at=None, end_at=None)


def check_days(days):
    """The number of days to lock for, or ValueError naming ``days``."""
    if days is None:
        raise ValueError('days: required with state=locked (the number of days to lock the domain for, %d-%d)'
                         % (MIN_DAYS, MAX_DAYS))
    if isinstance(days, bool):
        raise ValueError('days: expected a whole number of days, got %r' % (days,))
    try:
        number = int(days)
    except (TypeError, ValueError):
        raise ValueError('days: expected a whole number of days, got %r' % (days,))
    if number != days and str(number) != str(days).strip():
        raise ValueError('days: expected a whole number of days, got %r' % (days,))
    if number < MIN_DAYS or number > MAX_DAYS:
        raise ValueError('days: a domain can be locked for %d to %d days (the Domain.Purview limit), got %d'
                         % (MIN_DAYS, MAX_DAYS, number))
    return number


def check_lock_code(code):
    if code is None or not str(code).strip():
        raise ValueError('lock_code: required with state=unlocked (the code Domain.Lock returned)')
    return str(code).strip()


def parse_status(answer):
    """A Domain.Lockstatus answer (code 1, or 7 "not locked") -> the canonical lock."""
    code = str(((answer or {}).get('status') or {}).get('code', '1'))
    lock = (answer or {}).get('lock') or {}
    if code == NOT_LOCKED_CODE or not isinstance(lock, dict):
        return dict(UNLOCKED)
    flag = lock.get('lock_status')
    locked = flag is True or str(flag).strip().lower() in ('yes', '1', 'true', 'locked')
    if not locked:
        return dict(UNLOCKED)
    return dict(locked=True, start_at=_text(lock.get('start_at')), end_at=_text(lock.get('end_at')))


def _text(value):
    return None if value is None else str(value)


def plan(current, state):
    """'lock', 'unlock' or None (already as wanted). An existing lock is never extended or shortened."""
    if state == 'locked':
        return None if current['locked'] else 'lock'
    return 'unlock' if current['locked'] else None


def predicted(days, today=None):
    """The lock Domain.Lock would set today for ``days`` days (check mode)."""
    start = today or datetime.datetime.now(BEIJING).date()
    return dict(locked=True, start_at=start.isoformat(),
                end_at=(start + datetime.timedelta(days=days)).isoformat())


def from_lock_answer(answer, days, today=None):
    """(lock, lock_code) from a Domain.Lock answer ``{lock: {domain_id, lock_code, lock_end}}``."""
    raw = (answer or {}).get('lock') or {}
    lock = predicted(days, today)
    if raw.get('lock_end'):
        lock['end_at'] = str(raw['lock_end'])
    code = raw.get('lock_code')
    return lock, (None if code is None else str(code))


# ---- API wrappers ---------------------------------------------------------------------------

def get_status(client, domain_id):
    answer = client.call('Domain.Lockstatus', dict(domain_id=domain_id), empty_codes=(NOT_LOCKED_CODE,))
    return parse_status(answer)


def lock(client, domain_id, days):
    return client.call('Domain.Lock', dict(domain_id=domain_id, days=str(days)))


def unlock(client, domain_id, lock_code):
    client.call('Domain.Unlock', dict(domain_id=domain_id, lock_code=lock_code))


def _shown(lock):
    if lock['locked']:
        return 'Domain.Lockstatus shows the domain locked from %s until %s' % (lock['start_at'], lock['end_at'])
    return 'Domain.Lockstatus shows the domain not locked'


def confirm_lock(client, exc, domain_id):
    """Domain.Lock lost its answer (``exc``): never sent again (a second copy answers 21 and its
    unlock code is gone for good). Returns the lock read back when the domain is locked; raises
    ``exc`` with advice when it is not, or when Domain.Lockstatus cannot be read."""
    return readback.settle(client, exc, lambda: get_status(client, domain_id),
                           lambda now: (now['locked'], _shown(now)),
                           'Domain.Lockstatus (dnspod_lock_info): if the domain is locked, the unlock code was lost')


def confirm_unlock(client, exc, domain_id):
    """Domain.Unlock lost its answer: unlocked when Domain.Lockstatus says so (a second copy
    would answer 8 "not locked")."""
    return readback.settle(client, exc, lambda: get_status(client, domain_id),
                           lambda now: (not now['locked'], _shown(now)), 'Domain.Lockstatus (dnspod_lock_info)')


def lost_code_message(domain_name, lock):
    """What to say when Domain.Lock was carried out but its answer, with the unlock code, was lost."""
    return ('Domain.Lock was carried out but its answer, which holds the one-time unlock code, was lost (the request '
            'was not sent again). %s; the unlock code cannot be read again, so %s stays locked until %s: records '
            'cannot be changed until then. To unlock it earlier, ask DNSPod support. Running the task again does '
            'not lock it again (it is locked) and returns no code' % (_shown(lock), domain_name, lock['end_at']))
