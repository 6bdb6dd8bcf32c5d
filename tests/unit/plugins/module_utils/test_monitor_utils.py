# -*- coding: utf-8 -*-
"""module_utils/monitor.py: checks (mirroring the API's codes), canonical form, change planning
(the Monitor.* calls are tested in dnspod_api/test_monitors.py)."""
import os
import sys

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import actions_monitor as emu_monitor  # noqa: E402  pylint: disable=wrong-import-position
from emulator.errors import ApiError  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'

RAW = {
    'monitor_id': 'abc', 'domain': 'Example.com', 'domain_id': '1001', 'domain_grade': 'DP_Free',
    'record_id': '501', 'sub_domain': 'www', 'record_line': '默认', 'ip': '192.0.2.10', 'now_ip': '192.0.2.10',
    'host': 'www.example.com', 'port': '80', 'monitor_type': 'http', 'monitor_path': '/',
    'monitor_interval': '360', 'points': 'ctc,cuc', 'bak_ip': 'pass', 'status': 'Ok', 'status_code': '200',
    'sms_notice': 'me', 'email_notice': 'me,share', 'less_notice': 'no', 'callback_url': '',
    'callback_key': 'k1', 'monitor_status': 'enabled', 'created_on': '2026-01-01 00:00:00',
    'updated_on': '2026-01-01 00:00:00', 'bak_ip_status': [],
}


def test_normalize_monitor_hides_the_callback_key():
    canon = mon.normalize_monitor(RAW)
    assert 'callback_key' not in canon and canon['has_callback_key'] is True
    assert canon['port'] == 80 and canon['monitor_interval'] == 360
    assert canon['points'] == ['ctc', 'cuc'] and canon['bak_ip'] == ['pass']
    assert canon['email_notice'] == ['me', 'share'] and canon['less_notice'] is False
    assert canon['status'] == 'enabled' and canon['health'] == 'Ok' and canon['domain'] == 'example.com'
    assert mon.normalize_monitor(dict(RAW, monitor_status='disabled', callback_key=''))['status'] == 'disabled'
    assert mon.normalize_monitor(dict(RAW, callback_key=''))['has_callback_key'] is False
    assert mon.normalize_monitor(dict(RAW, bak_ip='192.0.2.1,192.0.2.2'))['bak_ip'] == ['192.0.2.1', '192.0.2.2']


@pytest.mark.parametrize('params, parameter, code', [
    ({'host': 'bad host'}, 'host', '8'),
    ({'host': ''}, 'host', '8'),
    ({'host': '-a.example.com'}, 'host', '8'),
    ({'port': 0}, 'port', '9'),
    ({'port': 65536}, 'port', '9'),
    ({'port': '80a'}, 'port', '9'),
    ({'monitor_type': 'ftp'}, 'monitor_type', '10'),
    ({'monitor_path': 'health'}, 'monitor_path', '11'),
    ({'monitor_path': '/a b'}, 'monitor_path', '11'),
    ({'monitor_path': '/é'}, 'monitor_path', '11'),
    ({'monitor_path': '/' + 'x' * 255}, 'monitor_path', '11'),
    ({'monitor_interval': 120}, 'monitor_interval', '12'),
    ({'points': []}, 'points', '13'),
    ({'points': ['ctc', 'CTC']}, 'points', '13'),
    ({'points': ['c t c']}, 'points', '13'),
    ({'bak_ip': []}, 'bak_ip', '15'),
    ({'bak_ip': ['stop now']}, 'bak_ip', '15'),
    ({'bak_ip': ['pass', '192.0.2.1']}, 'bak_ip', '15'),
    ({'bak_ip': ['192.0.2.1', '']}, 'bak_ip', '15'),
    ({'bak_ip': ['192.0.2.1', '192.0.2.1']}, 'bak_ip', '17'),
    ({'sms_notice': ['boss']}, 'sms_notice', '18'),
    ({'sms_notice': ['me', 'me']}, 'sms_notice', '18'),
    ({'email_notice': ['all']}, 'email_notice', '19'),
    ({'callback_url': 'ftp://example.com/'}, 'callback_url', '22'),
    ({'callback_url': 'https://exa mple.com/'}, 'callback_url', '22'),
    ({'callback_url': 'https://example.com/' + 'x' * 250}, 'callback_url', '22'),
    ({'status': 'paused'}, 'status', None),
])
def test_bad_input_names_the_parameter_and_the_code(params, parameter, code):
    with pytest.raises(mon.MonitorValidationError) as info:
        mon.validate_desired(params)
    assert info.value.parameter == parameter and info.value.code == code
    assert str(info.value).startswith(parameter + ': ')


def test_good_input_is_normalised_and_only_given_fields_kept():
    desired = mon.validate_desired({'host': 'www.example.com', 'port': '443', 'monitor_type': 'HTTPS',
                                    'monitor_interval': 180, 'points': 'ctc,cuc', 'bak_ip': ['AUTO'],
                                    'sms_notice': [], 'email_notice': ['share', 'me'], 'less_notice': True,
                                    'callback_url': '', 'callback_key': 'x', 'status': 'disabled',
                                    'monitor_path': None})
    assert desired == {'host': 'www.example.com', 'port': 443, 'monitor_type': 'https', 'monitor_interval': 180,
                       'points': ['ctc', 'cuc'], 'bak_ip': ['auto'], 'sms_notice': [],
                       'email_notice': ['share', 'me'], 'less_notice': True, 'callback_url': '',
                       'callback_key': 'x', 'status': 'disabled'}
    assert mon.validate_desired({'bak_ip': 'Backup.Example.net., 192.0.2.9'})['bak_ip'] == \
        ['backup.example.net', '192.0.2.9']


def test_record_dependent_checks():
    mon.check_bak_ip_for_record(['pass'], 'A', '192.0.2.10')
    mon.check_bak_ip_for_record(['192.0.2.11'], 'A', '192.0.2.10')
    mon.check_bak_ip_for_record(['b.example.net'], 'CNAME', 'a.example.net.')
    for bak, rtype, value, code in ((['b.example.net'], 'A', '192.0.2.10', '15'),
                                    (['192.0.2.1'], 'CNAME', 'a.example.net.', '16'),
                                    (['192.0.2.10'], 'A', '192.0.2.10', '17'),
                                    (['a.example.net'], 'CNAME', 'A.example.net.', '17')):
        with pytest.raises(mon.MonitorValidationError) as info:
            mon.check_bak_ip_for_record(bak, rtype, value)
        assert info.value.code == code
    offer = {'ctc': '电信', 'cuc': '联通', 'cmc': '移动'}
    mon.check_points_available(['ctc', 'cuc'], offer, 2)
    with pytest.raises(mon.MonitorValidationError, match='code 13'):
        mon.check_points_available(['xyz'], offer, 999)
    with pytest.raises(mon.MonitorValidationError, match='code 14'):
        mon.check_points_available(['ctc', 'cuc', 'cmc'], offer, 2)


def test_plan_changes_only_what_differs():
    current = mon.normalize_monitor(RAW)
    same = {'host': 'WWW.example.com.', 'port': 80, 'points': ['cuc', 'ctc'], 'bak_ip': ['pass'],
            'email_notice': ['share', 'me'], 'sms_notice': ['me'], 'less_notice': False, 'callback_url': '',
            'callback_key': 'k1', 'keep_ttl': True, 'status': 'enabled'}
    assert mon.plan_changes(same, current, 'k1') == {}
    changes = mon.plan_changes({'port': 8080, 'points': ['ctc'], 'callback_key': 'k2', 'less_notice': True},
                               current, 'k1')
    assert changes == {'port': 8080, 'points': ['ctc'], 'callback_key': 'k2', 'less_notice': True}
    # a key the API does not report is not compared
    assert mon.plan_changes({'callback_key': 'k2'}, current, None) == {}
    # backup order matters
    ordered = mon.normalize_monitor(dict(RAW, bak_ip='192.0.2.1,192.0.2.2'))
    assert mon.plan_changes({'bak_ip': ['192.0.2.2', '192.0.2.1']}, ordered, 'k1') == \
        {'bak_ip': ['192.0.2.2', '192.0.2.1']}


def test_modify_params_send_required_fields_and_only_changed_optional_ones():
    current = mon.normalize_monitor(RAW)
    params = mon.modify_params('abc', current, {'port': 8080, 'sms_notice': []}, keep_ttl=True)
    assert params == {'monitor_id': 'abc', 'port': '8080', 'monitor_interval': '360', 'monitor_type': 'http',
                      'monitor_path': '/', 'points': 'ctc,cuc', 'bak_ip': 'pass', 'host': 'www.example.com',
                      'sms_notice': '', 'keep_ttl': 'yes'}
    created = mon.create_params('1001', '501', {'port': 80, 'points': ['ctc'], 'less_notice': False,
                                                'callback_key': 'z'})
    assert created == {'domain_id': '1001', 'record_id': '501', 'port': '80', 'points': 'ctc', 'less_notice': 'no',
                       'callback_key': 'z'}


def test_predict_diff_and_public_changes_mask_the_key():
    current = mon.normalize_monitor(dict(RAW, callback_key=''))
    after = mon.predict(current, {'callback_key': 'sekrit', 'port': 81}, 'disabled')
    assert after['has_callback_key'] and after['port'] == 81 and after['status'] == 'disabled'
    view = mon.diff_view(after, {'callback_key': 'sekrit'})
    assert 'sekrit' not in repr(view) and view['callback_key'].startswith(mon.REDACTED)
    assert mon.diff_view(current)['callback_key'] == ''
    assert mon.public_changes({'callback_key': 'sekrit', 'port': 81}) == {'callback_key': mon.REDACTED, 'port': 81}
    assert mon.diff_view(None) == {}


def test_find_monitor_and_record():
    other = dict(RAW, monitor_id='other', domain_id='2002')
    assert mon.find_monitor([other, RAW], '1001', record_id='501')['monitor_id'] == 'abc'
    assert mon.find_monitor([RAW], '1001', sub_domain='WWW', record_line='默认', value='192.0.2.10') is RAW
    assert mon.find_monitor([RAW], '1001', sub_domain='www', record_line='电信', value='192.0.2.10') is None
    assert mon.find_monitor([other], '1001', record_id='501') is None
    records = [{'id': '1', 'record_type': 'MX', 'value': '192.0.2.10'},
               {'id': '2', 'record_type': 'CNAME', 'value': 'a.example.net.'}]
    assert mon.find_record(records, value='192.0.2.10') is None
    assert mon.find_record(records, value='A.example.net')['id'] == '2'
    assert mon.find_record(records, record_id='2')['id'] == '2'
    assert mon.record_type_of('192.0.2.1') == 'A' and mon.record_type_of('a.example.net.') == 'CNAME'


def test_check_hours():
    assert mon.check_hours(24) == 24
    for bad in (0, 721, 'x', True):
        with pytest.raises(mon.MonitorValidationError):
            mon.check_hours(bad)


# The client-side checks and the emulator's must agree on every case: the same code, or both accept.
CROSS = [
    ('host', mon.check_host, emu_monitor.check_host,
     ['www.example.com', 'a_b.example.com', '192.0.2.1', 'bad host', '', '-x.example.com', 'x' * 64, 'a..b']),
    ('port', mon.check_port, emu_monitor.check_port, ['1', '80', '65535', '0', '65536', '-1', 'x', '']),
    ('monitor_type', mon.check_monitor_type, emu_monitor.check_type, ['http', 'https', 'HTTP', 'ftp', '']),
    ('monitor_path', mon.check_monitor_path, emu_monitor.check_path,
     ['/', '/a?b=c', 'a', '/a b', '', '/' + 'y' * 254, '/' + 'y' * 255]),
    ('monitor_interval', mon.check_interval, emu_monitor.check_interval, ['60', '180', '360', '120', '', 'x']),
    ('sms_notice', lambda v: mon.check_notice(v, 'sms_notice'), emu_monitor.check_sms,
     ['', 'me', 'me,share', 'me,me', 'boss']),
    ('email_notice', lambda v: mon.check_notice(v, 'email_notice'), emu_monitor.check_email,
     ['', 'share', 'all', 'share,share']),
    ('callback_url', mon.check_callback_url, emu_monitor.check_callback_url,
     ['', 'http://a.example.com', 'https://a.example.com:8443/x?y=1', 'ftp://a', 'https://a b', 'x' * 300]),
]


def _outcome(func, value):
    try:
        func(value)
        return 'ok'
    except mon.MonitorValidationError as exc:
        return exc.code
    except ApiError as exc:
        return exc.code


@pytest.mark.parametrize('name, ours, theirs, values', CROSS, ids=[c[0] for c in CROSS])
def test_client_checks_agree_with_the_emulator(name, ours, theirs, values):
    for value in values:
        assert _outcome(ours, value) == _outcome(theirs, value), (name, value)


def test_bak_ip_checks_agree_with_the_emulator():
    class Rec(object):
        def __init__(self, rtype, value):
            self.type, self.value = rtype, value
    cases = [('A', '192.0.2.10', v) for v in ('pass', 'AUTO', '192.0.2.1,192.0.2.2', '192.0.2.10', 'x.example.com',
                                              '192.0.2.1,192.0.2.1', '192.0.2.999', '')]
    cases += [('CNAME', 'a.example.net.', v) for v in ('b.example.net', '192.0.2.1', 'a.example.net', 'pause')]
    for rtype, value, bak in cases:
        def ours(text, rtype=rtype, value=value):
            mon.check_bak_ip_for_record(mon.check_bak_ip(text), rtype, value)
        assert _outcome(ours, bak) == _outcome(lambda text: emu_monitor.check_bak_ip(text, Rec(rtype, value)), bak), \
            (rtype, value, bak)


def monitor_params(**extra):
    params = dict((name, None) for name in mon.FIELDS + ('less_notice', 'keep_ttl', 'status'))
    params.update(domain='Example.COM', record_id=None, sub_domain='www', value='192.0.2.10', record_line=None)
    params.update(extra)
    return params


def test_check_params_before_any_call():
    assert mon.check_params(monitor_params(port=8080)) == ({'port': 8080}, None, 'example.com')
    assert mon.check_params(monitor_params(domain='1001', record_id=' 501 ', sub_domain=None, value=None)) == (
        {}, '501', '1001')
    for extra, message in [(dict(record_id='x', sub_domain=None), '^record_id: '), (dict(domain='bad..com'), '^domain: '),
                           (dict(sub_domain='a..b'), '^sub_domain: '), (dict(value=' '), '^value: '),
                           (dict(port=0), r'^port: .*code 9')]:
        with pytest.raises(TaskError, match=message):
            mon.check_params(monitor_params(**extra))


def test_sub_domain_of_a_domain_given_by_id_fails_naming_the_option():
    assert mon.relative_sub_domain('www.example.com', 'example.com') == 'www'
    with pytest.raises(TaskError, match='^sub_domain: '):
        mon.relative_sub_domain('www.other.org.', 'example.com')


def test_check_info_params():
    params = dict(hours=6, gather=['monitors'], downs_limit=None, domain=None, sub_domain=None)
    assert mon.check_info_params(params) == 6
    for extra, message in [(dict(downs_limit=0), '^downs_limit: '), (dict(gather=['subdomains']), '^domain: required'),
                           (dict(gather=['subvalues'], domain='example.com'), '^sub_domain: required'),
                           (dict(hours=0), '^hours: ')]:
        with pytest.raises(TaskError, match=message):
            mon.check_info_params(dict(params, **extra))
