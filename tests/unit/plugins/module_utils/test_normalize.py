"""API drift -> canonical records and domains (docs/architecture.md), on recorded answers and on
each drift REAL-WORLD-NOTES lists."""
import json
import os

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import (
    domain_status, normalize_domain, normalize_group, normalize_record, record_status, status_to_api,
    bool_to_api, to_bool, to_int, to_optional_int, to_punycode, to_str)

FIXTURES = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'fixtures', 'real-responses')

RECORD_KEYS = {'id', 'sub_domain', 'record_type', 'record_line', 'record_line_id', 'value', 'ttl', 'mx', 'weight',
               'status', 'remark', 'hold', 'monitor_status', 'updated_on'}
DOMAIN_KEYS = {'id', 'name', 'punycode', 'grade', 'grade_title', 'status', 'ext_status', 'records', 'group_id',
               'is_mark', 'remark', 'is_vip', 'searchengine_push', 'ttl', 'owner', 'user_id', 'created_on',
               'updated_on'}


def recorded(action):
    """Every recorded successful answer of an action."""
    with open(os.path.join(FIXTURES, 'lexicon_index.json'), encoding='utf-8') as handle:
        index = json.load(handle)
    return [call['response_json'] for calls in index.values() for call in calls
            if call['uri'].endswith('/' + action) and call['response_json']['status']['code'] == '1']


# ---- helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize('value, expected', [
    (600, 600), ('600', 600), (' 600 ', 600), ('600.0', 600), ('', 0), (None, 0), (False, 0), ('abc', 0),
    (189593259, 189593259), ('0', 0)])
def test_to_int(value, expected):
    assert to_int(value) == expected


def test_to_optional_int():
    assert to_optional_int(None) is None and to_optional_int('') is None and to_optional_int('x') is None
    assert to_optional_int('5') == 5 and to_optional_int(0) == 0


@pytest.mark.parametrize('value, expected', [
    ('yes', True), ('YES', True), ('no', False), (True, True), (False, False), ('1', True), ('0', False),
    ('enable', True), ('disable', False), (1, True), (0, False)])
def test_to_bool(value, expected):
    assert to_bool(value) is expected


def test_to_bool_default_for_unknown():
    assert to_bool(None) is False and to_bool(None, True) is True and to_bool('maybe', True) is True


def test_to_str():
    assert to_str(None) == '' and to_str(False) == '' and to_str(0) == '0' and to_str(12) == '12'
    assert to_str('x') == 'x' and to_str(None, '@') == '@'


@pytest.mark.parametrize('status, enabled, expected', [
    ('enabled', None, 'enabled'), ('enable', None, 'enabled'), ('1', None, 'enabled'), (1, None, 'enabled'),
    ('disabled', None, 'disabled'), ('disable', None, 'disabled'), ('0', None, 'disabled'),
    (None, '1', 'enabled'), (None, '0', 'disabled'), ('', '0', 'disabled'), (None, None, 'enabled'),
    ('ENABLED', '0', 'enabled'), ('enable', '0', 'enabled'), ('disable', '1', 'disabled'), ('weird', '0', 'disabled'),
    (True, None, 'enabled'), (False, None, 'disabled')])
def test_record_status(status, enabled, expected):
    assert record_status(status, enabled) == expected


@pytest.mark.parametrize('status, expected', [
    ('enable', 'enabled'), ('pause', 'disabled'), ('disable', 'disabled'), ('lock', 'disabled'),
    (None, 'enabled'), ('enabled', 'enabled')])
def test_domain_status(status, expected):
    assert domain_status(status) == expected


def test_values_for_the_api():
    assert [status_to_api(s) for s in ('enabled', 'disabled', 'enable', True, False)] == [
        'enable', 'disable', 'enable', 'enable', 'disable']
    assert [bool_to_api(v) for v in (True, False, 'yes', 'no')] == ['yes', 'no', 'yes', 'no']


def test_to_punycode():
    assert to_punycode('Bücher.Example.') == 'xn--bcher-kva.example'
    assert to_punycode('EXAMPLE.com.') == 'example.com'
    assert to_punycode('中文.com') == 'xn--fiq228c.com'


# ---- records ---------------------------------------------------------------------------------

def test_every_recorded_listing_normalises():
    listings = recorded('Record.List')
    assert len(listings) >= 10
    for answer in listings:
        for raw in answer['records']:
            record = normalize_record(raw)
            assert set(record) == RECORD_KEYS
            assert isinstance(record['id'], str) and record['id'] == str(raw['id'])
            assert isinstance(record['ttl'], int) and isinstance(record['mx'], int)
            assert record['weight'] is None and raw['weight'] is None
            assert record['status'] == 'enabled' and record['remark'] == ''
            assert record['hold'] is (raw.get('hold') == 'hold')
            assert record['record_line'] == '默认' and record['record_line_id'] is None
            assert record['record_type'] == raw['type'] and record['sub_domain'] == raw['name'].lower()


def test_recorded_system_ns_records_are_hold():
    raw = recorded('Record.List')[0]['records']
    ns = [normalize_record(r) for r in raw if r['type'] == 'NS']
    assert len(ns) == 2 and all(r['hold'] and r['sub_domain'] == '@' and r['ttl'] == 86400 for r in ns)
    assert ns[0]['value'] == 'f1g1ns1.dnspod.net.'


def test_recorded_create_and_modify_answers_give_string_ids():
    created = [normalize_record(a['record']) for a in recorded('Record.Create')]
    modified = [normalize_record(a['record']) for a in recorded('Record.Modify')]
    assert created and modified
    assert all(isinstance(r['id'], str) and r['id'].isdigit() for r in created + modified)
    assert all(r['status'] == 'enabled' for r in created + modified)   # "enabled" and "enable"
    raw_modify = recorded('Record.Modify')[0]['record']
    assert isinstance(raw_modify['id'], int) and normalize_record(raw_modify)['id'] == str(raw_modify['id'])


def test_record_info_naming():
    raw = {'id': '16909160', 'sub_domain': '@', 'record_type': 'a', 'record_line': '默认', 'value': '111.111.111.111',
           'mx': '0', 'ttl': '10', 'enabled': '0', 'monitor_status': '', 'remark': 'test',
           'updated_on': '2012-11-24 17:23:58', 'domain_id': '2317346', 'record_line_id': '0'}
    record = normalize_record(raw)
    assert (record['sub_domain'], record['record_type'], record['record_line'], record['record_line_id']) == (
        '@', 'A', '默认', '0')
    assert (record['ttl'], record['status'], record['remark']) == (10, 'disabled', 'test')


def test_record_drift():
    record = normalize_record({'id': 5, 'name': 'WWW', 'line': 'Default', 'line_id': 0, 'type': 'mx', 'ttl': 600,
                               'value': 'mail.example.com.', 'mx': '10', 'weight': '20', 'enabled': 1,
                               'remark': False, 'hold': 'no'})
    assert record['id'] == '5' and record['sub_domain'] == 'www' and record['record_line'] == 'Default'
    assert record['record_line_id'] == '0' and record['record_type'] == 'MX' and record['mx'] == 10
    assert record['weight'] == 20 and record['status'] == 'enabled' and record['remark'] == '' and not record['hold']
    assert normalize_record({'id': '6', 'name': 'x', 'type': 'A', 'mx': '10', 'weight': None})['mx'] == 0
    assert normalize_record({'id': '7', 'name': '', 'type': 'A'})['sub_domain'] == '@'
    assert normalize_record({'id': '8', 'type': 'NS', 'hold': True})['hold'] is True


def test_record_value_kept_as_the_api_gives_it():
    for value in ('Docs.Example.com.', '"quoted"', 'challengetoken', '2001:DB8::1'):
        assert normalize_record({'id': '1', 'name': 'a', 'type': 'TXT', 'value': value})['value'] == value


# ---- domains ---------------------------------------------------------------------------------

def test_recorded_domain_info():
    answers = recorded('Domain.Info')
    assert answers
    for answer in answers:
        domain = normalize_domain(answer['domain'])
        assert set(domain) == DOMAIN_KEYS
        assert domain['id'] == '38280687' and domain['name'] == domain['punycode'] == 'capsulecd.com'
        assert domain['remark'] == ''                                   # "remark": false
        assert domain['status'] == 'enabled' and domain['grade'] == 'DP_Free' and domain['grade_title'] == '新免费套餐'
        assert domain['is_mark'] is False and domain['is_vip'] is False and domain['searchengine_push'] is True
        assert isinstance(domain['records'], int) and domain['ttl'] == 600 and domain['user_id'] == '1446297'
        assert domain['owner'] == 'lexicon@mailinator.com' and domain['group_id'] == '1'


def test_domain_list_item_with_integer_id():
    domain = normalize_domain({'id': 1992403, 'name': 'API2.com', 'grade': 'D_Free', 'status': 'pause',
                               'ext_status': 'dnserror', 'records': '2', 'group_id': '1', 'is_mark': 'yes',
                               'remark': '', 'is_vip': 'no', 'searchengine_push': 'no', 'ttl': '600',
                               'owner': 'api@dnspod.com', 'created_on': '2012-08-29 22:12:35'})
    assert domain['id'] == '1992403' and domain['name'] == 'api2.com' and domain['status'] == 'disabled'
    assert domain['records'] == 2 and domain['is_mark'] is True and domain['searchengine_push'] is False
    assert domain['user_id'] is None


def test_domain_create_answer():
    domain = normalize_domain({'id': '1992403', 'punycode': 'api2.com', 'domain': 'api2.com'})
    assert (domain['id'], domain['name'], domain['punycode'], domain['status']) == (
        '1992403', 'api2.com', 'api2.com', 'enabled')


def test_domain_name_is_the_punycode_form():
    both = normalize_domain({'id': 1, 'name': '中文.com', 'punycode': 'xn--fiq228c.com'})
    only_name = normalize_domain({'id': 1, 'name': '中文.COM.'})
    assert both['name'] == both['punycode'] == only_name['name'] == 'xn--fiq228c.com'


def test_groups():
    assert normalize_group({'group_id': 2, 'group_name': '经常修改', 'group_type': 'system', 'size': None}) == {
        'group_id': '2', 'group_name': '经常修改', 'group_type': 'system', 'size': 0}
    assert normalize_group({'group_id': '9', 'group_name': 'ops', 'group_type': 'custom', 'size': '3'})['size'] == 3
