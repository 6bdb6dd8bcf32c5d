"""The emulator's API 3.0 action table against Tencent's SDK: every action exists in the SDK's
client, and each action's parameters are the SDK request model's, with the same types."""
import ast
import os
import re

import pytest
from tencentcloud.dnspod.v20210323 import dnspod_client, models

import tc_sdk
from emulator.tencentcloud.front import ACTIONS

API_LAYER = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'plugins', 'module_utils', 'tencentcloud_api')

# The actions the collection's API 3.0 backend uses (issue 16, TC-CONTRACT.md).
USED = '''DescribeUserDetail DescribeDomain DescribeDomainList CreateDomain DeleteDomain ModifyDomainStatus
ModifyDomainRemark ModifyDomainToGroup ModifyDomainOwner DescribeDomainFilterList DescribeDomainLogList DescribeDomainPurview
DescribeDomainGroupList CreateDomainGroup DescribeDomainAliasList CreateDomainAlias DeleteDomainAlias
ModifyDomainLock ModifyDomainUnlock DescribeDomainShareInfo DeleteShareDomain DescribeRecordList DescribeRecord
CreateRecord ModifyRecord DeleteRecord ModifyRecordStatus ModifyRecordRemark ModifyDynamicDNS DescribeRecordType
DescribeRecordLineList CreateRecordBatch ModifyRecordBatch ModifyRecordBatchV3 DeleteRecordBatch
DescribeBatchTask'''.split()

SDK_TYPES = {'str': 'str', 'int': 'int', 'bool': 'bool', 'list of str': '[str]', 'list of int': '[int]'}


def sdk_params(action):
    out = {}
    for name, kind in tc_sdk.fields_of(getattr(models, action + "Request")).items():
        kind = re.sub(r' non-negative$', '', kind.strip())
        out[name] = SDK_TYPES.get(kind, '[obj]' if kind.startswith('list of ') else kind)
    return out


def test_every_action_the_collection_uses_is_served():
    assert sorted(set(USED) - set(ACTIONS)) == []
    assert len(USED) == 36


@pytest.mark.parametrize('action', sorted(ACTIONS))
def test_action_matches_the_sdk(action):
    assert callable(getattr(dnspod_client.DnspodClient, action, None)), action
    assert ACTIONS[action].params == sdk_params(action)
    assert set(ACTIONS[action].required) <= set(ACTIONS[action].params)


def sent_actions(path):
    """The actions a file sends: the first argument of ``.call(...)``/``.paged(...)`` and the value of
    an ``action = '...'`` assignment, when a string (as tests/unit/plugins/.../test_tc_layers.py)."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, 'attr', None) in ('call', 'paged') and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            yield node.args[0].value
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'action' for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            yield node.value.value


def test_every_action_the_api_layer_sends_is_served():
    """What plugins/module_utils/tencentcloud_api/ sends is served and listed in USED: the hand list
    once missed DescribeDomainFilterList (dnspod_lock_info's only read of a lock)."""
    sent = set()
    for name in os.listdir(API_LAYER):
        if name.endswith('.py'):
            sent.update(sent_actions(os.path.join(API_LAYER, name)))
    assert {'DescribeDomainFilterList', 'ModifyDynamicDNS', 'DescribeRecordList'} <= sent
    assert sorted(sent - set(ACTIONS)) == []
    assert sorted(sent - set(USED)) == []
