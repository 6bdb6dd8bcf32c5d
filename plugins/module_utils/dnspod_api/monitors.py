# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""D-monitor: Monitor.List, .Info, .Create, .Modify, .Remove, .Setstatus, .Listsubdomain,
.Listsubvalue, .Gethistory, .Userdesc, .Getdowns.

``list`` and ``get`` return the monitors as the API lists them (module_utils/monitor.py's
``normalize_monitor`` makes the canonical monitor of one, without its callback key; the raw item
is kept because the callback key is compared before it is hidden). The other reads return
canonical dicts. Monitor.Create is sent once (client.SEND_ONCE_ACTIONS: a monitor uses up the
account's quota); after a lost answer Monitor.List shows whether it exists.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str

UNKNOWN_MONITOR_CODE = '7'      # Monitor.Info
RECORD_HAS_MONITOR_CODE = '20'  # Monitor.Create: the record already has a monitor
NO_MONITOR_CODE = '6'           # Monitor.Remove
NO_SUBDOMAIN_CODE = '8'         # Monitor.Listsubdomain: no sub-domain holds an A record


def _list(value):
    if isinstance(value, dict):
        return list(value.values())
    return list(value or [])


def on_record(monitors, domain_id, record_id):
    """The raw monitor of a record among Monitor.List items, or None."""
    for raw in monitors:
        if to_str(raw.get('domain_id')) == to_str(domain_id) and to_str(raw.get('record_id')) == to_str(record_id):
            return raw
    return None


def normalize_down(raw):
    updated = to_str(raw.get('updated_on'))
    return {
        'monitor_id': to_str(raw.get('monitor_id')), 'host': to_str(raw.get('host')),
        'record_line': to_str(raw.get('record_line')), 'ip': to_str(raw.get('ip')),
        'warn_reason': to_str(raw.get('warn_reason')), 'switch_log': _list(raw.get('switch_log')),
        'created_on': to_str(raw.get('created_on')), 'updated_on': updated,
        'ongoing': updated in ('', '0000-00-00 00:00:00'),
    }


class Monitors:
    """The D-monitors of the account."""

    def __init__(self, client):
        self.client = client

    def list(self):
        """Every monitor of the account (raw items of Monitor.List)."""
        return _list(self.client.call('Monitor.List').get('monitors'))

    def get(self, monitor_id):
        """Monitor.Info -> raw info, or None for an unknown id (code 7)."""
        try:
            return self.client.call('Monitor.Info', {'monitor_id': monitor_id}).get('info')
        except DNSPodAPIError as exc:
            if exc.code == UNKNOWN_MONITOR_CODE:
                return None
            raise

    def create(self, params):
        """Monitor.Create (``params``: its form fields, monitor.create_params) -> the new monitor's
        id. Callers create only after Monitor.List showed no monitor on the record, so an answer
        20 ("the record already has a monitor") means a retry after a lost answer reached a server
        that had carried out the first attempt: the monitor now on the record is returned instead
        of an error."""
        try:
            answer = self.client.call('Monitor.Create', params)
        except DNSPodOutcomeUnknownError as exc:
            # sent once (a monitor uses up the account's quota): Monitor.List shows whether it exists
            def verdict(monitors):
                found = on_record(monitors, params['domain_id'], params['record_id'])
                return found is not None, 'Monitor.List %s a monitor on record %s' % (
                    'has' if found else 'has no', params['record_id'])
            monitors = readback.settle(self.client, exc, self.list, verdict, 'Monitor.List (dnspod_monitor_info)')
            return to_str(on_record(monitors, params['domain_id'], params['record_id']).get('monitor_id'))
        except DNSPodAPIError as exc:
            if exc.code != RECORD_HAS_MONITOR_CODE:
                raise
            found = on_record(self.list(), params['domain_id'], params['record_id'])
            if found is None:
                raise
            return to_str(found.get('monitor_id'))
        return to_str((answer.get('monitor') or {}).get('monitor_id'))

    def modify(self, params):
        """Monitor.Modify (``params``: its form fields, monitor.modify_params)."""
        self.client.call('Monitor.Modify', params)

    def remove(self, monitor_id):
        """Monitor.Remove; an answer 6 (no such monitor) for a monitor just listed is a retry whose
        first attempt removed it: done, when Monitor.Info confirms it is gone."""
        try:
            self.client.call('Monitor.Remove', {'monitor_id': monitor_id})
        except DNSPodAPIError as exc:
            if exc.code != NO_MONITOR_CODE or self.get(monitor_id) is not None:
                raise
            self.client.confirm_write()      # the first copy removed it: a write of this task

    def set_status(self, monitor_id, status):
        self.client.call('Monitor.Setstatus', {'monitor_id': monitor_id, 'status': status})

    def subdomains(self, domain_id):
        """Monitor.Listsubdomain: sub-domains holding A records (code 8: none)."""
        answer = self.client.call('Monitor.Listsubdomain', {'domain_id': domain_id}, empty_codes=(NO_SUBDOMAIN_CODE,))
        return [to_str(name) for name in _list(answer.get('subdomain'))]

    def subvalues(self, domain_id, sub_domain):
        """Monitor.Listsubvalue -> {'points': {'max': int or None, 'list': {code: name}}, 'records': [...]}."""
        answer = self.client.call('Monitor.Listsubvalue', {'domain_id': domain_id, 'subdomain': sub_domain})
        points = answer.get('points') or {}
        listed = points.get('list') or {}
        if isinstance(listed, list):
            listed = dict((to_str(p), to_str(p)) for p in listed)
        return {
            'points': {'max': to_int(points.get('max'), None) if points.get('max') is not None else None,
                       'list': dict((to_str(k).lower(), to_str(v)) for k, v in listed.items())},
            'records': [{'id': to_str(r.get('id')), 'record_line': to_str(r.get('area')),
                         'value': to_str(r.get('value'))} for r in _list(answer.get('records'))],
        }

    def history(self, monitor_id, hours):
        """Monitor.Gethistory -> [{'point': code, 'checks': [{status, status_code, time, response_time}]}]."""
        answer = self.client.call('Monitor.Gethistory', {'monitor_id': monitor_id, 'hours': hours})
        out = []
        for item in _list(answer.get('monitor_history')):
            data = (item.get('data') or {}).get('data') or []
            out.append({'point': to_str(item.get('point')),
                        'checks': [{'status': to_str(d.get('status')), 'status_code': to_int(d.get('status_code'), 0),
                                    'time': to_str(d.get('createtime')),
                                    'response_time': to_int(d.get('responsetime'), 0)} for d in _list(data)]})
        return out

    def summary(self):
        """Monitor.Userdesc -> the account's monitor counts and quota."""
        answer = self.client.call('Monitor.Userdesc')
        desc = answer.get('desc') or {}
        user = answer.get('user') or {}
        return {'monitored': to_int(desc.get('moniting_count'), 0),
                'unmonitored': to_int(desc.get('unmoniting_count'), 0),
                'down': to_int(desc.get('down_count'), 0), 'max_count': to_int(user.get('max_count'), 0),
                'use_count': to_int(user.get('use_count'), 0)}

    def downs(self, page_size=100, limit=None):
        """Every alert of Monitor.Getdowns (newest first), page by page (offset/length) until
        info.total_count; ``limit``: stop after that many."""
        items = []
        seen = set()
        offset = 0
        while True:
            answer = self.client.call('Monitor.Getdowns', {'offset': offset, 'length': page_size})
            page = _list(answer.get('monitor_downs'))
            for item in page:
                down = normalize_down(item)
                # a new alert between two pages shifts the rest by one: skip what was already read
                key = (down['monitor_id'], down['created_on'])
                if key not in seen:
                    seen.add(key)
                    items.append(down)
            offset += len(page)
            total = to_int((answer.get('info') or {}).get('total_count'), None)
            if not page or (total is not None and offset >= total) or (total is None and len(page) < page_size):
                break
            if limit is not None and len(items) >= limit:
                break
        return items[:limit] if limit is not None else items
