"""Seed files: JSON that describes the whole state (format in docs/emulator.md).

``build_state(seed)`` validates strictly: an unknown key, a wrong type or an impossible value
raises SeedError naming the place (``accounts[0].domains[1].records[2].ttl``).
"""
import json
import re

from . import extensions, validate
from .errors import ApiError
from .grades import ALL_TYPES, GRADE_KEYS
from .state import (State, Account, Domain, DEFAULT_SETTINGS, DEFAULT_HOLD_NS)

DEFAULT_ACCOUNT = {
    'user_id': 10000,
    'email': 'api@example.com',
    'login_token': '10000,0123456789abcdef0123456789abcdef',
    'password': 'emulator-password',
    'grade': 'DP_Free',
    # Tencent Cloud API 3.0 key pair (tencentcloud/keys.py)
    'key_pairs': [{'secret_id': 'AKID10000EMULATOR', 'secret_key': 'emulator-secret-key-10000'}],
}

TOP_KEYS = {'settings', 'accounts', 'grades'}
ACCOUNT_KEYS = {'user_id', 'email', 'login_token', 'password', 'dtoken', 'dtoken_code', 'grade',
                'nick', 'real_name', 'telephone', 'user_type', 'balance', 'agent', 'domains'}
DOMAIN_KEYS = {'id', 'name', 'grade', 'status', 'group_id', 'is_mark', 'remark',
               'searchengine_push', 'ttl', 'locked', 'hold_ns', 'records', 'ext_status',
               'created_on', 'updated_on'}
RECORD_KEYS = {'id', 'sub_domain', 'name', 'record_type', 'type', 'record_line', 'line', 'value',
               'ttl', 'mx', 'weight', 'status', 'remark', 'hold', 'updated_on'}
SETTING_TYPES = {
    'flavor': str, 'rate_limit_per_hour': int, 'default_page_size': int, 'max_page_size': int,
    'lockout_failures': int, 'lockout_window_seconds': (int, float),
    'lockout_seconds': (int, float), 'id_drift': bool, 'email_login_allowed': bool,
    'at_matches_wildcard': bool, 'round_robin_code': str, 'unchanged_modify_limit': int,
    'unchanged_modify_lock_seconds': (int, float), 'record_list_line_id': bool,
    'require_user_agent': bool, 'latency_seconds': (int, float),
}
assert set(SETTING_TYPES) == set(DEFAULT_SETTINGS)
_TIME = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$')


class SeedError(ValueError):
    pass


def _type_name(kind):
    if isinstance(kind, tuple):
        return ' or '.join(k.__name__ for k in kind)
    return kind.__name__


def _check(where, value, kind):
    ok = isinstance(value, kind)
    if ok and isinstance(value, bool) and kind in (int, (int, float)):
        ok = False
    if not ok:
        raise SeedError('%s: expected %s, got %r' % (where, _type_name(kind), value))
    return value


def _keys(where, obj, allowed):
    _check(where, obj, dict)
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise SeedError('%s: unknown key(s) %s (allowed: %s)'
                        % (where, ', '.join(unknown), ', '.join(sorted(allowed))))


def _yes_no(where, value, default):
    if value is None:
        return default
    if isinstance(value, bool):
        return 'yes' if value else 'no'
    if value in ('yes', 'no'):
        return value
    raise SeedError('%s: expected true/false or "yes"/"no", got %r' % (where, value))


def _time(where, value):
    if value is None:
        return None
    _check(where, value, str)
    if not _TIME.match(value):
        raise SeedError('%s: expected "YYYY-MM-DD HH:MM:SS", got %r' % (where, value))
    return value


def load_seed_file(path):
    with open(path, 'rb') as handle:
        return parse_seed_bytes(handle.read())


def parse_seed_bytes(data):
    if not data or not data.strip():
        return None
    try:
        return json.loads(data.decode('utf-8'))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SeedError('seed is not valid JSON: %s' % exc)


def build_state(seed=None):
    """A fresh State from a seed dict (None: the default account, no domains)."""
    if seed is None:
        seed = {}
    extensions.load_areas()
    _keys('seed', seed, TOP_KEYS | set(extensions.SEED_KEYS['top']))
    settings = _settings(seed.get('settings', {}))
    grades = _grades(seed.get('grades', {}))
    state = State(settings, grades)
    state._pending = []
    state._explicit_domain_ids = set()
    state._explicit_record_ids = set()
    accounts = seed.get('accounts')
    if accounts is None:
        accounts = [dict(DEFAULT_ACCOUNT)]
    _check('accounts', accounts, list)
    for i, acc in enumerate(accounts):
        _account(state, 'accounts[%d]' % i, acc)
    # auto ids after every explicit one is known
    built = []
    for account, domains, where in state._pending:
        for j, dom in enumerate(domains):
            dwhere = '%s.domains[%d]' % (where, j)
            built.append((_domain(state, account, dwhere, dom), dom, dwhere))
    # area keys last: they may refer to any account, domain or record of the seed
    for domain, dom, dwhere in built:
        _extension_keys(state, 'domain', domain, dom, dwhere)
    for i, (account, acc) in enumerate(zip(state.accounts, accounts)):
        _extension_keys(state, 'account', account, acc, 'accounts[%d]' % i)
    _extension_keys(state, 'top', state, seed, '')
    del state._pending, state._explicit_domain_ids, state._explicit_record_ids
    return state


def _extension_keys(state, level, owner, obj, where):
    for key, loader in extensions.SEED_KEYS[level].items():
        if key in obj:
            loader(state, owner, '%s.%s' % (where, key) if where else key, obj[key])


def _settings(settings):
    _keys('settings', settings, set(DEFAULT_SETTINGS) | set(extensions.SETTINGS))
    for key, value in settings.items():
        kind = SETTING_TYPES[key] if key in SETTING_TYPES else extensions.SETTINGS[key][0]
        _check('settings.%s' % key, value, kind)
    if settings.get('flavor', 'cn') not in ('cn', 'intl'):
        raise SeedError('settings.flavor: expected "cn" or "intl", got %r' % settings['flavor'])
    for key in ('rate_limit_per_hour', 'lockout_failures', 'unchanged_modify_limit', 'latency_seconds'):
        if settings.get(key, 0) < 0:
            raise SeedError('settings.%s: must be >= 0' % key)
    for key in ('default_page_size', 'max_page_size'):
        if settings.get(key, 1) < 1:
            raise SeedError('settings.%s: must be >= 1' % key)
    if settings.get('round_robin_code', '25') not in ('25', '500025'):
        raise SeedError('settings.round_robin_code: expected "25" or "500025"')
    return settings


def _grades(grades):
    _check('grades', grades, dict)
    for name, fields in grades.items():
        where = 'grades.%s' % name
        _keys(where, fields, set(GRADE_KEYS))
        for key in ('min_ttl', 'round_robin', 'url_limit', 'subdomain_levels'):
            if key in fields:
                _check('%s.%s' % (where, key), fields[key], int)
        if 'title' in fields:
            _check(where + '.title', fields['title'], str)
        if 'free' in fields:
            _check(where + '.free', fields['free'], bool)
        if 'types' in fields:
            for t in _check(where + '.types', fields['types'], list):
                if t not in ALL_TYPES:
                    raise SeedError('%s.types: unknown record type %r' % (where, t))
        if 'lines' in fields:
            from .grades import Lines
            lines = Lines('cn')
            for line in _check(where + '.lines', fields['lines'], list):
                if not isinstance(line, str) or lines.lookup(line) is None:
                    raise SeedError('%s.lines: unknown line %r (use the Chinese names)'
                                    % (where, line))
    return grades


def _account(state, where, acc):
    _keys(where, acc, ACCOUNT_KEYS | set(extensions.SEED_KEYS['account']))
    user_id = acc.get('user_id')
    if user_id is None:
        user_id = max([a.user_id for a in state.accounts] + [9999]) + 1
    _check(where + '.user_id', user_id, int)
    if user_id in state.by_user_id:
        raise SeedError('%s.user_id: %d used twice' % (where, user_id))
    email = _check(where + '.email', acc.get('email', 'user%d@example.com' % user_id), str)
    if '@' not in email:
        raise SeedError('%s.email: not an e-mail address: %r' % (where, email))
    if email.lower() in state.by_email:
        raise SeedError('%s.email: %s used twice' % (where, email))
    token = acc.get('login_token')
    parsed = None
    if token is not None:
        _check(where + '.login_token', token, str)
        m = re.match(r'^([0-9]+),(\S+)$', token)
        if not m:
            raise SeedError('%s.login_token: expected "ID,TOKEN"' % where)
        parsed = (m.group(1), m.group(2))
        if parsed[0] in state.by_token_id:
            raise SeedError('%s.login_token: token id %s used twice' % (where, parsed[0]))
    password = acc.get('password')
    if password is not None:
        _check(where + '.password', password, str)
    dtoken = _check(where + '.dtoken', acc.get('dtoken', False), bool)
    code = acc.get('dtoken_code')
    if dtoken:
        if code is None:
            raise SeedError('%s.dtoken_code: required when dtoken is true' % where)
        _check(where + '.dtoken_code', code, str)
    elif code is not None:
        _check(where + '.dtoken_code', code, str)
    grade = _check(where + '.grade', acc.get('grade', 'DP_Free'), str)
    if grade not in state.grades:
        raise SeedError('%s.grade: unknown grade %r' % (where, grade))
    user_type = _check(where + '.user_type', acc.get('user_type', 'personal'), str)
    if user_type not in ('personal', 'enterprise'):
        raise SeedError('%s.user_type: expected "personal" or "enterprise"' % where)
    account = Account(
        user_id, email, login_token=parsed, password=password, dtoken=dtoken,
        dtoken_code=code, grade=grade,
        nick=_check(where + '.nick', acc.get('nick', ''), str),
        real_name=_check(where + '.real_name', acc.get('real_name', ''), str),
        telephone=_check(where + '.telephone', acc.get('telephone', ''), str),
        user_type=user_type,
        balance=_check(where + '.balance', acc.get('balance', 0), (int, float)),
        agent=_check(where + '.agent', acc.get('agent', False), bool))
    state.add_account(account)
    domains = _check(where + '.domains', acc.get('domains', []), list)
    for j, dom in enumerate(domains):
        dwhere = '%s.domains[%d]' % (where, j)
        _keys(dwhere, dom, DOMAIN_KEYS | set(extensions.SEED_KEYS['domain']))
        if dom.get('id') is not None:
            did = _check(dwhere + '.id', dom['id'], int)
            if did in state._explicit_domain_ids:
                raise SeedError('%s.id: domain id %d used twice' % (dwhere, did))
            state._explicit_domain_ids.add(did)
            state.reserve_domain_id(did)
        for k, rec in enumerate(_check(dwhere + '.records', dom.get('records', []), list)):
            rwhere = '%s.records[%d]' % (dwhere, k)
            _keys(rwhere, rec, RECORD_KEYS)
            if rec.get('id') is not None:
                rid = _check(rwhere + '.id', rec['id'], int)
                if rid in state._explicit_record_ids:
                    raise SeedError('%s.id: record id %d used twice' % (rwhere, rid))
                state._explicit_record_ids.add(rid)
                state.reserve_record_id(rid)
    state._pending.append((account, domains, where))


def _domain(state, account, where, dom):
    try:
        name, puny = validate.domain_name(_check(where + '.name', dom.get('name'), str))
    except ApiError:
        raise SeedError('%s.name: invalid domain name %r' % (where, dom.get('name')))
    if name in state.domain_names or puny in state.domain_names:
        raise SeedError('%s.name: domain %s used twice' % (where, name))
    grade = _check(where + '.grade', dom.get('grade', 'DP_Free'), str)
    if grade not in state.grades:
        raise SeedError('%s.grade: unknown grade %r' % (where, grade))
    status = _check(where + '.status', dom.get('status', 'enable'), str)
    if status not in ('enable', 'pause'):
        raise SeedError('%s.status: expected "enable" or "pause"' % where)
    group_id = dom.get('group_id', '1')
    if isinstance(group_id, int) and not isinstance(group_id, bool):
        group_id = str(group_id)
    _check(where + '.group_id', group_id, str)
    ttl = _check(where + '.ttl', dom.get('ttl', 600), int)
    did = dom.get('id')
    if did is None:
        did = state.new_domain_id()
        while did in state._explicit_domain_ids:
            did = state.new_domain_id()
    domain = Domain(
        did, name, puny, account, grade=grade, status=status, group_id=group_id,
        is_mark=_yes_no(where + '.is_mark', dom.get('is_mark'), 'no'),
        remark=_check(where + '.remark', dom.get('remark', ''), str),
        searchengine_push=_yes_no(where + '.searchengine_push', dom.get('searchengine_push'),
                                  'yes'),
        ttl=ttl, locked=_check(where + '.locked', dom.get('locked', False), bool),
        ext_status=_check(where + '.ext_status', dom.get('ext_status', ''), str),
        created_on=_time(where + '.created_on', dom.get('created_on')),
        updated_on=_time(where + '.updated_on', dom.get('updated_on')))
    state.add_domain(domain)
    hold_ns = dom.get('hold_ns', DEFAULT_HOLD_NS)
    _check(where + '.hold_ns', hold_ns, list)
    for k, value in enumerate(hold_ns):
        _check('%s.hold_ns[%d]' % (where, k), value, str)
        if not validate.is_hostname(value):
            raise SeedError('%s.hold_ns[%d]: not a host name: %r' % (where, k, value))
        rid = _auto_record_id(state)
        state.add_record_to(domain, rid=rid, name='@', rtype='NS', line=state.default_line,
                            value=validate.dotted(value.lower()), ttl=86400, hold=True,
                            created_on=domain.created_on)
    for k, rec in enumerate(dom.get('records', [])):
        _record(state, domain, '%s.records[%d]' % (where, k), rec)
    return domain


def _auto_record_id(state):
    rid = state.new_record_id()
    while rid in state._explicit_record_ids:
        rid = state.new_record_id()
    return rid


def _either(where, rec, a, b, default=None, required=False):
    if a in rec and b in rec:
        raise SeedError('%s: give %s or %s, not both' % (where, a, b))
    value = rec.get(a, rec.get(b, default))
    if value is None and required:
        raise SeedError('%s.%s: required' % (where, a))
    return value


def _record(state, domain, where, rec):
    grade = state.grades[domain.grade]
    rtype = _check(where + '.record_type',
                   _either(where, rec, 'record_type', 'type', required=True), str)
    rtype = rtype.upper() if rtype.isascii() else rtype
    if rtype not in ALL_TYPES:
        raise SeedError('%s.record_type: unknown record type %r' % (where, rtype))
    name_in = _check(where + '.sub_domain', _either(where, rec, 'sub_domain', 'name', '@'), str)
    try:
        name = validate.sub_domain(name_in, max(grade['subdomain_levels'], 127))
    except ApiError as exc:
        raise SeedError('%s.sub_domain: %s' % (where, exc.en))
    line_in = _either(where, rec, 'record_line', 'line')
    if line_in is None:
        line = state.default_line
    else:
        _check(where + '.record_line', line_in, str)
        line = state.lines.lookup(line_in)
        if line is None:
            raise SeedError('%s.record_line: unknown line %r' % (where, line_in))
    try:
        value = validate.record_value(rtype, _check(where + '.value', rec.get('value'), str))
    except ApiError as exc:
        raise SeedError('%s.value: %s: %r' % (where, exc.en, rec.get('value')))
    ttl = _check(where + '.ttl', rec.get('ttl', 600), int)
    if not 1 <= ttl <= 604800:
        raise SeedError('%s.ttl: must be 1-604800' % where)
    mx = rec.get('mx')
    if rtype == 'MX':
        if mx is None:
            raise SeedError('%s.mx: required for MX records (1-20)' % where)
        _check(where + '.mx', mx, int)
        if not 1 <= mx <= 20:
            raise SeedError('%s.mx: must be 1-20' % where)
    else:
        mx = _check(where + '.mx', mx if mx is not None else 0, int)
    weight = rec.get('weight')
    if weight is not None:
        _check(where + '.weight', weight, int)
        if not 0 <= weight <= 100:
            raise SeedError('%s.weight: must be 0-100' % where)
    status = _check(where + '.status', rec.get('status', 'enabled'), str)
    status = {'enable': 'enabled', 'disable': 'disabled'}.get(status, status)
    if status not in ('enabled', 'disabled'):
        raise SeedError('%s.status: expected "enabled" or "disabled"' % where)
    hold = _check(where + '.hold', rec.get('hold', False), bool)
    rid = rec.get('id')
    if rid is None:
        rid = _auto_record_id(state)
    if domain.duplicate_of(name, rtype, line, value) is not None:
        raise SeedError('%s: duplicate of another record (%s %s %s %s)'
                        % (where, name, rtype, line, value))
    state.add_record_to(domain, rid=rid, name=name, rtype=rtype, line=line, value=value,
                        ttl=ttl, mx=mx, weight=weight, status=status,
                        remark=_check(where + '.remark', rec.get('remark', ''), str), hold=hold,
                        updated_on=_time(where + '.updated_on', rec.get('updated_on')))
