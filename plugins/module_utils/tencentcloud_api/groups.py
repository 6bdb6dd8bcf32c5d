# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain groups on Tencent Cloud API 3.0: DescribeDomainGroupList, CreateDomainGroup. API 3.0 has
no action that renames or removes a domain group: those raise TaskError before anything is sent."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import normalize_group
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import unsupported


def _find(groups, key, value):
    for group in groups:
        if str(group.get(key)) == str(value):
            return group
    return None


class Groups:
    """Groups are the canonical dicts of ``normalize.normalize_group``."""

    def __init__(self, client):
        self.client = client

    def list(self):
        """Every group (system and custom) of the account: GroupId, GroupName, GroupType, Size."""
        groups = self.client.call('DescribeDomainGroupList').get('GroupList') or []
        return [normalize_group({'group_id': g.get('GroupId'), 'group_name': g.get('GroupName'),
                                 'group_type': g.get('GroupType'), 'size': g.get('Size')})
                for g in groups if isinstance(g, dict)]

    def create(self, name):
        """CreateDomainGroup -> the new group's ID (str). Sent once; after a lost answer the listing
        shows whether the group was made."""
        try:
            answer = self.client.call('CreateDomainGroup', {'GroupName': name}, once=True)
        except DNSPodOutcomeUnknownError as exc:
            def verdict(groups):
                found = _find(groups, 'group_name', name)
                return found is not None, 'DescribeDomainGroupList %s a group named %r' % (
                    'has' if found else 'has no', name)
            settled = readback.settle(self.client, exc, self.list, verdict, 'DescribeDomainGroupList (dnspod_group_info)')
            return str(_find(settled, 'group_name', name)['group_id'])
        gid = answer.get('GroupId')
        if gid not in (None, ''):
            return str(gid)
        found = _find(self.list(), 'group_name', name)
        return str(found['group_id']) if found else None

    def rename(self, group_id, name):
        raise unsupported('renaming a domain group', 'groups.rename')

    def remove(self, group_id):
        raise unsupported('removing a domain group', 'groups.remove')
