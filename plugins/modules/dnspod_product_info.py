#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_product_info
short_description: List the DNSPod products (paid grades) an agent can buy, with their terms and prices
version_added: 0.2.0
description:
  - For agent accounts (the agent API). Reads the products with C(Product.List).
  - The names are the O(dnspod.dnspod.dnspod_upgrade#module:grade) and O(dnspod.dnspod.dnspod_upgrade#module:term)
    values of M(dnspod.dnspod.dnspod_upgrade).
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  name:
    description:
      - Only return the product (grade) with this name, for example C(D_Plus).
    type: str
  type:
    description:
      - Only return the products for this type of user.
    type: str
    choices: [personal, enterprise]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Products for personal users
  dnspod.dnspod.dnspod_product_info:
    type: personal
    login_token: "{{ agent_token }}"
  register: products

- name: Price of one year of D_Plus
  ansible.builtin.debug:
    msg: "{{ (products.products | selectattr('name', 'equalto', 'D_Plus') | first).prices
             | selectattr('name', 'equalto', '1year') | map(attribute='value') | first }}"
'''

RETURN = r'''
products:
  description: The products.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the grade, the value of O(dnspod.dnspod.dnspod_upgrade#module:grade).
      type: str
    type:
      description: C(personal) or C(enterprise), the type of user the grade is for.
      type: str
    title:
      description: Title of the product.
      type: str
    content:
      description: Description of the product.
      type: str
    prices:
      description:
        - The terms, each with C(name) (the value of O(dnspod.dnspod.dnspod_upgrade#module:term)), C(title),
          C(value) (the price) and C(days) (the length of the term).
      type: list
      elements: dict
  sample: [{"name": "D_Plus", "type": "personal", "title": "VIP", "content": "",
            "prices": [{"name": "1year", "title": "1 year", "value": 698, "days": 365}]}]
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

OPTIONS = dict(
    name=dict(type='str'),
    type=dict(type='str', choices=['personal', 'enterprise']),
)


def converge(task):
    name, kind = task.params['name'], task.params['type']
    products = [p for p in task.api.products.list()
                if (name is None or p['name'] == name) and (kind is None or p['type'] == kind)]
    return dict(changed=False, products=products)


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
