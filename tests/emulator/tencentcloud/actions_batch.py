"""Batch jobs over API 3.0: CreateRecordBatch, ModifyRecordBatch, ModifyRecordBatchV3,
DeleteRecordBatch, DescribeBatchTask.

A job runs to its end inside the call that creates it (each record through the same rules as
CreateRecord/ModifyRecord/DeleteRecord), so its first DescribeBatchTask already shows every
record's final Status (``success`` or ``failed`` with ``ErrMsg``); a record that fails does not
stop the others. With the setting ``tencentcloud_job_polls`` N > 0 the creating answer and the
first N DescribeBatchTask answers show the job ``running`` (every record ``running``, no counts)
although its changes are already made: a client's polling loop gets exercised. Checks of the whole call (no records, too many, a record or domain of another
account, an unknown RecordId) refuse the call before anything changes. Jobs are kept per state
(``state.ext['tencentcloud']['jobs']``) until a reset; only the account that created a job may
describe it.
"""
import json

from .. import actions_record as legacy
from .. import extensions
from ..clock import beijing_now
from .actions_record import line_id, status_param, ttl_param, weight_param, remark_param
from .errors import TcError, invalid, missing
from .registry import action, item_check
from . import render

MAX_RECORDS = 5000           # InvalidParameter.JobGreaterThanLimit: 单次任务记录数量超过上限5000条
FIRST_JOB_ID = 100001
ADD_ITEM = {'RecordType': 'str', 'Value': 'str', 'SubDomain': 'str', 'RecordLine': 'str',
            'RecordLineId': 'str', 'MX': 'int', 'TTL': 'int'}
V3_ITEM = {'RecordId': 'int', 'SubDomain': 'str', 'RecordType': 'str', 'RecordLine': 'str', 'Value': 'str',
           'Enabled': 'str', 'Remark': 'str', 'Weight': 'int', 'MX': 'int', 'TTL': 'int'}
CHANGES = ('sub_domain', 'record_type', 'area', 'value', 'mx', 'ttl', 'status')
RUNNING = 'running'

extensions.setting('tencentcloud_job_polls', int, 0)


def _area(state):
    return state.ext.setdefault('tencentcloud', {}).setdefault('jobs', {'next_id': FIRST_JOB_ID, 'jobs': {}})


def _record_info(state, index, record, status, operation, error, fields=None):
    """BatchRecordInfo of one record of a job (``fields``: what was asked, for a failed add)."""
    fields = fields or {}
    if record is not None:
        out = {'RecordId': record.id, 'SubDomain': record.name, 'RecordType': record.type,
               'RecordLine': render.line_name(state, record.line), 'Value': record.value, 'TTL': record.ttl,
               'Enabled': 1 if record.status == 'enabled' else 0, 'MX': record.mx, 'Weight': record.weight,
               'Remark': record.remark}
    else:
        out = {'RecordId': 0, 'SubDomain': fields.get('SubDomain') or '@', 'RecordType': fields.get('RecordType'),
               'RecordLine': fields.get('RecordLine') or render.line_name(state, state.default_line),
               'Value': fields.get('Value'), 'TTL': fields.get('TTL') or 600, 'Enabled': 1,
               'MX': fields.get('MX') or 0, 'Weight': None, 'Remark': ''}
    out.update({'Status': status, 'Operation': operation, 'ErrMsg': error, 'Id': index})
    return out


def _detail(index, domain, operation, records):
    failed = [r for r in records if r['Status'] != 'success']
    return {'Id': index, 'Domain': domain.name, 'DomainGrade': render.grade_code(domain.grade),
            'ErrMsg': failed[0]['ErrMsg'] if failed else None,
            'Status': 'failed' if failed else 'success', 'Operation': operation, 'DomainId': domain.id,
            'RecordList': records}


def _store(call, job_type, details):
    area = _area(call.state)
    job_id = area['next_id']
    area['next_id'] += 1
    area['jobs'][job_id] = {'owner': call.account.user_id, 'type': job_type, 'created_at': beijing_now(),
                            'details': details, 'polls_left': call.settings['tencentcloud_job_polls']}
    return job_id


def _shown(call, details):
    """The details as answers show them: ``running`` while the job has polls left."""
    if call.settings['tencentcloud_job_polls'] <= 0:
        return details
    return [dict(d, Status=RUNNING, ErrMsg=None,
                 RecordList=[dict(r, Status=RUNNING, ErrMsg=None) for r in d['RecordList']]) for d in details]


def _run(call, index, operation, work):
    """Run ``work() -> record`` for one record of a job: its BatchRecordInfo pieces."""
    try:
        return work(), 'success', None
    except TcError as exc:
        return None, 'failed', exc.message


def _owned_records(call):
    """[(domain, record)] of RecordIdList, in order; refuses the call for unknown/foreign ids."""
    ids = call.get('RecordIdList') or []
    if not ids:
        raise TcError('InvalidParameter.RecordsEmpty', 'No record was given.')
    if len(ids) > MAX_RECORDS:
        raise TcError('InvalidParameter.JobGreaterThanLimit', 'A job takes at most %d records.' % MAX_RECORDS)
    found = []
    for rid in ids:
        domain, record = call.state.find_record(rid)
        if record is None:
            raise TcError('InvalidParameter.RecordIdInvalid', 'Record id %d is invalid.' % rid)
        if domain.owner is not call.account:
            raise TcError('InvalidParameter.BatchDomainNotAuth',
                          'Record %d belongs to a domain this account may not manage.' % rid)
        found.append((domain, record))
    return found


def _by_domain(pairs):
    grouped = {}
    for domain, record in pairs:
        grouped.setdefault(domain.id, (domain, []))[1].append(record)
    return list(grouped.values())


def _modify(call, domain, record, fields):
    """Record.Modify of ``record`` with ``fields`` (API 3.0 names) over its current values."""
    line = line_id(call, fields, required=False) if ('RecordLine' in fields or 'RecordLineId' in fields) \
        else call.state.lines.line_id(record.line)
    rtype = fields.get('RecordType', record.type)
    mx = fields.get('MX', record.mx if record.type == 'MX' else None)
    call.legacy(legacy.record_modify, {
        'domain_id': domain.id, 'record_id': record.id, 'sub_domain': fields.get('SubDomain', record.name),
        'record_type': rtype, 'record_line_id': line, 'value': fields.get('Value', record.value),
        'mx': mx if rtype == 'MX' else None, 'ttl': ttl_param(fields.get('TTL', record.ttl)),
        'weight': weight_param(fields.get('Weight')), 'status': fields.get('status', (
            'enable' if record.status == 'enabled' else 'disable'))})
    if fields.get('Remark') is not None:
        call.legacy(legacy.record_remark, {'domain_id': domain.id, 'record_id': record.id,
                                           'remark': remark_param(fields['Remark'])})
    return record


@action('CreateRecordBatch', {'DomainIdList': '[str]', 'RecordList': '[obj]'},
        required=('DomainIdList', 'RecordList'), write=True)
def create_record_batch(call):
    state = call.state
    ids = call.get('DomainIdList')
    items = call.get('RecordList')
    if not items:
        raise TcError('InvalidParameter.RecordsEmpty', 'No record was given.')
    for i, item in enumerate(items):
        item_check('RecordList[%d]' % i, item, ADD_ITEM, ('RecordType', 'Value'))
    domains = []
    for raw in ids:
        text = raw.strip()
        domain = state.domains.get(int(text)) if text.isdigit() else None
        if domain is None:
            raise TcError('InvalidParameter.DomainIdInvalid', 'Domain id %r is invalid.' % raw)
        if domain.owner is not call.account:
            raise TcError('InvalidParameter.BatchDomainNotAuth',
                          'The domain %s is not one this account may manage.' % domain.name)
        if domain in domains:
            raise TcError('InvalidParameter.DomainDuplicated', 'The domain %s is listed twice.' % domain.name)
        domains.append(domain)
    if not domains:
        raise TcError('InvalidParameter.DomainsEmpty', 'No domain was given.')
    if len(domains) * len(items) > MAX_RECORDS:
        raise TcError('InvalidParameter.JobGreaterThanLimit', 'A job takes at most %d records.' % MAX_RECORDS)
    details = []
    for d_index, domain in enumerate(domains, 1):
        records = []
        for index, item in enumerate(items, 1):
            def work(domain=domain, item=item):
                line = line_id(call, item, required=False) or state.lines.line_id(state.default_line)
                body = call.legacy(legacy.record_create, {
                    'domain_id': domain.id, 'sub_domain': item.get('SubDomain') or '@',
                    'record_type': item['RecordType'], 'record_line_id': line, 'value': item['Value'],
                    'mx': item.get('MX'), 'ttl': ttl_param(item.get('TTL'))},
                    {'6': 'InvalidParameter.MxInvalid'})
                return domain.records[int(body['record']['id'])]
            record, status, error = _run(call, index, 'add', work)
            records.append(_record_info(state, index, record, status, 'add', error, item))
        details.append(_detail(d_index, domain, 'record_add', records))
    job_id = _store(call, 'record_add', details)
    answer = []
    for detail in _shown(call, details):
        out = dict(detail)
        out['RecordList'] = [dict((k, v) for k, v in r.items() if k not in ('RecordId', 'Enabled', 'Remark'))
                             for r in detail['RecordList']]
        answer.append(out)
    return {'JobId': job_id, 'DetailList': answer}


@action('ModifyRecordBatch', {'RecordIdList': '[int]', 'Change': 'str', 'ChangeTo': 'str', 'Value': 'str',
                              'MX': 'str'},
        required=('RecordIdList', 'Change', 'ChangeTo'), write=True)
def modify_record_batch(call):
    change = call.get('Change').strip().lower()
    if change not in CHANGES:
        raise invalid('Change', ', '.join(CHANGES))
    to = call.get('ChangeTo').strip()
    fields = {}
    if change == 'sub_domain':
        fields['SubDomain'] = to
    elif change == 'record_type':
        if not call.get('Value'):
            raise missing('Value')
        fields.update(RecordType=to, Value=call.get('Value'))
        if call.get('MX'):
            if not call.get('MX').strip().isdigit():
                raise TcError('InvalidParameter.MxInvalid', 'MX must be a number.')
            fields['MX'] = int(call.get('MX'))
    elif change == 'area':
        key = 'RecordLineId' if call.state.lines.lookup_id(to) is not None else 'RecordLine'
        fields[key] = to
        line_id(call, fields)
    elif change == 'value':
        fields['Value'] = to
    elif change in ('mx', 'ttl'):
        if not to.isdigit():
            raise invalid('ChangeTo', 'a number for change %s' % change)
        fields['MX' if change == 'mx' else 'TTL'] = int(to)
        ttl_param(fields.get('TTL'), 'ChangeTo')
    else:
        fields['status'] = status_param(to, 'ChangeTo')
    pairs = _owned_records(call)
    details = []
    for d_index, (domain, records) in enumerate(_by_domain(pairs), 1):
        infos = []
        for index, record in enumerate(records, 1):
            record_out, status, error = _run(call, index, 'modify', lambda d=domain, r=record: _modify(call, d, r, fields))
            infos.append(_record_info(call.state, index, record, status, 'modify', error))
        details.append(_detail(d_index, domain, 'record_modify', infos))
    return {'JobId': _store(call, 'record_modify', details), 'DetailList': _shown(call, details)}


@action('ModifyRecordBatchV3', {'ModifyRecordList': '[obj]'}, required=('ModifyRecordList',), write=True)
def modify_record_batch_v3(call):
    items = call.get('ModifyRecordList')
    if not items:
        raise TcError('InvalidParameter.RecordsEmpty', 'No record was given.')
    for i, item in enumerate(items):
        item_check('ModifyRecordList[%d]' % i, item, V3_ITEM, ('RecordId',))
        if item.get('Enabled') is not None and item['Enabled'] not in ('0', '1'):
            raise invalid('ModifyRecordList[%d].Enabled' % i, '"1" or "0"')
    call.params = dict(call.params, RecordIdList=[item['RecordId'] for item in items])
    pairs = _owned_records(call)
    wanted = dict((item['RecordId'], item) for item in items)
    details = []
    for d_index, (domain, records) in enumerate(_by_domain(pairs), 1):
        infos = []
        for index, record in enumerate(records, 1):
            fields = dict((k, v) for k, v in wanted[record.id].items() if v is not None and k != 'RecordId')
            if 'Enabled' in fields:
                fields['status'] = 'enable' if fields.pop('Enabled') == '1' else 'disable'
            _out, status, error = _run(call, index, 'modify', lambda d=domain, r=record, f=fields: _modify(call, d, r, f))
            infos.append(_record_info(call.state, index, record, status, 'modify', error))
        details.append(_detail(d_index, domain, 'record_modify', infos))
    return {'JobId': _store(call, 'record_modify', details)}


@action('DeleteRecordBatch', {'RecordIdList': '[int]'}, required=('RecordIdList',), write=True)
def delete_record_batch(call):
    pairs = _owned_records(call)
    details = []
    answer = []
    for d_index, (domain, records) in enumerate(_by_domain(pairs), 1):
        infos = []
        for index, record in enumerate(records, 1):
            def work(d=domain, r=record):
                call.legacy(legacy.record_remove, {'domain_id': d.id, 'record_id': r.id})
                return r
            _out, status, error = _run(call, index, 'delete', work)
            infos.append(_record_info(call.state, index, record, status, 'delete', error))
        detail = _detail(d_index, domain, 'record_delete', infos)
        details.append(detail)
        detail = _shown(call, [detail])[0]
        answer.append({'DomainId': domain.id, 'Domain': domain.name, 'Error': detail['ErrMsg'],
                       'Status': detail['Status'], 'Operation': 'record_delete',
                       'RecordList': json.dumps(detail['RecordList'], ensure_ascii=False)})
    return {'JobId': _store(call, 'record_delete', details), 'DetailList': answer}


@action('DescribeBatchTask', {'JobId': 'int'}, required=('JobId',))
def describe_batch_task(call):
    job = _area(call.state)['jobs'].get(call.get('JobId'))
    if job is None:
        raise TcError('InvalidParameter.BatchTaskNotExist', 'Job %d does not exist.' % call.get('JobId'))
    if job['owner'] != call.account.user_id:
        raise TcError('FailedOperation.NotBatchTaskOwner', 'Job %d belongs to another account.' % call.get('JobId'))
    records = [r for detail in job['details'] for r in detail['RecordList']]
    if job['polls_left'] > 0:
        job['polls_left'] -= 1
        return {'DetailList': _shown(call, job['details']), 'TotalCount': len(records), 'SuccessCount': 0,
                'FailCount': 0, 'JobType': job['type'], 'CreatedAt': job['created_at']}
    ok = len([r for r in records if r['Status'] == 'success'])
    return {'DetailList': job['details'], 'TotalCount': len(records), 'SuccessCount': ok,
            'FailCount': len(records) - ok, 'JobType': job['type'], 'CreatedAt': job['created_at']}
