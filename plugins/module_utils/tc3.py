# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""TC3-HMAC-SHA256, the signature of Tencent Cloud API 3.0, as pure functions.

The collection signs its requests itself rather than depend on ``tencentcloud-sdk-python-common``:
the module runs on the managed host or in an execution environment, where every extra package is
one more thing to install (and the SDK pulls in its own HTTP stack), and the signature is fifty
lines of ``hashlib``/``hmac``. tests/unit/plugins/module_utils/test_tc3.py proves it: it compares
these headers with those the SDK's own ``AbstractClient`` computes on the same inputs.

The canonical request is the SDK's: ``POST``, URI ``/``, no query string, the signed headers
``content-type;host``, and the SHA-256 of the exact body bytes sent."""

from __future__ import annotations

import hashlib
import hmac
import time

ALGORITHM = 'TC3-HMAC-SHA256'
SERVICE = 'dnspod'
VERSION = '2021-03-23'
CONTENT_TYPE = 'application/json'
SIGNED_HEADERS = 'content-type;host'
# Our option ``lang`` -> X-TC-Language (the languages API 3.0 answers in).
LANGUAGES = {'en': 'en-US', 'cn': 'zh-CN'}


def _hmac(key, text):
    return hmac.new(key, text.encode('utf-8'), hashlib.sha256).digest()


def utc_date(timestamp):
    """The UTC date of a Unix timestamp, as the credential scope writes it (YYYY-MM-DD)."""
    return time.strftime('%Y-%m-%d', time.gmtime(int(timestamp)))


def string_to_sign(payload, timestamp, host, service=SERVICE, content_type=CONTENT_TYPE):
    """The text the key signs, for a POST of ``payload`` (bytes) to ``/`` on ``host``."""
    canonical_request = '\n'.join([
        'POST', '/', '',
        'content-type:%s\nhost:%s\n' % (content_type, host),
        SIGNED_HEADERS,
        hashlib.sha256(payload).hexdigest(),
    ])
    scope = '%s/%s/tc3_request' % (utc_date(timestamp), service)
    return '\n'.join([ALGORITHM, str(int(timestamp)), scope,
                      hashlib.sha256(canonical_request.encode('utf-8')).hexdigest()])


def signature(secret_key, payload, timestamp, host, service=SERVICE, content_type=CONTENT_TYPE):
    """Hex HMAC-SHA256 of the string to sign, with the key derived from the secret key, the
    date and the service."""
    key = _hmac(('TC3' + secret_key).encode('utf-8'), utc_date(timestamp))
    key = _hmac(key, service)
    key = _hmac(key, 'tc3_request')
    text = string_to_sign(payload, timestamp, host, service, content_type)
    return hmac.new(key, text.encode('utf-8'), hashlib.sha256).hexdigest()


def authorization(secret_id, secret_key, payload, timestamp, host, service=SERVICE, content_type=CONTENT_TYPE):
    """The ``Authorization`` header's value."""
    return '%s Credential=%s/%s/%s/tc3_request, SignedHeaders=%s, Signature=%s' % (
        ALGORITHM, secret_id, utc_date(timestamp), service, SIGNED_HEADERS,
        signature(secret_key, payload, timestamp, host, service, content_type))


def headers(action, payload, timestamp, host, secret_id, secret_key, token=None, language=None,
            version=VERSION, service=SERVICE):
    """Every header of one signed API 3.0 request (a dict; the caller adds User-Agent).

    ``payload``: the exact body bytes; ``timestamp``: Unix seconds (a retry is signed again with
    its own); ``host``: the Host header, as sent (``name`` or ``name:port``); ``token``: the
    temporary credentials' token (X-TC-Token); ``language``: en-US or zh-CN."""
    result = {
        'Host': host,
        'Content-Type': CONTENT_TYPE,
        'X-TC-Action': action,
        'X-TC-Version': version,
        'X-TC-Timestamp': str(int(timestamp)),
    }
    if token:
        result['X-TC-Token'] = token
    if language:
        result['X-TC-Language'] = language
    result['Authorization'] = authorization(secret_id, secret_key, payload, timestamp, host, service)
    return result
