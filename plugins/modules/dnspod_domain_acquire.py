#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_domain_acquire
short_description: Take back a domain that another DNSPod account holds
version_added: 0.2.0
description:
  - When someone else added your domain to their DNSPod account, the registrant of the domain can take it back into
    this account. The API does it in three calls, which this module runs as three steps of the same task.
  - B(List) (neither O(email) nor O(code)) asks C(Domain.Acquire) for the registrant e-mail addresses of the domain's
    WHOIS record and returns them as RV(emails). Nothing changes (the task reports no change).
  - B(Send) (O(email)) asks C(Domain.Acquiresend) to mail a verification code to one of those addresses.
    Every run sends a new mail, because the API cannot tell whether a code was sent already, so run this step once
    (for example behind a C(when)) and not on every run of a playbook.
  - B(Validate) (O(code)) hands the code to C(Domain.Acquirevalidate); the domain then moves into this account with its
    records, and leaves the other account.
  - Every step first reads the domain (C(Domain.Info)); when it is in this account already nothing is sent and the task
    reports no change, so the whole flow is safe to run again once the domain is back.
  - A domain that is in no DNSPod account cannot be taken back (code C(10)); add it with M(dnspod.dnspod.dnspod_domain).
    The API also refuses internationalised names (C(7)), free C(.tk) domains (C(9)), locked domains (C(12)) and
    transfers between personal and enterprise accounts (C(13), C(14)); the first two fail before any API call.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - The domain to take back, for example C(example.com).
    type: str
    required: true
    aliases: [name]
  email:
    description:
      - One of the addresses the list step returned; C(Domain.Acquiresend) mails the verification code to it.
    type: str
  code:
    description:
      - The verification code from that mail; C(Domain.Acquirevalidate) checks it and moves the domain.
      - It is a secret and never logged.
    type: str
notes:
  - C(Domain.Acquire) only reads, so the list step runs in check mode too; the send and validate steps are not sent
    in check mode.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Step 1, which addresses can receive the code?
  dnspod.dnspod.dnspod_domain_acquire:
    domain: example.com
  register: acquire

- name: Step 2, mail the code to the registrant (once)
  dnspod.dnspod.dnspod_domain_acquire:
    domain: example.com
    email: "{{ acquire.emails[0] }}"
  when: send_code | default(false) | bool

- name: Step 3, take the domain back with the code from the mail
  dnspod.dnspod.dnspod_domain_acquire:
    domain: example.com
    code: "{{ acquire_code }}"
  when: acquire_code is defined
'''

RETURN = r'''
step:
  description: The step the task ran (or in check mode would run), C(list), C(send) or C(validate); C(none) when the
    domain is in this account already.
  returned: always
  type: str
  sample: send
emails:
  description: The registrant addresses C(Domain.Acquire) gave (list step only; empty otherwise).
  returned: always
  type: list
  elements: str
  sample: ["support@registrar.example"]
sent_to:
  description: The address the code was (or in check mode would be) mailed to, else null.
  returned: always
  type: str
  sample: support@registrar.example
domain:
  description: The domain when it is in this account after the task (see M(dnspod.dnspod.dnspod_domain_info)), else empty.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com", "status": "enabled"}
changes:
  description: What was (or would be) done, C(code_sent) or C(state) -> C(present).
  returned: always
  type: dict
  sample: {"state": "present"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import acquire
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True, aliases=['name']),
    email=dict(type='str'),
    code=dict(type='str', no_log=True),
)
RULES = dict(mutually_exclusive=[('email', 'code')])


def converge(task):
    name, email, code, step = acquire.clean_params(task.params)
    result = acquire.take_back(task.api, name, email, code, step, task.check_mode)
    if task.diff:
        result['diff'] = acquire.diff(name, result['step'])
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
