# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The client of Tencent Cloud API 3.0 for DNSPod (backend ``tencentcloud``): the same contract as
DNSPodClient (``call``, ``paged``, ``calls``, ``writes``, ``log``, ``confirm_write``, ``call_bound``,
``default_line``, ``backend``), over the same transport (transport.py: the https rule, no
redirects, certificate checks, bounded backoff, the lost-answer rules), with the protocol of API
3.0: ``POST /`` with a JSON body, the ``X-TC-*`` headers and a TC3-HMAC-SHA256 signature (tc3.py)
made again for each attempt; answers ``{"Response": {..., "RequestId"}}``, errors under
``Response.Error``. What the actions and codes mean is in tencentcloud_api/codes.py."""

from __future__ import annotations

import hashlib
import json
import time
from urllib.parse import urlparse

from ansible_collections.dnspod.dnspod.plugins.module_utils import tc3
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import (
    REDACTED,
    LatchedCalls,
    LoginLatch,
    default_latch_dir,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.constants import (
    COLLECTION_VERSION,
    DEFAULT_CONTACT,
    DEFAULT_LANG,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_MAX_TIME,
    DEFAULT_TENCENTCLOUD_API_URL,
    DEFAULT_TENCENTCLOUD_INTL_API_URL,
    DEFAULT_TIMEOUT,
    DEFAULT_VALIDATE_CERTS,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.credentials import check_key_pair
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError,
    DNSPodAPIError,
    DNSPodConfigError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import codes
from ansible_collections.dnspod.dnspod.plugins.module_utils.transport import (
    HAS_REQUESTS,
    Transport,
    check_api_url,
)

BACKEND = 'tencentcloud'
INTERNATIONAL_HOST = 'dnspod.intl.tencentcloudapi.com'
# DescribeRecordList: "Limit ... at most 3000" (models.py).
MAX_PAGE_SIZE = 3000
# The default line as API 3.0 names it in requests and answers: 默认 on the Chinese site (models.py:
# "记录线路 ... 比如：默认"), Default on the international one (its documentation's examples).
DEFAULT_LINE = '默认'
INTERNATIONAL_DEFAULT_LINE = 'Default'
# The code a successful answer is logged with (API 3.0 answers carry no code when they succeed).
SUCCESS = 'OK'


class TC3Protocol(object):
    """API 3.0 for transport.Transport: each attempt is a POST of the JSON body to ``<api_url>/``,
    signed with its own timestamp; an answer is ``{"Response": {...}}``; RequestLimitExceeded* and
    InternalError* are retried (codes.is_retried), InternalError as a fault (the server may have
    acted)."""

    not_an_answer = 'the answer is not a Tencent Cloud API 3.0 answer (no JSON Response)'

    def __init__(self, host, secrets, language, clock=time.time):
        self.host = host
        self._secrets = secrets          # () -> (secret_id, secret_key, session_token)
        self.language = language
        self._clock = clock

    def request(self, api_url, action, payload):
        body = json.dumps(payload).encode('utf-8')
        secret_id, secret_key, token = self._secrets()
        headers = tc3.headers(action, body, int(self._clock()), self.host, secret_id, secret_key,
                              token=token, language=self.language)
        return api_url + '/', {'data': body, 'headers': headers}

    @staticmethod
    def parse(content):
        if isinstance(content, bytes):
            content = content.decode('utf-8', 'replace')
        try:
            answer = json.loads((content or '').lstrip('\ufeff \t\r\n'))
        except ValueError:
            return None
        if not isinstance(answer, dict) or not isinstance(answer.get('Response'), dict):
            return None
        error = answer['Response'].get('Error')
        if error is not None and not (isinstance(error, dict) and str(error.get('Code') or '').strip()):
            return None
        return answer

    @staticmethod
    def code(answer):
        error = answer['Response'].get('Error')
        return str(error['Code']).strip() if error else SUCCESS

    @staticmethod
    def message(answer):
        error = answer['Response'].get('Error')
        return str(error.get('Message') or '') if error else ''

    def retry(self, answer):
        code = self.code(answer)
        if code != SUCCESS and codes.is_retried(code):
            return 'code %s' % code, codes.may_have_acted(code)
        return None

    @staticmethod
    def limit_outlived(action, answer, limited, max_retry_time, redact):
        # API 3.0's limits are per second: retries within retries/retry_max_time are the bound.
        return None


def _digest(value):
    return hashlib.sha256(str(value or '').encode('utf-8')).hexdigest()


class TencentCloudClient(LatchedCalls):
    """See the module's docstring and docs/architecture.md. The secret key and the token are kept
    in private attributes and never appear in ``repr()``, ``log``, or the text of an error."""

    backend = BACKEND

    LATCH_REFUSAL = (
        'not sent: %(action)s refused this key pair at %(written)s (%(message)s) in an earlier task; tasks with the '
        'same api_url and key pair send nothing until %(until)s. Fix secret_id/secret_key (another key pair is '
        'tried at once), or delete %(path)s to try again now')

    def __init__(self, api_url=None, secret_id=None, secret_key=None, session_token=None, international=None,
                 lang=DEFAULT_LANG, timeout=DEFAULT_TIMEOUT, validate_certs=DEFAULT_VALIDATE_CERTS, ca_path=None,
                 contact=DEFAULT_CONTACT, max_retries=DEFAULT_RETRIES, backoff_base=1.0, backoff_cap=16.0,
                 max_retry_time=DEFAULT_RETRY_MAX_TIME, sleep=time.sleep, page_size=MAX_PAGE_SIZE, session=None,
                 clock=time.time, login_latch_dir=None, send_once=None):
        if not HAS_REQUESTS:
            raise DNSPodConfigError('the Python library requests is required')
        credentials = check_key_pair(secret_id, secret_key, session_token)
        if not api_url:
            api_url = DEFAULT_TENCENTCLOUD_INTL_API_URL if international else DEFAULT_TENCENTCLOUD_API_URL
        self.api_url, host = check_api_url(api_url)
        self.international = host == INTERNATIONAL_HOST if international is None else bool(international)
        self.secret_id = credentials['secret_id']
        self._secret_key = credentials['secret_key']
        self._session_token = credentials['session_token']
        self.lang = lang or DEFAULT_LANG
        self.user_agent = 'dnspod.dnspod/%s (%s)' % (COLLECTION_VERSION, contact or DEFAULT_CONTACT)
        self.page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
        self.send_once = codes.SEND_ONCE if send_once is None else frozenset(send_once)
        self.calls = 0
        self.writes = 0
        self.log = []
        # ID -> name of the domains met (tencentcloud_api/base.py: API 3.0 wants Domain beside DomainId)
        self.domain_names = {}
        self._login_failure = None
        self._login_ok = False
        self._in_first_call = False
        if login_latch_dir is None:
            login_latch_dir = default_latch_dir()
        self._latch = None
        if login_latch_dir:
            # Keyed on the endpoint, the SecretId and hashes of the key and the token: another key
            # pair (or a fixed secret_key) selects another marker and is tried at once.
            self._latch = LoginLatch(login_latch_dir, self.api_url, (
                BACKEND, self.secret_id, _digest(self._secret_key), _digest(self._session_token)))
        protocol = TC3Protocol(urlparse(self.api_url).netloc.lower(), self._signing_secrets,
                               tc3.LANGUAGES.get(self.lang, tc3.LANGUAGES[DEFAULT_LANG]), clock)
        self._transport = Transport(
            self.api_url, self.user_agent, timeout=timeout, verify=ca_path if ca_path else bool(validate_certs),
            max_retries=max_retries, backoff_base=backoff_base, backoff_cap=backoff_cap,
            max_retry_time=max_retry_time, sleep=sleep, session=session, on_attempt=self._count,
            redact=self._redact, protocol=protocol)

    def __repr__(self):
        return '<TencentCloudClient %s secret_id=%s%s%s calls=%d writes=%d>' % (
            self.api_url, self.secret_id, ' session_token' if self._session_token else '',
            ' international' if self.international else '', self.calls, self.writes)

    @property
    def default_line(self):
        return INTERNATIONAL_DEFAULT_LINE if self.international else DEFAULT_LINE

    # ---- secrets and bookkeeping ----------------------------------------------------------

    def _signing_secrets(self):
        return self.secret_id, self._secret_key, self._session_token

    def _redact(self, text):
        """The API's message with this client's secrets blanked (an answer could echo one)."""
        text = str(text or '')
        for secret in sorted((v for v in (self._secret_key, self._session_token) if v), key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def _count(self, action, code):
        self.calls += 1
        self.log.append({'action': action, 'code': code, 'write': action in codes.WRITE_ACTIONS})

    def confirm_write(self):
        """Count a write whose answer was lost but which a read-back shows carried out (the areas
        call it), so that ``writes`` and the tasks' ``changed`` say what the server did."""
        self.writes += 1

    # ---- calls ------------------------------------------------------------------------------

    def _call(self, action, params, empty_codes, once):
        """One action's answer: its ``Response`` without ``RequestId``.

        ``params``: the JSON body in API 3.0's spelling; keys whose value is None are not sent.
        Raises DNSPodAPIError (code: ``Response.Error.Code``) unless the code is in
        ``empty_codes`` (then returns ``{}``); DNSPodAlreadyDoneError for a create retried after a
        fault and answered "exists" (codes.ALREADY_DONE_CODES); DNSPodTransportError, and
        DNSPodOutcomeUnknownError for a write sent once (``once``; default: the action is in
        ``send_once``) whose answer was lost. A refused key pair (codes.LOGIN_FAILURE_CODES) is
        never retried, and nothing more is sent by this client, nor for LATCHED_LOGIN_FAILURES by
        other tasks with the same key pair until the latch expires (client.LoginLatch)."""
        if self._login_failure is not None:
            failed = self._login_failure
            raise DNSPodAPIError(action, failed.code, 'not sent, because %s was refused earlier: %s'
                                 % (failed.action, failed.message))
        body = dict((key, value) for key, value in (params or {}).items() if value is not None)
        reply = self._transport.send(action, body, once=action in self.send_once if once is None else once)
        code = reply.code
        response = dict(reply.answer['Response'])
        request_id = response.pop('RequestId', None)
        if not codes.is_login_failure(code) and not codes.is_retried(code):
            self._login_ok = True
        if code == SUCCESS:
            if action in codes.WRITE_ACTIONS:
                self.writes += 1
            return response
        if code in empty_codes:
            return {}
        message = self._redact(reply.message)
        if reply.faulted and codes.ALREADY_DONE_CODES.get(action) == code:
            self.writes += 1
            error = DNSPodAlreadyDoneError(action, code, message)
        else:
            error = DNSPodAPIError(action, code, message)
        if request_id:
            error.with_details(api_request_id=str(request_id))
        if codes.is_login_failure(code):
            self._login_failure = error
            if self._latch is not None and not self._login_ok and code in codes.LATCHED_LOGIN_FAILURES:
                self._latch.write(error)
        raise error

    def paged(self, action, params, items_key, total_of, limit=None, empty_codes=()):
        """Every item of a listing: ``Offset`` from 0 and ``Limit`` = min(limit or page_size,
        page_size) in each call, until ``total_of(answer)`` (an int, or None when unknown) is
        reached, a page is empty or short, or a page brings nothing new (a server ignoring Offset)."""
        size = max(1, min(int(limit or self.page_size), self.page_size))
        items = []
        seen = set()
        offset = 0
        while True:
            answer = self.call(action, dict(params or {}, Offset=offset, Limit=size), empty_codes=empty_codes)
            page = answer.get(items_key) or []
            keys = [json.dumps(item, sort_keys=True, default=str) for item in page]
            new = [item for item, key in zip(page, keys) if key not in seen]
            seen.update(keys)
            items.extend(new)
            offset += len(page)
            total = total_of(answer) if answer else None
            if not new or len(page) < size:
                return items
            if total is not None and offset >= int(total):
                return items
