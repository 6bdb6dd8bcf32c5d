"""The API layer alone names the API 3.0 actions (docs/architecture.md): no code string outside
plugins/module_utils/tencentcloud_api/ is the name of an action of Tencent's SDK for DNSPod (messages
and docstrings for people may name them)."""
import ast
import os

import pytest

dnspod_client = pytest.importorskip('tencentcloud.dnspod.v20210323.dnspod_client')

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..'))
PLUGINS = os.path.join(ROOT, 'plugins')
API_LAYER = os.path.join(PLUGINS, 'module_utils', 'tencentcloud_api')
ACTIONS = set(name for name in vars(dnspod_client.DnspodClient) if name[:1].isupper())
DOC_NAMES = {'DOCUMENTATION', 'EXAMPLES', 'RETURN'}


def code_strings(path):
    """(line, text) of the string constants of a file's code: no docstrings, no module documentation."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read())
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) in DOC_NAMES for t in node.targets):
            skipped.add(id(node.value))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node.lineno, node.value


def plugin_files():
    for directory, _dirs, files in os.walk(PLUGINS):
        for name in files:
            if name.endswith('.py'):
                yield os.path.join(directory, name)


def test_the_sdk_lists_the_actions_the_areas_send():
    assert {'DescribeRecordList', 'CreateRecordBatch', 'ModifyRecordBatchV3', 'DescribeBatchTask'} <= ACTIONS


def sent_actions(path):
    """The actions a file sends: the first argument of ``.call(...)``/``.paged(...)`` and the value
    of an ``action = '...'`` assignment, when a string."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, 'attr', None) in ('call', 'paged') and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            yield node.args[0].value
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'action' for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            yield node.value.value


def test_every_action_the_api_layer_sends_is_one_of_the_sdks():
    sent = set()
    for name in os.listdir(API_LAYER):
        if name.endswith('.py'):
            sent.update(sent_actions(os.path.join(API_LAYER, name)))
    assert {'DescribeRecordList', 'CreateRecord', 'DescribeDomain', 'DescribeBatchTask'} <= sent
    assert sent <= ACTIONS, sorted(sent - ACTIONS)


@pytest.mark.parametrize('path', sorted(p for p in plugin_files() if not p.startswith(API_LAYER + os.sep)),
                         ids=lambda p: os.path.relpath(p, PLUGINS))
def test_no_api_3_action_names_outside_the_api_layer(path):
    found = ['%d: %s' % (line, text) for line, text in code_strings(path) if text in ACTIONS]
    assert found == []
