# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain locks: Domain.Lockstatus, Domain.Lock, Domain.Unlock.

A lock is ``{locked: bool, start_at: str, end_at: str}`` (dates ``YYYY-MM-DD`` as the API gives
them, Beijing time). ``Domain.Lockstatus`` answers code 7 "the domain is not locked" for an
unlocked domain: that is a state, not an error. Domain.Lock and Domain.Unlock are sent once
(client.SEND_ONCE_ACTIONS): a second copy of Domain.Lock answers 21 and the one-time unlock code
of the first is gone; after a lost answer the lock status is read back instead.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError

NOT_LOCKED_CODE = '7'
UNLOCKED = dict(locked=False, start_at=None, end_at=None)


def _text(value):
    return None if value is None else str(value)


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


def shown(lock):
    """What the lock status read back says, for messages."""
    if lock['locked']:
        return 'Domain.Lockstatus shows the domain locked from %s until %s' % (lock['start_at'], lock['end_at'])
    return 'Domain.Lockstatus shows the domain not locked'


class Locks:
    """The lock of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def status(self, domain_id):
        answer = self.client.call('Domain.Lockstatus', dict(domain_id=domain_id), empty_codes=(NOT_LOCKED_CODE,))
        return parse_status(answer)

    def lock(self, domain_id, days):
        """Domain.Lock -> ``{lock_code, end_at, lost}``: the one-time unlock code and the last day.

        ``lost`` is None, or, when the answer (and with it the unlock code) was lost after the
        domain was locked, ``{'action': 'Domain.Lock', 'lock': <the lock read back>}``. A lost
        answer after which the domain is not locked (or cannot be read) raises the
        DNSPodOutcomeUnknownError with advice."""
        try:
            answer = self.client.call('Domain.Lock', dict(domain_id=domain_id, days=str(days)))
        except DNSPodOutcomeUnknownError as exc:
            now = readback.settle(self.client, exc, lambda: self.status(domain_id),
                                  lambda now: (now['locked'], shown(now)),
                                  'Domain.Lockstatus (dnspod_lock_info): if the domain is locked, the unlock code '
                                  'was lost')
            return dict(lock_code=None, end_at=now['end_at'], lost=dict(action=exc.action, lock=now))
        raw = (answer or {}).get('lock') or {}
        code = raw.get('lock_code')
        return dict(lock_code=None if code is None else str(code), end_at=_text(raw.get('lock_end') or None),
                    lost=None)

    def unlock(self, domain_id, lock_code):
        """Domain.Unlock; after a lost answer, unlocked when Domain.Lockstatus says so (a second
        copy would answer 8 "not locked")."""
        try:
            self.client.call('Domain.Unlock', dict(domain_id=domain_id, lock_code=lock_code))
        except DNSPodOutcomeUnknownError as exc:
            readback.settle(self.client, exc, lambda: self.status(domain_id),
                            lambda now: (not now['locked'], shown(now)), 'Domain.Lockstatus (dnspod_lock_info)')
