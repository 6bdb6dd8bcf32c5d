# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain groups: Domaingroup.List, .Create, .Modify, .Remove."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import normalize_group


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
        """Every group (system and custom) of the account."""
        answer = self.client.call('Domaingroup.List')
        groups = answer.get('groups') or []
        if isinstance(groups, dict):
            groups = list(groups.values())
        return [normalize_group(group) for group in groups]

    def create(self, name):
        """A new group -> its ID (str)."""
        try:
            answer = self.client.call('Domaingroup.Create', dict(group_name=name), once=True)
        except DNSPodOutcomeUnknownError as exc:
            # sent once: a second copy would answer "name taken" (or make a second group)
            def verdict(groups):
                found = _find(groups, 'group_name', name)
                return found is not None, 'Domaingroup.List %s a group named %r' % ('has' if found else 'has no', name)
            settled = readback.settle(self.client, exc, self.list, verdict, 'Domaingroup.List (dnspod_group_info)')
            return str(_find(settled, 'group_name', name)['group_id'])
        created = answer.get('groups') or answer.get('group') or {}
        if isinstance(created, dict):
            gid = created.get('id', created.get('group_id'))
            if gid is not None:
                return str(gid)
        found = _find(self.list(), 'group_name', name)
        return str(found['group_id']) if found else None

    def rename(self, group_id, name):
        self.client.call('Domaingroup.Modify', dict(group_id=group_id, group_name=name))

    def remove(self, group_id):
        """Safe to repeat: a retry after a lost answer whose first copy removed the group answers 6
        "group id invalid"; then the listing read back shows it gone, and it is done."""
        log = getattr(self.client, 'log', [])
        start = len(log)
        try:
            self.client.call('Domaingroup.Remove', dict(group_id=group_id))
        except DNSPodAPIError as exc:
            faulted = any(str(entry.get('code', '')).startswith('transport:') for entry in log[start:])
            if exc.code != '6' or not faulted or _find(self.list(), 'group_id', group_id) is not None:
                raise
            self.client.confirm_write()
