# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Errors of the DNSPod client. Their text never holds a credential: it is built only from the
action name, the API's code and message, and hints written here."""

from __future__ import annotations

# Codes that must never be retried: repeating a failed login is what locks an account.
NEVER_RETRY_CODES = frozenset(['-1', '-8', '50', '51', '52', '53', '54', '10002', '20004'])

# Codes retried with backoff.
RETRY_CODES = frozenset(['-2'])

HINTS = {
    '-1': 'Login failed: check login_token (ID,TOKEN) or login_email/login_password. The call is not retried, '
          'because DNSPod locks an account for an hour after 30 failed logins in 5 minutes.',
    '-2': 'The API rate limit was exceeded (about 3,600 calls an hour); wait and run again.',
    '-3': 'This account is not a valid agent.',
    '-4': 'The user is not under this agent.',
    '-7': 'The account has no permission for this call (free grades cannot use some of them).',
    '-8': 'The account is locked after too many failed logins; it is released after about an hour. '
          'Fix the credentials before trying again.',
    '-99': 'DNSPod has paused this function; try again later.',
    '50': 'The account has D-Token enabled: pass the current code as login_code.',
    '51': 'D-Token is not enabled on this account: do not pass login_code.',
    '52': 'The D-Token code (login_code) is wrong or expired.',
    '53': 'D-Token is already enabled on this account.',
    '54': 'The owner of the domain has D-Token enabled, so this account needs it too.',
    '85': 'The account is logged in elsewhere and the request was rejected.',
    '10002': 'The login token is invalid: check login_token (ID,TOKEN) in the DNSPod console.',
    '20004': 'The user token is invalid: check login_token (ID,TOKEN).',
}


class DNSPodError(Exception):
    """Base of every error of the client."""


class DNSPodConfigError(DNSPodError):
    """Unusable options, found before anything is sent."""


class DNSPodAPIError(DNSPodError):
    """The API answered with a status code other than 1."""

    def __init__(self, action, code, message):
        self.action = action
        self.code = str(code)
        self.message = message or ''
        self.hint = HINTS.get(self.code)
        if self.code == '8' and 'email' in self.message.lower():
            self.hint = 'DNSPod no longer accepts e-mail and password logins: use login_token.'
        super(DNSPodAPIError, self).__init__(str(self))

    def __str__(self):
        text = 'DNSPod API error on %s: code %s: %s' % (self.action, self.code, self.message)
        if self.hint:
            text += '. ' + self.hint
        return text


class DNSPodTransportError(DNSPodError):
    """The API could not be reached, or answered with something that is not an API answer."""

    def __init__(self, action, detail, attempts):
        self.action = action
        self.detail = detail
        self.attempts = attempts
        super(DNSPodTransportError, self).__init__(str(self))

    def __str__(self):
        return 'DNSPod API call %s failed after %d attempt(s): %s' % (self.action, self.attempts, self.detail)
