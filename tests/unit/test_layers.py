"""The layers of docs/architecture.md, as the code has them: DNSPod's action names are used as
values (an action sent, a set or a table of actions) in the API layer (plugins/module_utils/
dnspod_api/) and nowhere else in the plugins' code. Messages for people may still name the call
they are about ("Record.Ddns updates A and AAAA records only").

The same holds for Tencent Cloud API 3.0: the names of the actions of Tencent's SDK for DNSPod are
values in plugins/module_utils/tencentcloud_api/ alone."""
import ast
import os
import re

import pytest
from tencentcloud.dnspod.v20210323 import dnspod_client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PLUGINS = os.path.join(ROOT, 'plugins')
API_LAYER = os.path.join(PLUGINS, 'module_utils', 'dnspod_api')
AREAS = ('Domain', 'Domainalias', 'Domaingroup', 'Domainshare', 'Info', 'Monitor', 'Product', 'Record',
         'Telephoneverify', 'User', 'Useremail', 'Userpasswd', 'Verify', 'Auth', 'Batch')
ACTION = re.compile(r'^(%s)\.[A-Z][a-z]+$' % '|'.join(AREAS))
DOC_NAMES = {'DOCUMENTATION', 'EXAMPLES', 'RETURN'}
API3_LAYER = os.path.join(PLUGINS, 'module_utils', 'tencentcloud_api')
API3_ACTIONS = set(name for name in vars(dnspod_client.DnspodClient) if name[:1].isupper())


def python_files(top):
    for directory, _dirs, files in os.walk(top):
        for name in files:
            if name.endswith('.py'):
                yield os.path.join(directory, name)


def code_strings(path):
    """(line, text) of every string constant of the file's code: not its docstrings, not a
    module's DOCUMENTATION, EXAMPLES or RETURN (documentation for users names actions)."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read())
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) in DOC_NAMES for t in node.targets):
            skipped.add(id(node.value))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node.lineno, node.value


def test_the_pattern_finds_action_names():
    assert ACTION.search('Domaingroup.Create') and ACTION.search('Record.List')
    assert not ACTION.search('record.value') and not ACTION.search('Domain. List')
    assert not ACTION.search('Record.List (dnspod_record_info) shows no such record')


def test_a_planner_that_sends_an_action_is_found(tmp_path):
    planner = tmp_path / 'planner.py'
    planner.write_text('"""Docstring: Record.List."""\ndef plan(client):\n    return client.call(\'Record.List\', {})\n')
    assert [text for _line, text in code_strings(str(planner)) if ACTION.search(text)] == ['Record.List']


@pytest.mark.parametrize('path', sorted(p for p in python_files(PLUGINS) if not p.startswith(API_LAYER + os.sep)),
                         ids=lambda p: os.path.relpath(p, PLUGINS))
def test_no_action_names_outside_the_api_layer(path):
    found = ['%d: %s' % (line, text) for line, text in code_strings(path) if ACTION.search(text)]
    assert found == []


def test_the_api_layer_names_actions():
    named = set()
    for path in python_files(API_LAYER):
        named.update(ACTION.search(text).group(0) for _line, text in code_strings(path) if ACTION.search(text))
    assert {'Record.List', 'Domain.Info', 'Domaingroup.List'} <= named


def test_the_sdk_lists_the_actions_the_api3_areas_send():
    assert {'DescribeRecordList', 'CreateRecordBatch', 'ModifyRecordBatchV3', 'DescribeBatchTask'} <= API3_ACTIONS


def test_every_action_the_api3_layer_sends_is_one_of_the_sdks(api3_sent_actions):
    sent = api3_sent_actions
    assert {'DescribeRecordList', 'CreateRecord', 'DescribeDomain', 'DescribeBatchTask'} <= sent
    assert sent <= API3_ACTIONS, sorted(sent - API3_ACTIONS)


@pytest.mark.parametrize('path', sorted(p for p in python_files(PLUGINS) if not p.startswith(API3_LAYER + os.sep)),
                         ids=lambda p: os.path.relpath(p, PLUGINS))
def test_no_api3_action_names_outside_the_api3_layer(path):
    found = ['%d: %s' % (line, text) for line, text in code_strings(path) if text in API3_ACTIONS]
    assert found == []
