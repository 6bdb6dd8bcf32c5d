#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_lock_info
short_description: Show whether a domain of a DNSPod account is locked
version_added: 0.2.0
description:
  - Reads the lock status of one domain with C(Domain.Lockstatus). The lock code is never shown (the API does not
    give it after C(Domain.Lock)).
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  domain:
    description:
      - Name or numeric ID of a domain in the account.
    type: str
    required: true
    aliases: [name]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Is the domain locked?
  dnspod.dnspod.dnspod_lock_info:
    domain: example.com
  register: lock

- name: Show the end of the lock
  ansible.builtin.debug:
    msg: "locked until {{ lock.lock.end_at }}"
  when: lock.lock.locked
'''

RETURN = r'''
lock:
  description: The lock status.
  returned: always
  type: dict
  contains:
    locked:
      description: Whether the domain is locked.
      type: bool
      sample: true
    start_at:
      description:
        - First day of the lock (Beijing time), null when not locked.
        - Null on Tencent Cloud API 3.0, whose reads show whether a domain is locked, not the lock's dates.
      type: str
      sample: "2026-11-25"
    end_at:
      description:
        - Last day of the lock (Beijing time), null when not locked.
        - Null on Tencent Cloud API 3.0, whose reads show whether a domain is locked, not the lock's dates (only the
          answer of a lock made with M(dnspod.dnspod.dnspod_lock) gives the end date).
      type: str
      sample: "2026-12-02"
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

OPTIONS = dict(domain=dict(type='str', required=True, aliases=['name']))


def converge(task):
    domain = task.resolve_domain(task.params['domain'])
    return dict(changed=False, lock=task.api.locks.status(domain['id']), domain=dict(id=domain['id'], name=domain['name']))


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
