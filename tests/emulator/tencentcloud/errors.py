"""API 3.0 errors: ``TcError`` and the translation of the traditional actions' ApiError codes."""
from ..errors import ApiError


class TcError(Exception):
    """An answer ``{"Response": {"Error": {"Code": code, "Message": message}, "RequestId": ...}}``."""

    def __init__(self, code, message):
        Exception.__init__(self, '%s: %s' % (code, message))
        self.code = code
        self.message = message


def missing(name):
    return TcError('MissingParameter', 'The request is missing a required parameter `%s`.' % name)


def invalid(name, expected, code='InvalidParameter'):
    return TcError(code, 'The value of parameter `%s` is invalid: expected %s.' % (name, expected))


# Codes of the traditional record and domain actions that mean the same thing everywhere, and
# their API 3.0 code (tencentcloud/dnspod/v20210323/errorcodes.py). Per-action tables (given to
# ``translate``) win over this one; a code found in neither becomes InvalidParameter.
COMMON = {
    '-2': 'RequestLimitExceeded',
    '-7': 'OperationDenied.VipDomainAllowed',
    '-8': 'OperationDenied.AgentSubordinateDenied',
    '-15': 'FailedOperation.DomainIsSpam',
    '3': 'InvalidParameter',
    '8': 'InvalidParameter.RecordIdInvalid',
    '21': 'FailedOperation.DomainIsLocked',
    '22': 'InvalidParameter.SubdomainInvalid',
    '23': 'LimitExceeded.SubdomainLevelLimit',
    '24': 'InvalidParameter.SubdomainInvalid',
    '25': 'LimitExceeded.SubdomainRollLimit',
    '500025': 'LimitExceeded.SubdomainRollLimit',
    '500026': 'LimitExceeded.SubdomainRollLimit',
    '26': 'InvalidParameter.RecordLineInvalid',
    '27': 'InvalidParameter.RecordTypeInvalid',
    '29': 'LimitExceeded.RecordTtlLimit',
    '30': 'InvalidParameter.MxInvalid',
    '32': 'LimitExceeded.RecordTtlLimit',
    '34': 'InvalidParameter.RecordValueInvalid',
    '36': 'LimitExceeded.AtNsRecordLimit',
}

# Record.* answers with codes that carry more than one meaning: told apart by the message.
HOLD_RECORD = 'OperationDenied.AccessDenied'
UNCHANGED_LOCK = 'FailedOperation.FrequencyLimit'
CONFLICT = 'FailedOperation'
DUPLICATE = 'InvalidParameter.DomainRecordExist'
URL_LIMIT = 'LimitExceeded.UrlCountLimit'


def record_code(exc):
    """The API 3.0 code of a Record.* ApiError (None: use the tables)."""
    en = exc.en
    if exc.code == '7' and en.startswith('Permission denied'):
        return HOLD_RECORD
    if exc.code == '-2' and 'locked for an hour' in en:
        return UNCHANGED_LOCK
    if exc.code == '104':
        return DUPLICATE if en.startswith('Domain record already exists') else CONFLICT
    if exc.code == '31':
        return URL_LIMIT if en.startswith('URL record count') else CONFLICT
    return None


def translate(exc, table=None, lang='cn'):
    """A TcError for a traditional ApiError: ``table`` (action's own) first, then COMMON."""
    code = (table or {}).get(exc.code) or record_code(exc) or COMMON.get(exc.code) or 'InvalidParameter'
    return TcError(code, exc.message(lang))


__all__ = ['TcError', 'ApiError', 'missing', 'invalid', 'translate']
