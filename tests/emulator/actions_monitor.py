"""Monitor.* (D-monitor): Listsubdomain, Listsubvalue, List, Create, Modify, Remove, Info,
Setstatus, Gethistory, Userdesc, Getdowns.

Monitors live in ``domain.ext['monitor']`` (monitor id -> dict) and are keyed to an A or CNAME
record of that domain; a monitor whose record is gone (or is no longer A/CNAME) is dropped the
next time the domain's monitors are read, as the service drops the monitor with its record.
History and alerts are generated, never stored: each check slot (``monitor_interval`` seconds)
of a monitor is "Down" with probability ``monitor_down_rate``, decided by a random generator
seeded with ``monitor_history_seed``, the monitor id and the slot number, so the same slot always
gives the same answer. Choices are in docs/emulator.md ("D-monitor").
"""
import datetime
import hashlib
import ipaddress
import re
import time

from . import extensions, validate
from .clock import BEIJING, beijing_now
from .errors import ApiError, bad_param
from .paging import page
from .registry import action

AREA = 'monitor'
# Monitoring points (Listsubvalue points.list), as in the document.
POINTS = [('ctc', '电信'), ('cuc', '联通'), ('cmc', '移动')]
POINT_NAMES = [name for name, _title in POINTS]
INTERVALS = ('60', '180', '360')
MONITOR_TYPES = ('http', 'https')
BAK_MODES = ('pass', 'pause', 'auto')
NOTICE_TARGETS = ('me', 'share')
MONITORED_TYPES = ('A', 'CNAME')
# Monitors per domain and points per monitor, by grade (chosen: see docs/emulator.md).
QUOTA = {'D_Free': 2, 'DP_Free': 2, 'D_Plus': 10, 'DP_Plus': 10, 'D_Extra': 20, 'DP_Extra': 20,
         'D_Expert': 50, 'DP_Expert': 50, 'D_Ultra': 100, 'DP_Ultra': 100}
FREE_MAX_POINTS = 2
PAID_MAX_POINTS = 999       # Listsubvalue sample of a D_Plus domain
MAX_TEXT = 255
DOWNS_WINDOW_HOURS = 168
MAX_HISTORY_HOURS = 720
NO_TIME = '0000-00-00 00:00:00'
WARN_REASON = ('连接超时|访问您主机时连接超时，并且重试了5次后依然超时，建议您检查下你的服务器是否有网络不稳定的情况'
               '移动:timed out网通:timed out电信:timed out')

_HOST = re.compile(r'^(?=.{1,253}$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*'
                   r'[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$')
_PATH = re.compile(r'^/[\x21-\x7e]*$')
_URL = re.compile(r'^https?://[A-Za-z0-9_.-]+(:[0-9]{1,5})?(/[\x21-\x7e]*)?$', re.I)

extensions.setting('monitor_quota', int, 0)
# Points per monitor (code 14): no document gives a number; the defaults are the emulator's choice.
extensions.setting('monitor_points_free', int, FREE_MAX_POINTS)
extensions.setting('monitor_points_paid', int, PAID_MAX_POINTS)
extensions.setting('monitor_history_seed', int, 0)
extensions.setting('monitor_down_rate', (int, float), 0.02)


# -- checks (shared by the actions and the seed loader) ------------------------------------------
def _err(code, en, cn):
    return ApiError(code, en, cn)


def check_host(value):
    host = (value or '').strip()
    if not _HOST.match(host):
        raise _err('8', 'Monitor host invalid', '监控主机头错误')
    return host


def check_port(value):
    port = validate.int_param(value)
    if port is None or not 1 <= port <= 65535:
        raise _err('9', 'Monitor port invalid: an integer from 1 to 65535', '监控端口错误，端口只能是正整数1~65535')
    return port


def check_type(value):
    mtype = (value or '').strip().lower()
    if mtype not in MONITOR_TYPES:
        raise _err('10', 'Monitor type invalid', '监控类型不正确')
    return mtype


def check_path(value):
    path = (value or '').strip()
    if len(path) > MAX_TEXT or not _PATH.match(path):
        raise _err('11', 'Monitor path invalid', '监控路径不正确')
    return path


def check_interval(value):
    interval = (value or '').strip()
    if interval not in INTERVALS:
        raise _err('12', 'Monitor interval invalid', '监控间隔不正确')
    return int(interval)


def check_points(value, max_points):
    items = [p.strip().lower() for p in (value or '').split(',')]
    if not items or any(p not in POINT_NAMES for p in items) or len(set(items)) != len(items):
        raise _err('13', 'Monitor points invalid', '监控节点不正确')
    if len(items) > max_points:
        raise _err('14', 'Too many monitor points', '监控节点数量超出限制')
    return items


def check_bak_ip(value, record):
    """'pass'/'pause'/'auto', or backup IPs (A record) / host names (CNAME record), comma separated."""
    raw = (value or '').strip()
    if raw.lower() in BAK_MODES:
        return raw.lower()
    items = [v.strip() for v in raw.split(',')]
    if not raw or any(v == '' for v in items):
        raise _err('15', 'Backup IP invalid', '备用IP不正确')
    if record.type == 'CNAME':
        items = [v.lower().rstrip('.') for v in items]
        for item in items:
            if not validate.is_hostname(item):
                raise _err('16', 'Backup URL invalid', '备用url不正确')
        own = record.value.rstrip('.')
    else:
        for item in items:
            try:
                ipaddress.IPv4Address(item)
            except ValueError:
                raise _err('15', 'Backup IP invalid', '备用IP不正确')
        own = record.value
    if own in items or len(set(items)) != len(items):
        raise _err('17', 'Backup IP invalid: the monitored value or a repeated address', '备用IP不正确')
    return ','.join(items)


def _notice(value, code, what):
    raw = (value or '').strip()
    if raw == '':
        return ''
    items = [v.strip().lower() for v in raw.split(',')]
    if any(v not in NOTICE_TARGETS for v in items) or len(set(items)) != len(items):
        raise _err(code, '%s notice setting invalid' % what, '%s设置不正确' % ('短信' if code == '18' else '邮件'))
    return ','.join(items)


def check_sms(value):
    return _notice(value, '18', 'SMS')


def check_email(value):
    return _notice(value, '19', 'E-mail')


def check_yes_no(value, name):
    raw = (value or '').strip().lower()
    if raw not in ('yes', 'no'):
        raise bad_param(name, 'yes or no')
    return raw


def check_callback_url(value):
    url = (value or '').strip()
    if url and (len(url) > MAX_TEXT or not _URL.match(url)):
        raise _err('22', 'Callback URL invalid', '回调URL不正确')
    return url


# -- data ---------------------------------------------------------------------------------------
def _area(state):
    return state.ext.setdefault(AREA, {'next': 1})


def new_monitor_id(state):
    area = _area(state)
    while True:
        n = area['next']
        area['next'] += 1
        mid = '%08x-%04x-11e2-bab7-0819a6248970' % ((n * 2654435761) & 0xffffffff, n & 0xffff)
        if find_any(state, mid) is None:
            return mid


def find_any(state, mid):
    for domain in state.domains.values():
        if mid in domain.ext.get(AREA, {}):
            return domain
    return None


def monitors_of(domain):
    """The domain's monitors (id -> dict), dropping those whose record is gone or not A/CNAME."""
    monitors = domain.ext.setdefault(AREA, {})
    for mid in list(monitors):
        record = domain.records.get(monitors[mid]['record_id'])
        if record is None or record.type not in MONITORED_TYPES:
            del monitors[mid]
    return monitors


def _account_monitors(ctx):
    for domain in ctx.account.domains.values():
        for mon in monitors_of(domain).values():
            yield domain, mon


def _find(ctx, code):
    mid = (ctx.get('monitor_id') or '').strip()
    if mid:
        for domain in ctx.account.domains.values():
            mon = monitors_of(domain).get(mid)
            if mon is not None:
                return domain, mon
    raise _err(code, 'Monitor id invalid', '监控编号错误')


def quota(state, domain):
    if state.settings.get('monitor_quota'):
        return state.settings['monitor_quota']
    grade = state.grades.get(domain.grade, {})
    return QUOTA.get(domain.grade, 2 if grade.get('free', True) else 10)


def max_points(state, domain):
    free = state.grades.get(domain.grade, {}).get('free', True)
    return state.settings['monitor_points_free' if free else 'monitor_points_paid']


def _fqdn(record, domain):
    return domain.name if record.name == '@' else '%s.%s' % (record.name, domain.name)


# -- generated history ---------------------------------------------------------------------------
def _epoch(text):
    try:
        moment = datetime.datetime.strptime(text, '%Y-%m-%d %H:%M:%S').replace(tzinfo=BEIJING)
    except ValueError:
        return time.time()
    return moment.timestamp()


def _clock(epoch):
    return datetime.datetime.fromtimestamp(epoch, BEIJING).strftime('%Y-%m-%d %H:%M:%S')


MASK64 = (1 << 64) - 1


def _base(state, mon, *parts):
    """A 64-bit number from the history seed, the monitor id and the parts (stable across runs)."""
    text = ':'.join(str(p) for p in (state.settings.get('monitor_history_seed', 0), mon['monitor_id']) + parts)
    return int(hashlib.sha256(text.encode('utf-8')).hexdigest()[:16], 16)


def _mix(value):
    """splitmix64 finaliser: a well-spread 64-bit number from any 64-bit number (cheap: no object)."""
    value = (value + 0x9E3779B97F4A7C15) & MASK64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & MASK64
    return value ^ (value >> 31)


def _unit(base, slot):
    """A number in [0, 1) for one slot."""
    return _mix(base ^ (slot & MASK64)) / float(1 << 64)


def slot_down(state, mon, slot, base=None):
    rate = state.settings.get('monitor_down_rate', 0.02)
    if base is None:
        base = _base(state, mon)
    return _unit(base, slot) < rate


def _slots(mon, hours, now):
    interval = mon['monitor_interval']
    start = max(_epoch(mon['created_on']), now - hours * 3600)
    return range(int(start // interval) + 1, int(now // interval) + 1)


def health(state, mon, now=None):
    """('Ok', '200') or ('Down', '-3') for the current slot."""
    now = time.time() if now is None else now
    current = int(now // mon['monitor_interval'])
    if current * mon['monitor_interval'] <= _epoch(mon['created_on']):
        return 'Ok', '200'
    return ('Down', '-3') if slot_down(state, mon, current) else ('Ok', '200')


def history(state, mon, hours, now=None):
    now = time.time() if now is None else now
    interval = mon['monitor_interval']
    out = []
    base = _base(state, mon)
    for point in mon['points']:
        offset = _base(state, mon, 'offset', point) % min(interval, 30)
        timing = _base(state, mon, 'time', point)
        data = []
        for slot in _slots(mon, hours, now):
            down = slot_down(state, mon, slot, base)
            data.append({
                'status': 'Down' if down else 'Ok',
                'status_code': -3 if down else 200,
                'createtime': _clock(slot * interval + offset),
                'responsetime': 0 if down else 20 + int(_unit(timing, slot) * 381),
            })
        out.append({'data': {'message': 'ok', 'code': 200, 'data': data}, 'point': point})
    return out


def downs(state, domain, mon, now=None):
    """Alerts: one per run of Down slots in the last DOWNS_WINDOW_HOURS, newest first."""
    now = time.time() if now is None else now
    interval = mon['monitor_interval']
    record = domain.records[mon['record_id']]
    found = []
    start = None
    base = _base(state, mon)
    for slot in _slots(mon, DOWNS_WINDOW_HOURS, now):
        down = slot_down(state, mon, slot, base)
        if down and start is None:
            start = slot
        elif not down and start is not None:
            found.append((start, slot))
            start = None
    if start is not None:
        found.append((start, None))
    out = []
    for first, end in reversed(found):
        out.append({
            'monitor_id': mon['monitor_id'],
            'host': mon['host'],
            'record_line': domain_line(state, record),
            'ip': record.value,
            'warn_reason': WARN_REASON,
            'switch_log': [],
            'created_on': _clock(first * interval),
            'updated_on': NO_TIME if end is None else _clock(end * interval),
            '_sort': first * interval,
        })
    return out


def domain_line(state, record):
    return state.lines.display(record.line)


# -- output ---------------------------------------------------------------------------------------
def monitor_out(ctx, domain, mon):
    record = domain.records[mon['record_id']]
    status, status_code = health(ctx.state, mon)
    return {
        'monitor_id': mon['monitor_id'],
        'domain': domain.name,
        'domain_id': str(domain.id),
        'domain_grade': domain.grade,
        'record_id': str(record.id),
        'sub_domain': record.name,
        'record_line': domain_line(ctx.state, record),
        'ip': record.value,
        'now_ip': record.value,
        'host': mon['host'],
        'port': str(mon['port']),
        'monitor_type': mon['monitor_type'],
        'monitor_path': mon['monitor_path'],
        'monitor_interval': str(mon['monitor_interval']),
        'points': ','.join(mon['points']),
        'bak_ip': mon['bak_ip'],
        'status': status,
        'status_code': status_code,
        'sms_notice': mon['sms_notice'],
        'email_notice': mon['email_notice'],
        'less_notice': mon['less_notice'],
        'callback_url': mon['callback_url'],
        'callback_key': mon['callback_key'],
        'monitor_status': mon['monitor_status'],
        'created_on': mon['created_on'],
        'updated_on': mon['updated_on'],
        'bak_ip_status': [],
    }


def _domain_out(domain, owner=False):
    doc = {'id': domain.id, 'name': domain.name, 'punycode': domain.punycode, 'grade': domain.grade}
    if owner:
        doc['owner'] = domain.owner.email
    return doc


def _list_domain(ctx):
    """Listsubdomain/Listsubvalue: 7 for a missing or malformed domain_id, 6 for no such domain."""
    raw = (ctx.get('domain_id') or '').strip()
    if raw:
        number = validate.int_param(raw)
        if number is None or number <= 0:
            raise _err('7', 'Domain id invalid', '域名编号错误')
        domain = ctx.state.domains.get(number)
    else:
        name = (ctx.get('domain') or '').strip().lower().rstrip('.')
        if not name:
            raise _err('7', 'Domain id invalid', '域名编号错误')
        domain = ctx.state.domain_names.get(name)
        if domain is None:
            try:
                domain = ctx.state.domain_names.get(name.encode('idna').decode('ascii'))
            except UnicodeError:
                domain = None
    if domain is None or domain.owner is not ctx.account:
        raise _err('6', 'Domain does not exist', '域名不存在')
    return domain


def _a_records(domain):
    return [r for r in domain.sorted_records() if r.type == 'A']


# -- actions -------------------------------------------------------------------------------------
@action('Monitor.Listsubdomain')
def monitor_listsubdomain(ctx):
    domain = _list_domain(ctx)
    names = []
    for record in _a_records(domain):
        if record.name not in names:
            names.append(record.name)
    if not names and ctx.error_on_empty:
        raise _err('8', 'The domain has no records to monitor', '此域名没有任何记录')
    return {'domain': _domain_out(domain, owner=True), 'subdomain': names}


@action('Monitor.Listsubvalue')
def monitor_listsubvalue(ctx):
    domain = _list_domain(ctx)
    raw = ctx.get('subdomain')
    if raw is None or raw.strip() == '':
        raise bad_param('subdomain', 'a sub-domain such as @ or www')
    name = raw.strip().lower()
    records = [r for r in _a_records(domain) if r.name == name]
    return {
        'domain': _domain_out(domain),
        'points': {'max': max_points(ctx.state, domain), 'list': dict(POINTS)},
        'records': [{'id': str(r.id), 'area': domain_line(ctx.state, r), 'value': r.value} for r in records],
    }


@action('Monitor.List')
def monitor_list(ctx):
    # The document lists only the common parameters (its example's domain_id is ignored).
    items = [monitor_out(ctx, domain, mon) for domain, mon in _account_monitors(ctx)]
    items.sort(key=lambda m: (int(m['domain_id']), m['created_on'], m['monitor_id']))
    down = len([m for m in items if m['status'] == 'Down' and m['monitor_status'] == 'enabled'])
    return {'info': {'total_count': len(items), 'down_count': down}, 'monitors': items}


def _settings_from(ctx, record, domain, current=None):
    """Every writable field from the call, checked in the documented code order."""
    fields = {}
    if current is None or ctx.has('host'):
        fields['host'] = check_host(ctx.get('host'))
    fields['port'] = check_port(ctx.get('port'))
    fields['monitor_type'] = check_type(ctx.get('monitor_type'))
    fields['monitor_path'] = check_path(ctx.get('monitor_path'))
    fields['monitor_interval'] = check_interval(ctx.get('monitor_interval'))
    fields['points'] = check_points(ctx.get('points'), max_points(ctx.state, domain))
    fields['bak_ip'] = check_bak_ip(ctx.get('bak_ip'), record)
    optional = (('sms_notice', check_sms, 'me'), ('email_notice', check_email, 'me'),
                ('less_notice', lambda v: check_yes_no(v, 'less_notice'), 'no'),
                ('keep_ttl', lambda v: check_yes_no(v, 'keep_ttl'), 'no'),
                ('callback_url', check_callback_url, ''),
                ('callback_key', lambda v: (v or '').strip(), ''))
    for name, check, default in optional:
        if ctx.has(name):
            fields[name] = check(ctx.get(name))
        elif current is None:
            fields[name] = default
    return fields


@action('Monitor.Create', write=True)
def monitor_create(ctx):
    raw = (ctx.get('domain_id') or '').strip()
    number = validate.int_param(raw) if raw else None
    domain = ctx.state.domains.get(number) if number is not None else None
    if domain is None or domain.owner is not ctx.account:
        raise _err('6', 'Domain id invalid', '域名编号错误')
    rid = validate.int_param(ctx.get('record_id'))
    record = domain.records.get(rid) if rid is not None else None
    if record is None or record.type not in MONITORED_TYPES:
        raise _err('7', 'Record id invalid (an A or CNAME record of the domain)', '记录编号错误')
    fields = _settings_from(ctx, record, domain)
    monitors = monitors_of(domain)
    if any(m['record_id'] == record.id for m in monitors.values()):
        raise _err('20', 'This record already has a monitor', '此记录已经存在监控')
    if len(monitors) >= quota(ctx.state, domain):
        raise _err('21', 'Monitor count exceeds the limit', '监控数量超出限制')
    now = beijing_now()
    mid = new_monitor_id(ctx.state)
    mon = dict(fields, monitor_id=mid, record_id=record.id, monitor_status='enabled', created_on=now,
               updated_on=now)
    monitors[mid] = mon
    ctx.changed = True
    return {'monitor': {'monitor_id': mid, 'record_id': record.id}}


@action('Monitor.Modify', write=True)
def monitor_modify(ctx):
    domain, mon = _find(ctx, '7')
    record = domain.records[mon['record_id']]
    fields = _settings_from(ctx, record, domain, current=mon)
    changed = dict((k, v) for k, v in fields.items() if mon.get(k) != v)
    if changed:
        mon.update(changed)
        mon['updated_on'] = beijing_now()
        ctx.changed = True
    return {}


@action('Monitor.Remove', write=True)
def monitor_remove(ctx):
    domain, mon = _find(ctx, '6')
    del monitors_of(domain)[mon['monitor_id']]
    ctx.changed = True
    return {}


@action('Monitor.Info')
def monitor_info(ctx):
    domain, mon = _find(ctx, '7')
    return {'info': monitor_out(ctx, domain, mon)}


@action('Monitor.Setstatus', write=True)
def monitor_setstatus(ctx):
    domain, mon = _find(ctx, '6')
    raw = (ctx.get('status') or '').strip().lower()
    status = {'enabled': 'enabled', 'enable': 'enabled', 'disabled': 'disabled', 'disable': 'disabled'}.get(raw)
    if status is None:
        raise _err('7', 'New status invalid (enabled or disabled)', '新状态代码错误')
    if status == 'enabled':
        if domain.status != 'enable':
            raise _err('8', 'Enable the domain first', '请先启用域名')
        if domain.records[mon['record_id']].status != 'enabled':
            raise _err('9', 'Enable the record first', '请先启用记录')
    if mon['monitor_status'] != status:
        mon['monitor_status'] = status
        mon['updated_on'] = beijing_now()
        ctx.changed = True
    return {}


@action('Monitor.Gethistory')
def monitor_gethistory(ctx):
    domain, mon = _find(ctx, '6')
    raw = ctx.get('hours')
    hours = 1
    if raw is not None and raw.strip() != '':
        hours = validate.int_param(raw)
        if hours is None or hours < 1:
            raise bad_param('hours', 'a positive number of hours')
    hours = min(hours, MAX_HISTORY_HOURS)
    record = domain.records[mon['record_id']]
    return {
        'domain': {'id': str(domain.id), 'domain': domain.name, 'domain_grade': domain.grade},
        'record': {'id': str(record.id), 'sub_domain': record.name, 'ip': record.value},
        'monitor_history': history(ctx.state, mon, hours),
    }


@action('Monitor.Userdesc')
def monitor_userdesc(ctx):
    monitored = 0
    unmonitored = 0
    down = 0
    used = 0
    limit = 0
    for domain in ctx.account.domains.values():
        monitors = monitors_of(domain)
        limit += quota(ctx.state, domain)
        used += len(monitors)
        by_record = dict((m['record_id'], m) for m in monitors.values())
        for record in domain.records.values():
            if record.type not in MONITORED_TYPES:
                continue
            mon = by_record.get(record.id)
            if mon is None or mon['monitor_status'] != 'enabled':
                unmonitored += 1
                continue
            monitored += 1
            if health(ctx.state, mon)[0] == 'Down':
                down += 1
    return {'desc': {'unmoniting_count': unmonitored, 'moniting_count': monitored, 'down_count': down},
            'user': {'max_count': limit, 'use_count': used}}


@action('Monitor.Getdowns')
def monitor_getdowns(ctx):
    offset, length = page(ctx, '3', '3')
    items = []
    for domain, mon in _account_monitors(ctx):
        if mon['monitor_status'] == 'enabled':      # a paused monitor raises no alerts
            items.extend(downs(ctx.state, domain, mon))
    items.sort(key=lambda d: (-d['_sort'], d['monitor_id']))
    for item in items:
        del item['_sort']
    return {'info': {'total_count': str(len(items))}, 'monitor_downs': items[offset:offset + length]}


# -- seed and dump (domain level key "monitors") --------------------------------------------------
SEED_FIELDS = ('monitor_id', 'record_id', 'sub_domain', 'record_line', 'value', 'host', 'port',
               'monitor_interval', 'monitor_type', 'monitor_path', 'points', 'bak_ip', 'keep_ttl',
               'sms_notice', 'email_notice', 'less_notice', 'callback_url', 'callback_key', 'status',
               'created_on', 'updated_on')
_TIME = re.compile(r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$')


def _text(value):
    if isinstance(value, bool):
        return 'yes' if value else 'no'
    if isinstance(value, list):
        return ','.join(str(v) for v in value)
    return str(value)


@extensions.seed_key('domain', 'monitors')
def load_monitors(state, domain, where, value):
    from .seed import SeedError  # pylint: disable=import-outside-toplevel
    if not isinstance(value, list):
        raise SeedError('%s: expected list, got %r' % (where, value))
    monitors = domain.ext.setdefault(AREA, {})
    for i, item in enumerate(value):
        here = '%s[%d]' % (where, i)
        if not isinstance(item, dict):
            raise SeedError('%s: expected object, got %r' % (here, item))
        unknown = sorted(set(item) - set(SEED_FIELDS))
        if unknown:
            raise SeedError('%s: unknown key(s) %s (allowed: %s)' % (here, ', '.join(unknown), ', '.join(SEED_FIELDS)))
        record = _seed_record(state, domain, here, item, SeedError)
        if any(m['record_id'] == record.id for m in monitors.values()):
            raise SeedError('%s: the record %s already has a monitor' % (here, record.id))
        fields = {}
        try:
            fields['host'] = check_host(_text(item.get('host', _fqdn(record, domain))))
            fields['port'] = check_port(_text(item.get('port', 80)))
            fields['monitor_type'] = check_type(_text(item.get('monitor_type', 'http')))
            fields['monitor_path'] = check_path(_text(item.get('monitor_path', '/')))
            fields['monitor_interval'] = check_interval(_text(item.get('monitor_interval', 360)))
            fields['points'] = check_points(_text(item.get('points', 'ctc,cuc')), len(POINTS))
            fields['bak_ip'] = check_bak_ip(_text(item.get('bak_ip', 'pass')), record)
            fields['keep_ttl'] = check_yes_no(_text(item.get('keep_ttl', 'no')), 'keep_ttl')
            fields['sms_notice'] = check_sms(_text(item.get('sms_notice', 'me')))
            fields['email_notice'] = check_email(_text(item.get('email_notice', 'me')))
            fields['less_notice'] = check_yes_no(_text(item.get('less_notice', 'no')), 'less_notice')
            fields['callback_url'] = check_callback_url(_text(item.get('callback_url', '')))
        except ApiError as exc:
            raise SeedError('%s: %s' % (here, exc.en))
        fields['callback_key'] = _text(item.get('callback_key', ''))
        status = item.get('status', 'enabled')
        if status not in ('enabled', 'disabled'):
            raise SeedError('%s.status: expected "enabled" or "disabled", got %r' % (here, status))
        fields['monitor_status'] = status
        now = beijing_now()
        for key in ('created_on', 'updated_on'):
            stamp = item.get(key)
            if stamp is not None and (not isinstance(stamp, str) or not _TIME.match(stamp)):
                raise SeedError('%s.%s: expected "YYYY-MM-DD HH:MM:SS", got %r' % (here, key, stamp))
        fields['created_on'] = item.get('created_on') or now
        fields['updated_on'] = item.get('updated_on') or fields['created_on']
        mid = item.get('monitor_id')
        if mid is None:
            mid = new_monitor_id(state)
        elif not isinstance(mid, str) or not mid.strip() or find_any(state, mid) is not None or mid in monitors:
            raise SeedError('%s.monitor_id: expected a unique non-empty string, got %r' % (here, mid))
        fields.update(monitor_id=mid, record_id=record.id)
        monitors[mid] = fields


def _seed_record(state, domain, here, item, seed_error):
    if 'record_id' in item:
        record = domain.records.get(item['record_id']) if isinstance(item['record_id'], int) else None
        if record is None:
            raise seed_error('%s.record_id: no record %r in %s' % (here, item['record_id'], domain.name))
    else:
        name = str(item.get('sub_domain', '@')).strip().lower() or '@'
        line_name = item.get('record_line')
        line = state.lines.lookup(line_name) if line_name is not None else state.default_line
        value = str(item.get('value', '')).strip().lower().rstrip('.')
        found = [r for r in domain.records.values()
                 if r.name == name and r.line == line and r.value.lower().rstrip('.') == value
                 and r.type in MONITORED_TYPES]
        if len(found) != 1:
            raise seed_error('%s: no single A or CNAME record %s %s %s in %s'
                             % (here, name, line_name or 'default line', value, domain.name))
        record = found[0]
    if record.type not in MONITORED_TYPES:
        raise seed_error('%s: record %s is %s; monitors watch A or CNAME records' % (here, record.id, record.type))
    return record


@extensions.dump_key('domain', 'monitors')
def dump_monitors(state, domain):
    out = []
    for mon in monitors_of(domain).values():
        out.append({
            'monitor_id': mon['monitor_id'],
            'record_id': mon['record_id'],
            'host': mon['host'],
            'port': mon['port'],
            'monitor_interval': mon['monitor_interval'],
            'monitor_type': mon['monitor_type'],
            'monitor_path': mon['monitor_path'],
            'points': ','.join(mon['points']),
            'bak_ip': mon['bak_ip'],
            'keep_ttl': mon['keep_ttl'],
            'sms_notice': mon['sms_notice'],
            'email_notice': mon['email_notice'],
            'less_notice': mon['less_notice'],
            'callback_url': mon['callback_url'],
            'status': mon['monitor_status'],
            'created_on': mon['created_on'],
            'updated_on': mon['updated_on'],
        })
    return out
