#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_lock
short_description: Lock or unlock a domain of a DNSPod account
version_added: 0.2.0
description:
  - Locks a domain for a number of days (C(Domain.Lock)) or unlocks it with its lock code (C(Domain.Unlock)).
  - While a domain is locked the API refuses to change its records (code C(21)) and to remove, pause or resume it
    (code C(7)).
  - The lock status is read first with C(Domain.Lockstatus). A locked domain is not locked again (its end date is
    reported, not changed; the API cannot extend a lock) and an unlocked domain is not unlocked again.
  - Locking returns the lock code. Keep it secret and safe, for example in Ansible Vault; it is the only way to
    unlock the domain before the lock ends. Pass it back with O(lock_code), which is never logged.
  - C(Domain.Lock) and C(Domain.Unlock) are sent once. When the answer of C(Domain.Lock) is lost (network or proxy
    error after the API acted), the lock status is read back. If the domain is locked, the task fails with
    C(changed=true) and says that the unlock code was lost and until when the domain stays locked. It never sends
    C(Domain.Lock) again (a second copy is refused and the code of the first is gone).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name or numeric ID of a domain in the account.
    type: str
    required: true
    aliases: [name]
  state:
    description:
      - V(locked) locks the domain for O(days) days unless it is locked already.
      - V(unlocked) unlocks it with O(lock_code) unless it is not locked.
    type: str
    default: locked
    choices: [locked, unlocked]
  days:
    description:
      - Days to lock the domain for, from today (Beijing time). Required with O(state=locked).
      - 1 to 30, the limit C(Domain.Purview) documents ("域名锁定天数"); other values fail before any API call.
    type: int
  lock_code:
    description:
      - The lock code C(Domain.Lock) returned. Required with O(state=unlocked).
    type: str
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Lock a domain for a week
  dnspod.dnspod.dnspod_lock:
    domain: example.com
    days: 7
  register: locked

- name: Keep the code somewhere safe (it is not shown again)
  ansible.builtin.copy:
    content: "{{ locked.lock_code }}"
    dest: "{{ secrets_dir }}/example.com.lock-code"
    mode: "0600"
  when: locked.lock_code is not none
  no_log: true

- name: Unlock it
  dnspod.dnspod.dnspod_lock:
    domain: example.com
    state: unlocked
    lock_code: "{{ vault_example_com_lock_code }}"
'''

RETURN = r'''
lock:
  description: The lock after the task (in check mode, as it would be).
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
        - On Tencent Cloud API 3.0 known only from the answer of the lock this task made (null when the domain was
          locked already), since its reads show whether a domain is locked, not the lock's dates.
      type: str
      sample: "2026-12-02"
lock_code:
  description:
    - The code that unlocks the domain, when this task locked it (null otherwise, and in check mode).
    - It is a secret, do not print it; register it with C(no_log) tasks or store it in a vault.
  returned: always
  type: str
  sample: fdd638
# BEGIN shared domain_ref (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
domain:
  description: ID and name of the domain.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com"}
# END shared domain_ref
changes:
  description: What was (or in check mode would be) written; C(locked) -> true or false.
  returned: always
  type: dict
  sample: {"locked": true}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import lock as lock_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True, aliases=['name']),
    state=dict(type='str', default='locked', choices=['locked', 'unlocked']),
    days=dict(type='int'),
    lock_code=dict(type='str', no_log=True),
)


def converge(task):
    days, lock_code = lock_util.check_params(task.params)
    domain = task.resolve_domain(task.params['domain'])
    shown = dict(id=domain['id'], name=domain['name'])
    locks = task.api.locks
    current = after = locks.status(domain['id'])
    action = lock_util.plan(current, task.params['state'])
    new_code, changes = None, {}
    if action == 'lock':
        changes, after = {'locked': True}, lock_util.predicted(days)
        if not task.check_mode:
            answer = locks.lock(domain['id'], days)
            after, new_code = lock_util.after_lock(answer, days)
            if answer['lost']:
                task.fail(lock_util.lost_code_message(domain['name'], after), changed=True, lock=after,
                          lock_code=None, changes=changes, api_action=answer['lost']['action'], domain=shown)
    elif action == 'unlock':
        changes, after = {'locked': False}, lock_util.unlocked()
        if not task.check_mode:
            locks.unlock(domain['id'], lock_code)
    result = dict(changed=action is not None, lock=after, lock_code=new_code, changes=changes, domain=shown)
    if task.diff:
        result['diff'] = dict(before=current, after=after)
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
