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
from ansible.module_utils.urls import fetch_url

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import ddns
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import normalize_record


def lookup_address(module, url, record_type):
    response, info = fetch_url(module, url, method='GET', timeout=module.params['timeout'] or 30,
                               ca_path=module.params['ca_path'])
    status = info.get('status')
    if response is None or status != 200:
        module.fail_json(msg='ip_lookup_url: %s answered %s %s' % (url, status, info.get('msg', '')))
    body = response.read(4096)
    try:
        return ddns.parse_lookup_answer(body, record_type)
    except ddns.DdnsError as exc:
        module.fail_json(msg=str(exc))


def find_record(client, domain_id, record_id):
    """Record.Info of one record (canonical), or None for an unknown id (code 8)."""
    try:
        answer = client.call('Record.Info', {'domain_id': domain_id, 'record_id': record_id})
    except DNSPodError as exc:
        if getattr(exc, 'code', None) == '8':
            return None
        raise
    record = normalize_record(answer.get('record') or {})
    return record if record.get('id') else None


def main():
    argument_spec = common.dnspod_argument_spec()
    argument_spec.update(
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
    kwargs = common.dnspod_module_kwargs()
    kwargs['mutually_exclusive'] = kwargs['mutually_exclusive'] + [('value', 'ip_lookup_url')]
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True, **kwargs)
    params = module.params
    record_type = params['record_type'] or ddns.type_of_value(params['value'])

    # Everything that can be checked without the API is checked before the first call.
    client = common.create_client(module)
    try:
        domain_param = str(params['domain']).strip()
        domain_name = None if domain_param.isdigit() else names.normalize_domain_name(domain_param)
    except ValueError as exc:
        module.fail_json(msg='domain: %s' % exc)
    try:
        sub_domain = None
        # Given by ID, a full name (www.example.com. or www.example.com) is made relative once the
        # domain's name is known; here it is checked as a relative name.
        full_name_by_id = (domain_name is None and params['sub_domain'] is not None
                           and names.may_be_full_name(params['sub_domain']))
        if params['sub_domain'] is not None:
            try:
                if full_name_by_id:
                    names.relative_name(str(params['sub_domain']).strip().rstrip('.'), None)
                else:
                    sub_domain = names.relative_name(params['sub_domain'], domain_name)
            except ValueError as exc:
                raise ddns.DdnsError('sub_domain', str(exc))
        if params['record_line'] is not None:
            validation.validate_line(params['record_line'])
        if params['ttl'] is not None:
            validation.validate_ttl(params['ttl'])
        if params['record_id'] is not None and not str(params['record_id']).strip().isdigit():
            raise ddns.DdnsError('record_id', '%r is not a record ID' % params['record_id'])
        value = None
        source = None
        url = None
        if params['value'] is not None:
            value, source = ddns.normalize_address(params['value'], record_type), ddns.SOURCE_VALUE
        elif params['ip_lookup_url'] is not None:
            url = ddns.check_lookup_url(params['ip_lookup_url'])
    except (ddns.DdnsError, validation.ValidationError) as exc:
        module.fail_json(msg=str(exc))

    if url is not None:
        value, source = lookup_address(module, url, record_type), ddns.SOURCE_LOOKUP
    if source is None:
        host, port = ddns.api_host_port(params['api_url'])
        try:
            ddns.check_no_proxy(params['api_url'])
            local, remote = ddns.source_address(host, port, ddns.FAMILIES[record_type])
            value, source = ddns.check_source_address(local, remote, record_type), ddns.SOURCE_LOCAL
        except ddns.DdnsError as exc:
            module.fail_json(msg=str(exc))

    line = params['record_line'] or client.default_line
    result = dict(changed=False, address=value, address_source=source, action='none')
    try:
        if domain_name is not None or full_name_by_id:
            domain = common.resolve_domain(module, client, domain_param)
        else:
            domain = dict(id=domain_param, name=None)
        if full_name_by_id:
            try:
                sub_domain = names.relative_name(params['sub_domain'], domain['name'])
            except ValueError as exc:
                raise ddns.DdnsError('sub_domain', str(exc))
        if params['record_id'] is not None:
            record = find_record(client, domain['id'], str(params['record_id']).strip())
            if record is None:
                raise ddns.DdnsError('record_id', 'no record with ID %s in the domain' % params['record_id'])
            record = ddns.select_record([record], params['record_id'])
            if sub_domain is not None and sub_domain != record['sub_domain']:
                raise ddns.DdnsError('sub_domain', '%s differs from the sub_domain %s of record %s'
                                     % (sub_domain, record['sub_domain'], record['id']))
            if params['record_line'] is not None and line.lower() != record['record_line'].lower():
                raise ddns.DdnsError('record_line', '%s differs from the line %s of record %s'
                                     % (line, record['record_line'], record['id']))
            if record['record_type'] != record_type:
                raise ddns.DdnsError('record_type', '%s differs from the type %s of record %s'
                                     % (record_type, record['record_type'], record['id']))
        else:
            sub_domain = sub_domain or '@'
            records = client.list_records(domain['id'], sub_domain=sub_domain, record_type=record_type,
                                          record_line=line)
            record = ddns.select_record(records)
    except ddns.DdnsError as exc:
        module.fail_json(msg=str(exc), api=common.api_summary(client))
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))

    before = record
    after = record
    try:
        if record is None:
            if not params['create']:
                module.fail_json(msg='sub_domain: there is no %s record %s on line %s; set create=true to create it'
                                 % (record_type, sub_domain, line), api=common.api_summary(client))
            result.update(changed=True, action='create', previous_value='')
            after = dict(id='', sub_domain=sub_domain, record_type=record_type, record_line=line, value=value,
                         ttl=params['ttl'] or 600, status='enabled')
            if not module.check_mode:
                new_id = client.create_record(domain['id'], sub_domain, record_type, line, value, ttl=params['ttl'])
                after = dict(after, id=new_id)
        else:
            result['previous_value'] = record['value']
            if not ddns.same_address(record_type, record['value'], value):
                result.update(changed=True, action='ddns')
                after = dict(record, value=value)
                if not module.check_mode:
                    # With the source address, the API stores the address it sees (no value sent).
                    send = None if source == ddns.SOURCE_LOCAL else value
                    answer = client.call('Record.Ddns', ddns.ddns_params(domain['id'], record, send))
                    stored = str((answer.get('record') or {}).get('value') or value)
                    after = dict(record, value=stored)
                    if not ddns.same_address(record_type, stored, value):
                        result['address'] = stored
                        module.warn('DNSPod stored %s, but this host\'s source address is %s (a proxy or NAT in '
                                    'between?): set value or ip_lookup_url, or the next run will write again'
                                    % (stored, value))
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))

    result.update(record=after, api=common.api_summary(client))
    if module._diff:
        result['diff'] = dict(before=ddns.record_line_view(before), after=ddns.record_line_view(after))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
