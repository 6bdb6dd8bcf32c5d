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

from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
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
RULES = dict(mutually_exclusive=[('record_id', 'sub_domain'), ('record_id', 'value'), ('record_id', 'record_line')],
             required_one_of=[('record_id', 'sub_domain')], required_by={'sub_domain': 'value'})


def converge(task):
    desired, record_id, domain = mon.check_params(task.params)
    domain = task.resolve_domain(domain)
    monitors, value = task.api.monitors, task.params['value']
    sub_domain = mon.relative_sub_domain(task.params['sub_domain'], domain['name']) if record_id is None else None
    line = task.params['record_line'] or task.client.default_line
    raw = mon.find_monitor(monitors.list(), domain['id'], record_id, sub_domain, line, value)
    before = after = None
    changes = {}
    if task.params['state'] == 'absent':
        if raw is not None:
            before, changes = mon.remove(monitors, raw, task.check_mode)
    elif raw is not None:
        before, after, changes = mon.update(monitors, raw, desired, task.check_mode)
    else:
        scope = {} if record_id is not None else dict(sub_domain=sub_domain, record_line=line)
        record = mon.record_to_monitor(task.api.records.list(domain['id'], **scope), domain, record_id, sub_domain,
                                       line, value)
        after, changes = mon.create(monitors, domain, record, desired, task.check_mode)
    result = dict(changed=bool(changes), monitor=after or {}, changes=mon.public_changes(changes))
    if task.diff:
        result['diff'] = dict(before=mon.diff_view(before), after=mon.diff_view(after, changes))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
