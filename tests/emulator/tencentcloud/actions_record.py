"""Records over API 3.0: DescribeRecordList, DescribeRecord, CreateRecord, ModifyRecord,
DeleteRecord, ModifyRecordStatus, ModifyRecordRemark, ModifyDynamicDNS, DescribeRecordType,
DescribeRecordLineList.

Writes run the traditional Record.* action on the same state (every rule of docs/emulator.md:
duplicates, CNAME conflicts, round-robin, TTL minimum by grade, locked domains, hold NS records),
so a record written here is the record Record.List shows, and the other way round.
"""
from .. import actions_record as legacy
from .errors import TcError, invalid, missing
from .registry import action
from . import render

DOMAIN = {'Domain': 'str', 'DomainId': 'int'}
MAX_LIMIT = 3000
DEFAULT_LIMIT = 100
MAX_REMARK = 200


def line_id(call, item=None, required=True, where=''):
    """The line id of RecordLineId (wins) or RecordLine (``item``: a batch item), or None."""
    source = call.params if item is None else item
    lines = call.state.lines
    raw_id = source.get('RecordLineId')
    name = source.get('RecordLine')
    if raw_id is not None and raw_id.strip():
        cn = lines.lookup_id(raw_id)
    elif name is not None and name.strip():
        cn = lines.lookup(name)
    elif required:
        raise missing(where + 'RecordLine')
    else:
        return None
    if cn is None:
        raise TcError('InvalidParameter.RecordLineInvalid',
                      'Record line %r is invalid.' % (raw_id if raw_id else name))
    return lines.line_id(cn)


def status_param(value, name='Status'):
    if value is None:
        return None
    status = value.strip().upper()
    if status not in ('ENABLE', 'DISABLE'):
        raise invalid(name, 'ENABLE or DISABLE')
    return status.lower()


def ttl_param(value, name='TTL'):
    if value is not None and not 1 <= value <= 604800:
        raise invalid(name, 'an integer 1-604800')
    return value


def weight_param(value):
    if value is not None and not 0 <= value <= 100:
        raise TcError('InvalidParameter.InvalidWeight', 'Weight must be an integer 0-100.')
    return value


def remark_param(value):
    if value is not None and len(value) > MAX_REMARK:
        raise TcError('InvalidParameter.RemarkTooLong', 'Remark is longer than %d characters.' % MAX_REMARK)
    return value


def record_form(call, domain, source, line):
    """Traditional Record.Create/Modify parameters from API 3.0 fields (``source``: a dict)."""
    return {
        'domain_id': domain.id,
        'sub_domain': source.get('SubDomain') if source.get('SubDomain') is not None else '@',
        'record_type': source.get('RecordType'),
        'record_line_id': line,
        'value': source.get('Value'),
        'mx': source.get('MX'),
        'ttl': ttl_param(source.get('TTL')),
    }


RECORD_FIELDS = dict(DOMAIN, RecordType='str', RecordLine='str', Value='str', SubDomain='str',
                     RecordLineId='str', MX='int', TTL='int', Weight='int', Status='str', Remark='str',
                     DnssecConflictMode='str')


@action('CreateRecord', dict(RECORD_FIELDS, GroupId='int'), required=('Domain', 'RecordType', 'Value'),
        write=True)
def create_record(call):
    domain = call.domain()
    form = record_form(call, domain, call.params, line_id(call))
    form['weight'] = weight_param(call.get('Weight'))
    form['status'] = status_param(call.get('Status'))
    form['remark'] = remark_param(call.get('Remark'))
    # Record.Create's remaining code 6 is a missing MX on an MX record
    body = call.legacy(legacy.record_create, form, {'6': 'InvalidParameter.MxInvalid'})
    return {'RecordId': int(body['record']['id'])}


@action('ModifyRecord', dict(RECORD_FIELDS, RecordId='int'),
        required=('Domain', 'RecordType', 'Value', 'RecordId'), write=True)
def modify_record(call):
    domain = call.domain()
    record = call.record(domain)
    form = record_form(call, domain, call.params, line_id(call))
    form.update(record_id=record.id, weight=weight_param(call.get('Weight')),
                status=status_param(call.get('Status')) or 'enable')
    remark = remark_param(call.get('Remark'))
    call.legacy(legacy.record_modify, form)
    if remark is not None:
        call.legacy(legacy.record_remark, {'domain_id': domain.id, 'record_id': record.id, 'remark': remark})
    return {'RecordId': record.id}


@action('DeleteRecord', dict(DOMAIN, RecordId='int'), required=('Domain', 'RecordId'), write=True)
def delete_record(call):
    domain = call.domain()
    record = call.record(domain)
    call.legacy(legacy.record_remove, {'domain_id': domain.id, 'record_id': record.id})
    return {}


@action('ModifyRecordStatus', dict(DOMAIN, RecordId='int', Status='str'),
        required=('Domain', 'RecordId', 'Status'), write=True)
def modify_record_status(call):
    domain = call.domain()
    record = call.record(domain)
    call.legacy(legacy.record_status, {'domain_id': domain.id, 'record_id': record.id,
                                       'status': status_param(call.get('Status'))})
    return {'RecordId': record.id}


@action('ModifyRecordRemark', dict(DOMAIN, RecordId='int', Remark='str'),
        required=('Domain', 'RecordId'), write=True)
def modify_record_remark(call):
    domain = call.domain()
    record = call.record(domain)
    call.legacy(legacy.record_remark, {'domain_id': domain.id, 'record_id': record.id,
                                       'remark': remark_param(call.get('Remark', ''))})
    return {}


@action('ModifyDynamicDNS', dict(DOMAIN, RecordId='int', RecordLine='str', SubDomain='str',
                                 RecordLineId='str', Value='str', Ttl='int', TTL='int'),
        required=('Domain', 'RecordId'), write=True)
def modify_dynamic_dns(call):
    domain = call.domain()
    record = call.record(domain)
    line = line_id(call)
    # "TTL值，如果不传，默认为域名的TTL值" (models.py): without TTL/Ttl the record takes the
    # domain's TTL. TTL wins over Ttl.
    ttl = ttl_param(call.get('TTL', call.get('Ttl')))
    ttl = domain.ttl if ttl is None else ttl
    minimum = call.state.grades[domain.grade]['min_ttl']
    if ttl < minimum:
        raise TcError('LimitExceeded.RecordTtlLimit', 'Record ttl is limited (%d).' % minimum)
    call.legacy(legacy.record_ddns, {
        'domain_id': domain.id, 'record_id': record.id, 'record_line_id': line,
        # "主机记录，如 www，如果不传，默认为 @"
        'sub_domain': call.get('SubDomain', '@'), 'value': call.get('Value', call.client_ip)})
    if record.ttl != ttl:
        record.ttl = ttl
        record.updated_on = legacy.beijing_now()
        call.changed = True
    return {'RecordId': record.id}


@action('DescribeRecord', dict(DOMAIN, RecordId='int'), required=('Domain', 'RecordId'))
def describe_record(call):
    domain = call.domain()
    return {'RecordInfo': render.record_info(call.state, domain, call.record(domain))}


SORT_FIELDS = {
    'name': lambda r: (r.name.upper(), r.id), 'line': lambda r: (r.line, r.id),
    'type': lambda r: (r.type, r.id), 'value': lambda r: (r.value, r.id),
    'weight': lambda r: (r.weight or 0, r.id), 'mx': lambda r: (r.mx, r.id),
    'ttl': lambda r: (r.ttl, r.id), 'updated_on': lambda r: (r.updated_on, r.id),
}


@action('DescribeRecordList', dict(DOMAIN, Subdomain='str', SubDomain='str', RecordType='str',
                                   RecordLine='str', RecordLineId='str', GroupId='int', Keyword='str',
                                   SortField='str', SortType='str', Offset='int', Limit='int',
                                   ErrorOnEmpty='str'),
        required=('Domain',))
def describe_record_list(call):
    state = call.state
    domain = call.domain()
    offset = call.get('Offset', 0)
    if offset < 0:
        raise TcError('InvalidParameter.OffsetInvalid', 'Offset must be 0 or more.')
    limit = call.get('Limit', DEFAULT_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        raise TcError('InvalidParameterValue.LimitInvalid', 'Limit must be 1-%d.' % MAX_LIMIT)
    records = domain.sorted_records()
    tests = []
    sub = call.get('SubDomain', call.get('Subdomain'))
    sub = (sub or '').strip().lower()
    if sub:
        if sub == '@' and call.settings['at_matches_wildcard']:
            tests.append(lambda r: r.name in ('@', '*'))
        else:
            tests.append(lambda r: r.name == sub)
    rtype = (call.get('RecordType') or '').strip()
    if rtype:
        rtype = rtype.upper() if rtype.isascii() else rtype
        tests.append(lambda r: r.type == rtype)
    if (call.get('RecordLineId') or '').strip() or (call.get('RecordLine') or '').strip():
        wanted = state.lines.lookup_id(line_id(call))
        tests.append(lambda r: r.line == wanted)
    keyword = (call.get('Keyword') or '').strip().lower()
    if keyword:
        tests.append(lambda r: keyword in r.name or keyword in r.value.lower())
    if call.has('GroupId'):
        tests.append(lambda r: False)       # record groups are not emulated: no record is in one
    if tests:
        records = [r for r in records if all(test(r) for test in tests)]
    field = (call.get('SortField') or '').strip().lower()
    if field:
        if field not in SORT_FIELDS:
            raise invalid('SortField', ', '.join(sorted(SORT_FIELDS)))
        records = sorted(records, key=SORT_FIELDS[field])
    order = (call.get('SortType') or 'ASC').strip().upper()
    if order not in ('ASC', 'DESC'):
        raise invalid('SortType', 'ASC or DESC')
    if order == 'DESC':
        records = list(reversed(records))
    window = records[offset:offset + limit]
    error_on_empty = (call.get('ErrorOnEmpty') or 'yes').strip().lower() != 'no'
    if not window and error_on_empty:
        raise TcError('ResourceNotFound.NoDataOfRecord', 'The record list is empty.')
    return {
        'RecordCountInfo': {'SubdomainCount': len(records), 'ListCount': len(window),
                            'TotalCount': len(records)},
        'RecordList': [render.record_item(state, r) for r in window],
    }


def grade_of(call, required=True):
    name = render.find_grade(call.state, call.get('DomainGrade'))
    if name is None:
        raise TcError('InvalidParameterValue.DomainGradeInvalid',
                      'Domain grade %r is invalid.' % call.get('DomainGrade'))
    return call.state.grades[name]


@action('DescribeRecordType', {'DomainGrade': 'str'}, required=('DomainGrade',))
def describe_record_type(call):
    return {'TypeList': list(grade_of(call)['types'])}


@action('DescribeRecordLineList', dict(DOMAIN, DomainGrade='str'), required=('Domain', 'DomainGrade'))
def describe_record_line_list(call):
    grade = grade_of(call)
    call.domain()
    lines = call.state.lines
    return {'LineList': [{'Name': render.line_name(call.state, cn), 'LineId': lines.line_id(cn)}
                         for cn in grade['lines']],
            'LineGroupList': []}
