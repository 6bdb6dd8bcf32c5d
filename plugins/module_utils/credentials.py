# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one place that decides whether credentials are usable, which API they are for, and what
the error says. The modules (common.create_client), the dnspod_record lookup and the clients all
ask here; the argument spec only adds Ansible's own rules (login_email with login_password, not
with login_token). No message ever holds the value of a credential: only the options' names.

Two kinds: DNSPod's own (``login_token``, or ``login_email`` and ``login_password``: the
traditional API, backend ``dnspod``) and a Tencent Cloud key pair (``secret_id`` and
``secret_key``, with ``session_token`` for temporary credentials: API 3.0, backend
``tencentcloud``). ``backend_for`` picks the backend from the credentials given, or checks the one
``api_backend`` forces."""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError

TOKEN_PATTERN = re.compile(r'^[0-9]+,[^,\s]+$')

NO_CREDENTIALS = ('no credentials: set login_token (or the DNSPOD_LOGIN_TOKEN environment variable), '
                  'or login_email and login_password, for the traditional DNSPod API; or secret_id and secret_key '
                  '(TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY), a Tencent Cloud API key pair, for API 3.0')
NO_KEY_PAIR = ('no credentials for api_backend=tencentcloud: set secret_id and secret_key (or the TENCENTCLOUD_SECRET_ID '
               'and TENCENTCLOUD_SECRET_KEY environment variables), a Tencent Cloud API key pair')
NO_DNSPOD_CREDENTIALS = ('no credentials for api_backend=dnspod: set login_token (or the DNSPOD_LOGIN_TOKEN environment '
                         'variable), or login_email and login_password')
BOTH_KINDS = ('both kinds of credentials are set: a Tencent Cloud key pair (%s) and DNSPod credentials (%s). Give one '
              'kind, or choose the API with api_backend (tencentcloud: API 3.0 with the key pair; dnspod: the '
              'traditional API with login_token); an environment variable counts as set')
HALF_KEY_PAIR = ('%s is set but %s is not: a Tencent Cloud API key pair is both secret_id and secret_key '
                 '(TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY)')
TOKEN_WITHOUT_KEYS = ('session_token is set without secret_id and secret_key: temporary credentials are the three '
                      'together')
# Never echo the values: a SecretKey pasted into secret_id would be shown otherwise.
MALFORMED_SECRET_ID = 'secret_id: expected a Tencent Cloud SecretId (letters and digits, such as AKID...)'
MALFORMED_SECRET_KEY = 'secret_key: expected a Tencent Cloud SecretKey (printable ASCII without spaces)'
MALFORMED_SESSION_TOKEN = 'session_token: expected the token of temporary credentials (printable ASCII without spaces)'
SECRET_ID_PATTERN = re.compile(r'^[A-Za-z0-9]{4,128}$')
# Sent as the X-TC-Token header: no control characters, no spaces (requests would quote the value
# in its error), and the key signs the request.
PRINTABLE = re.compile(r'^[\x21-\x7e]+$')

BACKENDS = ('dnspod', 'tencentcloud')
KEY_PAIR_OPTIONS = ('secret_id', 'secret_key', 'session_token')
DNSPOD_OPTIONS = ('login_token', 'login_email', 'login_password', 'login_code')
# Never echo the value: a token is a secret even when malformed.
MALFORMED_TOKEN = 'login_token: expected ID,TOKEN (the numeric token ID, a comma, the token)'


def _given(value):
    return value is not None and str(value).strip() != ''


def check_credentials(login_token=None, login_email=None, login_password=None, login_code=None):
    """The credentials a client logs in with, as a dict with the keys login_token, login_email,
    login_password and login_code: an API token (stripped) wins and leaves the other three None;
    else the e-mail and password, and the D-Token code when one is given (stripped).

    Raises DNSPodConfigError (NO_CREDENTIALS, MALFORMED_TOKEN) when they cannot be used; never
    contacts the API."""
    if _given(login_token):
        login_token = str(login_token).strip()
        if not TOKEN_PATTERN.match(login_token):
            raise DNSPodConfigError(MALFORMED_TOKEN)
        return dict(login_token=login_token, login_email=None, login_password=None, login_code=None)
    if not (login_email and login_password):
        raise DNSPodConfigError(NO_CREDENTIALS)
    return dict(login_token=None, login_email=login_email, login_password=login_password,
                login_code=str(login_code).strip() if _given(login_code) else None)


def credentials_problem(params):
    """The error message for the credentials in ``params`` (module params or lookup options), or
    None when they are usable: the backend's choice first (backend_for), then its credentials."""
    try:
        backend = backend_for(params)
        if backend == 'tencentcloud':
            check_key_pair(params.get('secret_id'), params.get('secret_key'), params.get('session_token'))
        elif params.get('api_backend') in (None, '', 'auto'):
            check_credentials(params.get('login_token'), params.get('login_email'), params.get('login_password'),
                              params.get('login_code'))
        else:
            try:
                check_credentials(params.get('login_token'), params.get('login_email'), params.get('login_password'),
                                  params.get('login_code'))
            except DNSPodConfigError as exc:
                raise DNSPodConfigError(NO_DNSPOD_CREDENTIALS if str(exc) == NO_CREDENTIALS else str(exc))
    except DNSPodConfigError as exc:
        return str(exc)
    return None


def check_key_pair(secret_id=None, secret_key=None, session_token=None):
    """The key pair an API 3.0 client signs with, as a dict with the keys secret_id, secret_key
    and session_token (stripped; session_token None when not given).

    Raises DNSPodConfigError (never holding a value) when they cannot be used; never contacts the API."""
    has_id, has_key, has_token = _given(secret_id), _given(secret_key), _given(session_token)
    if not has_id and not has_key:
        raise DNSPodConfigError(TOKEN_WITHOUT_KEYS if has_token else NO_KEY_PAIR)
    if has_id != has_key:
        raise DNSPodConfigError(HALF_KEY_PAIR % (('secret_id', 'secret_key') if has_id else ('secret_key', 'secret_id')))
    secret_id, secret_key = str(secret_id).strip(), str(secret_key).strip()
    if not SECRET_ID_PATTERN.match(secret_id):
        raise DNSPodConfigError(MALFORMED_SECRET_ID)
    if not PRINTABLE.match(secret_key):
        raise DNSPodConfigError(MALFORMED_SECRET_KEY)
    session_token = str(session_token).strip() if has_token else None
    if session_token is not None and not PRINTABLE.match(session_token):
        raise DNSPodConfigError(MALFORMED_SESSION_TOKEN)
    return dict(secret_id=secret_id, secret_key=secret_key, session_token=session_token)


def given_options(params, names):
    """The names among ``names`` whose value in ``params`` is set (not None, not blank)."""
    return [name for name in names if _given(params.get(name))]


def backend_for(params):
    """The backend (``dnspod`` or ``tencentcloud``) the credentials in ``params`` are for.

    ``api_backend`` (auto when not set) forces one: the credentials of the other kind are then
    ignored (an environment variable of another tool must not stop the play). With ``auto``, a key
    pair (or half of one, or a session_token) means tencentcloud, DNSPod credentials mean dnspod;
    both kinds, or none, is an error naming the options (never their values). The credentials
    themselves are checked by check_credentials/check_key_pair."""
    forced = str(params.get('api_backend') or 'auto').strip().lower()
    if forced in BACKENDS:
        return forced
    if forced != 'auto':
        raise DNSPodConfigError('api_backend: expected one of auto, dnspod, tencentcloud')
    keys = given_options(params, KEY_PAIR_OPTIONS)
    dnspod = given_options(params, DNSPOD_OPTIONS)
    if keys and dnspod:
        raise DNSPodConfigError(BOTH_KINDS % (', '.join(keys), ', '.join(dnspod)))
    if keys:
        return 'tencentcloud'
    if dnspod:
        return 'dnspod'
    raise DNSPodConfigError(NO_CREDENTIALS)


def ignored_credentials(params):
    """The options of the other kind of credentials, set but ignored because ``api_backend`` forces
    a backend (for a warning naming them)."""
    backend = backend_for(params)
    forced = str(params.get('api_backend') or 'auto').strip().lower()
    if forced == 'auto':
        return []
    return given_options(params, DNSPOD_OPTIONS if backend == 'tencentcloud' else KEY_PAIR_OPTIONS)
