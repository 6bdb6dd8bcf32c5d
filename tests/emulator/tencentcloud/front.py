"""One API 3.0 call: headers and body in, ``{"Response": {...}}`` out, logged in state.requests.

Checks, in order: X-TC-Action (MissingParameter) and X-TC-Version 2021-03-23 (NoSuchVersion);
the signature (signature.py: AuthFailure.*); the action (InvalidAction); Content-Type
application/json and a JSON object body (InvalidParameter); the account's rate limit
(RequestLimitExceeded); the parameters (registry.py); the action.
"""
import json
import re
import uuid

from .. import ratelimit
from ..clock import beijing_now
from ..errors import ApiError
# keys registers the seed key key_pairs
from . import keys  # noqa: F401  pylint: disable=unused-import
from . import actions_account, actions_batch, actions_domain, actions_extra, actions_record  # noqa: F401
from .errors import TcError
from .registry import ACTIONS, Call
from .signature import verify

VERSION = '2021-03-23'
SECRET_PARAMS = frozenset(['LockCode'])
ACTION_MODULES = (actions_account, actions_batch, actions_domain, actions_extra, actions_record)


def redact(params):
    if not isinstance(params, dict):
        return params
    return dict((k, '***' if k in SECRET_PARAMS else v) for k, v in params.items())


def _lang(headers):
    return 'en' if (headers.get('x-tc-language') or '').lower().startswith('en') else 'cn'


def _body(headers, body):
    content_type = (headers.get('content-type') or '').split(';')[0].strip().lower()
    if content_type != 'application/json':
        raise TcError('InvalidParameter', 'Content-Type must be application/json, got %r.'
                      % (headers.get('content-type') or ''))
    try:
        params = json.loads(body.decode('utf-8') or '{}')
    except (ValueError, UnicodeDecodeError) as exc:
        raise TcError('InvalidParameter', 'The request body is not JSON: %s.' % exc)
    if not isinstance(params, dict):
        raise TcError('InvalidParameter', 'The request body must be a JSON object.')
    return params


def handle(state, method, path, query, headers, body, client_ip, now, user_agent=''):
    """The answer document ``{"Response": ...}`` for one call; appends its log entry.

    ``headers``: lower-case names -> values; ``now``: the emulator clock in Unix seconds.
    """
    action_name = (headers.get('x-tc-action') or '').strip()
    request_id = str(uuid.uuid4())
    lang = _lang(headers)
    entry = None
    account = None
    call = None
    params = None
    spec = ACTIONS.get(action_name)
    with state.lock:
        try:
            if method != 'POST':
                raise TcError('UnsupportedOperation', 'Only POST is served.')
            if not action_name:
                raise TcError('MissingParameter', 'The request is missing the X-TC-Action header.')
            version = (headers.get('x-tc-version') or '').strip()
            if not version:
                raise TcError('MissingParameter', 'The request is missing the X-TC-Version header.')
            if version != VERSION:
                raise TcError('NoSuchVersion', 'The API version `%s` does not exist; dnspod serves %s.'
                              % (version, VERSION))
            entry = verify(state, method, path, query, headers, body, now)
            account = entry['account']
            if spec is None:
                raise TcError('InvalidAction', 'The action `%s` is not found in dnspod %s.' % (action_name, VERSION))
            params = _body(headers, body)
            try:
                ratelimit.check(state, account)
            except ApiError:
                raise TcError('RequestLimitExceeded', 'The number of requests exceeds the frequency limit.')
            spec.check(params)
            call = Call(state, account, params, client_ip, lang)
            response = spec.func(call) or {}
            code = 'Success'
        except TcError as exc:
            response = {'Error': {'Code': exc.code, 'Message': exc.message}}
            code = exc.code
        response['RequestId'] = request_id
        if params is None:
            try:
                params = json.loads(body.decode('utf-8') or '{}')
            except (ValueError, UnicodeDecodeError):
                params = None
        state.seq += 1
        state.requests.append({
            'seq': state.seq,
            'time': beijing_now(),
            'method': method,
            'api': 'tencentcloud',
            'action': action_name,
            'params': redact(params),
            'code': code,
            'write': bool(call is not None and call.changed and code == 'Success'),
            'write_action': bool(spec is not None and spec.write),
            'user_id': account.user_id if account is not None else None,
            'secret_id': _claimed_secret_id(headers),
            'request_id': request_id,
            'user_agent': user_agent,
        })
    return {'Response': response}


def _claimed_secret_id(headers):
    """The SecretId an Authorization header names (an identifier, not a secret), or None."""
    match = re.match(r'^TC3-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})/', (headers.get('authorization') or '').strip())
    return match.group(1) if match else None


def new_request_id():
    return str(uuid.uuid4())


def error_document(code, message):
    """An error answer not produced by an action (fault injection)."""
    return {'Response': {'Error': {'Code': code, 'Message': message}, 'RequestId': new_request_id()}}
