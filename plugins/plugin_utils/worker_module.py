# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a module of this collection in Ansible's worker process when the task runs on the controller.

A task with the local connection runs its module on the controller anyway, in a new Python
process: Ansible builds the AnsiballZ payload, starts an interpreter, which imports
``ansible.module_utils.basic`` and ``requests``, and the arguments and the result cross as JSON.
For ``dnspod_records`` over 1,000 record sets that costs more than the work itself (one
``Record.List``, planning in memory): docs/performance.md has the figures. So its action plugin
runs the module's own code, ``run(module)`` of the module file, right in the worker process that
Ansible forks for the task, with a ``WorkerModule`` in place of ``AnsibleModule``: the same argument
validation (ansible's ArgumentSpecValidator), the same result, secrets removed the same way.

Anything that could make the two differ falls back to the module process (`runs_in_worker`):
another connection (the module must run on that host), become (another user), async, and the host
variable ``dnspod_module_process: true``, which asks for the module process outright.
"""

from __future__ import annotations

import gc
import importlib
import json
import os

from ansible import constants as C
from ansible import template as _template
from ansible.errors import AnsibleError
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.utils.unsafe_proxy import wrap_var
from ansible.utils.vars import merge_hash

from ansible_collections.dnspod.dnspod.plugins.plugin_utils import task_args

# Before ansible-core 2.19 a plain string in a result can be rendered as a template by a later
# task, so the result is marked unsafe as _execute_module does; from 2.19 on no string is a
# template unless trusted (trust_as_template), and marking 1,000 records costs a tenth of a second.
_MARK_UNSAFE = not hasattr(_template, 'trust_as_template')

# The host variable that sends a task to the module process even where it could run in the worker.
MODULE_PROCESS_VAR = 'dnspod_module_process'


def runs_in_worker(transport, become, async_val, module_process):
    """Whether the task can run in the worker: the local connection (the module process would run
    on this machine too), as the same user, not async, and not sent to the module process by
    MODULE_PROCESS_VAR."""
    return transport == 'local' and not become and not async_val and not module_process


def as_module_args(args):
    """The task's arguments as a module process receives them: decoded from JSON, so plain
    strings, lists and dicts (the validator copies them; copying Ansible's tagged values of 1,000
    record sets takes a third of a second). Values JSON has no type for (a YAML date) become their
    text."""
    return json.loads(json.dumps(args, default=str))


def mentions_any(text, values):
    """Whether any of the values occurs in the JSON text of a result, as a whole string or inside
    one, or as the text of a number. Only then does the result need remove_values, whose walk
    through thousands of records costs more than the rest of a converged run: JSON escapes
    character by character, so a value inside a string is inside its JSON text too."""
    return any(json.dumps(value)[1:-1] in text for value in values)


def wants_invocation(get_config_value, task_vars):
    """Whether a module process's result would carry ``invocation`` (the module's arguments, which
    AWX shows as a job event's module arguments): from ansible-core 2.21 when INJECT_INVOCATION is
    on, before 2.21 always (AnsibleModule added it unasked, and the setting does not exist)."""
    try:
        return boolean(get_config_value('INJECT_INVOCATION', variables=task_vars), strict=False)
    except AnsibleError:
        return True


class ModuleExit(BaseException):
    """Raised by WorkerModule.exit_json and fail_json with the task's result.

    A BaseException, like the SystemExit of AnsibleModule's exit_json, so that no ``except
    Exception`` in the module's code can catch it."""

    def __init__(self, result):
        super().__init__('module exit')
        self.result = result


class WorkerModule:
    """What the modules' ``run(module)`` uses of AnsibleModule: params, check_mode, _diff, warn,
    exit_json and fail_json (which raise ModuleExit instead of leaving the process). With
    ``invocation`` the result carries the arguments as AnsibleModule's does (wants_invocation)."""

    def __init__(self, name, argument_spec, args, check_mode=False, diff=False, invocation=False,
                 **validator_kwargs):
        self._name = name
        self._invocation = bool(invocation)
        self.params = {}
        self.check_mode = bool(check_mode)
        self._diff = bool(diff)
        self._warnings = []
        self.no_log_values = set()
        # Ansible's ArgumentSpecValidator; the simple items of a long list option checked faster (task_args.py).
        validated = task_args.validate_arguments(argument_spec, args, **validator_kwargs)
        # Collected before a validation error is reported, so that the error is scrubbed too.
        self.no_log_values.update(validated._no_log_values)
        self.params = validated.validated_parameters
        for warning in validated._warnings:
            self.warn('Both option %s and its alias %s are set.' % (warning['option'], warning['alias']))
        for deprecation in validated._deprecations:
            self.warn("Alias '%s' is deprecated. See the module docs for more information" % deprecation.get('name'))
        if validated.errors.errors:
            msg = validated.errors.msg
            if isinstance(validated.errors[0], UnsupportedError):
                msg = 'Unsupported parameters for (%s) module: %s' % (name, msg)
            self.fail_json(msg=msg)

    def warn(self, warning):
        self._warnings.append(warning)

    def exit_json(self, **kwargs):
        raise ModuleExit(self._formatted(kwargs))

    def fail_json(self, msg, **kwargs):
        kwargs['failed'] = True
        kwargs['msg'] = msg
        raise ModuleExit(self._formatted(kwargs))

    def _formatted(self, result):
        if self._invocation and 'invocation' not in result:
            # Secrets among the arguments are removed below with the rest.
            result['invocation'] = {'module_args': self.params}
        if self._warnings:
            result['warnings'] = list(self._warnings)
        # A module's result reaches the controller as JSON: the same types here (lists for
        # tuples, string keys), whichever way the task ran.
        text = json.dumps(result)
        if mentions_any(text, self.no_log_values):
            # As AnsibleModule does: no value of a no_log option anywhere in the result, but
            # True, False and None at the top level stay what they are.
            preserved = dict((key, value) for key, value in result.items() if value is None or isinstance(value, bool))
            result = remove_values(result, self.no_log_values)
            result.update(preserved)
            text = json.dumps(result)
        return json.loads(text)


class WorkerModuleAction(ActionBase):
    """The action plugin of a module that can run in the worker. Subclasses name the module file
    (MODULE), which has ``argument_spec()``, ``module_kwargs()`` (what else it passes to
    AnsibleModule: required_if, mutually_exclusive and the like) and ``run(module)``."""

    MODULE = None
    _supports_check_mode = True
    _supports_async = True

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        del tmp
        task_vars = task_vars or {}
        module_process = boolean(self._templar.template(task_vars.get(MODULE_PROCESS_VAR, False)), strict=False)
        if runs_in_worker(getattr(self._connection, 'transport', None), self._play_context.become,
                          self._task.async_val, module_process) and self._worker_has_requests():
            return merge_hash(result, self._run_in_worker(task_vars))
        # What the `normal` action plugin does: the module process, on the task's host.
        wrap_async = self._task.async_val and not self._connection.has_native_async
        result = merge_hash(result, self._execute_module(task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result

    def _worker_has_requests(self):
        # Without requests on the controller's Python the module process may still have it (its
        # interpreter can be another one): that is where it then fails or works.
        client = importlib.import_module('ansible_collections.dnspod.dnspod.plugins.module_utils.client')
        return client.HAS_REQUESTS

    def _run_in_worker(self, task_vars=None):
        # The worker is a fork of the controller, made for this one task and gone after it: the
        # controller's objects it inherited stay until then whatever happens. Frozen, they are left
        # out of the collector's passes, each of which would otherwise walk that whole heap while
        # the task builds its thousands of small objects (a third of the task's own time at 1,000
        # sets, docs/performance.md).
        gc.freeze()
        module = importlib.import_module(self.MODULE)
        name = getattr(self._task, 'resolved_action', None) or self._task.action
        # The task's `environment:` reaches a module process as its environment (the DNSPOD_*
        # options, a proxy); here it is set for the run and put back after.
        environment = {}
        self._compute_environment_string(environment)
        saved = dict(os.environ)
        os.environ.update((str(key), str(value)) for key, value in environment.items())
        try:
            worker = WorkerModule(name, module.argument_spec(), as_module_args(self._task.args),
                                  check_mode=self._task.check_mode, diff=self._task.diff,
                                  invocation=wants_invocation(C.config.get_config_value, task_vars or {}),
                                  **module.module_kwargs())
            module.run(worker)
        except ModuleExit as exc:
            # Values from the API are data, never templates, as with a module's result.
            return wrap_var(exc.result) if _MARK_UNSAFE else exc.result
        finally:
            os.environ.clear()
            os.environ.update(saved)
        raise AnsibleError('%s ended without a result' % name)
