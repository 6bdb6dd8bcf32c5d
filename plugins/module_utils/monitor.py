# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""D-monitor: input checks that mirror the API's validation codes 6-22, the canonical monitor and
change planning (only what differs is written). The calls are in dnspod_api/monitors.py; the few
functions at the end that send them take its ``Monitors`` (``monitors``) and say so."""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import check_domain

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


class MonitorValidationError(TaskError):
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


# -- the task: checks before any call, then what dnspod_monitor and dnspod_monitor_info do --------
def relative_sub_domain(sub_domain, domain_name):
    try:
        return names.relative_name(sub_domain, domain_name)
    except ValueError as exc:
        raise TaskError('sub_domain: %s' % exc)


def check_params(params):
    """(desired, record_id, domain) of dnspod_monitor's parameters: every check that needs no call."""
    desired = validate_desired(params)
    record_id = params['record_id'].strip() if params['record_id'] is not None else None
    if record_id is not None and not record_id.isdigit():
        raise TaskError('record_id: %r is not a numeric record ID' % params['record_id'])
    domain, domain_name = check_domain(params['domain'])
    if domain_name is not None and record_id is None:
        relative_sub_domain(params['sub_domain'], domain_name)
    if record_id is None and not params['value'].strip():
        raise TaskError('value: give the value of the record to monitor')
    return desired, record_id, domain


def check_info_params(params):
    """The hours of history dnspod_monitor_info reads; the other checks that need no call."""
    hours = check_hours(params['hours'])
    gather = set(params['gather'])
    if params['downs_limit'] is not None and params['downs_limit'] < 1:
        raise TaskError('downs_limit: must be at least 1')
    if gather & set(['subdomains', 'subvalues']) and not params['domain']:
        raise TaskError('domain: required to gather subdomains or subvalues')
    if 'subvalues' in gather and params['sub_domain'] is None:
        raise TaskError('sub_domain: required to gather subvalues')
    return hours


def record_to_monitor(records, domain, record_id=None, sub_domain=None, line=None, value=None):
    """The A or CNAME record a new monitor watches, among ``records``; fails the task when there is none."""
    record = find_record(records, record_id=record_id, value=value)
    if record is None:
        if record_id is not None:
            wanted = 'with ID %s' % record_id
        else:
            wanted = '%s (line %s) with value %s' % (names.fqdn(sub_domain, domain['name']), line, value)
        raise TaskError('no A or CNAME record %s in %s to monitor' % (wanted, domain['name']))
    return record


def check_before_write(monitors, domain_id, sub_domain, record_type, record_value, settings):
    """Points against Monitor.Listsubvalue (codes 13/14) and backups against the record (15-17)."""
    if 'points' in settings:
        offer = monitors.subvalues(domain_id, sub_domain)['points']
        check_points_available(settings['points'], offer['list'], offer['max'])
    if 'bak_ip' in settings:
        check_bak_ip_for_record(settings['bak_ip'], record_type, record_value)


def create(monitors, domain, record, desired, check_mode):
    """A monitor for a record that has none: defaults for the required settings, then Create
    (``monitors``: the API's Monitors) -> (monitor after, changes)."""
    settings = dict(CREATE_DEFAULTS)
    settings['host'] = names.fqdn(record['sub_domain'], domain['name'])
    settings.update((k, v) for k, v in desired.items() if k != 'status')
    if 'points' not in settings:
        offer = monitors.subvalues(domain['id'], record['sub_domain'])['points']
        available = sorted(offer['list']) if offer['list'] else []
        limit = offer['max'] if offer['max'] is not None else len(available)
        settings['points'] = available[:limit]
        if not settings['points']:
            raise TaskError('points: Monitor.Listsubvalue offers no monitoring point for %s; name them' % domain['name'])
    else:
        check_before_write(monitors, domain['id'], record['sub_domain'], record['record_type'], record['value'],
                           {'points': settings['points']})
    check_before_write(monitors, domain['id'], record['sub_domain'], record['record_type'], record['value'],
                       {'bak_ip': settings['bak_ip']})
    predicted = dict(API_DEFAULTS)
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
    if check_mode:
        return predicted, changes
    monitor_id = monitors.create(create_params(domain['id'], record['id'], settings))
    if desired.get('status') == 'disabled':
        monitors.set_status(monitor_id, 'disabled')
    raw = monitors.get(monitor_id) if monitor_id else None
    return (normalize_monitor(raw) if raw else dict(predicted, monitor_id=monitor_id)), changes


def update(monitors, raw, desired, check_mode):
    """An existing monitor: Modify with the differing settings, Setstatus when the status differs
    -> (before, after, changes)."""
    current = normalize_monitor(raw)
    changes = plan_changes(desired, current, raw.get('callback_key'))
    status = desired.get('status')
    if status == current['status']:
        status = None
    if changes:
        check_before_write(monitors, current['domain_id'], current['sub_domain'], record_type_of(current['ip']),
                           current['ip'], changes)
    all_changes = dict(changes)
    if status:
        all_changes['status'] = status
    if not all_changes:
        return current, current, all_changes
    after = predict(current, changes, status)
    if check_mode:
        return current, after, all_changes
    if changes:
        monitors.modify(modify_params(current['monitor_id'], current, changes, desired.get('keep_ttl')))
    if status:
        monitors.set_status(current['monitor_id'], status)
    fresh = monitors.get(current['monitor_id'])
    return current, (normalize_monitor(fresh) if fresh else after), all_changes


def remove(monitors, raw, check_mode):
    """The monitor ``raw`` removed -> (before, changes)."""
    before = normalize_monitor(raw)
    if not check_mode:
        monitors.remove(before['monitor_id'])
    return before, {'state': 'absent'}


def gather(monitors, wanted, domain=None, sub_domain=None, monitor_id=None, hours=1, downs_limit=None):
    """What dnspod_monitor_info reads (``wanted``: its gather option as a set)."""
    result = {}
    if wanted & set(['monitors', 'history']):
        if monitor_id:
            raw = monitors.get(monitor_id.strip())
            raws = [raw] if raw else []
        else:
            raws = monitors.list()
        found = [normalize_monitor(raw) for raw in raws]
        if domain is not None:
            found = [m for m in found if m['domain_id'] == domain['id']]
        if sub_domain is not None:
            found = [m for m in found if m['sub_domain'] == sub_domain]
        result['monitors'] = found
        if 'history' in wanted:
            result['history'] = dict((m['monitor_id'], monitors.history(m['monitor_id'], hours)) for m in found)
    if 'summary' in wanted:
        result['summary'] = monitors.summary()
    if 'downs' in wanted:
        result['downs'] = monitors.downs(limit=downs_limit)
    if 'subdomains' in wanted:
        result['subdomains'] = monitors.subdomains(domain['id'])
    if 'subvalues' in wanted:
        result['subvalues'] = monitors.subvalues(domain['id'], sub_domain)
    return result
