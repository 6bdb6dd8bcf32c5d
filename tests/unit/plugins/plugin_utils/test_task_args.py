# -*- coding: utf-8 -*-
"""task_args: the shortcuts for task arguments of thousands of items give what Ansible gives.

validate_arguments against ArgumentSpecValidator (the same parameters, errors, warnings and
secrets), and finalize_plain against the templating of the same arguments."""
import importlib.util
import json

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.modules import dnspod_records
from ansible_collections.dnspod.dnspod.plugins.plugin_utils import task_args

TOKEN = '10000,0123456789abcdef0123456789abcdef'


def outcome(validated):
    return dict(params=validated.validated_parameters, errors=[str(e) for e in validated.errors.errors],
                warnings=validated._warnings, deprecations=validated._deprecations,
                no_log=sorted(validated._no_log_values))


def both(args):
    spec, kwargs = runner.argument_spec(dnspod_records.OPTIONS), common.dnspod_module_kwargs()
    expected = outcome(ArgumentSpecValidator(spec, **kwargs).validate(json.loads(json.dumps(args))))
    got = outcome(task_args.validate_arguments(spec, json.loads(json.dumps(args)), **kwargs))
    return expected, got


SIMPLE = [
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1', '192.0.2.2']}],
    [{'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1', 'ttl': 600, 'status': 'disabled',
      'record_line': 'default', 'remark': 'x', 'weight': 3}],
    [{'record_type': 'MX', 'value': ['10 mx.example.com'], 'mx': 10}],
    # aliases alone (name, type, values, line)
    [{'name': 'www', 'type': 'A', 'values': ['192.0.2.1'], 'line': 'default'}],
    [{'sub_domain': 'a', 'record_type': 'TXT', 'value': [1, 2.5, True]}],
    [],
]

NOT_SIMPLE = [
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'ttl': '600'}],     # converted
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'ttl': 'ten'}],     # error
    [{'sub_domain': None, 'record_type': 'A', 'value': ['192.0.2.1']}],                     # None -> ''
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'status': None}],   # error
    [{'sub_domain': 'www', 'value': ['192.0.2.1']}],                                        # required
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'bogus': 1}],       # unsupported
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'status': 'on'}],   # choices
    [{'sub_domain': 'www', 'name': 'w', 'record_type': 'A', 'value': ['192.0.2.1']}],      # option and alias
    [{'sub_domain': 'www', 'record_type': 'A', 'value': {'a': 1}}],                         # raw dict
    [{'sub_domain': 'www', 'record_type': 'A', 'value': [['nested']]}],
    [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'ttl': True}],      # bool for int
    ['www A 192.0.2.1'],                                                                    # not a dict
    [{'sub_domain': 'ok', 'record_type': 'A', 'value': ['192.0.2.1']}, {'record_type': 7, 'value': 'x'}],
]


@pytest.mark.parametrize('records', SIMPLE)
def test_simple_items_are_validated_as_ansible_does(records):
    args = {'domain': 'example.com', 'login_token': TOKEN, 'records': records}
    assert task_args.simple_items(runner.argument_spec(dnspod_records.OPTIONS)['records'], records) is not None
    expected, got = both(args)
    assert got == expected
    # the same keys in the same order as Ansible's (the invocation shows them)
    assert [list(item) for item in got['params']['records']] == [list(item) for item in expected['params']['records']]


@pytest.mark.parametrize('records', NOT_SIMPLE)
def test_other_items_are_left_to_ansible(records):
    args = {'domain': 'example.com', 'login_token': TOKEN, 'records': records}
    assert task_args.simple_items(runner.argument_spec(dnspod_records.OPTIONS)['records'], records) is None
    expected, got = both(args)
    assert got == expected


@pytest.mark.parametrize('args', [
    {'login_token': TOKEN, 'records': SIMPLE[0]},                                   # domain missing
    {'domain': 'example.com', 'login_token': TOKEN, 'records': SIMPLE[0], 'purge': 'maybe'},
    {'domain': 'example.com', 'login_token': TOKEN, 'login_email': 'a@example.com', 'records': SIMPLE[0]},
    {'domain': 'example.com', 'login_token': TOKEN, 'records': SIMPLE[0], 'bogus': True},
    {'domain': 'example.com', 'login_token': TOKEN, 'records': SIMPLE[0], 'ignore': [{'sub_domain': 'x'}]},
    {'domain': 'example.com', 'login_token': TOKEN, 'records': 'not a list'},
])
def test_errors_and_secrets_are_ansibles(args):
    expected, got = both(args)
    assert got == expected
    # every case but the one with ignore items is an error
    assert bool(got['errors']) != ('ignore' in args)


def test_thousands_of_items():
    records = [{'sub_domain': 'host%05d' % i, 'record_type': 'A', 'value': ['10.0.%d.%d' % (i // 250, i % 250)]}
               for i in range(3000)]
    expected, got = both({'domain': 'example.com', 'login_token': TOKEN, 'records': records})
    assert got == expected
    assert len(got['params']['records']) == 3000
    assert got['params']['records'][2999]['record_line'] is None


def test_items_are_copies():
    records = [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}]
    validated = task_args.validate_arguments(runner.argument_spec(dnspod_records.OPTIONS), {'domain': 'example.com', 'records': records},
                                             **common.dnspod_module_kwargs())
    validated.validated_parameters['records'][0]['value'].append('192.0.2.9')
    assert records == [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}]


def test_the_hook_exists_exactly_where_the_templating_comparisons_run():
    # PlainTaskArgs works through ActionBase.finalize_task_arg, which ansible-core has from 2.19 on
    # together with the TemplateEngine test_task_args_templating.py compares with (that file is
    # skipped on the cores without them). Before 2.19 Ansible never calls the hook: the mixin is inert.
    from ansible.plugins.action import ActionBase
    from ansible.release import __version__
    has_engine = (importlib.util.find_spec('ansible._internal') is not None
                  and importlib.util.find_spec('ansible._internal._templating._engine') is not None)
    newer = tuple(int(part) for part in __version__.split('.')[:2]) >= (2, 19)
    assert hasattr(ActionBase, 'finalize_task_arg') is newer
    assert has_engine is newer
