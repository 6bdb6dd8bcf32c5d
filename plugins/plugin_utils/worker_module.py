# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a module of this collection in Ansible's worker process when the task runs on the controller.

A task with the local connection runs its module on the controller anyway, in a new Python
process: Ansible builds the AnsiballZ payload, starts an interpreter, which imports
``ansible.module_utils.basic`` and ``requests``, and the arguments and the result cross as JSON.
That costs more than most tasks' own work (one or two API calls): docs/performance.md has the
figures. So every module of the collection has this one action plugin (``meta/runtime.yml`` routes
each module to it with ``action_plugin``), which runs the module file's own code right in the
worker process that Ansible forks for the task, with a ``WorkerModule`` in place of
``AnsibleModule``: the same argument validation (ansible's ArgumentSpecValidator), the same
result, secrets removed the same way.

A module file in the collection's shape (``OPTIONS``, optional ``RULES``, ``converge(task)``: see
module_utils/runner.py) runs through ``runner.execute``, as its ``main()`` does in a module
process. Anything that could make the two differ goes to ansible-core's own ``normal`` action
plugin, the module process (`runs_in_worker`): another connection (the module must run on that
host), become (another user), async, and the host variable ``dnspod_module_process: true`` (of the
host the task is delegated to, if it is), which asks for the module process outright; so does a
module file without that shape.
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
from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible.utils.vars import merge_hash

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.plugin_utils import task_args

# Before ansible-core 2.19 a plain string in a result can be rendered as a template by a later
# task, so the result is marked unsafe as _execute_module does; from 2.19 on no string is a
# template unless trusted (trust_as_template), wrap_var is deprecated, and marking 1,000 records
# costs a tenth of a second.
_MARK_UNSAFE = not hasattr(_template, 'trust_as_template')
if _MARK_UNSAFE:
    from ansible.utils.unsafe_proxy import wrap_var as as_data
else:
    def as_data(result):
        return result

COLLECTION = 'dnspod.dnspod'
MODULES_PACKAGE = 'ansible_collections.dnspod.dnspod.plugins.modules'

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
    """What the runner (module_utils/runner.py: ``Task``, ``execute``) and the helpers it calls use
    of AnsibleModule: PROVIDES, with exit_json and fail_json raising ModuleExit instead of leaving
    the process. With ``invocation`` the result carries the arguments as AnsibleModule's does
    (wants_invocation). tests/unit/plugins/plugin_utils/test_worker_contract.py holds every module
    file, the runner and module_utils to these names."""

    PROVIDES = ('params', 'check_mode', '_diff', 'no_log_values', 'warn', 'exit_json', 'fail_json')

    def __init__(self, name, argument_spec, args, check_mode=False, diff=False, invocation=False,
                 **validator_kwargs):
        self._name = name
        self._invocation = bool(invocation)
        self.params = {}
        self.check_mode = bool(check_mode)
        self._diff = bool(diff)
        self._warnings = []
        self._deprecations = []
        self.no_log_values = set()
        # Ansible's ArgumentSpecValidator; the simple items of a long list option checked faster (task_args.py).
        validated = task_args.validate_arguments(argument_spec, args, **validator_kwargs)
        # Collected before a validation error is reported, so that the error is scrubbed too.
        self.no_log_values.update(validated._no_log_values)
        self.params = validated.validated_parameters
        for warning in validated._warnings:
            self.warn('Both option %s and its alias %s are set.' % (warning['option'], warning['alias']))
        # As AnsibleModule does: each one {'msg', 'version', 'date', 'collection_name'} (every
        # supported core), returned as the result's `deprecations`, which the controller shows.
        self._deprecations = [dict(deprecation) for deprecation in validated._deprecations]
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
        if self._deprecations:
            result['deprecations'] = list(self._deprecations)
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


def module_name(resolved_action):
    """The module file's name for a module of this collection (``dnspod.dnspod.dnspod_domain`` ->
    ``dnspod_domain``), None for any other action."""
    collection, _dot, name = (resolved_action or '').rpartition('.')
    if collection not in (COLLECTION, 'ansible_collections.' + COLLECTION) or not name:
        return None
    return name


def worker_entry(module):
    """What the worker runs of a module file: ``(argument_spec, validator keyword arguments,
    run(worker_module))``, or None when the file has no shape the worker knows (it then runs as a
    module process)."""
    options, converge = getattr(module, 'OPTIONS', None), getattr(module, 'converge', None)
    if isinstance(options, dict) and callable(converge):
        # The collection's shape (module_utils/runner.py): what runner.main does, for a WorkerModule.
        return (runner.argument_spec(options), runner.module_kwargs(getattr(module, 'RULES', None)),
                lambda worker: runner.execute(worker, converge))
    return None


class WorkerModuleAction(NormalAction):
    """The action plugin of every module of the collection (meta/runtime.yml routes them here):
    the module file runs in the worker (`runs_in_worker`, `worker_entry`), or else as a module
    process through ansible-core's own ``normal`` action plugin, which this class extends."""

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        entry = self._worker_entry(task_vars)
        if entry is None:
            # ansible-core's `normal` action: the module process, on the task's host.
            return super().run(tmp, task_vars)
        result = ActionBase.run(self, tmp, task_vars)
        return merge_hash(result, self._run_in_worker(task_vars, entry))

    def _module_process_wanted(self, task_vars):
        # A delegated task runs with the connection of the host it is delegated to: that host's
        # variables say whether it wants the module process, as they give its connection.
        host_vars = task_vars
        if self._task.delegate_to:
            host_vars = (task_vars.get('ansible_delegated_vars') or {}).get(self._task.delegate_to, {})
        return boolean(self._templar.template(host_vars.get(MODULE_PROCESS_VAR, False)), strict=False)

    def _worker_entry(self, task_vars):
        """The module file's worker entry when the task runs in the worker, else None."""
        if not runs_in_worker(getattr(self._connection, 'transport', None),
                              getattr(self._connection, 'become', None) is not None,
                              self._task.async_val, self._module_process_wanted(task_vars)):
            return None
        name = module_name(self._module_fqcn())
        if name is None or not self._worker_has_requests():
            return None
        try:
            module = importlib.import_module('%s.%s' % (MODULES_PACKAGE, name))
        except ImportError:
            return None
        return worker_entry(module)

    def _module_fqcn(self):
        """The module's FQCN, from the module loader: before ansible-core 2.19 the task's
        ``resolved_action`` names the action plugin a module is routed to (dnspod_records)."""
        context = self._shared_loader_obj.module_loader.find_plugin_with_context(
            self._task.action, collection_list=self._task.collections)
        return context.resolved_fqcn if context is not None and context.resolved else None

    def _worker_has_requests(self):
        # Without requests on the controller's Python the module process may still have it (its
        # interpreter can be another one): that is where it then fails or works.
        client = importlib.import_module('ansible_collections.dnspod.dnspod.plugins.module_utils.client')
        return client.HAS_REQUESTS

    def _run_in_worker(self, task_vars, entry):
        # The worker is a fork of the controller, made for this one task and gone after it: the
        # controller's objects it inherited stay until then whatever happens. Frozen, they are left
        # out of the collector's passes, each of which would otherwise walk that whole heap while
        # the task builds its thousands of small objects (a third of the task's own time at 1,000
        # sets, docs/performance.md).
        gc.freeze()
        argument_spec, validator_kwargs, run = entry
        # The module's name as a module process gets it (`_ansible_module_name`): the task's action.
        name = self._task.action
        # The task's `environment:` reaches a module process as its environment (the DNSPOD_*
        # options, a proxy); here it is set for the run and put back after.
        environment = {}
        self._compute_environment_string(environment)
        saved = dict(os.environ)
        os.environ.update((str(key), str(value)) for key, value in environment.items())
        try:
            worker = WorkerModule(name, argument_spec, as_module_args(self._task.args),
                                  check_mode=self._task.check_mode, diff=self._task.diff,
                                  invocation=wants_invocation(C.config.get_config_value, task_vars),
                                  **validator_kwargs)
            run(worker)
        except ModuleExit as exc:
            # Values from the API are data, never templates, as with a module's result.
            return as_data(exc.result)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        raise AnsibleError('%s ended without a result' % name)
