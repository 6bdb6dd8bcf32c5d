"""Batch jobs over the emulator's API 3.0 (CreateRecordBatch, ModifyRecordBatch,
ModifyRecordBatchV3, DeleteRecordBatch, DescribeBatchTask), called with Tencent's official SDK.

A job runs to its end inside the call that creates it: its first DescribeBatchTask shows every
record's final status (docs/emulator.md, "Batch jobs").
"""
import json

import pytest

import tc_sdk

DOMAIN = 'example.com'
WWW = {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1'}
API = {'id': 502, 'sub_domain': 'api', 'record_type': 'A', 'value': '192.0.2.2'}
OFF = {'id': 503, 'sub_domain': 'off', 'record_type': 'TXT', 'value': 'x', 'status': 'disabled'}


@pytest.fixture
def btc(start_emulator):
    return tc_sdk.TC(start_emulator(tc_sdk.seed(records=[WWW, API, OFF])))


def _task(tc, job_id):
    task = tc('DescribeBatchTask', JobId=job_id)
    return task, [r for detail in task.DetailList for r in detail.RecordList]


def test_create_record_batch_two_domains_with_a_failure(btc):
    second = btc('CreateDomain', Domain='second.example').DomainInfo.Id
    answer = btc('CreateRecordBatch', DomainIdList=[str(tc_sdk.DOMAIN_ID), str(second)], RecordList=[
        {'SubDomain': 'new', 'RecordType': 'A', 'Value': '198.51.100.1', 'TTL': 900},
        {'SubDomain': 'www', 'RecordType': 'A', 'Value': '192.0.2.1'},          # duplicate in example.com
        {'SubDomain': 'mail', 'RecordType': 'MX', 'Value': 'mx.example.net', 'MX': 5, 'RecordLine': '电信'}])
    assert answer.JobId > 0
    details = dict((d.Domain, d) for d in answer.DetailList)
    assert [r.Status for r in details[DOMAIN].RecordList] == ['success', 'failed', 'success']
    assert details[DOMAIN].RecordList[1].ErrMsg and details[DOMAIN].Status == 'failed'
    assert [r.Status for r in details['second.example'].RecordList] == ['success'] * 3
    task, records = _task(btc, answer.JobId)
    assert (task.TotalCount, task.SuccessCount, task.FailCount, task.JobType) == (6, 5, 1, 'record_add')
    created = [r for r in records if r.Status == 'success']
    assert all(r.RecordId > 0 for r in created)
    # the traditional API sees them, with the ids the job reports
    new = btc.emu.records(sub_domain='new')
    assert [(int(r['id']), r['ttl']) for r in new] == \
        [(r.RecordId, '900') for r in records if r.SubDomain == 'new' and r.Status == 'success'][:1]
    mail = btc.emu.records(domain='second.example', sub_domain='mail')
    assert [(r['type'], r['mx'], r['line']) for r in mail] == [('MX', '5', '电信')]


def test_create_record_batch_is_one_call_for_1000_records(btc):
    items = [{'SubDomain': 'h%04d' % i, 'RecordType': 'A', 'Value': '203.0.113.%d' % (i % 250 + 1)}
             for i in range(1000)]
    before = len(btc.emu.requests())
    job = btc('CreateRecordBatch', DomainIdList=[str(tc_sdk.DOMAIN_ID)], RecordList=items).JobId
    log = btc.emu.requests()[before:]
    assert [(e['action'], e['write'], e['write_action']) for e in log] == [('CreateRecordBatch', True, True)]
    task, _records = _task(btc, job)
    assert (task.SuccessCount, task.FailCount) == (1000, 0)
    assert btc('DescribeRecordList', Domain=DOMAIN, Limit=3000).RecordCountInfo.TotalCount == 1005


@pytest.mark.parametrize('ids, items, code', [
    ([str(tc_sdk.DOMAIN_ID)], [], 'InvalidParameter.RecordsEmpty'),
    ([], [{'RecordType': 'A', 'Value': '192.0.2.9'}], 'InvalidParameter.DomainsEmpty'),
    (['999'], [{'RecordType': 'A', 'Value': '192.0.2.9'}], 'InvalidParameter.DomainIdInvalid'),
    ([str(tc_sdk.OTHER_DOMAIN_ID)], [{'RecordType': 'A', 'Value': '192.0.2.9'}], 'InvalidParameter.BatchDomainNotAuth'),
    ([str(tc_sdk.DOMAIN_ID)] * 2, [{'RecordType': 'A', 'Value': '192.0.2.9'}], 'InvalidParameter.DomainDuplicated'),
    ([str(tc_sdk.DOMAIN_ID)], [{'RecordType': 'A'}], 'MissingParameter'),
    ([str(tc_sdk.DOMAIN_ID)], [{'RecordType': 'A', 'Value': '192.0.2.9'}] * 5001, 'InvalidParameter.JobGreaterThanLimit'),
])
def test_create_record_batch_refusals_change_nothing(btc, ids, items, code):
    before = len(btc.emu.records())
    assert btc.code('CreateRecordBatch', DomainIdList=ids, RecordList=items) == code
    assert len(btc.emu.records()) == before


def test_modify_record_batch(btc):
    answer = btc('ModifyRecordBatch', RecordIdList=[501, 502], Change='value', ChangeTo='198.51.100.7')
    assert [(r.RecordId, r.Status, r.Value) for d in answer.DetailList for r in d.RecordList] == \
        [(501, 'success', '198.51.100.7'), (502, 'success', '198.51.100.7')]
    values = dict((r['id'], r['value']) for r in btc.emu.records())
    # www and api are two names: both can take the same value
    assert (values['501'], values['502']) == ('198.51.100.7', '198.51.100.7')
    task, records = _task(btc, answer.JobId)
    assert (task.SuccessCount, task.FailCount, task.JobType) == (2, 0, 'record_modify')
    btc('ModifyRecordBatch', RecordIdList=[501, 503], Change='ttl', ChangeTo='1200')
    ttl = dict((r['id'], (r['ttl'], r['status'])) for r in btc.emu.records())
    assert ttl['501'] == ('1200', 'enabled') and ttl['503'] == ('1200', 'disabled')   # status kept
    btc('ModifyRecordBatch', RecordIdList=[501], Change='status', ChangeTo='disable')
    assert btc('DescribeRecord', Domain=DOMAIN, RecordId=501).RecordInfo.Enabled == 0
    btc('ModifyRecordBatch', RecordIdList=[502], Change='area', ChangeTo='联通')
    assert btc('DescribeRecord', Domain=DOMAIN, RecordId=502).RecordInfo.RecordLineId == '10=1'
    btc('ModifyRecordBatch', RecordIdList=[502], Change='record_type', ChangeTo='CNAME', Value='t.example.net')
    info = btc('DescribeRecord', Domain=DOMAIN, RecordId=502).RecordInfo
    assert (info.RecordType, info.Value) == ('CNAME', 't.example.net.')


def test_modify_record_batch_detail_reports_the_new_values(btc):
    answer = btc('ModifyRecordBatch', RecordIdList=[501], Change='sub_domain', ChangeTo='web')
    records = [r for d in answer.DetailList for r in d.RecordList]
    assert [(r.RecordId, r.SubDomain, r.Status, r.Operation) for r in records] == [(501, 'web', 'success', 'modify')]


def test_modify_record_batch_refusals(btc):
    assert btc.code('ModifyRecordBatch', RecordIdList=[501, 999], Change='ttl', ChangeTo='900') == \
        'InvalidParameter.RecordIdInvalid'
    other = tc_sdk.TC(btc.emu, secret_id=tc_sdk.OTHER_ID, secret_key=tc_sdk.OTHER_KEY)
    foreign = other('DescribeRecordList', Domain='other.com').RecordList[0].RecordId
    assert btc.code('ModifyRecordBatch', RecordIdList=[501, foreign], Change='ttl', ChangeTo='900') == \
        'InvalidParameter.BatchDomainNotAuth'
    assert btc.code('ModifyRecordBatch', RecordIdList=[501], Change='weight', ChangeTo='3') == 'InvalidParameter'
    assert btc.code('ModifyRecordBatch', RecordIdList=[], Change='ttl', ChangeTo='900') == 'InvalidParameter.RecordsEmpty'
    assert btc.emu.records(sub_domain='www')[0]['ttl'] == '600'


def test_modify_record_batch_v3_partial_failure(btc):
    job = btc('ModifyRecordBatchV3', ModifyRecordList=[
        {'RecordId': 501, 'Value': '198.51.100.9', 'TTL': 700, 'Remark': 'v3', 'Weight': 7},
        {'RecordId': 502, 'RecordType': 'CNAME', 'Value': 'x.example.net', 'SubDomain': 'www'},   # CNAME beside A
        {'RecordId': 503, 'Enabled': '1'}]).JobId
    task, records = _task(btc, job)
    assert [(r.RecordId, r.Status) for r in records] == [(501, 'success'), (502, 'failed'), (503, 'success')]
    assert records[1].ErrMsg and (task.SuccessCount, task.FailCount) == (2, 1)
    www = btc('DescribeRecord', Domain=DOMAIN, RecordId=501).RecordInfo
    assert (www.Value, www.TTL, www.Remark, www.Weight) == ('198.51.100.9', 700, 'v3', 7)
    assert btc('DescribeRecord', Domain=DOMAIN, RecordId=502).RecordInfo.RecordType == 'A'
    assert btc('DescribeRecord', Domain=DOMAIN, RecordId=503).RecordInfo.Enabled == 1


def test_delete_record_batch(btc):
    hold = [r.RecordId for r in btc('DescribeRecordList', Domain=DOMAIN).RecordList if r.DefaultNS][0]
    answer = btc('DeleteRecordBatch', RecordIdList=[501, hold, 502])
    detail = answer.DetailList[0]
    assert (detail.DomainId, detail.Domain, detail.Status) == (tc_sdk.DOMAIN_ID, DOMAIN, 'failed')
    assert [(r['RecordId'], r['Status']) for r in json.loads(detail.RecordList)] == \
        [(501, 'success'), (hold, 'failed'), (502, 'success')]
    assert sorted(r['id'] for r in btc.emu.records() if not r.get('hold')) == ['503']
    task, _records = _task(btc, answer.JobId)
    assert (task.SuccessCount, task.FailCount, task.JobType) == (2, 1, 'record_delete')


def test_describe_batch_task_refusals(btc):
    assert btc.code('DescribeBatchTask', JobId=424242) == 'InvalidParameter.BatchTaskNotExist'
    job = btc('DeleteRecordBatch', RecordIdList=[501]).JobId
    other = tc_sdk.TC(btc.emu, secret_id=tc_sdk.OTHER_ID, secret_key=tc_sdk.OTHER_KEY)
    assert other.code('DescribeBatchTask', JobId=job) == 'FailedOperation.NotBatchTaskOwner'


def test_job_polls_setting_shows_the_job_running_first(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(records=[WWW], settings={'tencentcloud_job_polls': 2})))
    answer = tc('CreateRecordBatch', DomainIdList=[str(tc_sdk.DOMAIN_ID)], RecordList=[
        {'SubDomain': 'p1', 'RecordType': 'A', 'Value': '198.51.100.1'},
        {'SubDomain': 'www', 'RecordType': 'A', 'Value': '192.0.2.1'}])
    assert [r.Status for d in answer.DetailList for r in d.RecordList] == ['running', 'running']
    assert [r['value'] for r in tc.emu.records(sub_domain='p1')] == ['198.51.100.1']     # already applied
    for _poll in range(2):
        task, records = _task(tc, answer.JobId)
        assert [r.Status for r in records] == ['running', 'running'] and (task.SuccessCount, task.FailCount) == (0, 0)
    task, records = _task(tc, answer.JobId)
    assert [r.Status for r in records] == ['success', 'failed'] and (task.SuccessCount, task.FailCount) == (1, 1)
    deleted = tc('DeleteRecordBatch', RecordIdList=[501])
    assert deleted.DetailList[0].Status == 'running'
    assert [r['Status'] for r in json.loads(deleted.DetailList[0].RecordList)] == ['running']
