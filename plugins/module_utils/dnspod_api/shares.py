# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shares of a domain: Domainshare.List, .Create, .Modify, .Remove.

The canonical share is ``{'email', 'mode', 'sub_domain', 'status', 'listed'}`` with
``sub_domain`` None for a share of the whole domain. Which part a share covers is not in the
documented ``Domainshare.List`` answer (``share_to``, ``mode``, ``status`` only): ``listed`` says
whether the answer showed it (see module_utils/share.py).
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_str

DEFAULT_MODE = 'r'                  # Domainshare.Create: "默认为 r"
EMPTY_LIST_CODES = ('7',)           # Domainshare.List: 7 "没有共享记录"
# The write of each operation of a share plan (share.plan_share).
ACTIONS = {'create': 'Domainshare.Create', 'modify': 'Domainshare.Modify', 'remove': 'Domainshare.Remove'}
# What the retry of a write answers when its first attempt was carried out but its answer was
# lost (a transport fault): the share exists already (Create), is no longer where old_sub_domain
# says (Modify), or is gone (Remove).
RETRY_DONE_CODES = {'Domainshare.Create': '9', 'Domainshare.Modify': '9', 'Domainshare.Remove': '9'}
# Domainshare.Modify answers 9 when the share is not where old_sub_domain says.
MODIFY_ELSEWHERE_CODE = '9'


def normalize_share(item):
    """A ``share`` item of Domainshare.List -> canonical share (tolerant of missing fields).
    ``listed``: the item showed the shared part (no document shows it)."""
    item = item or {}
    sub = to_str(item.get('sub_domain')).strip().lower()
    return {
        'email': to_str(item.get('share_to') or item.get('email')).strip(),
        'mode': to_str(item.get('mode') or DEFAULT_MODE).strip().lower(),
        'sub_domain': None if sub in ('', '@') else sub,
        'status': to_str(item.get('status')).strip(),
        'listed': item.get('sub_domain') is not None,
    }


def faulted_since(client, start):
    """Whether a request the client sent after ``client.log[start]`` met a transport fault."""
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


def _find(shares, email):
    wanted = str(email).strip().lower()
    for share in shares:
        if share['email'].lower() == wanted:
            return share
    return None


def refused_elsewhere(exc, operation):
    """Whether ``exc`` is a Modify of ``operation`` refused because the share is not where the
    operation took it to be."""
    return operation['action'] == 'modify' and isinstance(exc, DNSPodAPIError) and exc.code == MODIFY_ELSEWHERE_CODE


class Shares:
    """The shares of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def list(self, domain_id):
        """-> (owner e-mail, [canonical share]); an empty list is code 7."""
        answer = self.client.call('Domainshare.List', {'domain_id': str(domain_id)}, empty_codes=EMPTY_LIST_CODES)
        items = answer.get('share') or []
        if isinstance(items, dict):
            items = list(items.values())
        return to_str(answer.get('owner')), [normalize_share(item) for item in items]

    def apply(self, domain_id, operation):
        """Send the one write of a share plan (``operation``: ``action`` create, modify or remove,
        ``params`` the API's parameters but the domain, ``after`` the share wanted).

        When a retry after a transport fault is refused with the code that means "already done"
        (RETRY_DONE_CODES), the shares are read again: if the share is now what the operation
        wanted, the first attempt did it and the operation counts as done; otherwise the error is
        raised."""
        action = ACTIONS[operation['action']]
        start = len(self.client.log)
        try:
            self.client.call(action, dict(operation['params'], domain_id=str(domain_id)))
        except DNSPodAPIError as exc:
            if exc.code != RETRY_DONE_CODES.get(action) or not faulted_since(self.client, start):
                raise
            found = _find(self.list(domain_id)[1], operation['params']['email'])
            wanted = operation['after']
            # an unlisted part cannot be compared: the mode says whether the first copy did it
            same = wanted is not None and found is not None and found['mode'] == wanted['mode'] and (
                found['sub_domain'] == wanted['sub_domain'] or not found['listed'])
            if (wanted is None and found is None) or same:
                self.client.confirm_write()      # the first copy did it: a write of this task
                return
            raise
