"""Record.Type, Record.Line and Record.Create/List/Modify/Remove/Info/Status/Remark/Ddns."""
from . import validate
from .clock import beijing_now, monotonic
from .errors import ApiError, bad_param, missing
from .grades import ALL_TYPES, ROUND_ROBIN_TYPES, URL_TYPES
from .paging import page
from .registry import action


def _grade_param(ctx):
    name = (ctx.get('domain_grade') or '').strip()
    grade = ctx.state.grades.get(name)
    if grade is None:
        raise ApiError('6', 'Domain grade invalid', '等级代码不正确')
    return grade


@action('Record.Type')
def record_type_list(ctx):
    return {'types': list(_grade_param(ctx)['types'])}


def _domain(ctx, owner_code):
    """The domain of a Record.* call. The international documents make ``domain_id`` mandatory
    on every Record.* action and answer a missing or invalid one with 6 "Invalid domain id"
    (docs.dnspod.com: Record.List, Record.Modify; Record.Create 6 "Lack of parameters"), so the
    intl flavour refuses a domain given only by name; cn takes ``domain`` as well."""
    if ctx.state.flavor == 'intl' and not (ctx.get('domain_id') or '').strip():
        raise ApiError('6', 'Domain id invalid', '域名ID错误')
    return ctx.domain(owner_code=owner_code)


@action('Record.Line')
def record_line_list(ctx):
    grade = _grade_param(ctx)
    if (ctx.get('domain_id') or '').strip() or (ctx.get('domain') or '').strip():
        _domain(ctx, '6')
    lines = ctx.state.lines
    names = [lines.listed(cn) for cn in grade['lines']]
    return {'lines': names,
            'line_ids': dict((lines.listed(cn), lines.line_id(cn)) for cn in grade['lines'])}


# -- shared checks ------------------------------------------------------------------------------
def _record_type(ctx, grade, missing_code):
    raw = ctx.get('record_type')
    if raw is None or raw.strip() == '':
        if missing_code == '27':
            raise ApiError('27', 'Record type invalid', '记录类型错误')
        raise missing(missing_code, 'record_type')
    rtype = raw.strip()
    rtype = rtype.upper() if rtype.isascii() else rtype
    if rtype not in ALL_TYPES or rtype not in grade['types']:
        raise ApiError('27', 'Record type invalid', '记录类型错误')
    return rtype


def _line_error():
    return ApiError('26', 'Record line invalid', '记录线路错误')


def _record_line(ctx, grade, missing_code):
    """Canonical line name from record_line_id (wins) or record_line."""
    lines = ctx.state.lines
    line_id = ctx.get('record_line_id')
    if line_id is not None and line_id.strip() != '':
        line = lines.lookup_id(line_id)
    else:
        name = ctx.get('record_line')
        if name is None or name.strip() == '':
            if missing_code == '26':
                raise _line_error()
            raise missing(missing_code, 'record_line')
        line = lines.lookup(name)
        if line == ctx.state.default_line and ctx.state.flavor == 'intl' and name.strip() != 'default':
            # Record.List names it 'Default', but writes take only 'default': the live answer to
            # 'Default' is "Record line invalid" (NewFuture/DDNS commit b2d3a5f).
            raise _line_error()
    if line is None or line not in grade['lines']:
        raise _line_error()
    return line


def _ttl(ctx, grade, default, modify):
    raw = ctx.get('ttl')
    if raw is None or raw.strip() == '':
        return default
    ttl = validate.int_param(raw)
    if ttl is None or not 1 <= ttl <= 604800:
        if modify:
            raise ApiError('29', 'TTL invalid, 1-604800', 'TTL 值错误，1-604800')
        raise ApiError('6', 'TTL invalid, 1-604800', 'TTL 值错误，1-604800')
    if ttl < grade['min_ttl']:
        if modify:
            raise ApiError('29', 'Record ttl is limited(%d)' % grade['min_ttl'],
                           'TTL 值太小(最小 %d)' % grade['min_ttl'])
        raise ApiError('32', 'Record ttl is limited(%d)' % grade['min_ttl'],
                       '记录的TTL值超出了限制(%d)' % grade['min_ttl'])
    return ttl


def _mx(ctx, rtype, default, modify):
    if rtype != 'MX':
        return 0
    raw = ctx.get('mx')
    if raw is None or raw.strip() == '':
        if default:
            return default
        if not modify:
            raise missing('6', 'mx')
    mx = validate.int_param(raw or '')
    if mx is None or not 1 <= mx <= 20:
        raise ApiError('30', 'MX value invalid, 1-20', 'MX 值错误，1-20')
    return mx


def _weight(ctx, default, modify):
    raw = ctx.get('weight')
    if raw is None or raw.strip() == '':
        return default
    weight = validate.int_param(raw)
    if weight is None or not 0 <= weight <= 100:
        if modify:
            raise bad_param('weight', 'an integer 0-100')
        raise ApiError('6', 'Weight invalid, 0-100', '权重错误，0-100')
    return weight


def _status(ctx, default, modify):
    raw = ctx.get('status')
    if raw is None or raw.strip() == '':
        return default
    status = {'enable': 'enabled', 'enabled': 'enabled', 'disable': 'disabled',
              'disabled': 'disabled'}.get(raw.strip().lower())
    if status is None:
        if modify:
            raise bad_param('status', 'enable or disable')
        raise ApiError('6', 'Status invalid, enable or disable', '状态错误')
    return status


def _locked(domain):
    if domain.locked:
        raise ApiError('21', 'Domain is locked', '域名被锁定')


def _not_hold(record):
    if record.hold:
        raise ApiError('7', 'Permission denied: the system NS records cannot be changed',
                       '没有权限：系统NS记录不能修改或删除')


def _round_robin(ctx, domain, grade, name, rtype, line, status, exclude=None):
    if status != 'enabled' or rtype not in ROUND_ROBIN_TYPES:
        return
    limit = grade['round_robin']
    if domain.round_robin_count(name, rtype, line, exclude) < limit:
        return
    if ctx.settings['round_robin_code'] == '500025':
        code = '500026' if rtype == 'CNAME' else '500025'
        raise ApiError(code, 'Sub domain load balancing count exceeds the limit (%d)' % limit,
                       '子域名负载均衡数量超出限制')
    raise ApiError('25', 'Round-robin record count exceeds the limit (%d)' % limit,
                   '轮循记录数量超出限制')


# Record.Create 31 of the later documents: "存在冲突的记录(A记录、CNAME记录、URL记录不能共存)".
EXCLUSIVE_TYPES = ('A', 'CNAME') + URL_TYPES


def _cname_conflict(domain, name, rtype, line, exclude=None):
    """A, CNAME and URL records do not share a name and line: 31 (the later documents). A CNAME
    shares them with no other type either (the system NS records at '@' included), for which the
    documents give no code: 104 (record exists). See docs/emulator.md."""
    for other in domain.records.values():
        if other.id == exclude or other.name != name or other.line != line or other.type == rtype:
            continue
        if rtype in EXCLUSIVE_TYPES and other.type in EXCLUSIVE_TYPES:
            raise ApiError('31', 'Conflicting records: A, CNAME and URL records cannot coexist (%s exists)'
                           % other.type, '存在冲突的记录(A记录、CNAME记录、URL记录不能共存)')
        if rtype == 'CNAME' or other.type == 'CNAME':
            raise ApiError('104', 'Record conflicts with an existing %s record: a CNAME cannot share its '
                                  'name and line with other records' % other.type,
                           'CNAME记录与该主机记录的其他记录冲突')


def _check_record(ctx, domain, grade, name, rtype, line, value, status, exclude=None):
    """Checks shared by Create/Modify/Ddns once every field is known: 36, 31, 104, 25."""
    if rtype == 'NS' and name == '@' and line != ctx.state.default_line:
        raise ApiError('36', 'NS record of @ can only use the default line',
                       '@主机的NS纪录只能添加默认线路')
    if rtype in URL_TYPES:
        current = domain.records.get(exclude)
        count = domain.url_count - (1 if current is not None and current.type in URL_TYPES else 0)
        if count >= grade['url_limit']:
            raise ApiError('31', 'URL record count exceeds the limit', 'URL记录数超出限制')
    dup = domain.duplicate_of(name, rtype, line, value)
    if dup is not None and dup != exclude:
        raise ApiError('104', 'Domain record already exists', '记录已经存在')
    _cname_conflict(domain, name, rtype, line, exclude)
    _round_robin(ctx, domain, grade, name, rtype, line, status, exclude)


def _log(ctx, domain, verb, record):
    lines = ctx.state.lines
    domain.add_log(ctx.client_ip, '%s %s 记录 %s 线路 %s 值 %s ' % (
        verb, record.type, lines.display(record.line), record.name, record.value))


def _unchanged_guard(ctx, record, unchanged):
    """Refuse writes to a record locked by repeated unchanged modifications (-2)."""
    now = monotonic()
    if record.locked_until > now:
        raise ApiError('-2', 'API usage is limited: the record is locked for an hour after '
                             'repeated modifications that changed nothing',
                       'API使用超出限制：记录因多次无变动修改被锁定一小时')
    if not unchanged:
        return
    limit = ctx.settings['unchanged_modify_limit']
    if not limit:
        return
    marks = record.unchanged
    while marks and marks[0] <= now - 3600:
        marks.popleft()
    marks.append(now)
    if len(marks) > limit:
        record.locked_until = now + ctx.settings['unchanged_modify_lock_seconds']
        marks.clear()
        raise ApiError('-2', 'API usage is limited: the record is locked for an hour after '
                             'repeated modifications that changed nothing',
                       'API使用超出限制：记录因多次无变动修改被锁定一小时')


# -- actions ------------------------------------------------------------------------------------
@action('Record.Create', write=True)
def record_create(ctx):
    state = ctx.state
    domain = _domain(ctx, '7')
    grade = state.grades[domain.grade]
    _locked(domain)
    for name in ('record_type', 'value'):
        ctx.require(name, '6')
    name = validate.sub_domain(ctx.get('sub_domain'), grade['subdomain_levels'])
    rtype = _record_type(ctx, grade, '6')
    line = _record_line(ctx, grade, '6')
    value = validate.record_value(rtype, ctx.get('value'))
    mx = _mx(ctx, rtype, None, modify=False)
    ttl = _ttl(ctx, grade, 600, modify=False)
    weight = _weight(ctx, None, modify=False)
    status = _status(ctx, 'enabled', modify=False)
    _check_record(ctx, domain, grade, name, rtype, line, value, status)
    record = state.add_record_to(domain, name=name, rtype=rtype, line=line, value=value,
                                 ttl=ttl, mx=mx, weight=weight, status=status,
                                 remark=ctx.get('remark', ''))
    ctx.changed = True
    state.touch(domain)
    _log(ctx, domain, '添加', record)
    return {'record': {'id': str(record.id), 'name': record.name, 'status': record.status,
                       'weight': record.weight}}


def record_list_out(ctx, record):
    lines = ctx.state.lines
    # intl: the default line is listed as 'Default' (the international documents' sample)
    out = {'id': str(record.id), 'name': record.name, 'line': lines.listed(record.line)}
    if ctx.settings['record_list_line_id']:
        out['line_id'] = lines.line_id(record.line)
    out.update({
        'type': record.type,
        'ttl': str(record.ttl),
        'value': record.value,
        'weight': record.weight,
        'mx': str(record.mx),
        'enabled': '1' if record.status == 'enabled' else '0',
        'status': record.status,
        'monitor_status': record.monitor_status,
        'remark': record.remark,
        'updated_on': record.updated_on,
        'use_aqb': 'no',
    })
    if record.hold:
        out['hold'] = 'hold'
    return out


@action('Record.List')
def record_list(ctx):
    state = ctx.state
    domain = _domain(ctx, '9')
    offset, length = page(ctx, '7', '8')
    records = domain.sorted_records()
    tests = []
    sub = (ctx.get('sub_domain') or '').strip().lower()
    if sub:
        if sub == '@' and ctx.settings['at_matches_wildcard']:
            tests.append(lambda r: r.name in ('@', '*'))
        else:
            tests.append(lambda r: r.name == sub)
    rtype = (ctx.get('record_type') or '').strip()
    if rtype:
        rtype = rtype.upper() if rtype.isascii() else rtype
        tests.append(lambda r: r.type == rtype)
    line_id = (ctx.get('record_line_id') or '').strip()
    line_name = (ctx.get('record_line') or '').strip()
    if line_id or line_name:
        line = state.lines.lookup_id(line_id) if line_id else state.lines.lookup(line_name)
        tests.append(lambda r: r.line == line)
    keyword = (ctx.get('keyword') or '').strip().lower()
    if keyword:
        tests.append(lambda r: keyword in r.name or keyword in r.value.lower())
    if tests:
        records = [r for r in records if all(test(r) for test in tests)]
    total = len(records)
    window = records[offset:offset + length]
    if not window and ctx.error_on_empty:
        raise ApiError('10', 'No records', '没有记录')
    return {
        'domain': {'id': str(domain.id), 'name': domain.name, 'punycode': domain.punycode,
                   'grade': domain.grade, 'owner': domain.owner.email},
        'info': {'sub_domains': str(total), 'record_total': str(total)},
        'records': [record_list_out(ctx, r) for r in window],
    }


@action('Record.Modify', write=True)
def record_modify(ctx):
    state = ctx.state
    domain = _domain(ctx, '7')
    grade = state.grades[domain.grade]
    _locked(domain)
    record = ctx.record(domain)
    _not_hold(record)
    # Live quirk: without sub_domain the record is renamed to '@'.
    name = validate.sub_domain(ctx.get('sub_domain'), grade['subdomain_levels'])
    rtype = _record_type(ctx, grade, '27')
    line = _record_line(ctx, grade, '26')
    value = validate.record_value(rtype, ctx.get('value'))
    mx = _mx(ctx, rtype, record.mx if record.type == 'MX' else None, modify=True)
    ttl = _ttl(ctx, grade, record.ttl, modify=True)
    weight = _weight(ctx, record.weight, modify=True)
    # `status` defaults to "enable" (the later documents' Record.Modify, DNSPod/dnspod-api-doc
    # source/records.rst): a Modify without it enables a disabled record.
    status = _status(ctx, 'enabled', modify=True)
    new = (name, rtype, line, value, ttl, mx, weight, status)
    old = (record.name, record.type, record.line, record.value, record.ttl, record.mx,
           record.weight, record.status)
    _unchanged_guard(ctx, record, new == old)
    if new != old:
        _check_record(ctx, domain, grade, name, rtype, line, value, status, exclude=record.id)

        def mutate(r):
            (r.name, r.type, r.line, r.value, r.ttl, r.mx, r.weight, r.status) = new
            r.updated_on = beijing_now()
        domain.reindex(record, mutate)
        ctx.changed = True
        state.touch(domain)
        _log(ctx, domain, '修改', record)
    return {'record': {'id': ctx.record_id_out(record.id), 'name': record.name,
                       'value': record.value, 'status': ctx.record_status_out(record.status),
                       'weight': record.weight}}


@action('Record.Remove', write=True)
def record_remove(ctx):
    domain = _domain(ctx, '7')
    _locked(domain)
    record = ctx.record(domain)
    _not_hold(record)
    domain.remove_record(record)
    ctx.changed = True
    ctx.state.touch(domain)
    _log(ctx, domain, '删除', record)
    return {}


@action('Record.Info')
def record_info(ctx):
    domain = _domain(ctx, '7')
    record = ctx.record(domain)
    lines = ctx.state.lines
    return {
        'domain': {'id': domain.id if ctx.drift else str(domain.id), 'domain': domain.name,
                   'domain_grade': domain.grade},
        'record': {
            'id': str(record.id),
            'sub_domain': record.name,
            'record_type': record.type,
            'record_line': lines.display(record.line),
            'record_line_id': lines.line_id(record.line),
            'value': record.value,
            'weight': record.weight,
            'mx': str(record.mx),
            'ttl': str(record.ttl),
            'enabled': '1' if record.status == 'enabled' else '0',
            'monitor_status': record.monitor_status,
            'remark': record.remark,
            'updated_on': record.updated_on,
            'domain_id': str(domain.id),
        },
    }


@action('Record.Status', write=True)
def record_status(ctx):
    domain = _domain(ctx, '7')
    _locked(domain)
    record = ctx.record(domain)
    status = _status(ctx, None, modify=True)
    if status is None:
        raise bad_param('status', 'enable or disable')
    _not_hold(record)
    if record.status != status:
        if status == 'enabled':
            # Only "disable" skips the round-robin limit (Tencent Cloud API 3.0 ModifyRecordStatus:
            # "If DISABLE is passed in ... the limit on round-robin DNS won't be verified").
            grade = ctx.state.grades[domain.grade]
            _round_robin(ctx, domain, grade, record.name, record.type, record.line, status, exclude=record.id)

        def mutate(r):
            r.status = status
            r.updated_on = beijing_now()
        domain.reindex(record, mutate)
        ctx.changed = True
        ctx.state.touch(domain)
        _log(ctx, domain, '启用' if status == 'enabled' else '暂停', record)
    return {'record': {'id': ctx.record_id_out(record.id), 'name': record.name,
                       'status': ctx.record_status_out(record.status)}}


@action('Record.Remark', write=True)
def record_remark(ctx):
    domain = _domain(ctx, '6')
    record = ctx.record(domain)
    if not ctx.has('remark'):
        raise bad_param('remark', 'the remark (empty to delete it)')
    remark = ctx.get('remark')
    if record.remark != remark:
        record.remark = remark
        ctx.changed = True
        ctx.state.touch(domain)
    return {}


@action('Record.Ddns', write=True)
def record_ddns(ctx):
    state = ctx.state
    domain = _domain(ctx, '7')
    grade = state.grades[domain.grade]
    _locked(domain)
    record = ctx.record(domain)
    _not_hold(record)
    given_type = (ctx.get('record_type') or '').strip().upper()
    if record.type not in ('A', 'AAAA') or (given_type and given_type != record.type):
        # not in 004's list; reported live (27 for a Ddns whose record_type is wrong or missing)
        raise ApiError('27', 'Record type invalid: Record.Ddns updates A/AAAA records',
                       '记录类型错误：Record.Ddns 只能更新 A/AAAA 记录')
    sub = ctx.get('sub_domain')
    name = record.name if sub is None else validate.sub_domain(sub, grade['subdomain_levels'])
    line = _record_line(ctx, grade, '26')
    raw = ctx.get('value')
    value = validate.record_value(record.type, raw if raw and raw.strip() else ctx.client_ip)
    unchanged = (name, line, value) == (record.name, record.line, record.value)
    _unchanged_guard(ctx, record, unchanged)
    if not unchanged:
        _check_record(ctx, domain, grade, name, record.type, line, value, record.status,
                      exclude=record.id)

        def mutate(r):
            r.name, r.line, r.value = name, line, value
            r.updated_on = beijing_now()
        domain.reindex(record, mutate)
        ctx.changed = True
        state.touch(domain)
        _log(ctx, domain, '修改', record)
    return {'record': {'id': ctx.record_id_out(record.id), 'name': record.name,
                       'value': record.value}}
