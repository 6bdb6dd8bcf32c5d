# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Alias domains on Tencent Cloud API 3.0: DescribeDomainAliasList, CreateDomainAlias,
DeleteDomainAlias. The canonical alias is ``{'id': str, 'name': str}`` (lower case punycode)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_punycode, to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import domain_param, int_or_text

EMPTY_LIST_CODES = ('ResourceNotFound.NoDataOfDomainAlias',)
# What the retry of a write answers when its first copy was carried out but its answer was lost:
# the alias exists already (Create), the alias ID is gone (Delete).
RETRY_DONE_CODES = {'CreateDomainAlias': 'InvalidParameter.DomainAliasExists',
                    'DeleteDomainAlias': 'InvalidParameter.DomainAliasIdInvalid'}


def normalize_alias(item):
    """A DomainAliasInfo (Id, DomainAlias, Status) -> canonical alias."""
    item = item or {}
    return {'id': to_str(item.get('Id')).strip(), 'name': to_punycode(to_str(item.get('DomainAlias')))}


def faulted_since(client, start):
    """Whether a request the client sent after ``client.log[start]`` met a transport fault."""
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


class Aliases:
    """The aliases of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def list(self, domain_id):
        """Every alias of the domain; none is ResourceNotFound.NoDataOfDomainAlias."""
        answer = self.client.call('DescribeDomainAliasList', domain_param(self.client, domain_id),
                                  empty_codes=EMPTY_LIST_CODES)
        return [normalize_alias(item) for item in answer.get('DomainAliasList') or [] if isinstance(item, dict)]

    def create(self, domain_id, name):
        """CreateDomainAlias -> the new alias's ID (None when the answer has none)."""
        answer = self._write('CreateDomainAlias', dict(domain_param(self.client, domain_id), DomainAlias=name), domain_id,
                             lambda current: next((a['id'] for a in current if a['name'] == name), None))
        if isinstance(answer, dict):
            return to_str(answer.get('DomainAliasId')).strip() or None
        return answer

    def remove(self, domain_id, alias_id):
        self._write('DeleteDomainAlias', dict(domain_param(self.client, domain_id), DomainAliasId=int_or_text(alias_id)),
                    domain_id, lambda current: None if any(a['id'] == str(alias_id) for a in current) else alias_id)

    def _write(self, action, params, domain_id, done_in):
        """One write -> its answer; a retry refused as "already done" after a transport fault is
        settled by a new listing (``done_in(listing)`` not None: the first copy did it)."""
        start = len(self.client.log)
        try:
            return self.client.call(action, params)
        except DNSPodAPIError as exc:
            if exc.code != RETRY_DONE_CODES.get(action) or not faulted_since(self.client, start):
                raise
            done = done_in(self.list(domain_id))
            if done is None:
                raise
            self.client.confirm_write()
            return done
