# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domains on Tencent Cloud API 3.0: DescribeDomain, DescribeDomainList, CreateDomain, DeleteDomain,
ModifyDomainStatus, ModifyDomainRemark, ModifyDomainToGroup, DescribeDomainLogList,
DescribeDomainPurview, ModifyDomainOwner (transfer).

API 3.0 has no action for the star mark and the search-engine push of an existing domain (the
traditional Domain.Ismark and Domain.Searchenginepush; CreateDomain takes IsMark), nor for taking a
domain back from another account (Domain.Acquire*): those raise TaskError before anything is sent.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodOutcomeUnknownError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import bool_to_api, to_int, to_punycode, to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import (
    NEW_DOMAIN_CODES,
    NOT_OWNER_CODES,
    domain_from_api,
    domain_param,
    remember,
    int_or_text,
    unsupported,
)

UNKNOWN_DOMAIN_CODES = NEW_DOMAIN_CODES
EXISTS_CODE = 'FailedOperation.DomainExists'
EMPTY_CODES = ('ResourceNotFound.NoDataOfDomain',)
LIST_LIMIT = 3000                   # DescribeDomainList: default and documented page of 3000
LOG_LIMIT = 500                     # DescribeDomainLogList: at most 500 lines a call

# A setting of a domain (canonical key) -> (action, parameter, value as API 3.0 takes it), or None
# when API 3.0 has no action for it.
SETTINGS = {
    'status': ('ModifyDomainStatus', 'Status', lambda value: 'enable' if value in (True, 'enabled', 'enable') else 'disable'),
    'remark': ('ModifyDomainRemark', 'Remark', lambda value: value or ''),
    'group_id': ('ModifyDomainToGroup', 'GroupId', int_or_text),
    'is_mark': None,
    'searchengine_push': None,
}
SETTING_NAMES = {'is_mark': 'the star mark of an existing domain (is_mark)',
                 'searchengine_push': 'the search-engine push setting (searchengine_push)'}
# DescribeDomainList's Type: the traditional type names in upper case.
LIST_TYPES = ('all', 'mine', 'share', 'ismark', 'pause', 'vip', 'recent', 'share_out', 'free')


class Domains:
    """Domains are the canonical dicts of ``normalize.normalize_domain``."""

    def __init__(self, client):
        self.client = client

    def get(self, domain):
        """DescribeDomain -> canonical domain, or None when the account has no such domain."""
        try:
            answer = self.client.call('DescribeDomain', domain_param(self.client, domain))
        except DNSPodAPIError as exc:
            if exc.code in UNKNOWN_DOMAIN_CODES:
                return None
            raise
        return remember(self.client, domain_from_api(answer.get('DomainInfo')))

    def get_own(self, domain):
        """The canonical domain when it is in this account, else None (also for another account's)."""
        try:
            return self.get(domain)
        except DNSPodAPIError as exc:
            if exc.code in NOT_OWNER_CODES and exc.action == 'DescribeDomain':
                return None
            raise

    def list(self, type='all', group_id=None):  # pylint: disable=redefined-builtin
        """DescribeDomainList, every page: canonical domains of a type (ALL, MINE, ...) and group."""
        domain_type = str(type or 'all').strip().lower()
        if domain_type not in LIST_TYPES:
            raise unsupported('the domain list type %r' % domain_type, 'domains.list')

        def total_of(answer):
            info = answer.get('DomainCountInfo') or {}
            for key in ('DomainTotal', 'GroupTotal' if group_id is not None else 'AllTotal'):
                if info.get(key) is not None:
                    return to_int(info[key], None)
            return None
        params = {'Type': domain_type.upper(), 'GroupId': None if group_id is None else int_or_text(group_id)}
        raw = self.client.paged('DescribeDomainList', params, 'DomainList', total_of, limit=LIST_LIMIT,
                                empty_codes=EMPTY_CODES)
        return [remember(self.client, domain_from_api(item)) for item in raw]

    def create(self, domain, group_id=None, is_mark=None):
        """CreateDomain -> canonical domain (id, name, punycode; read the rest with ``get``). Its
        "already exists" answer (our retry after a lost answer) is resolved with DescribeDomain."""
        name = to_punycode(domain)
        params = {'Domain': name, 'GroupId': None if group_id is None else int_or_text(group_id)}
        if is_mark is not None:
            params['IsMark'] = bool_to_api(is_mark)
        try:
            answer = self.client.call('CreateDomain', params)
        except DNSPodAPIError as exc:
            if exc.code != EXISTS_CODE:
                raise
            found = self.get(name)
            if found is None:
                raise
            return found
        created = answer.get('DomainInfo') or {}
        if created.get('Id') in (None, ''):
            found = self.get(name)
            if found is None:
                raise DNSPodTransportError('CreateDomain', 'the answer holds no domain id', 1)
            return found
        return remember(self.client, domain_from_api(dict(created, Domain=created.get('Punycode') or created.get('Domain') or name)))

    def remove(self, domain):
        """DeleteDomain; a domain already gone is done."""
        try:
            self.client.call('DeleteDomain', domain_param(self.client, domain))
        except DNSPodAPIError as exc:
            if exc.code not in UNKNOWN_DOMAIN_CODES:
                raise

    def set(self, domain, key, value):
        """Write one setting (status, remark, group_id); is_mark and searchengine_push raise TaskError."""
        setting = SETTINGS[key]
        if setting is None:
            raise unsupported(SETTING_NAMES[key], 'domains.set')
        action, name, to_api = setting
        self.client.call(action, dict(domain_param(self.client, domain), **{name: to_api(value)}))

    def refuse_settings(self, changes, creating=False):
        """Raise the TaskError of the first change (a key of SETTINGS) API 3.0 cannot write, before
        anything is written; ``creating``: the domain is to be created (CreateDomain takes IsMark)."""
        for key in sorted(changes):
            if key in SETTINGS and SETTINGS[key] is None and not (creating and key == 'is_mark'):
                raise unsupported(SETTING_NAMES[key], 'domains.set')

    def log(self, domain_id):
        """DescribeDomainLogList, every page: the lines, newest first, as the API writes them."""
        def total_of(answer):
            return to_int(answer['TotalCount'], None) if answer.get('TotalCount') is not None else None
        lines = self.client.paged('DescribeDomainLogList', domain_param(self.client, domain_id), 'LogList', total_of,
                                  limit=LOG_LIMIT)
        return [to_str(line) for line in lines]

    def purview(self, domain_id):
        """DescribeDomainPurview: [{name, value}] in the API's order."""
        items = self.client.call('DescribeDomainPurview', domain_param(self.client, domain_id)).get('PurviewList') or []
        return [dict(name=item.get('Name'), value=item.get('Value')) for item in items if isinstance(item, dict)]

    def service(self, domain):
        """DescribeDomain -> id, name, grade and the paid grade's period."""
        raw = self.client.call('DescribeDomain', domain_param(self.client, domain)).get('DomainInfo') or {}
        found = domain_from_api(raw)
        return {
            'id': found['id'],
            'name': found['name'],
            'grade': found['grade'],
            'vip_start_at': to_str(raw.get('VipStartAt')) or None,
            'vip_end_at': to_str(raw.get('VipEndAt')) or None,
        }

    # ---- moves between accounts ---------------------------------------------------------------

    def transfer(self, domain_id, email, name=None):
        """ModifyDomainOwner (``Account``: the account to move the domain to), sent once: after a
        lost answer DescribeDomain shows whether the domain left."""
        try:
            self.client.call('ModifyDomainOwner', dict(domain_param(self.client, domain_id), Account=email), once=True)
        except DNSPodOutcomeUnknownError as exc:
            shown_name = name or domain_id

            def verdict(found):
                here = found is not None
                return not here, 'DescribeDomain shows %s %s this account' % (shown_name, 'in' if here else 'not in')
            readback.settle(self.client, exc, lambda: self.get_own(shown_name), verdict,
                            'DescribeDomain of %s' % shown_name)

    def acquire_emails(self, name):
        raise unsupported('taking a domain back from another account (acquire)', 'domains.acquire_emails')

    def acquire_send(self, name, email):
        raise unsupported('taking a domain back from another account (acquire)', 'domains.acquire_send')

    def acquire_validate(self, name, code):
        raise unsupported('taking a domain back from another account (acquire)', 'domains.acquire_validate')
