"""Control endpoints, request log, seeds, concurrency and the serve.py command line."""
import json
import os
import signal
import subprocess
import sys
import threading
import urllib.parse
import urllib.request

import pytest

import emulator
from emulator.seed import SeedError, build_state

SERVE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', 'emulator',
                                     'serve.py'))


# -- request log -----------------------------------------------------------------------------------
def test_request_log_entries(emu):
    emu.call('Info.Version')
    emu.create(sub_domain='www', record_type='A', value='1.2.3.4')
    emu.create(sub_domain='www', record_type='A', value='1.2.3')
    entries = emu.requests()
    assert [e['seq'] for e in entries] == [1, 2, 3]
    assert [(e['action'], e['code'], e['write']) for e in entries] == [
        ('Info.Version', '1', False), ('Record.Create', '1', True), ('Record.Create', '34', False)]
    assert entries[1]['params']['sub_domain'] == 'www'
    assert entries[1]['params']['record_line'] == '默认'
    assert entries[1]['user_id'] == 10000
    assert [e['seq'] for e in emu.requests(since=2)] == [3]


def test_control_calls_are_not_logged(emu):
    emu.state()
    emu.requests()
    emu.http('GET', '/_emulator/health')
    assert emu.requests() == []


def test_no_secret_appears_in_the_request_log(start_emulator):
    secrets_sent = ['11,tokensecret1', 'usersecret2', 'passwordsecret3', 'codesecret4',
                    'pwsecret5', 'oldsecret6', 'newsecret7', 'locksecret8', 'cookiesecret9']
    emu = start_emulator({'settings': {'flavor': 'intl'}, 'accounts': [
        {'user_id': 11, 'email': 'u@example.com', 'login_token': '11,tokensecret1',
         'password': 'passwordsecret3', 'dtoken': True, 'dtoken_code': 'codesecret4'}]})
    emu.call('User.Detail', login_token='11,tokensecret1',
             login_password='passwordsecret3', login_code='codesecret4', password='pwsecret5',
             old_password='oldsecret6', new_password='newsecret7', lock_code='locksecret8',
             headers={'Cookie': 't11=cookiesecret9'})
    emu.call('Auth', login_email='u@example.com', login_password='passwordsecret3',
             login_code='codesecret4')
    emu.call('User.Detail', user_token='11,usersecret2')
    emu.http('GET', '/Record.List?login_token=11,tokensecret1&format=json')
    _s, _h, body = emu.http('GET', '/_emulator/requests')
    text = body.decode('utf-8')
    for secret in secrets_sent:
        assert secret not in text
    entries = json.loads(text)
    assert entries[0]['params']['login_token'] == '***'
    assert entries[0]['params']['lock_code'] == '***'
    assert entries[0]['code'] == '1'


def test_write_flag_only_for_state_changes(emu):
    emu.call('Domain.Status', domain='example.com', status='enable')     # already enabled
    emu.call('Domain.Status', domain='example.com', status='disable')
    emu.call('Domain.Info', domain='example.com')
    entries = emu.requests()
    assert [(e['write'], e['write_action']) for e in entries] == [
        (False, True), (True, True), (False, False)]


# -- reset and state -------------------------------------------------------------------------------
def test_reset_replaces_state_and_clears_the_log(emu):
    emu.create(sub_domain='x', record_type='A', value='1.1.1.1')
    status, _h, _b = emu.reset({'accounts': [{'login_token': '5,five', 'domains': [
        {'name': 'other.com'}]}]})
    assert status == 200
    assert emu.requests() == []
    assert emu.code('Domain.Info', domain='example.com') == '10002'
    assert emu.code('Domain.Info', login_token='5,five', domain='other.com') == '1'


def test_reset_with_empty_body_is_the_default_state(emu):
    assert emu.reset()[0] == 200
    state = emu.state()
    assert [(a['user_id'], a['email'], a['domains']) for a in state['accounts']] \
        == [(10000, 'api@example.com', [])]
    assert emu.code('User.Detail') == '1'
    assert emu.call('User.Detail', login_email='api@example.com',
                    login_password='emulator-password')['status']['code'] == '1'


def test_reset_with_a_bad_seed_is_400_and_keeps_the_state(emu):
    status, _h, body = emu.reset({'acounts': []})
    assert status == 400 and 'acounts' in json.loads(body)['error']
    assert emu.code('Domain.Info', domain='example.com') == '1'
    status, _h, body = emu.http('POST', '/_emulator/reset', b'{not json')
    assert status == 400


def test_state_dump_has_no_secrets_and_is_a_seed(start_emulator, seed_one):
    seed = seed_one(records=[{'sub_domain': 'www', 'record_type': 'MX', 'value': 'mx.a.com',
                              'mx': 3, 'remark': 'r', 'weight': 5}])
    seed['accounts'][0]['dtoken'] = True
    seed['accounts'][0]['dtoken_code'] = 'dtokencode'
    emu = start_emulator(seed)
    _s, _h, body = emu.http('GET', '/_emulator/state')
    text = body.decode('utf-8')
    for secret in ('0123456789abcdef0123456789abcdef', 'emulator-password', 'dtokencode'):
        assert secret not in text
    dumped = json.loads(text)
    domain = dumped['accounts'][0]['domains'][0]
    assert domain['name'] == 'example.com' and domain['id'] == 1001
    assert [r['hold'] for r in domain['records']] == [True, True, False]
    assert domain['records'][2]['value'] == 'mx.a.com.'
    # the dump is itself a valid seed that gives the same dump
    dumped['accounts'][0]['dtoken_code'] = 'x'
    assert emu.reset(dumped)[0] == 200
    again = emu.state()
    assert again['accounts'][0]['domains'] == dumped['accounts'][0]['domains']


# -- seed validation ---------------------------------------------------------------------------------
def account(**fields):
    acc = {'user_id': 1, 'login_token': '1,x'}
    acc.update(fields)
    return {'accounts': [acc]}


def domain(**fields):
    dom = {'name': 'a.com'}
    dom.update(fields)
    return account(domains=[dom])


def record(**fields):
    rec = {'sub_domain': 'www', 'record_type': 'A', 'value': '1.1.1.1'}
    rec.update(fields)
    return domain(records=[rec])


@pytest.mark.parametrize('seed,message', [
    ({'accountz': []}, 'unknown key'),
    ({'settings': {'flavour': 'cn'}}, 'settings: unknown key'),
    ({'settings': {'flavor': 'us'}}, 'settings.flavor'),
    ({'settings': {'rate_limit_per_hour': '10'}}, 'settings.rate_limit_per_hour'),
    ({'settings': {'id_drift': 1}}, 'settings.id_drift'),
    ({'grades': {'DP_Free': {'min_tll': 1}}}, 'grades.DP_Free'),
    ({'grades': {'DP_Free': {'lines': ['Mars']}}}, 'unknown line'),
    ({'accounts': {}}, 'accounts'),
    (account(mail='a@b.c'), 'accounts[0]: unknown key'),
    (account(login_token='nocomma'), 'login_token'),
    (account(dtoken=True), 'dtoken_code'),
    (account(grade='Gold'), 'unknown grade'),
    ({'accounts': [{'user_id': 1}, {'user_id': 1}]}, 'used twice'),
    (domain(name='not a domain'), 'invalid domain name'),
    (domain(nmae='x'), 'domains[0]: unknown key'),
    (domain(status='paused'), 'status'),
    (domain(ttl='600'), 'ttl'),
    ({'accounts': [{'domains': [{'name': 'a.com'}, {'name': 'A.com'}]}]}, 'used twice'),
    ({'accounts': [{'domains': [{'name': 'a.com', 'id': 5}, {'name': 'b.com', 'id': 5}]}]},
     'used twice'),
    (record(vaule='1.1.1.1'), 'records[0]: unknown key'),
    (record(value='1.1.1'), 'records[0].value'),
    (record(record_type='XYZ'), 'unknown record type'),
    (record(record_line='火星'), 'unknown line'),
    (record(type='A'), 'not both'),
    (record(record_type='MX', value='mx.a.com'), 'mx'),
    (record(ttl=0), 'ttl'),
    (record(status='on'), 'status'),
    (record(sub_domain='a b'), 'sub_domain'),
    (domain(records=[{'record_type': 'A', 'value': '1.1.1.1'},
                     {'record_type': 'A', 'value': '1.1.1.1'}]), 'duplicate'),
    (domain(hold_ns=['not a host']), 'hold_ns'),
])
def test_seed_errors(seed, message):
    with pytest.raises(SeedError) as info:
        build_state(seed)
    assert message in str(info.value)


def test_seed_defaults():
    state = build_state({'accounts': [{'domains': [{'name': 'a.com', 'records': [
        {'name': 'www', 'type': 'CNAME', 'value': 'b.com'}]}]}]})
    acc = state.accounts[0]
    assert (acc.user_id, acc.email, acc.grade, acc.login_token) \
        == (10000, 'user10000@example.com', 'DP_Free', None)
    dom = list(acc.domains.values())[0]
    assert (dom.grade, dom.status, dom.group_id, dom.ttl, dom.locked) \
        == ('DP_Free', 'enable', '1', 600, False)
    recs = dom.sorted_records()
    assert [(r.name, r.type, r.value, r.ttl, r.hold) for r in recs] == [
        ('@', 'NS', 'f1g1ns1.dnspod.net.', 86400, True),
        ('@', 'NS', 'f1g1ns2.dnspod.net.', 86400, True),
        ('www', 'CNAME', 'b.com.', 600, False)]
    assert recs[2].line == '默认' and recs[2].status == 'enabled'


def test_seed_explicit_ids_do_not_collide_with_auto_ids():
    state = build_state({'accounts': [{'domains': [
        {'name': 'a.com'}, {'name': 'b.com', 'id': 10000001}]}]})
    assert sorted(state.domains) == [10000001, 10000002]


# -- concurrency -------------------------------------------------------------------------------------
def test_twenty_threads_create_records_in_one_domain(emu):
    errors = []

    def worker(n):
        try:
            for i in range(5):
                answer = emu.create(sub_domain='t%d-%d' % (n, i), record_type='A',
                                    value='10.0.%d.%d' % (n, i))
                if answer['status']['code'] != '1':
                    errors.append(answer)
        except Exception as exc:     # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    records = [r for r in emu.records() if r['name'].startswith('t')]
    assert len(records) == 100
    assert len(set(r['id'] for r in records)) == 100
    assert len(emu.requests()) == 101
    assert sorted(e['seq'] for e in emu.requests()) == list(range(1, 102))


# -- serve.py --------------------------------------------------------------------------------------
def run_serve(*args, cwd='/'):
    return subprocess.Popen([sys.executable, SERVE] + list(args), cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_serve_prints_the_url_first_and_stops_on_sigterm(tmp_path):
    seed = tmp_path / 'seed.json'
    seed.write_text(json.dumps({'accounts': [{'login_token': '7,seven',
                                              'domains': [{'name': 'cli.com'}]}]}))
    proc = run_serve('--port', '0', '--seed', str(seed), cwd=str(tmp_path))
    try:
        url = proc.stdout.readline().decode().strip()
        assert url.startswith('http://127.0.0.1:')
        data = urllib.parse.urlencode({'login_token': '7,seven', 'format': 'json',
                                       'domain': 'cli.com'}).encode()
        with urllib.request.urlopen(url + '/Domain.Info', data, timeout=10) as response:
            assert json.loads(response.read())['domain']['name'] == 'cli.com'
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        proc.stdout.close()
        proc.stderr.close()


def test_serve_stops_on_sigint():
    proc = run_serve('--port', '0')
    try:
        assert proc.stdout.readline().decode().startswith('http://127.0.0.1:')
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.parametrize('host', ['0.0.0.0', '192.168.1.1', 'example.com', '::1'])
def test_serve_refuses_a_non_loopback_host(host):
    proc = run_serve('--port', '0', '--host', host)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and out == b''
    assert b'loopback' in err


def test_serve_refuses_a_bad_seed(tmp_path):
    seed = tmp_path / 'seed.json'
    seed.write_text('{"accounts": [{"domains": [{"name": "a.com", "ttl": "x"}]}]}')
    proc = run_serve('--seed', str(seed))
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and b'ttl' in err


def test_make_server_refuses_a_non_loopback_host():
    with pytest.raises(ValueError):
        emulator.make_server(host='0.0.0.0')
