# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The account area: User.Detail/Modify, Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code,
User.Log, Info.Version, Record.Type and Record.Line.

Pure functions (normalising, validating, planning) and thin wrappers around ``client.call``.

Password endpoint: both documents give the address ``Userpasswd.Modify``; only the curl example of
004 says ``Userpassword.Modify``, a typo. ``PASSWORD_ACTION`` is the address.
"""

from __future__ import annotations

import datetime
import re
import time

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_bool, to_int, to_str

PROFILE_FIELDS = ('real_name', 'nick', 'telephone', 'im')
PASSWORD_ACTION = 'Userpasswd.Modify'
TELEPHONE = re.compile(r'^\+?[0-9]{5,20}$')
IM = re.compile(r'^[0-9]{0,20}$')
MAX_TEXT = 100
LOG_LINE = re.compile(r'^(?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?P<api>\(API\))?:\s*'
                      r'(?:\((?P<ip1>[0-9a-fA-F.:]+)\)|(?P<ip2>[0-9a-fA-F.:]+))?\s*(?P<text>.*)$')


def normalize_user(raw):
    """``info.user`` of User.Detail -> the canonical account (yes/no -> bool, numbers as numbers)."""
    raw = raw or {}

    def number(value):
        try:
            as_float = float(value)
        except (TypeError, ValueError):
            return 0
        return int(as_float) if as_float == int(as_float) else as_float
    return {
        'id': to_str(raw.get('id')),
        'email': to_str(raw.get('email')),
        'real_name': to_str(raw.get('real_name')),
        'nick': to_str(raw.get('nick')),
        'telephone': to_str(raw.get('telephone')),
        'im': to_str(raw.get('im')),
        'user_type': to_str(raw.get('user_type')),
        'status': to_str(raw.get('status')),
        'email_verified': to_bool(raw.get('email_verified')),
        'telephone_verified': to_bool(raw.get('telephone_verified')),
        'weixin_binded': to_bool(raw.get('weixin_binded')),
        'agent_pending': to_bool(raw.get('agent_pending')),
        'balance': number(raw.get('balance')),
        'smsbalance': to_int(raw.get('smsbalance'), 0),
        'user_grade': to_str(raw.get('user_grade')),
    }


def wanted_profile(params):
    """The profile fields the task sets (None = leave as it is), validated. Raises ValidationError."""
    wanted = {}
    for name in PROFILE_FIELDS:
        value = params.get(name)
        if value is None:
            continue
        value = str(value).strip()
        if len(value) > MAX_TEXT:
            raise validation.ValidationError(name, 'at most %d characters, got %d' % (MAX_TEXT, len(value)))
        if name == 'telephone' and not TELEPHONE.match(value):
            raise validation.ValidationError(name, '%r is not a telephone number (digits, an optional leading +)'
                                             % value)
        if name == 'im' and not IM.match(value):
            raise validation.ValidationError(name, '%r is not a QQ number (digits; empty clears it)' % value)
        wanted[name] = value
    return wanted


def profile_changes(current, wanted):
    """The fields whose wanted value differs from User.Detail's: what User.Modify must send."""
    return dict((name, value) for name, value in wanted.items() if to_str(current.get(name)) != value)


def email_change(current_email, new_email, old_email=None):
    """None when the account already has ``new_email`` (case-insensitive), else ``(old, new)`` for
    Useremail.Modify. ``old_email``, when given, must be the current address unless the change
    is already done. Raises ValidationError."""
    new = validation.validate_email(str(new_email).strip(), 'new_email')
    current = to_str(current_email).strip()
    if current.lower() == new.lower():
        return None
    if old_email is not None and str(old_email).strip().lower() != current.lower():
        raise validation.ValidationError(
            'old_email', '%s is not the account\'s e-mail address (%s); nothing was changed' % (old_email, current))
    return current, new


def check_password_change(old_password, new_password):
    """Raise ValidationError unless both are given, non-empty and different. The values are never
    part of a message."""
    if not old_password:
        raise validation.ValidationError('old_password', 'required (and not empty) to change the password')
    if not new_password:
        raise validation.ValidationError('new_password', 'required (and not empty) to change the password')
    if old_password == new_password:
        raise validation.ValidationError('new_password', 'is the same as old_password; nothing to change')
    if new_password != new_password.strip():
        raise validation.ValidationError('new_password', 'starts or ends with a blank')


def telephone_code_needed(user, telephone_changes):
    """Whether a Telephoneverify.Code makes sense: not once the (unchanged) number is verified."""
    if 'telephone' in telephone_changes:
        return True
    return not user.get('telephone_verified')


def predict_after(user, changes, email=None):
    """The account after the writes: a new telephone is not verified, nor is a new e-mail."""
    after = dict(user)
    after.update(changes)
    if 'telephone' in changes:
        after['telephone_verified'] = False
    if email is not None:
        after['email'] = email
        after['email_verified'] = False
    return after


def parse_log_line(line):
    """One User.Log line -> {'time', 'api', 'ip', 'text', 'line'} (fields None when not found)."""
    text = to_str(line)
    match = LOG_LINE.match(text.strip())
    if not match:
        return {'time': None, 'api': False, 'ip': None, 'text': text, 'line': text}
    return {'time': match.group('time'), 'api': bool(match.group('api')),
            'ip': match.group('ip1') or match.group('ip2'), 'text': match.group('text').strip(), 'line': text}


# -- API wrappers -------------------------------------------------------------------------------
def get_user(client):
    return normalize_user((client.call('User.Detail').get('info') or {}).get('user'))


def modify_user(client, changes):
    client.call('User.Modify', dict(changes))


def change_password(client, old_password, new_password):
    """Userpasswd.Modify, sent once: after a lost answer User.Log is read back (a second copy would
    answer "old password is wrong" once the first was carried out). Returns True when the answer
    came, or the log shows the change; raises DNSPodOutcomeUnknownError otherwise."""
    sent_at = time.monotonic()
    try:
        client.call(PASSWORD_ACTION, {'old_password': old_password, 'new_password': new_password})
    except DNSPodOutcomeUnknownError as exc:
        readback.settle(client, exc, lambda: (client.call('User.Log'), time.monotonic()),
                        lambda state: password_logged(state[0], state[1] - sent_at),
                        'whether the new password works (log in to the DNSPod console); if it does, the change '
                        'was made: take old_password/new_password out of the task')
    return True


def _server_time(answer):
    try:
        return datetime.datetime.strptime(to_str((answer.get('status') or {}).get('created_at')).strip(),
                                          '%Y-%m-%d %H:%M:%S')
    except ValueError:
        return None


PASSWORD_LOG_WORDS = ('修改密码', 'password')


def password_logged(answer, seconds_ago):
    """(done, shown) from a User.Log answer read ``seconds_ago`` after Userpasswd.Modify was sent:
    done when a password change is logged since then (times on the API's own clock: the answer's
    ``created_at``, minus the seconds elapsed and 2 s of rounding); None (cannot tell) otherwise,
    since the documents do not say that the log records password changes."""
    now = _server_time(answer)
    if now is None:
        return None, 'the User.Log answer gives no server time'
    since = (now - datetime.timedelta(seconds=seconds_ago + 2)).strftime('%Y-%m-%d %H:%M:%S')
    log = answer.get('log') or []
    for line in (log.values() if isinstance(log, dict) else log):
        entry = parse_log_line(line)
        if entry['time'] and entry['time'] >= since and any(w in entry['text'].lower() for w in PASSWORD_LOG_WORDS):
            return True, 'User.Log shows a password change at %s' % entry['time']
    return None, 'User.Log shows no password change since %s (Beijing time)' % since


def change_email(client, old_email, new_email, password):
    """Useremail.Modify, sent once: after a lost answer User.Detail is read back (a second copy
    would answer "old e-mail is wrong" once the first was carried out)."""
    try:
        client.call('Useremail.Modify', {'old_email': old_email, 'new_email': new_email, 'password': password})
    except DNSPodOutcomeUnknownError as exc:
        def verdict(user):
            shown = 'User.Detail shows the e-mail address %s' % user['email']
            if user['email'].lower() == new_email.lower():
                return True, shown
            return (False if user['email'].lower() == old_email.lower() else None), shown
        readback.settle(client, exc, lambda: get_user(client), verdict,
                        'the account\'s e-mail address (dnspod_account_info)')


def send_telephone_code(client, telephone):
    """Telephoneverify.Code -> {'verify_code', 'verify_desc'} (strings; the code is a secret).
    Sent once: a second copy sends a second text message, and no read shows the first."""
    try:
        user = client.call('Telephoneverify.Code', {'telephone': telephone}).get('user') or {}
    except DNSPodOutcomeUnknownError as exc:
        raise readback.unknown(exc, 'the phone %s for a text message with a verification code (each run sends '
                                    'another)' % telephone)
    return {'verify_code': to_str(user.get('verify_code')), 'verify_desc': to_str(user.get('verify_desc'))}


def user_log(client):
    log = client.call('User.Log').get('log') or []
    if isinstance(log, dict):
        log = list(log.values())
    return [to_str(line) for line in log]


def api_version(client):
    """Info.Version: the version is the status message (e.g. '4.6')."""
    answer = client.call('Info.Version')
    status = answer.get('status') or {}
    return to_str(status.get('message'))


def record_types(client, grade):
    types = client.call('Record.Type', {'domain_grade': grade}).get('types') or []
    return [to_str(t.get('name') if isinstance(t, dict) else t) for t in types]


def record_lines(client, grade, domain_id=None):
    """Record.Line -> (line names, {name: line id}) (the ids when the API gives them)."""
    params = {'domain_grade': grade}
    if domain_id is not None:
        params['domain_id'] = domain_id
    answer = client.call('Record.Line', params)
    lines = answer.get('lines') or []
    names = [to_str(line.get('name') if isinstance(line, dict) else line) for line in lines]
    ids = answer.get('line_ids') or {}
    if not isinstance(ids, dict):
        ids = {}
    return names, dict((to_str(k), to_str(v)) for k, v in ids.items())
