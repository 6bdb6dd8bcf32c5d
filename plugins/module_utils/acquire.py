# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domains moving between accounts: Domain.Transfer (give away) and Domain.Acquire* (take back).

Both need to know whether a domain is in *this* account. ``Domain.Info`` answers 6/13 for a domain
DNSPod does not know and 8 "not the owner" for a domain of another account: for these flows both
mean "not here", which ``own_domain`` turns into None.
"""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError

EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
NOT_OWNER_CODE = '8'


def check_email(value, option):
    text = '' if value is None else str(value).strip()
    if not EMAIL.match(text):
        raise ValueError('%s: expected an e-mail address, got %r' % (option, value))
    return text


def check_acquire_domain(raw):
    """The name Domain.Acquire* get, or ValueError for what the API refuses anyway (codes 7 and 9)."""
    text = str(raw).strip()
    if any(ord(ch) > 127 for ch in text):
        raise ValueError('domain: the API cannot take back internationalised names (code 7), got %r' % text)
    try:
        name = names.normalize_domain_name(text)
    except ValueError as exc:
        raise ValueError('domain: %s' % exc)
    if any(label.startswith('xn--') for label in name.split('.')):
        raise ValueError('domain: the API cannot take back internationalised names (code 7), got %r' % text)
    if name.endswith('.tk'):
        raise ValueError('domain: the API cannot take back free .tk domains (code 9), got %r' % text)
    return name


def owner_is(domain, email):
    return str((domain or {}).get('owner') or '').strip().lower() == str(email).strip().lower()


def own_domain(client, domain):
    """The canonical domain when it is in this account, else None (also for another account's domain)."""
    try:
        return client.get_domain(domain)
    except DNSPodAPIError as exc:
        if str(exc.code) == NOT_OWNER_CODE and exc.action == 'Domain.Info':
            return None
        raise


def _in_account(client, exc, name, wanted):
    """Read back after a lost answer: is the domain in this account (``wanted``)?"""
    def verdict(found):
        here = found is not None
        return here == wanted, 'Domain.Info shows %s %s this account' % (name, 'in' if here else 'not in')
    readback.settle(client, exc, lambda: own_domain(client, name), verdict, 'Domain.Info of %s' % name)


def transfer(client, domain_id, email, name=None):
    """Domain.Transfer, sent once: after a lost answer Domain.Info shows whether the domain left."""
    try:
        client.call('Domain.Transfer', dict(domain_id=domain_id, email=email))
    except DNSPodOutcomeUnknownError as exc:
        _in_account(client, exc, name or domain_id, False)


def list_emails(client, name):
    return [str(e) for e in client.call('Domain.Acquire', dict(domain=name)).get('emails') or []]


def send_code(client, name, email):
    """Domain.Acquiresend, sent once: a second copy mails a second code, and no read shows the first."""
    try:
        client.call('Domain.Acquiresend', dict(domain=name, email=email))
    except DNSPodOutcomeUnknownError as exc:
        raise readback.unknown(exc, 'the mailbox %s for the verification code (each run mails another); '
                                    'finish with the code option' % email)


def validate_code(client, name, code):
    """Domain.Acquirevalidate, sent once (the code is spent): Domain.Info shows whether the domain came."""
    try:
        client.call('Domain.Acquirevalidate', dict(domain=name, code=code))
    except DNSPodOutcomeUnknownError as exc:
        _in_account(client, exc, name, True)
