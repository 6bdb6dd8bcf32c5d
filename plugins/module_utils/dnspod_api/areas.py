# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DNSPod's traditional API (dnsapi.cn, api.dnspod.com), one class per area.

This package alone knows the API's action names, their parameters and the shapes of their answers;
it returns the canonical dicts of normalize.py that the planners work on. The transport below it
(client.py: authentication, retries, the login latch, paging) knows no area; the modules and the
planners above it name no action. A second backend provides the same areas with the same methods.

``DNSPodAPI`` below gathers the areas over one client (``task.api`` in runner.py); ``codes`` says
what the actions and the status codes mean to the transport (which actions write, which are never
repeated, which codes are retried or refuse the login). The package's ``__init__.py`` is empty (ansible-test before 2.18
requires that), so that errors.py can import ``codes`` while the areas import errors.py.
"""

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
