# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Errors of the DNSPod client. Their text never holds a credential: it is built only from the
action name, the API's code and message (which the client scrubs of its own secrets first), and
the hints written here."""

from __future__ import annotations

# Codes retried with capped exponential backoff.
RETRY_CODES = frozenset(['-2'])

# Failed or refused logins. Never retried, and a client that got one sends nothing more (the
# error is raised again without a call): 30 failed logins in 5 minutes lock the account.
# -8 is not here: on domain and record calls 004 also uses it for "the agent's user must upgrade
# the domain", which says nothing about the credentials.
LOGIN_FAILURE_CODES = frozenset(['-1', '50', '52', '10002', '20004'])

# Codes that must never be retried (documentation; every code but RETRY_CODES is not retried).
NEVER_RETRY_CODES = frozenset(['-1', '-8', '50', '51', '52', '53', '54', '10002', '20004'])

HINTS = {
    '-1': 'Login failed: check login_token (ID,TOKEN) or login_email/login_password. The client does '
          'not retry it, because repeated failed logins (30 in 5 minutes) lock the account for an hour.',
    '-2': 'The API rate limit was exceeded (about 3,600 calls an hour); wait before running again.',
    '-3': 'This account is not a valid agent account (user_id is only for agents).',
    '-4': 'The user is not under this agent: check user_id.',
    '-7': 'The account or the domain has no permission for this call (some calls need a paid grade).',
    '-8': 'The account is locked after too many failed logins; it is released after about an hour. '
          'Fix the credentials before trying again (on domain and record calls of an agent\'s user, '
          '-8 can also mean that the domain needs a higher grade).',
    '-99': 'DNSPod has paused this function; try again later.',
    '50': 'The account has D-Token enabled: pass the current D-Token code as login_code.',
    '51': 'D-Token is not enabled on this account: do not pass login_code.',
    '52': 'The D-Token code (login_code) is wrong or expired: pass a fresh code.',
    '53': 'D-Token is already enabled on this account.',
    '54': 'The owner of the domain has D-Token enabled, so this account must enable D-Token too.',
    '85': 'The account is logged in from another place and the request was rejected; '
          'check who else uses these credentials.',
    '10002': 'The login token is invalid: check login_token (ID,TOKEN) in the DNSPod console.',
    '20004': 'The user token is invalid: check login_token (ID,TOKEN) or log in again.',
}

# A -2 that is not the account's quota: DNSPod locks a record for an hour after more than five
# Record.Modify calls in an hour that changed nothing (REAL-WORLD-NOTES.md). Retrying cannot help
# within any retry budget, and every retry is one more refused write on that record.
RECORD_LOCKED_HINT = ('DNSPod locks a record for an hour after more than 5 modifications in an hour that '
                      'changed nothing; the client does not retry it. Wait an hour, and look for another task, '
                      'host or tool writing the same record set with the same value.')

# How long the account's call quota lasts once exhausted: about 3,600 calls in an hour
# (REAL-WORLD-NOTES.md). Retries whose budget (retry_max_time) is shorter cannot outlast it.
QUOTA_WINDOW_SECONDS = 3600.0
QUOTA_HINT = ('The API call quota of the account (about 3,600 calls an hour) is exhausted: the -2 answer came '
              'again after a wait, and retry_max_time is shorter than the quota\'s hour, so the client stopped '
              'retrying. Run again later, reduce the calls (fewer tasks, dnspod_records for many sets), or set '
              'retry_max_time to 3600 or more to wait it out.')

EMAIL_LOGIN_HINT = ('DNSPod no longer accepts login_email/login_password on this service: '
                    'create an API token in the console and use login_token (ID,TOKEN).')


# Actions whose code 8 is about the e-mail address they were given, not the login (docs.dnspod.com:
# Domainshare.Create "The target email address not exists", Domainshare.Modify "The email address
# not exists", Domain.Transfer "Email address not exists"; document 003: Useremail.Modify 8 "旧邮箱错误",
# the old e-mail is wrong): there it says nothing about the credentials, unless it is the e-mail
# login refusal itself.
EMAIL_TARGET_ACTIONS = frozenset(['Domain.Transfer', 'Useremail.Modify'])
EMAIL_LOGIN_REFUSAL_WORDS = ('prohibit', 'by token', '禁止')


def _names_an_email_target(action):
    action = str(action or '')
    return action.startswith('Domainshare.') or action in EMAIL_TARGET_ACTIONS


def is_email_login_refusal(code, message='', action=None):
    """Whether a code 8 answer refuses an e-mail/password login ("Prohibit req by email, Request by
    token"). On the actions that take an e-mail parameter (EMAIL_TARGET_ACTIONS, Domainshare.*) a
    code 8 about an e-mail is that address's "no such account", unless it speaks of the prohibition."""
    text = (message or '').lower()
    if str(code) != '8' or 'email' not in text:
        return False
    if _names_an_email_target(action):
        return any(word in text for word in EMAIL_LOGIN_REFUSAL_WORDS)
    return True


# What a code means on one area's actions, where it says more than HINTS.
AREA_HINTS = {
    ('Domaingroup', '-7'): 'Domain groups need a paid (VIP) DNSPod grade: the API refuses Domaingroup.* calls '
                           'of free accounts.',
}


def hint_for(code, message='', action=None):
    """A sentence a person can act on for a known code, else None."""
    code = str(code)
    area_hint = AREA_HINTS.get((str(action or '').split('.', maxsplit=1)[0], code))
    if area_hint:
        return area_hint
    if is_record_locked(code, message):
        return RECORD_LOCKED_HINT
    if is_email_login_refusal(code, message, action):
        # "Prohibit req by email, Request by token": code 8 means other things elsewhere.
        return EMAIL_LOGIN_HINT
    return HINTS.get(code)


def is_record_locked(code, message=''):
    """Whether a -2 answer says the record is locked (after unchanged modifications), not that
    the account's call quota is spent: its message speaks of a record and a lock."""
    text = (message or '').lower()
    return (str(code) == '-2' and any(word in text for word in ('record', '记录'))
            and any(word in text for word in ('lock', '锁')))


def is_account_locked(code, message=''):
    """Whether a -8 answer says the account is locked after failed logins (not the agent's
    "upgrade the domain" meaning of -8)."""
    text = (message or '').lower()
    return str(code) == '-8' and any(word in text for word in ('login', 'lock', '登录', '封', '锁'))


def is_login_failure(code, message='', action=None):
    """Whether the answer says the credentials were refused or the account is locked (never
    retried, never repeated). ``action``: the action answered (code 8 depends on it)."""
    code = str(code)
    return (code in LOGIN_FAILURE_CODES or is_email_login_refusal(code, message, action)
            or is_account_locked(code, message))


class TaskError(ValueError):
    """The task cannot be done as asked, found by the collection itself (nothing was sent, or
    what was read shows it): ``str()`` names the option. ``details`` go to the task's result. The
    runner (runner.py) turns it into the module's failure."""

    def __init__(self, msg, **details):
        super(TaskError, self).__init__(msg)
        self.details = details


class DNSPodError(Exception):
    """Base of every error of the client. ``details``: fields for the task's failed result, added
    on the way up by the layer that knows them (``with_details``: dnspod_domain_acquire's ``step``)."""

    details = {}

    def with_details(self, **details):
        """This error, carrying ``details`` (merged with those it has) to the task's failed result."""
        self.details = dict(self.details, **details)
        return self


class DNSPodConfigError(DNSPodError):
    """Unusable options (plain http to a remote host, a malformed token, no requests), found
    before anything is sent."""


class DNSPodAPIError(DNSPodError):
    """The API answered with a status code other than 1 (``code`` is a string)."""

    def __init__(self, action, code, message):
        self.action = action
        self.code = str(code)
        self.message = str(message or '').strip()
        self.hint = hint_for(self.code, self.message, action)
        super(DNSPodAPIError, self).__init__(str(self))

    def __str__(self):
        text = 'DNSPod API error on %s: code %s' % (self.action, self.code)
        if self.message:
            text += ': ' + self.message
        if self.hint:
            text = text.rstrip('. ') + '. ' + self.hint
        return text


class DNSPodAlreadyDoneError(DNSPodAPIError):
    """A write retried after a transport fault was answered "already exists" (``Record.Create``
    104, ``Domain.Create`` 7) or "no such record/domain" (``Record.Remove`` 8, ``Domain.Remove``
    6): the first attempt most likely reached the server and did the work. Only raised by
    ``DNSPodClient.call``; the client's own helpers (create_record, create_domain, remove_*)
    catch it and finish the job (look the object up, or treat the removal as done)."""

    def __str__(self):
        return ('%s (a retry after a transport fault: the first attempt probably succeeded)'
                % super(DNSPodAlreadyDoneError, self).__str__())


class DNSPodTransportError(DNSPodError):
    """The API could not be reached, or answered with something that is not an API answer."""

    def __init__(self, action, detail, attempts):
        self.action = action
        self.detail = detail
        self.attempts = attempts
        super(DNSPodTransportError, self).__init__(str(self))

    def __str__(self):
        return 'DNSPod API call %s failed after %d attempt(s): %s' % (self.action, self.attempts, self.detail)


class DNSPodOutcomeUnknownError(DNSPodTransportError):
    """A write that is not safe to repeat (sent with ``once=True``: it spends money, returns a
    one-time secret, sends a message, or a second copy fails or acts twice) met a transport fault
    after the request may have reached the server: its answer was lost, and it was not sent
    again. ``action``, ``detail`` and ``attempts`` as DNSPodTransportError; ``advice`` is what the
    caller found out by reading the state back, or what a person should check before running the
    task again (``with_advice``)."""

    def __init__(self, action, detail, attempts, advice=None):
        self.advice = advice
        super(DNSPodOutcomeUnknownError, self).__init__(action, detail, attempts)

    def with_advice(self, advice):
        """The same error with ``advice`` (a sentence naming what to check)."""
        return DNSPodOutcomeUnknownError(self.action, self.detail, self.attempts, advice)

    def __str__(self):
        text = ('DNSPod API call %s lost its answer (%s, attempt %d) after the request may have reached DNSPod; '
                'it was not sent again, because it is not safe to repeat'
                % (self.action, self.detail, self.attempts))
        text += '. ' + (self.advice or 'The outcome is unknown: check the state before running the task again'
                        ).rstrip('. ') + '.'
        return text
