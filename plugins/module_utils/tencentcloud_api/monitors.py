# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Monitors on Tencent Cloud API 3.0: none. API 3.0 has no action for D-monitor (monitors, their history and downs):
every method of dnspod_api/monitors.py's Monitors raises TaskError here, before anything is sent."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.monitors import Monitors as _Traditional
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.base import refusing_area

Monitors = refusing_area('Monitors', _Traditional, 'D-monitor (monitors, their history and downs)')
