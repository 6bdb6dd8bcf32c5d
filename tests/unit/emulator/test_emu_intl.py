"""The intl flavour (api.dnspod.com) as live clients found it (docs/emulator.md, "intl flavour"):
an API token is a login_token (as user_token: 20004), Record.List names the default line
`Default` while writes take only `default` (26 "Record line invalid"), Record.* need domain_id
(6), listing pages are cut at 500."""
import pytest

API_TOKEN = '77001,0123456789abcdef0123456789abcdef'
DOMAIN_ID = 2317346


def intl_seed(records=(), **settings):
    return {'settings': dict({'flavor': 'intl'}, **settings), 'accounts': [
        {'user_id': 730060, 'email': 'api@dnspod.com', 'password': 'password', 'login_token': API_TOKEN,
         'domains': [{'id': DOMAIN_ID, 'name': 'example.com', 'records': list(records)}]}]}


@pytest.fixture
def emu(start_emulator):
    server = start_emulator(intl_seed([{'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1'}]))
    server.token = API_TOKEN
    return server


def test_api_token_works_as_login_token(emu):
    assert emu.code('Domain.Info', login_token=API_TOKEN, domain='example.com') == '1'


def test_api_token_as_user_token_is_refused_with_20004(emu):
    answer = emu.call('Domain.Info', user_token=API_TOKEN, domain='example.com')
    assert answer['status']['code'] == '20004'
    assert answer['status']['message'] == 'user token validate failed'


def test_record_list_names_the_default_line_default(emu):
    records = emu.call('Record.List', domain_id=str(DOMAIN_ID))['records']
    assert sorted(r['line'] for r in records) == ['Default', 'Default', 'Default']


@pytest.mark.parametrize('line', ['Default', 'DEFAULT'])
def test_writes_refuse_the_listed_name_of_the_default_line(emu, line):
    answer = emu.call('Record.Create', domain_id=str(DOMAIN_ID), sub_domain='api', record_type='A',
                      record_line=line, value='192.0.2.5')
    assert answer['status'] == dict(answer['status'], code='26', message='Record line invalid')
    www = [r for r in emu.call('Record.List', domain_id=str(DOMAIN_ID))['records'] if r['name'] == 'www'][0]
    modify = emu.call('Record.Modify', domain_id=str(DOMAIN_ID), record_id=www['id'], sub_domain='www',
                      record_type='A', record_line=line, value='192.0.2.9')
    assert modify['status']['code'] == '26'


def test_writes_take_default_and_other_lines(emu):
    created = emu.call('Record.Create', domain_id=str(DOMAIN_ID), sub_domain='api', record_type='A',
                       record_line='default', value='192.0.2.5')
    assert created['status']['code'] == '1'
    telecom = emu.call('Record.Create', domain_id=str(DOMAIN_ID), sub_domain='api', record_type='A',
                       record_line='China Telecom', value='192.0.2.6')
    assert telecom['status']['code'] == '1'
    listed = emu.call('Record.List', domain_id=str(DOMAIN_ID), sub_domain='api')['records']
    assert sorted(r['line'] for r in listed) == ['China Telecom', 'Default']


@pytest.mark.parametrize('action, params', [
    ('Record.List', {}),
    ('Record.Create', {'sub_domain': 'api', 'record_type': 'A', 'record_line': 'default', 'value': '192.0.2.5'}),
    ('Record.Modify', {'record_id': '1', 'record_type': 'A', 'record_line': 'default', 'value': '192.0.2.5'}),
    ('Record.Remove', {'record_id': '1'}),
    ('Record.Info', {'record_id': '1'}),
    ('Record.Status', {'record_id': '1', 'status': 'disable'}),
    ('Record.Remark', {'record_id': '1', 'remark': 'x'}),
    ('Record.Ddns', {'record_id': '1', 'record_line': 'default', 'value': '192.0.2.5'}),
    ('Record.Line', {'domain_grade': 'DP_Free'}),
])
def test_record_actions_need_domain_id(emu, action, params):
    answer = emu.call(action, domain='example.com', **params)
    assert answer['status']['code'] == '6'
    assert answer['status']['message'] == 'Domain id invalid'
    assert emu.requests()[-1]['write'] is False


def test_domain_actions_still_take_the_name(emu):
    info = emu.call('Domain.Info', domain='example.com')
    assert info['status']['code'] == '1' and str(info['domain']['id']) == str(DOMAIN_ID)


def test_cn_flavour_still_takes_a_domain_name_and_lists_its_lines_as_before(start_emulator, seed_one):
    emu = start_emulator(seed_one(records=[{'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1'}]))
    records = emu.call('Record.List', domain='example.com')['records']
    assert set(r['line'] for r in records) == {'默认'}
    assert emu.code('Record.Create', domain='example.com', sub_domain='api', record_type='A',
                    record_line='默认', value='192.0.2.5') == '1'


def many(n):
    return [{'sub_domain': 'h%04d' % i, 'record_type': 'A', 'value': '10.0.%d.%d' % (i // 250, i % 250)}
            for i in range(n)]


def test_listing_pages_are_cut_at_500(start_emulator):
    emu = start_emulator(intl_seed(many(1200)))
    emu.token = API_TOKEN
    answer = emu.call('Record.List', domain_id=str(DOMAIN_ID), length='3000')
    assert len(answer['records']) == 500 and answer['info']['record_total'] == '1202'
    rest = emu.call('Record.List', domain_id=str(DOMAIN_ID), offset='1000', length='3000')
    assert len(rest['records']) == 202


def test_the_seed_can_set_another_cap(start_emulator):
    emu = start_emulator(intl_seed(many(700), max_page_size=3000))
    emu.token = API_TOKEN
    assert len(emu.call('Record.List', domain_id=str(DOMAIN_ID), length='3000')['records']) == 702
