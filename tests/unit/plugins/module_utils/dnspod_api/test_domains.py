"""dnspod_api/domains.py: the Domain.* actions, their parameters and answer shapes (against the
scripted fake endpoint of conftest.py)."""
import json
import os

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodOutcomeUnknownError

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'fixtures', 'real-responses')
TOKEN = '10000,0123456789abcdef0123456789abcdef'


def recorded_answer(session, action):
    """The JSON answers of one action in one recorded dnsapi.cn session, in order."""
    with open(os.path.join(FIXTURES, 'lexicon_index.json'), encoding='utf-8') as handle:
        calls = json.load(handle)[session]
    return [call['response_json'] for call in calls if call['uri'].endswith('/' + action)]


def make(fake_api, **kwargs):
    options = dict(api_url=fake_api.url, login_token=TOKEN, sleep=lambda s: None, timeout=5, login_latch_dir=False)
    options.update(kwargs)
    return Domains(DNSPodClient(**options))


def test_empty_domain_listing_is_an_empty_list(fake_api):
    domains = make(fake_api)
    fake_api.answer(code='9')
    assert domains.list() == []
    fake_api.answer(code='10')
    with pytest.raises(DNSPodAPIError):
        domains.list()  # 10 is not "no domains"


def test_domain_list_pages_until_the_total(fake_api):
    domains = make(fake_api, page_size=2)
    listed = [dict(id=i, name='d%d.example' % i, status='enable', is_mark='no') for i in range(5)]
    for start in (0, 2, 4):
        fake_api.ok(info={'domain_total': 5, 'all_total': 5}, domains=listed[start:start + 2])
    got = domains.list()
    assert [d['name'] for d in got] == ['d%d.example' % i for i in range(5)]
    assert [d['id'] for d in got] == [str(i) for i in range(5)]
    assert [(r['form']['offset'], r['form']['length'], r['form']['type']) for r in fake_api.requests] == [
        ('0', '2', 'all'), ('2', '2', 'all'), ('4', '2', 'all')]


def test_domain_list_type_and_group(fake_api):
    domains = make(fake_api)
    fake_api.ok(info={'domain_total': 1, 'mine_total': 1}, domains=[dict(id=1, name='a.example')])
    domains.list(type='mine', group_id='7')
    form = fake_api.requests[0]['form']
    assert (form['type'], form['group_id']) == ('mine', '7')


def test_unknown_domain_is_none(fake_api):
    domains = make(fake_api)
    fake_api.answer(body=json.dumps(recorded_answer('test_provider_authenticate_with_unmanaged_domain_should_fail',
                                                    'Domain.Info')[0]))
    assert domains.get('Example.ORG.') is None
    assert fake_api.requests[0]['form']['domain'] == 'example.org'
    fake_api.answer(code='6')
    assert domains.get(12345) is None
    assert fake_api.requests[1]['form']['domain_id'] == '12345'
    assert 'domain' not in fake_api.requests[1]['form']
    fake_api.answer(code='8')
    with pytest.raises(DNSPodAPIError):
        domains.get('example.org')


def test_get_domain_sends_punycode(fake_api):
    domains = make(fake_api)
    fake_api.ok(domain={'id': '9', 'name': 'bücher.example', 'punycode': 'xn--bcher-kva.example'})
    found = domains.get('Bücher.Example')
    assert fake_api.requests[0]['form']['domain'] == 'xn--bcher-kva.example'
    assert found['name'] == 'xn--bcher-kva.example' and found['id'] == '9'


def test_domain_writes_map_fields(fake_api):
    domains = make(fake_api)
    fake_api.ok(domain={'id': '1992403', 'punycode': 'api2.com', 'domain': 'api2.com'})
    created = domains.create('API2.com', group_id='3', is_mark=True)
    assert (created['id'], created['name'], created['punycode']) == ('1992403', 'api2.com', 'api2.com')
    domains.set('1992403', 'status', 'disabled')
    domains.set('1992403', 'remark', '')
    domains.set('1992403', 'is_mark', False)
    domains.set('1992403', 'searchengine_push', True)
    domains.set('1992403', 'group_id', '5')
    domains.remove('1992403')
    forms = [r['form'] for r in fake_api.requests]
    assert (forms[0]['domain'], forms[0]['group_id'], forms[0]['is_mark']) == ('api2.com', '3', 'yes')
    assert forms[1]['status'] == 'disable' and forms[2]['remark'] == '' and forms[3]['is_mark'] == 'no'
    assert forms[4]['status'] == 'yes' and forms[5]['group_id'] == '5'
    assert fake_api.actions()[1:] == ['Domain.Status', 'Domain.Remark', 'Domain.Ismark', 'Domain.Searchenginepush',
                                      'Domain.Changegroup', 'Domain.Remove']
    assert domains.client.writes == 7


def test_domain_create_after_a_lost_answer_reads_the_domain(fake_api):
    domains = make(fake_api)
    fake_api.drop()
    fake_api.answer(code='7')
    fake_api.ok(domain={'id': '77', 'name': 'new.example', 'punycode': 'new.example', 'status': 'enable'})
    assert domains.create('new.example')['id'] == '77'
    assert fake_api.actions() == ['Domain.Create', 'Domain.Create', 'Domain.Info']
    fake_api.answer(code='7')
    with pytest.raises(DNSPodAPIError):
        domains.create('new.example')


def test_get_own_treats_not_the_owner_as_absent(fake_api):
    domains = make(fake_api)
    fake_api.answer(code='8')
    assert domains.get_own('a.com') is None
    fake_api.ok(domain={'id': '1', 'name': 'a.com'})
    assert domains.get_own('a.com')['id'] == '1'
    fake_api.answer(code='-1')
    with pytest.raises(DNSPodAPIError):
        domains.get_own('a.com')


def test_log_purview_and_service(fake_api):
    domains = make(fake_api)
    fake_api.ok(log=['2012-09-12 12:06:33(API): x'])
    fake_api.ok(purview={'记录TTL最低': 600})
    fake_api.ok(purview=[{'name': 'a', 'value': 'yes'}, 'junk'])
    fake_api.ok(domain={'id': 51, 'name': 'a.com', 'grade': 'D_Plus', 'vip_start_at': '', 'vip_end_at': '2027-01-01'})
    assert domains.log('5') == ['2012-09-12 12:06:33(API): x']
    assert domains.purview('5') == [{'name': '记录TTL最低', 'value': 600}]
    assert domains.purview('5') == [{'name': 'a', 'value': 'yes'}]
    assert domains.service('A.com') == {'id': '51', 'name': 'a.com', 'grade': 'D_Plus', 'vip_start_at': None,
                                        'vip_end_at': '2027-01-01'}
    assert fake_api.actions() == ['Domain.Log', 'Domain.Purview', 'Domain.Purview', 'Domain.Info']
    assert fake_api.requests[0]['form']['domain_id'] == '5' and fake_api.requests[3]['form']['domain'] == 'a.com'


def test_transfer_and_acquire_send_the_documented_parameters(fake_api):
    domains = make(fake_api)
    fake_api.ok(emails=['a@b.example'])
    for dummy in range(3):
        fake_api.ok()
    assert domains.acquire_emails('x.com') == ['a@b.example']
    domains.acquire_send('x.com', 'a@b.example')
    domains.acquire_validate('x.com', '111000')
    domains.transfer('9', 'c@d.example')
    sent = [(r['action'], dict((k, v) for k, v in r['form'].items() if k in ('domain', 'domain_id', 'email', 'code')))
            for r in fake_api.requests]
    assert sent == [('Domain.Acquire', {'domain': 'x.com'}),
                    ('Domain.Acquiresend', {'domain': 'x.com', 'email': 'a@b.example'}),
                    ('Domain.Acquirevalidate', {'domain': 'x.com', 'code': '111000'}),
                    ('Domain.Transfer', {'domain_id': '9', 'email': 'c@d.example'})]
    assert domains.client.writes == 3


@pytest.mark.parametrize('action, run', [
    ('Domain.Acquiresend', lambda d: d.acquire_send('x.com', 'a@b.example')),
    ('Domain.Acquirevalidate', lambda d: d.acquire_validate('x.com', '111000')),
    ('Domain.Transfer', lambda d: d.transfer('9', 'c@d.example', 'x.com')),
])
def test_the_moves_are_sent_once_and_read_back(fake_api, action, run):
    domains = make(fake_api)
    fake_api.drop()
    fake_api.answer(code='6')       # the read-back: the domain is not (or no longer) in this account
    fake_api.ok()
    if action == 'Domain.Transfer':
        run(domains)                # gone: the transfer was carried out
        assert domains.client.writes == 1
    else:
        with pytest.raises(DNSPodOutcomeUnknownError):
            run(domains)
    # no second copy; a mailed code cannot be read back, the others are read with Domain.Info
    assert fake_api.actions()[:2] == [action] + ([] if action == 'Domain.Acquiresend' else ['Domain.Info'])
