# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Tencent Cloud API 3.0 (dnspod.tencentcloudapi.com, API version 2021-03-23), one class per area.

The same areas, methods and canonical dicts as dnspod_api/areas.py's DNSPodAPI, so that the planners
and the modules do not know which backend they talk to. This package alone names the API 3.0 actions
(DescribeRecordList, CreateRecordBatch ...), their parameters and answers. What API 3.0 has no action
for (D-monitor, the agent API, paid upgrades, some settings) raises errors.TaskError naming the
backend and the alternative (the traditional API with a login_token), before anything is sent.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.account import Account
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.agent import Agent
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.aliases import Aliases
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.groups import Groups
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.locks import Locks
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.monitors import Monitors
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.products import Products
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.shares import Shares


class TencentCloudAPI:
    """The areas of one account's API 3.0, over one TencentCloudClient (one task's calls and writes)."""

    backend = 'tencentcloud'

    def __init__(self, client):
        self.client = client
        self.account = Account(client)
        self.agent = Agent(client)
        self.aliases = Aliases(client)
        self.domains = Domains(client)
        self.groups = Groups(client)
        self.locks = Locks(client)
        self.monitors = Monitors(client)
        self.products = Products(client)
        self.records = Records(client)
        self.shares = Shares(client)
