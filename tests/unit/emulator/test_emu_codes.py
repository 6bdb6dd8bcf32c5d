"""The documented codes across actions: another account's domain, locked domains, unknown names."""
import pytest

MINE = '1,mine'


@pytest.fixture
def two(start_emulator):
    emu = start_emulator({'accounts': [
        {'user_id': 1, 'login_token': MINE, 'domains': [
            {'id': 1, 'name': 'mine.com', 'records': [
                {'id': 11, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}]},
            {'id': 2, 'name': 'locked.com', 'locked': True, 'records': [
                {'id': 21, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}]}]},
        {'user_id': 2, 'login_token': '2,theirs', 'domains': [
            {'id': 9, 'name': 'theirs.com', 'records': [
                {'id': 91, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}]}]}]})
    emu.token = MINE
    return emu


RECORD = dict(sub_domain='www', record_type='A', record_line='默认', value='2.2.2.2')

# action, extra parameters, code for another account's domain
OWNER_CASES = [
    ('Domain.Info', {}, '8'),
    ('Domain.Log', {}, '8'),
    ('Domain.Status', {'status': 'disable'}, '8'),
    ('Domain.Searchenginepush', {'status': 'no'}, '8'),
    ('Domain.Remove', {}, '9'),
    ('Domain.Changegroup', {'group_id': '2'}, '6'),
    ('Domain.Ismark', {'is_mark': 'yes'}, '6'),
    ('Domain.Remark', {'remark': 'x'}, '6'),
    ('Domain.Purview', {}, '6'),
    ('Record.Line', {'domain_grade': 'DP_Free'}, '6'),
    ('Record.List', {}, '9'),
    ('Record.Create', RECORD, '7'),
    ('Record.Modify', dict(RECORD, record_id='91'), '7'),
    ('Record.Remove', {'record_id': '91'}, '7'),
    ('Record.Info', {'record_id': '91'}, '7'),
    ('Record.Status', {'record_id': '91', 'status': 'disable'}, '7'),
    ('Record.Remark', {'record_id': '91', 'remark': 'x'}, '6'),
    ('Record.Ddns', {'record_id': '91', 'record_line': '默认'}, '7'),
]


@pytest.mark.parametrize('action,params,code', OWNER_CASES)
def test_another_accounts_domain(two, action, params, code):
    assert two.code(action, domain_id='9', **params) == code
    assert two.code(action, domain='theirs.com', **params) == code


@pytest.mark.parametrize('action,params', [case[:2] for case in OWNER_CASES])
def test_unknown_domain_id_is_6_and_unknown_name_13(two, action, params):
    assert two.code(action, domain_id='4242', **params) == '6'
    assert two.code(action, domain='unknown-name.com', **params) == '13'


@pytest.mark.parametrize('action,params,code', [
    ('Record.Create', RECORD, '21'),
    ('Record.Modify', dict(RECORD, record_id='21'), '21'),
    ('Record.Remove', {'record_id': '21'}, '21'),
    ('Record.Status', {'record_id': '21', 'status': 'disable'}, '21'),
    ('Record.Ddns', {'record_id': '21', 'record_line': '默认'}, '21'),
    ('Domain.Remove', {}, '7'),
    ('Domain.Status', {'status': 'disable'}, '7'),
    ('Domain.Searchenginepush', {'status': 'no'}, '7'),
])
def test_locked_domain(two, action, params, code):
    assert two.code(action, domain='locked.com', **params) == code


def test_reads_and_remarks_work_on_a_locked_domain(two):
    assert two.code('Record.List', domain='locked.com') == '1'
    assert two.code('Record.Info', domain='locked.com', record_id='21') == '1'
    assert two.code('Record.Remark', domain='locked.com', record_id='21', remark='x') == '1'
    assert two.code('Domain.Remark', domain='locked.com', remark='x') == '1'


@pytest.mark.parametrize('params,code', [
    ({'sub_domain': 'a.b.c.d.e.f'}, '23'),
    ({'sub_domain': 'w*'}, '24'),
    ({'sub_domain': '@', 'record_type': 'NS', 'value': 'ns.a.com', 'record_line': '电信'}, '36'),
    ({'record_type': 'MX', 'value': 'mx.a.com', 'mx': '0'}, '30'),
    ({'record_type': 'AAAA', 'value': '1.1.1.1'}, '34'),
    ({'record_type': 'TXT', 'value': 'x', 'ttl': '10'}, '29'),
    ({'record_type': 'BOGUS'}, '27'),
    ({'record_line': '火星'}, '26'),
    ({'weight': '500'}, '3'),
    ({'status': 'sometimes'}, '3'),
])
def test_modify_codes(two, params, code):
    base = dict(RECORD, record_id='11')
    base.update(params)
    assert two.code('Record.Modify', domain='mine.com', **base) == code


def test_modify_into_url_over_the_limit_is_31(start_emulator):
    emu = start_emulator({'grades': {'DP_Free': {'url_limit': 1}}, 'accounts': [
        {'login_token': MINE, 'domains': [{'name': 'a.com', 'records': [
            {'id': 1, 'sub_domain': 'u', 'record_type': 'URL', 'value': 'http://x.com/'},
            {'id': 2, 'sub_domain': 'w', 'record_type': 'A', 'value': '1.1.1.1'}]}]}]})
    emu.token = MINE
    assert emu.code('Record.Modify', domain='a.com', record_id='2', sub_domain='w',
                    record_type='URL', record_line='默认', value='http://y.com/') == '31'
    # a URL record may stay a URL record
    assert emu.code('Record.Modify', domain='a.com', record_id='1', sub_domain='u',
                    record_type='URL', record_line='默认', value='http://z.com/') == '1'


def test_ddns_into_a_full_set_is_25(two):
    two.create(domain='mine.com', sub_domain='rr', record_type='A', value='5.5.5.5')
    two.create(domain='mine.com', sub_domain='rr', record_type='A', value='5.5.5.6')
    assert two.code('Record.Ddns', domain='mine.com', record_id='11', record_line='默认',
                    sub_domain='rr', value='5.5.5.7') == '25'
    assert two.code('Record.Ddns', domain='mine.com', record_id='11', record_line='默认',
                    sub_domain='rr', value='5.5.5.5') == '104'


def test_unchanged_ddns_counts_for_the_lock(start_emulator):
    emu = start_emulator({'settings': {'unchanged_modify_limit': 1}, 'accounts': [
        {'login_token': MINE, 'domains': [{'name': 'a.com', 'records': [
            {'id': 1, 'sub_domain': 'w', 'record_type': 'A', 'value': '1.1.1.1'}]}]}]})
    emu.token = MINE
    codes = [emu.code('Record.Ddns', domain='a.com', record_id='1', record_line='默认',
                      value='1.1.1.1') for attempt in range(3)]
    assert codes == ['1', '-2', '-2']
