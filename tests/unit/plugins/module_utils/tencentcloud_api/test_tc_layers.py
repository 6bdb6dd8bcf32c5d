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


def test_every_action_the_api_layer_sends_is_one_of_the_sdks(api3_sent_actions):
    sent = api3_sent_actions
    assert {'DescribeRecordList', 'CreateRecord', 'DescribeDomain', 'DescribeBatchTask'} <= sent
    assert sent <= ACTIONS, sorted(sent - ACTIONS)


@pytest.mark.parametrize('path', sorted(p for p in plugin_files() if not p.startswith(API_LAYER + os.sep)),
                         ids=lambda p: os.path.relpath(p, PLUGINS))
def test_no_api_3_action_names_outside_the_api_layer(path):
    found = ['%d: %s' % (line, text) for line, text in code_strings(path) if text in ACTIONS]
    assert found == []
