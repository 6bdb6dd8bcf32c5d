"""Fault injection (tests/emulator/faults.py): scoping by action and count, each kind, logging."""
import http.client
import json
import socket
import time
import urllib.parse

import pytest

TOKEN = '10000,0123456789abcdef0123456789abcdef'
UA = 'dnspod-emulator-tests/1.0 (tests@example.com)'


def set_faults(emu, rules):
    status, _h, data = emu.http('POST', '/_emulator/faults', json.dumps(rules).encode('utf-8'))
    return status, json.loads(data.decode('utf-8'))


def raw_post(emu, action, timeout=10, **params):
    """(HTTP status, body bytes), or the exception the connection raised."""
    parsed = urllib.parse.urlsplit(emu.url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=timeout)
    body = urllib.parse.urlencode(dict({'format': 'json', 'login_token': TOKEN}, **params))
    try:
        headers = {'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': UA}
        conn.request('POST', '/' + action, body, headers)
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as exc:
        return None, exc
    finally:
        conn.close()


def test_code_fault_scoped_to_an_action_after_skip(emu):
    status, report = set_faults(emu, [{'kind': 'code', 'code': '-2', 'action': 'Record.List', 'skip': 1,
                                       'times': 2}])
    assert status == 200 and report['faults'][0]['spoiled'] == 0
    codes = [emu.code('Record.List', domain='example.com', error_on_empty='no') for _i in range(4)]
    assert codes == ['1', '-2', '-2', '1']
    assert emu.code('Domain.Info', domain='example.com') == '1'
    log = emu.requests()
    assert [e.get('fault') for e in log] == [None, 'code -2', 'code -2', None, None]
    assert [e['code'] for e in log][:3] == ['1', '-2', '-2']
    assert json.loads(emu.http('GET', '/_emulator/faults')[2])['injected'] == 2


def test_prefix_and_unlimited_times(emu):
    set_faults(emu, [{'kind': 'code', 'code': '85', 'action': 'Domain.*', 'times': 0}])
    assert [emu.code('Domain.Info', domain='example.com') for _i in range(3)] == ['85'] * 3
    assert emu.code('Record.List', domain='example.com', error_on_empty='no') == '1'


@pytest.mark.parametrize('rules, error', [
    ([{'kind': 'explode'}], 'kind'),
    ([{'kind': 'code'}], 'code'),
    ([{'kind': 'http', 'times': -1}], 'times'),
    ([{'kind': 'http', 'typo': 1}], 'typo'),
    ([{'kind': 'drift', 'after': False}], 'after'),
    ({'faults': 'x'}, 'list'),
])
def test_invalid_rules_are_refused(emu, rules, error):
    status, answer = set_faults(emu, rules)
    assert status == 400 and error in answer['error']


def test_http_html_truncated_xml_reset(emu):
    set_faults(emu, [{'kind': 'http', 'status': 503}, {'kind': 'html'}, {'kind': 'truncated'},
                     {'kind': 'xml'}, {'kind': 'reset'}])
    status, body = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status == 503 and b'<html>' in body
    status, body = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status == 200 and body.startswith(b'<!DOCTYPE html>')
    status, body = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status == 200
    with pytest.raises(ValueError):
        json.loads(body.decode('ascii'))
    status, body = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status == 200 and body.startswith(b'<?xml') and b'<code>1</code>' in body
    status, exc = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status is None and isinstance(exc, (OSError, http.client.HTTPException))
    status, body = raw_post(emu, 'Domain.Info', domain='example.com')
    assert status == 200 and json.loads(body.decode('ascii'))['status']['code'] == '1'


def test_before_faults_do_not_run_the_action(emu):
    set_faults(emu, [{'kind': 'reset', 'action': 'Record.Create'}])
    raw_post(emu, 'Record.Create', domain='example.com', sub_domain='www', record_type='A',
             record_line='默认', value='192.0.2.1')
    assert [r['type'] for r in emu.records()] == ['NS', 'NS']
    entry = emu.requests()[0]
    assert entry['write'] is False and entry['write_action'] is True and entry['fault'] == 'reset'


def test_after_faults_run_the_action_and_lose_the_answer(emu):
    set_faults(emu, [{'kind': 'reset', 'action': 'Record.Create', 'after': True}])
    status, _exc = raw_post(emu, 'Record.Create', domain='example.com', sub_domain='www', record_type='A',
                            record_line='默认', value='192.0.2.1')
    assert status is None
    assert [r['value'] for r in emu.records() if r['type'] == 'A'] == ['192.0.2.1']
    entry = emu.requests()[0]
    assert entry['write'] is True and entry['fault'] == 'reset' and entry['code'] == '1'


def test_stall_past_the_timeout(emu):
    set_faults(emu, [{'kind': 'stall', 'seconds': 1.0}])
    started = time.monotonic()
    status, exc = raw_post(emu, 'Domain.Info', timeout=0.3, domain='example.com')
    assert status is None and isinstance(exc, socket.timeout)
    assert time.monotonic() - started < 1.0


def test_drift_flips_types(emu):
    emu.create(sub_domain='www', record_type='A', value='192.0.2.1')
    set_faults(emu, [{'kind': 'drift', 'action': 'Record.List'}, {'kind': 'drift', 'action': 'Domain.Info'}])
    record = [r for r in emu.records() if r['type'] == 'A'][0]
    assert isinstance(record['id'], int) and record['status'] == 'enable' and record['weight'] is None
    assert record['remark'] is False
    domain = emu.call('Domain.Info', domain='example.com')['domain']
    assert isinstance(domain['id'], int)


def test_reset_clears_the_rules(emu):
    set_faults(emu, [{'kind': 'code', 'code': '-99', 'times': 0}])
    emu.reset(None)
    report = json.loads(emu.http('GET', '/_emulator/faults')[2])
    assert report == {'injected': 0, 'faults': []}
