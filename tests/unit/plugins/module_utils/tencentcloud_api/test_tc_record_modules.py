"""The record modules' converge, unchanged, over TencentCloudAPI and a zone that answers as the
SDK's models: the same results as on the traditional API, and the budgets of issue 16."""
import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.areas import TencentCloudAPI
from ansible_collections.dnspod.dnspod.plugins.modules import dnspod_record, dnspod_records


class FakeModule:
    def __init__(self, params, check_mode=False, diff=False):
        self.params = params
        self.check_mode = check_mode
        self._diff = diff
        self.warnings = []

    def warn(self, text):
        self.warnings.append(text)


@pytest.fixture(autouse=True)
def _no_set_locks(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOCK_DIR', 'off')


def run(module, zone, check_mode=False, diff=False, **params):
    result = ArgumentSpecValidator(runner.argument_spec(module.OPTIONS)).validate(params)
    assert not result.error_messages, result.error_messages
    task = runner.Task(FakeModule(result.validated_parameters, check_mode, diff))
    task._client = zone
    task._api = TencentCloudAPI(zone)
    zone.sent[:] = []
    return module.converge(task)


def zone_records(count):
    return [dict(sub_domain='h%d' % i, record_type='A', value='10.0.%d.%d' % (i // 256, i % 256)) for i in range(count)]


def test_dnspod_records_1000_sets_then_converged(fake_zone):
    zone = fake_zone()
    result = run(dnspod_records, zone, domain='example.com', records=zone_records(1000))
    assert result['changed'] and result['summary']['create'] == 1000
    assert zone.actions() == ['DescribeDomain', 'DescribeRecordList', 'CreateRecordBatch', 'DescribeBatchTask']
    assert all(op['done'] and op['record_id'] for op in result['operations'])
    result = run(dnspod_records, zone, domain='example.com', records=zone_records(1000))
    assert not result['changed'] and result['operations'] == []
    assert zone.actions() == ['DescribeDomain', 'DescribeRecordList']


def test_dnspod_records_check_mode_and_diff_write_nothing(fake_zone):
    zone = fake_zone()
    result = run(dnspod_records, zone, check_mode=True, diff=True, domain='example.com', records=zone_records(20))
    assert result['changed'] and result['summary']['create'] == 20
    assert 'h19 600 IN A 10.0.0.19' in result['diff']['after']
    assert zone.actions() == ['DescribeDomain', 'DescribeRecordList'] and zone.listed() == []


def test_dnspod_record_keeps_a_disabled_record_disabled(fake_zone):
    zone = fake_zone()
    run(dnspod_record, zone, domain='example.com', sub_domain='www', record_type='A', value='192.0.2.1',
        status='disabled', remark='spare')
    assert zone.actions() == ['DescribeDomain', 'DescribeRecordList', 'CreateRecord', 'ModifyRecordRemark']
    assert zone.sent[2][1]['Status'] == 'DISABLE'
    result = run(dnspod_record, zone, domain='example.com', sub_domain='www', record_type='A', value='192.0.2.2',
                 replace=True)
    assert result['changed'] and zone.sent[-1][0] == 'ModifyRecord' and zone.sent[-1][1]['Status'] == 'DISABLE'
    assert zone.listed() == [('www', 'A', '192.0.2.2', 'DISABLE', 'spare')]


def test_an_unknown_domain_fails_naming_the_option_and_in_check_mode_is_to_be_created(fake_zone):
    from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
    zone = fake_zone()
    zone.answers['DescribeDomain'] = DNSPodAPIError('DescribeDomain', 'InvalidParameterValue.DomainNotExists', 'no')
    with pytest.raises(TaskError) as caught:
        run(dnspod_records, zone, domain='nothere.example', records=zone_records(1))
    assert str(caught.value).startswith('domain: nothere.example is not in this DNSPod account')
    result = run(dnspod_records, zone, check_mode=True, domain='nothere.example', records=zone_records(2))
    assert result['changed'] and result['summary']['create'] == 2


def test_the_free_grades_round_robin_limit_is_checked_before_any_write(fake_zone):
    zone = fake_zone()
    with pytest.raises(TaskError) as caught:
        run(dnspod_record, zone, domain='example.com', sub_domain='www', record_type='A',
            value=['192.0.2.1', '192.0.2.2', '192.0.2.3'])
    assert 'DP_Free' in str(caught.value)
    assert zone.actions() == ['DescribeDomain', 'DescribeRecordList']
