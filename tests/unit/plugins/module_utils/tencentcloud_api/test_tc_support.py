"""tencentcloud_api/support.py: what API 3.0 cannot do, checked against the SDK's actions, and
refused by the runner right after the client is built, with nothing sent."""
import ast
import inspect

import pytest
import requests

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from tencentcloud.dnspod.v20210323 import dnspod_client

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import support

KEYS = {'secret_id': 'AKID10000EMULATOR', 'secret_key': 'emulator-secret-key-10000'}


def sdk_actions():
    tree = ast.parse(inspect.getsource(dnspod_client))
    client = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == 'DnspodClient')
    return {node.name for node in client.body if isinstance(node, ast.FunctionDef) and node.name[:1].isupper()}


# ---- the table against the SDK ----------------------------------------------------------------

# What each refusal says API 3.0 lacks: no SDK action's name holds any of these words.
MISSING = {
    'dnspod_monitor': ('Monitor',),
    'dnspod_monitor_info': ('Monitor',),
    'dnspod_agent_user': ('Agent', 'CreateUser', 'Transfer', 'Verify'),
    'dnspod_agent_user_info': ('Agent', 'DescribeUserList'),
    'dnspod_upgrade': ('Upgrade', 'Grade'),
    'dnspod_product_info': ('Product',),
    'dnspod_domain_acquire': ('Acquire', 'Retrieve'),
    'dnspod_account': ('ModifyUser', 'ModifyAccount', 'Password', 'Email', 'Telephone'),
    ('dnspod_domain', 'is_mark'): ('IsMark', 'DomainMark', 'Star'),   # not 'Mark': ModifyRecordRemark
    ('dnspod_domain', 'searchengine_push'): ('Search', 'Engine', 'Push'),
    ('dnspod_group', 'state'): ('DeleteDomainGroup', 'RemoveDomainGroup'),
    ('dnspod_group', 'old_name'): ('ModifyDomainGroup', 'RenameDomainGroup'),
    ('dnspod_share', 'state'): ('CreateDomainShare', 'CreateShareDomain', 'ModifyDomainShare', 'ModifyShareDomain',
                                'AddShare'),
    ('dnspod_account_info', 'gather'): ('UserLog', 'AccountLog', 'DescribeUserLog', 'ApiVersion', 'DescribeVersion'),
}
# What a task must give on API 3.0 that the traditional API lets it leave out: the SDK documents
# the parameter as required (DescribeRecordLineList: Domain).
NEEDED = {('dnspod_account_info', 'domain'): ('DescribeRecordLineList', 'Domain')}


def test_every_refusal_is_checked_here():
    rows = set(support.MODULES) | {(module, option) for module, rows in support.OPTIONS.items()
                                   for option, _test, _why in rows}
    assert rows == set(MISSING)
    assert {(module, option) for module, rows in support.TOGETHER.items() for option, _test, _why in rows} == set(NEEDED)


@pytest.mark.parametrize('row', sorted(NEEDED))
def test_what_api_3_needs_is_a_required_parameter_of_the_sdk(row):
    from tencentcloud.dnspod.v20210323 import models
    action, field = NEEDED[row]
    request = getattr(models, action + 'Request')
    assert field in vars(request()) or '_' + field in vars(request())
    # the SDK's documents (Tencent Cloud's API pages: "Domain: required") hold no default for it
    assert action in sdk_actions()


@pytest.mark.parametrize('row', sorted(MISSING, key=str))
def test_api_3_has_no_action_for_what_is_refused(row):
    actions = sdk_actions()
    assert len(actions) >= 97
    assert [action for action in actions if any(word.lower() in action.lower() for word in MISSING[row])] == []


def test_what_api_3_does_have_is_not_refused():
    """The actions the served options rely on exist (so the table refuses no more than it must)."""
    assert {'DeleteShareDomain', 'DescribeDomainShareInfo', 'CreateDomainGroup', 'DescribeDomainGroupList',
            'ModifyDomainToGroup', 'ModifyDomainLock', 'ModifyDomainUnlock', 'ModifyDomainOwner',
            'ModifyDomainStatus', 'ModifyDomainRemark', 'DescribeUserDetail', 'DescribeRecordType',
            'DescribeRecordLineList', 'CreateDomainAlias', 'DeleteDomainAlias', 'ModifyDynamicDNS'} <= sdk_actions()
    assert support.refusal('dnspod_share', {'state': 'absent'}) is None
    assert support.refusal('dnspod_group', {'state': 'present', 'name': 'g'}) is None
    assert support.refusal('dnspod_domain', {'domain': 'e.com', 'status': 'disabled', 'remark': 'r'}) is None
    assert support.refusal('dnspod_account_info', {'gather': ['user', 'record_lines'], 'domain': 'e.com'}) is None
    assert support.refusal('dnspod_account_info', {'gather': ['user', 'record_types']}) is None
    for module in ('dnspod_record', 'dnspod_records', 'dnspod_record_info', 'dnspod_ddns', 'dnspod_alias',
                   'dnspod_lock', 'dnspod_lock_info', 'dnspod_domain_info', 'dnspod_share_info', 'dnspod_group_info'):
        assert support.refusal(module, {}) is None


@pytest.mark.parametrize('name', ['dnspod.dnspod.dnspod_monitor', 'dnspod_monitor', 'dnspod_monitor.py'])
def test_the_module_name_is_found_in_every_spelling(name):
    assert support.refusal(name, {}).startswith('dnspod_monitor cannot run on api_backend=tencentcloud')


# ---- the runner refuses with nothing sent -----------------------------------------------------

class Exited(Exception):
    pass


class FakeModule:
    def __init__(self, name, params):
        self._name = name
        self.params = ArgumentSpecValidator(common.dnspod_argument_spec()).validate({}).validated_parameters
        self.params.update(params)
        self.check_mode = False
        self._diff = False
        self.result = None
        self.warnings = []

    def warn(self, text):
        self.warnings.append(text)

    def fail_json(self, **result):
        self.result = dict(result, failed=True)
        raise Exited()

    def exit_json(self, **result):
        self.result = result
        raise Exited()


@pytest.fixture
def no_http(monkeypatch):
    sent = []

    def post(self, url, **kwargs):
        sent.append(url)
        raise AssertionError('nothing may be sent')
    monkeypatch.setattr(requests.Session, 'post', post)
    for name in ('TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'DNSPOD_LOGIN_TOKEN', 'DNSPOD_API_URL',
                 'DNSPOD_API_BACKEND', 'DNSPOD_USER_ID'):
        monkeypatch.delenv(name, raising=False)
    return sent


def converge(task):
    task.api.domains.list()
    return {'changed': False}


CASES = [
    ('dnspod.dnspod.dnspod_monitor', {}, 'D-monitor'),
    ('dnspod_monitor_info', {}, 'D-monitor'),
    ('dnspod_agent_user', {}, 'agent API'),
    ('dnspod_agent_user_info', {}, 'agent API'),
    ('dnspod_upgrade', {}, 'paid upgrades'),
    ('dnspod_product_info', {}, 'Product.Info'),
    ('dnspod_domain_acquire', {}, 'taking a domain back'),
    ('dnspod_account', {}, 'changes the user'),
    ('dnspod_domain', {'is_mark': False}, 'is_mark=false'),
    ('dnspod_domain', {'searchengine_push': True}, 'searchengine_push=true'),
    ('dnspod_group', {'state': 'absent', 'name': 'g'}, 'removes a domain group'),
    ('dnspod_group', {'state': 'present', 'name': 'g', 'old_name': 'f'}, 'renames a domain group'),
    ('dnspod_share', {'state': 'present', 'email': 'a@example.com'}, 'cannot share a domain'),
    ('dnspod_account_info', {'gather': ['user', 'log']}, 'account\'s log'),
    ('dnspod_account_info', {'gather': ['version']}, 'API version'),
    ('dnspod_account_info', {'gather': ['all']}, 'gather=all cannot be done'),
    ('dnspod_account_info', {'gather': ['user', 'record_lines']}, 'domain is required'),
    ('dnspod_record_info', {'user_id': '42'}, 'user_id'),
]


@pytest.mark.parametrize('name, params, words', CASES)
def test_the_runner_refuses_before_any_call(no_http, name, params, words):
    module = FakeModule(name, dict(KEYS, **params))
    with pytest.raises(Exited):
        runner.execute(module, converge)
    result = module.result
    assert result['failed'] and words in result['msg']
    assert 'api_backend=tencentcloud' in result['msg'] and 'login_token' in result['msg']
    assert result['api'] == {'calls': 0, 'writes': 0} and no_http == []


@pytest.mark.parametrize('name, params, words', CASES[:3] + CASES[8:9])
def test_the_same_tasks_run_on_the_traditional_api(no_http, name, params, words):
    module = FakeModule(name, dict(params, login_token='10000,0123456789abcdef'))
    with pytest.raises(Exited):
        runner.execute(module, lambda task: {'changed': False, 'client': type(task.client).__name__})
    assert module.result == {'changed': False, 'client': 'DNSPodClient', 'api': {'calls': 0, 'writes': 0}}


def test_a_served_task_gets_its_client_and_the_api_url_default(no_http):
    module = FakeModule('dnspod_record_info', dict(KEYS))
    with pytest.raises(Exited):
        runner.execute(module, lambda task: {'changed': False, 'backend': task.client.backend})
    assert module.result['backend'] == 'tencentcloud'
    assert module.params['api_url'] == 'https://dnspod.tencentcloudapi.com'
