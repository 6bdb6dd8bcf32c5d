# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one action plugin of every module of the collection: meta/runtime.yml routes each module
here (``plugin_routing.modules.<name>.action_plugin``). The module file runs in Ansible's worker
process when its task runs on the controller (the local connection, no become, no async), else as
a module process through ansible-core's ``normal`` action: see plugin_utils/worker_module.py.

It bears the name of a module because ansible-test's sanity test ``action-plugin-docs`` wants
every action plugin to have a module of its name that documents it."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.plugin_utils.task_args import PlainTaskArgs
from ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module import WorkerModuleAction


class ActionModule(PlainTaskArgs, WorkerModuleAction):
    """Task arguments that hold no template are finalized as plain data (task_args.py): thousands of
    record sets in dnspod_records, and the arguments of every module routed here alike."""
