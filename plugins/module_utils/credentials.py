# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one place that decides whether credentials are usable and what the error says. The modules
(common.create_client), the dnspod_record lookup and DNSPodClient all ask check_credentials; the
argument spec only adds Ansible's own rules (login_email with login_password, not with login_token)."""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError

TOKEN_PATTERN = re.compile(r'^[0-9]+,[^,\s]+$')

NO_CREDENTIALS = ('no credentials: set login_token (or the DNSPOD_LOGIN_TOKEN environment variable), '
                  'or login_email and login_password')
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
    None when they are usable."""
    try:
        check_credentials(params.get('login_token'), params.get('login_email'), params.get('login_password'),
                          params.get('login_code'))
    except DNSPodConfigError as exc:
        return str(exc)
    return None
