# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domains moving between accounts: dnspod_domain's transfer_to (Domain.Transfer) and
dnspod_domain_acquire (Domain.Acquire*): the checks of their options and the acquisition's steps.
The calls are in dnspod_api/domains.py (``Domains.get_own``: None also for another account's domain).
"""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError, TaskError

EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def check_email(value, option):
    text = '' if value is None else str(value).strip()
    if not EMAIL.match(text):
        raise TaskError('%s: expected an e-mail address, got %r' % (option, value))
    return text


def check_acquire_domain(raw):
    """The name Domain.Acquire* get, or TaskError for what the API refuses anyway (codes 7 and 9)."""
    text = str(raw).strip()
    if any(ord(ch) > 127 for ch in text):
        raise TaskError('domain: the API cannot take back internationalised names (code 7), got %r' % text)
    try:
        name = names.normalize_domain_name(text)
    except ValueError as exc:
        raise TaskError('domain: %s' % exc)
    if any(label.startswith('xn--') for label in name.split('.')):
        raise TaskError('domain: the API cannot take back internationalised names (code 7), got %r' % text)
    if name.endswith('.tk'):
        raise TaskError('domain: the API cannot take back free .tk domains (code 9), got %r' % text)
    return name


def owner_is(domain, email):
    return str((domain or {}).get('owner') or '').strip().lower() == str(email).strip().lower()


def clean_params(params):
    """dnspod_domain_acquire's options, checked -> ``(name, email, code, step)``; ``step`` is what
    the task does unless the domain is in the account already: ``list``, ``send`` or ``validate``."""
    name = check_acquire_domain(params['domain'])
    email = check_email(params['email'], 'email') if params['email'] is not None else None
    code = params['code'].strip() if params['code'] is not None else None
    if code is not None and not code:
        raise TaskError('code: the verification code cannot be empty')
    return name, email, code, 'validate' if code is not None else ('send' if email is not None else 'list')


def take_back(api, name, email, code, step, check_mode):
    """The step of dnspod_domain_acquire -> its result (``step`` is ``none`` when the domain is in
    the account already). An API error carries the step."""
    result = dict(changed=False, step=step, emails=[], sent_to=None, domain={}, changes={})
    try:
        current = api.domains.get_own(name)
        if current is not None:
            result.update(step='none', domain=current)
        elif step == 'list':
            # Domain.Acquire only reads the registrant's addresses: safe in check mode too
            result['emails'] = api.domains.acquire_emails(name)
        elif step == 'send':
            result.update(changed=True, sent_to=email, changes={'code_sent': email})
            if not check_mode:
                api.domains.acquire_send(name, email)
        else:
            result.update(changed=True, changes={'state': 'present'}, domain={'name': name})
            if not check_mode:
                api.domains.acquire_validate(name, code)
                result['domain'] = api.domains.get_own(name) or result['domain']
    except DNSPodError as exc:
        raise exc.with_details(step=step)
    return result


def diff(name, step):
    return dict(before={'name': name, 'in_account': step == 'none'},
                after={'name': name, 'in_account': step in ('none', 'validate')})
