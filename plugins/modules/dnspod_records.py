#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_records
short_description: Manage all record sets of a DNSPod domain in one task
version_added: 0.2.0
description:
  - Makes the record sets of a domain match a list, reading the domain's records with one paged C(Record.List)
    (one call per 3000 records; its answer also gives the domain's ID and grade, so no C(Domain.Info) is sent)
    and then sending only the writes needed. A run that changes nothing sends no write.
  - Each listed set becomes exactly its values, as with M(dnspod.dnspod.dnspod_record) and O(dnspod.dnspod.dnspod_record#module:replace=true).
    Existing records are reused with C(Record.Modify) before anything is created or removed.
  - Sets that are not listed are kept, unless O(purge=true).
  - The system NS records at C(@) are never changed or removed.
  - Before any write, the task fails when a C(CNAME) would share its name and line with another record (the system
    NS records at C(@) included), and, reading the grade's C(Record.Type) or C(Record.Line) once only when a write
    uses a type other than C(A), C(AAAA), C(CNAME), C(MX), C(TXT) and C(NS) or a line no record of the domain uses
    yet, when the domain's grade lacks a type or line; the error names the item, for example C(records[2].record_line).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name (for example C(example.com)) or numeric ID of the domain.
    type: str
    required: true
  records:
    description:
      - The record sets. A set is identified by O(records[].sub_domain), O(records[].record_type)
        and O(records[].record_line); a set may be listed only once.
      - Except MX sets, whose values each have their own priority. Either give the values with their priority in
        one item (O(records[].value) C([10 mx1.example.com, 20 mx2.example.com])), or list one item per priority (two items
        at the same name that differ by O(records[].mx)); such items are merged into one set. Items of one MX set
        are refused when they give O(records[].ttl), O(records[].weight), O(records[].status) or
        O(records[].remark) differently, or one mail server two priorities.
    type: list
    elements: dict
    required: true
    suboptions:
      sub_domain:
        description:
          - Host of the set, relative to the domain (C(@) for the domain itself), or a full name.
            See O(dnspod.dnspod.dnspod_record#module:sub_domain).
        type: str
        default: '@'
        aliases: [name, record]
      record_type:
        description:
          - Record type.
        type: str
        required: true
        aliases: [type]
      record_line:
        description:
          - Line name; the default line when not set. V(default) and C(默认) both name the default line.
        type: str
        aliases: [line]
      value:
        description:
          - Values of the set, a list of strings.
          - One string is one value, commas and all (a DMARC or SPF TXT value); it is never split on commas.
          - An empty list is refused before any API call (a variable that rendered empty looks the same); to remove a
            set, leave it out of O(records) and set O(purge=true).
          - An MX value may carry its own priority, as in a zone file (C(20 mx2.example.com)); see
            O(dnspod.dnspod.dnspod_record#module:value).
        type: raw
        required: true
        aliases: [values]
      ttl:
        description:
          - TTL of the records. When not set, existing records keep theirs and new ones get the API's default.
        type: int
      mx:
        description:
          - MX priority, 1 to 20, of the values that do not carry their own.
        type: int
      weight:
        description:
          - Weight, 0 to 100.
        type: int
      status:
        description:
          - V(enabled) or V(disabled); left as it is when not set.
        type: str
        choices: [enabled, disabled]
      remark:
        description:
          - Remark of each record of the set; left as it is when not set.
        type: str
  purge:
    description:
      - Remove every record set that is not listed in O(records), except the system NS records and the sets
        matched by O(ignore).
    type: bool
    default: false
  allow_empty:
    description:
      - With O(purge=true) and an empty O(records) list, remove every record set of the domain (except the system NS
        records and the sets matched by O(ignore)).
      - Without it that combination fails before any API call, because a variable that rendered empty looks the same.
    type: bool
    default: false
  max_update_percent:
    description:
      - The largest share (percent) of the domain's existing records that one run may update (Modify, Status or
        Remark). A larger plan fails before any write, in check mode too, unless O(force=true). The rule and its
        defaults are octoDNS's.
      - Applies when the domain has at least O(min_existing_records) records (the system NS records not counted).
    type: float
    default: 30
  max_delete_percent:
    description:
      - The largest share (percent) of the domain's existing records that one run may remove; as
        O(max_update_percent).
    type: float
    default: 30
  min_existing_records:
    description:
      - The O(max_update_percent) and O(max_delete_percent) rules apply to domains with at least this many records.
    type: int
    default: 10
  force:
    description:
      - Apply a plan that exceeds O(max_update_percent) or O(max_delete_percent).
    type: bool
    default: false
  ignore:
    description:
      - With O(purge=true), record sets to keep although they are not listed.
      - Each entry matches the sets that have all of its given keys; a key left out matches anything.
    type: list
    elements: dict
    default: []
    suboptions:
      sub_domain:
        description:
          - Host to keep, relative to the domain or a full name, read as O(records[].sub_domain).
        type: str
      record_type:
        description:
          - Record type to keep.
        type: str
      record_line:
        description:
          - Line to keep. V(default) and C(默认) both name the default line, as in O(records[].record_line).
        type: str
seealso:
  - module: dnspod.dnspod.dnspod_record
    description: Manage one record set.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: The whole zone of example.com, removing everything else
  dnspod.dnspod.dnspod_records:
    domain: example.com
    purge: true
    ignore:
      - sub_domain: _acme-challenge
    records:
      - sub_domain: '@'
        record_type: A
        value: [192.0.2.10]
      - sub_domain: www
        record_type: CNAME
        value: [example.com]
      - sub_domain: '@'
        record_type: MX
        mx: 10
        value: [mail.example.com]
      # A backup mail server in the same MX set: an item of its own with its priority
      # (or write both as values: ["10 mail.example.com", "20 backup.example.net"]).
      - sub_domain: '@'
        record_type: MX
        mx: 20
        value: [backup.example.net]
      - sub_domain: '@'
        record_type: TXT
        value: ["v=spf1 mx -all"]
'''

RETURN = r'''
# BEGIN shared records_of_domain (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
records:
  description: All records of the domain after the task (in check mode, as they would be), system NS records included.
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
# END shared records_of_domain
operations:
  description: The writes that were (or in check mode would be) sent, in order.
  returned: always
  type: list
  elements: dict
  sample: [{"action": "create", "record_id": "16894440", "before": null, "after": {"sub_domain": "www", "value": "192.0.2.10"}}]
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

from ansible_collections.dnspod.dnspod.plugins.module_utils import guards
from ansible_collections.dnspod.dnspod.plugins.module_utils import record_module
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils import setlock

OPTIONS = dict(
    domain=dict(type='str', required=True),
    records=dict(type='list', elements='dict', required=True, options=dict(
        record_module.record_set_spec(), value=dict(record_module.record_set_spec()['value'], required=True))),
    purge=dict(type='bool', default=False),
    allow_empty=dict(type='bool', default=False),
    ignore=dict(type='list', elements='dict', default=[], options=dict(
        sub_domain=dict(type='str'), record_type=dict(type='str'), record_line=dict(type='str'))),
    **guards.threshold_spec()
)


def converge(task):
    domain_name, sets, ignore = record_module.zone_before_reading(task.params, task.client.default_line)
    # Tasks of this controller writing the same domain write in turn (module_utils/setlock.py).
    guard = setlock.guard_for(task.client, task.params['domain'], ('dnspod_records',))

    def write(plan, bump):
        after, result = record_module.apply(task, *plan, bump=bump)
        return dict(result, records=after)
    return setlock.run_guarded(guard, setlock.wait_bound(task.client), lambda: record_module.read_zone(task, domain_name, sets, ignore),
                               write, task.check_mode)


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
