# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The choice of API: ``dnspod`` (the traditional API, DNSPodClient and dnspod_api) or
``tencentcloud`` (Tencent Cloud API 3.0, TencentCloudClient and tencentcloud_api), from the
credentials given or the ``api_backend`` option (credentials.backend_for decides). The modules
(runner.Task), common.create_client and the dnspod_record lookup build their client and API here."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import credentials
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.constants import (
    DEFAULT_API_URL,
    DEFAULT_CONTACT,
    DEFAULT_LANG,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_MAX_TIME,
    DEFAULT_TENCENTCLOUD_API_URL,
    DEFAULT_TENCENTCLOUD_INTL_API_URL,
    DEFAULT_TIMEOUT,
    DEFAULT_VALIDATE_CERTS,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.areas import DNSPodAPI
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_client import TencentCloudClient

DNSPOD = 'dnspod'
TENCENTCLOUD = 'tencentcloud'


def backend_for(params):
    """``dnspod`` or ``tencentcloud`` (raises DNSPodConfigError: both kinds of credentials, none)."""
    return credentials.backend_for(params)


def default_api_url(backend, international=None):
    """api_url when it is not set: the traditional API's (international or not, as today), API 3.0's
    Chinese or international site."""
    if backend == TENCENTCLOUD:
        return DEFAULT_TENCENTCLOUD_INTL_API_URL if international else DEFAULT_TENCENTCLOUD_API_URL
    return DEFAULT_API_URL


def api_url_of(params):
    """The api_url a task with these params talks to (its own, or its backend's default; the
    traditional API's when the credentials do not decide)."""
    if params.get('api_url'):
        return params['api_url']
    try:
        backend = backend_for(params)
    except DNSPodConfigError:
        backend = DNSPOD
    return default_api_url(backend, params.get('international'))


def _shared(params):
    return dict(
        international=params.get('international'),
        lang=params.get('lang') or DEFAULT_LANG,
        timeout=params.get('timeout') or DEFAULT_TIMEOUT,
        validate_certs=params.get('validate_certs', DEFAULT_VALIDATE_CERTS) is not False,
        ca_path=params.get('ca_path'),
        contact=params.get('contact') or DEFAULT_CONTACT,
        max_retries=params['retries'] if params.get('retries') is not None else DEFAULT_RETRIES,
        max_retry_time=params['retry_max_time'] if params.get('retry_max_time') is not None else DEFAULT_RETRY_MAX_TIME,
    )


def create_client(params):
    """The client for a dict holding the connection options (module params or lookup options):
    DNSPodClient or TencentCloudClient. Raises DNSPodConfigError for unusable options (the
    message names options, never a value); never contacts the API."""
    backend = backend_for(params)
    api_url = params.get('api_url') or default_api_url(backend, params.get('international'))
    if backend == TENCENTCLOUD:
        return TencentCloudClient(api_url=api_url, secret_id=params.get('secret_id'),
                                  secret_key=params.get('secret_key'), session_token=params.get('session_token'),
                                  **_shared(params))
    return DNSPodClient(api_url=api_url, login_token=params.get('login_token'), login_email=params.get('login_email'),
                        login_password=params.get('login_password'), login_code=params.get('login_code'),
                        user_id=params.get('user_id'), **_shared(params))


def api_for(client):
    """The API by area over ``client``: DNSPodAPI, or TencentCloudAPI for a TencentCloudClient
    (imported here, so that the traditional API's tasks do not load API 3.0's areas)."""
    if getattr(client, 'backend', DNSPOD) == TENCENTCLOUD:
        from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.areas import TencentCloudAPI
        return TencentCloudAPI(client)
    return DNSPodAPI(client)
