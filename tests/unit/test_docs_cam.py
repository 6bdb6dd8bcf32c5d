"""The least CAM permissions of docs/tencentcloud-cam.yml (and the user guide's table made from it):
every action is one of Tencent's DNSPod SDK, every module and role is there, read-only entries name
reads only, and the guide's table and example policies are what scripts/gen_cam_docs.py makes of the file."""
import glob
import importlib.util
import json
import os
import re
import sys

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(REPO, 'scripts'))
import gen_cam_docs  # noqa: E402  pylint: disable=wrong-import-position

READS = ('Describe',)


@pytest.fixture(scope='module')
def cam():
    return gen_cam_docs.load()


@pytest.fixture(scope='module')
def sdk_actions():
    """The actions of DnspodClient, read from the SDK's source (one method per action)."""
    spec = importlib.util.find_spec('tencentcloud.dnspod.v20210323.dnspod_client')
    assert spec is not None, 'tencentcloud-sdk-python-dnspod (tests/requirements.txt) is not installed'
    with open(spec.origin, encoding='utf-8') as handle:
        actions = set(re.findall(r'^    def ([A-Z][A-Za-z0-9]+)\(self, request\):', handle.read(), re.M))
    assert len(actions) > 90 and {'DescribeRecordList', 'CreateRecordBatch'} <= actions
    return actions


def named_actions(cam):
    return dict((name, set(entry.get('actions') or {})) for name, entry in gen_cam_docs.entries(cam))


def test_every_action_is_one_of_the_sdk(cam, sdk_actions):
    unknown = dict((name, sorted(actions - sdk_actions)) for name, actions in named_actions(cam).items()
                   if actions - sdk_actions)
    assert unknown == {}


def test_every_module_is_there_with_actions_or_as_traditional_only(cam):
    modules = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(REPO, 'plugins', 'modules', 'dnspod_*.py')))
    assert len(modules) > 20
    assert sorted(cam['modules']) == modules
    for name, entry in gen_cam_docs.entries(cam):
        has_actions = bool(entry.get('actions'))
        assert has_actions != ('traditional_api_only' in entry), name
        if not has_actions:
            assert set(entry) == {'traditional_api_only'}, name
    lookups = sorted('lookup/' + os.path.basename(p)[:-3] for p in glob.glob(os.path.join(REPO, 'plugins', 'lookup', '*.py')))
    assert sorted(cam['plugins']) == lookups


def test_read_only_entries_send_reads_only_and_writers_write(cam):
    for name, entry in gen_cam_docs.entries(cam):
        if not entry.get('actions'):
            continue
        # The info modules and the lookup are the read-only ones, and they send Describe* only.
        assert entry['read_only'] is (name.endswith('_info') or '(lookup)' in name), name
        writes = [a for a in entry['actions'] if not a.startswith(READS)]
        if entry['read_only']:
            assert writes == [], name
        else:
            # A writing module either has its write actions, or says which of its writes API 3.0 lacks
            # (dnspod_account reads the account and can write nothing on API 3.0).
            assert writes or entry.get('not_on_tencentcloud'), name


def test_the_traditional_only_modules_are_the_ones_api3_has_no_action_for(cam):
    """D-monitor, the agent API and domain acquisition have no API 3.0 action at all; account writes and
    share creation are the cases of dnspod_account and dnspod_share that API 3.0 lacks."""
    traditional = sorted(name for name, entry in cam['modules'].items() if 'traditional_api_only' in entry)
    assert traditional == ['dnspod_agent_user', 'dnspod_agent_user_info', 'dnspod_domain_acquire',
                           'dnspod_monitor', 'dnspod_monitor_info', 'dnspod_product_info', 'dnspod_upgrade']
    partial = sorted(name for name, entry in cam['modules'].items() if entry.get('not_on_tencentcloud'))
    assert partial == ['dnspod_account', 'dnspod_account_info', 'dnspod_domain', 'dnspod_group', 'dnspod_share']


def test_the_roles_need_the_actions_of_the_modules_they_run():
    """The guide names the modules each role runs: they are the ones its tasks call."""
    with open(gen_cam_docs.GUIDE, encoding='utf-8') as handle:
        text = ' '.join(handle.read().split())
    for role in sorted(os.listdir(os.path.join(REPO, 'roles'))):
        used = set()
        for path in glob.glob(os.path.join(REPO, 'roles', role, 'tasks', '*.yml')):
            with open(path, encoding='utf-8') as handle:
                used |= set(re.findall(r'dnspod\.dnspod\.(dnspod_\w+):', handle.read()))
        assert used, role
        named = sorted(used)
        assert '``%s`` those of %s' % (role, ' and '.join('``%s``' % m for m in named)) in text, (role, named)


def test_the_guide_is_what_the_file_gives(cam):
    with open(gen_cam_docs.GUIDE, encoding='utf-8') as handle:
        text = handle.read()
    assert gen_cam_docs.generated_names(text) == ['cam-table', 'policy-all', 'policy-read']
    assert not gen_cam_docs.stale(data=cam), 'run: python scripts/gen_cam_docs.py'


def test_the_example_policies(cam):
    """The policies in the guide are valid CAM policy syntax (version 2.0) naming dnspod:<Action>:
    the whole one every action of the file, the read-only one Describe* actions only."""
    with open(gen_cam_docs.GUIDE, encoding='utf-8') as handle:
        text = handle.read()
    blocks = dict((m.group('name'), m.group('body')) for m in gen_cam_docs.BLOCK.finditer(text))
    policies = {}
    for name in ('policy-all', 'policy-read'):
        body = blocks[name].split('.. code-block:: json\n', 1)[1]
        policies[name] = json.loads(body)
        doc = policies[name]
        assert doc['version'] == '2.0' and len(doc['statement']) == 1
        statement = doc['statement'][0]
        assert statement['effect'] == 'allow' and statement['resource'] == ['*']
        assert all(a.startswith('dnspod:') for a in statement['action'])
    every = set()
    for actions in named_actions(cam).values():
        every |= actions
    assert set(a[len('dnspod:'):] for a in policies['policy-all']['statement'][0]['action']) == every
    read = [a[len('dnspod:'):] for a in policies['policy-read']['statement'][0]['action']]
    assert read and all(a.startswith(READS) for a in read)
    assert 'DescribeRecordList' in read and 'CreateRecord' not in read


def test_every_action_the_api3_layer_names_is_listed(cam, sdk_actions):
    """The areas of the API 3.0 layer (plugins/module_utils/tencentcloud_api/, issue 16) name the actions
    they send as string literals: each of them is in the file, so a policy made from it lets the layer
    do its work. (codes.py is the transport's table of every SDK action that writes, not what is sent.)"""
    sources = [path for path in glob.glob(os.path.join(REPO, 'plugins', 'module_utils', 'tencentcloud_api', '*.py'))
               if os.path.basename(path) != 'codes.py']
    named = set()
    for path in sources:
        with open(path, encoding='utf-8') as handle:
            named |= set(re.findall(r'''['"]([A-Z][A-Za-z0-9]+)['"]''', handle.read())) & sdk_actions
    listed = set()
    for actions in named_actions(cam).values():
        listed |= actions
    assert named, sources
    assert sorted(named - listed) == []
