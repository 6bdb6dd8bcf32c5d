#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_record
short_description: Manage one DNSPod record set
version_added: 0.2.0
description:
  - Manages one record set of a DNSPod domain. A record set is all records with the same O(sub_domain),
    O(record_type) and O(record_line); its values form a list.
  - Reads the set with one filtered C(Record.List) (by O(sub_domain) and O(record_type); its answer also gives the
    domain's ID and grade, so no C(Domain.Info) is sent), then writes only what differs. Existing records are reused with
    C(Record.Modify) (always sending every field of the record) before anything is created or removed.
  - The set is listed with every type at its name and line, and the task fails before any write when a C(CNAME)
    would share its name and line with another record (the system NS records at C(@) included), or an C(A),
    C(CNAME) or URL record with a record of another of these three types (the API's code 31).
  - On a free grade (C(DP_Free), C(D_Free)) the task also fails before any write, in check mode too, when a write
    would leave more than 2 enabled records in an C(A), C(AAAA) or C(CNAME) set (the grade's round-robin limit, the
    API's code 25 or 500025). Disabled records do not count. For other grades the API decides.
  - Before writing a type other than C(A), C(AAAA), C(CNAME), C(MX), C(TXT) and C(NS), or on a line other than the
    default one, the task reads the domain grade's types (C(Record.Type)) or lines (C(Record.Line)) once and fails
    naming O(record_type) or O(record_line), with the allowed values, when the grade lacks them.
  - Records not in the set, and the system NS records at C(@), are never touched.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name (for example C(example.com)) or numeric ID of the domain. Either way no domain lookup is sent, because the
        C(Record.List) answer names the domain.
      - With an ID and a full name in O(sub_domain), the host part depends on the domain's name. The listing is
        sent for the likeliest zone (the name's last two labels, three under C(com.cn), C(co.uk) and the like) and
        sent once more, relative to the zone its answer names, when the domain is another (C(dev.example.com)).
    type: str
    required: true
  sub_domain:
    description:
      - Host of the record set, relative to the domain (C(www), C(@) for the domain itself, C(*) for a wildcard),
        or a full name.
      - A name ending with a dot is absolute and must lie inside the domain. A name without a final dot that ends
        with the domain (C(www.example.com) for domain C(example.com)) is taken as a full name too, also with
        O(domain) given by ID.
      - Internationalised names follow IDNA 2008 with the UTS 46 mapping (C(straße) is C(xn--strae-oqa)); what
        IDNA 2008 refuses, and invisible characters such as the zero-width space, are refused. Names are
        case-insensitive. A full name is at most 253 characters.
    type: str
    default: '@'
    aliases: [name, record]
  record_type:
    description:
      - Record type, such as C(A), C(AAAA), C(CNAME), C(MX), C(TXT), C(NS), C(SRV), C(CAA), C(URL).
      - Which types a domain may use depends on its grade.
    type: str
    required: true
    aliases: [type]
  record_line:
    description:
      - Line (resolution route) of the record set, by name, such as C(电信).
      - Defaults to the default line, C(默认) on dnsapi.cn and C(default) on api.dnspod.com; V(default) and C(默认)
        both name it on either service.
    type: str
    aliases: [line]
  value:
    description:
      - Values of the record set, a list of strings.
      - One string is one value, commas and all (V(v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.com)
        is one TXT value); it is never split on commas.
      - Required with O(state=present). With O(state=absent), omit it to remove the whole set.
      - CNAME, MX, NS and SRV targets are compared without their trailing dot, TXT values without surrounding quotes,
        IPv6 addresses in their canonical form.
      - An MX value is a mail server, optionally with its own priority in front, as in a zone file
        (C(10 mx1.example.com)); a value without one gets O(mx). So one task can hold a primary and a backup mail
        server (C([10 mx1.example.com, 20 mx2.example.com])). Each mail server is one value whatever its priority;
        a new priority is a C(Record.Modify) of its record, and one server given with two priorities is refused.
      - An SRV value is C(priority weight port target); values that differ in any of the three numbers are different
        values.
      - A TXT value cannot hold a line break, and a CNAME cannot point to its own name.
    type: raw
    aliases: [values]
  ttl:
    description:
      - TTL of the records, 1 to 604800; the grade of the domain sets the minimum (600 on the free grade).
      - When not set, existing records keep theirs and new ones get the API's default.
    type: int
  mx:
    description:
      - MX priority, 1 to 20, of the values of O(value) that do not carry their own (C(20 mx2.example.com)).
        New MX records need one or the other.
      - Not used to select records with O(state=absent); a value that carries its priority is.
    type: int
  weight:
    description:
      - Weight, 0 to 100, of each record of the set for weighted round-robin (paid grades).
    type: int
  status:
    description:
      - V(enabled) or V(disabled). Left as it is when not set; new records are enabled.
      - A new record is created with this status (C(Record.Create) carries it); an existing record is changed with
        C(Record.Status). A C(Record.Modify) always sends the record's status, so changing a value or TTL never
        enables a disabled record.
    type: str
    choices: [enabled, disabled]
  remark:
    description:
      - Remark of each record of the set (C(Record.Remark)). Left as it is when not set.
    type: str
  state:
    description:
      - V(present) adds the missing values; V(absent) removes the listed values, or the whole set without O(value).
      - With V(absent), an MX value that carries its priority (C(20 mx2.example.com)) removes its record only when
        the record has that priority.
    type: str
    default: present
    choices: [present, absent]
  replace:
    description:
      - With O(state=present), make the set exactly O(value). Records whose value is not listed are changed into the
        missing values, and the rest removed.
      - Without it, values not listed are kept.
    type: bool
    default: false
seealso:
  - module: dnspod.dnspod.dnspod_records
    description: Manage all record sets of a domain in one task.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
# replace: true makes the set exactly these two values; without it, the values already there are
# kept too, and the free grade allows 2 enabled records per A/AAAA/CNAME set (round robin).
- name: Point www at two addresses
  dnspod.dnspod.dnspod_record:
    domain: example.com
    sub_domain: www
    record_type: A
    value: [192.0.2.10, 192.0.2.11]
    ttl: 600
    replace: true

- name: Make the set exactly one address
  dnspod.dnspod.dnspod_record:
    domain: example.com
    sub_domain: www
    record_type: A
    value: [192.0.2.20]
    replace: true

- name: Mail exchanger
  dnspod.dnspod.dnspod_record:
    domain: example.com
    record_type: MX
    value: [mail.example.com]
    mx: 10

- name: A primary and a backup mail server, each with its own priority
  dnspod.dnspod.dnspod_record:
    domain: example.com
    record_type: MX
    value: ["10 mx1.example.com", "20 mx2.example.com"]

- name: Telecom line only
  dnspod.dnspod.dnspod_record:
    domain: example.com
    sub_domain: cdn
    record_type: CNAME
    record_line: 电信
    value: [cdn-ct.example.net]

- name: Remove one TXT value
  dnspod.dnspod.dnspod_record:
    domain: example.com
    sub_domain: _acme-challenge
    record_type: TXT
    value: ["old-token"]
    state: absent

- name: Remove the whole set
  dnspod.dnspod.dnspod_record:
    domain: example.com
    sub_domain: old
    record_type: A
    state: absent
'''

RETURN = r'''
# BEGIN shared records_of_set (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
records:
  description: The records of the set after the task (in check mode, as they would be), sorted by value.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Record ID; null only for a record that check mode would create.
      type: str
      sample: "16894439"
    sub_domain:
      description: Host, relative to the domain, lower case, C(@) for the domain itself.
      type: str
      sample: "www"
    record_type:
      description: Record type.
      type: str
      sample: "A"
    record_line:
      description: Line name.
      type: str
      sample: "默认"
    value:
      description: Value as the API stores it (CNAME, MX and NS targets end with a dot).
      type: str
      sample: "192.0.2.10"
    ttl:
      description: TTL.
      type: int
      sample: 600
    mx:
      description: MX priority, 0 for other types.
      type: int
      sample: 0
    weight:
      description: Weight, or null.
      type: int
      sample: null
    status:
      description: V(enabled) or V(disabled).
      type: str
      sample: "enabled"
    remark:
      description: Remark.
      type: str
      sample: ""
# END shared records_of_set
operations:
  description: The writes that were (or in check mode would be) sent, in order.
  returned: always
  type: list
  elements: dict
  sample: [{"action": "modify", "record_id": "16894439", "before": {"value": "192.0.2.1"}, "after": {"value": "192.0.2.20"}}]
summary:
  description: Number of operations per action.
  returned: always
  type: dict
  sample: {"create": 1, "modify": 0, "remove": 0, "status": 0, "remark": 0}
# BEGIN shared domain_ref (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
domain:
  description: ID and name of the domain.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com"}
# END shared domain_ref
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import record_module
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils import setlock

OPTIONS = dict(
    record_module.record_set_spec(),
    domain=dict(type='str', required=True),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    replace=dict(type='bool', default=False),
)
RULES = dict(required_if=[('state', 'present', ('value',))])


def converge(task):
    line = task.client.default_line
    domain_name, desired = record_module.set_before_reading(task.params, line)
    # Tasks of this controller writing the same set write in turn (module_utils/setlock.py).
    guard = setlock.guard_for(task.client, task.params['domain'], record_module.set_lock_key(task.params, desired, line))

    def write(plan, bump):
        after, result = record_module.apply(task, *plan, bump=bump)
        return dict(result, records=sorted((r for r in after if not r.get('hold')), key=lambda r: str(r.get('value'))))
    return setlock.run_guarded(guard, setlock.wait_bound(task.client), lambda: record_module.read_set(task, domain_name, desired),
                               write, task.check_mode)


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
