# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domains: Domain.Info, .List, .Create, .Remove, the settings (.Status, .Remark, .Ismark,
.Searchenginepush, .Changegroup), .Log, .Purview, and the moves between accounts (.Transfer,
.Acquire, .Acquiresend, .Acquirevalidate).

``Domain.Info`` answers 6 (in the documents; 13 in recordings) for a domain DNSPod does not know,
and 8 "not the owner" for a domain of another account. ``get`` turns the first into None;
``get_own`` (the transfer and acquire flows) the second too.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError,
    DNSPodAPIError,
    DNSPodOutcomeUnknownError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import (
    bool_to_api,
    normalize_domain,
    status_to_api,
    to_int,
    to_punycode,
    to_str,
)

UNKNOWN_DOMAIN_CODES = ('6', '13')
NOT_OWNER_CODE = '8'

# A setting of a domain (canonical key) -> (action, parameter, value as the API takes it).
SETTINGS = {
    'status': ('Domain.Status', 'status', status_to_api),
    'remark': ('Domain.Remark', 'remark', lambda value: value or ''),
    'is_mark': ('Domain.Ismark', 'is_mark', bool_to_api),
    'searchengine_push': ('Domain.Searchenginepush', 'status', bool_to_api),
    'group_id': ('Domain.Changegroup', 'group_id', lambda value: value),
}


def domain_param(domain):
    """An all-digit argument is a domain ID, anything else a name (lower case, punycode)."""
    domain = str(domain).strip()
    if domain.isdigit():
        return {'domain_id': domain}
    return {'domain': to_punycode(domain)}


class Domains:
    """Domains are the canonical dicts of ``normalize.normalize_domain``; a domain is given by
    name or ID (``domain_param``)."""

    def __init__(self, client):
        self.client = client

    def get(self, domain):
        """Domain.Info -> canonical domain, or None when the account has no such domain."""
        try:
            answer = self.client.call('Domain.Info', domain_param(domain))
        except DNSPodAPIError as exc:
            if exc.code in UNKNOWN_DOMAIN_CODES:
                return None
            raise
        return normalize_domain(answer.get('domain'))

    def get_own(self, domain):
        """The canonical domain when it is in this account, else None (also for another account's)."""
        try:
            return self.get(domain)
        except DNSPodAPIError as exc:
            if str(exc.code) == NOT_OWNER_CODE and exc.action == 'Domain.Info':
                return None
            raise

    def list(self, type='all', group_id=None):  # pylint: disable=redefined-builtin
        """Domain.List, every page: canonical domains, of a ``type`` and a group when given."""
        domain_type = type or 'all'

        def total_of(info):
            for key in ('domain_total', '%s_total' % domain_type):
                if key in info and (key == 'domain_total' or group_id is None):
                    return to_int(info[key], None)
            return None
        raw = self.client.paged('Domain.List', {'type': domain_type, 'group_id': group_id}, 'domains', total_of)
        return [normalize_domain(item) for item in raw]

    def create(self, domain, group_id=None, is_mark=None):
        """Domain.Create -> canonical domain (``id``, ``name``, ``punycode``; the other fields are
        defaults: read them with ``get``). After a transport fault an "already exists" answer is
        resolved with Domain.Info."""
        name = to_punycode(domain)
        params = {'domain': name, 'group_id': group_id}
        if is_mark is not None:
            params['is_mark'] = bool_to_api(is_mark)
        try:
            answer = self.client.call('Domain.Create', params)
        except DNSPodAlreadyDoneError as exc:
            found = self.get(name)
            if found is None:
                raise DNSPodAPIError(exc.action, exc.code, exc.message)
            return found
        created = answer.get('domain') or {}
        if not created.get('id'):
            found = self.get(name)
            if found is None:
                raise DNSPodTransportError('Domain.Create', 'the answer holds no domain id', 1)
            return found
        return normalize_domain(dict(created, domain=created.get('domain') or name))

    def remove(self, domain):
        try:
            self.client.call('Domain.Remove', domain_param(domain))
        except DNSPodAlreadyDoneError:
            pass

    def set(self, domain, key, value):
        """Write one setting (a key of SETTINGS: status, remark, is_mark, searchengine_push, group_id)."""
        action, name, to_api = SETTINGS[key]
        self.client.call(action, dict(domain_param(domain), **{name: to_api(value)}))

    def log(self, domain_id):
        """Domain.Log: the lines, newest first, as the API writes them."""
        return [str(line) for line in self.client.call('Domain.Log', dict(domain_id=domain_id)).get('log') or []]

    def purview(self, domain_id):
        """Domain.Purview: [{name, value}] in the API's order."""
        items = self.client.call('Domain.Purview', dict(domain_id=domain_id)).get('purview') or []
        if isinstance(items, dict):
            items = [dict(name=key, value=value) for key, value in items.items()]
        return [dict(name=item.get('name'), value=item.get('value')) for item in items if isinstance(item, dict)]

    def service(self, domain):
        """Domain.Info (as the user an agent acts for) -> id, name, grade and service period."""
        raw = self.client.call('Domain.Info', domain_param(domain)).get('domain') or {}
        return {
            'id': to_str(raw.get('id')),
            'name': to_str(raw.get('name')),
            'grade': to_str(raw.get('grade')),
            'vip_start_at': to_str(raw.get('vip_start_at')) or None,
            'vip_end_at': to_str(raw.get('vip_end_at')) or None,
        }

    # ---- moves between accounts ---------------------------------------------------------------

    def _settle_in_account(self, exc, name, wanted):
        """Read back after a lost answer: is the domain in this account (``wanted``)?"""
        def verdict(found):
            here = found is not None
            return here == wanted, 'Domain.Info shows %s %s this account' % (name, 'in' if here else 'not in')
        readback.settle(self.client, exc, lambda: self.get_own(name), verdict, 'Domain.Info of %s' % name)

    def transfer(self, domain_id, email, name=None):
        """Domain.Transfer, sent once: after a lost answer Domain.Info shows whether the domain left."""
        try:
            self.client.call('Domain.Transfer', dict(domain_id=domain_id, email=email), once=True)
        except DNSPodOutcomeUnknownError as exc:
            self._settle_in_account(exc, name or domain_id, False)

    def acquire_emails(self, name):
        """Domain.Acquire: the registrant's e-mail addresses (a read)."""
        return [str(e) for e in self.client.call('Domain.Acquire', dict(domain=name)).get('emails') or []]

    def acquire_send(self, name, email):
        """Domain.Acquiresend, sent once: a second copy mails a second code, and no read shows the first."""
        try:
            self.client.call('Domain.Acquiresend', dict(domain=name, email=email), once=True)
        except DNSPodOutcomeUnknownError as exc:
            raise readback.unknown(exc, 'the mailbox %s for the verification code (each run mails another); '
                                        'finish with the code option' % email)

    def acquire_validate(self, name, code):
        """Domain.Acquirevalidate, sent once (the code is spent): Domain.Info shows whether the domain came."""
        try:
            self.client.call('Domain.Acquirevalidate', dict(domain=name, code=code), once=True)
        except DNSPodOutcomeUnknownError as exc:
            self._settle_in_account(exc, name, True)
