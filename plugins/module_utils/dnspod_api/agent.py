# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The agent API (document 001): User.List, User.Under, User.Create, User.Transfer, User.Detail,
Verify.Email, Verify.Telephone.

The calls act as the agent; ``User.Detail`` with ``user_id`` reads one user's verification flags
(the agent acts for that user). A user is ``{id, email, status, domains, points}`` (``email`` in
lower case). User.Create, User.Transfer and the Verify calls are sent once
(client.SEND_ONCE_ACTIONS); after a lost answer the state is read back instead.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str

# What a task did, as dnspod_agent_user's ``actions`` result names it.
ACTIONS = {'create': 'User.Create', 'transfer': 'User.Transfer', 'email': 'Verify.Email',
           'telephone': 'Verify.Telephone'}
NO_USERS_CODE = '8'                                     # User.List: the agent has no user
UNDER_CODES = {'7': 'absent', '8': 'elsewhere'}         # User.Under: no such user / not under this agent


def normalize_user(raw):
    raw = raw or {}
    return {
        'id': to_str(raw.get('id')),
        'email': to_str(raw.get('email')).strip().lower(),
        'status': to_str(raw.get('status')),
        'domains': to_int(raw.get('domains'), 0),
        'points': to_int(raw.get('points'), 0),
    }


def _with_email(users, email):
    wanted = to_str(email).strip().lower()
    return next((user for user in users if user['email'] == wanted), None)


class Agent:
    """The users under the agent account the client logs in as."""

    def __init__(self, client):
        self.client = client

    def users(self):
        """Every user under the agent (User.List, all pages); [] when it has none (code 8)."""
        def total_of(info):
            return to_int(info.get('user_total'), None)
        try:
            raw = self.client.paged('User.List', {}, 'users', total_of)
        except DNSPodAPIError as exc:
            if exc.code == NO_USERS_CODE:
                return []
            raise
        return [normalize_user(item) for item in raw]

    def where(self, email):
        """User.Under: 'under' (the user is under this agent), 'absent' (no such user, code 7) or
        'elsewhere' (the user exists but is not under this agent, code 8)."""
        try:
            self.client.call('User.Under', {'user_email': email})
        except DNSPodAPIError as exc:
            if exc.code in UNDER_CODES:
                return UNDER_CODES[exc.code]
            raise
        return 'under'

    def detail(self, user_id):
        """User.Detail of a user the agent acts for -> verification flags and telephone."""
        answer = self.client.call('User.Detail', {'user_id': str(user_id)})
        raw = (answer.get('info') or {}).get('user') or {}
        return {
            'email_verified': to_str(raw.get('email_verified')).lower() == 'yes',
            'telephone_verified': to_str(raw.get('telephone_verified')).lower() == 'yes',
            'telephone': to_str(raw.get('telephone')),
        }

    def create(self, options):
        """User.Create from dnspod_agent_user's options -> the new user's ID (str)."""
        form = {
            'email': options['email'].strip(),
            'password': options['password'],
            'user_type': options.get('user_type') or 'personal',
            'real_name': options['real_name'].strip(),
            'id_card': options.get('id_card'),
            'telephone': options['telephone'].strip(),
            'im': options.get('im'),
            'ip_addr': options['ip_addr'].strip(),
        }
        try:
            answer = self.client.call('User.Create', form)
        except DNSPodOutcomeUnknownError as exc:
            # sent once: a second copy would answer "e-mail taken" for the user the first one created
            def verdict(users):
                found = _with_email(users, form['email'])
                return found is not None, 'User.List %s %s' % ('lists' if found else 'does not list', form['email'])
            return _with_email(readback.settle(self.client, exc, self.users, verdict,
                                               'User.List (dnspod_agent_user_info)'), form['email'])['id']
        return to_str((answer.get('user') or {}).get('id'))

    def transfer(self, user_id, agent_id):
        """User.Transfer, sent once: after a lost answer, User.List shows whether the user left."""
        try:
            self.client.call('User.Transfer', {'user_id': str(user_id), 'agent_id': str(agent_id)})
        except DNSPodOutcomeUnknownError as exc:
            def verdict(users):
                here = any(user['id'] == str(user_id) for user in users)
                return not here, 'User.List %s the user %s' % ('still lists' if here else 'no longer lists', user_id)
            readback.settle(self.client, exc, self.users, verdict, 'User.List (dnspod_agent_user_info)')

    def verify(self, user_id, kind, telephone=None):
        """Verify.Email (``kind`` email) or Verify.Telephone for a user under the agent; sent once,
        read back with User.Detail after a lost answer."""
        action = ACTIONS[kind]
        try:
            if kind == 'email':
                self.client.call(action, {'user_id': str(user_id)})
            else:
                self.client.call(action, {'user_id': str(user_id), 'telephone': telephone})
        except DNSPodOutcomeUnknownError as exc:
            def verdict(detail):
                done = detail['%s_verified' % kind] and (kind == 'email' or detail['telephone'] == telephone)
                return done, 'User.Detail shows the %s %s' % (kind, 'verified' if done else 'not verified')
            readback.settle(self.client, exc, lambda: self.detail(user_id), verdict, 'User.Detail of the user')
