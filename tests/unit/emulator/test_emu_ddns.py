# -*- coding: utf-8 -*-
"""Record.Ddns of the emulator: the caller's address without a value, the record's own name and type,
the documented codes, and the unchanged-update lock."""
import pytest

RECORDS = [
    {'id': 501, 'sub_domain': 'home', 'record_type': 'A', 'value': '192.0.2.1'},
    {'id': 502, 'sub_domain': 'home6', 'record_type': 'AAAA', 'value': '2001:db8::1'},
    {'id': 503, 'sub_domain': 'mail', 'record_type': 'MX', 'value': 'mx.example.com', 'mx': 10},
    {'id': 504, 'sub_domain': 'tel', 'record_type': 'A', 'record_line': '电信', 'value': '192.0.2.4'},
]


@pytest.fixture
def ddns(start_emulator, seed_one):
    return start_emulator(seed_one(records=RECORDS))


def value_of(emu, rid):
    return [r for r in emu.records() if r['id'] == str(rid)][0]


def test_without_value_the_callers_address(ddns):
    answer = ddns.call('Record.Ddns', domain_id='1001', record_id='501', record_line='默认', sub_domain='home')
    assert answer['status']['code'] == '1'
    assert answer['record'] == {'id': 501, 'name': 'home', 'value': '127.0.0.1'}
    assert value_of(ddns, 501)['value'] == '127.0.0.1'
    entry = [r for r in ddns.requests() if r['action'] == 'Record.Ddns'][0]
    assert entry['write'] is True and entry['write_action'] is True


def test_with_value_and_the_name_kept(ddns):
    answer = ddns.call('Record.Ddns', domain='example.com', record_id='501', record_line='默认',
                       value='198.51.100.7')
    assert answer['record']['value'] == '198.51.100.7'
    record = value_of(ddns, 501)
    assert (record['name'], record['type'], record['line']) == ('home', 'A', '默认')


def test_an_unchanged_update_is_not_a_write(ddns):
    ddns.call('Record.Ddns', domain_id='1001', record_id='501', record_line='默认', value='192.0.2.1')
    entry = [r for r in ddns.requests() if r['action'] == 'Record.Ddns'][0]
    assert entry['code'] == '1' and entry['write'] is False and entry['write_action'] is True


def test_aaaa_needs_an_ipv6_value(ddns):
    assert ddns.code('Record.Ddns', domain_id='1001', record_id='502', record_line='默认',
                     value='2001:DB8::2') == '1'
    assert value_of(ddns, 502)['value'] == '2001:db8::2'
    # the caller's address (127.0.0.1) is not an IPv6 address
    assert ddns.code('Record.Ddns', domain_id='1001', record_id='502', record_line='默认') == '34'


@pytest.mark.parametrize('params, code', [
    ({'record_id': '503', 'record_line': '默认'}, '27'),                       # MX
    ({'record_id': '501', 'record_line': '默认', 'record_type': 'AAAA'}, '27'),  # not the record's type
    ({'record_id': '999', 'record_line': '默认'}, '8'),
    ({'record_line': '默认'}, '8'),
    ({'record_id': '501'}, '26'),
    ({'record_id': '501', 'record_line': '火星'}, '26'),
    ({'record_id': '501', 'record_line': '默认', 'value': '300.1.1.1'}, '34'),
    ({'record_id': '501', 'record_line': '默认', 'sub_domain': 'a*'}, '24'),
    ({'record_id': '501', 'record_line': '默认', 'sub_domain': 'bad name'}, '22'),
])
def test_codes(ddns, params, code):
    assert ddns.code('Record.Ddns', domain_id='1001', **params) == code
    assert value_of(ddns, 501)['value'] == '192.0.2.1'


def test_unknown_domain(ddns):
    assert ddns.code('Record.Ddns', domain_id='4242', record_id='501', record_line='默认') == '6'


def test_line_change_by_ddns(ddns):
    assert ddns.code('Record.Ddns', domain_id='1001', record_id='504', record_line='联通',
                     value='192.0.2.4') == '1'
    assert value_of(ddns, 504)['line'] == '联通'


def test_repeated_unchanged_updates_lock_the_record(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'unchanged_modify_limit': 2}, records=RECORDS))
    codes = [emu.code('Record.Ddns', domain_id='1001', record_id='501', record_line='默认', value='192.0.2.1')
             for attempt in range(4)]
    assert codes == ['1', '1', '-2', '-2']
