#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_account_info
short_description: Read a DNSPod account's details, log, API version, record types and lines
version_added: 0.2.0
description:
  - Reads what O(gather) lists, among the account details (C(User.Detail)), the account log (C(User.Log)), the API version
    (C(Info.Version)), and the record types (C(Record.Type)) and lines (C(Record.Line)) of a domain grade.
  - Sends only reads.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  gather:
    description:
      - What to read. V(all) reads everything.
      - On Tencent Cloud API 3.0 (O(api_backend=tencentcloud)) only V(user), V(record_types) and V(record_lines) can be
        read; V(log), V(version) and V(all) fail before any call.
    type: list
    elements: str
    choices: [all, user, log, version, record_types, record_lines]
    default: [user]
  grade:
    description:
      - Domain grade whose record types and lines are read, for example C(DP_Free), C(D_Free), C(DP_Plus).
      - Defaults to the grade of O(domain) when it is given, else to the account's grade (C(user_grade) of C(User.Detail)).
    type: str
  domain:
    description:
      - Domain name or ID. Its grade is the default O(grade), and C(Record.Line) is asked for this domain
        (domains can have extra lines).
      - Required with O(gather=record_lines) on Tencent Cloud API 3.0, whose C(DescribeRecordLineList) requires a domain;
        without it the task fails before any call.
    type: str
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Account details
  dnspod.dnspod.dnspod_account_info:
    login_token: "{{ dnspod_token }}"
  register: acct

- name: Everything, with the lines of a domain
  dnspod.dnspod.dnspod_account_info:
    gather: [all]
    domain: example.com
  register: everything

- name: Record types of a paid grade
  dnspod.dnspod.dnspod_account_info:
    gather: [record_types]
    grade: DP_Plus
'''

RETURN = r'''
user:
  description: The account (C(User.Detail)). Booleans for the API's C(yes)/C(no), numbers for its numbers.
  returned: when O(gather) holds V(user) (or V(all))
  type: dict
  sample: {"id": "625033", "email": "api@example.com", "real_name": "", "nick": "Ops team", "telephone": "18600000000",
           "im": "", "user_type": "personal", "status": "enabled", "email_verified": true, "telephone_verified": true,
           "weixin_binded": false, "agent_pending": false, "balance": 0, "smsbalance": 0, "user_grade": "DP_Free"}
log:
  description: The account log (C(User.Log)), newest first, as the API writes it.
  returned: when O(gather) holds V(log)
  type: list
  elements: str
  sample: ["2012-09-04 13:56:24: 111.111.111.111 登陆 成功"]
log_entries:
  description: The account log split into its parts; fields that a line does not have are null.
  returned: when O(gather) holds V(log)
  type: list
  elements: dict
  contains:
    time:
      description: Time of the entry (Beijing time).
      type: str
    api:
      description: Whether the entry was made through the API.
      type: bool
    ip:
      description: The address the action came from.
      type: str
    text:
      description: What happened.
      type: str
    line:
      description: The whole line.
      type: str
  sample: [{"time": "2012-09-04 13:56:24", "api": false, "ip": "111.111.111.111", "text": "登陆 成功",
            "line": "2012-09-04 13:56:24: 111.111.111.111 登陆 成功"}]
api_version:
  description: The API version (C(Info.Version)).
  returned: when O(gather) holds V(version)
  type: str
  sample: "4.6"
grade:
  description: The grade the record types and lines were read for.
  returned: when O(gather) holds V(record_types) or V(record_lines)
  type: str
  sample: DP_Free
record_types:
  description: Record types the grade allows (C(Record.Type)).
  returned: when O(gather) holds V(record_types)
  type: list
  elements: str
  sample: [A, CNAME, MX, TXT, NS, AAAA, SRV, URL]
record_lines:
  description: Lines the grade (and O(domain)) allows (C(Record.Line)).
  returned: when O(gather) holds V(record_lines)
  type: list
  elements: str
  sample: ["默认", "电信", "联通"]
record_line_ids:
  description: Line name to line ID, when the API gives them (empty otherwise).
  returned: when O(gather) holds V(record_lines)
  type: dict
  sample: {"默认": "0", "电信": "10=0"}
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import account as account_util
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

ALL = ('user', 'log', 'version', 'record_types', 'record_lines')
OPTIONS = dict(
    gather=dict(type='list', elements='str', default=['user'], choices=['all'] + list(ALL)),
    grade=dict(type='str'),
    domain=dict(type='str'),
)


def converge(task):
    gather, grade, domain = account_util.clean_info_params(task.params, ALL)
    account = task.api.account
    needs_grade = bool(gather & {'record_types', 'record_lines'})
    result, domain_id = dict(changed=False), None
    if domain is not None and (needs_grade or grade is None):
        found = task.resolve_domain(domain)
        grade, domain_id = grade or found.get('grade') or None, found['id']
    if 'user' in gather or (needs_grade and grade is None):
        user = account.user()
        if 'user' in gather:
            result['user'] = user
        grade = grade or user['user_grade']
    if 'log' in gather:
        result['log'] = account.log()
        result['log_entries'] = account_util.log_entries(result['log'])
    if 'version' in gather:
        result['api_version'] = account.version()
    if needs_grade:
        result['grade'] = grade
    if 'record_types' in gather:
        result['record_types'] = task.api.records.types(grade)
    if 'record_lines' in gather:
        result['record_lines'], result['record_line_ids'] = task.api.records.lines_and_ids(grade, domain_id)
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
