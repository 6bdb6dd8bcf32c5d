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
what the API's status codes mean. This file imports nothing (it holds only SEND_ONCE), so that errors.py can use ``codes``
while the areas use errors.py.
"""

# Writes never repeated blindly (docs/reliability.md, "Lost answers"): each spends money, returns a
# one-time secret, sends a message, or acts again (or fails) when a second copy arrives after the
# first was carried out. After a transport fault that may have come after the server acted, the
# transport does not send them again but raises DNSPodOutcomeUnknownError, and the area reads the
# state back. The areas here send theirs with ``once=True`` (Domain.Transfer, Domain.Acquiresend,
# Domain.Acquirevalidate, Domain.Upgrade, Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code,
# Domaingroup.Create); these are those of the areas whose helpers still name their actions: the
# client sends them once by default (DNSPodClient's ``send_once``). Each leaves this list when its
# area comes here.
SEND_ONCE = frozenset([
    'Domain.Lock', 'Domain.Unlock',
    'Monitor.Create',
    'User.Create', 'User.Transfer', 'Verify.Email', 'Verify.Telephone',
])
