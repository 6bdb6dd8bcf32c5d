# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""D-monitor (Monitor.*): input checks that mirror the API's validation codes 6-22, the
canonical monitor, change planning (only what differs is written), and thin wrappers of the
Monitor.* calls. Pure functions except the wrappers, which take a DNSPodClient."""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str

INTERVALS = (60, 180, 360)
MONITOR_TYPES = ('http', 'https')
BAK_MODES = ('pass', 'pause', 'auto')
NOTICE_TARGETS = ('me', 'share')
MONITORED_TYPES = ('A', 'CNAME')
MAX_TEXT = 255
MAX_HISTORY_HOURS = 720
REDACTED = '********'

# Settings written with Monitor.Modify, in the API's names. ``status`` goes through Setstatus.
FIELDS = ('host', 'port', 'monitor_type', 'monitor_path', 'monitor_interval', 'points', 'bak_ip',
          'sms_notice', 'email_notice', 'less_notice', 'callback_url', 'callback_key')
# Values a new monitor gets when the task does not name them (Monitor.Create requires them).
CREATE_DEFAULTS = {'port': 80, 'monitor_type': 'http', 'monitor_path': '/', 'monitor_interval': 360,
                   'bak_ip': ['pass']}
# What the API sets on Create when the optional settings are not sent (used for predictions).
API_DEFAULTS = {'sms_notice': ['me'], 'email_notice': ['me'], 'less_notice': False, 'callback_url': ''}

_HOST = re.compile(r'^(?=.{1,253}$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*'
                   r'[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$')
_PATH = re.compile(r'^/[\x21-\x7e]*$')
_URL = re.compile(r'^https?://[A-Za-z0-9_.-]+(:[0-9]{1,5})?(/[\x21-\x7e]*)?$', re.I)
_POINT = re.compile(r'^[a-z0-9_]{1,32}$')


class MonitorValidationError(ValueError):
    """Bad input found before any write. ``str()``: '<parameter>: <message> (API code <code>)'."""

    def __init__(self, parameter, message, code=None):
        self.parameter = parameter
        self.message = message
        self.code = code
        text = '%s: %s' % (parameter, message)
        if code:
            text += ' (the API would answer code %s)' % code
        super(MonitorValidationError, self).__init__(text)


def _is_ipv4(value):
    try:
        ipaddress.IPv4Address(value)
        return True
    except ValueError:
        return False


def is_hostname(value):
    """A host name that is not an IP address (a CNAME backup target)."""
    value = value.rstrip('.')
    return bool(_HOST.match(value)) and not _is_ipv4(value) and ':' not in value


def _items(value):
    """A list option (or a comma-separated string) -> stripped items."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(',') if value.strip() else []
    return [to_str(item).strip() for item in value]


# -- checks of one option each (code: the API's code for the same mistake) ----------------------
def check_host(host):
    host = to_str(host).strip()
    if not _HOST.match(host):
        raise MonitorValidationError('host', '%r is not a host name such as www.example.com' % host, '8')
    return host


def check_port(port):
    value = to_int(port, None) if not isinstance(port, bool) else None
    if value is None or not 1 <= value <= 65535 or str(port).strip() != str(value):
        raise MonitorValidationError('port', '%r is not an integer from 1 to 65535' % (port,), '9')
    return value


def check_monitor_type(value):
    text = to_str(value).strip().lower()
    if text not in MONITOR_TYPES:
        raise MonitorValidationError('monitor_type', '%r is not one of http, https' % (value,), '10')
    return text


def check_monitor_path(path):
    text = to_str(path).strip()
    if len(text) > MAX_TEXT or not _PATH.match(text):
        raise MonitorValidationError(
            'monitor_path', 'must start with "/", hold no blanks or non-ASCII characters (URL-encode them) '
            'and have at most %d characters' % MAX_TEXT, '11')
    return text


def check_interval(value):
    number = to_int(value, None) if not isinstance(value, bool) else None
    if number not in INTERVALS:
        raise MonitorValidationError('monitor_interval', '%r is not one of 60, 180, 360 (seconds)' % (value,), '12')
    return number


def check_points(points):
    items = [item.lower() for item in _items(points) or []]
    if not items:
        raise MonitorValidationError('points', 'name at least one monitoring point (for example ctc, cuc, cmc)', '13')
    for item in items:
        if not _POINT.match(item):
            raise MonitorValidationError('points', '%r is not a monitoring point code (for example ctc)' % item, '13')
    if len(set(items)) != len(items):
        raise MonitorValidationError('points', 'a monitoring point is listed twice', '13')
    return items


def check_points_available(points, available, max_points):
    """Against the points Monitor.Listsubvalue offers (codes 13 and 14)."""
    if available:
        unknown = [p for p in points if p not in available]
        if unknown:
            raise MonitorValidationError('points', 'unknown monitoring point(s) %s; available: %s'
                                         % (', '.join(unknown), ', '.join(sorted(available))), '13')
    if max_points is not None and len(points) > max_points:
        raise MonitorValidationError('points', '%d points, but this domain allows at most %d'
                                     % (len(points), max_points), '14')


def check_bak_ip(bak_ip):
    """[mode] or a list of backup IPv4 addresses / host names (codes 15 and 17)."""
    items = _items(bak_ip) or []
    if len(items) == 1 and items[0].lower() in BAK_MODES:
        return [items[0].lower()]
    if not items or any(item == '' for item in items):
        raise MonitorValidationError('bak_ip', 'give one of pass, pause, auto, or a list of backup addresses', '15')
    out = []
    for item in items:
        if item.lower() in BAK_MODES:
            raise MonitorValidationError('bak_ip', '%r cannot be combined with backup addresses' % item, '15')
        if _is_ipv4(item):
            out.append(item)
        elif is_hostname(item):
            out.append(item.lower().rstrip('.'))
        else:
            raise MonitorValidationError('bak_ip', '%r is neither an IPv4 address nor a host name' % item, '15')
    if len(set(out)) != len(out):
        raise MonitorValidationError('bak_ip', 'a backup address is listed twice', '17')
    return out


def check_bak_ip_for_record(bak_ip, record_type, record_value):
    """Backups of an A record are IPv4 addresses (15), of a CNAME host names (16); never the
    monitored value itself (17)."""
    if len(bak_ip) == 1 and bak_ip[0] in BAK_MODES:
        return
    own = value_key(record_value)
    for item in bak_ip:
        if record_type == 'CNAME':
            if not is_hostname(item):
                raise MonitorValidationError('bak_ip', '%r: backups of a CNAME record are host names' % item, '16')
        elif not _is_ipv4(item):
            raise MonitorValidationError('bak_ip', '%r: backups of an A record are IPv4 addresses' % item, '15')
        if value_key(item) == own:
            raise MonitorValidationError('bak_ip', '%r is the monitored value itself' % item, '17')


def check_notice(value, parameter):
    items = [item.lower() for item in _items(value) or []]
    code = '18' if parameter == 'sms_notice' else '19'
    for item in items:
        if item not in NOTICE_TARGETS:
            raise MonitorValidationError(parameter, '%r is not one of me, share' % item, code)
    if len(set(items)) != len(items):
        raise MonitorValidationError(parameter, 'a target is listed twice', code)
    return items


def check_callback_url(url):
    text = to_str(url).strip()
    if text and (len(text) > MAX_TEXT or not _URL.match(text)):
        raise MonitorValidationError('callback_url', 'must be an http:// or https:// URL without blanks, at most %d '
                                     'characters (empty removes it)' % MAX_TEXT, '22')
    return text


def check_hours(hours):
    number = to_int(hours, None) if not isinstance(hours, bool) else None
    if number is None or not 1 <= number <= MAX_HISTORY_HOURS:
        raise MonitorValidationError('hours', '%r is not a number of hours from 1 to %d' % (hours, MAX_HISTORY_HOURS))
    return number


def validate_desired(params):
    """Module parameters -> the desired settings (only those given), checked; raises
    MonitorValidationError before any call."""
    desired = {}
    checks = (('host', check_host), ('port', check_port), ('monitor_type', check_monitor_type),
              ('monitor_path', check_monitor_path), ('monitor_interval', check_interval),
              ('points', check_points), ('bak_ip', check_bak_ip),
              ('sms_notice', lambda v: check_notice(v, 'sms_notice')),
              ('email_notice', lambda v: check_notice(v, 'email_notice')),
              ('callback_url', check_callback_url))
    for name, check in checks:
        if params.get(name) is not None:
            desired[name] = check(params[name])
    for name in ('less_notice', 'keep_ttl'):
        if params.get(name) is not None:
            desired[name] = bool(params[name])
    if params.get('callback_key') is not None:
        desired['callback_key'] = to_str(params['callback_key'])
    if params.get('status') is not None:
        if params['status'] not in ('enabled', 'disabled'):
            raise MonitorValidationError('status', 'must be enabled or disabled')
        desired['status'] = params['status']
    return desired


# -- canonical monitor ------------------------------------------------------------------------
def value_key(value):
    """How monitored values and backups compare: lower case, no final dot."""
    return to_str(value).strip().lower().rstrip('.')


def _split(value):
    text = to_str(value).strip()
    return [item.strip() for item in text.split(',') if item.strip()] if text else []


def _yes(value):
    return to_str(value).strip().lower() in ('yes', 'true', '1')


def normalize_monitor(raw):
    """An item of Monitor.List / the info of Monitor.Info -> canonical dict. The callback key is
    never in it (``has_callback_key`` says whether one is set)."""
    raw = raw or {}
    bak = to_str(raw.get('bak_ip')).strip()
    return {
        'monitor_id': to_str(raw.get('monitor_id')),
        'domain': to_str(raw.get('domain')).lower(),
        'domain_id': to_str(raw.get('domain_id')),
        'record_id': to_str(raw.get('record_id')),
        'sub_domain': to_str(raw.get('sub_domain')).lower() or '@',
        'record_line': to_str(raw.get('record_line')),
        'ip': to_str(raw.get('ip')),
        'now_ip': to_str(raw.get('now_ip')),
        'host': to_str(raw.get('host')),
        'port': to_int(raw.get('port'), 0),
        'monitor_type': to_str(raw.get('monitor_type')).lower(),
        'monitor_path': to_str(raw.get('monitor_path')),
        'monitor_interval': to_int(raw.get('monitor_interval'), 0),
        'points': [p.lower() for p in _split(raw.get('points'))],
        'bak_ip': [b.lower() if b.lower() in BAK_MODES else b for b in _split(bak)],
        'sms_notice': [n.lower() for n in _split(raw.get('sms_notice'))],
        'email_notice': [n.lower() for n in _split(raw.get('email_notice'))],
        'less_notice': _yes(raw.get('less_notice')),
        'callback_url': to_str(raw.get('callback_url')),
        'has_callback_key': bool(to_str(raw.get('callback_key'))),
        'status': 'disabled' if to_str(raw.get('monitor_status')).lower() in ('disabled', 'disable') else 'enabled',
        'health': to_str(raw.get('status')),
        'health_code': to_str(raw.get('status_code')),
        'bak_ip_status': raw.get('bak_ip_status') or [],
        'created_on': to_str(raw.get('created_on')),
        'updated_on': to_str(raw.get('updated_on')),
    }


def _same(field, wanted, current):
    if field in ('points', 'sms_notice', 'email_notice'):
        return sorted(wanted) == sorted(current)
    if field == 'bak_ip':
        return [value_key(v) for v in wanted] == [value_key(v) for v in current]
    if field == 'host':
        return value_key(wanted) == value_key(current)
    return wanted == current


def plan_changes(desired, current, current_callback_key=None):
    """Settings to write with Monitor.Modify: {field: new canonical value} for every desired field
    that differs. ``current`` is canonical; ``current_callback_key`` the raw key (None: the API
    did not say, so the key is not compared). ``keep_ttl`` and ``status`` are never in it."""
    changes = {}
    for field in FIELDS:
        if field not in desired:
            continue
        if field == 'callback_key':
            if current_callback_key is not None and desired[field] != current_callback_key:
                changes[field] = desired[field]
            continue
        if not _same(field, desired[field], current.get(field)):
            changes[field] = desired[field]
    return changes


def to_api(field, value):
    """A canonical value -> the form field Monitor.Create/Modify take."""
    if field in ('points', 'bak_ip', 'sms_notice', 'email_notice'):
        return ','.join(value)
    if field in ('less_notice', 'keep_ttl'):
        return 'yes' if value else 'no'
    if field in ('port', 'monitor_interval'):
        return str(value)
    return value


def modify_params(monitor_id, current, changes, keep_ttl=None):
    """Monitor.Modify sends every required field: the current values with the changes applied.
    Optional fields are sent only when they change (absent means "keep")."""
    params = {'monitor_id': monitor_id}
    for field in ('port', 'monitor_interval', 'monitor_type', 'monitor_path', 'points', 'bak_ip', 'host'):
        params[field] = to_api(field, changes.get(field, current.get(field)))
    for field in ('sms_notice', 'email_notice', 'less_notice', 'callback_url', 'callback_key'):
        if field in changes:
            params[field] = to_api(field, changes[field])
    if keep_ttl is not None:
        params['keep_ttl'] = to_api('keep_ttl', keep_ttl)
    return params


def create_params(domain_id, record_id, settings):
    """Monitor.Create form fields from complete settings (required ones filled in)."""
    params = {'domain_id': domain_id, 'record_id': record_id}
    for field in FIELDS + ('keep_ttl',):
        if field in settings:
            params[field] = to_api(field, settings[field])
    return params


def predict(current, changes, status=None):
    """The canonical monitor after the changes (check mode and diff)."""
    after = dict(current)
    for field, value in changes.items():
        if field == 'callback_key':
            after['has_callback_key'] = bool(value)
        else:
            after[field] = value
    if status is not None:
        after['status'] = status
    return after


def diff_view(monitor, changes=None):
    """What diff mode shows: the managed settings; a callback key only as set/unset (or changed)."""
    if not monitor:
        return {}
    view = dict((field, monitor.get(field)) for field in FIELDS if field != 'callback_key')
    view['callback_key'] = REDACTED if monitor.get('has_callback_key') else ''
    view['status'] = monitor.get('status')
    for key in ('domain', 'sub_domain', 'record_line', 'ip'):
        view[key] = monitor.get(key)
    if changes and 'callback_key' in changes:
        view['callback_key'] = '%s (changed)' % REDACTED if changes['callback_key'] else ''
    return view


def public_changes(changes):
    """Changes as returned to the user: the callback key is masked."""
    out = dict(changes)
    if 'callback_key' in out:
        out['callback_key'] = REDACTED if out['callback_key'] else ''
    return out


def find_monitor(monitors, domain_id, record_id=None, sub_domain=None, record_line=None, value=None):
    """The raw monitor of a record among Monitor.List items, or None. A record is named by id, or
    by sub_domain + record_line (case-insensitive) + value."""
    for raw in monitors:
        if to_str(raw.get('domain_id')) != to_str(domain_id):
            continue
        if record_id is not None:
            if to_str(raw.get('record_id')) == to_str(record_id):
                return raw
            continue
        if (to_str(raw.get('sub_domain')).lower() == sub_domain.lower()
                and to_str(raw.get('record_line')).lower() == record_line.lower()
                and value_key(raw.get('ip')) == value_key(value)):
            return raw
    return None


def find_record(records, record_id=None, value=None):
    """A monitorable (A/CNAME) canonical record by id, or by value among a set's records."""
    for record in records:
        if record['record_type'] not in MONITORED_TYPES:
            continue
        if record_id is not None:
            if record['id'] == to_str(record_id):
                return record
        elif value_key(record['value']) == value_key(value):
            return record
    return None


def record_type_of(value):
    """A monitored value's record type: an IPv4 address is an A record, anything else a CNAME."""
    return 'A' if _is_ipv4(to_str(value).strip()) else 'CNAME'


# -- API wrappers --------------------------------------------------------------------------------
def _list(value):
    if isinstance(value, dict):
        return list(value.values())
    return list(value or [])


def list_monitors(client):
    """Every monitor of the account (raw items of Monitor.List)."""
    return _list(client.call('Monitor.List').get('monitors'))


def get_monitor(client, monitor_id):
    """Monitor.Info -> raw info, or None for an unknown id (code 7)."""
    try:
        return client.call('Monitor.Info', {'monitor_id': monitor_id}).get('info')
    except DNSPodAPIError as exc:
        if exc.code == '7':
            return None
        raise


def create_monitor(client, params):
    """Monitor.Create -> the new monitor's id. Callers create only after Monitor.List showed no
    monitor on the record, so an answer 20 ("the record already has a monitor") means a retry
    after a lost answer reached a server that had carried out the first attempt: the monitor
    now on the record is returned instead of an error."""
    try:
        answer = client.call('Monitor.Create', params)
    except DNSPodOutcomeUnknownError as exc:
        # sent once (a monitor uses up the account's quota): Monitor.List shows whether it exists
        def verdict(monitors):
            found = find_monitor(monitors, params['domain_id'], record_id=params['record_id'])
            return found is not None, 'Monitor.List %s a monitor on record %s' % (
                'has' if found else 'has no', params['record_id'])
        monitors = readback.settle(client, exc, lambda: list_monitors(client), verdict,
                                   'Monitor.List (dnspod_monitor_info)')
        return to_str(find_monitor(monitors, params['domain_id'], record_id=params['record_id']).get('monitor_id'))
    except DNSPodAPIError as exc:
        if exc.code != '20':
            raise
        found = find_monitor(list_monitors(client), params['domain_id'], record_id=params['record_id'])
        if found is None:
            raise
        return to_str(found.get('monitor_id'))
    return to_str((answer.get('monitor') or {}).get('monitor_id'))


def modify_monitor(client, params):
    client.call('Monitor.Modify', params)


def remove_monitor(client, monitor_id):
    """Monitor.Remove; an answer 6 (no such monitor) for a monitor just listed is a retry whose
    first attempt removed it: done, when Monitor.Info confirms it is gone."""
    try:
        client.call('Monitor.Remove', {'monitor_id': monitor_id})
    except DNSPodAPIError as exc:
        if exc.code != '6' or get_monitor(client, monitor_id) is not None:
            raise
        client.confirm_write()      # the first copy removed it: a write of this task


def set_status(client, monitor_id, status):
    client.call('Monitor.Setstatus', {'monitor_id': monitor_id, 'status': status})


def list_subdomains(client, domain_id):
    """Monitor.Listsubdomain: sub-domains holding A records (code 8: none)."""
    answer = client.call('Monitor.Listsubdomain', {'domain_id': domain_id}, empty_codes=('8',))
    return [to_str(name) for name in _list(answer.get('subdomain'))]


def list_subvalues(client, domain_id, sub_domain):
    """Monitor.Listsubvalue -> {'points': {'max': int or None, 'list': {code: name}}, 'records': [...]}."""
    answer = client.call('Monitor.Listsubvalue', {'domain_id': domain_id, 'subdomain': sub_domain})
    points = answer.get('points') or {}
    listed = points.get('list') or {}
    if isinstance(listed, list):
        listed = dict((to_str(p), to_str(p)) for p in listed)
    return {
        'points': {'max': to_int(points.get('max'), None) if points.get('max') is not None else None,
                   'list': dict((to_str(k).lower(), to_str(v)) for k, v in listed.items())},
        'records': [{'id': to_str(r.get('id')), 'record_line': to_str(r.get('area')), 'value': to_str(r.get('value'))}
                    for r in _list(answer.get('records'))],
    }


def get_history(client, monitor_id, hours):
    """Monitor.Gethistory -> [{'point': code, 'checks': [{status, status_code, time, response_time}]}]."""
    answer = client.call('Monitor.Gethistory', {'monitor_id': monitor_id, 'hours': hours})
    out = []
    for item in _list(answer.get('monitor_history')):
        data = (item.get('data') or {}).get('data') or []
        out.append({'point': to_str(item.get('point')),
                    'checks': [{'status': to_str(d.get('status')), 'status_code': to_int(d.get('status_code'), 0),
                                'time': to_str(d.get('createtime')),
                                'response_time': to_int(d.get('responsetime'), 0)} for d in _list(data)]})
    return out


def user_summary(client):
    answer = client.call('Monitor.Userdesc')
    desc = answer.get('desc') or {}
    user = answer.get('user') or {}
    return {'monitored': to_int(desc.get('moniting_count'), 0), 'unmonitored': to_int(desc.get('unmoniting_count'), 0),
            'down': to_int(desc.get('down_count'), 0), 'max_count': to_int(user.get('max_count'), 0),
            'use_count': to_int(user.get('use_count'), 0)}


def normalize_down(raw):
    updated = to_str(raw.get('updated_on'))
    return {
        'monitor_id': to_str(raw.get('monitor_id')), 'host': to_str(raw.get('host')),
        'record_line': to_str(raw.get('record_line')), 'ip': to_str(raw.get('ip')),
        'warn_reason': to_str(raw.get('warn_reason')), 'switch_log': _list(raw.get('switch_log')),
        'created_on': to_str(raw.get('created_on')), 'updated_on': updated,
        'ongoing': updated in ('', '0000-00-00 00:00:00'),
    }


def list_downs(client, page_size=100, limit=None):
    """Every alert of Monitor.Getdowns (newest first), page by page (offset/length) until
    info.total_count; ``limit``: stop after that many."""
    items = []
    seen = set()
    offset = 0
    while True:
        answer = client.call('Monitor.Getdowns', {'offset': offset, 'length': page_size})
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
