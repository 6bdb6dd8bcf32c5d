#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_group_info
short_description: List the domain groups of a DNSPod account
version_added: 0.2.0
description:
  - Reads the domain groups with C(Domaingroup.List), the eight system groups and the account's custom groups.
  - The DNSPod API refuses this call for free accounts (code C(-7)); the module then fails with that code.
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  name:
    description:
      - Only the group with this exact name (blanks at both ends ignored).
    type: str
  group_type:
    description:
      - Which groups to list.
    type: str
    default: all
    choices: [all, system, custom]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: All groups
  dnspod.dnspod.dnspod_group_info:
    login_token: "{{ dnspod_token }}"
  register: groups

- name: The custom groups only
  dnspod.dnspod.dnspod_group_info:
    group_type: custom
  register: custom
'''

RETURN = r'''
groups:
  description: The groups, in the order the API lists them.
  returned: always
  type: list
  elements: dict
  contains:
    group_id:
      description: ID of the group.
      type: str
      sample: "1"
    group_name:
      description: Name of the group.
      type: str
      sample: 默认分组
    group_type:
      description: C(system) for the built-in groups, C(custom) for the account's own.
      type: str
      sample: system
    size:
      description: Number of domains in the group.
      type: int
      sample: 1
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import group as groups_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    name=dict(type='str'),
    group_type=dict(type='str', default='all', choices=['all', 'system', 'custom']),
)


def converge(task):
    name = groups_util.clean_name(task.params['name'])
    groups = groups_util.shown(task.api.groups.list(), task.params['group_type'], name)
    return dict(changed=False, groups=groups)


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
