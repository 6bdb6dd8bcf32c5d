"""Bulk writes on API 3.0 (issue 16 section 4): recordset.apply_operations sends a plan of many
writes as CreateRecordBatch / ModifyRecordBatchV3 / DeleteRecordBatch jobs followed with
DescribeBatchTask, reports each record's outcome, falls back to single writes where a job cannot
express a change, and keeps the call budgets. The zone is a fake that answers as the SDK's models."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodTransportError
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet, PartialApplyError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import records as tc_records
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.areas import TencentCloudAPI


def address(i):
    return '10.%d.%d.%d' % (i // 65536, (i // 256) % 256, i % 256)


def wanted(count, start=0, **fields):
    return [DesiredSet('h%d' % i, 'A', '默认', [address(i + start)], **fields) for i in range(count)]


def converge(zone, sets, purge=False):
    """One run of dnspod_records' reading, planning and writing over the zone -> (operations, actions)."""
    zone.sent[:] = []
    api = TencentCloudAPI(zone)
    domain, current = api.records.list_with_domain('example.com')
    operations = recordset.plan_domain(sets, current, purge=purge)
    recordset.apply_operations(api, domain['id'], operations)
    return operations, zone.actions()


def test_1000_new_sets_in_one_job_and_then_converged_with_no_write(fake_zone):
    zone = fake_zone()
    operations, actions = converge(zone, wanted(1000))
    assert len(operations) == 1000 and all(op.done for op in operations)
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch', 'DescribeBatchTask']
    assert len(actions) <= 20
    # every create got the id the job reports, and the zone holds exactly the sets
    assert sorted(int(op.record_id) for op in operations) == sorted(
        r['RecordId'] for r in zone.records.values() if not r['DefaultNS'])
    assert len(zone.listed()) == 1000
    operations, actions = converge(zone, wanted(1000))
    assert operations == [] and actions == ['DescribeDomain', 'DescribeRecordList']


def test_5000_new_sets_are_jobs_of_at_most_2000_and_converged_pages_hold_3000(fake_zone):
    zone = fake_zone()
    _operations, actions = converge(zone, wanted(5000))
    assert actions.count('CreateRecordBatch') == 3 and len(actions) <= 20
    sizes = [len(p['RecordList']) for a, p in zone.sent if a == 'CreateRecordBatch']
    assert sizes == [2000, 2000, 1000]
    _operations, actions = converge(zone, wanted(5000))
    # 5001 records with the system NS record: two pages of 3000
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'DescribeRecordList']


@pytest.mark.parametrize('changed', [1, 5, 9])
def test_fewer_than_10_changed_sets_are_as_many_single_writes(fake_zone, changed):
    zone = fake_zone()
    converge(zone, wanted(100))
    sets = wanted(100)
    for i in range(changed):
        sets[i] = DesiredSet('h%d' % i, 'A', '默认', ['192.0.2.%d' % (i + 1)])
    _operations, actions = converge(zone, sets)
    assert actions == ['DescribeDomain', 'DescribeRecordList'] + ['ModifyRecord'] * changed


def test_many_changed_sets_are_one_modify_job_with_every_field(fake_zone):
    zone = fake_zone()
    converge(zone, wanted(100))
    record = next(r for r in zone.records.values() if r['Name'] == 'h0')
    record.update(Status='DISABLE', Remark='keep me')
    _operations, actions = converge(zone, wanted(100, start=500))
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'ModifyRecordBatchV3', 'DescribeBatchTask']
    items = next(p for a, p in zone.sent if a == 'ModifyRecordBatchV3')['ModifyRecordList']
    first = next(i for i in items if i['RecordId'] == record['RecordId'])
    # the disabled record stays disabled, its remark stays
    assert first == {'RecordId': record['RecordId'], 'SubDomain': 'h0', 'RecordType': 'A', 'RecordLine': '默认',
                     'Value': address(500), 'Enabled': '0', 'Remark': 'keep me', 'TTL': 600}
    assert record['Status'] == 'DISABLE' and record['Value'] == address(500)
    assert converge(zone, wanted(100, start=500))[1] == ['DescribeDomain', 'DescribeRecordList']


def test_a_purge_of_many_records_is_one_delete_job(fake_zone):
    zone = fake_zone(records=[('old%d' % i, 'A', address(i)) for i in range(30)])
    operations, actions = converge(zone, wanted(2), purge=True)
    assert [op.action for op in operations].count('remove') == 30
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecord', 'CreateRecord', 'DeleteRecordBatch',
                       'DescribeBatchTask']
    assert len(zone.listed()) == 2


def test_creates_a_job_cannot_express_go_alone_and_remarks_follow_by_job(fake_zone):
    zone = fake_zone()
    sets = wanted(20, remark='web') + [DesiredSet('off%d' % i, 'A', '默认', ['192.0.2.9'], status='disabled')
                                       for i in range(3)] + [DesiredSet('w', 'A', '默认', ['192.0.2.8'], weight=5)]
    operations, actions = converge(zone, sets)
    assert all(op.done for op in operations)
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch', 'DescribeBatchTask'] + [
        'CreateRecord'] * 4 + ['ModifyRecordBatchV3', 'DescribeBatchTask']
    singles = [p for a, p in zone.sent if a == 'CreateRecord']
    assert [p.get('Status') for p in singles] == ['DISABLE'] * 3 + ['ENABLE']
    assert singles[-1]['Weight'] == 5
    listed = zone.listed()
    disabled = [('off%d' % i, 'A', '192.0.2.9', 'DISABLE', '') for i in range(3)]
    assert [r for r in listed if r[0].startswith('off')] == disabled
    assert all(r[4] == 'web' for r in listed if r[0].startswith('h'))
    follow = [op for op in operations if op.action == 'remark']
    assert len(follow) == 20 and all(op.target_id() == op.parent.record_id for op in follow)


def test_a_partial_failure_says_what_was_and_was_not_applied(fake_zone):
    zone = fake_zone(refuse=[address(3), address(7)])
    sets = wanted(12)
    with pytest.raises(PartialApplyError) as caught:
        converge(zone, sets)
    error = caught.value
    assert sorted(op.after['value'] for op in error.pending) == [address(3), address(7)]
    assert len(error.done) == 10 and all(op.done for op in error.done)
    assert isinstance(error.original, recordset.BatchWriteError)
    text = str(error)
    assert 'create h3 A %s' % address(3) in text and 'record value refused' in text
    assert '10 of 12 change(s) were applied' in text


def test_a_failure_in_the_create_job_leaves_the_later_phases_pending(fake_zone):
    zone = fake_zone(records=[('old%d' % i, 'A', address(900 + i)) for i in range(12)], refuse=[address(1)])
    with pytest.raises(PartialApplyError) as caught:
        converge(zone, [DesiredSet('new%d' % i, 'A', '默认', [address(i)]) for i in range(12)], purge=True)
    pending = caught.value.pending
    assert [op.action for op in pending].count('remove') == 12
    assert 'DeleteRecordBatch' not in zone.actions() and 'DeleteRecord' not in zone.actions()


def test_polls_wait_with_the_clients_sleep_and_are_bounded(fake_zone):
    zone = fake_zone(running_polls=3)
    converge(zone, wanted(10))
    assert zone.actions().count('DescribeBatchTask') == 4
    assert zone.slept == list(tc_records.POLL_WAITS[:4])
    # a job that never finishes: the polls stop, and the records are read once to tell each outcome
    zone = fake_zone(running_polls=10 ** 6)
    operations, actions = converge(zone, wanted(10))
    assert actions.count('DescribeBatchTask') == len(tc_records.POLL_WAITS)
    assert actions[-1] == 'DescribeRecordList' and all(op.done and op.record_id for op in operations)
    assert sum(zone.slept) <= 120


def test_a_lost_job_answer_is_settled_by_reading_never_sent_twice(fake_zone):
    zone = fake_zone()

    def lost(params):
        zone._CreateRecordBatch(params)
        return DNSPodTransportError('CreateRecordBatch', 'HTTP 502', 1)
    zone.answers['CreateRecordBatch'] = lost
    operations, actions = converge(zone, wanted(15))
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch', 'DescribeRecordList']
    assert all(op.done for op in operations)
    assert sorted(op.record_id for op in operations) == sorted(
        str(r['RecordId']) for r in zone.records.values() if not r['DefaultNS'])


def test_a_lost_job_answer_whose_job_did_nothing_is_reported_not_applied(fake_zone):
    zone = fake_zone()
    zone.answers['CreateRecordBatch'] = DNSPodTransportError('CreateRecordBatch', 'HTTP 502', 1)
    with pytest.raises(PartialApplyError) as caught:
        converge(zone, wanted(15))
    assert len(caught.value.pending) == 15 and caught.value.done == []
    assert zone.actions().count('CreateRecordBatch') == 1


def test_a_job_refused_for_the_job_quota_is_written_record_by_record(fake_zone):
    zone = fake_zone()
    zone.answers['CreateRecordBatch'] = DNSPodAPIError('CreateRecordBatch', 'InvalidParameter.BatchTaskCountLimit',
                                                       'at most 4 jobs at once')
    operations, actions = converge(zone, wanted(12))
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch'] + ['CreateRecord'] * 12
    assert all(op.done for op in operations) and len(zone.listed()) == 12


def test_a_refused_job_is_a_partial_failure_with_nothing_applied(fake_zone):
    zone = fake_zone()
    zone.answers['CreateRecordBatch'] = DNSPodAPIError('CreateRecordBatch', 'InvalidParameter.RecordsEmpty', 'no')
    with pytest.raises(PartialApplyError) as caught:
        converge(zone, wanted(12))
    assert caught.value.done == [] and len(caught.value.pending) == 12
    assert caught.value.original.code == 'InvalidParameter.RecordsEmpty'


class SingleOnlyRecords:
    """A records area without batch jobs (the traditional API's): counts its writes."""

    def __init__(self):
        self.calls = []

    def create(self, domain_id, *args, **kwargs):
        self.calls.append('create')
        return str(len(self.calls))

    def modify(self, *args, **kwargs):
        self.calls.append('modify')

    def remove(self, *args):
        self.calls.append('remove')

    def set_status(self, *args):
        self.calls.append('status')

    def set_remark(self, *args):
        self.calls.append('remark')


class SingleOnlyAPI:
    def __init__(self):
        self.records = SingleOnlyRecords()
        self.client = None


def test_without_batch_jobs_every_write_is_single_as_before():
    api = SingleOnlyAPI()
    operations = recordset.plan_domain(wanted(50, remark='x'), [])
    recordset.apply_operations(api, '1', operations)
    assert api.records.calls == ['create', 'remark'] * 50


def test_a_second_copy_of_a_job_refusing_what_the_first_did_is_done(fake_zone):
    """A transport that sent the job twice (the first answer lost): the second job's records fail as
    existing; the records read back show them there, so each counts as done with its ID."""
    zone = fake_zone()

    def twice(params):
        zone._CreateRecordBatch(params)
        return zone._CreateRecordBatch(params)
    zone.answers['CreateRecordBatch'] = twice
    operations, actions = converge(zone, wanted(12))
    assert actions == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch', 'DescribeBatchTask',
                       'DescribeRecordList']
    assert all(op.done for op in operations) and len(zone.listed()) == 12
    assert sorted(op.record_id for op in operations) == sorted(
        str(r['RecordId']) for r in zone.records.values() if not r['DefaultNS'])


def test_a_later_job_refused_keeps_the_earlier_jobs_outcomes(fake_zone):
    zone = fake_zone()
    jobs = []

    def second_refused(params):
        jobs.append(len(params['RecordList']))
        if len(jobs) == 2:
            return DNSPodAPIError('CreateRecordBatch', 'LimitExceeded', 'quota')
        return zone._CreateRecordBatch(params)
    zone.answers['CreateRecordBatch'] = second_refused
    with pytest.raises(PartialApplyError) as caught:
        converge(zone, wanted(2500))
    assert jobs == [2000, 500]
    assert len(caught.value.done) == 2000 and len(caught.value.pending) == 500
    assert 'not sent' in str(caught.value) and 'LimitExceeded' in str(caught.value)
