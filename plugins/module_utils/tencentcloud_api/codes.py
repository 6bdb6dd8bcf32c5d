# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What Tencent Cloud API 3.0's actions and error codes mean to the transport
(tencentcloud_client.py, which names no action itself), as dnspod_api/codes.py says it for the
traditional API: which actions write, which are never sent twice, which codes are retried, which
refuse the credentials, and the hint a person can act on.

The source is Tencent's SDK, tencentcloud-sdk-python-dnspod (API version 2021-03-23):
``dnspod_client.py`` for the actions, ``errorcodes.py`` for the DNSPod codes; the common codes
(``AuthFailure.*``, ``RequestLimitExceeded.*``, ``InternalError``) are those every API 3.0
service answers. tests/unit/plugins/module_utils/tencentcloud_api/test_tc_codes.py checks the
lists against the SDK."""

from __future__ import annotations

# Every action of the SDK that changes state: counted in ``writes`` when the API accepts it,
# flagged in ``log``. (The others read: Describe*, Check* (rollback checks), DownloadSnapshot.)
WRITE_ACTIONS = frozenset([
    # records
    'CreateRecord', 'CreateTXTRecord', 'ModifyRecord', 'ModifyTXTRecord', 'DeleteRecord', 'ModifyRecordStatus',
    'ModifyRecordRemark', 'ModifyRecordFields', 'ModifyDynamicDNS', 'ModifyRecordToGroup',
    'CreateRecordBatch', 'ModifyRecordBatch', 'ModifyRecordBatchV3', 'DeleteRecordBatch',
    'CreateRecordGroup', 'ModifyRecordGroup', 'DeleteRecordGroup',
    # domains
    'CreateDomain', 'DeleteDomain', 'CreateDomainBatch', 'DeleteDomainBatch', 'ModifyDomainStatus',
    'ModifyDomainRemark', 'ModifyDomainToGroup', 'ModifyDomainLock', 'ModifyDomainUnlock', 'ModifyDomainOwner',
    'ModifyDomainCNAMESpeedupStatusBatch', 'ModifyDomainRecursiveStatusBatch', 'ModifySubdomainStatus',
    'CreateDomainGroup', 'CreateDomainAlias', 'DeleteDomainAlias', 'DeleteShareDomain',
    'CreateSubdomainValidateTXTValue', 'CreateDomainsAnalyticsFile', 'CreateSubDomainsAnalyticsFile',
    # lines
    'CreateDomainCustomLine', 'ModifyDomainCustomLine', 'DeleteDomainCustomLine',
    'CreateLineGroup', 'CreateLineGroupCopy', 'ModifyLineGroup', 'DeleteLineGroup',
    # snapshots
    'CreateSnapshot', 'DeleteSnapshot', 'ModifySnapshotConfig', 'RollbackSnapshot', 'RollbackRecordSnapshot',
    # orders, packages and value-added services (they spend money or change what is paid for)
    'CreateDeal', 'CreateAndPayDeal', 'PayOrderWithBalance', 'ModifyPackageAutoRenew', 'ModifyPackageDomain',
    'ModifyVasAutoRenewStatus',
])

# Writes never repeated blindly (docs/reliability.md, "Lost answers"): after a transport fault
# that may have come after the server acted, or an InternalError answer, the transport does not
# send them again but raises DNSPodOutcomeUnknownError, and the area reads the state back. The
# client sends these once by default (``once=None``); an area may pass ``once=True`` for others.
SEND_ONCE = frozenset([
    # they spend money: a second copy is a second order or a second payment
    'CreateDeal', 'CreateAndPayDeal', 'PayOrderWithBalance', 'ModifyPackageDomain',
    # the domain leaves the account: a second copy fails (NotDomainOwner) after the first worked
    'ModifyDomainOwner',
    # returns the LockCode, once: the only key that unlocks the domain before its days are over;
    # a second copy would lock again and the first copy's code would be lost with its answer
    'ModifyDomainLock',
    # spends the LockCode; a second copy after the first worked fails (DomainIsNotlocked)
    'ModifyDomainUnlock',
    # each copy starts another job (at most 4 at once per account, 80 an hour per IP), and a job
    # whose JobId was lost with the answer cannot be followed: the area reads the records instead
    'CreateRecordBatch', 'ModifyRecordBatch', 'ModifyRecordBatchV3', 'DeleteRecordBatch',
    'CreateDomainBatch', 'DeleteDomainBatch',
    # as the traditional Domaingroup.Create: a second copy fails (GroupNameExists) after the first worked
    'CreateDomainGroup',
    # each copy takes another snapshot or starts another rollback
    'CreateSnapshot', 'RollbackSnapshot', 'RollbackRecordSnapshot',
])

# A write retried after a fault (the request may have been carried out, the answer was lost) and
# answered "already exists" / "no such thing": the first attempt did the work. Then, and only then,
# the client raises DNSPodAlreadyDoneError (as the traditional ALREADY_DONE_CODES), so that the area
# looks the object up instead of failing; without an earlier fault these are ordinary errors.
ALREADY_DONE_CODES = {
    'CreateRecord': 'InvalidParameter.DomainRecordExist',
    'CreateTXTRecord': 'InvalidParameter.DomainRecordExist',
    'CreateDomain': 'FailedOperation.DomainExists',
    'CreateDomainAlias': 'InvalidParameter.DomainAliasExists',
}

# Retried with capped exponential backoff (within ``retries`` and ``retry_max_time``): the
# frequency limits of API 3.0 are per second (20 to 500 requests a second per action), which a
# short wait outlasts, and the request was refused before it was carried out. Every
# ``RequestLimitExceeded.*`` is retried except NOT_RETRIED_LIMITS.
RETRY_CODE_PREFIXES = ('RequestLimitExceeded', 'InternalError')

# Limits no retry within a task's budget outlasts, so they are not retried (each retry would be
# one more refused call): errorcodes.py describes CreateDomainLimit as "the account added many
# domains in a short time, control the frequency" (an account-wide anti-abuse limit of unknown,
# long window) and BatchTaskLimit as "one IP may submit at most 80 tasks an hour".
NOT_RETRIED_LIMITS = frozenset([
    'RequestLimitExceeded.CreateDomainLimit',
    'RequestLimitExceeded.BatchTaskLimit',
])

# InternalError may come after the server acted on the request: retried like a transport fault
# (a write sent once is not repeated; a retried create answered "already exists" is done).
MAYBE_ACTED_PREFIXES = ('InternalError',)

# The signature or the key pair was refused. Never retried, and a client that got one sends
# nothing more (the error is raised again without a call). AuthFailure.UnauthorizedOperation is
# not here: it is CAM refusing one action to a sub-account, which says nothing about the keys
# (another action may be allowed); AuthFailure.MFAFailure neither (an action needing MFA).
LOGIN_FAILURE_CODES = frozenset([
    'AuthFailure',
    'AuthFailure.SecretIdNotFound',
    'AuthFailure.SignatureFailure',
    'AuthFailure.InvalidSecretId',
    'AuthFailure.InvalidAuthorization',
    'AuthFailure.TokenFailure',
    'AuthFailure.SignatureExpire',
])

# Login failures also recorded for the other tasks (processes) of the controller (the login
# latch: 50 forks do not each send a wrong SecretKey). Not SignatureExpire: that is this machine's
# clock, not the keys; after the clock is fixed the same keys must be tried at once.
LATCHED_LOGIN_FAILURES = LOGIN_FAILURE_CODES - frozenset(['AuthFailure.SignatureExpire'])

CAM_HINT = ('The key pair is valid, but CAM does not allow this action to it: grant the sub-account the '
            'permission dnspod:%s (or the policy QcloudDNSPodFullAccess; QcloudDNSPodReadOnlyAccess for the info '
            'modules and the lookup) in the CAM console.')

HINTS = {
    'AuthFailure': 'Tencent Cloud refused the credentials: check secret_id and secret_key.',
    'AuthFailure.SecretIdNotFound': 'No such SecretId: check secret_id (TENCENTCLOUD_SECRET_ID); the key may have '
                                    'been deleted or disabled in the CAM console (API keys).',
    'AuthFailure.InvalidSecretId': 'The SecretId is not a valid API 3.0 key: check secret_id (it starts with AKID).',
    'AuthFailure.SignatureFailure': 'The signature does not match: secret_key (TENCENTCLOUD_SECRET_KEY) does not '
                                    'belong to secret_id. Copy both halves of the same key pair again.',
    'AuthFailure.SignatureExpire': 'The request\'s timestamp is more than 5 minutes off Tencent Cloud\'s clock: '
                                   'set this machine\'s clock right (NTP). The keys were not refused.',
    'AuthFailure.TokenFailure': 'The temporary credentials\' token (session_token) is invalid or expired: get new '
                                'temporary credentials (secret_id, secret_key and session_token together).',
    'AuthFailure.InvalidAuthorization': 'The Authorization header was refused: check secret_id and secret_key.',
    'AuthFailure.MFAFailure': 'This action needs multi-factor authentication for this account in CAM.',
    'InternalError': 'Tencent Cloud answered an internal error; the client retried it within retries and '
                     'retry_max_time. Try again later.',
    'RequestLimitExceeded': 'Too many calls in a short time (API 3.0 limits calls per second); the client retried '
                            'within retries and retry_max_time. Run fewer tasks at once or raise retry_max_time.',
    'RequestLimitExceeded.CreateDomainLimit': 'The account added many domains in a short time; the client does not '
                                              'retry this limit. Wait before adding more domains.',
    'RequestLimitExceeded.BatchTaskLimit': 'One IP address may submit at most 80 batch tasks an hour; the client does '
                                           'not retry this limit. Wait, or let dnspod_records use single writes.',
    'ResourceNotFound.NoDataOfRecord': 'The domain has no record matching the query.',
    'ResourceNotFound.NoDataOfDomain': 'The account has no domain matching the query.',
    'InvalidParameterValue.DomainNotExists': 'No such domain in this account: check the domain name (or ID), and '
                                             'that these keys belong to the account that holds it.',
    'InvalidParameter.DomainInvalid': 'Not a domain DNSPod can host: give the registered domain, such as example.com.',
    'InvalidParameter.DomainIdInvalid': 'No such domain ID in this account.',
    'InvalidParameter.RecordIdInvalid': 'No such record ID in this domain (it may have been removed meanwhile).',
    'InvalidParameter.RecordLineInvalid': 'The line is not available for this domain\'s grade: list the lines with '
                                          'dnspod_account_info (gather: record_lines).',
    'InvalidParameter.DomainRecordExist': 'The same record (name, type, line and value) exists already.',
    'FailedOperation.DomainOwnedByOtherUser': 'Another account holds this domain; take it back in the DNSPod console.',
    'FailedOperation.DomainIsLocked': 'The domain is locked (dnspod_lock): unlock it before changing it.',
    'FailedOperation.NotDomainOwner': 'The domain is not in this account (it may be shared with it read-only).',
    'FailedOperation.AccountIsLocked': 'The account is locked; see the DNSPod console.',
    'FailedOperation.InsufficientBalance': 'The account\'s balance does not cover the order.',
    'OperationDenied.DomainOwnerAllowedOnly': 'Only the domain\'s owner may do this (the domain is shared with this '
                                              'account).',
    'OperationDenied.NoPermissionToOperateDomain': 'This account has no permission on the domain (a share without '
                                                   'write access, or another account\'s domain).',
    'LimitExceeded.GroupNumberLimit': 'The account has as many domain groups as its grade allows.',
    'InvalidParameter.GroupNameExists': 'A domain group of this name exists already.',
}


def _prefixed(code, prefixes):
    return any(code == prefix or code.startswith(prefix + '.') for prefix in prefixes)


def is_retried(code):
    """Whether an error answer is retried (RequestLimitExceeded*, InternalError*; not AuthFailure.*)."""
    code = str(code or '')
    return _prefixed(code, RETRY_CODE_PREFIXES) and code not in NOT_RETRIED_LIMITS


def may_have_acted(code):
    """Whether the server may have carried out the request that got this retried error answer."""
    return _prefixed(str(code or ''), MAYBE_ACTED_PREFIXES)


def is_login_failure(code):
    """Whether the answer refuses the key pair or the signature (never retried, never repeated)."""
    return str(code or '') in LOGIN_FAILURE_CODES


def is_unauthorized(code):
    """CAM refused the action to these keys (a sub-account without the permission)."""
    return str(code or '') in ('UnauthorizedOperation', 'AuthFailure.UnauthorizedOperation') or str(
        code or '').startswith('UnauthorizedOperation.')


def hint_for(code, message='', action=None):
    """A sentence a person can act on for a known code, else None. ``action`` names the CAM
    permission a sub-account lacks."""
    code = str(code or '')
    if is_unauthorized(code):
        return CAM_HINT % (action or '<action>')
    if code in HINTS:
        return HINTS[code]
    for prefix in RETRY_CODE_PREFIXES:
        if code.startswith(prefix + '.') and is_retried(code):
            return HINTS[prefix]
    return None
