"""tencentcloud_api/records.py: the API 3.0 record actions, their parameters, the canonical records
made of their answers, and the lost-answer handling (answers and requests checked against the SDK's
models by the fake client)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodTransportError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.records import Records

ITEM = {'RecordId': 556, 'Value': 'mail.example.com.', 'Status': 'DISABLE', 'UpdatedOn': '2026-12-01 10:00:00',
        'Name': 'WWW', 'Line': '默认', 'LineId': '0', 'Type': 'mx', 'Weight': None, 'MonitorStatus': '',
        'Remark': 'backup', 'TTL': 3600, 'MX': 20, 'DefaultNS': False}
CANONICAL = {'id': '556', 'sub_domain': 'www', 'record_type': 'MX', 'record_line': '默认', 'record_line_id': '0',
             'value': 'mail.example.com.', 'ttl': 3600, 'mx': 20, 'weight': None, 'status': 'disabled',
             'remark': 'backup', 'hold': False, 'monitor_status': '', 'updated_on': '2026-12-01 10:00:00'}
DOMAIN_INFO = {'DomainId': 42, 'Domain': 'bücher.example', 'Punycode': 'xn--bcher-kva.example', 'Grade': 'DP_FREE',
               'GradeTitle': '免费版', 'Status': 'ENABLE', 'TTL': 600, 'RecordCount': 3, 'GroupId': 1, 'IsMark': 'no',
               'Remark': '', 'IsVip': 'no', 'Owner': 'o@example.com', 'UserId': 10000, 'SearchEnginePush': 'NO',
               'CreatedOn': '2026-01-01 00:00:00', 'UpdatedOn': '2026-12-01 00:00:00', 'DNSStatus': 'dnserror'}


def listing(items, total=None):
    return {'RecordCountInfo': {'SubdomainCount': 1, 'ListCount': len(items),
                                'TotalCount': len(items) if total is None else total},
            'RecordList': items}


def test_list_record_fields_become_the_canonical_record(tc_client):
    ns = dict(ITEM, RecordId=1, Name='@', Type='NS', Value='f1g1ns1.dnspod.net.', Status='ENABLE', DefaultNS=True,
              MX=0, Remark='', Weight=10)
    client = tc_client({'DescribeRecordList': listing([ITEM, ns])})
    records = Records(client).list('example.com')
    assert records[0] == CANONICAL
    assert records[1]['hold'] is True and records[1]['status'] == 'enabled' and records[1]['mx'] == 0
    assert records[1]['weight'] == 10
    assert client.sent == [('DescribeRecordList', {'Domain': 'example.com', 'ErrorOnEmpty': 'no', 'Offset': 0,
                                                   'Limit': 3000})]


def test_list_by_id_sends_an_integer_domain_id_and_the_filters_and_applies_them_again(tc_client):
    star = dict(ITEM, RecordId=557, Name='*')
    client = tc_client({'DescribeRecordList': listing([ITEM, star])})
    records = Records(client).list('42', sub_domain='WWW', record_type='mx', record_line='默认')
    assert [r['id'] for r in records] == ['556']
    assert client.sent[0][1] == {'Domain': 'example.com', 'DomainId': 42, 'SubDomain': 'WWW', 'RecordType': 'mx', 'RecordLine': '默认',
                                 'ErrorOnEmpty': 'no', 'Offset': 0, 'Limit': 3000}


def test_list_pages_of_at_most_3000_until_the_total(tc_client):
    pages = [listing([dict(ITEM, RecordId=i) for i in range(3000)], total=3001), listing([dict(ITEM, RecordId=9)], 3001)]
    client = tc_client({'DescribeRecordList': pages}, page_size=5000)
    assert len(Records(client).list('example.com')) == 3001
    assert [(p['Offset'], p['Limit']) for _a, p in client.sent] == [(0, 3000), (3000, 3000)]


def test_an_empty_listing_code_is_an_empty_list(tc_client):
    client = tc_client({'DescribeRecordList': DNSPodAPIError('DescribeRecordList', 'ResourceNotFound.NoDataOfRecord',
                                                             'no records')})
    assert Records(client).list('example.com') == []


def test_list_with_domain_reads_the_domain_then_lists_by_its_id(tc_client):
    client = tc_client({'DescribeDomain': {'DomainInfo': DOMAIN_INFO}, 'DescribeRecordList': listing([ITEM])})
    domain, records = Records(client).list_with_domain('Bücher.example', sub_domain='www')
    assert (domain['id'], domain['name'], domain['grade']) == ('42', 'xn--bcher-kva.example', 'DP_Free')
    assert records == [CANONICAL]
    assert client.sent[0] == ('DescribeDomain', {'Domain': 'xn--bcher-kva.example'})
    assert (client.sent[1][1]['DomainId'], client.sent[1][1]['Domain']) == (42, 'xn--bcher-kva.example')


def test_list_with_domain_raises_the_unknown_domain_code_the_record_modules_know(tc_client):
    client = tc_client({'DescribeDomain': DNSPodAPIError('DescribeDomain', 'InvalidParameterValue.DomainNotExists',
                                                         'no such domain')})
    records = Records(client)
    with pytest.raises(DNSPodAPIError) as caught:
        records.list_with_domain('example.org')
    assert caught.value.code in records.UNKNOWN_DOMAIN_CODES and caught.value.code in records.NEW_DOMAIN_CODES
    assert client.actions() == ['DescribeDomain']


def test_info_maps_record_info_and_an_unknown_id_is_none(tc_client):
    info = {'Id': 7, 'SubDomain': 'a', 'RecordType': 'A', 'RecordLine': '电信', 'RecordLineId': '10=0',
            'Value': '192.0.2.1', 'Weight': None, 'MX': 0, 'TTL': 600, 'Enabled': 0, 'MonitorStatus': '',
            'Remark': '', 'UpdatedOn': 'x', 'DomainId': 42}
    client = tc_client({'DescribeRecord': [{'RecordInfo': info},
                                           DNSPodAPIError('DescribeRecord', 'InvalidParameter.RecordIdInvalid', '')]})
    record = Records(client).info('42', '7')
    assert (record['id'], record['sub_domain'], record['record_line'], record['record_line_id'], record['status']) == (
        '7', 'a', '电信', '10=0', 'disabled')
    assert client.sent[0] == ('DescribeRecord', {'Domain': 'example.com', 'DomainId': 42, 'RecordId': 7})
    assert Records(client).info('42', '8') is None


def test_create_sends_status_mx_weight_and_returns_the_id(tc_client):
    client = tc_client({'CreateRecord': {'RecordId': 901}})
    records = Records(client)
    assert records.create('42', 'mail', 'MX', '默认', 'mx.example.com.', ttl=600, mx=10, weight=5,
                          status='disabled') == '901'
    assert records.create('42', 'www', 'A', '默认', '192.0.2.1', mx=10) == '901'
    assert client.sent == [
        ('CreateRecord', {'Domain': 'example.com', 'DomainId': 42, 'SubDomain': 'mail', 'RecordType': 'MX', 'RecordLine': '默认',
                          'Value': 'mx.example.com.', 'TTL': 600, 'Weight': 5, 'MX': 10, 'Status': 'DISABLE'}),
        ('CreateRecord', {'Domain': 'example.com', 'DomainId': 42, 'SubDomain': 'www', 'RecordType': 'A', 'RecordLine': '默认',
                          'Value': '192.0.2.1'})]


def test_create_refused_as_existing_after_a_lost_answer_is_found_not_duplicated(tc_client):
    exists = DNSPodAPIError('CreateRecord', 'InvalidParameter.DomainRecordExist', 'record exists')
    client = tc_client({'CreateRecord': exists, 'DescribeRecordList': listing([
        dict(ITEM, RecordId=77, Name='www', Type='A', Value='192.0.2.1', MX=0)])})
    assert Records(client).create('42', 'www', 'A', '默认', '192.0.2.1') == '77'
    assert client.actions() == ['CreateRecord', 'DescribeRecordList']


def test_create_refused_as_existing_with_nothing_there_is_the_error(tc_client):
    exists = DNSPodAPIError('CreateRecord', 'InvalidParameter.DomainRecordExist', 'record exists')
    client = tc_client({'CreateRecord': exists, 'DescribeRecordList': listing([])})
    with pytest.raises(DNSPodAPIError) as caught:
        Records(client).create('42', 'www', 'A', '默认', '192.0.2.1')
    assert caught.value.code == 'InvalidParameter.DomainRecordExist'


def test_create_without_an_id_in_the_answer_reads_it_or_fails(tc_client):
    client = tc_client({'CreateRecord': {}, 'DescribeRecordList': listing([])})
    with pytest.raises(DNSPodTransportError):
        Records(client).create('42', 'www', 'A', '默认', '192.0.2.1')


def test_modify_always_sends_the_status_and_creates_a_record_gone_meanwhile(tc_client):
    gone = DNSPodAPIError('ModifyRecord', 'InvalidParameter.RecordIdInvalid', 'no such record')
    client = tc_client({'ModifyRecord': [{'RecordId': 5}, gone], 'CreateRecord': {'RecordId': 6}})
    records = Records(client)
    records.modify('42', '5', 'www', 'A', '默认', '192.0.2.2', ttl=600, status='disabled')
    records.modify('42', '5', 'www', 'A', '默认', '192.0.2.2')
    assert client.sent[0] == ('ModifyRecord', {'Domain': 'example.com', 'DomainId': 42, 'SubDomain': 'www', 'RecordType': 'A',
                                               'RecordLine': '默认', 'Value': '192.0.2.2', 'TTL': 600,
                                               'Status': 'DISABLE', 'RecordId': 5})
    assert client.sent[1][1]['Status'] == 'ENABLE'
    assert client.actions() == ['ModifyRecord', 'ModifyRecord', 'CreateRecord']


def test_remove_of_a_gone_record_is_done_other_errors_are_raised(tc_client):
    gone = DNSPodAPIError('DeleteRecord', 'InvalidParameter.RecordIdInvalid', 'no such record')
    locked = DNSPodAPIError('DeleteRecord', 'FailedOperation.DomainIsLocked', 'locked')
    client = tc_client({'DeleteRecord': [gone, locked]})
    Records(client).remove('42', '5')
    with pytest.raises(DNSPodAPIError):
        Records(client).remove('42', '5')
    assert client.sent[0] == ('DeleteRecord', {'Domain': 'example.com', 'DomainId': 42, 'RecordId': 5})


def test_status_and_remark_writes(tc_client):
    client = tc_client({'ModifyRecordStatus': {'RecordId': 5}})
    records = Records(client)
    records.set_status('example.com', '5', 'enabled')
    records.set_remark('42', '5', None)
    assert client.sent == [('ModifyRecordStatus', {'Domain': 'example.com', 'RecordId': 5, 'Status': 'ENABLE'}),
                           ('ModifyRecordRemark', {'Domain': 'example.com', 'DomainId': 42, 'RecordId': 5, 'Remark': ''})]


def test_ddns_sends_the_name_and_line_and_returns_the_value_sent(tc_client):
    client = tc_client({'ModifyDynamicDNS': {'RecordId': 5}})
    record = dict(CANONICAL, id='5', record_type='A', record_line_id='10=1')
    assert Records(client).ddns('42', record, '198.51.100.7') == '198.51.100.7'
    assert Records(client).ddns('42', dict(record, record_line_id=None)) is None
    assert client.sent == [
        ('ModifyDynamicDNS', {'Domain': 'example.com', 'DomainId': 42, 'RecordId': 5, 'SubDomain': 'www', 'RecordLine': '默认',
                              'RecordLineId': '10=1', 'Value': '198.51.100.7'}),
        ('ModifyDynamicDNS', {'Domain': 'example.com', 'DomainId': 42, 'RecordId': 5, 'SubDomain': 'www', 'RecordLine': '默认'})]


def test_types_and_lines_of_a_grade_in_api_spelling(tc_client):
    client = tc_client({'DescribeRecordType': {'TypeList': ['A', 'AAAA', 'CAA']},
                        'DescribeRecordLineList': {'LineList': [{'Name': '默认', 'LineId': '0'},
                                                                {'Name': '电信', 'LineId': '10=0'}],
                                                   'LineGroupList': []}})
    records = Records(client)
    assert records.types('DP_Free') == ['A', 'AAAA', 'CAA']
    assert records.lines_and_ids('DP_Free', '42') == (['默认', '电信'], {'默认': '0', '电信': '10=0'})
    assert records.lines('D_Plus', 'example.com') == ['默认', '电信']
    assert client.sent == [('DescribeRecordType', {'DomainGrade': 'DP_FREE'}),
                           ('DescribeRecordLineList', {'DomainGrade': 'DP_FREE', 'Domain': 'example.com', 'DomainId': 42}),
                           ('DescribeRecordLineList', {'DomainGrade': 'D_PLUS', 'Domain': 'example.com'})]
