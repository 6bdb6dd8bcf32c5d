#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_alias
short_description: Bind alias domains to a DNSPod domain, or unbind them
version_added: 0.2.0
description:
  - Makes sure the listed alias domains are bound to a domain (C(Domainalias.Create)) or not (C(Domainalias.Remove)).
    An alias domain answers with the records of the domain it is bound to.
  - Reads the aliases with C(Domainalias.List) first and writes only the aliases that differ.
  - Aliases that are not listed are kept, unless O(purge=true).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name or numeric ID of the domain the aliases are bound to.
    type: str
    required: true
  aliases:
    description:
      - Alias domain names, without C(www.), for example V(example.net).
      - Internationalised names are converted to punycode; names are compared case-insensitively.
      - Every name is checked before the first API call.
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) binds the listed aliases that are missing; V(absent) removes the listed aliases that are bound.
    type: str
    default: present
    choices: [present, absent]
  purge:
    description:
      - With O(state=present), also remove every alias of the domain that is not in O(aliases).
      - O(aliases=[]) with O(purge=true) removes all aliases of the domain only with O(allow_empty=true); without it
        that fails before any API call (a variable that rendered empty looks the same).
      - Not allowed with O(state=absent).
    type: bool
    default: false
  allow_empty:
    description:
      - With O(purge=true) and O(aliases=[]), remove every alias of the domain.
    type: bool
    default: false
notes:
  - C(Domainalias.Create) identifies the domain by ID only, so a domain given by name is looked up with C(Domain.Info) first.
  - DNSPod limits the number of aliases per domain by grade; going over it fails with the API's code V(10).
    Removals are sent before creations, so that O(purge) frees places first.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Bind two alias domains
  dnspod.dnspod.dnspod_alias:
    domain: example.com
    aliases:
      - example.net
      - bücher.example
    login_token: "{{ dnspod_token }}"

- name: Exactly these aliases, removing any other
  dnspod.dnspod.dnspod_alias:
    domain: example.com
    aliases: [example.net]
    purge: true

- name: Unbind an alias
  dnspod.dnspod.dnspod_alias:
    domain: example.com
    aliases: [example.org]
    state: absent
'''

RETURN = r'''
aliases:
  description:
    - The aliases of the domain after the task (in check mode, as they would be; a new alias then has no ID).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: ID of the alias binding.
      type: str
      sample: "18737"
    name:
      description: Alias domain name, in punycode.
      type: str
      sample: example.net
created:
  description: Names of the aliases that were (or would be) bound.
  returned: always
  type: list
  elements: str
  sample: ["example.net"]
removed:
  description: Names of the aliases that were (or would be) removed.
  returned: always
  type: list
  elements: str
  sample: []
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import alias as alias_utils
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True),
    aliases=dict(type='list', elements='str', required=True),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    purge=dict(type='bool', default=False),
    allow_empty=dict(type='bool', default=False),
)


def converge(task):
    domain, _name, desired = alias_utils.check_params(task.params)
    found = task.resolve_domain(domain)
    alias_utils.check_not_itself(found, desired)
    current = task.api.aliases.list(found['id'])
    operations = alias_utils.plan_aliases(current, desired, task.params['state'], task.params['purge'])
    if operations and not task.check_mode:
        alias_utils.apply(task.api.aliases, found['id'], operations)
    after = alias_utils.predict_after(current, operations)
    result = dict(changed=bool(operations), aliases=after, created=alias_utils.done_names(operations, 'create'),
                  removed=alias_utils.done_names(operations, 'remove'))
    if task.diff:
        result['diff'] = alias_utils.diff(current, after)
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
