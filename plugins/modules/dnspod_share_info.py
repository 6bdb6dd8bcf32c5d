#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_share_info
short_description: List the shares of a DNSPod domain
version_added: 0.2.0
description:
  - Reads the shares of a domain with C(Domainshare.List), optionally only the share of one e-mail.
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
  email:
    description:
      - Only return the share of this e-mail (compared case-insensitively).
    type: str
    aliases: [share_to]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Who can see example.com
  dnspod.dnspod.dnspod_share_info:
    domain: example.com
    login_token: "{{ dnspod_token }}"
  register: result

- name: Is example.com shared with this account
  dnspod.dnspod.dnspod_share_info:
    domain: example.com
    email: colleague@example.org
  register: one
'''

RETURN = r'''
shares:
  description: The shares of the domain, in the order the API lists them.
  returned: always
  type: list
  elements: dict
  contains:
    email:
      description: E-mail of the account the domain is shared with.
      type: str
      sample: colleague@example.org
    mode:
      description: V(r) (read) or V(rw) (read and write).
      type: str
      sample: rw
    sub_domain:
      description:
        - The shared sub-domain, or null for a share of the whole domain.
        - Null as well when RV(shares[].listed) is false, because the API did not say.
      type: str
      sample: www
    status:
      description: Status of the share as the API gives it.
      type: str
      sample: enabled
    listed:
      description:
        - Whether C(Domainshare.List) showed which part the share covers. Its documented answer does not.
      type: bool
      sample: false
owner:
  description: E-mail of the owner of the domain.
  returned: always
  type: str
  sample: api@example.com
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
from ansible_collections.dnspod.dnspod.plugins.module_utils import share as shares

OPTIONS = dict(
    domain=dict(type='str', required=True),
    email=dict(type='str', aliases=['share_to']),
)


def converge(task):
    domain, _name, email = shares.check_info_params(task.params)
    found = task.resolve_domain(domain)
    owner, items = task.api.shares.list(found['id'])
    if email is not None:
        items = [one for one in [shares.find_share(items, email)] if one]
    return dict(changed=False, shares=items, owner=owner or found.get('owner', ''),
                domain=dict(id=found['id'], name=found['name']))


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
