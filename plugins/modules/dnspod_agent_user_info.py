#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_agent_user_info
short_description: List the users under a DNSPod agent account
version_added: 0.2.0
description:
  - For agent accounts (the agent API). Reads the users under the agent with C(User.List), every page of it.
  - With O(email), returns only that user, if it is under the agent.
  - Never changes anything. Leave the connection option O(user_id) unset, the listing is the agent's.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  email:
    description:
      - Only return the user with this e-mail (compared case-insensitively).
    type: str
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: The agent's users
  dnspod.dnspod.dnspod_agent_user_info:
    login_token: "{{ agent_token }}"
  register: agent_users

- name: The ID of one user, to act for it with user_id
  dnspod.dnspod.dnspod_agent_user_info:
    email: customer@example.com
  register: customer
'''

RETURN = r'''
users:
  description: The users under the agent (with O(email), at most that one).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: User ID, the value of O(user_id) to act for this user.
      type: str
    email:
      description: E-mail (login name), in lower case.
      type: str
    status:
      description: Status of the user, for example C(enabled).
      type: str
    domains:
      description: Number of domains of the user.
      type: int
    points:
      description: Points of the user.
      type: int
  sample: [{"id": "480995", "email": "customer@example.com", "status": "enabled", "domains": 1, "points": 0}]
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import agent
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(email=dict(type='str'))


def converge(task):
    users = task.api.agent.users()
    if task.params['email'] is not None:
        users = [user for user in [agent.find_user(users, task.params['email'])] if user]
    return dict(changed=False, users=users)


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
