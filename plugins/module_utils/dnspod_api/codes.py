# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the traditional API's actions and status codes mean to the transport (client.py, which
names no action itself): which actions write, which are never sent twice, which codes of which
action mean "nothing found" or "already done", which codes are retried or refuse the login, and
the hint a person can act on. Some codes mean different things on different actions (8, -2, -7),
so this is API knowledge, kept here with the areas rather than in the transport."""

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


# Actions that change state: counted in ``writes`` when the API accepts them, flagged in ``log``.
WRITE_ACTIONS = frozenset([
    'Record.Create', 'Record.Modify', 'Record.Remove', 'Record.Status', 'Record.Remark', 'Record.Ddns',
    'Domain.Create', 'Domain.Remove', 'Domain.Status', 'Domain.Remark', 'Domain.Ismark',
    'Domain.Searchenginepush', 'Domain.Changegroup', 'Domain.Lock', 'Domain.Unlock', 'Domain.Transfer',
    'Domain.Upgrade', 'Domain.Acquiresend', 'Domain.Acquirevalidate',
    'Domaingroup.Create', 'Domaingroup.Modify', 'Domaingroup.Remove',
    'Domainshare.Create', 'Domainshare.Modify', 'Domainshare.Remove',
    'Domainalias.Create', 'Domainalias.Remove',
    'Monitor.Create', 'Monitor.Modify', 'Monitor.Remove', 'Monitor.Setstatus',
    'User.Modify', 'Userpasswd.Modify', 'Useremail.Modify', 'User.Create', 'User.Transfer',
    # these send a message (e-mail/SMS): not free to repeat either
    'Verify.Email', 'Verify.Telephone', 'Telephoneverify.Code',
])

# "Nothing found" codes of the listings: an empty list, not an error (older servers ignore
# error_on_empty=no).
EMPTY_LIST_CODES = {'Domain.List': ('9',), 'Record.List': ('10',)}

# Retried writes after a transport fault (request sent, answer lost). A non-idempotent Create
# whose first attempt reached the server is answered "already exists" on the retry; a Remove
# "no such record/domain". Then, and only then, ``call`` raises DNSPodAlreadyDoneError instead of
# DNSPodAPIError, and the helpers below finish the job: create_record/create_domain look the
# object up and return it (no duplicate is ever created: the retry itself was refused), the
# remove helpers return as done. The same codes without an earlier transport fault are ordinary
# errors (the object existed / was missing before this call).
ALREADY_DONE_CODES = {
    'Record.Create': '104',
    'Domain.Create': '7',
    'Record.Remove': '8',
    'Domain.Remove': '6',
}

# Writes never repeated blindly (docs/reliability.md, "Lost answers"): each spends money, returns a
# one-time secret, sends a message, or acts again (or fails) when a second copy arrives after the
# first was carried out. After a transport fault that may have come after the server acted, the
# transport does not send them again but raises DNSPodOutcomeUnknownError, and the area reads the
# state back. The areas here send theirs with ``once=True`` (Domain.Transfer, Domain.Acquiresend,
# Domain.Acquirevalidate, Domain.Upgrade, Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code,
# Domaingroup.Create); these are those of the areas whose helpers still name their actions: the
# client sends them once by default (DNSPodClient's ``send_once``). Each leaves this list when its
# area comes here.
SEND_ONCE = frozenset([
    'Domain.Lock', 'Domain.Unlock',
    'Monitor.Create',
    'User.Create', 'User.Transfer', 'Verify.Email', 'Verify.Telephone',
])
