"""DNSPodClient against a scripted fake endpoint."""
import json
import os

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError, DNSPodConfigError, DNSPodTransportError)

TOKEN = '10000,0123456789abcdef0123456789abcdef'
SECRET = '0123456789abcdef0123456789abcdef'
RECORDINGS = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'fixtures', 'real-responses',
                          'lexicon_index.json')


def make(fake_api, **kwargs):
    sleeps = []
    options = dict(api_url=fake_api.url, login_token=TOKEN, sleep=sleeps.append, timeout=5)
    options.update(kwargs)
    client = DNSPodClient(**options)
    return client, sleeps


def test_sends_form_fields_and_user_agent(fake_api):
    client = make(fake_api, contact='ops@example.com')[0]
    fake_api.ok()
    client.call('Info.Version')
    sent = fake_api.requests[0]
    assert sent['action'] == 'Info.Version'
    assert sent['form'] == {'login_token': TOKEN, 'format': 'json', 'lang': 'en', 'error_on_empty': 'no'}
    assert sent['headers']['User-Agent'] == 'dnspod.dnspod/0.1.0 (ops@example.com)'


@pytest.mark.parametrize('url', ['http://example.com', 'http://10.0.0.1', 'ftp://127.0.0.1', 'http://dnsapi.cn'])
def test_plain_http_refused_outside_loopback(url):
    with pytest.raises(DNSPodConfigError):
        DNSPodClient(api_url=url, login_token=TOKEN)


@pytest.mark.parametrize('url', ['https://dnsapi.cn', 'https://api.dnspod.com/', 'http://127.0.0.1:8080',
                                 'http://[::1]:9', 'http://localhost:1'])
def test_https_and_loopback_accepted(url):
    assert DNSPodClient(api_url=url, login_token=TOKEN).api_url == url.rstrip('/')


@pytest.mark.parametrize('token', ['nocommaSECRETA', 'abc,SECRETB', ',SECRETC', '1,', '1,two SECRETD'])
def test_malformed_token_refused_before_any_call(fake_api, token):
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(api_url=fake_api.url, login_token=token)
    assert 'SECRET' not in str(info.value)
    assert fake_api.requests == []


def test_rate_limit_retried_with_capped_backoff(fake_api):
    client, sleeps = make(fake_api, backoff_base=1.0, backoff_cap=4.0, max_retries=5, max_retry_time=100)
    for dummy in range(4):
        fake_api.answer(code='-2')
    fake_api.ok(version='4.6')
    assert client.call('Info.Version')['version'] == '4.6'
    assert len(fake_api.requests) == 5
    assert len(sleeps) == 4
    for attempt, slept in enumerate(sleeps):
        assert min(4.0, 2 ** attempt) <= slept <= min(4.0, 1.1 * 2 ** attempt)
    assert client.calls == 5


def test_rate_limit_gives_up_with_the_api_error(fake_api):
    client, sleeps = make(fake_api, max_retries=2)
    for dummy in range(5):
        fake_api.answer(code='-2')
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert info.value.code == '-2' and 'rate limit' in str(info.value)
    assert len(fake_api.requests) == 3


def test_retry_time_is_bounded(fake_api):
    client, sleeps = make(fake_api, backoff_base=10, backoff_cap=10, max_retries=50, max_retry_time=25)
    for dummy in range(10):
        fake_api.answer(code='-2')
    with pytest.raises(DNSPodAPIError):
        client.call('Info.Version')
    assert sum(sleeps) <= 25


def test_server_error_and_bad_body_retried(fake_api):
    client = make(fake_api)[0]
    fake_api.answer(body='oops', status=502)
    fake_api.answer(body='<html>maintenance</html>')
    fake_api.answer(body='{"truncated": ')
    fake_api.ok()
    client.call('Info.Version')
    assert len(fake_api.requests) == 4


def test_connection_refused_is_a_transport_error_after_retries():
    sleeps = []
    client = DNSPodClient(api_url='http://127.0.0.1:9', login_token=TOKEN, sleep=sleeps.append, max_retries=2,
                          timeout=2)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert info.value.attempts == 3 and len(sleeps) == 2


@pytest.mark.parametrize('code', ['-1', '-8', '50', '52', '10002', '20004', '7', '3'])
def test_never_retried(fake_api, code):
    client, sleeps = make(fake_api)
    fake_api.answer(code=code)
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Domain.Info', {'domain': 'example.com'})
    assert len(fake_api.requests) == 1 and sleeps == []
    assert info.value.code == code and info.value.action == 'Domain.Info'
    assert 'code %s' % code in str(info.value)


def test_xml_error_body_is_read(fake_api):
    client = make(fake_api)[0]
    fake_api.answer(body='<?xml version="1.0"?><dnspod><status><code>-1</code><message>Login fail</message>'
                         '</status></dnspod>')
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert info.value.code == '-1' and len(fake_api.requests) == 1


def records_page(start, count, total):
    return [dict(id=str(i), name='h%d' % i, line='默认', type='A', ttl='600', value='192.0.2.1', mx='0',
                 enabled='1', status='enabled', remark='', weight=None) for i in range(start, start + count)]


def test_paging_sends_length_and_offsets(fake_api):
    client = make(fake_api, page_size=1000)[0]
    for start, count in ((0, 1000), (1000, 1000), (2000, 500)):
        fake_api.ok(info={'record_total': '2500'}, records=records_page(start, count, 2500))
    records = client.list_records('42')
    assert len(records) == 2500
    sent = [(r['form']['offset'], r['form']['length']) for r in fake_api.requests]
    assert sent == [('0', '1000'), ('1000', '1000'), ('2000', '1000')]


def test_empty_listing_code_is_an_empty_list(fake_api):
    client = make(fake_api)[0]
    fake_api.answer(code='10')
    assert client.list_records('42') == []


def test_listing_is_filtered_again_on_the_client(fake_api):
    client = make(fake_api)[0]
    recs = [dict(id='1', name='@', line='默认', type='A', value='192.0.2.1'),
            dict(id='2', name='*', line='默认', type='A', value='192.0.2.2'),
            dict(id='3', name='@', line='电信', type='A', value='192.0.2.3')]
    fake_api.ok(info={'record_total': 3}, records=recs)
    got = client.list_records('42', sub_domain='@', record_type='A', record_line='默认')
    assert [r['id'] for r in got] == ['1']


def test_unknown_domain_is_none(fake_api):
    client = make(fake_api)[0]
    fake_api.answer(code='13')
    assert client.get_domain('example.org') is None
    assert fake_api.requests[0]['form']['domain'] == 'example.org'
    fake_api.answer(code='6')
    assert client.get_domain('12345') is None
    assert fake_api.requests[1]['form']['domain_id'] == '12345'


def test_recorded_answers_normalise():
    with open(RECORDINGS) as fh:
        index = json.load(fh)
    info = index['test_provider_authenticate'][0]['response_json']['domain']
    from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import normalize_domain, normalize_record
    domain = normalize_domain(info)
    assert domain['remark'] == '' and domain['id'] == '38280687' and domain['records'] == 2
    listing = index['test_provider_when_calling_delete_record_by_filter_should_remove_record'][2]['response_json']
    recs = [normalize_record(r) for r in listing['records']]
    assert [r['hold'] for r in recs] == [True, True, False]
    assert recs[2]['weight'] is None and recs[2]['ttl'] == 600 and recs[2]['status'] == 'enabled'
    modify = index['test_provider_when_calling_update_record_should_modify_record'][-1]['response_json']['record']
    assert normalize_record(dict(modify, type='TXT'))['id'] == '189593259'
    assert normalize_record(dict(modify, type='TXT'))['status'] == 'enabled'


def test_writes_counted_and_logged_without_params(fake_api):
    client = make(fake_api)[0]
    fake_api.ok(record={'id': '77'})
    fake_api.ok(info={'record_total': 0}, records=[])
    assert client.create_record('42', 'www', 'A', '默认', '192.0.2.1') == '77'
    client.list_records('42')
    assert (client.calls, client.writes) == (2, 1)
    assert client.log == [{'action': 'Record.Create', 'code': '1', 'write': True},
                          {'action': 'Record.List', 'code': '1', 'write': False}]


def test_secrets_never_in_errors_repr_or_log(fake_api):
    client = make(fake_api)[0]
    fake_api.answer(code='-1')
    with pytest.raises(DNSPodAPIError) as info:
        client.call('Info.Version')
    assert SECRET not in str(info.value) + repr(client) + repr(client.log)
    other = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password='pw-secret',
                         login_code='123456', sleep=lambda s: None)
    fake_api.answer(code='52')
    with pytest.raises(DNSPodAPIError) as info:
        other.call('Info.Version')
    assert 'pw-secret' not in str(info.value) and '123456' not in str(info.value) + repr(other.log)


def test_dtoken_code_sent_until_the_cookie_is_kept(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password='pw',
                          login_code='123456')
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('Info.Version')
    first, second = (r['form'] for r in fake_api.requests)
    assert first['login_code'] == '123456' and first['login_remember'] == 'yes'
    assert 'login_code' not in second
    assert 't10000=remembered' in fake_api.requests[1]['headers'].get('Cookie', '')


def test_international_auth_once_then_user_token(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_email='a@example.com', login_password='pw',
                          international=True)
    assert client.default_line == 'default'
    fake_api.ok(user_token='10000,usertoken')
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('Info.Version')
    assert [r['action'] for r in fake_api.requests] == ['Auth', 'Info.Version', 'Info.Version']
    assert fake_api.requests[2]['form']['user_token'] == '10000,usertoken'
    assert 'login_password' not in fake_api.requests[2]['form']


def test_international_token_sent_as_user_token(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_token=TOKEN, international=True)
    fake_api.ok()
    client.call('Info.Version')
    assert fake_api.requests[0]['form']['user_token'] == TOKEN
    assert 'login_token' not in fake_api.requests[0]['form']


def test_agent_user_id_sent_on_every_call(fake_api):
    client = make(fake_api, user_id='20001')[0]
    fake_api.ok()
    fake_api.ok()
    client.call('Info.Version')
    client.call('User.Detail')
    assert [r['form']['user_id'] for r in fake_api.requests] == ['20001', '20001']


def test_domain_list_pages_until_the_total(fake_api):
    client = make(fake_api, page_size=2)[0]
    domains = [dict(id=i, name='d%d.example' % i, status='enable', is_mark='no') for i in range(5)]
    for start in (0, 2, 4):
        fake_api.ok(info={'domain_total': 5, 'all_total': 5}, domains=domains[start:start + 2])
    got = client.list_domains()
    assert [d['name'] for d in got] == ['d%d.example' % i for i in range(5)]
    assert [d['id'] for d in got] == [str(i) for i in range(5)]
    assert [(r['form']['offset'], r['form']['length'], r['form']['type']) for r in fake_api.requests] == [
        ('0', '2', 'all'), ('2', '2', 'all'), ('4', '2', 'all')]
