#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_ddns
short_description: Point a DNSPod A or AAAA record at this host's public address (dynamic DNS)
version_added: 0.2.0
description:
  - Keeps one A or AAAA record pointing at an address, with C(Record.Ddns), and writes only when the record holds
    another address. Made to run on a schedule (cron, systemd timer, AWX schedule) on the host whose address changes.
  - The record is named by O(domain), O(sub_domain), O(record_type) and O(record_line), or by O(record_id).
    It is read first with C(Record.List); a run where the record already holds the address sends no write,
    because DNSPod calls unchanged updates abuse and locks a record after repeated ones.
  - "The address comes from, in this order: O(value); the answer of O(ip_lookup_url); otherwise the source address
    this host uses to reach the API (see O(ip_lookup_url))."
  - When the record does not exist it is created with C(Record.Create) if O(create=true) and the address is known.
  - Only the record's value (and, on creation, its TTL) is managed; use M(dnspod.dnspod.dnspod_record) for the rest.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Domain name, for example C(example.com), or its numeric ID.
    type: str
    required: true
  sub_domain:
    description:
      - Host name of the record, relative to the domain, for example C(home); C(@) is the domain itself.
      - A full name ending with the domain (C(home.example.com)) is accepted too.
      - Defaults to C(@) unless O(record_id) is given.
    type: str
    aliases: [name, record]
  record_type:
    description:
      - V(A) for an IPv4 address, V(AAAA) for an IPv6 address.
      - When not set, the type of O(value)'s address (V(AAAA) for an IPv6 address), else V(A).
    type: str
    choices: [A, AAAA]
    aliases: [type]
  record_line:
    description:
      - Line (view) of the record, for example C(默认) (the default line on dnsapi.cn), C(电信).
      - Defaults to the default line of the service (C(默认) on dnsapi.cn, C(default) on api.dnspod.com),
        or the line of the record given by O(record_id).
    type: str
    aliases: [line]
  record_id:
    description:
      - ID of the record to update, when the set O(sub_domain)/O(record_type)/O(record_line) holds several records
        (round robin) or the record is easier to name by ID.
      - The record keeps its name and line; giving O(sub_domain) or O(record_line) that differ from the record's is an error.
    type: str
  value:
    description:
      - The address the record should hold. When not set, the address is determined as described for O(ip_lookup_url).
    type: str
    aliases: [ip]
  ip_lookup_url:
    description:
      - URL of a service that answers this host's public address as plain text (for example
        C(https://api.ipify.org), C(https://ipv6.icanhazip.com)) or as JSON with an C(ip) key. Used when O(value) is not set.
      - The module fetches it on every run, compares the answer with the record and writes only when they differ,
        sending the address it got as the value.
      - "When neither O(value) nor O(ip_lookup_url) is set, the module takes the source address this host uses
        to reach the API host (the operating system's route choice; nothing is sent for this). If that address is a
        public one, it is the address the API sees: the record is compared with it and, when it differs,
        C(Record.Ddns) is sent without a value, so that DNSPod stores the address it sees. If it is a private
        address (NAT), or the API is reached through an HTTP(S) proxy set in the environment, the address the API
        sees cannot be known in advance and the module fails rather than send a write on every run; set O(value)
        or O(ip_lookup_url) then."
    type: str
  ttl:
    description:
      - TTL of the record when the module creates it. An existing record's TTL is left as it is.
    type: int
  create:
    description:
      - Create the record when it does not exist (which needs a known address, from O(value) or O(ip_lookup_url) or
        the source address). With V(false) a missing record is an error.
    type: bool
    default: true
notes:
  - C(Record.Ddns) is always sent with the record's C(sub_domain), type and line, so that it cannot rename the record.
  - In check mode no write is sent; with O(ip_lookup_url) the lookup service is still asked (a read).
  - "To run it every five minutes on the host itself, put a play with this task in its crontab, for example
    C(*/5 * * * * ansible-playbook -i localhost, -c local ddns.yml). A run where the address did not change sends
    only reads (C(Domain.Info) and C(Record.List), or C(Record.Info) with O(record_id))."
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Point home.example.com at the address DNSPod sees (a host with a public address)
  dnspod.dnspod.dnspod_ddns:
    domain: example.com
    sub_domain: home
    login_token: "{{ dnspod_token }}"

- name: Behind NAT - ask a lookup service for the public address
  dnspod.dnspod.dnspod_ddns:
    domain: example.com
    sub_domain: home
    ip_lookup_url: https://api.ipify.org

- name: IPv6 address of this host's interface
  dnspod.dnspod.dnspod_ddns:
    domain: example.com
    sub_domain: home
    record_type: AAAA
    value: "{{ ansible_facts.default_ipv6.address }}"

- name: One record of a round-robin set, by ID
  dnspod.dnspod.dnspod_ddns:
    domain: example.com
    record_id: "16894439"
    value: 203.0.113.7
'''

RETURN = r'''
record:
  description:
    - The record after the task (in check mode, as it would be); the fields are those of M(dnspod.dnspod.dnspod_record_info).
  returned: success
  type: dict
  sample: {"id": "16894439", "sub_domain": "home", "record_type": "A", "record_line": "默认", "value": "203.0.113.7",
           "ttl": 600, "status": "enabled"}
previous_value:
  description: The address the record held before the task; empty when it was created.
  returned: success
  type: str
  sample: 198.51.100.4
address:
  description:
    - The address the module compared the record with.
    - After a write without a value (source address mode), the address DNSPod stored.
  returned: success
  type: str
  sample: 203.0.113.7
address_source:
  description: Where the address came from.
  returned: success
  type: str
  choices: [value, ip_lookup_url, source_address]
  sample: ip_lookup_url
action:
  description: What was (or in check mode would be) sent.
  returned: success
  type: str
  choices: [none, ddns, create]
  sample: ddns
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import ddns
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    domain=dict(type='str', required=True),
    sub_domain=dict(type='str', aliases=['name', 'record']),
    record_type=dict(type='str', choices=['A', 'AAAA'], aliases=['type']),
    record_line=dict(type='str', aliases=['line']),
    record_id=dict(type='str'),
    value=dict(type='str', aliases=['ip']),
    ip_lookup_url=dict(type='str'),
    ttl=dict(type='int'),
    create=dict(type='bool', default=True),
)
RULES = dict(mutually_exclusive=[('value', 'ip_lookup_url')])


def converge(task):
    params, records = task.params, task.api.records
    line = params['record_line'] or task.client.default_line
    request = ddns.Request(params)     # everything that can be checked without the API, first
    value, source = ddns.address(request, params['api_url'], params['timeout'], params['validate_certs'], params['ca_path'])
    domain = task.resolve_domain(request.domain) if request.reads_domain else dict(id=request.domain, name=None)
    request.relative_to(domain['name'])
    before = ddns.find_record(records, request, domain, line, params['record_line'] is not None)
    if before is None and not params['create']:
        task.fail('sub_domain: there is no %s record %s on line %s; set create=true to create it'
                  % (request.record_type, request.sub_domain, line))
    result, after, warning = ddns.update(records, domain, request, before, value, source, line, params['ttl'],
                                         task.check_mode)
    if warning:
        task.warn(warning)
    result['record'] = after
    if task.diff:
        result['diff'] = dict(before=ddns.record_line_view(before), after=ddns.record_line_view(after))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
