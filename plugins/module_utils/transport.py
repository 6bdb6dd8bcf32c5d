# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTP transport of the DNSPod clients: the https rule, one keep-alive session, POSTs that never
follow a redirect, and retries of rate limits and transport faults with capped exponential backoff
(the lost-answer rules included). Knows nothing about credentials: the client hands it the body.

What differs between the two APIs is a ``protocol`` object: how a request is built (URL, body,
headers: built again for each attempt, so that API 3.0 signs each retry with its own timestamp), how
an answer is read, which answers are retried. ``FormProtocol`` below is the traditional API's (POST
<api_url>/<Action>, form-encoded, JSON ``status``); tencentcloud_client.py has API 3.0's."""

from __future__ import annotations

import ipaddress
import json
import random
import socket
import time
import traceback
import warnings
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodConfigError,
    DNSPodOutcomeUnknownError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.codes import (
    QUOTA_HINT,
    QUOTA_WINDOW_SECONDS,
    RETRY_CODES,
    is_record_locked,
)

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    requests = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

try:
    from urllib3.exceptions import InsecureRequestWarning
except ImportError:
    InsecureRequestWarning = None

# HTTP statuses worth another try: the server or a proxy in front of it is overloaded or restarting.
RETRY_HTTP_STATUSES = frozenset([429])


def _is_loopback_address(address):
    try:
        return ipaddress.ip_address(str(address).split('%', 1)[0]).is_loopback
    except ValueError:
        return False


def is_loopback(host, resolve=None):
    """A loopback address (127.0.0.0/8, ::1), or ``localhost``/``*.localhost`` when every address
    it resolves to is a loopback address. A name only looks like loopback: ``/etc/hosts`` or a
    resolver may send ``api.localhost`` anywhere, and plain http would then carry the
    credentials in clear text off the machine."""
    host = (host or '').strip().strip('[]').lower().rstrip('.')
    if _is_loopback_address(host):
        return True
    if host != 'localhost' and not host.endswith('.localhost'):
        return False
    try:
        addresses = set(info[4][0] for info in (resolve or socket.getaddrinfo)(host, None))
    except (OSError, UnicodeError, ValueError):
        return False
    return bool(addresses) and all(_is_loopback_address(address) for address in addresses)


def check_api_url(api_url):
    """Return (api_url without a final slash, lower-case host name); raise DNSPodConfigError for
    anything but https, or plain http to a loopback host. The URL is not echoed (it could carry
    user:password@)."""
    url = str(api_url or '').strip().rstrip('/')
    try:
        parsed = urlparse(url)
        host = parsed.hostname
        valid_port = parsed.port is None or parsed.port > 0  # .port raises ValueError when out of range
    except ValueError:
        raise DNSPodConfigError('api_url: not a valid URL')
    scheme = (parsed.scheme or '').lower()
    if scheme not in ('http', 'https') or not host or not valid_port:
        raise DNSPodConfigError('api_url: expected an https:// URL such as https://dnsapi.cn')
    if parsed.username is not None or parsed.password is not None:
        raise DNSPodConfigError('api_url: must not contain a user name or password')
    if scheme == 'http' and not is_loopback(host):
        raise DNSPodConfigError(
            'api_url: plain http is only allowed to a loopback address (127.0.0.0/8, ::1, or localhost '
            'resolving to loopback addresses only); use https:// for %s' % host)
    return url, host.lower()


def parse_body(content):
    """Bytes of an answer -> a dict with a ``status`` dict holding ``code``, or None when the body
    is not an API answer (not JSON, JSON without status, XML without a code, XML with code 1)."""
    if isinstance(content, bytes):
        text = content.decode('utf-8', 'replace')
    else:
        text = content or ''
    stripped = text.lstrip('\ufeff \t\r\n')
    if stripped.startswith('<'):
        # format=json is always sent; an XML answer is an error from a server that ignored it.
        try:
            root = ET.fromstring(stripped.encode('utf-8'))
        except ET.ParseError:
            return None
        code = root.findtext('status/code')
        if code is None or not code.strip() or code.strip() == '1':
            # A success in XML carries data this client cannot read the way it reads JSON (an
            # empty Record.List would look like a domain without records): a fault, retried.
            return None
        return {'status': {'code': code.strip(), 'message': (root.findtext('status/message') or '').strip()}}
    try:
        answer = json.loads(stripped)
    except ValueError:
        return None
    if not isinstance(answer, dict) or not isinstance(answer.get('status'), dict):
        return None
    code = answer['status'].get('code')
    if code is None or str(code).strip() == '':
        return None
    answer['status']['code'] = str(code).strip()
    return answer


def redirect_target(location):
    """Where a redirect pointed, for the error message: scheme, host, port and path only (no
    user:password@, no query that could echo the form)."""
    try:
        parsed = urlparse(str(location or '').strip())
        netloc = parsed.hostname or ''
        if parsed.port is not None:
            netloc = '%s:%d' % (netloc, parsed.port)
    except ValueError:
        return 'an invalid URL'
    if not netloc:
        return (parsed.path or 'an empty Location')[:200]
    return ('%s://%s%s' % (parsed.scheme or '?', netloc, parsed.path or ''))[:200]


def never_sent(exc):
    """Whether a connection error happened before the request left this machine (connection
    refused, name resolution, connect timeout): then the server cannot have acted on it. Every
    other fault (reset or timeout while waiting for the answer, 5xx, a body that is not an answer)
    may come after the server acted."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], 'reason', None) if exc.args else None
    return any(cls.__name__ == 'NewConnectionError' for cls in type(reason).__mro__) if reason is not None else False


def backoff_delay(retry, base, cap, rand=random.uniform):
    """Seconds to wait before retry number ``retry`` (0 for the first): base * 2**retry with up to
    10% jitter (so parallel tasks do not retry in lockstep), never more than cap."""
    return min(float(cap), float(base) * (2 ** retry) * rand(1.0, 1.1))


class Reply(object):
    """The outcome of Transport.send: the API answer and whether an earlier attempt of the same
    call failed in transport (so the request may already have been carried out)."""

    def __init__(self, answer, attempts, faulted, code=None, message=None):
        self.answer = answer
        self.code = answer['status']['code'] if code is None else code
        self.message = str(answer['status'].get('message') or '') if message is None else str(message or '')
        self.attempts = attempts
        self.faulted = faulted


class FormProtocol(object):
    """The traditional API: POST <api_url>/<Action> with the form; an answer is a JSON ``status``
    (or an XML error); code -2 is retried, unless it says that a record is locked (an hour)."""

    not_an_answer = 'the answer is not a DNSPod API answer (no JSON status)'

    def request(self, api_url, action, payload):
        """(URL, keyword arguments of ``session.post``) of one attempt."""
        return '%s/%s' % (api_url, action), {'data': payload}

    @staticmethod
    def parse(content):
        return parse_body(content)

    @staticmethod
    def code(answer):
        return answer['status']['code']

    @staticmethod
    def message(answer):
        return str(answer['status'].get('message') or '')

    def retry(self, answer):
        """(why the answer is worth another try, whether the server may have acted on the request),
        or None when it is final."""
        code = self.code(answer)
        if code in RETRY_CODES and not is_record_locked(code, self.message(answer)):
            # -2: the API did not carry the request out (a record lock is not retried: an hour)
            return 'code %s (rate limit)' % code, False
        return None

    def limit_outlived(self, action, answer, limited, max_retry_time, redact):
        """The error that ends the retries of a rate limit answered ``limited`` times in a row, or None."""
        if limited >= 2 and max_retry_time < QUOTA_WINDOW_SECONDS:
            # The limit outlived a wait: the hourly quota, which no retry within a budget shorter
            # than its hour can outlast; more retries would only add refused calls.
            return DNSPodAPIError(action, self.code(answer), '%s. %s' % (
                redact(self.message(answer)).rstrip('. '), QUOTA_HINT))
        return None


class Transport(object):
    """POST one request (``protocol``: the traditional API's form by default); retries what the
    protocol retries (code -2) and transport faults."""

    def __init__(self, api_url, user_agent, timeout=30, verify=True, max_retries=5, backoff_base=1.0,
                 backoff_cap=16.0, max_retry_time=60.0, sleep=time.sleep, session=None, on_attempt=None,
                 redact=None, clock=time.monotonic, protocol=None):
        if not HAS_REQUESTS:
            raise DNSPodConfigError('the Python library requests is required')
        self.api_url = api_url
        self.timeout = timeout
        self.verify = verify
        self.max_retries = max(0, int(max_retries))
        self.backoff_base = float(backoff_base)
        self.backoff_cap = float(backoff_cap)
        self.max_retry_time = float(max_retry_time)
        self._sleep = sleep
        self._clock = clock
        self._on_attempt = on_attempt or (lambda action, code: None)
        self._redact = redact or (lambda text: text)
        self.protocol = protocol or FormProtocol()
        self.session = session if session is not None else requests.Session()
        self.session.headers['User-Agent'] = user_agent

    def _post(self, action, payload):
        # Redirects are never followed: requests re-sends the form (credentials included) to the
        # Location of a 307/308, and a 301/302/303 still leaks the session's cookies there.
        with warnings.catch_warnings():
            if self.verify is False and InsecureRequestWarning is not None:
                # The module says it once in its result (common.tls_warnings), not urllib3 on stderr.
                warnings.simplefilter('ignore', InsecureRequestWarning)
            url, options = self.protocol.request(self.api_url, action, payload)
            return self.session.post(url, timeout=self.timeout, verify=self.verify, allow_redirects=False, **options)

    def _attempt(self, action, form):
        """One POST. Returns (answer or None, why it is worth a retry or None, whether a fault may
        have come after the server acted on the request)."""
        try:
            response = self._post(action, form)
        except requests.exceptions.SSLError as exc:
            # Deterministic: a retry would fail the same way. The text of exc is not used (it
            # could quote the URL); its type says enough.
            self._on_attempt(action, 'transport:TLS')
            raise DNSPodTransportError(action, 'TLS error (%s): check validate_certs/ca_path' % type(exc).__name__, 1)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:
            return None, type(exc).__name__, not never_sent(exc)
        status = response.status_code
        if 300 <= status < 400:
            self._on_attempt(action, 'transport:HTTP %d' % status)
            raise DNSPodTransportError(action, (
                'HTTP %d redirect to %s refused: this client sends credentials to api_url only and never '
                'follows a redirect; if the service has really moved, set api_url to its new https address'
                % (status, self._redact(redirect_target(response.headers.get('Location'))))), 1)
        if status >= 500 or status in RETRY_HTTP_STATUSES:
            # 429: refused before it was carried out; a 5xx may come from a proxy after the API acted
            return None, 'HTTP %d' % status, status >= 500
        if status >= 400:
            self._on_attempt(action, 'transport:HTTP %d' % status)
            raise DNSPodTransportError(
                action, 'HTTP %d (the API answers every call with 200: check api_url, and the contact of the '
                        'User-Agent if the service refuses this client)' % status, 1)
        answer = self.protocol.parse(response.content)
        if answer is None:
            return None, self.protocol.not_an_answer, True
        retry = self.protocol.retry(answer)
        if retry:
            return answer, retry[0], retry[1]
        return answer, None, False

    def send(self, action, form, once=False):
        """Send until an answer that is not retried, or the retry budget is spent.

        Returns a Reply; raises DNSPodTransportError (faults), or DNSPodAPIError for a -2 that
        outlived the retries. ``max_retry_time`` bounds the time spent in requests and waits
        together: no retry starts whose wait would end past it. ``once``: a write that must not
        be repeated blindly; after a fault that may have come after the server acted, it is not
        sent again and DNSPodOutcomeUnknownError is raised (faults before the request left,
        HTTP 429 and -2 are still retried: the server did not act on them; an answer the protocol
        retries although the server may have acted, API 3.0's InternalError, counts as a fault)."""
        protocol = self.protocol
        attempts = 0
        spent = 0.0
        faulted = False
        limited = 0     # -2 answers in a row
        while True:
            attempts += 1
            started = self._clock()
            try:
                answer, retry_reason, maybe_acted = self._attempt(action, form)
            except DNSPodTransportError as exc:
                raise DNSPodTransportError(action, exc.detail, attempts)
            spent += max(0.0, self._clock() - started)
            if retry_reason is None:
                self._on_attempt(action, protocol.code(answer))
                return Reply(answer, attempts, faulted, protocol.code(answer), protocol.message(answer))
            if answer is not None:
                self._on_attempt(action, protocol.code(answer))
            else:
                self._on_attempt(action, 'transport:%s' % retry_reason)
            if answer is None or maybe_acted:
                faulted = faulted or maybe_acted
                limited = 0
                if once and maybe_acted:
                    raise DNSPodOutcomeUnknownError(action, retry_reason, attempts)
            else:
                limited += 1
            delay = backoff_delay(attempts - 1, self.backoff_base, self.backoff_cap)
            error = None if answer is None else protocol.limit_outlived(
                action, answer, limited, self.max_retry_time, self._redact)
            if error is not None:
                raise error
            if attempts > self.max_retries or spent + delay > self.max_retry_time:
                if answer is not None:
                    raise DNSPodAPIError(action, protocol.code(answer), self._redact(protocol.message(answer)))
                raise DNSPodTransportError(action, retry_reason, attempts)
            self._sleep(delay)
            spent += delay
