#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_record_info
short_description: List the records of a DNSPod domain
version_added: 0.2.0
description:
  - Reads the records of a domain with C(Record.List), every page of it (one call per 3000 records), optionally
    filtered. No other call is sent (C(Record.List) takes the domain's name and gives its ID).
  - For a domain given by ID together with a full name in O(sub_domain), the listing is sent for the likeliest
    zone of the name and once more when its answer names another domain, as in M(dnspod.dnspod.dnspod_record).
  - The filters are sent to the API and applied again to its answer, because the API's own filter on C(@) also
    returns wildcard records.
  - Never changes anything.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  domain:
    description:
      - Name or numeric ID of the domain.
    type: str
    required: true
  sub_domain:
    description:
      - Only records of this host, relative to the domain (C(@) for the domain itself) or a full name.
    type: str
    aliases: [name, record]
  record_type:
    description:
      - Only records of this type.
    type: str
    aliases: [type]
  record_line:
    description:
      - Only records of this line, by name.
    type: str
    aliases: [line]
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: All records of a domain
  dnspod.dnspod.dnspod_record_info:
    domain: example.com
  register: zone

- name: The A records of www
  dnspod.dnspod.dnspod_record_info:
    domain: example.com
    sub_domain: www
    record_type: A
  register: www

- name: Show their values
  ansible.builtin.debug:
    msg: "{{ www.records | map(attribute='value') | list }}"
'''

RETURN = r'''
# BEGIN shared records_listed (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
records:
  description: The matching records, in the order the API lists them, system NS records included.
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
    record_line_id:
      description: Line ID when the API gives it.
      type: str
      sample: "0"
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
    hold:
      description: Whether this is a system record that cannot be changed (the NS records at C(@)).
      type: bool
      sample: false
    monitor_status:
      description: D-monitor status of the record.
      type: str
      sample: ""
    updated_on:
      description: Last change (Beijing time).
      type: str
      sample: "2026-11-25 10:00:00"
# END shared records_listed
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

from ansible_collections.dnspod.dnspod.plugins.module_utils import record_module
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True),
    sub_domain=dict(type='str', aliases=['name', 'record']),
    record_type=dict(type='str', aliases=['type']),
    record_line=dict(type='str', aliases=['line']),
)


def converge(task):
    query = record_module.RecordQuery(task.params)
    if query.needs_domain_name:
        # Given by ID with a full name: the host part depends on the domain's name.
        query.sub_domain, domain, records = record_module.read_at_full_name(
            task, task.params['domain'], query.sub_domain, query.reading)
    else:
        domain, records = record_module.read_records(task, task.params['domain'], **query.filters())
    return dict(changed=False, records=records, domain=dict(id=domain['id'], name=domain['name']))


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
