"""TencentCloudClient (plugins/module_utils/tencentcloud_client.py) over a fake session: the signed
request of API 3.0, answers and errors, retries (RequestLimitExceeded, InternalError; never
AuthFailure), lost answers, redirects, the https rule, paging, the login latch and secrets."""
import json
import types

import pytest
import requests

from tencentcloud.common import abstract_client
from tencentcloud.common.credential import Credential
from tencentcloud.common.http.request import RequestInternal
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.dnspod.v20210323.dnspod_client import DnspodClient

from ansible_collections.dnspod.dnspod.plugins.module_utils import tencentcloud_client as tcc
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError,
    DNSPodAPIError,
    DNSPodConfigError,
    DNSPodOutcomeUnknownError,
    DNSPodTransportError,
)

SECRET_ID = 'AKID10000EMULATOR'
SECRET_KEY = 'emulator-secret-key-10000'
TOKEN = 'temporary-session-token-0123456789'
NOW = 1764979200

pytestmark = pytest.mark.filterwarnings('ignore:datetime.datetime.utcfromtimestamp:DeprecationWarning')


class Response:
    def __init__(self, status=200, body=None, headers=None):
        self.status_code = status
        self.content = body if isinstance(body, bytes) else json.dumps(body).encode('utf-8')
        self.headers = headers or {'Content-Type': 'application/json'}


class FakeSession:
    """Answers queued items in order: a dict is a ``Response`` object (RequestId added), an
    exception instance is raised, a Response is returned as is."""

    def __init__(self, *items):
        self.queue = list(items)
        self.sent = []
        self.headers = {}
        self.cookies = []

    def post(self, url, **kwargs):
        self.sent.append(dict(kwargs, url=url, body=json.loads(kwargs['data'].decode('utf-8'))))
        item = self.queue.pop(0)
        if isinstance(item, Exception):
            raise item
        if isinstance(item, Response):
            return item
        return Response(body={'Response': dict(item, RequestId='req-%d' % len(self.sent))})

    def actions(self):
        return [sent['headers']['X-TC-Action'] for sent in self.sent]


def error(code, message='msg'):
    return {'Error': {'Code': code, 'Message': message}}


class Clock:
    def __init__(self, now=NOW):
        self.now = now

    def __call__(self):
        self.now += 1
        return self.now


def make(session, **kwargs):
    options = dict(api_url='https://dnspod.tencentcloudapi.com', secret_id=SECRET_ID, secret_key=SECRET_KEY,
                   session=session, sleep=lambda s: None, login_latch_dir='', clock=Clock())
    options.update(kwargs)
    return tcc.TencentCloudClient(**options)


def sdk_authorization(monkeypatch, action, params, timestamp, host, token=None):
    monkeypatch.setattr(abstract_client, 'time', types.SimpleNamespace(time=lambda: timestamp))
    client = DnspodClient(Credential(SECRET_ID, SECRET_KEY, token), '',
                          ClientProfile(httpProfile=HttpProfile(endpoint=host), language='en-US'))
    request = RequestInternal(host, 'POST', '/', header={})
    client._build_req_with_tc3_signature(action, params, request)  # pylint: disable=protected-access
    return request.header['Authorization'], request.data


# ---- the request ------------------------------------------------------------------------------

def test_a_call_is_a_signed_json_post_the_sdk_would_sign_alike(monkeypatch):
    session = FakeSession({'RecordList': [], 'RecordCountInfo': {'TotalCount': 0}})
    client = make(session, session_token=TOKEN)
    params = {'Domain': 'example.com', 'Subdomain': None, 'RecordLine': '默认', 'Limit': 3000}
    answer = client.call('DescribeRecordList', params)
    assert answer == {'RecordList': [], 'RecordCountInfo': {'TotalCount': 0}}      # without RequestId
    sent = session.sent[0]
    assert sent['url'] == 'https://dnspod.tencentcloudapi.com/'
    assert sent['allow_redirects'] is False and sent['verify'] is True
    assert sent['body'] == {'Domain': 'example.com', 'RecordLine': '默认', 'Limit': 3000}   # None dropped
    headers = sent['headers']
    assert headers['X-TC-Action'] == 'DescribeRecordList' and headers['X-TC-Version'] == '2021-03-23'
    assert headers['Host'] == 'dnspod.tencentcloudapi.com' and headers['Content-Type'] == 'application/json'
    assert headers['X-TC-Language'] == 'en-US' and headers['X-TC-Token'] == TOKEN
    timestamp = int(headers['X-TC-Timestamp'])
    assert NOW < timestamp <= NOW + 2
    expected, body = sdk_authorization(monkeypatch, 'DescribeRecordList', sent['body'], timestamp,
                                       'dnspod.tencentcloudapi.com', TOKEN)
    assert sent['data'] == body.encode('utf-8')
    assert headers['Authorization'] == expected


@pytest.mark.parametrize('lang, language', [('en', 'en-US'), ('cn', 'zh-CN')])
def test_the_language_header_follows_lang(lang, language):
    session = FakeSession({})
    make(session, lang=lang).call('DescribeUserDetail')
    assert session.sent[0]['headers']['X-TC-Language'] == language
    assert 'X-TC-Token' not in session.sent[0]['headers']


def test_the_host_header_keeps_the_port_of_a_loopback_emulator():
    session = FakeSession({})
    make(session, api_url='http://127.0.0.1:8053/').call('DescribeUserDetail')
    assert session.sent[0]['url'] == 'http://127.0.0.1:8053/'
    assert session.sent[0]['headers']['Host'] == '127.0.0.1:8053'


# ---- retries ----------------------------------------------------------------------------------

@pytest.mark.parametrize('code', ['RequestLimitExceeded', 'RequestLimitExceeded.RequestLimitExceeded',
                                  'RequestLimitExceeded.UinLimitExceeded'])
def test_a_rate_limit_is_retried_and_each_attempt_signed_again(code):
    waits = []
    session = FakeSession(error(code), {'DomainList': []})
    client = make(session, sleep=waits.append)
    assert client.call('DescribeDomainList') == {'DomainList': []}
    assert session.actions() == ['DescribeDomainList', 'DescribeDomainList']
    assert len(waits) == 1 and 1.0 <= waits[0] <= 1.1
    first, second = (sent['headers'] for sent in session.sent)
    assert first['X-TC-Timestamp'] != second['X-TC-Timestamp']
    assert first['Authorization'] != second['Authorization']
    assert client.calls == 2 and [entry['code'] for entry in client.log] == [code, tcc.SUCCESS]


@pytest.mark.parametrize('code', ['AuthFailure.SignatureFailure', 'AuthFailure.SecretIdNotFound', 'AuthFailure',
                                  'AuthFailure.SignatureExpire', 'AuthFailure.UnauthorizedOperation',
                                  'RequestLimitExceeded.CreateDomainLimit', 'InvalidParameter.DomainInvalid'])
def test_these_are_never_retried(code):
    session = FakeSession(error(code), {})
    client = make(session)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('CreateDomain', {'Domain': 'example.com'})
    assert info.value.code == code and info.value.action == 'CreateDomain'
    assert len(session.sent) == 1 and client.writes == 0


def test_a_refused_key_pair_latches_the_client():
    session = FakeSession(error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.'),
                          {})
    client = make(session)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('DescribeDomainList')
    assert 'secret_key' in info.value.hint
    with pytest.raises(DNSPodAPIError) as again:
        client.call('DescribeRecordList', {'Domain': 'example.com'})
    assert again.value.code == 'AuthFailure.SignatureFailure' and 'not sent' in str(again.value)
    assert len(session.sent) == 1


def test_a_cam_refusal_does_not_latch_and_names_the_permission():
    session = FakeSession(error('UnauthorizedOperation', 'no permission'), {'DomainList': []})
    client = make(session)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('DeleteDomain', {'Domain': 'example.com'})
    assert 'dnspod:DeleteDomain' in str(info.value)
    assert client.call('DescribeDomainList') == {'DomainList': []}


def test_an_internal_error_is_retried_within_retries():
    session = FakeSession(*[error('InternalError', 'oops')] * 4)
    client = make(session, max_retries=2)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('DescribeDomainList')
    assert info.value.code == 'InternalError' and len(session.sent) == 3


def test_retries_stop_within_retry_max_time():
    waits = []
    session = FakeSession(*[error('RequestLimitExceeded')] * 10)
    client = make(session, max_retries=50, max_retry_time=7.0, sleep=waits.append)
    with pytest.raises(DNSPodAPIError):
        client.call('DescribeDomainList')
    assert sum(waits) <= 7.0 and len(session.sent) == len(waits) + 1 < 10


def test_an_answer_that_is_not_api_3_is_a_fault_retried():
    session = FakeSession(Response(body=b'<html>bad gateway</html>'), Response(body={'Status': 'x'}),
                          {'UserInfo': {'Uin': 1}})
    assert make(session).call('DescribeUserDetail') == {'UserInfo': {'Uin': 1}}
    assert len(session.sent) == 3


# ---- lost answers -----------------------------------------------------------------------------

@pytest.mark.parametrize('fault', [requests.exceptions.ReadTimeout('read timed out'),
                                   Response(status=502, body=b'bad gateway'),
                                   {'Error': {'Code': 'InternalError', 'Message': 'x'}}])
def test_a_write_sent_once_is_never_repeated_after_a_lost_answer(fault):
    session = FakeSession(fault, {'LockInfo': {'LockCode': 'once'}})
    client = make(session)
    with pytest.raises(DNSPodOutcomeUnknownError) as info:
        client.call('ModifyDomainLock', {'Domain': 'example.com', 'LockDays': 30})
    assert len(session.sent) == 1 and info.value.action == 'ModifyDomainLock'
    assert client.writes == 0


def test_once_true_holds_for_any_action_and_once_false_lifts_it():
    session = FakeSession(requests.exceptions.ReadTimeout('x'))
    with pytest.raises(DNSPodOutcomeUnknownError):
        make(session).call('ModifyRecordRemark', {'Domain': 'example.com', 'RecordId': 1, 'Remark': 'r'}, once=True)
    assert len(session.sent) == 1
    session = FakeSession(requests.exceptions.ReadTimeout('x'), {'JobId': 7})
    assert make(session).call('CreateRecordBatch', {'DomainIdList': ['1']}, once=False) == {'JobId': 7}
    assert len(session.sent) == 2


def test_a_create_retried_after_a_lost_answer_and_answered_exists_is_done():
    session = FakeSession(requests.exceptions.ReadTimeout('x'), error('InvalidParameter.DomainRecordExist', 'exists'))
    client = make(session)
    with pytest.raises(DNSPodAlreadyDoneError):
        client.call('CreateRecord', {'Domain': 'example.com', 'RecordType': 'A', 'Value': '192.0.2.1'})
    assert client.writes == 1 and len(session.sent) == 2


def test_exists_without_an_earlier_fault_is_an_ordinary_error():
    session = FakeSession(error('InvalidParameter.DomainRecordExist', 'exists'))
    client = make(session)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('CreateRecord', {'Domain': 'example.com'})
    assert not isinstance(info.value, DNSPodAlreadyDoneError) and client.writes == 0


def test_a_request_that_never_left_is_retried_even_when_sent_once():
    refused = requests.exceptions.ConnectTimeout('connect timeout')
    session = FakeSession(refused, {'LockInfo': {}})
    assert make(session).call('ModifyDomainLock', {'Domain': 'example.com'}) == {'LockInfo': {}}
    assert len(session.sent) == 2


# ---- where credentials go -------------------------------------------------------------------

@pytest.mark.parametrize('status', [301, 302, 307, 308])
def test_a_redirect_is_refused(status):
    session = FakeSession(Response(status=status, body=b'', headers={'Location': 'https://other.example/x?k=v'}))
    client = make(session)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('DescribeDomainList')
    assert 'redirect to https://other.example/x refused' in str(info.value)
    assert len(session.sent) == 1 and client.log[0]['code'] == 'transport:HTTP %d' % status


@pytest.mark.parametrize('url', ['http://dnspod.tencentcloudapi.com', 'http://192.0.2.1:8053', 'ftp://127.0.0.1'])
def test_plain_http_only_to_loopback(url):
    with pytest.raises(DNSPodConfigError):
        make(FakeSession(), api_url=url)


def test_plain_http_to_loopback_is_allowed():
    assert make(FakeSession(), api_url='http://127.0.0.1:9/').api_url == 'http://127.0.0.1:9'


# ---- defaults ---------------------------------------------------------------------------------

def test_api_url_defaults_and_international():
    assert make(FakeSession(), api_url=None).api_url == 'https://dnspod.tencentcloudapi.com'
    client = make(FakeSession(), api_url=None, international=True)
    assert client.api_url == 'https://dnspod.intl.tencentcloudapi.com' and client.international
    assert client.default_line == 'Default'
    assert make(FakeSession(), api_url='https://dnspod.intl.tencentcloudapi.com').international is True
    chinese = make(FakeSession())
    assert chinese.international is False and chinese.default_line == '默认'
    assert chinese.backend == 'tencentcloud' and chinese.page_size == 3000


# ---- errors and secrets -----------------------------------------------------------------------

def test_error_messages_repr_and_log_never_hold_the_secrets():
    echoed = 'key %s token %s' % (SECRET_KEY, TOKEN)
    session = FakeSession(error('InvalidParameter.ParamInvalid', echoed))
    client = make(session, session_token=TOKEN)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('ModifyRecord', {'Domain': 'example.com'})
    text = ' '.join([str(info.value), info.value.message, repr(client), json.dumps(client.log),
                     json.dumps(info.value.details)])
    assert SECRET_KEY not in text and TOKEN not in text
    assert info.value.message == 'key ******** token ********'
    assert info.value.details == {'api_request_id': 'req-1'}
    assert SECRET_ID in repr(client)


@pytest.mark.parametrize('code, words', [
    ('AuthFailure.SecretIdNotFound', 'secret_id'),
    ('AuthFailure.SignatureExpire', 'clock'),
    ('ResourceNotFound.NoDataOfRecord', 'no record'),
    ('InvalidParameterValue.DomainNotExists', 'No such domain'),
])
def test_codes_people_can_act_on_have_hints(code, words):
    session = FakeSession(error(code))
    with pytest.raises(DNSPodAPIError) as info:
        make(session).call('DescribeRecordList', {'Domain': 'example.com'})
    assert words in str(info.value)


def test_empty_codes_give_an_empty_answer():
    session = FakeSession(error('ResourceNotFound.NoDataOfRecord'))
    assert make(session).call('DescribeRecordList', {'Domain': 'e.com'},
                              empty_codes=('ResourceNotFound.NoDataOfRecord',)) == {}


def test_writes_count_accepted_write_actions_only():
    session = FakeSession({'RecordId': 1}, {'RecordList': []}, error('InvalidParameter.RecordValueInvalid'))
    client = make(session)
    client.call('CreateRecord', {'Domain': 'e.com'})
    client.call('DescribeRecordList', {'Domain': 'e.com'})
    with pytest.raises(DNSPodAPIError):
        client.call('ModifyRecord', {'Domain': 'e.com'})
    assert client.writes == 1 and [entry['write'] for entry in client.log] == [True, False, True]
    client.confirm_write()
    assert client.writes == 2
    assert client.call_bound() == 60.0 + 30.0 + 1.0


# ---- paging -----------------------------------------------------------------------------------

def records(first, count):
    return [{'RecordId': n, 'Name': 'r%d' % n} for n in range(first, first + count)]


def total(answer):
    return answer.get('RecordCountInfo', {}).get('TotalCount')


def test_paged_reads_offset_and_limit_until_the_total():
    session = FakeSession(*[{'RecordList': records(n, min(3, 7 - n)), 'RecordCountInfo': {'TotalCount': 7}}
                            for n in (0, 3, 6)])
    client = make(session, page_size=3)
    items = client.paged('DescribeRecordList', {'Domain': 'e.com'}, 'RecordList', total)
    assert [item['RecordId'] for item in items] == list(range(7))
    assert [(sent['body']['Offset'], sent['body']['Limit']) for sent in session.sent] == [(0, 3), (3, 3), (6, 3)]


def test_paged_stops_on_a_full_last_page_at_the_total():
    session = FakeSession({'RecordList': records(0, 3), 'RecordCountInfo': {'TotalCount': 3}})
    assert len(make(session, page_size=3).paged('DescribeRecordList', {}, 'RecordList', total)) == 3
    assert len(session.sent) == 1


def test_paged_limit_lowers_the_page_and_a_short_page_ends_it():
    session = FakeSession({'DomainList': records(0, 2)}, {'DomainList': records(2, 1)})
    items = make(session).paged('DescribeDomainList', {}, 'DomainList', lambda answer: None, limit=2)
    assert len(items) == 3 and [sent['body']['Limit'] for sent in session.sent] == [2, 2]


def test_paged_stops_when_the_server_ignores_offset():
    session = FakeSession(*[{'RecordList': records(0, 2), 'RecordCountInfo': {'TotalCount': 10}}] * 5)
    items = make(session, page_size=2).paged('DescribeRecordList', {}, 'RecordList', total)
    assert len(items) == 2 and len(session.sent) == 2


def test_paged_empty_code_is_no_items():
    session = FakeSession(error('ResourceNotFound.NoDataOfRecord'))
    assert make(session).paged('DescribeRecordList', {}, 'RecordList', total,
                               empty_codes=('ResourceNotFound.NoDataOfRecord',)) == []


# ---- the login latch across tasks -------------------------------------------------------------

def test_a_refused_key_pair_holds_back_other_tasks_with_the_same_keys(tmp_path):
    latch = str(tmp_path / 'latch')
    first = FakeSession(error('AuthFailure.SecretIdNotFound', 'no such SecretId'))
    with pytest.raises(DNSPodAPIError):
        make(first, login_latch_dir=latch).call('DescribeDomainList')
    second = FakeSession({})
    with pytest.raises(DNSPodAPIError) as info:
        make(second, login_latch_dir=latch).call('DescribeDomainList')
    assert second.sent == [] and 'not sent' in str(info.value)
    assert info.value.code == 'AuthFailure.SecretIdNotFound'
    other_key = FakeSession({'DomainList': []})
    assert make(other_key, login_latch_dir=latch, secret_key='another-key').call('DescribeDomainList') == {
        'DomainList': []}
    assert len(other_key.sent) == 1


def test_a_wrong_clock_is_not_latched_across_tasks(tmp_path):
    latch = str(tmp_path / 'latch')
    with pytest.raises(DNSPodAPIError):
        make(FakeSession(error('AuthFailure.SignatureExpire')), login_latch_dir=latch).call('DescribeDomainList')
    later = FakeSession({})
    make(later, login_latch_dir=latch).call('DescribeDomainList')
    assert len(later.sent) == 1


def test_the_latch_file_holds_no_secret(tmp_path):
    latch = tmp_path / 'latch'
    with pytest.raises(DNSPodAPIError):
        make(FakeSession(error('AuthFailure.SignatureFailure', 'echo %s' % SECRET_KEY)),
             login_latch_dir=str(latch), session_token=TOKEN).call('DescribeDomainList')
    texts = [path.name + path.read_text() for path in latch.iterdir() if path.is_file()]
    assert texts and not any(SECRET_KEY in text or TOKEN in text for text in texts)


# ---- over real HTTP ---------------------------------------------------------------------------

def test_over_http_the_server_receives_what_was_signed():
    """A local server (as the emulator) sees one Host header, the signed body, and an Authorization
    it can verify with the key pair from what it received."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from ansible_collections.dnspod.dnspod.plugins.module_utils import tc3

    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 pylint: disable=invalid-name
            body = self.rfile.read(int(self.headers['Content-Length']))
            seen.append((self.path, self.headers.get_all('Host'), dict(self.headers), body))
            answer = json.dumps({'Response': {'UserInfo': {'Uin': 1}, 'RequestId': 'r'}}).encode('utf-8')
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = HTTPServer(('127.0.0.1', 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    thread.daemon = True
    thread.start()
    try:
        client = tcc.TencentCloudClient(api_url='http://127.0.0.1:%d' % server.server_port, secret_id=SECRET_ID,
                                        secret_key=SECRET_KEY, session_token=TOKEN, login_latch_dir='')
        assert client.call('DescribeUserDetail', {'Note': '备注'}) == {'UserInfo': {'Uin': 1}}
    finally:
        server.shutdown()
        server.server_close()
    path, hosts, headers, body = seen[0]
    assert path == '/' and hosts == ['127.0.0.1:%d' % server.server_port]
    assert json.loads(body.decode('utf-8')) == {'Note': '备注'}
    assert headers['Authorization'] == tc3.authorization(SECRET_ID, SECRET_KEY, body, int(headers['X-TC-Timestamp']),
                                                         hosts[0])
    assert headers['X-TC-Token'] == TOKEN and headers['User-Agent'].startswith('dnspod.dnspod/')
