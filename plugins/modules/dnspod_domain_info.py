#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_domain_info
short_description: List the domains of a DNSPod account, or show one
version_added: 0.2.0
description:
  - Reads the domains of a DNSPod account with C(Domain.List), every page of it, or one domain with C(Domain.Info).
  - With O(domain), can also read the domain's operation log (C(Domain.Log)) and its permissions, the limits of
    its grade (C(Domain.Purview)).
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  domain:
    description:
      - Name or numeric ID of one domain to show.
      - When set, O(type) and O(group) are ignored and RV(domains) holds at most this domain.
    type: str
  type:
    description:
      - Which domains to list (the C(type) filter of C(Domain.List)).
    type: str
    default: all
    choices: [all, mine, share, ismark, pause, vip, recent, share_out]
  group:
    description:
      - Only list the domains of this group, given by numeric group ID.
    type: str
  fail_on_missing:
    description:
      - With O(domain), fail when the domain is not in the account instead of returning an empty list.
    type: bool
    default: false
  include_log:
    description:
      - With O(domain), also return the domain's operation log (C(Domain.Log)) as RV(log).
    type: bool
    default: false
  include_purview:
    description:
      - With O(domain), also return the domain's permissions (C(Domain.Purview)) as RV(purview).
      - The document asks clients to keep this list rather than ask for it on every run.
    type: bool
    default: false
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: List every domain of the account
  dnspod.dnspod.dnspod_domain_info:
    login_token: "{{ dnspod_token }}"
  register: all_domains

- name: Show one domain
  dnspod.dnspod.dnspod_domain_info:
    domain: example.com
  register: one

- name: One domain with its log and its permissions
  dnspod.dnspod.dnspod_domain_info:
    domain: example.com
    include_log: true
    include_purview: true
  register: detail

- name: Paused domains only
  dnspod.dnspod.dnspod_domain_info:
    type: pause
  register: paused
'''

RETURN = r'''
domains:
  description: The domains, in the order the API lists them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Domain ID.
      type: str
      sample: "2059079"
    name:
      description: Domain name, in punycode for internationalised names.
      type: str
      sample: example.com
    punycode:
      description: Punycode form of the name.
      type: str
      sample: example.com
    grade:
      description: Service grade of the domain.
      type: str
      sample: DP_Free
    grade_title:
      description: Human-readable grade.
      type: str
      sample: Free
    status:
      description: V(enabled) or V(disabled) (paused).
      type: str
      sample: enabled
    ext_status:
      description: Extra status, such as C(dnserror) when the registrar does not delegate to DNSPod.
      type: str
      sample: dnserror
    records:
      description: Number of records, the system NS records included.
      type: int
      sample: 2
    group_id:
      description: ID of the group of the domain.
      type: str
      sample: "1"
    is_mark:
      description: Whether the domain is starred.
      type: bool
      sample: false
    remark:
      description: Remark of the domain.
      type: str
      sample: ""
    is_vip:
      description: Whether the domain has a paid grade.
      type: bool
      sample: false
    searchengine_push:
      description: Whether search-engine push is on.
      type: bool
      sample: true
    ttl:
      description: Default TTL of the domain.
      type: int
      sample: 600
    owner:
      description: E-mail of the owner.
      type: str
      sample: api@example.com
    created_on:
      description: Creation time (Beijing time).
      type: str
      sample: "2026-11-25 10:00:00"
    updated_on:
      description: Last change (Beijing time).
      type: str
      sample: "2026-11-25 10:00:00"
log:
  description:
    - The operation log of the domain, newest first, as the API gives it (Beijing time; C((API)) marks API changes).
    - Empty when the domain is not in the account.
  returned: when O(include_log) is true
  type: list
  elements: str
  sample: ["2012-09-12 12:06:33(API): (111.111.111.111) 暂停 域名解析"]
purview:
  description:
    - The permissions (limits of the grade) of the domain, in the order the API gives them.
    - Empty when the domain is not in the account.
  returned: when O(include_purview) is true
  type: list
  elements: dict
  contains:
    name:
      description: What is limited, in Chinese as the API names it (for example C(域名锁定天数), the lock days limit).
      type: str
      sample: 记录TTL最低
    value:
      description: The limit, a number or C(yes)/C(no).
      type: raw
      sample: 600
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import domain as domain_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str'),
    type=dict(type='str', default='all', choices=['all', 'mine', 'share', 'ismark', 'pause', 'vip', 'recent', 'share_out']),
    group=dict(type='str'),
    fail_on_missing=dict(type='bool', default=False),
    include_log=dict(type='bool', default=False),
    include_purview=dict(type='bool', default=False),
)


def converge(task):
    params = task.params
    domain = domain_util.clean_info_params(params)
    domains = task.api.domains
    if domain is None:
        return dict(changed=False, domains=domains.list(type=params['type'], group_id=params['group']))
    found = domains.get(domain)
    if found is None and params['fail_on_missing']:
        task.fail('domain: %s is not in this DNSPod account' % domain)
    result = dict(changed=False, domains=[found] if found else [])
    if params['include_log']:
        result['log'] = domains.log(found['id']) if found else []
    if params['include_purview']:
        result['purview'] = domains.purview(found['id']) if found else []
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
