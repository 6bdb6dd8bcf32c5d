# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain locks: the pure planning of dnspod_lock (the API calls are in dnspod_api/locks.py).

A lock is ``{locked: bool, start_at: str, end_at: str}`` (dates ``YYYY-MM-DD`` as the API gives
them, Beijing time).
"""

from __future__ import annotations

import datetime

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.locks import UNLOCKED, shown
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

# Domain.Purview lists "域名锁定天数" (days a domain can be locked): 30 in the document; Domain.Lock
# answers 8 for invalid days and 9 for days over that limit.
MIN_DAYS = 1
MAX_DAYS = 30
BEIJING = datetime.timezone(datetime.timedelta(hours=8))


class LockError(TaskError):
    """Bad input for dnspod_lock (the message names the option)."""


def check_days(days):
    """The number of days to lock for, or LockError naming ``days``."""
    if days is None:
        raise LockError('days: required with state=locked (the number of days to lock the domain for, %d-%d)'
                        % (MIN_DAYS, MAX_DAYS))
    if isinstance(days, bool):
        raise LockError('days: expected a whole number of days, got %r' % (days,))
    try:
        number = int(days)
    except (TypeError, ValueError):
        raise LockError('days: expected a whole number of days, got %r' % (days,))
    if number != days and str(number) != str(days).strip():
        raise LockError('days: expected a whole number of days, got %r' % (days,))
    if number < MIN_DAYS or number > MAX_DAYS:
        raise LockError('days: a domain can be locked for %d to %d days (the Domain.Purview limit), got %d'
                        % (MIN_DAYS, MAX_DAYS, number))
    return number


def check_lock_code(code):
    if code is None or not str(code).strip():
        raise LockError('lock_code: required with state=unlocked (the code Domain.Lock returned)')
    return str(code).strip()


def unlocked():
    """The lock of a domain that is not locked (after Domain.Unlock)."""
    return dict(UNLOCKED)


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


def after_lock(answer, days, today=None):
    """(lock, lock_code) after Domain.Lock from its answer (``Locks.lock``): the lock read back
    when the answer was lost, else the predicted one with the answer's last day."""
    if answer.get('lost'):
        return answer['lost']['lock'], None
    lock = predicted(days, today)
    if answer.get('end_at'):
        lock['end_at'] = answer['end_at']
    return lock, answer.get('lock_code')


def check_params(params):
    """(days, lock_code) of dnspod_lock's parameters: the one its state needs, checked."""
    if params['state'] == 'locked':
        return check_days(params['days']), None
    return None, check_lock_code(params['lock_code'])


def lost_code_message(domain_name, lock):
    """What to say when Domain.Lock was carried out but its answer, with the unlock code, was lost."""
    return ('Domain.Lock was carried out but its answer, which holds the one-time unlock code, was lost (the request '
            'was not sent again). %s; the unlock code cannot be read again, so %s stays locked until %s: records '
            'cannot be changed until then. To unlock it earlier, ask DNSPod support. Running the task again does '
            'not lock it again (it is locked) and returns no code' % (shown(lock), domain_name, lock['end_at']))
