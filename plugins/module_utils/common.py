# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Glue between AnsibleModule and the DNSPod client: one argument spec, one way to build a
client from module parameters, one way to turn a client error into a module failure."""

from __future__ import annotations

import os

from ansible.module_utils.basic import AnsibleFallbackNotFound, missing_required_lib

from ansible_collections.dnspod.dnspod.plugins.module_utils import backends
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.constants import (  # pylint: disable=unused-import
    DEFAULT_API_URL,
    DEFAULT_CONTACT,
    DEFAULT_LANG,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_MAX_TIME,
    DEFAULT_TIMEOUT,
    DEFAULT_VALIDATE_CERTS,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.credentials import credentials_problem, ignored_credentials
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils import names

# Options in the doc fragment dnspod.dnspod.dnspod, with their environment fallbacks.
CLIENT_OPTIONS = ('api_backend', 'api_url', 'login_token', 'login_email', 'login_password', 'login_code', 'user_id',
                  'secret_id', 'secret_key', 'session_token',
                  'international', 'lang', 'timeout', 'retries', 'retry_max_time', 'validate_certs',
                  'ca_path', 'contact')


def env_value(*names):
    """The first of the environment variables that is set and not empty, else None."""
    for name in names:
        value = os.environ.get(name)
        if value is not None and value.strip() != '':
            return value
    return None


def env_fallback(*names):
    """The first of the environment variables that is set and not empty.

    Unlike Ansible's own env_fallback, an empty variable counts as unset: AWX and other runners
    export every variable of a credential type, empty ones included, and ``DNSPOD_LOGIN_EMAIL=``
    beside a token must not make the two mutually exclusive options collide."""
    for name in names:
        value = os.environ.get(name)
        if value is not None and value.strip() != '':
            return value
    raise AnsibleFallbackNotFound


def dnspod_argument_spec():
    """The connection and authentication options every module accepts."""
    return dict(
        api_backend=dict(type='str', default='auto', choices=['auto', 'dnspod', 'tencentcloud'],
                         fallback=(env_fallback, ['DNSPOD_API_BACKEND'])),
        # No default here: it depends on the backend (backends.default_api_url); runner.execute fills it in.
        api_url=dict(type='str', fallback=(env_fallback, ['DNSPOD_API_URL'])),
        login_token=dict(type='str', no_log=True, fallback=(env_fallback, ['DNSPOD_LOGIN_TOKEN'])),
        login_email=dict(type='str', no_log=False, fallback=(env_fallback, ['DNSPOD_LOGIN_EMAIL'])),
        login_password=dict(type='str', no_log=True, fallback=(env_fallback, ['DNSPOD_LOGIN_PASSWORD'])),
        login_code=dict(type='str', no_log=True, fallback=(env_fallback, ['DNSPOD_LOGIN_CODE'])),
        user_id=dict(type='str', fallback=(env_fallback, ['DNSPOD_USER_ID'])),
        secret_id=dict(type='str', no_log=False, fallback=(env_fallback, ['TENCENTCLOUD_SECRET_ID'])),
        secret_key=dict(type='str', no_log=True, fallback=(env_fallback, ['TENCENTCLOUD_SECRET_KEY'])),
        session_token=dict(type='str', no_log=True,
                           fallback=(env_fallback, ['TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN'])),
        international=dict(type='bool'),
        lang=dict(type='str', default=DEFAULT_LANG, choices=['en', 'cn']),
        timeout=dict(type='float', default=DEFAULT_TIMEOUT),
        retries=dict(type='int', default=DEFAULT_RETRIES),
        retry_max_time=dict(type='float', default=DEFAULT_RETRY_MAX_TIME),
        validate_certs=dict(type='bool', default=DEFAULT_VALIDATE_CERTS, fallback=(env_fallback, ['DNSPOD_VALIDATE_CERTS'])),
        ca_path=dict(type='path', fallback=(env_fallback, ['DNSPOD_CA_PATH'])),
        contact=dict(type='str', default=DEFAULT_CONTACT, fallback=(env_fallback, ['DNSPOD_CONTACT'])),
    )


def dnspod_module_kwargs():
    """AnsibleModule keyword arguments shared by every module (credentials: token or e-mail and password;
    the key pair's halves, and one kind or the other, are checked by credentials.py, which also sees the
    environment variables and serves the lookup)."""
    return dict(
        required_together=[('login_email', 'login_password')],
        mutually_exclusive=[('login_token', 'login_email')],
    )


def client_from_params(params):
    """Build the client (DNSPodClient or TencentCloudClient, backends.create_client) from a dict
    holding the CLIENT_OPTIONS (module params or lookup options).

    Raises DNSPodError (DNSPodConfigError) for unusable options; never contacts the API.
    """
    return backends.create_client(params)


def tls_warnings(params):
    """What the task result says about certificate checks that are off or overridden: a module
    process would otherwise say nothing, and the worker run let urllib3 print on stderr."""
    if params.get('validate_certs', True) is not False:
        return []
    if params.get('ca_path'):
        return ['validate_certs=false is ignored because ca_path is set: the certificate of api_url is verified '
                'against the CA bundle %s' % params['ca_path']]
    return ['validate_certs=false: the certificate of api_url is not verified, so anyone on the network path can '
            'read and change what this task sends, credentials included; use ca_path for a private CA instead']


def require_credentials(params):
    """Return an error message when no usable credentials were given, else None (credentials.py decides)."""
    return credentials_problem(params)


def create_client(module):
    """Build the client for a module, or fail the module with a clear message."""
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
    if not names.HAS_IDNA:
        # Internationalised names follow IDNA 2008 (names.py); requests depends on idna.
        module.fail_json(msg=missing_required_lib('idna'), exception=names.IDNA_IMPORT_ERROR)
    problem = require_credentials(module.params)
    if problem:
        module.fail_json(msg=problem)
    ignored = ignored_credentials(module.params)
    if ignored:
        module.warn('api_backend=%s: %s ignored (credentials of the other API)' % (
            module.params.get('api_backend'), ', '.join(ignored)))
    for warning in tls_warnings(module.params):
        module.warn(warning)
    try:
        return client_from_params(module.params)
    except DNSPodError as exc:
        fail_from_error(module, exc)


def error_details(exc):
    """The machine-readable part of a client error, for module results."""
    details = {}
    if isinstance(exc, DNSPodAPIError):
        details.update(api_action=exc.action, api_code=exc.code, api_message=exc.message)
    elif isinstance(exc, DNSPodTransportError):
        details.update(api_action=exc.action)
    return details


def fail_from_error(module, exc, **extra):
    """Fail the module with the client error's text (which never holds a secret) and its details.
    A task that wrote before the error (``api.writes``: accepted writes, and writes whose answer
    was lost but which a read-back showed carried out) reports ``changed: true``."""
    result = error_details(exc)
    result.update(extra)
    if 'changed' not in result and (result.get('api') or {}).get('writes'):
        result['changed'] = True
    module.fail_json(msg=str(exc), **result)


def api_summary(client):
    """Calls and writes this task sent, for the module result."""
    return dict(calls=client.calls, writes=client.writes)
