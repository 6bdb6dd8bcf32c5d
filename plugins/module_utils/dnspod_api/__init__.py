# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DNSPod's traditional API (dnsapi.cn, api.dnspod.com), one class per area.

This package alone knows the API's action names, their parameters and the shapes of their answers;
it returns the canonical dicts of normalize.py that the planners work on. The transport below it
(client.py: authentication, retries, the login latch, paging) knows no area; the modules and the
planners above it name no action. A second backend provides the same areas with the same methods.

``areas.DNSPodAPI`` gathers the areas over one client (``task.api`` in runner.py); ``codes`` says
what the actions and the status codes mean to the transport (which actions write, which are never
repeated, which codes are retried or refuse the login). This file imports nothing, so that errors.py can use ``codes``
while the areas use errors.py.
"""
