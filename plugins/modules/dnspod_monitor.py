#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_monitor
short_description: Add, configure, pause or remove a DNSPod D-monitor (uptime check) of a record
version_added: 0.2.0
description:
  - Makes sure an A or CNAME record of a domain has a D-monitor (C(Monitor.Create)) with the given settings, or has
    none (C(Monitor.Remove)).
  - The record is named by O(sub_domain), O(record_line) and O(value), or by O(record_id).
  - Reads the monitors first (C(Monitor.List)) and writes only the settings that differ with one C(Monitor.Modify);
    a C(Monitor.Modify) that would change nothing is never sent. O(status) is written with C(Monitor.Setstatus).
  - Every option is checked before the first API call, with the rules behind the API's validation codes 8 to 22;
    the monitoring points and the backup addresses are also checked against the domain's available points
    (C(Monitor.Listsubvalue)) and the record's type before any write.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - The domain holding the record, by name (for example V(example.com)) or numeric ID.
    type: str
    required: true
  sub_domain:
    description:
      - Host of the record, for example V(www), V(@) for the domain itself, or a full name inside the domain.
      - Required unless O(record_id) is given.
    type: str
  record_line:
    description:
      - Line of the record, for example V(默认) or V(电信).
      - Defaults to the default line of the service (V(默认), or V(default) on the international service).
    type: str
  value:
    description:
      - Value of the record (an IPv4 address for A records, a host name for CNAME records).
      - Required unless O(record_id) is given.
    type: str
  record_id:
    description:
      - ID of the A or CNAME record, instead of O(sub_domain), O(record_line) and O(value).
    type: str
  state:
    description:
      - Whether the record should have a monitor.
    type: str
    default: present
    choices: [present, absent]
  status:
    description:
      - V(enabled) runs the checks, V(disabled) pauses them (C(Monitor.Setstatus)).
      - Left as it is when not set; a new monitor starts enabled.
    type: str
    choices: [enabled, disabled]
  host:
    description:
      - The C(Host) header of the checks, for example V(www.example.com).
      - A new monitor defaults to the record's full name. Left as it is when not set.
    type: str
  port:
    description:
      - Port checked, 1 to 65535. A new monitor defaults to V(80). Left as it is when not set.
    type: int
  monitor_type:
    description:
      - Protocol of the checks. A new monitor defaults to V(http). Left as it is when not set.
    type: str
    choices: [http, https]
  monitor_path:
    description:
      - Path requested, starting with C(/), without blanks (URL-encode them), at most 255 characters.
      - A new monitor defaults to V(/). Left as it is when not set.
    type: str
  monitor_interval:
    description:
      - Seconds between two checks. A new monitor defaults to V(360). Left as it is when not set.
    type: int
    choices: [60, 180, 360]
  points:
    description:
      - Monitoring points (for example V(ctc) China Telecom, V(cuc) China Unicom, V(cmc) China Mobile).
      - They must be among the points C(Monitor.Listsubvalue) offers, and at most as many as the domain's grade allows.
      - A new monitor defaults to the first points offered, as many as allowed. Left as they are when not set.
      - Compared as a set (order does not matter).
    type: list
    elements: str
  bak_ip:
    description:
      - What happens when the record is down. One of V(pass) (only monitor, never switch), V(pause) (pause the
        record), V(auto) (switch automatically), or a list of backup addresses to switch to.
      - Backups of an A record are IPv4 addresses, of a CNAME record host names; never the record's own value.
      - A comma-separated string is accepted too. A new monitor defaults to V(pass). Left as it is when not set.
    type: list
    elements: str
  keep_ttl:
    description:
      - Whether the TTL is kept when DNSPod switches the record.
      - The API never reports this setting, so it cannot be compared; it is sent when the monitor is created and
        with any C(Monitor.Modify) that other settings need, and never causes a write on its own.
    type: bool
  sms_notice:
    description:
      - Who gets text messages about downtime; V(me) (the domain's owner) and V(share) (users it is shared with).
      - An empty list turns text messages off. Left as it is when not set.
    type: list
    elements: str
    choices: [me, share]
  email_notice:
    description:
      - Who gets e-mails about downtime; V(me) and/or V(share). An empty list turns them off.
      - Left as it is when not set.
    type: list
    elements: str
    choices: [me, share]
  less_notice:
    description:
      - Whether at most one notice an hour is sent. Left as it is when not set.
    type: bool
  callback_url:
    description:
      - URL (C(http://) or C(https://)) DNSPod posts downtime events to. An empty string removes it.
      - Left as it is when not set.
    type: str
  callback_key:
    description:
      - Secret DNSPod signs its callbacks with. Never shown in the output, the diff or the logs.
      - Compared with the key the API reports; an empty string removes it. Left as it is when not set.
    type: str
notes:
  - A monitor belongs to its record; removing the record removes the monitor.
  - Each domain grade allows a limited number of monitors and monitoring points; C(Monitor.Create) over the limit
    fails with the API's code 21 (or 14 for points, which this module finds before the call).
seealso:
  - module: dnspod.dnspod.dnspod_monitor_info
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Monitor www over HTTPS from two points, switching to a backup address when it is down
  dnspod.dnspod.dnspod_monitor:
    domain: example.com
    sub_domain: www
    value: 192.0.2.10
    monitor_type: https
    port: 443
    monitor_path: /health
    monitor_interval: 180
    points: [ctc, cuc]
    bak_ip: [192.0.2.20, 192.0.2.21]
    email_notice: [me]
    callback_url: https://hooks.example.com/dnspod
    callback_key: "{{ vault_dnspod_callback_key }}"

- name: Pause the monitor of a record given by ID
  dnspod.dnspod.dnspod_monitor:
    domain: example.com
    record_id: "16909160"
    status: disabled

- name: Remove the monitor of a record
  dnspod.dnspod.dnspod_monitor:
    domain: example.com
    sub_domain: www
    value: 192.0.2.10
    state: absent
'''

RETURN = r'''
monitor:
  description:
    - The monitor after the task (in check mode, as it would be). Empty when there is none.
    - C(status) is the monitor's own state (V(enabled)/V(disabled)); C(health) and C(health_code) are what the last
      check found (the API's C(status) and C(status_code), for example V(Ok) and V(200)).
    - The callback key is never returned; C(has_callback_key) says whether one is set.
  returned: always
  type: dict
  sample: {"monitor_id": "6aac176e-363a-11e2-bab7-0819a6248970", "domain": "example.com", "domain_id": "2317346",
           "record_id": "16909160", "sub_domain": "www", "record_line": "默认", "ip": "192.0.2.10",
           "now_ip": "192.0.2.10", "host": "www.example.com", "port": 443, "monitor_type": "https",
           "monitor_path": "/health", "monitor_interval": 180, "points": ["ctc", "cuc"],
           "bak_ip": ["192.0.2.20", "192.0.2.21"], "sms_notice": ["me"], "email_notice": ["me"],
           "less_notice": false, "callback_url": "https://hooks.example.com/dnspod", "has_callback_key": true,
           "status": "enabled", "health": "Ok", "health_code": "200", "bak_ip_status": [],
           "created_on": "2012-11-24 21:25:30", "updated_on": "2012-11-24 21:25:30"}
changes:
  description:
    - The settings that were (or in check mode would be) written, as C(setting -> new value); the callback key
      shows as C(********).
    - C(state) is in it when the monitor was (or would be) created or removed.
  returned: always
  type: dict
  sample: {"monitor_interval": 180, "status": "disabled"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError


def fail(module, client, exc):
    module.fail_json(msg=str(exc), api=common.api_summary(client) if client else {'calls': 0, 'writes': 0})


def check_before_write(module, client, domain_id, sub_domain, record_type, record_value, settings):
    """Points against Monitor.Listsubvalue (codes 13/14) and backups against the record (15-17)."""
    if 'points' in settings:
        offer = mon.list_subvalues(client, domain_id, sub_domain)['points']
        mon.check_points_available(settings['points'], offer['list'], offer['max'])
    if 'bak_ip' in settings:
        mon.check_bak_ip_for_record(settings['bak_ip'], record_type, record_value)


def create(module, client, domain, record, desired):
    """A monitor for a record that has none: defaults for the required settings, then Create."""
    settings = dict(mon.CREATE_DEFAULTS)
    settings['host'] = names.fqdn(record['sub_domain'], domain['name'])
    settings.update((k, v) for k, v in desired.items() if k != 'status')
    if 'points' not in settings:
        offer = mon.list_subvalues(client, domain['id'], record['sub_domain'])['points']
        available = sorted(offer['list']) if offer['list'] else []
        limit = offer['max'] if offer['max'] is not None else len(available)
        settings['points'] = available[:limit]
        if not settings['points']:
            module.fail_json(msg='points: Monitor.Listsubvalue offers no monitoring point for %s; name them'
                             % domain['name'], api=common.api_summary(client))
    else:
        check_before_write(module, client, domain['id'], record['sub_domain'], record['record_type'],
                           record['value'], {'points': settings['points']})
    check_before_write(module, client, domain['id'], record['sub_domain'], record['record_type'],
                       record['value'], {'bak_ip': settings['bak_ip']})
    predicted = dict(mon.API_DEFAULTS)
    predicted.update(settings)
    predicted.update(
        monitor_id='', domain=domain['name'], domain_id=domain['id'], record_id=record['id'],
        sub_domain=record['sub_domain'], record_line=record['record_line'], ip=record['value'],
        now_ip=record['value'], has_callback_key=bool(settings.get('callback_key')),
        status=desired.get('status', 'enabled'), health='', health_code='', bak_ip_status=[], created_on='',
        updated_on='')
    predicted.pop('callback_key', None)
    predicted.pop('keep_ttl', None)
    changes = dict((k, v) for k, v in settings.items() if k != 'keep_ttl')
    changes['state'] = 'present'
    if desired.get('status') == 'disabled':
        changes['status'] = 'disabled'
    if module.check_mode:
        return predicted, changes
    monitor_id = mon.create_monitor(client, mon.create_params(domain['id'], record['id'], settings))
    if desired.get('status') == 'disabled':
        mon.set_status(client, monitor_id, 'disabled')
    raw = mon.get_monitor(client, monitor_id) if monitor_id else None
    return (mon.normalize_monitor(raw) if raw else dict(predicted, monitor_id=monitor_id)), changes


def converge(module, client, raw, desired):
    """An existing monitor: Modify with the differing settings, Setstatus when the status differs."""
    current = mon.normalize_monitor(raw)
    changes = mon.plan_changes(desired, current, raw.get('callback_key'))
    status = desired.get('status')
    if status == current['status']:
        status = None
    if changes:
        check_before_write(module, client, current['domain_id'], current['sub_domain'],
                           mon.record_type_of(current['ip']), current['ip'], changes)
    all_changes = dict(changes)
    if status:
        all_changes['status'] = status
    if not all_changes:
        return current, current, all_changes
    after = mon.predict(current, changes, status)
    if module.check_mode:
        return current, after, all_changes
    if changes:
        mon.modify_monitor(client, mon.modify_params(current['monitor_id'], current, changes, desired.get('keep_ttl')))
    if status:
        mon.set_status(client, current['monitor_id'], status)
    fresh = mon.get_monitor(client, current['monitor_id'])
    return current, (mon.normalize_monitor(fresh) if fresh else after), all_changes


def main():
    argument_spec = common.dnspod_argument_spec()
    argument_spec.update(
        domain=dict(type='str', required=True),
        sub_domain=dict(type='str'),
        record_line=dict(type='str'),
        value=dict(type='str'),
        record_id=dict(type='str'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        status=dict(type='str', choices=['enabled', 'disabled']),
        host=dict(type='str'),
        port=dict(type='int'),
        monitor_type=dict(type='str', choices=['http', 'https']),
        monitor_path=dict(type='str'),
        monitor_interval=dict(type='int', choices=[60, 180, 360]),
        points=dict(type='list', elements='str'),
        bak_ip=dict(type='list', elements='str'),
        keep_ttl=dict(type='bool'),
        sms_notice=dict(type='list', elements='str', choices=['me', 'share']),
        email_notice=dict(type='list', elements='str', choices=['me', 'share']),
        less_notice=dict(type='bool'),
        callback_url=dict(type='str'),
        callback_key=dict(type='str', no_log=True),
    )
    kwargs = common.dnspod_module_kwargs()
    kwargs['mutually_exclusive'] = kwargs['mutually_exclusive'] + [('record_id', 'sub_domain'), ('record_id', 'value'),
                                                                   ('record_id', 'record_line')]
    kwargs['required_one_of'] = [('record_id', 'sub_domain')]
    kwargs['required_by'] = {'sub_domain': 'value'}
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True, **kwargs)
    params = module.params

    # Every check that needs no call, before the first one.
    try:
        desired = mon.validate_desired(params)
    except mon.MonitorValidationError as exc:
        fail(module, None, exc)
    record_id = params['record_id'].strip() if params['record_id'] is not None else None
    if record_id is not None and not record_id.isdigit():
        module.fail_json(msg='record_id: %r is not a numeric record ID' % params['record_id'])
    domain_name = params['domain'].strip()
    if not domain_name.isdigit():
        try:
            domain_name = names.normalize_domain_name(domain_name)
        except ValueError as exc:
            module.fail_json(msg='domain: %s' % exc)
        if record_id is None:
            try:
                sub_domain = names.relative_name(params['sub_domain'], domain_name)
            except ValueError as exc:
                module.fail_json(msg='sub_domain: %s' % exc)
    if record_id is None and not params['value'].strip():
        module.fail_json(msg='value: give the value of the record to monitor')

    client = common.create_client(module)
    before = after = None
    changes = {}
    try:
        domain = common.resolve_domain(module, client, domain_name)
        if record_id is None:
            sub_domain = names.relative_name(params['sub_domain'], domain['name'])
        line = params['record_line'] or client.default_line
        monitors = mon.list_monitors(client)
        if record_id is not None:
            raw = mon.find_monitor(monitors, domain['id'], record_id=record_id)
        else:
            raw = mon.find_monitor(monitors, domain['id'], sub_domain=sub_domain, record_line=line,
                                   value=params['value'])
        if params['state'] == 'absent':
            if raw is not None:
                before = mon.normalize_monitor(raw)
                changes = {'state': 'absent'}
                if not module.check_mode:
                    mon.remove_monitor(client, before['monitor_id'])
        elif raw is not None:
            before, after, changes = converge(module, client, raw, desired)
        else:
            if record_id is not None:
                records = client.list_records(domain['id'])
                record = mon.find_record(records, record_id=record_id)
                wanted = 'with ID %s' % record_id
            else:
                records = client.list_records(domain['id'], sub_domain=sub_domain, record_line=line)
                record = mon.find_record(records, value=params['value'])
                host = names.fqdn(sub_domain, domain['name'])
                wanted = '%s (line %s) with value %s' % (host, line, params['value'])
            if record is None:
                module.fail_json(msg='no A or CNAME record %s in %s to monitor' % (wanted, domain['name']),
                                 api=common.api_summary(client))
            after, changes = create(module, client, domain, record, desired)
    except mon.MonitorValidationError as exc:
        fail(module, client, exc)
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))

    result = dict(changed=bool(changes), monitor=after or {}, changes=mon.public_changes(changes),
                  api=common.api_summary(client))
    if module._diff:
        result['diff'] = dict(before=mon.diff_view(before), after=mon.diff_view(after, changes))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
