#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_alias_info
short_description: List the alias domains of a DNSPod domain
version_added: 0.2.0
description:
  - Reads the alias domains bound to a domain with C(Domainalias.List).
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  domain:
    description:
      - Name or numeric ID of the domain.
    type: str
    required: true
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: The aliases of example.com
  dnspod.dnspod.dnspod_alias_info:
    domain: example.com
    login_token: "{{ dnspod_token }}"
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.aliases | map(attribute='name') | list }}"
'''

RETURN = r'''
aliases:
  description: The alias domains, in the order the API lists them.
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
# BEGIN shared domain_ref (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
domain:
  description: ID and name of the domain.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com"}
# END shared domain_ref
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(domain=dict(type='str', required=True))


def converge(task):
    found = task.resolve_domain(task.params['domain'])
    return dict(changed=False, aliases=task.api.aliases.list(found['id']), domain=dict(id=found['id'], name=found['name']))


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
