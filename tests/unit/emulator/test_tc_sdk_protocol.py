"""The emulator's API 3.0 wire protocol: signature, answers, errors, key pairs, request log,
fault injection and rate limit, with Tencent's official SDK as the client (and raw HTTP for what
the SDK cannot send)."""
import json
import time
import urllib.parse

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

import tc_sdk
from emulator.tencentcloud import signature

DOMAIN = 'example.com'


def raw(tc, body=b'{}', action='DescribeUserDetail', headers=None, secret=tc_sdk.SECRET_KEY, timestamp=None,
        service='dnspod', content_type='application/json'):
    """(status, headers, JSON answer) of a hand-made API 3.0 call (signed unless told otherwise)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    host = urllib.parse.urlsplit(tc.emu.url).netloc
    sent = {'Content-Type': content_type, 'X-TC-Action': action, 'X-TC-Version': '2021-03-23',
            'X-TC-Timestamp': str(timestamp),
            'Authorization': signature.authorization(tc_sdk.SECRET_ID, secret, timestamp, host, body,
                                                     content_type=content_type, service=service)}
    sent.update(headers or {})
    status, answer_headers, data = tc.emu.http('POST', '/', body, dict((k, v) for k, v in sent.items() if v is not None))
    return status, answer_headers, json.loads(data.decode('utf-8'))


def test_the_models_check_can_fail():
    tc_sdk.check_model('RecordListItem', {'RecordId': 1, 'Name': 'www'})
    with pytest.raises(AssertionError):
        tc_sdk.check_model('RecordListItem', {'RecordId': '1'})
    with pytest.raises(AssertionError):
        tc_sdk.check_model('RecordListItem', {'Id': 1})
    with pytest.raises(AssertionError):
        tc_sdk.check_model('DescribeRecordListResponse', {'RecordList': [{'TTL': '600'}]})


def test_default_account_holds_the_default_key_pair(start_emulator):
    tc = tc_sdk.TC(start_emulator(None))
    assert tc('DescribeUserDetail').UserInfo.Id == 10000
    assert tc.code('DescribeDomainList') == 'ResourceNotFound.NoDataOfDomain'


def test_answers_are_json_with_a_request_id(tc):
    status, headers, answer = raw(tc)
    assert status == 200 and headers['Content-Type'] == 'application/json'
    assert answer['Response']['UserInfo']['Id'] == 10000 and len(answer['Response']['RequestId']) == 36
    status, headers, answer = raw(tc, action='NoSuchAction')
    assert status == 200 and headers['Content-Type'] == 'application/json'
    assert answer['Response']['Error']['Code'] == 'InvalidAction' and answer['Response']['Error']['Message']
    assert len(answer['Response']['RequestId']) == 36


def test_wrong_secret_key(start_emulator):
    emu = start_emulator(tc_sdk.seed())
    bad = tc_sdk.TC(emu, secret_key='not-the-key')
    assert bad.code('DescribeUserDetail') == 'AuthFailure.SignatureFailure'
    entry = emu.requests()[-1]
    assert (entry['code'], entry['secret_id'], entry['user_id'], entry['write']) == \
        ('AuthFailure.SignatureFailure', tc_sdk.SECRET_ID, None, False)
    unknown = tc_sdk.TC(emu, secret_id='AKIDNOBODY', secret_key='x')
    assert unknown.code('DescribeUserDetail') == 'AuthFailure.SecretIdNotFound'


@pytest.mark.parametrize('offset, code', [(301, 'AuthFailure.SignatureExpire'), (-301, 'AuthFailure.SignatureExpire'),
                                          (290, None), (-290, None)])
def test_timestamp_window(tc, offset, code):
    tc.emu.server.clock = lambda: time.time() + offset       # the emulator clock moves, the SDK's does not
    if code is None:
        assert tc('DescribeUserDetail').UserInfo.Id == 10000
    else:
        assert tc.code('DescribeUserDetail') == code


@pytest.mark.parametrize('change, code', [
    ({'headers': {'Authorization': 'Bearer abc'}}, 'AuthFailure.InvalidAuthorization'),
    ({'headers': {'Authorization': None}}, 'AuthFailure.InvalidAuthorization'),
    ({'service': 'cvm'}, 'AuthFailure.InvalidAuthorization'),
    ({'headers': {'X-TC-Version': '2017-03-12'}}, 'NoSuchVersion'),
    ({'headers': {'X-TC-Version': None}}, 'MissingParameter'),
    ({'content_type': 'application/x-www-form-urlencoded'}, 'InvalidParameter'),
    ({'body': b'[1, 2]'}, 'InvalidParameter'),
    ({'body': b'{"Domain": "example.com"}', 'headers': {'X-TC-Token': 'unexpected'}}, 'AuthFailure.TokenFailure'),
    ({'body': b'{"Domain": "example.com"}', 'secret': 'wrong'}, 'AuthFailure.SignatureFailure'),
])
def test_malformed_calls(tc, change, code):
    _status, _headers, answer = raw(tc, **change)
    assert answer['Response']['Error']['Code'] == code


def test_a_changed_body_breaks_the_signature(tc):
    timestamp = int(time.time())
    host = urllib.parse.urlsplit(tc.emu.url).netloc
    auth = signature.authorization(tc_sdk.SECRET_ID, tc_sdk.SECRET_KEY, timestamp, host, b'{}')
    _s, _h, answer = raw(tc, body=b'{"Limit": 1}', headers={'Authorization': auth, 'X-TC-Timestamp': str(timestamp)},
                         action='DescribeDomainList')
    assert answer['Response']['Error']['Code'] == 'AuthFailure.SignatureFailure'


def test_parameters_are_checked(tc):
    client = tc.client
    for params, code in [({'Domain': DOMAIN, 'Nope': 1}, 'UnknownParameter'),
                         ({'Domain': DOMAIN, 'DomainId': '1001'}, 'InvalidParameter'),
                         ({}, 'MissingParameter')]:
        with pytest.raises(TencentCloudSDKException) as caught:
            client.call_json('DescribeDomain', params)
        assert caught.value.code == code
    with pytest.raises(TencentCloudSDKException) as caught:
        client.call_json('DescribeMonitorData', {})                # D-monitor: not an API 3.0 action here
    assert caught.value.code == 'InvalidAction'


def test_temporary_credentials(start_emulator):
    seed = tc_sdk.seed()
    seed['accounts'][0]['key_pairs'].append({'secret_id': 'AKIDTEMP1', 'secret_key': 'temp-key', 'token': 'tok-1'})
    emu = start_emulator(seed)
    assert tc_sdk.TC(emu, secret_id='AKIDTEMP1', secret_key='temp-key', token='tok-1')('DescribeUserDetail').UserInfo.Id == 10000
    assert tc_sdk.TC(emu, secret_id='AKIDTEMP1', secret_key='temp-key').code('DescribeUserDetail') == 'AuthFailure.TokenFailure'
    assert tc_sdk.TC(emu, secret_id='AKIDTEMP1', secret_key='temp-key', token='tok-2').code('DescribeUserDetail') == \
        'AuthFailure.TokenFailure'
    # the token is a secret: not in the log
    assert 'tok-1' not in json.dumps(emu.requests())


def test_english_messages(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed()), language='en-US')
    message = tc.error('CreateRecord', Domain=DOMAIN, SubDomain='x', RecordType='A', RecordLine='默认',
                       Value='nope').message
    assert message.startswith('Record value invalid')


def test_request_log(tc):
    before = len(tc.emu.requests())
    tc('CreateRecord', Domain=DOMAIN, SubDomain='log', RecordType='A', RecordLine='默认', Value='192.0.2.1')
    tc.code('CreateRecord', Domain=DOMAIN, SubDomain='log', RecordType='A', RecordLine='默认', Value='192.0.2.1')
    tc('DescribeRecordList', Domain=DOMAIN)
    tc.emu.records()                                            # a traditional call between them
    log = tc.emu.requests()[before:]
    assert [(e.get('api'), e['action'], e['code'], e['write'], e['write_action']) for e in log] == [
        ('tencentcloud', 'CreateRecord', 'Success', True, True),
        ('tencentcloud', 'CreateRecord', 'InvalidParameter.DomainRecordExist', False, True),
        ('tencentcloud', 'DescribeRecordList', 'Success', False, False),
        (None, 'Record.List', '1', False, False)]
    first = log[0]
    assert first['params'] == {'Domain': DOMAIN, 'SubDomain': 'log', 'RecordType': 'A', 'RecordLine': '默认',
                               'Value': '192.0.2.1'}
    assert (first['user_id'], first['secret_id'], first['method']) == (10000, tc_sdk.SECRET_ID, 'POST')
    text = json.dumps(tc.emu.requests())
    assert tc_sdk.SECRET_KEY not in text and 'TC3-HMAC-SHA256' not in text and 'Signature' not in text
    assert tc_sdk.SECRET_KEY not in json.dumps(tc.emu.state())


def set_faults(tc, rules):
    status, _h, data = tc.emu.http('POST', '/_emulator/faults', json.dumps(rules).encode('utf-8'))
    assert status == 200, data


def test_fault_code_on_an_api3_action(tc):
    set_faults(tc, [{'kind': 'code', 'action': 'CreateRecord', 'code': 'InternalError', 'times': 1}])
    assert tc.code('CreateRecord', Domain=DOMAIN, SubDomain='f', RecordType='A', RecordLine='默认',
                   Value='192.0.2.1') == 'InternalError'
    assert tc.emu.records(sub_domain='f') == []                 # spoiled before the action ran
    entry = tc.emu.requests()[-2]
    assert (entry['action'], entry['code'], entry['fault'], entry['api']) == \
        ('CreateRecord', 'InternalError', 'code InternalError', 'tencentcloud')
    assert tc('CreateRecord', Domain=DOMAIN, SubDomain='f', RecordType='A', RecordLine='默认', Value='192.0.2.1').RecordId


def test_fault_after_the_write_and_wildcards(tc):
    set_faults(tc, [{'kind': 'reset', 'action': 'Create*', 'after': True}])
    with pytest.raises(TencentCloudSDKException):
        tc('CreateRecord', Domain=DOMAIN, SubDomain='lost', RecordType='A', RecordLine='默认', Value='192.0.2.1')
    assert [r['value'] for r in tc.emu.records(sub_domain='lost')] == ['192.0.2.1']   # applied, answer lost
    set_faults(tc, [{'kind': 'http', 'action': 'Describe*', 'status': 503}])
    with pytest.raises(TencentCloudSDKException) as caught:
        tc('DescribeRecordList', Domain=DOMAIN)
    assert caught.value.code == 'ServerNetworkError' and b'503' in caught.value.message
    set_faults(tc, [{'kind': 'code', 'action': 'DescribeRecordList', 'code': 'RequestLimitExceeded', 'skip': 1}])
    assert tc('DescribeRecordList', Domain=DOMAIN).RecordList
    assert tc.code('DescribeRecordList', Domain=DOMAIN) == 'RequestLimitExceeded'


def test_rate_limit(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(settings={'rate_limit_per_hour': 2})))
    tc('DescribeUserDetail')
    tc('DescribeUserDetail')
    assert tc.code('DescribeUserDetail') == 'RequestLimitExceeded'
    # the traditional API counts against the same account's limit
    assert tc.emu.code('User.Detail') == '-2'


@pytest.mark.parametrize('pairs, message', [
    ([{'secret_id': 'AKID1', 'secret_key': 'k', 'extra': 1}], 'unknown key'),
    ([{'secret_id': 'a b', 'secret_key': 'k'}], 'secret_id'),
    ([{'secret_id': 'AKID1', 'secret_key': ''}], 'secret_key'),
    ('AKID1', 'expected a list'),
])
def test_seed_key_pairs_are_checked(start_emulator, pairs, message):
    import emulator
    seed = tc_sdk.seed()
    seed['accounts'][0]['key_pairs'] = pairs
    with pytest.raises(emulator.SeedError) as caught:
        emulator.make_server(seed=seed, port=0).server_close()
    assert message in str(caught.value) and 'key_pairs' in str(caught.value)


def test_secret_id_unique_over_accounts():
    import emulator
    seed = tc_sdk.seed()
    seed['accounts'][1]['key_pairs'] = [{'secret_id': tc_sdk.SECRET_ID, 'secret_key': 'x'}]
    with pytest.raises(emulator.SeedError) as caught:
        emulator.make_server(seed=seed, port=0)
    assert 'used twice' in str(caught.value)


def test_second_key_pair_of_one_account(start_emulator):
    seed = tc_sdk.seed()
    seed['accounts'][0]['key_pairs'].append({'secret_id': 'AKIDSECOND', 'secret_key': 'second-key'})
    emu = start_emulator(seed)
    assert tc_sdk.TC(emu, secret_id='AKIDSECOND', secret_key='second-key')('DescribeDomain', Domain=DOMAIN)
