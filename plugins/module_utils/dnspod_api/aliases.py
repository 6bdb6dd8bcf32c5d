# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Alias domains: Domainalias.List, .Create, .Remove.

The canonical alias is ``{'id': str, 'name': str}``; ``name`` is lower case punycode, the form
the API is sent and the form names are compared in.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_punycode, to_str

EMPTY_LIST_CODES = ('7',)           # Domainalias.List: 7 "没有绑定记录"
# What the retry of a write answers when its first attempt was carried out but its answer was
# lost (a transport fault): the name is bound already (Create), the alias id is gone (Remove).
RETRY_DONE_CODES = {'Domainalias.Create': '9', 'Domainalias.Remove': '7'}


def normalize_alias(item):
    """An item of Domainalias.List (``id``, ``domain``) or of the Create answer (``id``,
    ``punycode``) -> canonical alias."""
    item = item or {}
    name = to_str(item.get('punycode') or item.get('domain') or item.get('name'))
    return {'id': to_str(item.get('id')).strip(), 'name': to_punycode(name)}


def faulted_since(client, start):
    """Whether a request the client sent after ``client.log[start]`` met a transport fault."""
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


class Aliases:
    """The aliases of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def list(self, domain_id):
        """Every alias of the domain; an empty list is code 7."""
        answer = self.client.call('Domainalias.List', {'domain_id': str(domain_id)}, empty_codes=EMPTY_LIST_CODES)
        items = answer.get('alias') or []
        if isinstance(items, dict):
            items = list(items.values())
        return [normalize_alias(item) for item in items]

    def create(self, domain_id, name):
        """Bind ``name`` (punycode) as an alias -> the new alias's ID (None when the answer has none).
        Domainalias.Create takes ``domain_id`` only: its ``domain`` parameter is the alias name."""
        answer = self._write('Domainalias.Create', {'domain_id': str(domain_id), 'domain': name}, domain_id,
                             lambda current: next((a['id'] for a in current if a['name'] == name), None))
        if isinstance(answer, dict):
            return normalize_alias(answer.get('alias')).get('id') or None
        return answer

    def remove(self, domain_id, alias_id):
        self._write('Domainalias.Remove', {'domain_id': str(domain_id), 'alias_id': alias_id}, domain_id,
                    lambda current: None if any(a['id'] == alias_id for a in current) else alias_id)

    def _write(self, action, params, domain_id, done_in):
        """One write -> its answer. When a retry after a transport fault is refused as "already
        done" (RETRY_DONE_CODES) and a new listing shows the first attempt did it (``done_in(listing)``
        is not None), that value is returned and the write counts as this task's."""
        start = len(self.client.log)
        try:
            return self.client.call(action, params)
        except DNSPodAPIError as exc:
            if exc.code != RETRY_DONE_CODES.get(action) or not faulted_since(self.client, start):
                raise
            done = done_in(self.list(domain_id))
            if done is None:
                raise
            self.client.confirm_write()      # the first copy did it: a write of this task
            return done
