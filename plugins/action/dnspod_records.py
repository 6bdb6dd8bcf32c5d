# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dnspod_records runs in Ansible's worker process when its task runs on the controller (the
local connection), else as a module process on the host: see plugin_utils/worker_module.py."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.plugin_utils.task_args import PlainTaskArgs
from ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module import WorkerModuleAction


class ActionModule(PlainTaskArgs, WorkerModuleAction):
    # records: thousands of sets, finalized as plain data when they hold no template (task_args.py).
    MODULE = 'ansible_collections.dnspod.dnspod.plugins.modules.dnspod_records'
