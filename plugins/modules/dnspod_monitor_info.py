#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_monitor_info
short_description: Read DNSPod D-monitors, their history, alerts and what can be monitored
version_added: 0.2.0
description:
  - Lists the D-monitors of the account (C(Monitor.List)), or one by ID (C(Monitor.Info)), optionally only those of a
    domain or a host.
  - On request also their check history (C(Monitor.Gethistory)), the account's summary and quota
    (C(Monitor.Userdesc)), the downtime alerts (C(Monitor.Getdowns), every page), the sub-domains holding A records
    (C(Monitor.Listsubdomain)) and the A records of one sub-domain with the monitoring points on offer
    (C(Monitor.Listsubvalue)).
  - Only reads.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.INFO
options:
  gather:
    description:
      - What to read. V(monitors) the monitors, V(history) the check history of each monitor returned,
        V(summary) the account's counts and quota, V(downs) the downtime alerts, V(subdomains) the sub-domains of
        O(domain) that can be monitored, V(subvalues) the A records of O(sub_domain) and the monitoring points.
    type: list
    elements: str
    choices: [monitors, history, summary, downs, subdomains, subvalues]
    default: [monitors]
  domain:
    description:
      - Only the monitors of this domain (name or numeric ID). Required for V(subdomains) and V(subvalues).
    type: str
  sub_domain:
    description:
      - Only the monitors of this host (V(@) for the domain itself). Required for V(subvalues). Needs O(domain).
    type: str
  monitor_id:
    description:
      - Only this monitor (C(Monitor.Info)).
    type: str
  hours:
    description:
      - With V(history), how many recent hours of checks to read (1 to 720).
    type: int
    default: 1
  downs_limit:
    description:
      - With V(downs), read at most this many alerts (newest first). All of them when not set.
    type: int
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: All monitors of a domain
  dnspod.dnspod.dnspod_monitor_info:
    domain: example.com
  register: monitors

- name: The last six hours of checks of one monitor
  dnspod.dnspod.dnspod_monitor_info:
    monitor_id: 6aac176e-363a-11e2-bab7-0819a6248970
    gather: [monitors, history]
    hours: 6

- name: Quota, alerts and what www offers for monitoring
  dnspod.dnspod.dnspod_monitor_info:
    domain: example.com
    sub_domain: www
    gather: [summary, downs, subdomains, subvalues]
'''

RETURN = r'''
monitors:
  description:
    - The monitors, as M(dnspod.dnspod.dnspod_monitor) returns one (no callback key, C(has_callback_key) instead).
    - With O(monitor_id), the one monitor (empty when there is no such monitor).
  returned: when O(gather) holds V(monitors) or V(history)
  type: list
  elements: dict
  sample: [{"monitor_id": "6aac176e-363a-11e2-bab7-0819a6248970", "domain": "example.com", "sub_domain": "www",
            "ip": "192.0.2.10", "port": 80, "monitor_type": "http", "points": ["ctc", "cuc"], "bak_ip": ["pass"],
            "status": "enabled", "health": "Ok", "has_callback_key": false}]
history:
  description: Check history per monitor ID; per monitoring point, the checks oldest first.
  returned: when O(gather) holds V(history)
  type: dict
  sample: {"6aac176e-363a-11e2-bab7-0819a6248970": [{"point": "ctc", "checks": [
           {"status": "Ok", "status_code": 200, "time": "2012-11-24 22:28:31", "response_time": 35}]}]}
summary:
  description:
    - C(monitored) records with an enabled monitor, C(unmonitored) A/CNAME records without one, C(down) monitors
      now down, C(max_count) monitors allowed, C(use_count) monitors used.
  returned: when O(gather) holds V(summary)
  type: dict
  sample: {"monitored": 1, "unmonitored": 3, "down": 0, "max_count": 28, "use_count": 1}
downs:
  description: Downtime alerts, newest first; C(ongoing) is true while the record is still down.
  returned: when O(gather) holds V(downs)
  type: list
  elements: dict
  sample: [{"monitor_id": "6aac176e-363a-11e2-bab7-0819a6248970", "host": "www.example.com", "record_line": "默认",
            "ip": "192.0.2.10", "warn_reason": "timed out", "switch_log": [], "created_on": "2012-11-24 22:30:06",
            "updated_on": "0000-00-00 00:00:00", "ongoing": true}]
subdomains:
  description: Sub-domains of O(domain) holding A records (what can be monitored).
  returned: when O(gather) holds V(subdomains)
  type: list
  elements: str
  sample: ["@", "www"]
subvalues:
  description:
    - The A records of O(sub_domain) (C(id), C(record_line), C(value)) and the monitoring points on offer
      (C(points.list), code to name, and C(points.max), how many one monitor may use).
  returned: when O(gather) holds V(subvalues)
  type: dict
  sample: {"points": {"max": 2, "list": {"ctc": "电信", "cuc": "联通", "cmc": "移动"}},
           "records": [{"id": "16909160", "record_line": "默认", "value": "192.0.2.10"}]}
# BEGIN shared api_read (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls the task sent (an info module never writes, C(writes) is always 0).
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 0}
# END shared api_read
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils import runner

OPTIONS = dict(
    gather=dict(type='list', elements='str', default=['monitors'],
                choices=['monitors', 'history', 'summary', 'downs', 'subdomains', 'subvalues']),
    domain=dict(type='str'),
    sub_domain=dict(type='str'),
    monitor_id=dict(type='str'),
    hours=dict(type='int', default=1),
    downs_limit=dict(type='int'),
)
RULES = dict(required_by={'sub_domain': 'domain'})


def converge(task):
    params = task.params
    hours = mon.check_info_params(params)
    domain = task.resolve_domain(params['domain']) if params['domain'] else None
    sub_domain = None
    if params['sub_domain'] is not None:
        sub_domain = mon.relative_sub_domain(params['sub_domain'], domain['name'])
    found = mon.gather(task.api.monitors, set(params['gather']), domain, sub_domain, params['monitor_id'], hours,
                       params['downs_limit'])
    return dict(changed=False, **found)


def main():
    runner.main(AnsibleModule, OPTIONS, converge, RULES)


if __name__ == '__main__':
    main()
