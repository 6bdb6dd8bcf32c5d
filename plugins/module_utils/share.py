# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shares of a domain (``Domainshare.*``): the canonical share, input checks, the plan of one
share (create, the right ``Domainshare.Modify`` case, or remove) and the API wrappers.

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
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import (
    ValidationError,
    validate_email,
)

MODES = ('r', 'rw')
DEFAULT_MODE = 'r'                  # Domainshare.Create: "默认为 r"
EMPTY_LIST_CODES = ('7',)           # Domainshare.List: 7 "没有共享记录"
# What the retry of a write answers when its first attempt was carried out but its answer was
# lost (a transport fault): the share exists already (Create), is no longer where old_sub_domain
# says (Modify), or is gone (Remove).
RETRY_DONE_CODES = {'Domainshare.Create': '9', 'Domainshare.Modify': '9', 'Domainshare.Remove': '9'}


def normalize_share(item):
    """A ``share`` item of Domainshare.List -> canonical share (tolerant of missing fields).
    ``listed``: the item showed the shared part (no document shows it; see the module docstring)."""
    item = item or {}
    sub = to_str(item.get('sub_domain')).strip().lower()
    return {
        'email': to_str(item.get('share_to') or item.get('email')).strip(),
        'mode': to_str(item.get('mode') or DEFAULT_MODE).strip().lower(),
        'sub_domain': None if sub in ('', '@') else sub,
        'status': to_str(item.get('status')).strip(),
        'listed': item.get('sub_domain') is not None,
    }


class UnknownPartError(ValidationError):
    """A task that depends on which part a share covers, when Domainshare.List does not say."""


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

    Returns ``{'action': 'create'|'modify'|'remove', 'api_action', 'params', 'before', 'after'}``.
    """
    if current is not None and not current.get('listed', True):
        current = dict(current, sub_domain=sub_domain)
        if state == 'absent' and match_sub_domain:
            raise UnknownPartError('sub_domain', (
                'Domainshare.List does not show which part the share of %s covers, so a removal limited to %s '
                'cannot be checked and nothing was removed; leave sub_domain out to remove the share of this '
                'e-mail whatever it covers' % (current['email'], sub_domain or 'the whole domain')))
    if state == 'absent':
        if current is None:
            return None
        if match_sub_domain and current['sub_domain'] != sub_domain:
            return None
        return {'action': 'remove', 'api_action': 'Domainshare.Remove', 'params': {'email': current['email']},
                'before': current, 'after': None}
    if current is None:
        wanted_mode = mode or DEFAULT_MODE
        params = {'email': email, 'mode': wanted_mode}
        if sub_domain is not None:
            params['sub_domain'] = sub_domain
        after = {'email': email, 'mode': wanted_mode, 'sub_domain': sub_domain, 'status': 'enabled', 'listed': True}
        return {'action': 'create', 'api_action': 'Domainshare.Create', 'params': params, 'before': None,
                'after': after}
    wanted_mode = mode or current['mode']
    if wanted_mode == current['mode'] and sub_domain == current['sub_domain']:
        return None
    after = dict(current, mode=wanted_mode, sub_domain=sub_domain)
    return {'action': 'modify', 'api_action': 'Domainshare.Modify',
            'params': modify_params(current, wanted_mode, sub_domain), 'before': current, 'after': after}


def explain_refusal(exc, operation):
    """The message of a Domainshare.Modify refused with 9 when the share's part was not listed:
    the share covers another part than the task says, which the listing could not show."""
    if operation is None:
        return None
    before = operation.get('before') or {}
    if operation['api_action'] != 'Domainshare.Modify' or before.get('listed', True) or exc.code != '9':
        return None
    return ('sub_domain: the share of %s does not cover %s (%s). Domainshare.List does not show which part a '
            'share covers, so the module took it to be the one the task names; to move the share to another part, '
            'remove it (state: absent, without sub_domain) and create it again'
            % (before.get('email'), before.get('sub_domain') or 'the whole domain', exc))


def diff_view(share):
    """A share for diff output ({} when there is none)."""
    if not share:
        return {}
    return {'email': share['email'], 'mode': share['mode'], 'sub_domain': share['sub_domain']}


# ---- API wrappers -------------------------------------------------------------------------------

def list_shares(client, domain_id):
    """Domainshare.List -> (owner e-mail, [canonical share]); an empty list is code 7."""
    answer = client.call('Domainshare.List', {'domain_id': str(domain_id)}, empty_codes=EMPTY_LIST_CODES)
    items = answer.get('share') or []
    if isinstance(items, dict):
        items = list(items.values())
    return to_str(answer.get('owner')), [normalize_share(item) for item in items]


def faulted_since(client, start):
    """Whether a request the client sent after ``client.log[start]`` met a transport fault."""
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


def apply_share(client, domain_id, operation):
    """Send the operation's one write.

    When a retry after a transport fault is refused with the code that means "already done"
    (RETRY_DONE_CODES), the shares are read again: if the share is now what the operation wanted,
    the first attempt did it and the operation counts as done; otherwise the error is raised.
    """
    params = dict(operation['params'], domain_id=str(domain_id))
    start = len(client.log)
    try:
        client.call(operation['api_action'], params)
    except DNSPodAPIError as exc:
        if exc.code != RETRY_DONE_CODES.get(operation['api_action']) or not faulted_since(client, start):
            raise
        _owner, current = list_shares(client, domain_id)
        found = find_share(current, operation['params']['email'])
        wanted = operation['after']
        # an unlisted part cannot be compared: the mode says whether the first copy did it
        same = wanted is not None and found is not None and found['mode'] == wanted['mode'] and (
            found['sub_domain'] == wanted['sub_domain'] or not found['listed'])
        if (wanted is None and found is None) or same:
            client.confirm_write()      # the first copy did it: a write of this task
            return
        raise
