# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Agent on Tencent Cloud API 3.0: none. API 3.0 has no action for the agent API (an agent's users, their creation, transfer, verification):
every method of dnspod_api/agent.py's Agent raises TaskError here, before anything is sent."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.agent import Agent as _Traditional
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import refusing_area

Agent = refusing_area('Agent', _Traditional, "the agent API (an agent's users, their creation, transfer, verification)")
