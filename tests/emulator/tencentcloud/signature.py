"""TC3-HMAC-SHA256: the check of an API 3.0 call's Authorization header.

The algorithm is the one of Tencent's SDK (tencentcloud/common/abstract_client.py,
``_build_req_with_tc3_signature`` and ``_get_tc3_signature``; common/sign.py ``sign_tc3``):

    CanonicalRequest = POST \\n / \\n <query> \\n content-type:<ct>\\nhost:<host>\\n \\n
                       content-type;host \\n hex(sha256(body))
    StringToSign     = TC3-HMAC-SHA256 \\n <X-TC-Timestamp> \\n <date>/dnspod/tc3_request \\n
                       hex(sha256(CanonicalRequest))
    key              = HMAC(HMAC(HMAC("TC3" + SecretKey, date), "dnspod"), "tc3_request")
    Signature        = hex(HMAC(key, StringToSign))
"""
import datetime
import hashlib
import hmac
import re

from . import keys
from .errors import TcError

ALGORITHM = 'TC3-HMAC-SHA256'
SERVICE = 'dnspod'
MAX_SKEW = 300
_AUTH = re.compile(r'^TC3-HMAC-SHA256 Credential=([^/,\s]+)/(\d{4}-\d{2}-\d{2})/([^/,\s]+)/tc3_request,\s*'
                   r'SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$')


def _hmac(key, text):
    return hmac.new(key, text.encode('utf-8'), hashlib.sha256).digest()


def sign(secret_key, date, service, string_to_sign):
    key = _hmac(_hmac(_hmac(('TC3' + secret_key).encode('utf-8'), date), service), 'tc3_request')
    return hmac.new(key, string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()


def canonical_request(method, path, query, headers, signed, body):
    lines = ''.join('%s:%s\n' % (name, (headers.get(name) or '').strip().lower()) for name in signed)
    return '\n'.join([method, path, query, lines, ';'.join(signed), hashlib.sha256(body).hexdigest()])


def string_to_sign(timestamp, date, service, request):
    return '\n'.join([ALGORITHM, str(timestamp), '%s/%s/tc3_request' % (date, service),
                      hashlib.sha256(request.encode('utf-8')).hexdigest()])


def authorization(secret_id, secret_key, timestamp, host, body, content_type='application/json',
                  service=SERVICE):
    """The Authorization header a client sends (for the emulator's own tests and tools)."""
    date = datetime.datetime.fromtimestamp(int(timestamp), datetime.timezone.utc).strftime('%Y-%m-%d')
    request = canonical_request('POST', '/', '', {'content-type': content_type, 'host': host},
                                ['content-type', 'host'], body)
    signature = sign(secret_key, date, service, string_to_sign(timestamp, date, service, request))
    return '%s Credential=%s/%s/%s/tc3_request, SignedHeaders=content-type;host, Signature=%s' % (
        ALGORITHM, secret_id, date, service, signature)


def verify(state, method, path, query, headers, body, now):
    """The key pair entry (``keys.lookup``) that signed the call, or raise TcError AuthFailure.*.

    ``headers``: lower-case names -> values; ``now``: the emulator clock (Unix seconds).
    """
    header = (headers.get('authorization') or '').strip()
    match = _AUTH.match(header)
    if not match:
        raise TcError('AuthFailure.InvalidAuthorization',
                      'Authorization header is missing or malformed: expected "TC3-HMAC-SHA256 '
                      'Credential=<SecretId>/<date>/dnspod/tc3_request, SignedHeaders=content-type;host, '
                      'Signature=<hex>".')
    secret_id, date, service, signed, signature = match.groups()
    if service != SERVICE:
        raise TcError('AuthFailure.InvalidAuthorization',
                      'The credential scope names service `%s`; this endpoint is `%s`.' % (service, SERVICE))
    signed = signed.split(';')
    if 'content-type' not in signed or 'host' not in signed or signed != sorted(signed):
        raise TcError('AuthFailure.InvalidAuthorization',
                      'SignedHeaders must list content-type and host, sorted, lower case.')
    raw = (headers.get('x-tc-timestamp') or '').strip()
    if not raw.isdigit():
        raise TcError('MissingParameter' if not raw else 'InvalidParameter',
                      'X-TC-Timestamp must be the Unix time in seconds, got %r.' % raw)
    timestamp = int(raw)
    if abs(now - timestamp) > MAX_SKEW:
        raise TcError('AuthFailure.SignatureExpire',
                      'The signature expired: X-TC-Timestamp %d is %d seconds off the server time %d '
                      '(at most %d allowed).' % (timestamp, int(now - timestamp), int(now), MAX_SKEW))
    entry = keys.lookup(state, secret_id)
    if entry is None:
        raise TcError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that it is correct.')
    scope_date = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime('%Y-%m-%d')
    request = canonical_request(method, path, query, headers, signed, body)
    expected = sign(entry['secret_key'], date, service, string_to_sign(timestamp, date, service, request))
    if date != scope_date or not hmac.compare_digest(expected, signature):
        raise TcError('AuthFailure.SignatureFailure',
                      'The provided credentials could not be validated. Please check your signature is correct.')
    token = headers.get('x-tc-token')
    if entry['token'] is not None or token:
        if not token or entry['token'] is None or not hmac.compare_digest(token, entry['token']):
            raise TcError('AuthFailure.TokenFailure', 'The X-TC-Token does not belong to this SecretId.')
    return entry
