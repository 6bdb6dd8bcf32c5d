# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Agent API (document 001): the users under an agent account.

The calls (``User.List``, ``User.Under``, ``User.Create``, ``User.Transfer``, ``Verify.Email``,
``Verify.Telephone``) act as the agent. ``User.Detail`` with ``user_id`` reads one user's
verification flags (the agent acts for that user). Pure checks and the plan of a task are here
too, so that they are unit-tested without an API."""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str

EMAIL = re.compile(r'^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$')
MOBILE = re.compile(r'^1[3-9][0-9]{9}$')            # a mainland China mobile number
ORG_CODE = re.compile(r'^[0-9A-Z]{8}-?[0-9X]$')       # organization code of an enterprise
QQ = re.compile(r'^[1-9][0-9]{4,10}$')
USER_TYPES = ('personal', 'enterprise')
# the options User.Create needs (and id_card for an enterprise)
CREATE_REQUIRED = ('password', 'real_name', 'telephone', 'ip_addr')


# ---- pure checks and plans ------------------------------------------------------------------

def is_public_ip(value):
    """Whether ``value`` is an IP address the API may accept as "the user's real address"."""
    try:
        addr = ipaddress.ip_address(str(value or '').strip())
    except ValueError:
        return False
    return not (addr.is_loopback or addr.is_unspecified or addr.is_multicast or addr.is_link_local
                or addr.is_reserved)


def check_user_options(params):
    """Errors (``option: problem``) in the options of dnspod_agent_user, before any call.

    Only the options that are set are checked here; which ones a creation needs is
    ``missing_for_create``."""
    errors = []
    email = to_str(params.get('email')).strip()
    if not EMAIL.match(email) or len(email) > 100:
        errors.append('email: %r is not an e-mail address' % email)
    password = params.get('password')
    if password is not None and not 6 <= len(password) <= 18:
        errors.append('password: must be 6 to 18 characters long (the API refuses others with code 8)')
    real_name = params.get('real_name')
    if real_name is not None and not 0 < len(real_name.strip()) <= 64:
        errors.append('real_name: must be 1 to 64 characters long')
    id_card = params.get('id_card')
    if id_card is not None and not ORG_CODE.match(id_card.strip()):
        errors.append('id_card: %r is not an organization code (8 digits or capitals, then a check '
                      'character, for example 12345678-9)' % id_card)
    telephone = params.get('telephone')
    if telephone is not None and not MOBILE.match(telephone.strip()):
        errors.append('telephone: %r is not a mainland China mobile number (11 digits starting with 1)'
                      % telephone)
    im = params.get('im')
    if im is not None and im.strip() and not (QQ.match(im.strip()) or EMAIL.match(im.strip())):
        errors.append('im: %r is neither a QQ number nor an MSN address' % im)
    ip_addr = params.get('ip_addr')
    if ip_addr is not None and not is_public_ip(ip_addr):
        errors.append('ip_addr: %r is not a public IP address' % ip_addr)
    agent_id = params.get('agent_id')
    if agent_id is not None and not str(agent_id).strip().isdigit():
        errors.append('agent_id: %r is not a numeric user ID' % agent_id)
    if params.get('state') == 'transferred' and agent_id is None:
        errors.append('agent_id: required with state=transferred')
    if params.get('verify_telephone') and telephone is None:
        errors.append('telephone: required with verify_telephone=true')
    return errors


def missing_for_create(params):
    """The options a User.Create needs that the task did not set."""
    missing = [name for name in CREATE_REQUIRED if params.get(name) in (None, '')]
    if (params.get('user_type') or 'personal') == 'enterprise' and not params.get('id_card'):
        missing.append('id_card')
    return missing


def find_user(users, email):
    """The user of a User.List listing with this e-mail (case-insensitive), or None."""
    wanted = to_str(email).strip().lower()
    for user in users:
        if to_str(user.get('email')).strip().lower() == wanted:
            return user
    return None


def plan_verifications(params, detail):
    """Which of ``email``/``telephone`` must be verified: asked for and not verified yet.

    ``detail`` is the user's canonical detail (``user_detail``) or None for a user that does not
    exist yet (everything asked for is needed). A telephone counts as verified only when it is
    the number the task names."""
    needed = []
    if params.get('verify_email') and not (detail and detail.get('email_verified')):
        needed.append('email')
    if params.get('verify_telephone'):
        same_number = detail and to_str(detail.get('telephone')).strip() == to_str(params.get('telephone')).strip()
        if not (same_number and detail.get('telephone_verified')):
            needed.append('telephone')
    return needed


# ---- API wrappers --------------------------------------------------------------------------

def normalize_user(raw):
    raw = raw or {}
    return {
        'id': to_str(raw.get('id')),
        'email': to_str(raw.get('email')).strip().lower(),
        'status': to_str(raw.get('status')),
        'domains': to_int(raw.get('domains'), 0),
        'points': to_int(raw.get('points'), 0),
    }


def list_users(client):
    """Every user under the agent (User.List, all pages); [] when it has none (code 8)."""
    def total_of(info):
        return to_int(info.get('user_total'), None)
    try:
        raw = client.paged('User.List', {}, 'users', total_of)
    except DNSPodAPIError as exc:
        if exc.code == '8':
            return []
        raise
    return [normalize_user(item) for item in raw]


def user_under(client, email):
    """User.Under: 'under' (the user is under this agent), 'absent' (no such user, code 7) or
    'elsewhere' (the user exists but is not under this agent, code 8)."""
    try:
        client.call('User.Under', {'user_email': email})
    except DNSPodAPIError as exc:
        if exc.code == '7':
            return 'absent'
        if exc.code == '8':
            return 'elsewhere'
        raise
    return 'under'


def user_detail(client, user_id):
    """User.Detail of a user the agent acts for -> verification flags and telephone."""
    answer = client.call('User.Detail', {'user_id': str(user_id)})
    raw = (answer.get('info') or {}).get('user') or {}
    return {
        'email_verified': to_str(raw.get('email_verified')).lower() == 'yes',
        'telephone_verified': to_str(raw.get('telephone_verified')).lower() == 'yes',
        'telephone': to_str(raw.get('telephone')),
    }


def create_user(client, params):
    """User.Create -> the new user's ID (str)."""
    form = {
        'email': params['email'].strip(),
        'password': params['password'],
        'user_type': params.get('user_type') or 'personal',
        'real_name': params['real_name'].strip(),
        'id_card': params.get('id_card'),
        'telephone': params['telephone'].strip(),
        'im': params.get('im'),
        'ip_addr': params['ip_addr'].strip(),
    }
    try:
        answer = client.call('User.Create', form)
    except DNSPodOutcomeUnknownError as exc:
        # sent once: a second copy would answer "e-mail taken" for the user the first one created
        def verdict(users):
            found = find_user(users, form['email'])
            return found is not None, 'User.List %s %s' % ('lists' if found else 'does not list', form['email'])
        return find_user(readback.settle(client, exc, lambda: list_users(client), verdict,
                                         'User.List (dnspod_agent_user_info)'), form['email'])['id']
    return to_str((answer.get('user') or {}).get('id'))


def transfer_user(client, user_id, agent_id):
    """User.Transfer, sent once: after a lost answer, User.List shows whether the user left."""
    try:
        client.call('User.Transfer', {'user_id': str(user_id), 'agent_id': str(agent_id)})
    except DNSPodOutcomeUnknownError as exc:
        def verdict(users):
            here = any(user['id'] == str(user_id) for user in users)
            return not here, 'User.List %s the user %s' % ('still lists' if here else 'no longer lists', user_id)
        readback.settle(client, exc, lambda: list_users(client), verdict, 'User.List (dnspod_agent_user_info)')


def verify(client, user_id, kind, telephone=None):
    """Verify.Email or Verify.Telephone for a user under the agent; sent once, read back with
    User.Detail after a lost answer."""
    action = 'Verify.Email' if kind == 'email' else 'Verify.Telephone'
    try:
        if kind == 'email':
            client.call(action, {'user_id': str(user_id)})
        else:
            client.call(action, {'user_id': str(user_id), 'telephone': telephone})
    except DNSPodOutcomeUnknownError as exc:
        def verdict(detail):
            done = detail['%s_verified' % kind] and (kind == 'email' or detail['telephone'] == telephone)
            return done, 'User.Detail shows the %s %s' % (kind, 'verified' if done else 'not verified')
        readback.settle(client, exc, lambda: user_detail(client, user_id), verdict, 'User.Detail of the user')
