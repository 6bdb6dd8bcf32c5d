"""Fakes of the API 3.0 client (the TencentCloudClient interface of TC-CONTRACT.md) for the
tencentcloud_api unit tests.

Every request body and every answer a fake hands out is checked against Tencent's own SDK models
(tencentcloud-sdk-python-dnspod): ``<Action>Request()._deserialize(params)`` and
``<Action>Response()._deserialize(answer)`` warn about any field the model does not know, and the
fakes turn that warning into a test failure. So the parameters the areas send and the answers the
tests feed them have the SDK's field names.
"""
import copy
import itertools
import warnings

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError

models = pytest.importorskip('tencentcloud.dnspod.v20210323.models')

WRITE_PREFIXES = ('Create', 'Modify', 'Delete')


def check_model(kind, action, body):
    """Fail when ``body`` holds a field the SDK's <action><kind> model (and its nested models) does
    not know."""
    model = getattr(models, action + kind)()
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        model._deserialize(copy.deepcopy(body))
    # The Response models check only their nested models' fields: the top level here.
    unknown = set(body) - set(name[1:] for name in vars(model))
    assert not unknown, '%s%s has no field %s' % (action, kind, ', '.join(sorted(unknown)))


class FakeTCClient:
    """Answers from ``answers`` (action -> a dict, a list of them consumed in turn, a callable of the
    params, or an exception to raise) and keeps what was sent. ``paged`` follows the contract:
    Offset from 0, Limit min(limit or page_size, page_size), until the total, an empty or a short page."""

    backend = 'tencentcloud'
    api_url = 'http://127.0.0.1:9'

    def __init__(self, answers=None, page_size=3000, default_line='默认'):
        self.answers = dict(answers or {})
        self.page_size = page_size
        self.default_line = default_line
        self.international = False
        self.sent = []
        # the domain the tests name by ID (API 3.0 sends its name beside the ID: base.domain_param)
        self.domain_names = {'42': 'example.com'}
        self.once = []
        self.log = []
        self.writes = 0
        self.confirmed = 0
        self.slept = []

    @property
    def calls(self):
        return len(self.sent)

    def actions(self):
        return [action for action, _params in self.sent]

    def sleep(self, seconds):
        self.slept.append(seconds)

    @staticmethod
    def call_bound():
        return 1.0

    def confirm_write(self):
        self.confirmed += 1
        self.writes += 1

    def answer(self, action, params):
        found = self.answers.get(action, {})
        if isinstance(found, list):
            found = found.pop(0) if len(found) > 1 else found[0]
        if callable(found) and not isinstance(found, type):
            found = found(params)
        return found

    def call(self, action, params=None, once=None, empty_codes=()):
        params = dict((k, v) for k, v in (params or {}).items() if v is not None)
        check_model('Request', action, params)
        self.sent.append((action, params))
        if once:
            self.once.append(action)
        write = action.startswith(WRITE_PREFIXES)
        answer = self.answer(action, params)
        if isinstance(answer, BaseException):
            code = getattr(answer, 'code', 'transport:fault')
            self.log.append({'action': action, 'code': str(code), 'write': write})
            if isinstance(answer, DNSPodAPIError) and answer.code in empty_codes:
                return {}
            raise answer
        self.log.append({'action': action, 'code': '', 'write': write})
        if write:
            self.writes += 1
        answer = copy.deepcopy(answer)
        check_model('Response', action, dict(answer, RequestId='fake-request'))
        return answer

    def paged(self, action, params, items_key, total_of, limit=None, empty_codes=()):
        size = min(limit or self.page_size, self.page_size)
        items = []
        for page in itertools.count():
            answer = self.call(action, dict(params, Offset=page * size, Limit=size), empty_codes=empty_codes)
            got = answer.get(items_key) or []
            items.extend(got)
            total = total_of(answer) if answer else None
            if not got or len(got) < size or (total is not None and len(items) >= total):
                return items


@pytest.fixture
def tc_client():
    """A factory of FakeTCClient."""
    return FakeTCClient


class FakeZone(FakeTCClient):
    """One domain held in memory behind the record actions of API 3.0, batch jobs included, with
    answers shaped as the SDK's models. ``refuse``: values whose batch writes fail;
    ``running_polls``: DescribeBatchTask answers "running" that many times before the outcome."""

    def __init__(self, records=(), grade='DP_FREE', refuse=(), running_polls=0, **kwargs):
        super(FakeZone, self).__init__(**kwargs)
        self.grade = grade
        self.records = {}
        self.next_id = 1000
        self.jobs = {}
        self.refuse = set(refuse)
        self.running_polls = running_polls
        for name, rtype, value in records:
            self._add(dict(SubDomain=name, RecordType=rtype, RecordLine='默认', Value=value, TTL=600))
        ns = self._add(dict(SubDomain='@', RecordType='NS', RecordLine='默认', Value='f1g1ns1.dnspod.net.', TTL=86400))
        ns['DefaultNS'] = True
        for action in ('DescribeDomain', 'DescribeRecordList', 'CreateRecord', 'ModifyRecord', 'DeleteRecord',
                       'ModifyRecordStatus', 'ModifyRecordRemark', 'CreateRecordBatch', 'ModifyRecordBatchV3',
                       'DeleteRecordBatch', 'DescribeBatchTask'):
            self.answers.setdefault(action, getattr(self, '_' + action))

    def _add(self, item):
        self.next_id += 1
        record = dict(RecordId=self.next_id, Name=item.get('SubDomain') or '@', Type=item['RecordType'],
                      Line=item.get('RecordLine') or '默认', LineId='0', Value=item['Value'],
                      TTL=item.get('TTL') or 600, MX=item.get('MX') or 0, Weight=item.get('Weight'),
                      Status=item.get('Status') or 'ENABLE', Remark=item.get('Remark') or '',
                      MonitorStatus='', UpdatedOn='2026-12-05 12:00:00', DefaultNS=False)
        self.records[record['RecordId']] = record
        return record

    def _exists(self, item):
        return any(r['Name'] == (item.get('SubDomain') or '@') and r['Type'] == item['RecordType']
                   and r['Line'] == (item.get('RecordLine') or '默认') and r['Value'] == item['Value']
                   for r in self.records.values())

    def _DescribeDomain(self, params):
        return {'DomainInfo': {'DomainId': 1, 'Domain': 'example.com', 'Punycode': 'example.com',
                               'Grade': self.grade, 'GradeTitle': 'Free', 'Status': 'ENABLE', 'TTL': 600,
                               'RecordCount': len(self.records), 'GroupId': 1, 'IsMark': 'no', 'Remark': '',
                               'IsVip': 'no', 'Owner': 'owner@example.com', 'UserId': 10000,
                               'SearchEnginePush': 'YES', 'CreatedOn': '2026-01-01 00:00:00',
                               'UpdatedOn': '2026-12-05 12:00:00'}}

    def _DescribeRecordList(self, params):
        found = [dict(r) for _id, r in sorted(self.records.items())
                 if params.get('SubDomain') in (None, r['Name']) and params.get('RecordType') in (None, r['Type'])
                 and params.get('RecordLine') in (None, r['Line'])]
        offset, limit = params.get('Offset', 0), params.get('Limit', 100)
        return {'RecordCountInfo': {'SubdomainCount': len(set(r['Name'] for r in found)),
                                    'ListCount': len(found[offset:offset + limit]), 'TotalCount': len(found)},
                'RecordList': found[offset:offset + limit]}

    def _CreateRecord(self, params):
        if self._exists(params):
            return DNSPodAPIError('CreateRecord', 'InvalidParameter.DomainRecordExist', 'record exists')
        return {'RecordId': self._add(params)['RecordId']}

    def _ModifyRecord(self, params):
        record = self.records.get(params['RecordId'])
        if record is None:
            return DNSPodAPIError('ModifyRecord', 'InvalidParameter.RecordIdInvalid', 'no such record')
        record.update(Name=params.get('SubDomain') or '@', Type=params['RecordType'], Line=params['RecordLine'],
                      Value=params['Value'], TTL=params.get('TTL', record['TTL']), MX=params.get('MX', 0),
                      Weight=params.get('Weight', record['Weight']), Status=params.get('Status', 'ENABLE'))
        return {'RecordId': record['RecordId']}

    def _DeleteRecord(self, params):
        if self.records.pop(params['RecordId'], None) is None:
            return DNSPodAPIError('DeleteRecord', 'InvalidParameter.RecordIdInvalid', 'no such record')
        return {}

    def _ModifyRecordStatus(self, params):
        self.records[params['RecordId']]['Status'] = params['Status']
        return {'RecordId': params['RecordId']}

    def _ModifyRecordRemark(self, params):
        self.records[params['RecordId']]['Remark'] = params['Remark']
        return {}

    def _job(self, kind, items):
        self.next_id += 1
        job = self.next_id
        self.jobs[job] = dict(kind=kind, items=items, polls=0)
        return job

    def _outcome(self, item, index, failed):
        return dict(RecordId=item.get('RecordId'), SubDomain=item.get('SubDomain'), RecordType=item.get('RecordType'),
                    RecordLine=item.get('RecordLine'), Value=item.get('Value'), TTL=item.get('TTL'),
                    Status='failed' if failed else 'success', Operation=None,
                    ErrMsg='record value refused' if failed else None, Id=index)

    def _CreateRecordBatch(self, params):
        items = []
        there = set((r['Name'], r['Type'], r['Line'], r['Value']) for r in self.records.values())
        for index, item in enumerate(params['RecordList']):
            key = (item.get('SubDomain') or '@', item['RecordType'], item.get('RecordLine') or '默认', item['Value'])
            failed = item['Value'] in self.refuse or key in there
            there.add(key)
            record_id = None if failed else self._add(item)['RecordId']
            items.append(self._outcome(dict(item, RecordId=record_id), index, failed))
        return {'JobId': self._job('add', items), 'DetailList': []}

    def _ModifyRecordBatchV3(self, params):
        items = []
        for index, item in enumerate(params['ModifyRecordList']):
            record = self.records.get(item['RecordId'])
            failed = record is None or item['Value'] in self.refuse
            if not failed:
                record.update(Name=item['SubDomain'], Type=item['RecordType'], Line=item['RecordLine'],
                              Value=item['Value'], TTL=item.get('TTL', record['TTL']), MX=item.get('MX', 0),
                              Weight=item.get('Weight', record['Weight']), Remark=item.get('Remark', record['Remark']),
                              Status='ENABLE' if item.get('Enabled', '1') == '1' else 'DISABLE')
            items.append(self._outcome(item, index, failed))
        return {'JobId': self._job('modify', items)}

    def _DeleteRecordBatch(self, params):
        items = []
        for index, record_id in enumerate(params['RecordIdList']):
            record = self.records.pop(record_id, None)
            items.append(self._outcome(dict(RecordId=record_id, SubDomain=record and record['Name'],
                                            RecordType=record and record['Type'], Value=record and record['Value']),
                                       index, record is None))
        return {'JobId': self._job('delete', items), 'DetailList': []}

    def _DescribeBatchTask(self, params):
        job = self.jobs[params['JobId']]
        job['polls'] += 1
        running = job['polls'] <= self.running_polls
        items = [dict(i, Status='running') if running else i for i in job['items']]
        fails = 0 if running else sum(1 for i in items if i['Status'] == 'failed')
        return {'DetailList': [{'Id': 1, 'Domain': 'example.com', 'DomainGrade': self.grade, 'ErrMsg': None,
                                'Status': 'running' if running else 'success', 'Operation': job['kind'],
                                'DomainId': 1, 'RecordList': items}],
                'TotalCount': len(items), 'SuccessCount': 0 if running else len(items) - fails, 'FailCount': fails,
                'JobType': job['kind'], 'CreatedAt': '2026-12-05 12:00:00'}

    def listed(self):
        return sorted((r['Name'], r['Type'], r['Value'], r['Status'], r['Remark']) for r in self.records.values()
                      if not r['DefaultNS'])


@pytest.fixture
def fake_zone():
    """A factory of FakeZone."""
    return FakeZone
