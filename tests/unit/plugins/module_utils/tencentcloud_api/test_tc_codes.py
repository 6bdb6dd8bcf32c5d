"""tencentcloud_api/codes.py against Tencent's SDK (tencentcloud-sdk-python-dnspod): every action it
names exists, every action that changes state is a write, every code it names is a DNSPod code of
errorcodes.py or one of API 3.0's common codes, and the retry and login predicates."""
import ast
import inspect

import pytest

from tencentcloud.dnspod.v20210323 import dnspod_client, errorcodes

from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import codes

# The common error codes of every API 3.0 service (Tencent Cloud's "common error codes" page);
# errorcodes.py lists the DNSPod ones only.
COMMON_CODES = {
    'AuthFailure.InvalidAuthorization', 'AuthFailure.InvalidSecretId', 'AuthFailure.MFAFailure',
    'AuthFailure.SecretIdNotFound', 'AuthFailure.SignatureExpire', 'AuthFailure.SignatureFailure',
    'AuthFailure.TokenFailure', 'AuthFailure.UnauthorizedOperation', 'InternalError', 'RequestLimitExceeded',
    'RequestLimitExceeded.IPLimitExceeded', 'RequestLimitExceeded.UinLimitExceeded', 'UnauthorizedOperation',
}
READ_PREFIXES = ('Describe', 'Check', 'Download')
WRITE_PREFIXES = ('Create', 'Delete', 'Modify', 'Pay', 'Rollback')


def sdk_actions():
    """The method names of DnspodClient, read from its source (each is one action)."""
    tree = ast.parse(inspect.getsource(dnspod_client))
    client = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == 'DnspodClient')
    return {node.name for node in client.body if isinstance(node, ast.FunctionDef) and node.name[:1].isupper()}


def sdk_codes():
    return {value for name, value in vars(errorcodes).items() if name.isupper() and isinstance(value, str)}


def test_the_sdk_is_what_the_table_was_made_from():
    assert len(sdk_actions()) >= 97 and 'DescribeRecordList' in sdk_actions()
    assert len(sdk_codes()) >= 275


def test_every_write_action_is_an_sdk_action():
    assert sorted(codes.WRITE_ACTIONS - sdk_actions()) == []


def test_every_sdk_action_that_changes_state_is_a_write():
    writes = {action for action in sdk_actions() if action.startswith(WRITE_PREFIXES)}
    assert sorted(writes - codes.WRITE_ACTIONS) == []
    reads = sdk_actions() - codes.WRITE_ACTIONS
    assert sorted(action for action in reads if not action.startswith(READ_PREFIXES)) == []


def test_send_once_and_already_done_are_writes():
    assert sorted(codes.SEND_ONCE - codes.WRITE_ACTIONS) == []
    assert sorted(set(codes.ALREADY_DONE_CODES) - codes.WRITE_ACTIONS) == []
    assert {'CreateDeal', 'CreateAndPayDeal', 'PayOrderWithBalance', 'ModifyDomainOwner',
            'ModifyDomainLock'} <= codes.SEND_ONCE
    # the ordinary record writes are repeated after a lost answer (a create answered "exists" is done)
    assert not {'CreateRecord', 'ModifyRecord', 'DeleteRecord', 'ModifyDynamicDNS'} & codes.SEND_ONCE


def test_every_code_named_is_known():
    known = sdk_codes() | COMMON_CODES
    named = set(codes.HINTS) | set(codes.ALREADY_DONE_CODES.values()) | codes.NOT_RETRIED_LIMITS
    named |= codes.LOGIN_FAILURE_CODES
    assert sorted(named - known) == []


@pytest.mark.parametrize('code, retried', [
    ('RequestLimitExceeded', True), ('RequestLimitExceeded.RequestLimitExceeded', True),
    ('RequestLimitExceeded.IPLimitExceeded', True), ('InternalError', True), ('InternalError.DbError', True),
    ('RequestLimitExceeded.CreateDomainLimit', False), ('RequestLimitExceeded.BatchTaskLimit', False),
    ('AuthFailure.SignatureFailure', False), ('AuthFailure', False), ('FailedOperation.FrequencyLimit', False),
    ('InternalErrorX', False), ('ResourceNotFound.NoDataOfRecord', False), ('', False),
])
def test_retried_codes(code, retried):
    assert codes.is_retried(code) is retried


def test_no_auth_failure_is_retried():
    auth = [code for code in sdk_codes() | COMMON_CODES if code.startswith('AuthFailure')]
    assert auth and not [code for code in auth if codes.is_retried(code)]


def test_only_internal_errors_may_have_acted():
    assert codes.may_have_acted('InternalError') and codes.may_have_acted('InternalError.X')
    assert not codes.may_have_acted('RequestLimitExceeded')


def test_login_failures_exclude_cam_refusals_and_the_clock_is_not_latched():
    assert codes.is_login_failure('AuthFailure.SecretIdNotFound')
    assert not codes.is_login_failure('AuthFailure.UnauthorizedOperation')
    assert not codes.is_login_failure('UnauthorizedOperation')
    assert 'AuthFailure.SignatureExpire' in codes.LOGIN_FAILURE_CODES
    assert 'AuthFailure.SignatureExpire' not in codes.LATCHED_LOGIN_FAILURES


def test_hints():
    assert 'dnspod:CreateRecord' in codes.hint_for('AuthFailure.UnauthorizedOperation', '', 'CreateRecord')
    assert 'dnspod:DescribeDomainList' in codes.hint_for('UnauthorizedOperation.X', '', 'DescribeDomainList')
    assert codes.hint_for('RequestLimitExceeded.UinLimitExceeded') == codes.HINTS['RequestLimitExceeded']
    assert codes.hint_for('RequestLimitExceeded.BatchTaskLimit') == codes.HINTS['RequestLimitExceeded.BatchTaskLimit']
    assert codes.hint_for('FailedOperation.SomethingNew') is None
