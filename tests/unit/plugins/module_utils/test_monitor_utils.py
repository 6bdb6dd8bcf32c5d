# -*- coding: utf-8 -*-
"""module_utils/monitor.py: checks (mirroring the API's codes), canonical form, change planning,
and the wrappers against the emulator."""
import json
import os
import sys
import threading
import urllib.request

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import actions_monitor as emu_monitor  # noqa: E402  pylint: disable=wrong-import-position
from emulator import make_server  # noqa: E402  pylint: disable=wrong-import-position
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


# -- the wrappers against the emulator ----------------------------------------------------------
@pytest.fixture
def api():
    seed = {'settings': {'monitor_down_rate': 0.05, 'monitor_history_seed': 7},
            'accounts': [{'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN, 'domains': [
                {'id': 1001, 'name': 'example.com', 'records': [
                    {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.10'},
                    {'id': 502, 'sub_domain': '@', 'record_type': 'A', 'value': '192.0.2.20'}],
                 'monitors': [{'monitor_id': 'm1', 'record_id': 501, 'monitor_interval': 60,
                               'created_on': '2020-01-01 00:00:00', 'callback_key': 'k'}]}]}]}
    server = make_server(seed=seed, port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    thread.daemon = True
    thread.start()
    yield DNSPodClient(api_url=server.base_url, login_token=TOKEN, sleep=lambda s: None)
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_wrappers(api):
    monitors = mon.list_monitors(api)
    assert [m['monitor_id'] for m in monitors] == ['m1'] and monitors[0]['callback_key'] == 'k'
    assert mon.get_monitor(api, 'm1')['record_id'] == '501'
    assert mon.get_monitor(api, 'nope') is None
    assert mon.list_subdomains(api, '1001') == ['@', 'www']
    offer = mon.list_subvalues(api, '1001', 'www')
    assert offer['points']['max'] == 2 and sorted(offer['points']['list']) == ['cmc', 'ctc', 'cuc']
    assert offer['records'] == [{'id': '501', 'record_line': '默认', 'value': '192.0.2.10'}]
    hist = mon.get_history(api, 'm1', 2)
    assert [h['point'] for h in hist] == ['ctc', 'cuc'] and len(hist[0]['checks']) >= 119
    assert set(c['status'] for c in hist[0]['checks']) == set(['Ok', 'Down'])
    summary = mon.user_summary(api)
    assert summary['max_count'] == 2 and summary['use_count'] == 1 and summary['monitored'] == 1
    everything = mon.list_downs(api, page_size=100)
    assert len(everything) > 200 and len(set((d['created_on'], d['monitor_id']) for d in everything)) == len(everything)
    assert [d['created_on'] for d in everything] == sorted((d['created_on'] for d in everything), reverse=True)
    assert all(d['monitor_id'] == 'm1' and d['ip'] == '192.0.2.10' for d in everything)
    assert mon.list_downs(api, page_size=7, limit=10)[2:] == everything[2:10]
    new_id = mon.create_monitor(api, mon.create_params('1001', '502', {
        'host': 'example.com', 'port': 80, 'monitor_type': 'http', 'monitor_path': '/', 'monitor_interval': 60,
        'points': ['ctc'], 'bak_ip': ['pass']}))
    assert new_id and mon.get_monitor(api, new_id)['sub_domain'] == '@'
    mon.set_status(api, new_id, 'disabled')
    assert mon.normalize_monitor(mon.get_monitor(api, new_id))['status'] == 'disabled'
    mon.remove_monitor(api, new_id)
    assert mon.get_monitor(api, new_id) is None
    assert api.writes == 3


def _faults(client, rules):
    request = urllib.request.Request(client.api_url + '/_emulator/faults', data=json.dumps(rules).encode('utf-8'),
                                     method='POST', headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200


def test_create_and_remove_repeated_after_a_lost_answer_are_done(api):
    params = mon.create_params('1001', '502', {'host': 'example.com', 'port': 80, 'monitor_type': 'http',
                                               'monitor_path': '/', 'monitor_interval': 60, 'points': ['ctc'],
                                               'bak_ip': ['pass']})
    # the server creates the monitor, then the answer is lost (HTTP 502): Monitor.Create is sent once,
    # and Monitor.List read back shows the monitor
    _faults(api, [{'kind': 'http', 'status': 502, 'action': 'Monitor.Create', 'after': True, 'times': 1}])
    first = mon.create_monitor(api, params)
    assert [entry['code'] for entry in api.log if entry['action'] == 'Monitor.Create'] == ['transport:HTTP 502']
    assert [entry['action'] for entry in api.log][-1] == 'Monitor.List' and api.writes == 1
    listed = [m['monitor_id'] for m in mon.list_monitors(api)]
    assert first in listed and len(listed) == 2
    # the same for a Remove whose answer is lost: the retry gets 6, Monitor.Info confirms it is gone
    _faults(api, [{'kind': 'http', 'status': 502, 'action': 'Monitor.Remove', 'after': True, 'times': 1}])
    mon.remove_monitor(api, first)
    assert [entry['code'] for entry in api.log if entry['action'] == 'Monitor.Remove'] == ['transport:HTTP 502', '6']
    assert mon.get_monitor(api, first) is None
    # other refusals stay errors
    with pytest.raises(DNSPodAPIError) as info:
        mon.create_monitor(api, dict(params, record_id='999'))
    assert info.value.code == '7'
