"""dnspod_ddns, dnspod_account and dnspod_account_info against the emulator.

ansible-playbook runs in this file: 6 (ddns: 3, account: 3).
"""
import http.server
import json
import threading
import urllib.parse
import urllib.request

import pytest

from seeds import PASSWORD, domain, record, seed, write_actions

RR_ID = 601


def ddns_seed():
    return seed(domain('example.com',
                       record('www', 'A', '192.0.2.1'),
                       record('home', 'A', '192.0.2.9'),
                       record('rr', 'A', '192.0.2.20', id=RR_ID),
                       record('rr', 'A', '192.0.2.21', id=RR_ID + 1)))


@pytest.fixture
def lookup_url():
    """A stand-in for an IP lookup service (https://api.ipify.org and the like), on loopback."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  (the name http.server calls)
            hits.append(self.path)
            body = b'203.0.113.77\n'
            self.send_response(200)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield 'http://127.0.0.1:%d/' % server.server_address[1], hits
    server.shutdown()
    server.server_close()


def records_of(state, name='example.com'):
    for dom in state['accounts'][0]['domains']:
        if dom['name'] == name:
            return dict((r['sub_domain'], r) for r in dom['records']
                        if not r.get('hold') and r.get('id') != RR_ID + 1)
    raise AssertionError('no domain %s' % name)


def write_attempts(requests):
    """Every request of a writing action, whatever its answer: proves nothing was even tried."""
    return [r['action'] for r in requests if r['write_action']]


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_ddns_writes_only_what_differs_then_nothing(play, emulator, lookup_url, api_names):
    url, hits = lookup_url
    emulator.reset(ddns_seed())
    first = play('ddns.yml', {'lookup_url': url, 'rr_id': str(RR_ID)}, diff=True)
    requests = emulator.requests()
    ddns, create = api_names.actions('Record.Ddns', 'Record.Create')
    # five changes, and no write attempt for the refused inputs
    assert write_attempts(requests) == [ddns, ddns, ddns, create, create]
    assert write_actions(requests) == write_attempts(requests)
    ddns_calls = [r for r in requests if r['action'] == ddns]
    assert api_names.param(ddns_calls[0], 'value') == '198.51.100.7'
    assert api_names.param(ddns_calls[0], 'sub_domain') == 'www'
    # source address mode: the API's own view of the caller, no value sent, the name always sent
    assert api_names.param(ddns_calls[1], 'value') is None and api_names.param(ddns_calls[1], 'sub_domain') == 'home'
    rr_id = ddns_calls[2]['params']['RecordId' if api_names.backend == 'tencentcloud' else 'record_id']
    assert str(rr_id) == str(RR_ID) and api_names.param(ddns_calls[2], 'sub_domain') == 'rr'
    assert first.stat('changed') == 5 and first.stat('ignored') == 3
    by_name = records_of(emulator.state())
    assert by_name['www']['value'] == '198.51.100.7'
    assert by_name['home']['value'] == '127.0.0.1'
    assert by_name['rr']['value'] == '203.0.113.5'
    assert by_name['office']['value'] == '203.0.113.77' and by_name['office']['ttl'] == 3600
    assert (by_name['home6']['record_type'], by_name['home6']['value']) == ('AAAA', '2001:db8::7')
    assert hits == ['/']
    # diff output shows the old and the new value
    assert '-www A 192.0.2.1' in first.stdout and '+www A 198.51.100.7' in first.stdout

    before = len(emulator.requests())
    second = play('ddns.yml', {'lookup_url': url, 'rr_id': str(RR_ID), 'first_run': False})
    again = emulator.requests()[before:]
    assert second.stat('changed') == 0
    assert write_attempts(again) == []
    reads = set(api_names.actions('Domain.Info', 'Record.List')) | {
        'DescribeRecord' if api_names.backend == 'tencentcloud' else 'Record.Info'}
    assert again and set(r['action'] for r in again) <= reads


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_ddns_check_mode_sends_no_write(play, emulator, lookup_url):
    url, hits = lookup_url
    emulator.reset(ddns_seed())
    result = play('ddns.yml', {'lookup_url': url, 'rr_id': str(RR_ID)}, check=True, diff=True)
    assert result.stat('changed') == 5
    assert write_attempts(emulator.requests()) == []
    by_name = records_of(emulator.state())
    assert by_name['www']['value'] == '192.0.2.1' and 'office' not in by_name
    assert '+www A 198.51.100.7' in result.stdout
    assert hits == ['/']          # the lookup is a read: asked in check mode too


NEW_PASSWORD = 'Rotated-Pass-2026'
SEED_LOG = '2012-09-04 13:56:24: 111.111.111.111 登陆 成功'


def account_seed():
    return seed(domain('example.com'), nick='Old Nick', telephone='18600000000', telephone_verified=False,
                log=[SEED_LOG])


def account_vars(**extra):
    values = {'account_password': PASSWORD, 'new_account_password': NEW_PASSWORD}
    values.update(extra)
    return values


def test_account_changes_then_nothing_and_no_secret_in_output(play, emulator):
    emulator.reset(account_seed())
    first = play('account.yml', account_vars(rotate_password=True), diff=True, verbosity=3)
    requests = emulator.requests()
    assert write_attempts(requests) == ['User.Modify', 'Useremail.Modify', 'Telephoneverify.Code',
                                        'Telephoneverify.Code', 'Userpasswd.Modify']
    modify = [r['params'] for r in requests if r['action'] == 'User.Modify'][0]
    assert (modify.get('nick'), modify.get('real_name'), 'telephone' in modify) == ('Ops team', 'Example Ltd', False)
    assert 'Userpassword.Modify' not in [r['action'] for r in requests]
    acct = emulator.state()['accounts'][0]
    assert (acct['nick'], acct['real_name'], acct['email']) == ('Ops team', 'Example Ltd', 'dns-admin@example.com')
    assert first.stat('changed') == 5 and first.stat('ignored') == 3
    # the new password is in force: a password login with it works
    assert emulator_login(emulator, 'dns-admin@example.com', NEW_PASSWORD) == '1'
    # secrets: neither password appears anywhere in the -vvv output, and the module saw them as no_log
    for secret in (PASSWORD, NEW_PASSWORD):
        assert secret not in first.stdout and secret not in first.stderr
    assert '"password_changed": true' in first.stdout and '"password": "********"' in first.stdout
    assert '"verify_code"' not in first.stdout
    # the diff shows the profile change
    assert '"nick": "Old Nick"' in first.stdout and '"nick": "Ops team"' in first.stdout

    before = len(emulator.requests())
    second = play('account.yml', account_vars(first_run=False, account_password=NEW_PASSWORD))
    again = emulator.requests()[before:]
    assert second.stat('changed') == 0
    assert write_attempts(again) == []


def test_account_check_mode_sends_no_write(play, emulator):
    emulator.reset(account_seed())
    result = play('account.yml', account_vars(rotate_password=True), check=True, diff=True)
    assert result.stat('changed') == 6
    assert write_attempts(emulator.requests()) == []
    acct = emulator.state()['accounts'][0]
    assert (acct['nick'], acct['email']) == ('Old Nick', 'api@example.com')
    assert emulator_login(emulator, 'api@example.com', PASSWORD) == '1'


def emulator_login(emulator, email, password):
    """Log in by e-mail and password with one User.Detail call; the answer's code."""
    body = urllib.parse.urlencode({'login_email': email, 'login_password': password, 'format': 'json'}).encode()
    request = urllib.request.Request(emulator.url + '/User.Detail', data=body, method='POST',
                                     headers={'User-Agent': 'e2e-tests/1.0 (tests@example.com)'})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode('utf-8'))['status']['code']
