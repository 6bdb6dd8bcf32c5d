"""Record.* actions: documented codes, normalisation and the live quirks."""
import pytest


def create_code(emu, **params):
    return emu.create(**params)['status']['code']


def by_name(emu, name):
    return [r for r in emu.records() if r['name'] == name]


# -- Record.Create -------------------------------------------------------------------------------
def test_create_answer_shape(emu):
    answer = emu.create(sub_domain='localhost', record_type='A', value='127.0.0.1')
    assert answer['status']['code'] == '1'
    record = answer['record']
    assert set(record) == {'id', 'name', 'status', 'weight'}
    assert isinstance(record['id'], str) and record['status'] == 'enabled'
    assert record['weight'] is None and record['name'] == 'localhost'


def test_create_defaults_to_at(emu):
    assert emu.create(record_type='A', value='1.1.1.1')['record']['name'] == '@'


@pytest.mark.parametrize('missing', ['record_type', 'value', 'record_line'])
def test_create_missing_parameter_is_6(emu, missing):
    params = {'sub_domain': 'www', 'record_type': 'A', 'record_line': '默认', 'value': '1.1.1.1'}
    del params[missing]
    assert emu.call('Record.Create', domain='example.com', **params)['status']['code'] == '6'


def test_create_unknown_domain_codes(start_emulator):
    emu = start_emulator({'accounts': [
        {'user_id': 1, 'login_token': '1,a', 'domains': [{'id': 1, 'name': 'a.com'}]},
        {'user_id': 2, 'login_token': '2,b', 'domains': [{'id': 2, 'name': 'b.com'}]}]})
    emu.token = '1,a'
    base = dict(record_type='A', record_line='默认', value='1.1.1.1')
    assert emu.code('Record.Create', domain_id='99', **base) == '6'
    assert emu.code('Record.Create', **base) == '6'
    assert emu.code('Record.Create', domain_id='2', **base) == '7'
    assert emu.code('Record.List', domain_id='2') == '9'
    assert emu.code('Record.Remove', domain_id='2', record_id='1') == '7'


def test_create_on_locked_domain_is_21(start_emulator, seed_one):
    emu = start_emulator(seed_one(locked=True, records=[
        {'id': 5, 'sub_domain': 'www', 'type': 'A', 'value': '1.1.1.1'}]))
    assert create_code(emu, sub_domain='x', record_type='A', value='1.1.1.1') == '21'
    assert emu.code('Record.Modify', domain_id='1001', record_id='5', sub_domain='www',
                    record_type='A', record_line='默认', value='2.2.2.2') == '21'
    assert emu.code('Record.Remove', domain_id='1001', record_id='5') == '21'
    assert emu.code('Record.Status', domain_id='1001', record_id='5', status='disable') == '21'


@pytest.mark.parametrize('sub,code', [
    ('bad name', '22'), ('a..b', '22'), ('ünïcode', '22'), ('www.', '22'), ('x' * 64, '22'),
    ('a*', '24'), ('www.*', '24'), ('*a.b', '24'),
    ('a.b.c.d.e.f', '23'),
])
def test_create_bad_sub_domain(emu, sub, code):
    assert create_code(emu, sub_domain=sub, record_type='A', value='1.1.1.1') == code


def test_create_wildcard_and_underscore_are_fine(emu):
    assert create_code(emu, sub_domain='*', record_type='A', value='1.1.1.1') == '1'
    assert create_code(emu, sub_domain='*.dev', record_type='A', value='1.1.1.1') == '1'
    assert create_code(emu, sub_domain='_acme-challenge.fqdn', record_type='TXT',
                       value='x') == '1'
    assert create_code(emu, sub_domain='WWW', record_type='A', value='1.1.1.1') == '1'
    assert by_name(emu, 'www')


def test_round_robin_limit_free_is_2(emu):
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.1') == '1'
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.2') == '1'
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.3') == '25'
    # another line is another set; a disabled record does not count
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.3',
                       record_line='电信') == '1'
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.4',
                       status='disable') == '1'
    # TXT values are not load balanced
    for i in range(4):
        assert create_code(emu, sub_domain='txt', record_type='TXT', value='v%d' % i) == '1'


def test_round_robin_limit_paid(start_emulator, seed_one):
    emu = start_emulator(seed_one(grade='DP_Plus'))
    codes = [create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.%d' % i)
             for i in range(11)]
    assert codes == ['1'] * 10 + ['25']


def test_round_robin_modern_codes(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'round_robin_code': '500025'}))
    for i in range(2):
        create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.%d' % i)
        create_code(emu, sub_domain='c', record_type='CNAME', value='c%d.example.net' % i)
    assert create_code(emu, sub_domain='rr', record_type='A', value='1.1.1.9') == '500025'
    assert create_code(emu, sub_domain='c', record_type='CNAME', value='x.example.net') \
        == '500026'


def test_bad_line_is_26(emu):
    assert create_code(emu, sub_domain='a', record_type='A', value='1.1.1.1',
                       record_line='火星') == '26'
    assert create_code(emu, sub_domain='a', record_type='A', value='1.1.1.1',
                       record_line='搜索引擎') == '26'       # paid line on a free domain


def test_record_line_id_wins(emu):
    answer = emu.call('Record.Create', domain='example.com', sub_domain='a', record_type='A',
                      value='1.1.1.1', record_line='火星', record_line_id='10=1')
    assert answer['status']['code'] == '1'
    assert by_name(emu, 'a')[0]['line'] == '联通'
    assert emu.call('Record.Create', domain='example.com', sub_domain='b', record_type='A',
                    value='1.1.1.1', record_line_id='0')['status']['code'] == '1'
    assert by_name(emu, 'b')[0]['line'] == '默认'
    assert emu.code('Record.Create', domain='example.com', sub_domain='c', record_type='A',
                    value='1.1.1.1', record_line_id='99=9') == '26'


def test_bad_type_is_27(emu):
    answer = emu.create(sub_domain='a', record_type='BOGUS', value='1.1.1.1')
    assert answer['status'] == dict(answer['status'], code='27', message='Record type invalid')
    assert create_code(emu, sub_domain='a', record_type='CAA', value='0 issue "ca.example"') \
        == '27'                                   # paid type on a free domain
    assert create_code(emu, sub_domain='a', record_type='a', value='1.1.1.1') == '1'


@pytest.mark.parametrize('mx,code', [('0', '30'), ('21', '30'), ('x', '30'), (None, '6'),
                                     ('1', '1'), ('20', '1')])
def test_mx_priority(emu, mx, code):
    assert create_code(emu, sub_domain='m', record_type='MX', value='mail.example.com',
                       mx=mx) == code


def test_ttl_below_the_grade_minimum_is_32_on_create(emu):
    answer = emu.create(sub_domain='t', record_type='A', value='1.1.1.1', ttl='599')
    assert answer['status']['code'] == '32'
    assert answer['status']['message'] == 'Record ttl is limited(600)'
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1', ttl='0') == '6'
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1',
                       ttl='604801') == '6'
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1', ttl='600') == '1'


def test_paid_grade_min_ttl(start_emulator, seed_one):
    emu = start_emulator(seed_one(grade='DP_Plus'))
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1', ttl='119') == '32'
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1', ttl='120') == '1'


def test_grade_overrides(start_emulator, seed_one):
    seed = seed_one()
    seed['grades'] = {'DP_Free': {'min_ttl': 1, 'round_robin': 5}}
    emu = start_emulator(seed)
    assert create_code(emu, sub_domain='t', record_type='A', value='1.1.1.1', ttl='1') == '1'
    assert emu.call('Domain.Purview', domain='example.com')['status']['code'] == '1'


@pytest.mark.parametrize('rtype,value', [
    ('A', '1.2.3'), ('A', '256.1.1.1'), ('A', '::1'), ('A', 'example.com'),
    ('AAAA', '1.2.3.4'), ('AAAA', 'fe80:::1'), ('AAAA', 'xyz'),
    ('CNAME', '1.2.3.4'), ('CNAME', 'bad host.com'), ('MX', ''), ('TXT', '""'),
    ('SRV', '10 5 sip.example.com'), ('SRV', '10 5 99999 sip.example.com'),
])
def test_invalid_value_is_34(emu, rtype, value):
    assert create_code(emu, sub_domain='v', record_type=rtype, value=value, mx='5') in ('34', '6')
    if value:
        assert create_code(emu, sub_domain='v', record_type=rtype, value=value, mx='5') == '34'


def test_ns_at_apex_only_on_default_line(emu):
    assert create_code(emu, sub_domain='@', record_type='NS', value='ns1.example.net',
                       record_line='电信') == '36'
    assert create_code(emu, sub_domain='sub', record_type='NS', value='ns1.example.net',
                       record_line='电信') == '1'


def test_exact_duplicate_is_104(emu):
    assert create_code(emu, sub_domain='d', record_type='CNAME', value='x.example.net') == '1'
    answer = emu.create(sub_domain='d', record_type='CNAME', value='x.example.net.')
    assert answer['status'] == dict(answer['status'], code='104',
                                    message='Domain record already exists')
    assert create_code(emu, sub_domain='@', record_type='NS', value='f1g1ns1.dnspod.net') \
        == '104'


def test_cname_beside_other_records_is_104_and_beside_a_or_url_31(emu):
    # A, CNAME and URL cannot coexist: 31 (the later documents' Record.Create); a CNAME beside
    # another type: the documents give no code, 104, see docs/emulator.md (records)
    assert create_code(emu, sub_domain='www', record_type='A', value='1.1.1.1') == '1'
    answer = emu.create(sub_domain='www', record_type='CNAME', value='x.example.net')
    assert answer['status']['code'] == '31' and 'CNAME' in answer['status']['message']
    assert create_code(emu, sub_domain='www', record_type='URL', value='http://example.org/') == '31'
    assert create_code(emu, sub_domain='www', record_type='AAAA', value='2001:db8::1') == '1'
    assert create_code(emu, sub_domain='@', record_type='CNAME', value='x.example.net') == '104'  # system NS
    assert create_code(emu, sub_domain='alias', record_type='CNAME', value='x.example.net') == '1'
    assert create_code(emu, sub_domain='alias', record_type='TXT', value='hello') == '104'
    # another line is another name for this rule; a second CNAME value is round robin
    assert create_code(emu, sub_domain='www', record_type='CNAME', value='x.example.net', record_line='电信') == '1'
    assert create_code(emu, sub_domain='alias', record_type='CNAME', value='y.example.net') == '1'
    assert [r['type'] for r in by_name(emu, 'www')] == ['A', 'AAAA', 'CNAME']


def test_modify_into_a_cname_conflict_is_31(emu):
    first = emu.create(sub_domain='www', record_type='A', value='1.1.1.1')['record']['id']
    second = emu.create(sub_domain='www', record_type='A', value='1.1.1.2')['record']['id']
    base = dict(domain='example.com', sub_domain='www', record_line='默认')
    assert emu.code('Record.Modify', record_id=second, record_type='CNAME', value='x.example.net', **base) == '31'
    assert emu.code('Record.Remove', domain='example.com', record_id=first) == '1'
    # the record being modified does not conflict with itself
    assert emu.code('Record.Modify', record_id=second, record_type='CNAME', value='x.example.net', **base) == '1'


def test_url_record_limit_is_31(start_emulator, seed_one):
    seed = seed_one()
    seed['grades'] = {'DP_Free': {'url_limit': 1}}
    emu = start_emulator(seed)
    assert create_code(emu, sub_domain='u1', record_type='显性URL',
                       value='https://example.net/') == '1'
    assert create_code(emu, sub_domain='u2', record_type='URL', value='https://example.net/') \
        == '31'


def test_trailing_dots_and_txt_quotes(emu):
    emu.create(sub_domain='c', record_type='CNAME', value='Target.Example.com')
    emu.create(sub_domain='m', record_type='MX', value='mail.example.com', mx='10')
    emu.create(sub_domain='n', record_type='NS', value='ns1.example.net')
    emu.create(sub_domain='s', record_type='SRV', value='10 5 5060 sip.example.com')
    emu.create(sub_domain='t', record_type='TXT', value='"v=spf1 -all"')
    emu.create(sub_domain='a', record_type='AAAA', value='2001:DB8::1')
    values = dict((r['name'], r['value']) for r in emu.records())
    assert values['c'] == 'target.example.com.'
    assert values['m'] == 'mail.example.com.'
    assert values['n'] == 'ns1.example.net.'
    assert values['s'] == '10 5 5060 sip.example.com.'
    assert values['t'] == 'v=spf1 -all'
    assert values['a'] == '2001:db8::1'
    mx = by_name(emu, 'm')[0]
    assert mx['mx'] == '10'


def test_weight_accepted(emu):
    answer = emu.create(sub_domain='w', record_type='A', value='1.1.1.1', weight='30')
    assert answer['record']['weight'] == 30
    assert by_name(emu, 'w')[0]['weight'] == 30
    assert create_code(emu, sub_domain='w2', record_type='A', value='1.1.1.1',
                       weight='101') == '6'


def test_create_disabled(emu):
    answer = emu.create(sub_domain='off', record_type='A', value='1.1.1.1', status='disable')
    assert answer['record']['status'] == 'disabled'
    record = by_name(emu, 'off')[0]
    assert (record['status'], record['enabled']) == ('disabled', '0')


# -- Record.List ---------------------------------------------------------------------------------
LIST_SEED_RECORDS = [
    {'sub_domain': '@', 'record_type': 'A', 'value': '1.1.1.1'},
    {'sub_domain': '*', 'record_type': 'A', 'value': '2.2.2.2'},
    {'sub_domain': 'www', 'record_type': 'CNAME', 'value': 'example.net'},
    {'sub_domain': 'www', 'record_type': 'A', 'value': '3.3.3.3', 'record_line': '电信'},
    {'sub_domain': 'mail', 'record_type': 'MX', 'value': 'mx.example.net', 'mx': 5},
]


@pytest.fixture
def listed(start_emulator, seed_one):
    return start_emulator(seed_one(records=LIST_SEED_RECORDS))


def names(answer):
    return [(r['name'], r['type']) for r in answer['records']]


def test_list_keys_and_order(listed):
    answer = listed.call('Record.List', domain='example.com')
    assert answer['info'] == {'sub_domains': '7', 'record_total': '7'}
    assert answer['domain']['id'] == '1001'
    assert names(answer) == [('*', 'A'), ('@', 'NS'), ('@', 'NS'), ('@', 'A'), ('mail', 'MX'),
                             ('www', 'CNAME'), ('www', 'A')]


def test_list_sub_domain_at_also_returns_wildcards(listed):
    answer = listed.call('Record.List', domain='example.com', sub_domain='@')
    assert ('*', 'A') in names(answer) and answer['info']['record_total'] == '4'


def test_list_at_without_the_wildcard_quirk(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'at_matches_wildcard': False},
                                  records=LIST_SEED_RECORDS))
    answer = emu.call('Record.List', domain='example.com', sub_domain='@')
    assert set(r['name'] for r in answer['records']) == {'@'}


def test_list_filters(listed):
    assert names(listed.call('Record.List', domain='example.com', sub_domain='www',
                             record_type='A')) == [('www', 'A')]
    assert names(listed.call('Record.List', domain_id='1001', record_line='电信')) \
        == [('www', 'A')]
    assert names(listed.call('Record.List', domain_id='1001', record_line_id='10=0')) \
        == [('www', 'A')]
    assert names(listed.call('Record.List', domain_id='1001', keyword='mx.example')) \
        == [('mail', 'MX')]


def test_list_codes(listed):
    assert listed.code('Record.List', domain_id='77') == '6'
    assert listed.code('Record.List', domain='nothere.com') == '13'
    assert listed.code('Record.List', domain_id='1001', offset='-3') == '7'
    assert listed.code('Record.List', domain_id='1001', offset='a') == '7'
    assert listed.code('Record.List', domain_id='1001', length='0') == '8'
    assert listed.code('Record.List', domain_id='1001', length='many') == '8'
    answer = listed.call('Record.List', domain_id='1001', sub_domain='nothing')
    assert answer['status'] == dict(answer['status'], code='10', message='No records')
    empty = listed.call('Record.List', domain_id='1001', sub_domain='nothing',
                        error_on_empty='no')
    assert empty['status']['code'] == '1' and empty['records'] == []
    assert empty['info']['record_total'] == '0'


def test_list_line_id_setting(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'record_list_line_id': True}))
    assert emu.call('Record.List', domain='example.com')['records'][0]['line_id'] == '0'


# -- Record.Modify ------------------------------------------------------------------------------
@pytest.fixture
def one_record(start_emulator, seed_one):
    return start_emulator(seed_one(records=[
        {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'},
        {'id': 502, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.2'},
        {'id': 503, 'sub_domain': 'mx', 'record_type': 'MX', 'value': 'mx.example.net',
         'mx': 10}]))


def modify(emu, **params):
    base = dict(domain_id='1001', record_id='501', sub_domain='www', record_type='A',
                record_line='默认', value='9.9.9.9')
    base.update(params)
    return emu.call('Record.Modify', **dict((k, v) for k, v in base.items() if v is not None))


def test_modify_answer_drift(one_record):
    answer = modify(one_record)
    assert answer['status']['code'] == '1'
    assert answer['record'] == {'id': 501, 'name': 'www', 'value': '9.9.9.9',
                                'status': 'enable', 'weight': None}


def test_modify_without_drift(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'id_drift': False}, records=[
        {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}]))
    record = modify(emu)['record']
    assert record['id'] == '501' and record['status'] == 'enabled'


def test_modify_without_sub_domain_renames_to_at(one_record):
    assert modify(one_record, sub_domain=None)['record']['name'] == '@'
    assert [r['value'] for r in one_record.records() if r['name'] == '@' and r['type'] == 'A'] \
        == ['9.9.9.9']


def test_modify_codes(one_record):
    assert modify(one_record, record_id='999')['status']['code'] == '8'
    assert modify(one_record, record_id=None)['status']['code'] == '8'
    assert modify(one_record, domain_id='4')['status']['code'] == '6'
    answer = modify(one_record, record_type=None)
    assert answer['status'] == dict(answer['status'], code='27', message='Record type invalid')
    assert modify(one_record, record_line=None)['status']['code'] == '26'
    assert modify(one_record, value=None)['status']['code'] == '34'
    assert modify(one_record, value='1.1.1.2')['status']['code'] == '104'
    assert modify(one_record, ttl='599')['status']['code'] == '29'
    assert modify(one_record, ttl='700000')['status']['code'] == '29'
    assert modify(one_record, sub_domain='a b')['status']['code'] == '22'
    assert modify(one_record, record_id='503', record_type='MX', value='mx.example.net',
                  mx='30')['status']['code'] == '30'


def test_modify_keeps_mx_ttl_and_round_robin_excludes_itself(one_record):
    answer = modify(one_record, record_id='503', sub_domain='mx', record_type='MX',
                    value='mx2.example.net')
    assert answer['status']['code'] == '1'
    record = [r for r in one_record.records() if r['type'] == 'MX'][0]
    assert (record['mx'], record['value'], record['ttl']) == ('10', 'mx2.example.net.', '600')
    assert modify(one_record, value='1.1.1.3')['status']['code'] == '1'   # still two in the set


def test_modify_into_a_full_set_is_25(one_record):
    one_record.create(sub_domain='other', record_type='A', value='5.5.5.5')
    other = [r for r in one_record.records() if r['name'] == 'other'][0]
    answer = modify(one_record, record_id=other['id'], sub_domain='www', value='5.5.5.5')
    assert answer['status']['code'] == '25'


def test_unchanged_modify_locks_the_record(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'unchanged_modify_limit': 2}, records=[
        {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}]))
    same = dict(value='1.1.1.1')
    assert [modify(emu, **same)['status']['code'] for attempt in range(3)] == ['1', '1', '-2']
    assert modify(emu, value='2.2.2.2')['status']['code'] == '-2'


def test_unchanged_modify_is_not_a_write(one_record):
    modify(one_record, value='1.1.1.1')
    entry = one_record.requests()[-1]
    assert entry['action'] == 'Record.Modify' and entry['code'] == '1'
    assert entry['write'] is False and entry['write_action'] is True


# -- hold NS records -----------------------------------------------------------------------------
def test_hold_ns_cannot_be_removed_or_modified(emu):
    hold = [r for r in emu.records() if r.get('hold') == 'hold']
    assert len(hold) == 2
    rid = hold[0]['id']
    assert emu.code('Record.Remove', domain_id='1001', record_id=rid) == '7'
    assert emu.code('Record.Modify', domain_id='1001', record_id=rid, sub_domain='@',
                    record_type='NS', record_line='默认', value='ns.example.net') == '7'
    assert emu.code('Record.Status', domain_id='1001', record_id=rid, status='disable') == '7'
    assert len([r for r in emu.records() if r.get('hold') == 'hold']) == 2


def test_hold_ns_can_be_omitted_or_replaced(start_emulator, seed_one):
    emu = start_emulator(seed_one(hold_ns=[]))
    assert emu.code('Record.List', domain='example.com') == '10'
    emu = start_emulator(seed_one(hold_ns=['a.dnsv1.com', 'b.dnsv1.com.']))
    assert [r['value'] for r in emu.records()] == ['a.dnsv1.com.', 'b.dnsv1.com.']


# -- Remove / Info / Status / Remark / Ddns --------------------------------------------------------
def test_remove(one_record):
    assert one_record.code('Record.Remove', domain_id='1001', record_id='501') == '1'
    assert one_record.code('Record.Remove', domain_id='1001', record_id='501') == '8'
    assert one_record.code('Record.Remove', domain_id='1001') == '8'
    assert one_record.code('Record.Remove', domain_id='1', record_id='502') == '6'


def test_info(one_record):
    answer = one_record.call('Record.Info', domain_id='1001', record_id='503')
    assert answer['domain'] == {'id': 1001, 'domain': 'example.com', 'domain_grade': 'DP_Free'}
    record = answer['record']
    assert record['id'] == '503' and record['sub_domain'] == 'mx' and record['mx'] == '10'
    assert record['record_line'] == '默认' and record['record_line_id'] == '0'
    assert record['domain_id'] == '1001'
    assert one_record.code('Record.Info', domain_id='1001', record_id='1') == '8'


def test_status(one_record):
    answer = one_record.call('Record.Status', domain_id='1001', record_id='501',
                             status='disable')
    assert answer['record'] == {'id': 501, 'name': 'www', 'status': 'disable'}
    record = [r for r in one_record.records() if r['id'] == '501'][0]
    assert (record['status'], record['enabled']) == ('disabled', '0')
    assert one_record.call('Record.Status', domain_id='1001', record_id='501',
                           status='enabled')['record']['status'] == 'enable'
    assert one_record.code('Record.Status', domain_id='1001', record_id='501',
                           status='off') == '3'
    assert one_record.code('Record.Status', domain_id='1001', record_id='5',
                           status='enable') == '8'


def test_remark(one_record):
    assert one_record.code('Record.Remark', domain_id='1001', record_id='501',
                           remark='web') == '1'
    assert [r['remark'] for r in one_record.records() if r['id'] == '501'] == ['web']
    assert one_record.code('Record.Remark', domain_id='1001', record_id='9', remark='x') == '8'
    assert one_record.code('Record.Remark', domain_id='9', record_id='501', remark='x') == '6'


def test_ddns(one_record):
    answer = one_record.call('Record.Ddns', domain_id='1001', record_id='501',
                             record_line='默认', value='8.8.8.8')
    assert answer['record'] == {'id': 501, 'name': 'www', 'value': '8.8.8.8'}
    answer = one_record.call('Record.Ddns', domain_id='1001', record_id='501',
                             record_line='默认')
    assert answer['record']['value'] == '127.0.0.1'          # the caller's address
    assert one_record.code('Record.Ddns', domain_id='1001', record_id='503',
                           record_line='默认') == '27'
    assert one_record.code('Record.Ddns', domain_id='1001', record_id='501') == '26'
    assert one_record.code('Record.Ddns', domain_id='1001', record_id='501',
                           record_line='默认', value='nope') == '34'
    assert one_record.code('Record.Ddns', domain_id='1001', record_id='501',
                           record_line='默认', sub_domain='a*') == '24'


def test_modify_without_status_enables_the_record(start_emulator, seed_one):
    # Record.Modify `status` defaults to "enable" (the later documents): a Modify that leaves it
    # out enables a disabled record; one that sends it keeps the record as it says.
    emu = start_emulator(seed_one(records=[
        {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1', 'status': 'disabled'},
        {'id': 502, 'sub_domain': 'api', 'record_type': 'A', 'value': '1.1.1.2', 'status': 'disabled'}]))
    assert modify(emu, value='9.9.9.9')['status']['code'] == '1'
    assert modify(emu, record_id='502', sub_domain='api', value='9.9.9.8', status='disable')['status']['code'] == '1'
    status = dict((r['name'], r['status']) for r in emu.records() if r['type'] == 'A')
    assert status == {'www': 'enabled', 'api': 'disabled'}


def test_status_enable_into_a_full_set_is_25(one_record):
    created = one_record.create(sub_domain='www', record_type='A', value='1.1.1.3', status='disable')
    record_id = created['record']['id']
    answer = one_record.call('Record.Status', domain_id='1001', record_id=record_id, status='enable')
    assert answer['status']['code'] == '25'
    assert one_record.call('Record.Status', domain_id='1001', record_id='501',
                           status='disable')['status']['code'] == '1'
    assert one_record.call('Record.Status', domain_id='1001', record_id=record_id,
                           status='enable')['status']['code'] == '1'
