# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every area of the traditional API over one client: what ``task.api`` is (runner.py)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.account import Account
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.agent import Agent
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.aliases import Aliases
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.groups import Groups
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.locks import Locks
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.monitors import Monitors
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.products import Products
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.shares import Shares


class DNSPodAPI:
    """The areas of one account's API, over one client (one task's calls and writes)."""

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
