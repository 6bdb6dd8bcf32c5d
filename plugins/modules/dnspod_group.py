#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_group
short_description: Create, rename or remove a custom domain group of a DNSPod account
version_added: 0.2.0
description:
  - Makes sure a custom domain group exists (C(Domaingroup.Create)), has a name (C(Domaingroup.Modify)) or is gone
    (C(Domaingroup.Remove)). The groups are read first with C(Domaingroup.List); nothing is written when they are
    already as asked.
  - The eight system groups (C(默认分组), C(经常修改) ... C(与我共享), IDs 1 to 8) can be named in a task that
    changes nothing, but they are never renamed or removed; such a task fails.
  - The DNSPod API refuses every C(Domaingroup) call of a free account (code C(-7)); the module then fails with that
    code and says that groups need a paid grade.
  - Put domains in a group with the O(dnspod.dnspod.dnspod_domain#module:group) option of M(dnspod.dnspod.dnspod_domain).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  name:
    description:
      - Name of the group. Names are compared exactly, after removing blanks at both ends.
      - Required with O(state=present). With O(state=absent), the group to remove, unless O(group_id) is given.
    type: str
    aliases: [group_name]
  group_id:
    description:
      - Numeric ID of an existing group.
      - With O(state=present), the group to rename to O(name).
      - With O(state=absent), the group to remove; if O(name) is given too it must be that group's name.
    type: str
  old_name:
    description:
      - With O(state=present), the current name of a group to rename to O(name).
      - When no group has this name but a group named O(name) exists, the group counts as already renamed.
    type: str
  state:
    description:
      - Whether the group should exist.
      - Removing a group moves its domains to the default group C(默认分组); the domains are not removed.
    type: str
    default: present
    choices: [present, absent]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: A group for the web domains
  dnspod.dnspod.dnspod_group:
    name: web
    login_token: "{{ dnspod_token }}"

- name: Rename it
  dnspod.dnspod.dnspod_group:
    old_name: web
    name: websites

- name: Rename a group by ID
  dnspod.dnspod.dnspod_group:
    group_id: "1985"
    name: customers

- name: Remove a group (its domains go back to the default group)
  dnspod.dnspod.dnspod_group:
    name: websites
    state: absent
'''

RETURN = r'''
group:
  description:
    - The group after the task (in check mode, as it would be); empty when it is absent.
    - C(group_id) is null for a group that check mode would create.
  returned: always
  type: dict
  contains:
    group_id:
      description: ID of the group.
      type: str
      sample: "1985"
    group_name:
      description: Name of the group.
      type: str
      sample: web
    group_type:
      description: C(custom) for the account's own groups, C(system) for the built-in ones.
      type: str
      sample: custom
    size:
      description: Number of domains in the group.
      type: int
      sample: 0
changes:
  description:
    - What was (or in check mode would be) written, as C(setting -> new value).
    - C(state) when the group was created or removed, C(group_name) when it was renamed.
  returned: always
  type: dict
  sample: {"group_name": "websites"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import group as groups_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    name=dict(type='str', aliases=['group_name']),
    group_id=dict(type='str'),
    old_name=dict(type='str'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)
RULES = dict(mutually_exclusive=[('group_id', 'old_name')], required_if=[('state', 'present', ('name',))],
             required_one_of=[('name', 'group_id')])


def converge(task):
    name, group_id, old_name = groups_util.clean_params(task.params)
    groups = task.api.groups
    action, found = groups_util.plan(groups.list(), task.params['state'], name=name, group_id=group_id,
                                     old_name=old_name)
    before = after = groups_util.view(found)
    changes = {}
    if action == 'create':
        changes, after = {'state': 'present'}, groups_util.new_group(name)
        if not task.check_mode:
            new_id = groups.create(name)
            after = groups_util.view(groups_util.find_by_id(groups.list(), new_id) or groups_util.new_group(name, new_id))
    elif action == 'rename':
        changes, after = {'group_name': name}, groups_util.renamed(found, name)
        if not task.check_mode:
            groups.rename(found['group_id'], name)
    elif action == 'remove':
        changes, after = {'state': 'absent'}, {}
        if not task.check_mode:
            groups.remove(found['group_id'])
    result = dict(changed=action is not None, group=after, changes=changes)
    if task.diff:
        result['diff'] = dict(before=before, after=after)
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
