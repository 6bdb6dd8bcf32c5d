"""dnspod_api/records.py against the scripted fake endpoint (conftest.py): the Record.* actions, their
parameters and answer shapes, the paging of Record.List, the international domain_id rule, and
the writes after a transport fault (moved here from test_client.py with the client's record methods)."""
import json
import os

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records, ddns_params
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAlreadyDoneError, DNSPodAPIError

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'fixtures', 'real-responses')
TOKEN = '10000,0123456789abcdef0123456789abcdef'
DEFAULT = '默认'


def recorded_answer(session, action):
    """The JSON answers of one action in one recorded dnsapi.cn session, in order."""
    with open(os.path.join(FIXTURES, 'lexicon_index.json'), encoding='utf-8') as handle:
        calls = json.load(handle)[session]
    return [call['response_json'] for call in calls if call['uri'].endswith('/' + action)]


def reported(name):
    """Text of an error body quoted in a public bug report."""
    with open(os.path.join(FIXTURES, 'issue_reported_responses', name), encoding='utf-8') as handle:
        return handle.read()


def test_paging_sends_length_and_offsets(fake_api):
    client = fake_api.client(page_size=1000)[0]
    for start, count in ((0, 1000), (1000, 1000), (2000, 500)):
        fake_api.ok(info={'record_total': '2500'}, records=[fake_api.raw_record(i) for i in range(start, start + count)])
    records = Records(client).list('42')
    assert len(records) == 2500 and len(set(r['id'] for r in records)) == 2500
    sent = [(r['form']['domain_id'], r['form']['offset'], r['form']['length']) for r in fake_api.requests]
    assert sent == [('42', '0', '1000'), ('42', '1000', '1000'), ('42', '2000', '1000')]


def test_page_size_is_capped_at_3000(fake_api):
    client = fake_api.client(page_size=5000)[0]
    fake_api.ok(info={'record_total': 1}, records=[fake_api.raw_record(1)])
    Records(client).list('42')
    assert fake_api.requests[0]['form']['length'] == '3000'


def test_paging_follows_the_total_when_the_server_cuts_pages(fake_api):
    client = fake_api.client(page_size=1000)[0]
    for start in (0, 500, 1000):
        fake_api.ok(info={'record_total': 1200}, records=[fake_api.raw_record(i) for i in range(start, min(start + 500, 1200))])
    assert len(Records(client).list('42')) == 1200
    assert [r['form']['offset'] for r in fake_api.requests] == ['0', '500', '1000']


def test_paging_stops_on_an_empty_page_or_a_repeated_page(fake_api):
    client = fake_api.client(page_size=2)[0]
    fake_api.ok(info={'record_total': 10}, records=[fake_api.raw_record(1), fake_api.raw_record(2)])
    fake_api.ok(info={'record_total': 10}, records=[])
    assert len(Records(client).list('42')) == 2
    fake_api.ok(info={'record_total': 10}, records=[fake_api.raw_record(1), fake_api.raw_record(2)])
    fake_api.ok(info={'record_total': 10}, records=[fake_api.raw_record(1), fake_api.raw_record(2)])
    assert [r['id'] for r in Records(client).list('42')] == ['1', '2']
    assert len(fake_api.requests) == 4


@pytest.mark.parametrize('body', [reported('code10_no_records_2020-12-14.json'),
                                  json.dumps({'status': {'code': '1', 'message': ''}, 'info': {'record_total': '0'},
                                              'records': []})])
def test_empty_record_listing_is_an_empty_list(fake_api, body):
    client = fake_api.client()[0]
    fake_api.answer(body=body)
    assert Records(client).list('42') == []
    assert len(fake_api.requests) == 1


def test_listing_is_filtered_again_on_the_client(fake_api):
    client = fake_api.client()[0]
    recs = [fake_api.raw_record(1, name='@'), fake_api.raw_record(2, name='*'), fake_api.raw_record(3, name='@', line='电信'),
            fake_api.raw_record(4, name='@', rtype='AAAA', value='2001:db8::1'), fake_api.raw_record(5, name='*.@')]
    fake_api.ok(info={'record_total': 5}, records=recs)
    got = Records(client).list('42', sub_domain='@', record_type='a', record_line=DEFAULT)
    assert [r['id'] for r in got] == ['1']
    form = fake_api.requests[0]['form']
    assert (form['sub_domain'], form['record_type'], form['record_line']) == ('@', 'a', DEFAULT)


def test_line_filter_ignores_case_and_keeps_the_api_spelling(fake_api):
    client = fake_api.client(international=True)[0]
    fake_api.ok(info={'record_total': 2}, records=[fake_api.raw_record(1, name='www', line='Default'),
                                                   fake_api.raw_record(2, name='www', line='Telecom')])
    got = Records(client).list('42', sub_domain='WWW', record_line='default')
    assert [(r['id'], r['record_line']) for r in got] == [('1', 'Default')]


def test_types_and_lines(fake_api):
    client = fake_api.client()[0]
    fake_api.ok(types=['A', 'CNAME', 'MX'])
    fake_api.ok(lines=[DEFAULT, '电信'])
    assert Records(client).types('DP_Free') == ['A', 'CNAME', 'MX']
    assert Records(client).lines('DP_Free', '42') == [DEFAULT, '电信']
    assert fake_api.requests[1]['form']['domain_grade'] == 'DP_Free' and fake_api.requests[1]['form']['domain_id'] == '42'


def test_recorded_record_create_and_modify(fake_api):
    client = fake_api.client()[0]
    session = 'test_provider_when_calling_update_record_should_modify_record'
    fake_api.answer(body=json.dumps(recorded_answer(session, 'Record.Create')[0]))   # "id": "189593259"
    fake_api.answer(body=json.dumps(recorded_answer(session, 'Record.Modify')[0]))   # "id": 189593259
    new_id = Records(client).create('38280687', 'orig.test', 'TXT', DEFAULT, 'challengetoken')
    assert new_id == '189593259'
    assert Records(client).modify('38280687', new_id, 'updated.test', 'TXT', DEFAULT, 'challengetoken') is None
    create, modify = (r['form'] for r in fake_api.requests)
    assert create['record_line'] == DEFAULT and create['sub_domain'] == 'orig.test' and 'ttl' not in create
    assert modify['record_id'] == '189593259' and modify['sub_domain'] == 'updated.test'
    assert 'mx' not in create and 'weight' not in modify


def test_record_writes_map_fields(fake_api):
    client = fake_api.client()[0]
    for dummy in range(5):
        fake_api.ok(record={'id': 5})
    assert Records(client).create('42', '@', 'MX', DEFAULT, 'mail.example.com.', ttl=600, mx=10, weight=3) == '5'
    Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.1', mx=10)
    Records(client).set_status('42', '5', 'disabled')
    Records(client).set_status('42', '5', 'enabled')
    Records(client).set_remark('42', '5', None)
    forms = [r['form'] for r in fake_api.requests]
    assert (forms[0]['mx'], forms[0]['ttl'], forms[0]['weight']) == ('10', '600', '3')
    assert 'mx' not in forms[1]
    assert [forms[2]['status'], forms[3]['status']] == ['disable', 'enable']
    assert forms[4]['remark'] == '' and fake_api.actions()[4] == 'Record.Remark'


def test_create_after_a_lost_answer_finds_the_record_instead_of_failing(fake_api):
    client, sleeps = fake_api.client()
    fake_api.drop()                                           # created, but the answer is lost
    fake_api.answer(body=reported('code104_record_exists_2017-09-04.json'))
    fake_api.ok(info={'record_total': 3}, records=[fake_api.raw_record(7, name='www', value='192.0.2.9'),
                                                   fake_api.raw_record(8, name='www', value='192.0.2.1'),
                                                   fake_api.raw_record(9, name='www', value='192.0.2.1', line='电信')])
    assert Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.1') == '8'
    assert fake_api.actions() == ['Record.Create', 'Record.Create', 'Record.List']
    assert (client.calls, client.writes, len(sleeps)) == (3, 1, 1)
    listing = fake_api.requests[2]['form']
    assert (listing['sub_domain'], listing['record_type'], listing['record_line']) == ('www', 'A', DEFAULT)


def test_create_104_of_a_record_another_host_made_is_success(fake_api):
    # many hosts adding the same value: the one that comes second finds it made, not a failure
    client = fake_api.client()[0]
    fake_api.answer(body=reported('code104_record_exists_2017-09-04.json'))
    fake_api.ok(info={'record_total': 1}, records=[fake_api.raw_record(8, name='www', value='192.0.2.1')])
    assert Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.1') == '8'
    assert fake_api.actions() == ['Record.Create', 'Record.List'] and client.writes == 0


def test_create_104_without_the_record_is_an_error(fake_api):
    client = fake_api.client()[0]
    fake_api.answer(body=reported('code104_record_exists_2017-09-04.json'))
    fake_api.ok(info={'record_total': 1}, records=[fake_api.raw_record(8, name='www', value='192.0.2.7')])
    with pytest.raises(DNSPodAPIError) as info:
        Records(client).create('42', 'www', 'A', DEFAULT, '192.0.2.1')
    assert not isinstance(info.value, DNSPodAlreadyDoneError) and info.value.code == '104'
    assert fake_api.actions() == ['Record.Create', 'Record.List'] and client.writes == 0


def test_create_after_a_fault_that_cannot_be_found_raises_the_conflict(fake_api):
    client = fake_api.client()[0]
    fake_api.drop()
    fake_api.answer(code='104')
    fake_api.answer(code='10')
    with pytest.raises(DNSPodAPIError) as info:
        Records(client).create('42', 'www', 'CNAME', DEFAULT, 'target.example.com')
    assert info.value.code == '104'


def test_create_matches_the_value_form_the_api_returns(fake_api):
    client = fake_api.client()[0]
    fake_api.drop()
    fake_api.answer(code='104')
    fake_api.ok(info={'record_total': 1},
                records=[fake_api.raw_record(11, name='docs', rtype='CNAME', value='Docs.Example.com.')])
    assert Records(client).create('42', 'docs', 'CNAME', DEFAULT, 'docs.example.com') == '11'


def test_remove_after_a_lost_answer_is_done(fake_api):
    client = fake_api.client()[0]
    fake_api.drop()
    fake_api.answer(code='8')
    assert Records(client).remove('42', '7') is None
    fake_api.answer(body=reported('code8_record_id_error_2021-04-24.json'))   # removed by another run
    assert Records(client).remove('42', '7') is None
    fake_api.answer(code='7')
    with pytest.raises(DNSPodAPIError):
        Records(client).remove('42', '7')


def test_modify_of_a_record_another_run_removed_creates_it(fake_api):
    client = fake_api.client()[0]
    fake_api.answer(body=reported('code8_record_id_error_2021-04-24.json'))
    fake_api.ok(record={'id': '99', 'name': 'www', 'status': 'enabled'})
    assert Records(client).modify('42', '7', 'www', 'A', DEFAULT, '192.0.2.3', ttl=600) is None
    assert fake_api.actions() == ['Record.Modify', 'Record.Create']
    sent = fake_api.requests[1]['form']
    assert (sent['sub_domain'], sent['value'], sent['ttl']) == ('www', '192.0.2.3', '600') and 'record_id' not in sent
    fake_api.answer(code='7')
    with pytest.raises(DNSPodAPIError):
        Records(client).modify('42', '7', 'www', 'A', DEFAULT, '192.0.2.3')


def rec(i, value, sub='www', line=DEFAULT):
    return dict(id=str(i), sub_domain=sub, record_type='A', record_line=line, value=value)


def test_ddns_params_always_name_the_record():
    record = rec(5, '192.0.2.1', sub='home', line='电信')
    assert ddns_params('77', record) == {
        'domain_id': '77', 'record_id': '5', 'sub_domain': 'home', 'record_type': 'A', 'record_line': '电信'}
    with_value = ddns_params('77', dict(record, record_line_id='10=0'), '198.51.100.1')
    assert with_value['value'] == '198.51.100.1' and with_value['record_line_id'] == '10=0'


def test_ddns_returns_what_the_api_stored(fake_api):
    client = fake_api.client()[0]
    fake_api.ok(record={'id': 5, 'name': 'home', 'value': '203.0.113.9'})
    fake_api.ok(record={'id': 5, 'name': 'home'})
    assert Records(client).ddns('77', rec(5, '192.0.2.1', sub='home')) == '203.0.113.9'
    assert Records(client).ddns('77', rec(5, '192.0.2.1', sub='home'), '198.51.100.1') is None
    first, second = (r['form'] for r in fake_api.requests)
    assert 'value' not in first and second['value'] == '198.51.100.1' and second['sub_domain'] == 'home'
    assert fake_api.actions() == ['Record.Ddns', 'Record.Ddns']


def test_info_is_canonical_or_none_for_an_unknown_id(fake_api):
    client = fake_api.client()[0]
    fake_api.ok(record={'id': 5, 'sub_domain': 'home', 'record_type': 'A', 'record_line': DEFAULT,
                        'value': '192.0.2.1', 'enabled': '0'})
    fake_api.answer(code='8')
    found = Records(client).info('77', '5')
    assert (found['id'], found['sub_domain'], found['status']) == ('5', 'home', 'disabled')
    assert Records(client).info('77', '6') is None
    assert fake_api.requests[1]['form']['record_id'] == '6'


def test_types_and_lines_take_names_from_strings_dicts_or_a_dict_of_them(fake_api):
    """The one Record.Type/Record.Line of the collection (dnspod_account_info's gather too)."""
    client = fake_api.client()[0]
    fake_api.ok(types={'0': {'name': 'A'}, '1': {'name': 'MX'}})
    fake_api.ok(lines=[{'name': DEFAULT, 'line_id': '0'}, '电信'], line_ids={DEFAULT: 0, '电信': '10=0'})
    assert Records(client).types('D_Free') == ['A', 'MX']
    assert Records(client).lines_and_ids('D_Free', '77') == ([DEFAULT, '电信'], {DEFAULT: '0', '电信': '10=0'})
    assert fake_api.requests[1]['form']['domain_id'] == '77'


def test_list_with_domain_gives_the_canonical_domain_of_the_answer(fake_api):
    client = fake_api.client()[0]
    fake_api.ok(info={'record_total': 1}, records=[fake_api.raw_record(1, name='www')],
                domain={'id': 42, 'name': 'example.com', 'punycode': 'example.com', 'grade': 'DP_Free'})
    domain, records = Records(client).list_with_domain('Example.COM', sub_domain='www')
    assert (domain['id'], domain['name'], domain['grade']) == ('42', 'example.com', 'DP_Free')
    assert [r['id'] for r in records] == ['1'] and fake_api.requests[0]['form']['domain'] == 'example.com'
