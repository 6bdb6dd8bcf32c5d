# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The users under an agent account: the checks and the plan of dnspod_agent_user (the calls are
in dnspod_api/agent.py; ``ensure_present`` and ``ensure_transferred`` send them through it)."""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.agent import ACTIONS
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_str

EMAIL = re.compile(r'^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$')
MOBILE = re.compile(r'^1[3-9][0-9]{9}$')            # a mainland China mobile number
ORG_CODE = re.compile(r'^[0-9A-Z]{8}-?[0-9X]$')       # organization code of an enterprise
QQ = re.compile(r'^[1-9][0-9]{4,10}$')
USER_TYPES = ('personal', 'enterprise')
# the options User.Create needs (and id_card for an enterprise)
CREATE_REQUIRED = ('password', 'real_name', 'telephone', 'ip_addr')


class AgentError(TaskError):
    """The task cannot be done as asked (the message names the option)."""


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


def check_params(params):
    """Fails the task with every error of ``check_user_options`` at once, before any call."""
    errors = check_user_options(params)
    if errors:
        raise AgentError('; '.join(errors))


def view(user, under):
    """The ``user`` result: the user and whether it is under the agent ({} for none)."""
    if not user:
        return {}
    return dict(user, under_agent=under)


def _listed_nowhere(email):
    return AgentError('email: User.Under says %s is under this agent, but User.List does not list it' % email)


def ensure_present(agent, params, current, check_mode):
    """Create the user (``current`` None) and verify what the task asks -> (user, actions).
    ``agent``: the API's Agent."""
    actions = []
    user = current
    email = params['email'].strip()
    if current is None:
        where = agent.where(email)
        if where == 'elsewhere':
            raise AgentError('email: %s belongs to a DNSPod user who is not under this agent; the API cannot '
                             'take an existing user over (User.Under answered code 8)' % params['email'])
        if where == 'under':
            raise _listed_nowhere(params['email'])
        missing = missing_for_create(params)
        if missing:
            raise AgentError('%s: required to create the user %s, which does not exist yet'
                             % (', '.join(missing), params['email']))
        actions.append(ACTIONS['create'])
        user = dict(id='', email=email.lower(), status='enabled', domains=0, points=0)
        if not check_mode:
            user['id'] = agent.create(params)
    detail = None
    if current is not None and (params['verify_email'] or params['verify_telephone']):
        detail = agent.detail(current['id'])
    elif current is None:
        detail = {'email_verified': False, 'telephone_verified': False, 'telephone': params.get('telephone') or ''}
    for kind in plan_verifications(params, detail):
        actions.append(ACTIONS[kind])
        if not check_mode:
            agent.verify(user['id'], kind, (params.get('telephone') or '').strip())
    return user, actions


def ensure_transferred(agent, params, current, check_mode):
    """Transfer the user to the agent ``agent_id`` -> (user, actions). A user no longer listed
    counts as transferred when User.Under says it exists elsewhere."""
    if current is None:
        where = agent.where(params['email'].strip())
        if where == 'absent':
            raise AgentError('email: no DNSPod user has the e-mail %s (User.Under answered code 7)' % params['email'])
        if where == 'under':
            raise _listed_nowhere(params['email'])
        return dict(email=params['email'].strip().lower()), []
    if not check_mode:
        agent.transfer(current['id'], params['agent_id'].strip())
    return current, [ACTIONS['transfer']]
