# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shares of a domain: input checks and the plan of one share (create, the right
``Domainshare.Modify`` case, or remove); the calls are in dnspod_api/shares.py.

A domain has at most one share per e-mail: ``Domainshare.Remove`` names a share by e-mail alone and
``Domainshare.Modify`` changes the mode and the shared part (whole domain or one sub-domain) of
that share. The canonical share is ``{'email', 'mode', 'sub_domain', 'status', 'listed'}`` with
``sub_domain`` None for a share of the whole domain.

Which part a share covers is not in the documented ``Domainshare.List`` answer (``share_to``,
``mode``, ``status`` only, in document 004 and the later DNSPod documents alike). ``listed`` says
whether the answer showed it (a ``sub_domain`` field, ``""`` or ``@`` for the whole domain); when
it did not, the share is taken to cover the part the task names: a Modify then sends that part as
``old_sub_domain`` (the documented "www -> www" case), and the API's 9 says the share covers
another part. See docs/architecture.md ("shares") and docs/emulator.md.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.shares import DEFAULT_MODE, refused_elsewhere
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import (
    ValidationError,
    check_domain,
    validate_email,
)

MODES = ('r', 'rw')


class UnknownPartError(ValidationError):
    """A task that depends on which part a share covers, when Domainshare.List does not say."""


class UnknownPartRefusal(TaskError):
    """The API refused a Modify of a share whose part the listing did not show (the share covers
    another part): the message names sub_domain, ``details`` the API's answer."""


def check_sub_domain(sub_domain, domain_name=None):
    """The ``sub_domain`` option -> None (whole domain: omitted, '' or '@') or a relative host name.

    A full name inside the domain is accepted (``www.example.com`` -> ``www``); with the domain
    given by ID (``domain_name`` None) only relative names are. No wildcard: a share is of a
    real sub-domain. Raises ValidationError('sub_domain', ...).
    """
    if sub_domain is None:
        return None
    try:
        relative = names.relative_name(sub_domain, domain_name)
    except ValueError as exc:
        raise ValidationError('sub_domain', str(exc))
    if relative == '@':
        return None
    if '*' in relative:
        raise ValidationError('sub_domain', '%r: a share is of the whole domain or of one sub-domain, '
                                            'not of a wildcard' % (sub_domain,))
    return relative


def check_share_args(email, mode=None, sub_domain=None, domain_name=None):
    """(email, mode, sub_domain) checked and normalised; raises ValidationError naming the option."""
    email = validate_email(email, 'email')
    if mode is not None:
        mode = str(mode).strip().lower()
        if mode not in MODES:
            raise ValidationError('mode', '%r is not a share mode: use r (read) or rw (read and write)' % (mode,))
    return email, mode, check_sub_domain(sub_domain, domain_name)


def find_share(shares, email):
    """The share of ``email`` (compared case-insensitively), or None."""
    wanted = str(email).strip().lower()
    for share in shares:
        if share['email'].lower() == wanted:
            return share
    return None


def modify_params(current, mode, sub_domain):
    """The ``Domainshare.Modify`` parameters that turn ``current`` into (mode, sub_domain).

    ``email`` is sent as the API lists it ("原来是什么就提交什么"). ``old_sub_domain`` names the
    current sub-domain and is left out for a share of the whole domain; ``new_sub_domain`` is the
    wanted sub-domain and is left out for the whole domain. The five documented cases:
    whole -> whole (mode only), www -> www, whole -> www, www -> whole, www -> bbs.
    """
    params = {'email': current['email'], 'mode': mode}
    if current['sub_domain'] is not None:
        params['old_sub_domain'] = current['sub_domain']
    if sub_domain is not None:
        params['new_sub_domain'] = sub_domain
    return params


def plan_share(current, email, state='present', mode=None, sub_domain=None, match_sub_domain=False):
    """The one operation that makes the share of ``email`` what the task says, or None.

    ``current``: the canonical share of that e-mail or None. ``mode`` None keeps the current mode
    (a new share gets ``r``). ``sub_domain`` None is the whole domain. With ``absent`` the share of
    the e-mail is removed whatever part it shares, unless ``match_sub_domain`` (the task named a
    part): then only a share of exactly ``sub_domain`` is removed, and a share of something else,
    which the task did not name, stays.

    When the listing did not show the share's part (``current['listed']`` false), the share is
    taken to cover ``sub_domain``: only its mode is compared, and a Modify names ``sub_domain`` as
    ``old_sub_domain`` too. An ``absent`` limited to a part (``match_sub_domain``) then raises
    UnknownPartError('sub_domain'): the part cannot be checked, and Domainshare.Remove would remove
    the share whatever it covers.

    Returns ``{'action': 'create'|'modify'|'remove', 'params', 'before', 'after'}`` (``params``: the
    write's parameters but the domain).
    """
    if current is not None and not current.get('listed', True):
        current = dict(current, sub_domain=sub_domain)
        if state == 'absent' and match_sub_domain:
            raise UnknownPartError('sub_domain', (
                'The share listing (Domainshare.List; DescribeDomainShareInfo on API 3.0) does not show which part '
                'the share of %s covers, so a removal limited to %s '
                'cannot be checked and nothing was removed; leave sub_domain out to remove the share of this '
                'e-mail whatever it covers' % (current['email'], sub_domain or 'the whole domain')))
    if state == 'absent':
        if current is None:
            return None
        if match_sub_domain and current['sub_domain'] != sub_domain:
            return None
        return {'action': 'remove', 'params': {'email': current['email']}, 'before': current, 'after': None}
    if current is None:
        wanted_mode = mode or DEFAULT_MODE
        params = {'email': email, 'mode': wanted_mode}
        if sub_domain is not None:
            params['sub_domain'] = sub_domain
        after = {'email': email, 'mode': wanted_mode, 'sub_domain': sub_domain, 'status': 'enabled', 'listed': True}
        return {'action': 'create', 'params': params, 'before': None, 'after': after}
    wanted_mode = mode or current['mode']
    if wanted_mode == current['mode'] and sub_domain == current['sub_domain']:
        return None
    after = dict(current, mode=wanted_mode, sub_domain=sub_domain)
    return {'action': 'modify', 'params': modify_params(current, wanted_mode, sub_domain), 'before': current,
            'after': after}


def explain_refusal(exc, operation):
    """The message of a Modify refused because the share is not where the operation took it to be
    (dnspod_api.shares.refused_elsewhere), when the share's part was not listed: the share covers
    another part than the task says, which the listing could not show."""
    if operation is None:
        return None
    before = operation.get('before') or {}
    if before.get('listed', True) or not refused_elsewhere(exc, operation):
        return None
    return ('sub_domain: the share of %s does not cover %s (%s). Domainshare.List does not show which part a '
            'share covers, so the module took it to be the one the task names; to move the share to another part, '
            'remove it (state: absent, without sub_domain) and create it again'
            % (before.get('email'), before.get('sub_domain') or 'the whole domain', exc))


def apply(shares, domain_id, operation):
    """Send the operation through ``shares`` (the API's Shares). A refusal the planning explains
    (explain_refusal) becomes an UnknownPartRefusal naming sub_domain, with the API's action, code
    and message."""
    try:
        shares.apply(domain_id, operation)
    except DNSPodAPIError as exc:
        explained = explain_refusal(exc, operation)
        if explained is None:
            raise
        raise UnknownPartRefusal(explained, api_action=exc.action, api_code=exc.code, api_message=exc.message)


def check_params(params):
    """(domain, domain_name, email, mode, sub_domain) of dnspod_share's parameters, checked
    before any call; ``domain_name`` is None for a domain given by ID."""
    domain, domain_name = check_domain(params['domain'])
    email, mode, sub_domain = check_share_args(params['email'], params['mode'], params['sub_domain'], domain_name)
    return domain, domain_name, email, mode, sub_domain


def check_info_params(params):
    """(domain, domain_name, email) of dnspod_share_info's parameters (``email`` None: every share)."""
    domain, domain_name = check_domain(params['domain'])
    email = params.get('email')
    return domain, domain_name, (None if email is None else validate_email(email, 'email'))


def diff_view(share):
    """A share for diff output ({} when there is none)."""
    if not share:
        return {}
    return {'email': share['email'], 'mode': share['mode'], 'sub_domain': share['sub_domain']}
