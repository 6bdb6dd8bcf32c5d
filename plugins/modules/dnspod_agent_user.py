#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_agent_user
short_description: Create, verify or transfer a user under a DNSPod agent account
version_added: 0.2.0
description:
  - For agent accounts (the agent API). Makes sure a user is under the agent, creating it with
    C(User.Create) when no user has the e-mail yet, or hands a user over to another agent (C(User.Transfer)).
  - An existing user under the agent is never created again. The users are read with C(User.List) first, and
    C(User.Under) tells a missing e-mail from one that belongs to a user who is not under this agent.
  - The API cannot take an existing user under an agent, so a user of another agent, or without one, is reported
    as an error.
  - Marks the user's e-mail or mobile number as verified (C(Verify.Email), C(Verify.Telephone)) when the task
    asks for it and C(User.Detail) of the user shows it is not verified yet; those calls are reported as changes
    only when they were sent.
  - The calls act as the agent. Leave the connection option O(user_id) unset; the user's ID is sent where a call needs it.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  email:
    description:
      - E-mail of the user, its login name at DNSPod; it identifies the user (compared case-insensitively).
    type: str
    required: true
  state:
    description:
      - V(present) makes sure the user is under this agent, creating it if no user has the e-mail.
      - V(transferred) hands the user over to the agent O(agent_id) (C(User.Transfer)) if it is under this agent;
        a user that exists but is no longer under this agent counts as transferred.
    type: str
    default: present
    choices: [present, transferred]
  password:
    description:
      - Password of a new user, 6 to 18 characters. Needed only to create the user; an existing user's password
        is not changed.
    type: str
  user_type:
    description:
      - Type of a new user. Used only to create the user.
    type: str
    choices: [personal, enterprise]
    default: personal
  real_name:
    description:
      - Real name of a new user; the company name for an enterprise. Needed only to create the user.
    type: str
  id_card:
    description:
      - Organization code of a new enterprise user (for example C(12345678-9)). Needed only to create an enterprise user.
    type: str
  telephone:
    description:
      - Mainland China mobile number (11 digits). Needed to create the user and with O(verify_telephone=true).
    type: str
  im:
    description:
      - QQ number or MSN address of a new user. Used only to create the user.
    type: str
  ip_addr:
    description:
      - The user's own public IP address, which C(User.Create) requires. Needed only to create the user.
    type: str
  agent_id:
    description:
      - With O(state=transferred), the user ID of the agent that takes the user over.
    type: str
  verify_email:
    description:
      - Mark the user's e-mail as verified (C(Verify.Email)) if C(User.Detail) shows it is not.
    type: bool
    default: false
  verify_telephone:
    description:
      - Mark O(telephone) as the user's verified mobile number (C(Verify.Telephone)) unless C(User.Detail) already
        shows that number verified.
    type: bool
    default: false
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: A customer account under the agent, with a verified e-mail
  dnspod.dnspod.dnspod_agent_user:
    email: customer@example.com
    password: "{{ customer_password }}"
    real_name: Zhang San
    telephone: "13800138000"
    ip_addr: 203.0.113.7
    verify_email: true
    login_token: "{{ agent_token }}"

- name: Hand a customer over to another agent
  dnspod.dnspod.dnspod_agent_user:
    email: customer@example.com
    state: transferred
    agent_id: "600123"
'''

RETURN = r'''
user:
  description:
    - The user after the task (in check mode, as it would be); C(id) is empty for a user that would be created.
    - C(under_agent) is false after a transfer.
  returned: always
  type: dict
  sample: {"id": "480995", "email": "customer@example.com", "status": "enabled", "domains": 1, "points": 0,
           "under_agent": true}
actions:
  description: The writes sent (or in check mode that would be sent), in order.
  returned: always
  type: list
  elements: str
  sample: ["User.Create", "Verify.Email"]
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import agent
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    email=dict(type='str', required=True),
    state=dict(type='str', default='present', choices=['present', 'transferred']),
    password=dict(type='str', no_log=True),
    user_type=dict(type='str', default='personal', choices=['personal', 'enterprise']),
    real_name=dict(type='str'),
    id_card=dict(type='str'),
    telephone=dict(type='str'),
    im=dict(type='str'),
    ip_addr=dict(type='str'),
    agent_id=dict(type='str'),
    verify_email=dict(type='bool', default=False),
    verify_telephone=dict(type='bool', default=False),
)


def converge(task):
    agent.check_params(task.params)
    current = agent.find_user(task.api.agent.users(), task.params['email'])
    ensure = agent.ensure_present if task.params['state'] == 'present' else agent.ensure_transferred
    user, actions = ensure(task.api.agent, task.params, current, task.check_mode)
    after = agent.view(user, task.params['state'] == 'present')
    result = dict(changed=bool(actions), user=after, actions=actions)
    if task.diff:
        result['diff'] = dict(before=agent.view(current, True), after=dict(after, actions=actions) if actions else after)
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
