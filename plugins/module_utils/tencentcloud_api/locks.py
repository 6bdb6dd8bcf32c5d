# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain locks on Tencent Cloud API 3.0: ModifyDomainLock, ModifyDomainUnlock, and the status from
DescribeDomainFilterList with ``Status: [LOCK]``.

API 3.0 has no lock-status action (the traditional Domain.Lockstatus): DescribeDomain's DomainInfo has
no lock field, but DescribeDomainFilterList filters the account's domains by status LOCK. So
``status`` says whether the domain is locked; the lock's start and end dates are not in that answer
(``start_at``/``end_at`` None). ModifyDomainLock is sent once (a second copy would lose the unlock
code of the first); after a lost answer the status is read back.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import domain_param

UNLOCKED = dict(locked=False, start_at=None, end_at=None)
EMPTY_CODES = ('ResourceNotFound.NoDataOfDomain',)
FILTER_LIMIT = 5000                 # DescribeDomainFilterList: default and page of 5000


def _text(value):
    return None if value in (None, '') else str(value)


def shown(lock):
    if lock['locked']:
        return 'DescribeDomainFilterList shows the domain locked'
    return 'DescribeDomainFilterList shows the domain not locked'


class Locks:
    """The lock of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def status(self, domain_id):
        """Whether the domain is among the account's locked domains (one DescribeDomainFilterList page
        per 5000 locked domains)."""
        def total_of(answer):
            info = answer.get('DomainCountInfo') or {}
            return to_int(info['DomainTotal'], None) if info.get('DomainTotal') is not None else None
        locked = self.client.paged('DescribeDomainFilterList', {'Type': 'ALL', 'Status': ['LOCK']}, 'DomainList',
                                   total_of, limit=FILTER_LIMIT, empty_codes=EMPTY_CODES)
        if any(str(item.get('DomainId')) == str(domain_id) for item in locked if isinstance(item, dict)):
            return dict(locked=True, start_at=None, end_at=None)
        return dict(UNLOCKED)

    def lock(self, domain_id, days):
        """ModifyDomainLock -> ``{lock_code, end_at, lost}`` as dnspod_api.locks.Locks.lock."""
        try:
            answer = self.client.call('ModifyDomainLock', dict(domain_param(self.client, domain_id), LockDays=to_int(days)),
                                      once=True)
        except DNSPodOutcomeUnknownError as exc:
            now = readback.settle(self.client, exc, lambda: self.status(domain_id),
                                  lambda now: (now['locked'], shown(now)),
                                  'DescribeDomainFilterList (dnspod_lock_info): if the domain is locked, the unlock '
                                  'code was lost')
            return dict(lock_code=None, end_at=now['end_at'], lost=dict(action=exc.action, lock=now))
        raw = (answer or {}).get('LockInfo') or {}
        return dict(lock_code=_text(raw.get('LockCode')), end_at=_text(raw.get('LockEnd')), lost=None)

    def unlock(self, domain_id, lock_code):
        """ModifyDomainUnlock; after a lost answer, unlocked when the status read back says so."""
        try:
            self.client.call('ModifyDomainUnlock', dict(domain_param(self.client, domain_id), LockCode=lock_code), once=True)
        except DNSPodOutcomeUnknownError as exc:
            readback.settle(self.client, exc, lambda: self.status(domain_id),
                            lambda now: (not now['locked'], shown(now)), 'DescribeDomainFilterList (dnspod_lock_info)')
