# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DNSPod's traditional API (dnsapi.cn, api.dnspod.com), one class per area.

This package alone knows the API's action names, their parameters and the shapes of their answers;
it returns the canonical dicts of normalize.py that the planners work on. The transport below it
(client.py: authentication, retries, the login latch, paging) knows no area; the modules and the
planners above it name no action. A second backend provides the same areas with the same methods.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.groups import Groups
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records


class DNSPodAPI:
    """The areas of one account's API, over one client (one task's calls and writes)."""

    def __init__(self, client):
        self.client = client
        self.groups = Groups(client)
        self.records = Records(client)
