# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one DNSPod API client of the collection: authentication, the calls the modules need,
paging, and turning answers into canonical dicts. The HTTP side (https rule, session, retries)
is in transport.py. See docs/architecture.md ("DNSPodClient") for the contract."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # not POSIX: the latch works without the lock (see LoginLatch.first_call)
    fcntl = None
    HAS_FCNTL = False

from ansible_collections.dnspod.dnspod.plugins.module_utils import private_dir
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError,
    DNSPodAPIError,
    DNSPodConfigError,
    DNSPodError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.codes import (  # pylint: disable=unused-import
    ALREADY_DONE_CODES,
    EMPTY_LIST_CODES,
    SEND_ONCE,
    WRITE_ACTIONS,
    is_login_failure,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.constants import (
    COLLECTION_VERSION,
    DEFAULT_API_URL,
    DEFAULT_CONTACT,
    DEFAULT_LANG,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_MAX_TIME,
    DEFAULT_TIMEOUT,
    DEFAULT_VALIDATE_CERTS,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.credentials import check_credentials
# HAS_REQUESTS and REQUESTS_IMPORT_ERROR are imported from here by callers.
from ansible_collections.dnspod.dnspod.plugins.module_utils.transport import (  # pylint: disable=unused-import
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    Transport,
    check_api_url,
)

INTERNATIONAL_HOST = 'api.dnspod.com'
MAX_PAGE_SIZE = 3000
# The international documents cut a listing at 500 items ("If there are more than 500 records,
# only the first 500 will be responded", Record.List and Domain.List on docs.dnspod.com).
MAX_PAGE_SIZE_INTERNATIONAL = 500
# The international service names the default line `Default` in Record.List (and Record.Line) but
# refuses it in writes ("Record line invalid"): it takes `default` (NewFuture/DDNS commit b2d3a5f).
INTERNATIONAL_DEFAULT_LINE = 'default'

# The refused-login marker shared by the tasks (processes) of one machine: see LoginLatch.
LATCH_DIR_ENV = 'DNSPOD_LOGIN_LATCH_DIR'
LATCH_SECONDS = 300.0           # a refused login: the lock-out window (30 failures in 5 minutes)
LATCH_LOCKED_SECONDS = 3600.0   # -8, the account is locked: the documented hour

DTOKEN_COOKIE = re.compile(r'^t[0-9]+$')
REDACTED = '********'


def default_latch_dir():
    """``$DNSPOD_LOGIN_LATCH_DIR``, else ``<temp dir>/dnspod.dnspod-<uid>/login-latch``; None when
    the variable is ``off``."""
    return private_dir.configured_dir(LATCH_DIR_ENV, 'login-latch')


class LoginLatch(object):
    """A refused login, remembered across processes: every Ansible task runs in its own process,
    so the client's in-process latch alone would let thirty failing tasks send thirty failed
    logins and lock the account.

    One small JSON file per (api_url, credentials) under a directory only this user can read; its
    name is a salted PBKDF2 hash of the credentials, never the credentials, and it holds the code,
    the API's (scrubbed) message, the action, and when it was written and expires. While it is
    valid, a client with the same api_url and credentials sends nothing and raises the recorded
    error. It expires after LATCH_SECONDS (LATCH_LOCKED_SECONDS for -8), and changing any
    credential (token, password, D-Token code) selects another file. Best effort: a directory
    that cannot be used (not ours, a symlink, read-only) disables the latch, never the task."""

    def __init__(self, directory, api_url, credentials, clock=time.time):
        self.directory = directory
        self._clock = clock
        material = '\n'.join(str(part or '') for part in credentials).encode('utf-8')
        salt = ('dnspod.dnspod login latch\n%s' % api_url).encode('utf-8')
        self.key = hashlib.pbkdf2_hmac('sha256', material, salt, 20000).hex()[:40]
        self.path = os.path.join(directory, '%s.json' % self.key)
        # Held (flock) by the task whose call is the first to prove or refute these credentials,
        # and touched when a call passed the login (see first_call).
        self.lock_path = os.path.join(directory, '%s.lock' % self.key)
        self.proof_path = os.path.join(directory, '%s.ok' % self.key)

    def _usable_dir(self, create):
        return private_dir.usable_dir(self.directory, create)

    def read(self):
        """The recorded refusal (dict) while it is valid, else None (an expired file is removed)."""
        if not os.path.exists(self.path) or not self._usable_dir(False):
            return None
        try:
            with open(self.path) as handle:
                data = json.load(handle)
            expires = float(data['expires'])
            data['code'] = str(data['code'])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if expires <= self._clock():
            self.clear()
            return None
        return data

    def write(self, error):
        """Record a refusal (a DNSPodAPIError whose message is already scrubbed)."""
        if not self._usable_dir(True):
            return
        now = self._clock()
        seconds = LATCH_LOCKED_SECONDS if error.code == '-8' else LATCH_SECONDS
        data = {'code': error.code, 'action': error.action, 'message': error.message,
                'written': now, 'expires': now + seconds}
        try:
            handle, temp = tempfile.mkstemp(dir=self.directory, prefix='.latch-')
            with os.fdopen(handle, 'w') as out:
                json.dump(data, out)
            os.chmod(temp, 0o600)
            os.replace(temp, self.path)
            os.remove(self.proof_path)
        except OSError:
            pass

    def clear(self):
        try:
            os.remove(self.path)
        except OSError:
            pass

    def proven(self):
        """Whether a call with these credentials passed the login less than LATCH_SECONDS ago
        (the modification time of the empty proof file prove() touches; a refusal removes it)."""
        try:
            mtime = os.stat(self.proof_path).st_mtime
        except OSError:
            return False
        return 0 <= self._clock() - mtime < LATCH_SECONDS

    def prove(self):
        """Record that a call passed the login: tasks that start later send without waiting."""
        if not self._usable_dir(True):
            return
        try:
            os.close(os.open(self.proof_path, os.O_WRONLY | os.O_CREAT | getattr(os, 'O_NOFOLLOW', 0), 0o600))
            os.utime(self.proof_path, None)
        except OSError:
            pass

    def first_call(self, wait):
        """Context manager around the call that proves or refutes the credentials.

        Many tasks of one play start at once (forks), each in its own process: each found no
        marker and sent its login, and a wrong password reached the API once per fork (39-50 of
        50). So the first call per credential is serialised across the controller's processes by
        an exclusive ``flock`` on a lock file beside the marker: the holder sends; the others wait,
        then read the marker again (and raise the refusal the holder recorded), or see that the
        login passed (``proven``) and send at once. Yields True when the caller holds the lock,
        False when it may send without it (the login was proven meanwhile, or no lock can be had:
        the directory is unusable, or no fcntl on this system). ``wait`` bounds the wait in
        seconds (the caller's own worst case for one call: its timeout plus its retry budget):
        a holder that hangs longer raises DNSPodLatchBusy, sending nothing."""
        return _FirstCall(self, wait)


class DNSPodLatchBusy(DNSPodError):
    """Another task's first call with the same credentials outlived the wait: nothing was sent."""


class _FirstCall(object):
    POLL = 0.05

    def __init__(self, latch, wait):
        self.latch = latch
        self.wait = max(0.0, float(wait))
        self.handle = None

    def __enter__(self):
        latch = self.latch
        if not HAS_FCNTL or latch.proven() or not latch._usable_dir(True):
            return False
        try:
            fd = os.open(latch.lock_path, os.O_RDWR | os.O_CREAT | getattr(os, 'O_NOFOLLOW', 0), 0o600)
        except OSError:
            return False
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise DNSPodLatchBusy(
                        'not sent: another task has been sending the first call with the same api_url and '
                        'credentials for more than %.0f s (lock file %s); this task sent nothing, so that a '
                        'wrong credential is not tried by every task at once' % (self.wait, latch.lock_path))
                time.sleep(self.POLL)
        self.handle = fd
        if latch.proven():
            self._release()
            return False
        return True

    def _release(self):
        if self.handle is not None:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_UN)
            finally:
                os.close(self.handle)
                self.handle = None

    def __exit__(self, *exc_info):
        self._release()
        return False


def _utc(timestamp):
    return time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime(timestamp))


class LatchedCalls(object):
    """The calls of a client whose credentials a LoginLatch guards (DNSPodClient and
    tencentcloud_client.TencentCloudClient): until a call has proven the credentials, the first call
    per credential is serialised across the tasks of the controller and a refusal another task
    recorded is raised unsent. A subclass sets ``_latch``, ``_login_failure``, ``_login_ok``,
    ``_in_first_call`` and ``_transport``, provides ``_call(action, params, empty_codes, once)``,
    and words a recorded refusal in ``LATCH_REFUSAL`` (keys: action, written, message, until, path)."""

    LATCH_REFUSAL = (
        'not sent: %(action)s refused these credentials at %(written)s (%(message)s) in an earlier task; to keep '
        'retries from locking the account, tasks with the same api_url and credentials send nothing until '
        '%(until)s. Fix the credentials (a changed login_token, password or login_code is tried at once), '
        'or delete %(path)s to try again now')

    def call(self, action, params=None, empty_codes=(), once=None):
        """Send one action (see the subclass's ``_call`` for the answer and the errors). ``once``
        (default: the action is in ``send_once``): never send it again after a transport fault that
        may have come after the server acted (docs/reliability.md, "Lost answers"): the API layer
        passes it for the writes that spend money, return a one-time secret, send a message, or act
        again (or fail) when a second copy arrives."""
        if (self._login_failure is None and not self._login_ok and self._latch is not None
                and not self._in_first_call):
            self._check_latch(action)
            with self._latch.first_call(self.call_bound()) as holding:
                if holding:
                    # The wait may have ended with another task's refusal: read the marker again.
                    self._check_latch(action)
                # A call made while sending this one (the international Domain.Info of a name)
                # goes under the same lock: flock would refuse a second descriptor of this process.
                self._in_first_call = True
                try:
                    return self._call(action, params, empty_codes, once)
                finally:
                    self._in_first_call = False
                    if self._login_ok:
                        self._latch.prove()
        return self._call(action, params, empty_codes, once)

    def call_bound(self):
        """Seconds one call of this client can take at worst (the last retry may start just
        before max_retry_time and last its timeout): how long to wait for another task's call."""
        transport = self._transport
        return transport.max_retry_time + float(transport.timeout or 0) + 1.0

    def _check_latch(self, action):
        """Raise the refusal an earlier task recorded for these credentials (nothing is sent)."""
        recorded = self._latch.read()
        if recorded is None:
            return
        self._login_failure = DNSPodAPIError(recorded.get('action') or action, recorded['code'], recorded.get('message'))
        raise DNSPodAPIError(action, recorded['code'], self.LATCH_REFUSAL % dict(
            action=recorded.get('action') or 'the API', written=_utc(float(recorded.get('written') or 0)),
            message=recorded.get('message') or 'no message', until=_utc(float(recorded['expires'])),
            path=self._latch.path))


class DNSPodClient(LatchedCalls):
    """See docs/architecture.md. Secrets are kept in private attributes and never appear in
    ``repr()``, ``log``, or the text of an error."""

    backend = 'dnspod'

    def __init__(self, api_url=DEFAULT_API_URL, login_token=None, login_email=None, login_password=None,
                 login_code=None, user_id=None, lang=DEFAULT_LANG, timeout=DEFAULT_TIMEOUT,
                 validate_certs=DEFAULT_VALIDATE_CERTS, ca_path=None, contact=DEFAULT_CONTACT,
                 max_retries=DEFAULT_RETRIES, backoff_base=1.0, backoff_cap=16.0,
                 max_retry_time=DEFAULT_RETRY_MAX_TIME, international=None, sleep=time.sleep, page_size=MAX_PAGE_SIZE,
                 session=None, login_latch_dir=None, send_once=None):
        if not HAS_REQUESTS:
            raise DNSPodConfigError('the Python library requests is required')
        self.api_url, host = check_api_url(api_url)
        credentials = check_credentials(login_token, login_email, login_password, login_code)
        self.international = host == INTERNATIONAL_HOST if international is None else bool(international)
        self._login_token = credentials['login_token']
        self._login_email = credentials['login_email']
        self._login_password = credentials['login_password']
        self._login_code = credentials['login_code']
        self._user_token = None
        self._login_failure = None
        self._login_ok = False
        self._in_first_call = False
        if login_latch_dir is None:
            login_latch_dir = default_latch_dir()
        self._latch = None
        if login_latch_dir:
            # 'international-login_token': a token is sent as login_token there now, so a refusal
            # recorded when it was sent as user_token (20004) does not hold these tasks back.
            self._latch = LoginLatch(login_latch_dir, self.api_url, (
                'international-login_token' if self.international else 'cn', self._login_token, self._login_email,
                self._login_password, self._login_code))
        self.user_id = str(user_id).strip() if user_id not in (None, '') else None
        self.lang = lang or DEFAULT_LANG
        self.user_agent = 'dnspod.dnspod/%s (%s)' % (COLLECTION_VERSION, contact or DEFAULT_CONTACT)
        cap = MAX_PAGE_SIZE_INTERNATIONAL if self.international else MAX_PAGE_SIZE
        self.page_size = max(1, min(int(page_size), cap))
        # Writes never repeated blindly after a lost answer besides those sent with once=True:
        # by default dnspod_api.SEND_ONCE (those of the areas not yet in the API layer).
        self.send_once = SEND_ONCE if send_once is None else frozenset(send_once)
        self.calls = 0
        self.writes = 0
        self.log = []
        self._transport = Transport(
            self.api_url, self.user_agent, timeout=timeout, verify=ca_path if ca_path else bool(validate_certs),
            max_retries=max_retries, backoff_base=backoff_base, backoff_cap=backoff_cap,
            max_retry_time=max_retry_time, sleep=sleep, session=session, on_attempt=self._count,
            redact=self._redact)

    def __repr__(self):
        if self._login_token:
            auth = 'login_token'
        else:
            auth = 'login_email' + ('+login_code' if self._login_code else '')
        return '<DNSPodClient %s auth=%s%s calls=%d writes=%d>' % (
            self.api_url, auth, ' international' if self.international else '', self.calls, self.writes)

    @property
    def default_line(self):
        return INTERNATIONAL_DEFAULT_LINE if self.international else '默认'

    # ---- secrets and bookkeeping ----------------------------------------------------------

    def _secrets(self):
        values = [self._login_token, self._login_password, self._login_code, self._user_token]
        if self._login_token:
            values.append(self._login_token.split(',', 1)[1])
        return [v for v in values if v]

    def _redact(self, text):
        """The API's message with any of this client's secrets blanked (an answer could echo one)."""
        text = str(text or '')
        for secret in sorted(self._secrets(), key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    def _count(self, action, code):
        self.calls += 1
        self.log.append({'action': action, 'code': code, 'write': action in WRITE_ACTIONS})

    # ---- authentication ---------------------------------------------------------------------

    def _has_dtoken_cookie(self):
        return any(DTOKEN_COOKIE.match(cookie.name) for cookie in self._transport.session.cookies)

    def _password_params(self):
        params = {'login_email': self._login_email, 'login_password': self._login_password}
        # D-Token: the code goes with the calls until the service has set its t<user_id> cookie
        # (login_remember=yes asks for it); the session sends the cookie from then on.
        if self._login_code and not self._has_dtoken_cookie():
            params.update(login_code=self._login_code, login_remember='yes')
        return params

    def _auth_params(self):
        # An API token is a login_token on both services: the international one answers 20004 to
        # a token sent as user_token (NewFuture/DDNS issue 286, fixed in its commit d4b397d;
        # acme.sh dnsapi/dns_dpi.sh). user_token is only what Auth gives for e-mail and password.
        if self._login_token:
            return {'login_token': self._login_token}
        if self.international:
            if self._user_token is None:
                self._user_token = self._authenticate()
            return {'user_token': self._user_token}
        return self._password_params()

    def _authenticate(self):
        """International service: trade e-mail and password (and D-Token code) for a user_token,
        once per client. A refused Auth is not repeated: later calls raise it again unsent."""
        try:
            answer = self._send('Auth', self._global_params(self._password_params()))
        except DNSPodAPIError as exc:
            self._login_failure = exc
            if self._latch is not None and not self._login_ok:
                self._latch.write(exc)
            raise
        token = answer.get('user_token')
        if not token:
            raise DNSPodTransportError('Auth', 'the answer holds no user_token', 1)
        return str(token)

    def _global_params(self, auth):
        form = dict(auth)
        form.update(format='json', lang=self.lang, error_on_empty='no')
        if self.user_id:
            form['user_id'] = self.user_id
        return form

    # ---- calls ------------------------------------------------------------------------------

    def _call(self, action, params, empty_codes, once):
        """Return the parsed JSON of a successful answer (code 1, or the "nothing found" code of a
        listing: EMPTY_LIST_CODES or ``empty_codes``). Raises DNSPodAPIError (DNSPodAlreadyDoneError,
        see ALREADY_DONE_CODES), DNSPodTransportError (DNSPodOutcomeUnknownError for a write sent
        once). Parameters that are None are not sent."""
        if self._login_failure is not None:
            failed = self._login_failure
            raise DNSPodAPIError(action, failed.code, 'not sent, because %s was refused earlier: %s'
                                 % (failed.action, failed.message))
        if self.international:
            params = self._international_params(action, params or {})
        form = self._global_params(self._auth_params())
        for key, value in (params or {}).items():
            if value is not None:
                form[key] = value
        return self._send(action, form, empty_codes, action in self.send_once if once is None else once)

    def confirm_write(self):
        """Count a write whose answer was lost but which a read-back shows carried out (the area
        helpers call it), so that ``writes`` and the tasks' ``changed`` say what the server did."""
        self.writes += 1

    def _international_params(self, action, params):
        """The parameters as the international service takes them: the default line as
        ``default`` (whatever case the listing gave). (Its ``Record.*`` actions take the domain as
        ``domain_id`` alone: dnspod_api/records.py sends them so.)"""
        params = dict(params)
        line = params.get('record_line')
        if line is not None and str(line).strip().lower() == INTERNATIONAL_DEFAULT_LINE:
            params['record_line'] = INTERNATIONAL_DEFAULT_LINE
        return params

    def _send(self, action, form, empty_codes=(), once=False):
        reply = self._transport.send(action, form, once=once)
        code = reply.code
        if not is_login_failure(code, reply.message, action) and code not in ('-2',):
            self._login_ok = True
        if code == '1' or code in EMPTY_LIST_CODES.get(action, ()) or code in empty_codes:
            if action in WRITE_ACTIONS:
                self.writes += 1
            return reply.answer
        message = self._redact(reply.message)
        if reply.faulted and ALREADY_DONE_CODES.get(action) == code:
            self.writes += 1
            raise DNSPodAlreadyDoneError(action, code, message)
        error = DNSPodAPIError(action, code, message)
        if is_login_failure(code, message, action):
            self._login_failure = error
            if self._latch is not None and not self._login_ok:
                self._latch.write(error)
        raise error

    def paged(self, action, params, items_key, total_of, on_answer=None):
        """Every item of a listing: pages of ``page_size`` (``length`` always sent) from offset 0
        until the total of ``info`` is reached; stops early on an empty page or a page with
        nothing new (a server that ignores offset). ``on_answer(answer)`` sees each page's whole
        answer (for what a listing carries beside its items)."""
        items = []
        seen = set()
        offset = 0
        while True:
            answer = self.call(action, dict(params, offset=offset, length=self.page_size))
            if on_answer is not None:
                on_answer(answer)
            page = answer.get(items_key) or []
            if isinstance(page, dict):
                page = list(page.values())
            new = [item for item in page if str(item.get('id')) not in seen]
            seen.update(str(item.get('id')) for item in new)
            items.extend(new)
            offset += len(page)
            total = total_of(answer.get('info') or {})
            if not new:
                return items
            if total is None:
                if len(page) < self.page_size:
                    return items
            elif offset >= total:
                return items
