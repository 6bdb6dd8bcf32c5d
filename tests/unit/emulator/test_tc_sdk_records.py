"""Records over the emulator's API 3.0, called with Tencent's official SDK (tc_sdk.TC).

Every answer goes through the SDK's typed method and model, and its raw JSON is checked field by
field against models.py (tc_sdk.check_model); error answers are read by the SDK
(TencentCloudSDKException.code).
"""
import pytest

import tc_sdk

DOMAIN = 'example.com'
WWW = {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1', 'ttl': 600}
MAIL = {'id': 502, 'sub_domain': '@', 'record_type': 'MX', 'value': 'mx.example.net', 'mx': 10}
TXT = {'id': 503, 'sub_domain': 'txt', 'record_type': 'TXT', 'value': 'hello', 'remark': 'note',
       'status': 'disabled'}


@pytest.fixture
def rtc(start_emulator):
    return tc_sdk.TC(start_emulator(tc_sdk.seed(records=[WWW, MAIL, TXT])))


def test_describe_record_list_fields_and_counts(rtc):
    answer = rtc('DescribeRecordList', Domain=DOMAIN)
    info = answer.RecordCountInfo
    assert (info.TotalCount, info.ListCount, info.SubdomainCount) == (5, 5, 5)   # 2 hold NS + 3 seeded
    by_id = dict((r.RecordId, r) for r in answer.RecordList)
    www = by_id[501]
    assert (www.Name, www.Type, www.Value, www.Line, www.LineId, www.TTL, www.Status, www.MX) == \
        ('www', 'A', '192.0.2.1', '默认', '0', 600, 'ENABLE', 0)
    assert www.DefaultNS is False and www.Weight is None
    assert by_id[502].MX == 10 and by_id[502].Value == 'mx.example.net.'
    assert by_id[503].Status == 'DISABLE' and by_id[503].Remark == 'note'
    hold = [r for r in answer.RecordList if r.DefaultNS]
    assert len(hold) == 2 and all(r.Type == 'NS' and r.Name == '@' for r in hold)


def test_describe_record_list_filters_and_paging(rtc):
    assert [r.RecordId for r in rtc('DescribeRecordList', Domain=DOMAIN, Subdomain='www').RecordList] == [501]
    assert [r.RecordId for r in rtc('DescribeRecordList', Domain=DOMAIN, SubDomain='txt', Subdomain='www').RecordList] == [503]
    assert [r.RecordId for r in rtc('DescribeRecordList', Domain=DOMAIN, RecordType='MX').RecordList] == [502]
    assert [r.RecordId for r in rtc('DescribeRecordList', Domain=DOMAIN, Keyword='hello').RecordList] == [503]
    assert len(rtc('DescribeRecordList', Domain=DOMAIN, RecordLine='默认').RecordList) == 5
    assert len(rtc('DescribeRecordList', Domain=DOMAIN, RecordLineId='0').RecordList) == 5
    page = rtc('DescribeRecordList', Domain=DOMAIN, Offset=1, Limit=2)
    assert page.RecordCountInfo.TotalCount == 5 and page.RecordCountInfo.ListCount == 2
    everything = [r.RecordId for r in rtc('DescribeRecordList', Domain=DOMAIN).RecordList]
    assert [r.RecordId for r in page.RecordList] == everything[1:3]
    # DomainId wins over Domain
    assert rtc('DescribeRecordList', Domain='no-such.example', DomainId=tc_sdk.DOMAIN_ID).RecordCountInfo.TotalCount == 5


def test_describe_record_list_empty_and_limits(rtc):
    assert rtc.code('DescribeRecordList', Domain=DOMAIN, Subdomain='nothing') == 'ResourceNotFound.NoDataOfRecord'
    assert rtc.code('DescribeRecordList', Domain=DOMAIN, Offset=5) == 'ResourceNotFound.NoDataOfRecord'
    empty = rtc('DescribeRecordList', Domain=DOMAIN, Subdomain='nothing', ErrorOnEmpty='no')
    assert empty.RecordList == [] and empty.RecordCountInfo.TotalCount == 0
    assert rtc.code('DescribeRecordList', Domain=DOMAIN, Limit=3001) == 'InvalidParameterValue.LimitInvalid'
    assert rtc.code('DescribeRecordList', Domain=DOMAIN, Offset=-1) == 'InvalidParameter.OffsetInvalid'
    assert rtc('DescribeRecordList', Domain=DOMAIN, Limit=3000).RecordCountInfo.ListCount == 5


def test_describe_record_list_default_limit_is_100(start_emulator):
    records = [{'sub_domain': 'h%03d' % i, 'record_type': 'A', 'value': '192.0.2.9'} for i in range(150)]
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(records=records)))
    answer = tc('DescribeRecordList', Domain=DOMAIN)
    assert answer.RecordCountInfo.TotalCount == 152 and len(answer.RecordList) == 100


def test_domain_errors(rtc):
    assert rtc.code('DescribeRecordList', Domain='no-such.example') == 'InvalidParameterValue.DomainNotExists'
    assert rtc.code('DescribeRecordList', Domain=DOMAIN, DomainId=999) == 'InvalidParameter.DomainIdInvalid'
    assert rtc.code('DescribeRecordList', Domain='other.com') == 'OperationDenied.DomainOwnerAllowedOnly'
    assert rtc.code('DescribeRecordList', DomainId=tc_sdk.DOMAIN_ID) == 'MissingParameter'


def test_describe_record(rtc):
    info = rtc('DescribeRecord', Domain=DOMAIN, RecordId=503).RecordInfo
    assert (info.Id, info.SubDomain, info.RecordType, info.RecordLine, info.RecordLineId, info.Value,
            info.Enabled, info.Remark, info.DomainId, info.TTL) == \
        (503, 'txt', 'TXT', '默认', '0', 'hello', 0, 'note', tc_sdk.DOMAIN_ID, 600)
    assert rtc.code('DescribeRecord', Domain=DOMAIN, RecordId=999) == 'InvalidParameter.RecordIdInvalid'


def test_create_record_is_seen_by_the_traditional_api(rtc):
    rid = rtc('CreateRecord', Domain=DOMAIN, SubDomain='api', RecordType='CNAME', RecordLine='默认',
              Value='target.example.net', TTL=900, Weight=5, Remark='made by sdk').RecordId
    listed = rtc.emu.records(sub_domain='api')
    assert [(r['id'], r['type'], r['value'], r['ttl'], r['weight'], r['remark']) for r in listed] == \
        [(str(rid), 'CNAME', 'target.example.net.', '900', 5, 'made by sdk')]
    disabled = rtc('CreateRecord', Domain=DOMAIN, SubDomain='off', RecordType='A', RecordLineId='10=0',
                   Value='192.0.2.7', Status='DISABLE').RecordId
    record = rtc('DescribeRecord', Domain=DOMAIN, RecordId=disabled).RecordInfo
    assert (record.Enabled, record.RecordLine, record.RecordLineId) == (0, '电信', '10=0')


def test_traditional_record_is_seen_over_api3(rtc):
    created = rtc.emu.create(sub_domain='legacy', record_type='A', value='198.51.100.4')
    assert created['status']['code'] == '1'
    listed = rtc('DescribeRecordList', Domain=DOMAIN, Subdomain='legacy').RecordList
    assert [(r.RecordId, r.Value) for r in listed] == [(int(created['record']['id']), '198.51.100.4')]


@pytest.mark.parametrize('params, code', [
    (dict(SubDomain='www', RecordType='A', RecordLine='默认', Value='192.0.2.1'), 'InvalidParameter.DomainRecordExist'),
    (dict(SubDomain='www', RecordType='CNAME', RecordLine='默认', Value='x.example.net'), 'FailedOperation'),
    (dict(SubDomain='ttl', RecordType='A', RecordLine='默认', Value='192.0.2.1', TTL=60), 'LimitExceeded.RecordTtlLimit'),
    (dict(SubDomain='ttl', RecordType='A', RecordLine='默认', Value='192.0.2.1', TTL=0), 'InvalidParameter'),
    (dict(SubDomain='x', RecordType='A', RecordLine='火星', Value='192.0.2.1'), 'InvalidParameter.RecordLineInvalid'),
    (dict(SubDomain='x', RecordType='CAA', RecordLine='默认', Value='0 issue "ca.example"'), 'InvalidParameter.RecordTypeInvalid'),
    (dict(SubDomain='x', RecordType='A', RecordLine='默认', Value='not-an-ip'), 'InvalidParameter.RecordValueInvalid'),
    (dict(SubDomain='bad..name', RecordType='A', RecordLine='默认', Value='192.0.2.1'), 'InvalidParameter.SubdomainInvalid'),
    (dict(SubDomain='x', RecordType='A', RecordLine='默认', Value='192.0.2.1', Weight=101), 'InvalidParameter.InvalidWeight'),
    (dict(SubDomain='x', RecordType='MX', RecordLine='默认', Value='mx.example.net', MX=30), 'InvalidParameter.MxInvalid'),
    (dict(SubDomain='x', RecordType='A', RecordLine='默认', Value='192.0.2.1', Status='ON'), 'InvalidParameter'),
    (dict(SubDomain='x', RecordType='A', Value='192.0.2.1'), 'MissingParameter'),
    (dict(SubDomain='x', RecordType='A', RecordLine='默认'), 'MissingParameter'),
    (dict(SubDomain='@', RecordType='NS', RecordLine='电信', Value='ns.example.net'), 'LimitExceeded.AtNsRecordLimit'),
])
def test_create_record_errors(rtc, params, code):
    before = len(rtc.emu.records())
    assert rtc.code('CreateRecord', Domain=DOMAIN, **params) == code
    assert len(rtc.emu.records()) == before


def test_round_robin_limit(rtc):
    rtc('CreateRecord', Domain=DOMAIN, SubDomain='www', RecordType='A', RecordLine='默认', Value='192.0.2.2')
    assert rtc.code('CreateRecord', Domain=DOMAIN, SubDomain='www', RecordType='A', RecordLine='默认',
                    Value='192.0.2.3') == 'LimitExceeded.SubdomainRollLimit'


def test_modify_record(rtc):
    assert rtc('ModifyRecord', Domain=DOMAIN, RecordId=501, SubDomain='www', RecordType='A', RecordLine='默认',
               Value='192.0.2.50', TTL=1200, Remark='moved').RecordId == 501
    record = [r for r in rtc.emu.records() if r['id'] == '501'][0]
    assert (record['value'], record['ttl'], record['remark'], record['status']) == ('192.0.2.50', '1200', 'moved', 'enabled')
    rtc('ModifyRecord', Domain=DOMAIN, RecordId=503, SubDomain='txt', RecordType='TXT', RecordLine='默认',
        Value='hello', Status='DISABLE')
    assert rtc('DescribeRecord', Domain=DOMAIN, RecordId=503).RecordInfo.Enabled == 0
    assert rtc.code('ModifyRecord', Domain=DOMAIN, RecordId=999, RecordType='A', RecordLine='默认',
                    Value='192.0.2.1') == 'InvalidParameter.RecordIdInvalid'
    hold = [r for r in rtc('DescribeRecordList', Domain=DOMAIN).RecordList if r.DefaultNS][0]
    assert rtc.code('ModifyRecord', Domain=DOMAIN, RecordId=hold.RecordId, RecordType='NS', RecordLine='默认',
                    Value='ns.example.net') == 'OperationDenied.AccessDenied'


def test_status_remark_delete(rtc):
    assert rtc('ModifyRecordStatus', Domain=DOMAIN, RecordId=501, Status='DISABLE').RecordId == 501
    assert [r['status'] for r in rtc.emu.records(sub_domain='www')] == ['disabled']
    assert rtc.code('ModifyRecordStatus', Domain=DOMAIN, RecordId=501, Status='off') == 'InvalidParameter'
    rtc('ModifyRecordRemark', Domain=DOMAIN, RecordId=501, Remark='r1')
    assert rtc('DescribeRecord', Domain=DOMAIN, RecordId=501).RecordInfo.Remark == 'r1'
    rtc('DeleteRecord', Domain=DOMAIN, RecordId=501)
    assert rtc.emu.records(sub_domain='www') == []
    assert rtc.code('DeleteRecord', Domain=DOMAIN, RecordId=501) == 'InvalidParameter.RecordIdInvalid'


def test_locked_domain_refuses_record_writes(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(records=[WWW], locked=True)))
    assert tc.code('CreateRecord', Domain=DOMAIN, SubDomain='x', RecordType='A', RecordLine='默认',
                   Value='192.0.2.1') == 'FailedOperation.DomainIsLocked'
    assert tc.code('DeleteRecord', Domain=DOMAIN, RecordId=501) == 'FailedOperation.DomainIsLocked'


def test_modify_dynamic_dns(rtc):
    assert rtc('ModifyDynamicDNS', Domain=DOMAIN, RecordId=501, SubDomain='www', RecordLine='默认',
               Value='203.0.113.9', TTL=700).RecordId == 501
    record = rtc('DescribeRecord', Domain=DOMAIN, RecordId=501).RecordInfo
    assert (record.Value, record.TTL, record.SubDomain) == ('203.0.113.9', 700, 'www')
    # without Value: the caller's address; without TTL: the domain's TTL (600)
    rtc('ModifyDynamicDNS', Domain=DOMAIN, RecordId=501, SubDomain='www', RecordLine='默认')
    record = rtc('DescribeRecord', Domain=DOMAIN, RecordId=501).RecordInfo
    assert (record.Value, record.TTL) == ('127.0.0.1', 600)
    assert rtc.code('ModifyDynamicDNS', Domain=DOMAIN, RecordId=503, RecordLine='默认',
                    Value='203.0.113.9') == 'InvalidParameter.RecordTypeInvalid'


def test_record_types_and_lines(rtc):
    assert rtc('DescribeRecordType', DomainGrade='DP_FREE').TypeList == \
        ['A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL', '显性URL', '隐性URL']
    assert 'CAA' in rtc('DescribeRecordType', DomainGrade='DP_Plus').TypeList
    assert rtc.code('DescribeRecordType', DomainGrade='NOPE') == 'InvalidParameterValue.DomainGradeInvalid'
    lines = rtc('DescribeRecordLineList', Domain=DOMAIN, DomainGrade='DP_FREE').LineList
    assert (lines[0].Name, lines[0].LineId) == ('默认', '0')
    assert ('联通', '10=1') in [(line.Name, line.LineId) for line in lines]


def test_intl_flavour_line_names(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(records=[WWW], settings={'flavor': 'intl'})))
    lines = tc('DescribeRecordLineList', Domain=DOMAIN, DomainGrade='DP_FREE').LineList
    assert (lines[0].Name, lines[0].LineId) == ('Default', '0') and 'China Telecom' in [line.Name for line in lines]
    rid = tc('CreateRecord', Domain=DOMAIN, SubDomain='api', RecordType='A', RecordLine='Default',
             Value='192.0.2.8').RecordId
    listed = tc('DescribeRecordList', Domain=DOMAIN, Subdomain='api').RecordList
    assert [(r.RecordId, r.Line, r.LineId) for r in listed] == [(rid, 'Default', '0')]
    assert tc.code('CreateRecord', Domain=DOMAIN, SubDomain='api', RecordType='A', RecordLine='默认',
                   Value='192.0.2.9') == 'InvalidParameter.RecordLineInvalid'
