"""DNSPodClient against a scripted fake endpoint (conftest.py): transport, auth, retries, paging,
normalisation of recorded answers, redaction."""
import json
import os

import pytest
import yaml

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils import client as client_module
from ansible_collections.dnspod.dnspod.plugins.module_utils import transport as transport_module
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError, DNSPodAPIError, DNSPodConfigError, DNSPodTransportError)

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'fixtures', 'real-responses')
GALAXY_YML = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'galaxy.yml')


def recorded_answer(session, action):
    """The JSON answers of one action in one recorded dnsapi.cn session, in order."""
    with open(os.path.join(FIXTURES, 'lexicon_index.json'), encoding='utf-8') as handle:
        calls = json.load(handle)[session]
    return [call['response_json'] for call in calls if call['uri'].endswith('/' + action)]


def reported(name):
    """Text of an error body quoted in a public bug report."""
    with open(os.path.join(FIXTURES, 'issue_reported_responses', name), encoding='utf-8') as handle:
        return handle.read()


SECRET = '0123456789abcdef0123456789abcdef'
TOKEN = '10000,' + SECRET
PASSWORD = 'pw-Secret-4711'
CODE = '918273'
USER_TOKEN = '730060,e1a8a$f14dc5dcbafd83680b3d2a553c4d553d'
DEFAULT = '默认'


# ---- request shape ---------------------------------------------------------------------------

def test_sends_form_fields_and_user_agent(fake_api):
    client = fake_api.client(contact='ops@example.com')[0]
    fake_api.ok()
    client.call('Info.Version')
    sent = fake_api.requests[0]
    assert sent['action'] == 'Info.Version'
    assert sent['form'] == {'login_token': TOKEN, 'format': 'json', 'lang': 'en', 'error_on_empty': 'no'}
    with open(GALAXY_YML, encoding='utf-8') as handle:
        version = yaml.safe_load(handle)['version']     # the collection's version, as galaxy.yml states it
    assert sent['headers']['User-Agent'] == 'dnspod.dnspod/%s (ops@example.com)' % version
    assert sent['headers']['Content-Type'] == 'application/x-www-form-urlencoded'


def test_default_user_agent_names_the_collection_and_a_contact(fake_api):
    client = fake_api.client()[0]
    fake_api.ok()
    client.call('Info.Version')
    assert fake_api.requests[0]['headers']['User-Agent'] == (
        'dnspod.dnspod/%s (https://github.com/dnspod-ansible/dnspod.dnspod)' % client_module.COLLECTION_VERSION)


def test_lang_and_params_sent_none_left_out(fake_api):
    client = fake_api.client(lang='cn')[0]
    fake_api.ok()
    client.call('Record.Info', {'domain_id': 42, 'record_id': '7', 'remark': None})
    form = fake_api.requests[0]['form']
    assert form['lang'] == 'cn' and form['domain_id'] == '42' and form['record_id'] == '7'
    assert 'remark' not in form


def test_one_keep_alive_session_for_every_call(fake_api):
    client = fake_api.client()[0]
    for dummy in range(3):
        fake_api.ok()
        client.call('Info.Version')
    assert len(set(r['peer'] for r in fake_api.requests)) == 1   # one connection, reused


def test_timeout_and_verify_go_to_the_session():
    seen = []

    class Session:
        headers = {}
        cookies = []

        def post(self, url, data, timeout, verify, allow_redirects):
            seen.append((url, timeout, verify, allow_redirects))
            raise transport_module.requests.exceptions.SSLError('bad certificate')

    client = DNSPodClient(api_url='https://dnsapi.cn/', login_token=TOKEN, timeout=7, ca_path='/etc/ca.pem',
                          session=Session(), sleep=lambda s: None)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert seen == [('https://dnsapi.cn/Info.Version', 7, '/etc/ca.pem', False)]  # TLS errors are not retried
    assert 'TLS' in str(info.value) and info.value.attempts == 1
    assert DNSPodClient(api_url='https://dnsapi.cn', login_token=TOKEN, validate_certs=False,
                        session=Session())._transport.verify is False  # pylint: disable=protected-access


# ---- options refused before any call ---------------------------------------------------------

@pytest.mark.parametrize('url', ['http://example.com', 'http://10.0.0.1', 'ftp://127.0.0.1', 'http://dnsapi.cn',
                                 'http://128.0.0.1', 'http://localhost.example.com', 'dnsapi.cn', '',
                                 'https://user:pw@dnsapi.cn'])
def test_plain_http_refused_outside_loopback(url, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError('network used')
    monkeypatch.setattr(transport_module.requests.Session, 'post', no_network)
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(api_url=url, login_token=TOKEN)
    assert 'pw' not in str(info.value).replace('password', '')


@pytest.mark.parametrize('url', ['https://dnsapi.cn', 'https://api.dnspod.com/', 'http://127.0.0.1:8080',
                                 'http://127.8.9.10', 'http://[::1]:9', 'http://localhost:1', 'HTTPS://DNSAPI.CN'])
def test_https_and_loopback_accepted(url):
    assert DNSPodClient(api_url=url, login_token=TOKEN).api_url == url.rstrip('/')


@pytest.mark.parametrize('token', ['nocommaSECRETA', 'abc,SECRETB', ',SECRETC', '1,', '1,two SECRETD',
                                   '1,SECRETE,more', ' ,SECRETF'])
def test_malformed_token_refused_before_any_call(fake_api, token):
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(api_url=fake_api.url, login_token=token)
    assert 'SECRET' not in str(info.value)
    assert fake_api.requests == []


def test_no_credentials_refused(fake_api):
    with pytest.raises(DNSPodConfigError):
        DNSPodClient(api_url=fake_api.url)
    with pytest.raises(DNSPodConfigError):
        DNSPodClient(api_url=fake_api.url, login_email='a@example.com')
    assert fake_api.requests == []


def test_missing_requests_is_a_config_error(monkeypatch):
    monkeypatch.setattr(client_module, 'HAS_REQUESTS', False)
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(login_token=TOKEN)
    assert 'requests' in str(info.value)


# ---- retries ---------------------------------------------------------------------------------

def test_rate_limit_retried_with_capped_backoff(fake_api):
    # a budget that can outlast the hourly quota: retried with backoff until it passes
    client, sleeps = fake_api.client(backoff_base=1.0, backoff_cap=4.0, max_retries=5, max_retry_time=3600)
    for dummy in range(4):
        fake_api.answer(code='-2')
    fake_api.ok(version='4.6')
    assert client.call('Info.Version')['version'] == '4.6'
    assert len(fake_api.requests) == 5 and client.calls == 5
    assert len(sleeps) == 4
    for attempt, slept in enumerate(sleeps):
        assert min(4.0, 2 ** attempt) <= slept <= min(4.0, 1.1 * 2 ** attempt)
    assert sleeps[-1] == 4.0
    assert [e['code'] for e in client.log] == ['-2', '-2', '-2', '-2', '1']


def limited(message):
    return {'status': {'code': '-2', 'message': message, 'created_at': '2026-11-25 10:00:00'}}


def test_one_rate_limit_answer_is_retried(fake_api):
    client, sleeps = fake_api.client()
    fake_api.answer(body=limited('API usage is limited'))
    fake_api.ok(version='4.6')
    assert client.call('Info.Version')['version'] == '4.6'
    assert len(fake_api.requests) == 2 and len(sleeps) == 1


def test_hourly_quota_stops_when_the_budget_cannot_outlast_it(fake_api):
    # the -2 again after a wait: the quota; 60 s of budget cannot outlast its hour
    client, sleeps = fake_api.client(max_retries=5, max_retry_time=60)
    for dummy in range(6):
        fake_api.answer(body=limited('API usage is limited'))
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert len(fake_api.requests) == 2 and len(sleeps) == 1
    assert info.value.code == '-2' and 'quota' in str(info.value) and 'retry_max_time' in str(info.value)


def test_record_lock_is_never_retried(fake_api):
    client, sleeps = fake_api.client(max_retry_time=3600)
    fake_api.answer(body=limited('API usage is limited: the record is locked for an hour after '
                                 'repeated modifications that changed nothing'))
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Record.Modify', {'domain_id': '1', 'record_id': '2'})
    assert len(fake_api.requests) == 1 and sleeps == []
    text = str(info.value)
    assert info.value.code == '-2' and 'not retry' in text and 'an hour' in text
    assert 'rate limit was exceeded' not in text


def test_rate_limit_gives_up_with_the_api_error(fake_api):
    client, sleeps = fake_api.client(max_retries=2, max_retry_time=3600)
    for dummy in range(5):
        fake_api.answer(code='-2')
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert info.value.code == '-2' and 'rate limit' in str(info.value)
    assert len(fake_api.requests) == 3 and len(sleeps) == 2


def test_retry_time_is_bounded(fake_api):
    client, sleeps = fake_api.client(backoff_base=10, backoff_cap=10, max_retries=50, max_retry_time=25)
    for dummy in range(10):
        fake_api.answer(body='busy', status=503)
    with pytest.raises(DNSPodTransportError):
        client.call('Info.Version')
    assert len(sleeps) == 2 and sum(sleeps) <= 25
    assert len(fake_api.requests) == 3


def test_retry_time_counts_the_requests_too(fake_api):
    client, sleeps = fake_api.client(backoff_base=0.01, backoff_cap=0.01, max_retries=100, max_retry_time=1.0)
    for dummy in range(40):
        fake_api.answer(body='busy', status=503, delay=0.25)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert 2 <= info.value.attempts <= 5   # 0.25 s a request: about 4 fit in 1 s
    assert 'HTTP 503' in str(info.value)


def test_server_errors_and_bad_bodies_retried(fake_api):
    client, sleeps = fake_api.client(max_retries=6)
    fake_api.answer(body='oops', status=502)
    fake_api.answer(body='<html>maintenance</html>')
    fake_api.answer(body='{"truncated": ')
    fake_api.answer(body={'no': 'status'})
    fake_api.answer(body={'status': {'message': 'no code'}})
    fake_api.answer(body='', status=429)
    fake_api.ok()
    client.call('Info.Version')
    assert len(fake_api.requests) == 7 and len(sleeps) == 6


def test_read_timeout_retried(fake_api):
    client, sleeps = fake_api.client(timeout=0.2)
    fake_api.answer(code='1', delay=0.6)
    fake_api.ok(version='4.6')
    assert client.call('Info.Version')['version'] == '4.6'
    assert len(sleeps) == 1 and client.log[0]['code'].startswith('transport:')


def test_connection_refused_is_a_transport_error_after_retries(closed_port):
    sleeps = []
    client = DNSPodClient(api_url='http://127.0.0.1:%d' % closed_port, login_token=TOKEN, sleep=sleeps.append,
                          max_retries=2, timeout=2)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert info.value.attempts == 3 and len(sleeps) == 2 and client.calls == 3
    assert info.value.action == 'Info.Version' and 'after 3 attempt' in str(info.value)


def test_http_client_errors_not_retried(fake_api):
    client, sleeps = fake_api.client()
    fake_api.answer(body='forbidden', status=403)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert 'HTTP 403' in str(info.value) and len(fake_api.requests) == 1 and sleeps == []


@pytest.mark.parametrize('code', ['-1', '-8', '50', '51', '52', '53', '54', '10002', '20004', '85', '-99', '-7',
                                  '7', '3', '8'])
def test_never_retried(fake_api, code):
    client, sleeps = fake_api.client()
    fake_api.answer(code=code)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Domain.Info', {'domain': 'example.com'})
    assert len(fake_api.requests) == 1 and sleeps == []
    assert info.value.code == code and info.value.action == 'Domain.Info'
    assert 'code %s' % code in str(info.value)


@pytest.mark.parametrize('body', [reported('code-1_login_fail_intl_2020-05-16.json'),
                                  reported('code20004_user_token_intl_2021-09-10.json'),
                                  reported('code8_prohibit_email_2018-09-07.json'),
                                  json.dumps(recorded_answer('test_provider_when_creating_record_set',
                                                             'Domain.Info')[0])])
def test_refused_login_is_not_repeated_by_later_calls(fake_api, body):
    client = fake_api.client()[0]
    fake_api.answer(body=body)
    with pytest.raises(DNSPodAPIError) as first:
        client.call('Domain.Info', {'domain': 'example.com'})
    with pytest.raises(DNSPodAPIError) as second:
        Records(client).list('42')
    assert len(fake_api.requests) == 1
    assert second.value.code == first.value.code and 'not sent' in str(second.value)
    assert first.value.hint is not None and second.value.hint == first.value.hint


def test_other_errors_do_not_stop_later_calls(fake_api):
    client = fake_api.client()[0]
    fake_api.answer(code='-8')
    fake_api.answer(body=reported('code8_record_id_error_2021-04-24.json'))
    fake_api.ok()
    for action in ('Domain.Status', 'Record.Info'):
        with pytest.raises(DNSPodAPIError):
            client.call(action)
    client.call('Info.Version')
    assert len(fake_api.requests) == 3


def test_xml_error_body_is_read(fake_api):
    client = fake_api.client()[0]
    fake_api.answer(body=reported('xml_code-1_2018-08-15.xml'))
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert info.value.code == '-1' and info.value.message == 'Login fail, please check login info'
    assert len(fake_api.requests) == 1


# ---- paging and listings ---------------------------------------------------------------------


# ---- recorded answers through the client (type drift) ----------------------------------------

def test_recorded_domain_info_and_listing(fake_api):
    client = fake_api.client()[0]
    session = 'test_provider_when_calling_delete_record_by_filter_should_remove_record'
    fake_api.answer(body=json.dumps(recorded_answer(session, 'Domain.Info')[0]))
    fake_api.answer(body=json.dumps(recorded_answer(session, 'Record.List')[0]))
    domain = Domains(client).get('capsulecd.com')
    assert domain['id'] == '38280687' and domain['remark'] == '' and domain['records'] == 2
    assert domain['grade'] == 'DP_Free' and domain['status'] == 'enabled' and domain['is_mark'] is False
    records = Records(client).list(domain['id'])
    assert [(r['sub_domain'], r['record_type'], r['hold']) for r in records] == [
        ('@', 'NS', True), ('@', 'NS', True), ('delete.testfilt', 'TXT', False)]
    assert all(r['weight'] is None and isinstance(r['ttl'], int) for r in records)
    assert records[0]['ttl'] == 86400 and records[2]['record_line'] == DEFAULT


# ---- writes after a transport fault ----------------------------------------------------------

def test_call_raises_already_done_after_a_fault(fake_api):
    client = fake_api.client()[0]
    fake_api.answer(body='bad gateway', status=502)
    fake_api.answer(code='104')
    with pytest.raises(DNSPodAlreadyDoneError) as info:
        client.call('Record.Create', {'domain_id': '42', 'sub_domain': 'www', 'record_type': 'A',
                                      'record_line': DEFAULT, 'value': '192.0.2.1'})
    assert info.value.code == '104' and isinstance(info.value, DNSPodAPIError)


# ---- accounting, D-Token, international, agents ----------------------------------------------

def test_writes_counted_and_logged_without_params(fake_api):
    client = fake_api.client()[0]
    fake_api.ok(record={'id': '77'})
    fake_api.ok(info={'record_total': 0}, records=[])
    fake_api.answer(code='25')
    assert Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.1') == '77'
    Records(client).list('42')
    with pytest.raises(DNSPodAPIError):
        Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.2')
    assert (client.calls, client.writes) == (3, 1)
    assert client.log == [{'action': 'Record.Create', 'code': '1', 'write': True},
                          {'action': 'Record.List', 'code': '1', 'write': False},
                          {'action': 'Record.Create', 'code': '25', 'write': True}]


def test_secrets_never_in_errors_repr_or_log(fake_api):
    text = ''
    for message in ('bad token %s for you' % TOKEN, 'echo ' + SECRET):
        client = fake_api.client()[0]
        fake_api.answer(body={'status': {'code': '-1', 'message': message}})
        with pytest.raises(DNSPodAPIError) as info:
            client.call('Info.Version')
        assert '********' in info.value.message
        text += str(info.value) + info.value.message + repr(client) + repr(client.log)
    other = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password=PASSWORD,
                         login_code=CODE, sleep=lambda s: None)
    fake_api.answer(body={'status': {'code': '52', 'message': 'code %s wrong for %s' % (CODE, PASSWORD)}})
    with pytest.raises(DNSPodAPIError) as info2:
        other.call('Info.Version')
    with pytest.raises(DNSPodAPIError) as info3:
        other.call('Info.Version')
    text += str(info2.value) + str(info3.value) + repr(other) + repr(other.log)
    assert '********' in str(info2.value)
    for secret in (SECRET, PASSWORD, CODE):
        assert secret not in text


def test_secrets_not_in_transport_errors(closed_port):
    client = DNSPodClient(api_url='http://127.0.0.1:%d' % closed_port, login_email='a@example.com',
                          login_password=PASSWORD, login_code=CODE, sleep=lambda s: None, max_retries=1)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert PASSWORD not in str(info.value) + repr(client) + repr(client.log) and CODE not in str(info.value)


def test_dtoken_code_sent_until_the_cookie_is_kept(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password=PASSWORD,
                          login_code=CODE)
    for dummy in range(3):
        fake_api.ok()
        client.call('Info.Version')
    first, second, third = (r['form'] for r in fake_api.requests)
    assert first['login_code'] == CODE and first['login_remember'] == 'yes'
    assert first['login_email'] == 'a@example.com' and first['login_password'] == PASSWORD
    assert 'login_code' not in second and 'login_remember' not in second and 'login_code' not in third
    assert second['login_password'] == PASSWORD
    assert 't10000=remembered' in fake_api.requests[1]['headers'].get('Cookie', '')


def test_dtoken_code_kept_while_no_cookie_came(fake_api):
    fake_api.cookie_on_login_code = False
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password=PASSWORD,
                          login_code=CODE)
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('Info.Version')
    assert [r['form'].get('login_code') for r in fake_api.requests] == [CODE, CODE]


def test_login_code_ignored_with_a_token(fake_api):
    client = fake_api.client(login_code=CODE)[0]
    fake_api.ok()
    client.call('Info.Version')
    assert 'login_code' not in fake_api.requests[0]['form']


def test_international_auth_once_then_user_token(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password=PASSWORD,
                          login_code=CODE, international=True, user_id='20001')
    assert client.default_line == 'default'
    fake_api.ok(user_token=USER_TOKEN)
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('Domain.List')
    assert fake_api.actions() == ['Auth', 'Info.Version', 'Domain.List']
    auth = fake_api.requests[0]['form']
    assert auth == {'login_email': 'a@example.com', 'login_password': PASSWORD, 'login_code': CODE,
                    'login_remember': 'yes', 'format': 'json', 'lang': 'en', 'error_on_empty': 'no',
                    'user_id': '20001'}
    for request in fake_api.requests[1:]:
        assert request['form']['user_token'] == USER_TOKEN
        assert 'login_password' not in request['form'] and 'login_email' not in request['form']
    assert USER_TOKEN not in repr(client) + repr(client.log)


def test_international_auth_refused_is_not_repeated(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password=PASSWORD,
                          international=True)
    fake_api.answer(body=reported('code-1_login_fail_intl_2020-05-16.json'))
    for dummy in range(3):
        with pytest.raises(DNSPodAPIError) as info:
            client.call('Info.Version')
        assert info.value.code == '-1'
    assert fake_api.actions() == ['Auth']


def test_international_chosen_by_host():
    assert DNSPodClient(api_url='https://api.dnspod.com', login_token=TOKEN).international is True
    assert DNSPodClient(api_url='https://api.dnspod.com', login_token=TOKEN).default_line == 'default'
    assert DNSPodClient(api_url='https://dnsapi.cn', login_token=TOKEN).default_line == DEFAULT
    assert DNSPodClient(api_url='https://api.dnspod.com', login_token=TOKEN, international=False).international is False


def test_agent_user_id_sent_on_every_call(fake_api):
    client = fake_api.client(user_id='20001')[0]
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('User.Detail')
    assert [r['form']['user_id'] for r in fake_api.requests] == ['20001', '20001']


def test_repr_names_the_endpoint_and_counters(fake_api):
    client = fake_api.client()[0]
    assert repr(client) == '<DNSPodClient %s auth=login_token calls=0 writes=0>' % fake_api.url
