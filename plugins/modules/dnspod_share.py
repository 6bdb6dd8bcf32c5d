#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_share
short_description: Share a DNSPod domain, or one of its sub-domains, with another account
version_added: 0.2.0
description:
  - Makes sure a domain is shared with the DNSPod account of an e-mail address (C(Domainshare.Create)),
    with the given mode and for the whole domain or for one sub-domain, or that it is not (C(Domainshare.Remove)).
  - A domain has at most one share per e-mail. A different mode or sub-domain is changed in place with
    C(Domainshare.Modify), never by removing and creating the share again.
  - Reads the shares with C(Domainshare.List) first and writes only when they differ from the task.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name or numeric ID of the domain to share.
    type: str
    required: true
  email:
    description:
      - E-mail of the DNSPod account the domain is shared with. It must be the e-mail of an existing account.
      - Compared case-insensitively with the shares the API lists.
    type: str
    required: true
    aliases: [share_to]
  mode:
    description:
      - V(r) lets the account read the domain, V(rw) read and change it.
      - When not set, an existing share keeps its mode and a new share gets V(r), the API's default.
    type: str
    choices: [r, rw]
  sub_domain:
    description:
      - Share only this sub-domain, for example V(www) or V(bbs.dev). A full name inside the domain
        (V(www.example.com)) is accepted too.
      - When not set (or V(@)), the whole domain is shared. An existing share of a sub-domain is then changed
        into a share of the whole domain.
      - With O(state=absent), the share is removed only when it is a share of exactly this part (V(@) the whole domain);
        when not set, the share of the e-mail is removed whatever it shares.
      - The documented C(Domainshare.List) answer does not say which part a share covers. Then the share is taken to
        cover the part the task names; only its mode is compared, and a mode change sends that part as the share's
        current one. If the share covers another part, the API refuses the change and the task fails saying so; a
        removal limited to a part fails before any write, because it cannot be checked.
    type: str
  state:
    description:
      - Whether the share should exist.
    type: str
    default: present
    choices: [present, absent]
notes:
  - The e-mail and the mode are checked before the first API call.
  - DNSPod limits the number of shares per domain by grade; going over it fails with the API's code V(10).
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Let a colleague manage example.com
  dnspod.dnspod.dnspod_share:
    domain: example.com
    email: colleague@example.org
    mode: rw
    login_token: "{{ dnspod_token }}"

- name: Share only the www sub-domain, read-only
  dnspod.dnspod.dnspod_share:
    domain: example.com
    email: auditor@example.org
    sub_domain: www
    mode: r

- name: Stop sharing with an account
  dnspod.dnspod.dnspod_share:
    domain: example.com
    email: former@example.org
    state: absent
'''

RETURN = r'''
share:
  description:
    - The share of the e-mail after the task (in check mode, as it would be).
    - Empty when there is no share.
  returned: always
  type: dict
  contains:
    email:
      description: E-mail of the account the domain is shared with, as the API lists it.
      type: str
      sample: colleague@example.org
    mode:
      description: V(r) (read) or V(rw) (read and write).
      type: str
      sample: rw
    sub_domain:
      description: The shared sub-domain, or null for a share of the whole domain.
      type: str
      sample: www
    status:
      description: Status of the share as the API gives it.
      type: str
      sample: enabled
    listed:
      description:
        - Whether C(Domainshare.List) showed the shared part. When false, O(sub_domain) is the part the task names,
          which the module could not check.
      type: bool
      sample: false
operation:
  description:
    - What was (or in check mode would be) done, V(create), V(modify) or V(remove); null when nothing changed.
  returned: always
  type: str
  sample: modify
request:
  description:
    - The parameters of the write that was (or would be) sent, without the credentials; empty when nothing changed.
  returned: always
  type: dict
  sample: {"email": "colleague@example.org", "mode": "rw", "old_sub_domain": "www"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils import share as shares

OPTIONS = dict(
    domain=dict(type='str', required=True),
    email=dict(type='str', required=True, aliases=['share_to']),
    mode=dict(type='str', choices=['r', 'rw']),
    sub_domain=dict(type='str'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
)


def converge(task):
    domain, domain_name, email, mode, sub_domain = shares.check_params(task.params)
    found = task.resolve_domain(domain)
    if domain_name is None and task.params['sub_domain'] is not None:
        # the domain was given by ID: a full name in sub_domain can be made relative now
        sub_domain = shares.check_sub_domain(task.params['sub_domain'], found['name'])
    current = shares.find_share(task.api.shares.list(found['id'])[1], email)
    operation = shares.plan_share(current, email, task.params['state'], mode=mode, sub_domain=sub_domain,
                                  match_sub_domain=task.params['sub_domain'] is not None)
    if operation is not None and not task.check_mode:
        shares.apply(task.api.shares, found['id'], operation)
    after = operation['after'] if operation else current
    result = dict(changed=operation is not None, share=after or {}, operation=operation['action'] if operation else None,
                  request=operation['params'] if operation else {})
    if task.diff:
        result['diff'] = dict(before=shares.diff_view(current), after=shares.diff_view(after))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
