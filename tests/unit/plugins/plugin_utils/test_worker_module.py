# -*- coding: utf-8 -*-
"""WorkerModule stands in for AnsibleModule when a module runs in Ansible's worker process: the
same validation, the same result, secrets removed; runs_in_worker and the action plugin decide when
it may, and core's normal action runs the module process otherwise."""
import datetime
import json
import os
import types

import pytest

from ansible.errors import AnsibleError
from ansible.module_utils.basic import AnsibleFallbackNotFound
from ansible_collections.dnspod.dnspod.plugins.module_utils import backends
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.modules import dnspod_records
from ansible_collections.dnspod.dnspod.plugins.plugin_utils import worker_module
from ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module import (
    ModuleExit,
    WorkerModule,
    as_module_args,
    runs_in_worker,
)

TOKEN = '10000,0123456789abcdef0123456789abcdef'
NAME = 'dnspod.dnspod.dnspod_records'


def records_module(args, **kwargs):
    return WorkerModule(NAME, runner.argument_spec(dnspod_records.OPTIONS), args, **dict(common.dnspod_module_kwargs(), **kwargs))


def exit_of(call, *args, **kwargs):
    with pytest.raises(ModuleExit) as info:
        call(*args, **kwargs)
    return info.value.result


@pytest.mark.parametrize('transport, become, async_val, module_process, expected', [
    ('local', False, 0, False, True),
    ('ssh', False, 0, False, False),
    ('winrm', False, 0, False, False),
    (None, False, 0, False, False),
    ('local', True, 0, False, False),
    ('local', False, 30, False, False),
    ('local', False, 0, True, False),
])
def test_runs_in_worker_only_where_the_module_process_would_run_here_as_this_user(
        transport, become, async_val, module_process, expected):
    assert runs_in_worker(transport, become, async_val, module_process) is expected


def test_params_are_validated_with_defaults_aliases_and_suboptions(monkeypatch):
    monkeypatch.delenv('DNSPOD_API_URL', raising=False)
    module = records_module({'domain': 'example.com', 'login_token': TOKEN,
                             'records': [{'name': 'www', 'type': 'A', 'values': ['192.0.2.1'], 'ttl': '600'}]})
    # No default in the spec: it depends on the backend, and runner.execute fills it in.
    assert module.params['api_url'] is None
    assert backends.api_url_of(module.params) == common.DEFAULT_API_URL
    assert module.params['purge'] is False
    item = module.params['records'][0]
    assert (item['sub_domain'], item['record_type'], item['value'], item['ttl']) == ('www', 'A', ['192.0.2.1'], 600)
    assert item['record_line'] is None
    assert module.check_mode is False and module._diff is False


def test_the_environment_fallbacks_are_read(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', TOKEN)
    monkeypatch.setenv('DNSPOD_API_URL', 'http://127.0.0.1:9')
    module = records_module({'domain': 'example.com', 'records': []}, check_mode=True, diff=True)
    assert module.params['login_token'] == TOKEN
    assert module.params['api_url'] == 'http://127.0.0.1:9'
    assert module.check_mode is True and module._diff is True


def test_unsupported_parameter_fails_like_ansible_module():
    result = exit_of(records_module, {'domain': 'example.com', 'records': [], 'purgee': True})
    assert result['failed'] is True
    assert result['msg'].startswith('Unsupported parameters for (dnspod.dnspod.dnspod_records) module: purgee.')


def test_a_missing_required_suboption_fails_naming_it():
    result = exit_of(records_module, {'domain': 'example.com', 'records': [{'sub_domain': 'www', 'value': ['192.0.2.1']}]})
    assert result['failed'] is True
    assert 'record_type' in result['msg'] and 'records' in result['msg']


def test_mutually_exclusive_credentials_fail():
    result = exit_of(records_module, {'domain': 'example.com', 'records': [], 'login_token': TOKEN,
                                      'login_email': 'api@example.com', 'login_password': 'pw-0123456789'})
    assert result['failed'] is True
    assert 'mutually exclusive' in result['msg']


def test_secrets_are_removed_from_exit_and_fail_results_but_booleans_stay():
    module = records_module({'domain': 'example.com', 'records': [], 'login_token': TOKEN})
    failed = exit_of(module.fail_json, msg='refused %s' % TOKEN, detail={'echo': [TOKEN]}, changed=False)
    assert TOKEN not in repr(failed)
    assert failed['msg'] == 'refused ********'
    assert failed['detail'] == {'echo': ['VALUE_SPECIFIED_IN_NO_LOG_PARAMETER']}  # AnsibleModule's word for it
    assert failed['failed'] is True and failed['changed'] is False
    done = exit_of(module.exit_json, changed=True, note=TOKEN)
    assert done == {'changed': True, 'note': 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'}


def test_a_validation_error_echoing_a_secret_is_scrubbed():
    result = exit_of(records_module, {'domain': 'example.com', 'records': [], 'login_token': TOKEN, 'timeout': TOKEN})
    assert result['failed'] is True
    assert TOKEN not in repr(result)


def test_invocation_carries_the_arguments_with_secrets_removed_as_ansible_module_does():
    args = {'domain': 'example.com', 'records': [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}],
            'login_token': TOKEN}
    module = records_module(args, invocation=True)
    done = exit_of(module.exit_json, changed=False)
    module_args = done['invocation']['module_args']
    assert module_args['login_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    assert module_args['domain'] == 'example.com' and module_args['purge'] is False
    assert module_args['records'][0]['value'] == ['192.0.2.1'] and module_args['records'][0]['ttl'] is None
    failed = exit_of(records_module, dict(args, timeout='soon'), invocation=True)
    assert failed['failed'] is True and failed['invocation']['module_args']['login_token'] != TOKEN
    assert TOKEN not in repr(failed)
    assert 'invocation' not in exit_of(records_module(args).exit_json, changed=False)


class UndefinedSetting(AnsibleError):
    pass


def test_invocation_is_wanted_when_the_setting_says_so_or_before_it_existed():
    def before_2_21(name, variables=None):
        raise UndefinedSetting('Requested entry (%s) was not defined in configuration.' % name)
    assert worker_module.wants_invocation(before_2_21, {}) is True
    assert worker_module.wants_invocation(lambda name, variables=None: False, {}) is False
    assert worker_module.wants_invocation(lambda name, variables=None: 'yes', {}) is True
    seen = []
    worker_module.wants_invocation(lambda name, variables=None: seen.append((name, variables)), {'x': 1})
    assert seen == [('INJECT_INVOCATION', {'x': 1})]


def test_result_crosses_as_json_types():
    module = records_module({'domain': 'example.com', 'records': []})
    result = exit_of(module.exit_json, changed=False, pair=('a', 'b'), keyed={1: 'x'})
    assert result['pair'] == ['a', 'b']
    assert result['keyed'] == {'1': 'x'}


def test_warnings_are_returned():
    module = records_module({'domain': 'example.com', 'records': []})
    module.warn('look out')
    assert exit_of(module.exit_json, changed=False)['warnings'] == ['look out']


def test_module_exit_is_not_caught_by_except_exception():
    module = records_module({'domain': 'example.com', 'records': []})
    with pytest.raises(ModuleExit):
        try:
            module.fail_json(msg='stop')
        except Exception:  # pylint: disable=broad-except
            pytest.fail('ModuleExit was caught as an Exception')


def test_as_module_args_gives_plain_json_values():
    class Tagged(str):
        pass

    args = as_module_args({'domain': Tagged('example.com'), 'records': ({'remark': datetime.date(2026, 11, 25)},)})
    assert args == {'domain': 'example.com', 'records': [{'remark': '2026-11-25'}]}
    assert type(args['domain']) is str  # pylint: disable=unidiomatic-typecheck


def test_empty_environment_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', '')
    with pytest.raises(AnsibleFallbackNotFound):
        common.env_fallback('DNSPOD_LOGIN_TOKEN')
    module = records_module({'domain': 'example.com', 'records': []})
    assert module.params['login_token'] is None


class FakeTask:
    def __init__(self, args, environment=None):
        self.args = args
        self.action = NAME
        self.collections = None
        self.check_mode = False
        self.diff = False
        self.environment = environment


class FakeModule:
    """A module file in the runner's shape (OPTIONS, RULES, converge) that records what it saw."""
    seen = {}
    OPTIONS = dict(domain=dict(type='str', required=True), state=dict(type='str', default='absent'),
                   value=dict(type='str'))
    RULES = dict(required_if=[('state', 'present', ('value',))])
    frozen = []

    @classmethod
    def converge(cls, task):
        cls.seen = {'token': task.params['login_token'], 'env': os.environ.get('DNSPOD_LOGIN_TOKEN'),
                    'gc frozen before the run': bool(cls.frozen)}
        return dict(changed=False, domain=task.params['domain'])


NOTHING_SENT = {'calls': 0, 'writes': 0}


def worker_action(monkeypatch, args, environment):
    action = worker_module.WorkerModuleAction.__new__(worker_module.WorkerModuleAction)
    action._task = FakeTask(args)
    # Without `invocation`, whatever the core (before 2.21 a module's result always has it).
    monkeypatch.setattr(worker_module, 'wants_invocation', lambda get_config_value, task_vars: False)
    # Recorded, not done: freezing would keep this test process's objects from the collector.
    FakeModule.frozen = []
    monkeypatch.setattr(worker_module.gc, 'freeze', lambda: FakeModule.frozen.append(True))

    def compute(out):
        out.clear()
        out.update(environment)
        return ''
    action._compute_environment_string = compute
    return action


def test_the_tasks_environment_is_set_for_the_run_and_put_back(monkeypatch):
    monkeypatch.delenv('DNSPOD_LOGIN_TOKEN', raising=False)
    action = worker_action(monkeypatch, {'domain': 'example.com'}, {'DNSPOD_LOGIN_TOKEN': TOKEN})
    result = action._run_in_worker({}, worker_module.worker_entry(FakeModule))
    assert result == {'changed': False, 'domain': 'example.com', 'api': NOTHING_SENT}
    assert FakeModule.seen == {'token': TOKEN, 'env': TOKEN, 'gc frozen before the run': True}
    assert 'DNSPOD_LOGIN_TOKEN' not in os.environ


def test_the_module_files_own_checks_are_applied(monkeypatch):
    # module_kwargs() of the module file (here required_if) reach the validator, as AnsibleModule's.
    action = worker_action(monkeypatch, {'domain': 'example.com', 'state': 'present'}, {'DNSPOD_LOGIN_TOKEN': TOKEN})
    result = action._run_in_worker({}, worker_module.worker_entry(FakeModule))
    assert result['failed'] is True and result['msg'] == 'state is present but all of the following are missing: value'
    action = worker_action(monkeypatch, {'domain': 'example.com', 'state': 'present', 'value': 'x'},
                           {'DNSPOD_LOGIN_TOKEN': TOKEN})
    assert action._run_in_worker({}, worker_module.worker_entry(FakeModule)) == {
        'changed': False, 'domain': 'example.com', 'api': NOTHING_SENT}


def test_a_run_without_exit_is_an_error_and_the_environment_is_put_back(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', 'outer')
    action = worker_action(monkeypatch, {'domain': 'no-exit'}, {'DNSPOD_LOGIN_TOKEN': TOKEN})
    spec, kwargs, _run = worker_module.worker_entry(FakeModule)
    with pytest.raises(Exception, match='ended without a result'):
        action._run_in_worker({}, (spec, kwargs, lambda worker: None))
    assert os.environ['DNSPOD_LOGIN_TOKEN'] == 'outer'


@pytest.mark.parametrize('secret', ['abc', 'pass"word', 'pa\\ss', 'pässwörd', '密码密码', '12345'])
def test_mentions_any_finds_a_value_inside_strings_keys_and_numbers(secret):
    for result in ({'msg': 'x%sy' % secret}, {'list': [{'deep': secret}]}, {secret: 1}):
        assert worker_module.mentions_any(json.dumps(result), {secret})
    assert not worker_module.mentions_any(json.dumps({'msg': 'nothing here', 'n': 7}), {secret})
    assert worker_module.mentions_any(json.dumps({'n': 12345}), {'12345'})


@pytest.mark.parametrize('secret', ['pass"word', 'pässwörd', '密码密码', 'a\\b'])
def test_secrets_with_characters_json_escapes_are_removed(secret):
    module = records_module({'domain': 'example.com', 'records': [], 'login_password': secret,
                             'login_email': 'api@example.com'})
    result = exit_of(module.exit_json, changed=False, note='said %s here' % secret, records=[{'remark': secret}])
    assert secret not in json.dumps(result, ensure_ascii=False)
    assert result['note'] == 'said ******** here'
    assert result['records'] == [{'remark': 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'}]


def test_a_result_without_secrets_is_returned_whole():
    module = records_module({'domain': 'example.com', 'records': [], 'login_token': TOKEN})
    records = [{'id': str(i), 'value': '192.0.2.%d' % (i % 250 + 1), 'ttl': 600, 'hold': False} for i in range(300)]
    assert exit_of(module.exit_json, changed=False, records=records) == {'changed': False, 'records': records}


class ConvergeModule:
    """A module file in the runner's shape: OPTIONS, RULES and converge(task)."""
    OPTIONS = dict(name=dict(type='str'), state=dict(type='str', default='absent', choices=['present', 'absent']))
    RULES = dict(required_if=[('state', 'present', ('name',))])
    seen = {}

    @classmethod
    def converge(cls, task):
        cls.seen = {'params': dict(task.params), 'check_mode': task.check_mode, 'diff': task.diff}
        if task.params['name'] == 'refused':
            task.fail('name: refused here', name='refused')
        task.warn('careful')
        return dict(changed=False, name=task.params['name'])


def test_a_module_in_the_runners_shape_runs_through_the_runner(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', TOKEN)
    entry = worker_module.worker_entry(ConvergeModule)
    action = worker_action(monkeypatch, {'name': 'a', 'state': 'present'}, {})
    action._task.check_mode = True
    result = action._run_in_worker({}, entry)
    # The runner adds `api` (nothing was sent) to the converge's result; warnings come back.
    assert result == {'changed': False, 'name': 'a', 'api': {'calls': 0, 'writes': 0}, 'warnings': ['careful']}
    assert ConvergeModule.seen['check_mode'] is True and ConvergeModule.seen['diff'] is False
    # The shared options are there with their defaults, and the secret is not in the result.
    assert ConvergeModule.seen['params']['lang'] == 'en' and ConvergeModule.seen['params']['login_token'] == TOKEN


def test_the_runners_rules_and_task_errors_reach_the_result(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', TOKEN)
    entry = worker_module.worker_entry(ConvergeModule)
    action = worker_action(monkeypatch, {'state': 'present'}, {})
    result = action._run_in_worker({}, entry)
    assert result['failed'] is True and result['msg'] == 'state is present but all of the following are missing: name'
    action = worker_action(monkeypatch, {'state': 'present', 'name': 'refused'}, {})
    result = action._run_in_worker({}, entry)
    assert result == {'failed': True, 'msg': 'name: refused here', 'name': 'refused',
                      'api': {'calls': 0, 'writes': 0}}


def test_worker_entry_knows_only_the_runners_shape():
    spec, kwargs, _run = worker_module.worker_entry(ConvergeModule)
    assert 'name' in spec and 'login_token' in spec
    assert ('state', 'present', ('name',)) in kwargs['required_if']

    class EarlierShape:
        """argument_spec(), module_kwargs() and run(module): no longer run in the worker."""
        argument_spec = module_kwargs = run = staticmethod(lambda *args: None)
    assert worker_module.worker_entry(EarlierShape) is None
    assert worker_module.worker_entry(object()) is None

    class OnlyMain:
        OPTIONS = None

        @staticmethod
        def main():
            pass
    assert worker_module.worker_entry(OnlyMain) is None


@pytest.mark.parametrize('resolved, expected', [
    ('dnspod.dnspod.dnspod_domain', 'dnspod_domain'),
    ('ansible.builtin.ping', None),
    ('other.dnspod.dnspod_domain', None),
    ('dnspod_domain', None),
    (None, None),
])
def test_module_name_only_for_this_collection(resolved, expected):
    assert worker_module.module_name(resolved) == expected


def test_deprecations_of_the_validator_are_returned_as_a_module_returns_them():
    old_alias = dict(name='old', version='9.0.0', collection_name='dnspod.dnspod')
    spec = dict(common.dnspod_argument_spec(), name=dict(type='str', aliases=['old'], deprecated_aliases=[old_alias]))
    module = WorkerModule(NAME, spec, {'old': 'x'})
    assert module.params['name'] == 'x'
    result = exit_of(module.exit_json, changed=False)
    assert result['deprecations'] == [{'msg': "Alias 'old' is deprecated. See the module docs for more information",
                                       'version': '9.0.0', 'date': None, 'collection_name': 'dnspod.dnspod'}]
    assert 'warnings' not in result


def test_results_are_marked_unsafe_only_before_core_2_19():
    from ansible import template as _template  # pylint: disable=import-outside-toplevel
    result = {'msg': '{{ lookup("pipe", "id") }}'}
    if hasattr(_template, 'trust_as_template'):
        assert worker_module.as_data(result) is result
        assert not hasattr(worker_module, 'wrap_var')
    else:
        assert type(worker_module.as_data(result)['msg']).__name__ == 'AnsibleUnsafeText'


class FakeConnection:
    def __init__(self, transport='local', become=None):
        self.transport = transport
        self.become = become


class FakeTemplar:
    @staticmethod
    def template(value):
        return value


class DecisionTask(FakeTask):
    def __init__(self, resolved_action=NAME, async_val=0, delegate_to=None):
        super().__init__({'domain': 'example.com'})
        self.action = 'dnspod_records'  # as written, with `collections: [dnspod.dnspod]`
        self.collections = ['dnspod.dnspod']
        # Before ansible-core 2.19 this names the action plugin the module is routed to.
        self.resolved_action = 'dnspod.dnspod.dnspod_records'
        self.resolved = resolved_action
        self.async_val = async_val
        self.delegate_to = delegate_to


class ModuleLoader:
    """The module loader's answer for the task's action (resolved_fqcn, or not resolved)."""

    def __init__(self, task):
        self.task = task

    def find_plugin_with_context(self, name, collection_list=None):
        assert (name, collection_list) == (self.task.action, self.task.collections)
        return types.SimpleNamespace(resolved=self.task.resolved is not None, resolved_fqcn=self.task.resolved)


class PlayContext:
    def __init__(self, become=False):
        self.become = become


def decided(monkeypatch, task_vars=None, connection=None, module=FakeModule, play_context=None, **task):
    """'worker' or 'normal': where the action plugin runs the task."""
    action = worker_module.WorkerModuleAction.__new__(worker_module.WorkerModuleAction)
    action._task = DecisionTask(**task)
    action._shared_loader_obj = types.SimpleNamespace(module_loader=ModuleLoader(action._task))
    action._connection = connection or FakeConnection()
    action._play_context = play_context or PlayContext()
    action._templar = FakeTemplar()
    imported = []

    def import_module(name):
        imported.append(name)
        if name.endswith('.client'):
            return type('Client', (), {'HAS_REQUESTS': True})
        return module
    monkeypatch.setattr(worker_module.importlib, 'import_module', import_module)
    monkeypatch.setattr(worker_module.NormalAction, 'run', lambda self, tmp=None, task_vars=None: {'ran': 'normal'})
    monkeypatch.setattr(worker_module.ActionBase, 'run', lambda self, tmp=None, task_vars=None: {'base': True})
    action._run_in_worker = lambda task_vars, entry: {'ran': 'worker'}
    result = action.run(task_vars=task_vars or {})
    if result['ran'] == 'worker':
        assert result['base'] is True
        assert imported[-1] == 'ansible_collections.dnspod.dnspod.plugins.modules.%s' % (
            action._task.resolved.rsplit('.', 1)[-1])
    return result['ran']


class BecomePlugin:
    name = 'su'


def test_the_action_is_core_normal_action_when_not_in_the_worker():
    from ansible.plugins.action import normal  # pylint: disable=import-outside-toplevel
    assert issubclass(worker_module.WorkerModuleAction, normal.ActionModule)
    # Nothing of the module process is copied: run is the only method of its own besides helpers.
    assert '_execute_module' not in vars(worker_module.WorkerModuleAction)


@pytest.mark.parametrize('kwargs, expected', [
    ({}, 'worker'),
    ({'connection': FakeConnection('ssh')}, 'normal'),
    ({'connection': FakeConnection(become=BecomePlugin())}, 'normal'),
    ({'async_val': 30}, 'normal'),
    ({'task_vars': {'dnspod_module_process': True}}, 'normal'),
    ({'task_vars': {'dnspod_module_process': 'yes'}}, 'normal'),
    ({'task_vars': {'dnspod_module_process': False}}, 'worker'),
    ({'module': object()}, 'normal'),
    ({'resolved_action': 'other.collection.dnspod_records'}, 'normal'),
    ({'resolved_action': None}, 'normal'),
    ({'resolved_action': 'dnspod.dnspod.dnspod_group'}, 'worker'),
    # Delegated: the variables of the host the task is delegated to decide, not the play host's.
    ({'delegate_to': 'elsewhere', 'task_vars': {'dnspod_module_process': True,
                                                'ansible_delegated_vars': {'elsewhere': {}}}}, 'worker'),
    ({'delegate_to': 'elsewhere', 'task_vars': {'ansible_delegated_vars': {
        'elsewhere': {'dnspod_module_process': True}}}}, 'normal'),
])
def test_where_the_action_runs_the_module(monkeypatch, kwargs, expected):
    assert decided(monkeypatch, **kwargs) == expected


def test_become_is_read_from_the_connection_not_the_play_context(monkeypatch):
    # The connection's become plugin is what the module process would run under.
    assert decided(monkeypatch, connection=FakeConnection(become=None), play_context=PlayContext(become=True)) == 'worker'
    assert decided(monkeypatch, connection=FakeConnection(become=BecomePlugin()),
                   play_context=PlayContext(become=False)) == 'normal'
