# -*- coding: utf-8 -*-
"""The contract that lets one module file run as a module process and in Ansible's worker:

* a module's ``converge(task)`` uses only what ``runner.Task`` provides, and never the AnsibleModule;
* ``runner.Task``, ``runner.execute`` and every helper that is handed the module (module_utils, and
  module files the worker runs) use only what ``WorkerModule`` provides (``WorkerModule.PROVIDES``),
  which AnsibleModule provides too.

The static part reads the source (every module file, module_utils and the runner), the runtime
part runs the runner with a WorkerModule that records what is read of it."""
import ast
import glob
import json
import os
import types

import pytest

from ansible.module_utils import basic
from ansible_collections.dnspod.dnspod.plugins.module_utils import common, runner
from ansible_collections.dnspod.dnspod.plugins.plugin_utils import worker_module
from ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module import ModuleExit, WorkerModule

PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(worker_module.__file__)))
MODULE_FILES = sorted(glob.glob(os.path.join(PLUGINS, 'modules', '*.py')))
MODULE_UTILS = sorted(glob.glob(os.path.join(PLUGINS, 'module_utils', '**', '*.py'), recursive=True))
TOKEN = '10000,0123456789abcdef0123456789abcdef'


def task_provides():
    """The public names of runner.Task: its methods and properties, and what __init__ sets."""
    stub = types.SimpleNamespace(params={}, check_mode=False, _diff=False)
    names = set(name for name in dir(runner.Task) if not name.startswith('_'))
    names.update(name for name in vars(runner.Task(stub)) if not name.startswith('_'))
    return names


TASK_PROVIDES = task_provides()
WORKER_PROVIDES = frozenset(WorkerModule.PROVIDES)


def parsed(path):
    with open(path, encoding='utf-8') as handle:
        return ast.parse(handle.read(), path)


def parameters(function):
    args = function.args
    return [arg.arg for arg in args.posonlyargs + args.args + args.kwonlyargs]


def functions(tree):
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]


def attributes_of(node, name):
    """{attribute: line} of ``name.attribute`` anywhere inside node."""
    return dict((sub.attr, sub.lineno) for sub in ast.walk(node)
                if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == name)


def top_level(tree):
    names = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node
    return names


def runner_shaped(tree):
    names = top_level(tree)
    return 'OPTIONS' in names and isinstance(names.get('converge'), ast.FunctionDef)


def worker_shaped(tree):
    """REMOVE the run(module) part with worker_module.worker_entry's."""
    names = top_level(tree)
    return runner_shaped(tree) or all(isinstance(names.get(name), ast.FunctionDef)
                                      for name in ('argument_spec', 'module_kwargs', 'run'))


def short(path):
    return os.path.relpath(path, PLUGINS)


def test_the_contracts_are_read_from_the_code_not_empty():
    # Were the introspection broken, every check below would pass without checking anything.
    assert {'params', 'check_mode', 'diff', 'warn', 'fail', 'api'} <= TASK_PROVIDES
    assert {'params', 'check_mode', 'exit_json', 'fail_json'} <= WORKER_PROVIDES
    assert len(MODULE_FILES) > 20 and len(MODULE_UTILS) > 20
    assert all(runner_shaped(parsed(path)) for path in MODULE_FILES)


@pytest.mark.parametrize('path', MODULE_FILES, ids=short)
def test_converge_uses_only_what_the_task_provides(path):
    tree = parsed(path)
    assert runner_shaped(tree), '%s: not in the runner shape (OPTIONS, converge)' % short(path)
    converge = top_level(tree)['converge']
    task = parameters(converge)[0]
    used = attributes_of(converge, task)
    assert set(used) <= TASK_PROVIDES, '%s: converge uses %s of the task' % (
        short(path), dict((k, v) for k, v in used.items() if k not in TASK_PROVIDES))


@pytest.mark.parametrize('path', MODULE_FILES, ids=short)
def test_only_main_touches_the_ansible_module(path):
    tree = parsed(path)
    assert runner_shaped(tree), '%s: not in the runner shape (OPTIONS, converge)' % short(path)
    main = top_level(tree).get('main')
    inside_main = set(id(node) for node in ast.walk(main)) if main else set()
    outside = [node.lineno for node in ast.walk(tree)
               if isinstance(node, ast.Name) and node.id == 'AnsibleModule' and id(node) not in inside_main]
    assert not outside, '%s: AnsibleModule used outside main() on lines %s' % (short(path), outside)


def test_every_helper_handed_the_task_uses_only_what_it_provides():
    # Helpers that take the task (named `task`, as converge names it) in module files and module_utils.
    wrong = []
    for path in MODULE_FILES + MODULE_UTILS:
        for function in functions(parsed(path)):
            if 'task' in parameters(function):
                used = attributes_of(function, 'task')
                wrong += ['%s:%d task.%s' % (short(path), line, name) for name, line in used.items()
                          if name not in TASK_PROVIDES]
    assert not wrong


def test_the_runner_and_the_helpers_handed_the_module_use_only_what_the_worker_provides():
    wrong = []
    worker_files = [path for path in MODULE_FILES if worker_shaped(parsed(path))]
    for path in MODULE_UTILS + worker_files:
        tree = parsed(path)
        for function in functions(tree):
            if 'module' in parameters(function):
                used = attributes_of(function, 'module')
                wrong += ['%s:%d module.%s' % (short(path), line, name) for name, line in used.items()
                          if name not in WORKER_PROVIDES]
    # What the runner's Task keeps of the module.
    task_class = top_level(parsed(runner.__file__.replace('.pyc', '.py')))['Task']
    for node in ast.walk(task_class):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                and node.value.attr == '_module' and node.attr not in WORKER_PROVIDES):
            wrong.append('runner.py:%d self._module.%s' % (node.lineno, node.attr))
    assert not wrong


def test_ansible_module_and_the_worker_module_both_provide_the_contract(monkeypatch):
    spec = runner.argument_spec({'name': {'type': 'str'}})
    worker = WorkerModule('dnspod.dnspod.x', spec, {'name': 'a', 'login_token': TOKEN}, **runner.module_kwargs())
    args = json.dumps({'ANSIBLE_MODULE_ARGS': {'name': 'a', 'login_token': TOKEN}}).encode()
    monkeypatch.setattr(basic, '_ANSIBLE_ARGS', args)
    if hasattr(basic, '_ANSIBLE_PROFILE'):
        monkeypatch.setattr(basic, '_ANSIBLE_PROFILE', 'legacy')
    module = basic.AnsibleModule(argument_spec=spec, supports_check_mode=True, **runner.module_kwargs())
    for name in WORKER_PROVIDES:
        assert hasattr(worker, name), name
        assert hasattr(module, name), name
    assert worker.params == module.params


class Recording:
    """A WorkerModule that records every attribute read of it."""

    def __init__(self, module):
        object.__setattr__(self, '_module', module)
        object.__setattr__(self, 'read', set())

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._module, name)


def recording(**params):
    args = dict({'login_token': TOKEN, 'api_url': 'http://127.0.0.1:9', 'retries': 0, 'timeout': 1}, **params)
    return Recording(WorkerModule('dnspod.dnspod.x', runner.argument_spec({'domain': {'type': 'str'}}), args,
                                  check_mode=True, diff=True, **runner.module_kwargs()))


def every_member(task):
    """A converge that touches every member of the Task but the ones that send a call."""
    read = dict((name, getattr(task, name)) for name in sorted(TASK_PROVIDES)
                if name not in ('fail', 'resolve_domain'))
    task.warn('seen %d members' % len(read))
    return dict(changed=False, diff_mode=task.diff, check_mode=task.check_mode)


def sending(task):
    return dict(changed=False, domain=task.resolve_domain(task.params['domain']))


def failing(task):
    task.fail('domain: no', domain=task.params['domain'])


@pytest.mark.parametrize('converge, expected', [
    (every_member, {'changed': False, 'diff_mode': True, 'check_mode': True}),
    # The client's error (nothing listens on port 9) through common.fail_from_error.
    (sending, {'failed': True, 'api_action': 'Domain.Info'}),
    (failing, {'failed': True, 'msg': 'domain: no', 'domain': 'example.com'}),
])
def test_the_runner_reads_of_the_worker_module_only_what_it_provides(converge, expected):
    module = recording(domain='example.com')
    with pytest.raises(ModuleExit) as info:
        runner.execute(module, converge)
    result = info.value.result
    assert dict((key, result.get(key)) for key in expected) == expected
    assert 'api' in result
    assert module.read <= WORKER_PROVIDES, module.read - WORKER_PROVIDES
    assert {'params', 'exit_json' if 'msg' not in result else 'fail_json'} <= module.read
    if converge is every_member:
        assert {'check_mode', '_diff', 'warn'} <= module.read


def test_the_client_is_built_from_the_worker_module_as_from_a_module():
    module = recording()
    client = common.create_client(module)
    assert client.calls == 0
    assert module.read <= WORKER_PROVIDES


def test_every_module_is_routed_to_the_one_action_plugin():
    import yaml  # pylint: disable=import-outside-toplevel
    with open(os.path.join(os.path.dirname(PLUGINS), 'meta', 'runtime.yml'), encoding='utf-8') as handle:
        routing = yaml.safe_load(handle)['plugin_routing']['modules']
    names = [os.path.basename(path)[:-3] for path in MODULE_FILES]
    assert sorted(routing) == sorted(names)
    assert set(entry['action_plugin'] for entry in routing.values()) == {'dnspod.dnspod.dnspod_records'}
    actions = glob.glob(os.path.join(PLUGINS, 'action', '*.py'))
    assert [os.path.basename(path) for path in actions] == ['dnspod_records.py']


def test_every_module_declares_the_action_and_async_attributes_the_same_way():
    import yaml  # pylint: disable=import-outside-toplevel
    from ansible_collections.dnspod.dnspod.plugins.doc_fragments.dnspod import \
        ModuleDocFragment  # pylint: disable=import-outside-toplevel
    actions = yaml.safe_load(ModuleDocFragment.ACTIONS)['attributes']
    info = yaml.safe_load(ModuleDocFragment.INFO)['attributes']
    for name in ('action', 'async', 'action_group'):
        assert actions[name] == info[name], name
        assert actions[name]['support'] == 'full'
    for path in MODULE_FILES:
        with open(path, encoding='utf-8') as handle:
            text = handle.read()
        assert 'dnspod.dnspod.dnspod.ACTIONS' in text or 'dnspod.dnspod.dnspod.INFO' in text, short(path)
