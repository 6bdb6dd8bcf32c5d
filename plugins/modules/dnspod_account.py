#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_account
short_description: Manage the profile, e-mail address and password of a DNSPod account
version_added: 0.2.0
description:
  - Sets the profile of the account (real name, nick, telephone, QQ) with C(User.Modify), sending only the
    fields that differ from C(User.Detail).
  - Changes the account's e-mail address with C(Useremail.Modify) when it differs from O(new_email).
  - Changes the password with C(Userpasswd.Modify) when O(old_password) and O(new_password) are given (see O(new_password)).
  - Asks DNSPod for a telephone verification code with C(Telephoneverify.Code) when O(send_telephone_code=true).
  - Writes run in this order, and only those needed; the password change comes last.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  real_name:
    description:
      - Real name of the account holder; the company name for an enterprise account.
      - Left as it is when not set; an empty string clears it.
    type: str
  nick:
    description:
      - How DNSPod addresses the account holder.
      - Left as it is when not set; an empty string clears it.
    type: str
  telephone:
    description:
      - Mobile telephone number (digits, an optional leading C(+)).
      - Left as it is when not set. A new number is not verified; see O(send_telephone_code).
    type: str
  im:
    description:
      - QQ number of the account holder (the API's C(im) field, marked as deprecated by DNSPod).
      - Left as it is when not set; an empty string clears it.
    type: str
  new_email:
    description:
      - The e-mail address the account should have. When the account already has it (compared case-insensitively),
        nothing is sent; otherwise C(Useremail.Modify) changes it, which needs O(email_password).
      - The new address is not verified until the link DNSPod mails is followed.
    type: str
  old_email:
    description:
      - The address being replaced. Optional; when given, the task fails without writing unless the account has
        this address (or already has O(new_email)), a guard against changing the wrong account.
    type: str
  email_password:
    description:
      - The account's current password, which C(Useremail.Modify) requires. Required with O(new_email).
    type: str
  old_password:
    description:
      - The current password, to change it to O(new_password). Required together with O(new_password).
    type: str
  new_password:
    description:
      - The new password.
      - A password cannot be read back, so this change cannot be compared with the current state. When
        O(old_password) and O(new_password) are given, C(Userpasswd.Modify) is sent on every run and the task reports
        C(changed); run again with the same values it fails with code 8 (the old password is no longer right) and
        changes nothing.
      - "Use it as a one-off action, for example in a task with C(when: rotate_password | default(false)) run with
        C(-e rotate_password=true), and keep both passwords in Ansible Vault. Then update the credentials the other
        tasks use (O(login_password) when logging in by e-mail)."
      - The values are never shown in the output, the diff or the logs.
    type: str
  send_telephone_code:
    description:
      - Ask DNSPod for a verification code for O(telephone) (or the account's number). DNSPod answers the code and
        a text saying where to send it by SMS from that telephone.
      - Not sent (and not C(changed)) when the account's number is already verified and O(telephone) does not change it;
        the API answers code 4 then.
      - Each run while the number is not verified asks for a new code, so use it as a one-off action.
    type: bool
    default: false
  return_verify_code:
    description:
      - Put the verification code and its instructions in the result (C(telephone_code.verify_code),
        C(telephone_code.verify_desc)).
      - "Off by default, because the code is a secret; when you set it, register the result in a task with
        C(no_log: true) or show it only where it is safe."
    type: bool
    default: false
notes:
  - When the task logs in by e-mail (O(login_email)), changing the e-mail and the password in the same task is refused,
    because the second write would log in with the old address and count as a failed login.
  - "Check mode sends no write: it reports what would change, and for a password change or a verification code
    that they would be sent."
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Profile of the account
  dnspod.dnspod.dnspod_account:
    real_name: Example Ltd
    nick: Ops team
    telephone: "18600000000"
    login_token: "{{ dnspod_token }}"

- name: Move the account to a new address (nothing is sent once it has it)
  dnspod.dnspod.dnspod_account:
    new_email: dns-admin@example.com
    old_email: old-admin@example.com
    email_password: "{{ vault_dnspod_password }}"

- name: Rotate the password, only when asked with -e rotate_password=true
  dnspod.dnspod.dnspod_account:
    old_password: "{{ vault_dnspod_password }}"
    new_password: "{{ vault_dnspod_new_password }}"
  when: rotate_password | default(false) | bool

- name: Ask for a telephone verification code and show the instructions
  dnspod.dnspod.dnspod_account:
    telephone: "18600000000"
    send_telephone_code: true
    return_verify_code: true
  register: phone
  no_log: true
'''

RETURN = r'''
account:
  description:
    - The account after the task (in check mode, as it would be), as M(dnspod.dnspod.dnspod_account_info) returns C(user).
  returned: success
  type: dict
  sample: {"id": "625033", "email": "api@example.com", "real_name": "", "nick": "Ops team", "telephone": "18600000000",
           "im": "", "user_type": "personal", "status": "enabled", "email_verified": true, "telephone_verified": false,
           "weixin_binded": false, "agent_pending": false, "balance": 0, "smsbalance": 0, "user_grade": "DP_Free"}
changes:
  description:
    - What was (or in check mode would be) written, as C(field -> new value); C(password) is C(********) when the
      password was changed.
  returned: success
  type: dict
  sample: {"nick": "Ops team", "email": "dns-admin@example.com"}
password_changed:
  description: Whether C(Userpasswd.Modify) was sent (in check mode, would be sent).
  returned: success
  type: bool
  sample: false
telephone_code:
  description:
    - Whether a verification code was asked for, and for which number.
    - C(verify_code) and C(verify_desc) only with O(return_verify_code=true) and not in check mode.
  returned: success
  type: dict
  sample: {"sent": true, "telephone": "18600000000"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import account as account_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    real_name=dict(type='str'),
    nick=dict(type='str'),
    telephone=dict(type='str'),
    im=dict(type='str'),
    new_email=dict(type='str'),
    old_email=dict(type='str'),
    email_password=dict(type='str', no_log=True),
    old_password=dict(type='str', no_log=True),
    new_password=dict(type='str', no_log=True),
    send_telephone_code=dict(type='bool', default=False),
    return_verify_code=dict(type='bool', default=False),
)
RULES = dict(required_together=[('old_password', 'new_password')],
             required_by={'new_email': 'email_password', 'old_email': 'new_email'})


def converge(task):
    params = task.params
    wanted = account_util.check_params(params)
    before = task.api.account.user()
    plan = account_util.plan(before, wanted, params)
    telephone_code = dict(sent=plan['telephone'] is not None, telephone=plan['telephone'] or '')
    if not task.check_mode:
        answer = account_util.apply(task.api.account, plan, params)
        if params['return_verify_code']:
            telephone_code.update(answer)
    result = dict(changed=bool(plan['result_changes']) or telephone_code['sent'], account=plan['after'],
                  changes=plan['result_changes'], password_changed=plan['password'], telephone_code=telephone_code)
    if task.diff:
        shown = ('(unchanged)', '(changed)') if plan['password'] else (None, None)
        result['diff'] = dict(before=account_util.diff_view(before, shown[0]),
                              after=account_util.diff_view(plan['after'], shown[1]))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
