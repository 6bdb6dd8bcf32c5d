# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The account: User.Detail, User.Modify, Userpasswd.Modify, Useremail.Modify,
Telephoneverify.Code, User.Log, Info.Version. (Record.Type and Record.Line, which
dnspod_account_info also shows, are the records area's.)

Password endpoint: both documents give the address ``Userpasswd.Modify``; only the curl example of
004 says ``Userpassword.Modify``, a typo. ``PASSWORD_ACTION`` is the address.
"""

from __future__ import annotations

import datetime
import re
import time

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_bool, to_int, to_str

PASSWORD_ACTION = 'Userpasswd.Modify'
LOG_LINE = re.compile(r'^(?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?P<api>\(API\))?:\s*'
                      r'(?:\((?P<ip1>[0-9a-fA-F.:]+)\)|(?P<ip2>[0-9a-fA-F.:]+))?\s*(?P<text>.*)$')
PASSWORD_LOG_WORDS = ('修改密码', 'password')


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


def parse_log_line(line):
    """One User.Log line -> {'time', 'api', 'ip', 'text', 'line'} (fields None when not found)."""
    text = to_str(line)
    match = LOG_LINE.match(text.strip())
    if not match:
        return {'time': None, 'api': False, 'ip': None, 'text': text, 'line': text}
    return {'time': match.group('time'), 'api': bool(match.group('api')),
            'ip': match.group('ip1') or match.group('ip2'), 'text': match.group('text').strip(), 'line': text}


def _server_time(answer):
    try:
        return datetime.datetime.strptime(to_str((answer.get('status') or {}).get('created_at')).strip(),
                                          '%Y-%m-%d %H:%M:%S')
    except ValueError:
        return None


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


class Account:
    """The account the credentials log in to (or the user an agent acts for, with user_id)."""

    def __init__(self, client):
        self.client = client

    def user(self):
        """User.Detail -> normalize_user."""
        return normalize_user((self.client.call('User.Detail').get('info') or {}).get('user'))

    def modify(self, changes):
        """User.Modify with the profile fields to change."""
        self.client.call('User.Modify', dict(changes))

    def change_password(self, old_password, new_password):
        """Userpasswd.Modify, sent once: after a lost answer User.Log is read back (a second copy would
        answer "old password is wrong" once the first was carried out). Returns True when the answer
        came, or the log shows the change; raises DNSPodOutcomeUnknownError otherwise."""
        client = self.client
        sent_at = time.monotonic()
        try:
            client.call(PASSWORD_ACTION, {'old_password': old_password, 'new_password': new_password}, once=True)
        except DNSPodOutcomeUnknownError as exc:
            readback.settle(client, exc, lambda: (client.call('User.Log'), time.monotonic()),
                            lambda state: password_logged(state[0], state[1] - sent_at),
                            'whether the new password works (log in to the DNSPod console); if it does, the change '
                            'was made: take old_password/new_password out of the task')
        return True

    def change_email(self, old_email, new_email, password):
        """Useremail.Modify, sent once: after a lost answer User.Detail is read back (a second copy
        would answer "old e-mail is wrong" once the first was carried out)."""
        try:
            self.client.call('Useremail.Modify', {'old_email': old_email, 'new_email': new_email, 'password': password},
                             once=True)
        except DNSPodOutcomeUnknownError as exc:
            def verdict(user):
                shown = 'User.Detail shows the e-mail address %s' % user['email']
                if user['email'].lower() == new_email.lower():
                    return True, shown
                return (False if user['email'].lower() == old_email.lower() else None), shown
            readback.settle(self.client, exc, self.user, verdict, 'the account\'s e-mail address (dnspod_account_info)')

    def send_telephone_code(self, telephone):
        """Telephoneverify.Code -> {'verify_code', 'verify_desc'} (strings; the code is a secret).
        Sent once: a second copy sends a second text message, and no read shows the first."""
        try:
            user = self.client.call('Telephoneverify.Code', {'telephone': telephone}, once=True).get('user') or {}
        except DNSPodOutcomeUnknownError as exc:
            raise readback.unknown(exc, 'the phone %s for a text message with a verification code (each run sends '
                                        'another)' % telephone)
        return {'verify_code': to_str(user.get('verify_code')), 'verify_desc': to_str(user.get('verify_desc'))}

    def log(self):
        """User.Log: the lines, newest first, as the API writes them."""
        log = self.client.call('User.Log').get('log') or []
        if isinstance(log, dict):
            log = list(log.values())
        return [to_str(line) for line in log]

    def version(self):
        """Info.Version: the version is the status message (e.g. '4.6')."""
        return to_str((self.client.call('Info.Version').get('status') or {}).get('message'))
