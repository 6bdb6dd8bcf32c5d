"""Make the collection importable as ansible_collections.dnspod.dnspod for unit tests."""
import ast
import os
import sys

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
COLLECTIONS = os.path.join(REPO, '.cache', 'unit-collections')
API3_LAYER = os.path.join(REPO, 'plugins', 'module_utils', 'tencentcloud_api')


def _link_collection():
    parent = os.path.join(COLLECTIONS, 'ansible_collections', 'dnspod')
    link = os.path.join(parent, 'dnspod')
    os.makedirs(parent, exist_ok=True)
    if not os.path.islink(link):
        os.symlink(REPO, link)
    if COLLECTIONS not in sys.path:
        sys.path.insert(0, COLLECTIONS)


_link_collection()


@pytest.fixture(autouse=True)
def _no_cross_task_login_latch(monkeypatch):
    """The client's refused-login marker (client.LoginLatch) lives in a per-user directory shared
    by every process; unit tests must neither read one left by another test nor leave one behind.
    Tests of the latch pass ``login_latch_dir`` explicitly."""
    monkeypatch.setenv('DNSPOD_LOGIN_LATCH_DIR', 'off')


def _sent_actions(path):
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


@pytest.fixture(scope='session')
def api3_sent_actions():
    """The actions plugins/module_utils/tencentcloud_api/ sends (read from its source), for the tests
    that hold them against Tencent's SDK and against what the emulator serves."""
    sent = set()
    for name in sorted(os.listdir(API3_LAYER)):
        if name.endswith('.py'):
            sent.update(_sent_actions(os.path.join(API3_LAYER, name)))
    return frozenset(sent)
