"""Our TC3-HMAC-SHA256 signature (plugins/module_utils/tc3.py) against the one Tencent's own SDK
(tencentcloud-sdk-python-common, a test dependency) computes on the same inputs: the SDK's
``AbstractClient._build_req_with_tc3_signature`` builds the request (headers and JSON body) with
its clock pinned, and our function signs the body the SDK serialised."""
import json
import types

import pytest

from tencentcloud.common import abstract_client
from tencentcloud.common.credential import Credential
from tencentcloud.common.http.request import RequestInternal
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.dnspod.v20210323.dnspod_client import DnspodClient

from ansible_collections.dnspod.dnspod.plugins.module_utils import tc3

SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'
SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'
MIDNIGHT = 1764979200          # 2025-12-06 00:00:00 UTC

BODIES = [
    {},
    {'Domain': 'example.com'},
    {'Domain': 'example.com', 'SubDomain': 'www', 'RecordType': 'A', 'RecordLine': '默认', 'Value': '192.0.2.1',
     'TTL': 600},
    {'Domain': 'bücher.example', 'Remark': 'ünïcödé 备注 \u2603', 'Offset': 0, 'Limit': 3000},
    {'DomainIdList': ['49', '53'], 'RecordList': [{'SubDomain': 'a,b', 'RecordType': 'TXT',
                                                   'RecordLine': 'Default', 'Value': '"v=spf1 -all"'}]},
]
# The SDK's datetime.utcfromtimestamp is deprecated on Python 3.12 and later: its warning, not ours.
pytestmark = pytest.mark.filterwarnings('ignore:datetime.datetime.utcfromtimestamp:DeprecationWarning')

TIMESTAMPS = [MIDNIGHT - 1, MIDNIGHT, MIDNIGHT + 1, 1700000000]


def sdk_request(monkeypatch, action, params, timestamp, host, token=None, language='en-US'):
    """The request the SDK would send: (headers, body bytes)."""
    monkeypatch.setattr(abstract_client, 'time', types.SimpleNamespace(time=lambda: timestamp))
    profile = ClientProfile(httpProfile=HttpProfile(endpoint=host), language=language)
    client = DnspodClient(Credential(SECRET_ID, SECRET_KEY, token), '', profile)
    request = RequestInternal(host, 'POST', '/', header={})
    client._build_req_with_tc3_signature(action, params, request)  # pylint: disable=protected-access
    body = request.data if isinstance(request.data, bytes) else request.data.encode('utf-8')
    return request.header, body


@pytest.mark.parametrize('timestamp', TIMESTAMPS)
@pytest.mark.parametrize('index', range(len(BODIES)))
@pytest.mark.parametrize('token', [None, 'temporary-token/with+chars=='])
def test_headers_equal_the_sdks(monkeypatch, timestamp, index, token):
    sdk, body = sdk_request(monkeypatch, 'DescribeRecordList', BODIES[index], timestamp,
                            'dnspod.tencentcloudapi.com', token)
    ours = tc3.headers('DescribeRecordList', body, timestamp, 'dnspod.tencentcloudapi.com', SECRET_ID, SECRET_KEY,
                       token=token, language='en-US')
    assert ours['Authorization'] == sdk['Authorization']
    for name in ('Host', 'Content-Type', 'X-TC-Action', 'X-TC-Version', 'X-TC-Timestamp', 'X-TC-Language'):
        assert ours[name] == sdk[name], name
    assert ours.get('X-TC-Token') == sdk.get('X-TC-Token')


@pytest.mark.parametrize('host', ['127.0.0.1:8053', '[::1]:8053', 'dnspod.intl.tencentcloudapi.com'])
def test_the_host_is_signed(monkeypatch, host):
    sdk, body = sdk_request(monkeypatch, 'DescribeDomainList', {'Offset': 0}, 1700000000, host)
    assert tc3.authorization(SECRET_ID, SECRET_KEY, body, 1700000000, host) == sdk['Authorization']
    other = tc3.authorization(SECRET_ID, SECRET_KEY, body, 1700000000, 'dnspod.tencentcloudapi.com')
    assert other != sdk['Authorization']


def test_the_credential_scope_follows_the_utc_date_change():
    before = tc3.authorization(SECRET_ID, SECRET_KEY, b'{}', MIDNIGHT - 1, 'h')
    after = tc3.authorization(SECRET_ID, SECRET_KEY, b'{}', MIDNIGHT, 'h')
    assert 'Credential=%s/2025-12-05/dnspod/tc3_request' % SECRET_ID in before
    assert 'Credential=%s/2025-12-06/dnspod/tc3_request' % SECRET_ID in after


def test_every_input_changes_the_signature():
    base = dict(secret_key=SECRET_KEY, payload=b'{"a": 1}', timestamp=1700000000, host='h')
    reference = tc3.signature(**base)
    for key, value in (('secret_key', SECRET_KEY + 'x'), ('payload', b'{"a": 2}'), ('timestamp', 1700000001),
                       ('host', 'h2')):
        assert tc3.signature(**dict(base, **{key: value})) != reference, key


def test_the_secret_key_is_not_in_the_headers():
    headers = tc3.headers('DescribeUserDetail', b'{}', 1700000000, 'h', SECRET_ID, SECRET_KEY, token='tok')
    assert SECRET_KEY not in json.dumps(headers)
