#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_domain
short_description: Add, configure or remove a domain in a DNSPod account
version_added: 0.2.0
description:
  - Makes sure a domain is in the DNSPod account (C(Domain.Create)) or not (C(Domain.Remove)).
  - Sets its status, remark, star, group and search-engine push, writing only the settings that differ.
  - With O(transfer_to), gives the domain to another DNSPod account (C(Domain.Transfer)).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Domain name, without C(www), for example C(example.com). Internationalised names are converted to punycode.
      - The numeric ID of a domain already in the account is accepted too, but a domain cannot be created from an ID.
    type: str
    required: true
    aliases: [name]
  state:
    description:
      - Whether the domain should be in the account.
    type: str
    default: present
    choices: [present, absent]
  status:
    description:
      - V(enabled) resolves the domain, V(disabled) pauses it (C(Domain.Status)).
      - Left as it is when not set.
    type: str
    choices: [enabled, disabled]
  remark:
    description:
      - Remark of the domain (C(Domain.Remark)). An empty string removes the remark.
      - Left as it is when not set.
    type: str
  is_mark:
    description:
      - Whether the domain is starred (C(Domain.Ismark)).
      - Left as it is when not set.
    type: bool
  group:
    description:
      - Group of the domain, by numeric ID or by name (C(Domain.Changegroup)).
      - Names are looked up with C(Domaingroup.List), which free accounts cannot call; give the ID there.
      - Left as it is when not set.
    type: str
  searchengine_push:
    description:
      - Whether DNSPod pushes the domain to search engines (C(Domain.Searchenginepush)).
      - Left as it is when not set.
    type: bool
  transfer_to:
    description:
      - E-mail of another DNSPod account to give the domain to (C(Domain.Transfer)). B(This gives the domain away),
        it leaves this account with its records, and only the other account can give it back.
      - Only acts when set, and only with O(state=present); it cannot be combined with the settings options
        (O(status), O(remark), O(is_mark), O(group), O(searchengine_push)).
      - The domain must be in this account. When it is not (for example on a second run after the transfer), nothing
        is sent, the task reports no change and warns that there was nothing to transfer; it never re-creates the domain.
      - When the domain's owner already is O(transfer_to), nothing is sent.
      - The API refuses a transfer to an unknown e-mail (code C(8)), to the account itself (C(9)) and between personal
        and enterprise accounts (C(10), C(11)).
    type: str
  force:
    description:
      - With O(state=absent), remove the domain even when it holds records besides the system NS records.
      - Without it, such a domain is not removed and the task fails, so that a typo cannot delete a zone.
    type: bool
    default: false
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Add a domain, starred, in a group
  dnspod.dnspod.dnspod_domain:
    domain: example.com
    is_mark: true
    group: "1"
    remark: managed by Ansible
    login_token: "{{ dnspod_token }}"

- name: Pause a domain
  dnspod.dnspod.dnspod_domain:
    domain: example.com
    status: disabled

- name: Remove an empty domain
  dnspod.dnspod.dnspod_domain:
    domain: old.example
    state: absent

- name: Give a domain to another DNSPod account (it leaves this account)
  dnspod.dnspod.dnspod_domain:
    domain: sold.example
    transfer_to: new-owner@example.net

- name: Remove a domain and all of its records
  dnspod.dnspod.dnspod_domain:
    domain: retired.example
    state: absent
    force: true
'''

RETURN = r'''
domain:
  description:
    - The domain after the task (in check mode, as it would be).
    - Empty when the domain is absent.
    - See M(dnspod.dnspod.dnspod_domain_info) for every field.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com", "status": "enabled", "remark": "", "is_mark": false,
           "group_id": "1", "searchengine_push": true, "grade": "DP_Free"}
changes:
  description:
    - The settings that were (or in check mode would be) written, as C(setting -> new value).
    - C(state) is in it when the domain was (or would be) created or removed, C(owner) when it was (or would be)
      transferred with O(transfer_to).
  returned: always
  type: dict
  sample: {"remark": "managed by Ansible"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import domain as domain_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True, aliases=['name']),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    status=dict(type='str', choices=['enabled', 'disabled']),
    remark=dict(type='str'),
    is_mark=dict(type='bool'),
    group=dict(type='str'),
    searchengine_push=dict(type='bool'),
    force=dict(type='bool', default=False),
    transfer_to=dict(type='str'),
)
RULES = dict(mutually_exclusive=[('transfer_to', option) for option in domain_util.SETTING_OPTIONS])


def converge(task):
    params = task.params
    email = domain_util.clean_transfer_to(params)
    name = domain_util.clean_domain(params['domain'])
    api = task.api
    if email is not None:
        current = api.domains.get_own(name)
        if current is None:
            task.warn('domain: %s is not in this account (transferred already?); there is nothing to transfer'
                      % params['domain'])
        changed, before = domain_util.transfer_result(current, email, task.check_mode, api)
        result = dict(changed=changed, domain=current if current and not changed else {},
                      changes={'owner': email} if changed else {})
        if task.diff:
            result['diff'] = domain_util.transfer_diff(before, changed, email)
        return result
    current = api.domains.get(name)
    if params['state'] == 'present':
        changes, after = domain_util.ensure_present(api, name, current, domain_util.wanted_settings(params, api),
                                                    task.check_mode)
    else:
        changes, after = domain_util.ensure_absent(api, current, params['force'], task.check_mode)
    result = dict(changed=bool(changes), domain=after, changes=changes)
    if task.diff:
        result['diff'] = dict(before=domain_util.diff_view(current), after=domain_util.diff_view(after))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
