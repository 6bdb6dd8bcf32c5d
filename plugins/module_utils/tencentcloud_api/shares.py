# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shares of a domain on Tencent Cloud API 3.0: DescribeDomainShareInfo and DeleteShareDomain.

API 3.0 has no action that creates or changes a share (the traditional Domainshare.Create and
.Modify): such a write raises TaskError before it is sent. The canonical share is that of
dnspod_api/shares.py; DomainShareInfo (ShareTo, Mode, Status) does not show the shared part either.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.shares import normalize_share
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import domain_param, unsupported

# DeleteShareDomain of a share that is gone (our retry after a lost answer).
GONE_CODES = ('ResourceNotFound', 'InvalidParameter.UserNotExists')


def faulted_since(client, start):
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


class Shares:
    """The shares of one domain at a time (by domain ID)."""

    def __init__(self, client):
        self.client = client

    def list(self, domain_id):
        """DescribeDomainShareInfo -> (owner account, [canonical share])."""
        answer = self.client.call('DescribeDomainShareInfo', domain_param(self.client, domain_id))
        items = [normalize_share({'share_to': item.get('ShareTo'), 'mode': item.get('Mode'),
                                  'status': item.get('Status')})
                 for item in answer.get('ShareList') or [] if isinstance(item, dict)]
        return to_str(answer.get('Owner')), items

    def apply(self, domain_id, operation):
        """The one write of a share plan: a remove is DeleteShareDomain; a create or a modify raises
        TaskError (no API 3.0 action)."""
        if operation['action'] != 'remove':
            raise unsupported('creating or changing a domain share (shares.%s)' % operation['action'], 'shares.apply')
        email = operation['params']['email']
        start = len(self.client.log)
        try:
            self.client.call('DeleteShareDomain', dict(domain_param(self.client, domain_id), Account=email))
        except DNSPodAPIError as exc:
            if exc.code not in GONE_CODES or not faulted_since(self.client, start):
                raise
            if any(s['email'].lower() == str(email).lower() for s in self.list(domain_id)[1]):
                raise
            self.client.confirm_write()
