# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one way a module of this collection runs.

A module file is its documentation and three names:

``OPTIONS``
    its own options (the connection and credential options of the doc fragment are added here);
``RULES``
    optional: what else AnsibleModule checks (``required_if``, ``mutually_exclusive`` ...), added to
    the rules every module shares;
``converge(task)``
    the task: reads through ``task.api``, plans, writes, and returns the result (without ``api``).

``main()`` is ``runner.main(AnsibleModule, OPTIONS, converge, RULES)``. The action plugin that runs
a module in Ansible's worker process (plugins/plugin_utils/worker_module.py) uses the same three
names through ``argument_spec``, ``module_kwargs`` and ``execute``, so the two ways cannot differ.

``execute`` turns a ``TaskError`` (errors.py: bad input, an impossible task) or a ``DNSPodError``
into ``fail_json`` with the API's action, code and message, and puts the calls and writes the task
sent (``api``) on every result, failed or not. This layer alone calls ``fail_json``/``exit_json``;
the planners and the API layer below it raise.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import backends
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError, TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import support


class Task:
    """What ``converge`` gets: the validated ``params``, ``check_mode``, ``diff``, the API by area
    (``api.records``, ``api.domains`` ...), ``warn`` and ``fail``. It uses only what both
    AnsibleModule and the worker's WorkerModule provide."""

    def __init__(self, module):
        self._module = module
        self.params = module.params
        self.check_mode = module.check_mode
        self.diff = module._diff
        self._client = None
        self._api = None

    @property
    def client(self):
        """The client, built on first use: the options checked before it (the task's own input
        first, then credentials) fail in that order, and nothing is sent either way. On API 3.0, a
        task it cannot serve (tencentcloud_api/support.py) fails here, before any call."""
        if self._client is None:
            client = common.create_client(self._module)
            if client.backend == backends.TENCENTCLOUD:
                refused = support.refusal(getattr(self._module, '_name', None), self.params)
                if refused:
                    raise TaskError(refused)
            self._client = client
        return self._client

    @property
    def api(self):
        if self._api is None:
            self._api = backends.api_for(self.client)
        return self._api

    def warn(self, text):
        self._module.warn(text)

    @staticmethod
    def fail(msg, **details):
        """Stop the task with ``msg`` (never returns)."""
        raise TaskError(msg, **details)

    def resolve_domain(self, domain):
        """The domain (canonical dict) given by name or ID; fails the task when the account has no
        such domain. A name is checked (and IDNA-encoded) before it is sent."""
        domain = str(domain).strip()
        if not domain.isdigit():
            try:
                domain = names.normalize_domain_name(domain)
            except ValueError as exc:
                raise TaskError('domain: %s' % exc)
        found = self.api.domains.get(domain)
        if found is None:
            raise TaskError('domain: %s is not in this DNSPod account' % domain)
        return found

    def summary(self):
        """The calls and writes sent so far (the result's ``api``)."""
        if self._client is None:
            return dict(calls=0, writes=0)
        return common.api_summary(self._client)


def argument_spec(options):
    """The module's own options and those every module shares."""
    spec = common.dnspod_argument_spec()
    spec.update(options)
    return spec


def module_kwargs(rules=None):
    """AnsibleModule's keyword arguments besides the argument spec: the shared rules, each list
    extended (each dict, such as ``required_by``, updated) by the module's own."""
    kwargs = common.dnspod_module_kwargs()
    for key, value in (rules or {}).items():
        if isinstance(value, dict):
            kwargs[key] = dict(kwargs.get(key, {}), **value)
        else:
            kwargs[key] = list(kwargs.get(key, [])) + list(value)
    return kwargs


def execute(module, converge):
    """Run ``converge`` for an AnsibleModule or a WorkerModule; exits through the module."""
    if not module.params.get('api_url'):
        # The default of api_url depends on the backend (the argument spec cannot say it).
        module.params['api_url'] = backends.api_url_of(module.params)
    task = Task(module)
    try:
        result = converge(task)
    except TaskError as exc:
        details = dict(exc.details)
        details.setdefault('api', task.summary())
        module.fail_json(msg=str(exc), **details)
    except DNSPodError as exc:
        # ``details``: what the task did before the error (dnspod_domain_acquire's step, the aliases
        # alias.apply created and removed)
        details = dict(getattr(exc, 'details', None) or {})
        details.setdefault('api', task.summary())
        common.fail_from_error(module, exc, **details)
    result['api'] = task.summary()
    module.exit_json(**result)


def main(module_class, options, converge, rules=None):
    """A module process: ``module_class`` is AnsibleModule (the module file imports it, so that
    Ansible packs ``basic`` with the module)."""
    module = module_class(argument_spec=argument_spec(options), supports_check_mode=True, **module_kwargs(rules))
    execute(module, converge)
