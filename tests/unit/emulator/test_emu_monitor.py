"""Monitor.* (D-monitor) in the emulator: parameters, codes 6-22, quotas, history, seed and dump."""
import pytest

from emulator.seed import SeedError, build_state

TOKEN = '10000,0123456789abcdef0123456789abcdef'


def one_domain_seed(settings=None, grade='DP_Free', records=None, **domain):
    """The account of the emulator tests with example.com (id 1001); kept here, not imported from
    conftest, so that the module imports the same way whichever conftest pytest loaded last."""
    dom = {'id': 1001, 'name': 'example.com', 'grade': grade, 'records': records or []}
    dom.update(domain)
    seed = {'accounts': [{'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN,
                          'password': 'emulator-password', 'domains': [dom]}]}
    if settings:
        seed['settings'] = settings
    return seed


A_WWW = {'id': 501, 'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.10'}
A_APEX = {'id': 502, 'sub_domain': '@', 'record_type': 'A', 'value': '192.0.2.20'}
A_API = {'id': 503, 'sub_domain': 'api', 'record_type': 'A', 'value': '192.0.2.30', 'record_line': '电信'}
CNAME = {'id': 504, 'sub_domain': 'cdn', 'record_type': 'CNAME', 'value': 'cdn.example.net'}
MX = {'id': 505, 'sub_domain': '@', 'record_type': 'MX', 'value': 'mail.example.com', 'mx': 10}
RECORDS = [A_WWW, A_APEX, A_API, CNAME, MX]

GOOD = dict(domain_id='1001', record_id='501', port='80', monitor_interval='360', host='www.example.com',
            monitor_type='http', monitor_path='/', points='ctc,cuc', bak_ip='pass')


def _seed(grade='DP_Free', monitors=None, settings=None, **domain):
    if monitors is not None:
        domain['monitors'] = monitors
    return one_domain_seed(settings=settings, grade=grade, records=[dict(r) for r in RECORDS], **domain)


@pytest.fixture
def memu(start_emulator):
    return start_emulator(_seed(settings={'monitor_down_rate': 0}))


def _create(emu, **over):
    params = dict(GOOD)
    params.update(over)
    return emu.call('Monitor.Create', **dict((k, v) for k, v in params.items() if v is not None))


def test_create_list_info_modify_remove(memu):
    answer = _create(memu, callback_url='https://hooks.example.com/dnspod', callback_key='s3cret')
    assert answer['status']['code'] == '1', answer
    mid = answer['monitor']['monitor_id']
    assert answer['monitor']['record_id'] == 501
    listed = memu.call('Monitor.List')
    assert listed['info'] == {'total_count': 1, 'down_count': 0}
    mon = listed['monitors'][0]
    assert mon['monitor_id'] == mid
    assert (mon['domain'], mon['domain_id'], mon['record_id'], mon['sub_domain'], mon['record_line'],
            mon['ip']) == ('example.com', '1001', '501', 'www', '默认', '192.0.2.10')
    assert (mon['port'], mon['monitor_interval'], mon['points'], mon['bak_ip']) == ('80', '360', 'ctc,cuc', 'pass')
    assert (mon['sms_notice'], mon['email_notice'], mon['less_notice']) == ('me', 'me', 'no')
    assert mon['callback_key'] == 's3cret' and mon['monitor_status'] == 'enabled' and mon['status'] == 'Ok'
    info = memu.call('Monitor.Info', monitor_id=mid)['info']
    assert info == mon

    change = dict(monitor_id=mid, port='8080', monitor_interval='180', monitor_type='https', monitor_path='/health',
                  points='cmc', bak_ip='192.0.2.99,192.0.2.98', sms_notice='', email_notice='me,share',
                  less_notice='yes')
    assert memu.code('Monitor.Modify', **change) == '1'
    info = memu.call('Monitor.Info', monitor_id=mid)['info']
    assert (info['port'], info['monitor_interval'], info['monitor_type'], info['monitor_path'], info['points'],
            info['bak_ip'], info['sms_notice'], info['email_notice'], info['less_notice']) == \
        ('8080', '180', 'https', '/health', 'cmc', '192.0.2.99,192.0.2.98', '', 'me,share', 'yes')
    assert info['host'] == 'www.example.com' and info['callback_key'] == 's3cret'   # absent: kept
    # the same Modify again changes nothing: logged as no write
    assert memu.code('Monitor.Modify', **change) == '1'
    log = memu.requests()
    assert [e['write'] for e in log if e['action'] == 'Monitor.Modify'] == [True, False]
    assert all(e['write_action'] for e in log if e['action'] == 'Monitor.Modify')

    assert memu.code('Monitor.Remove', monitor_id=mid) == '1'
    assert memu.call('Monitor.List')['monitors'] == []
    assert memu.code('Monitor.Remove', monitor_id=mid) == '6'
    assert memu.code('Monitor.Info', monitor_id=mid) == '7'


def test_callback_key_is_redacted_in_the_request_log_and_dump(memu):
    _create(memu, callback_url='https://hooks.example.com/x', callback_key='very-secret-key')
    log = memu.requests()
    assert log[-1]['params']['callback_key'] == '***'
    assert 'very-secret-key' not in repr(log)
    assert 'very-secret-key' not in repr(memu.state())


@pytest.mark.parametrize('over, code', [
    ({'domain_id': None}, '6'),
    ({'domain_id': '999'}, '6'),
    ({'domain_id': 'abc'}, '6'),
    ({'record_id': None}, '7'),
    ({'record_id': '9999'}, '7'),
    ({'record_id': '505'}, '7'),                    # MX: not monitored
    ({'host': None}, '8'),
    ({'host': 'bad host'}, '8'),
    ({'host': '-x.example.com'}, '8'),
    ({'port': None}, '9'),
    ({'port': '0'}, '9'),
    ({'port': '65536'}, '9'),
    ({'port': '80a'}, '9'),
    ({'monitor_type': 'ftp'}, '10'),
    ({'monitor_type': None}, '10'),
    ({'monitor_path': 'health'}, '11'),
    ({'monitor_path': '/a b'}, '11'),
    ({'monitor_path': '/' + 'x' * 255}, '11'),
    ({'monitor_interval': '120'}, '12'),
    ({'monitor_interval': None}, '12'),
    ({'points': 'ctc,xyz'}, '13'),
    ({'points': 'ctc,ctc'}, '13'),
    ({'points': ''}, '13'),
    ({'points': 'ctc,cuc,cmc'}, '14'),              # free grade: 2 points
    ({'bak_ip': None}, '15'),
    ({'bak_ip': 'stop'}, '15'),
    ({'bak_ip': '192.0.2.1,'}, '15'),
    ({'bak_ip': '192.0.2.300'}, '15'),
    ({'bak_ip': '192.0.2.10'}, '17'),                # the monitored address itself
    ({'bak_ip': '192.0.2.1,192.0.2.1'}, '17'),
    ({'record_id': '504', 'bak_ip': '192.0.2.1'}, '16'),  # CNAME: backups are host names
    ({'sms_notice': 'me,boss'}, '18'),
    ({'sms_notice': 'me,me'}, '18'),
    ({'email_notice': 'all'}, '19'),
    ({'less_notice': 'maybe'}, '3'),
    ({'keep_ttl': 'sometimes'}, '3'),
    ({'callback_url': 'ftp://x.example.com/'}, '22'),
    ({'callback_url': 'https://exa mple.com/'}, '22'),
    ({'callback_url': 'https://example.com/' + 'x' * 250}, '22'),
])
def test_create_validation_codes(memu, over, code):
    answer = _create(memu, **over)
    assert answer['status']['code'] == code, answer
    assert memu.call('Monitor.List')['monitors'] == []
    assert not any(e['write'] for e in memu.requests())


def test_create_accepts_cname_with_host_backups_and_modes(memu):
    assert _create(memu, record_id='504', bak_ip='backup.example.net,backup2.example.net')['status']['code'] == '1'
    for i, mode in enumerate(('pause', 'auto')):
        assert _create(memu, record_id=str(502 + i), bak_ip=mode.upper())['status']['code'] in ('1', '21')


def test_one_monitor_per_record_and_quota_per_grade(memu, start_emulator):
    assert _create(memu)['status']['code'] == '1'
    assert _create(memu)['status']['code'] == '20'
    assert _create(memu, record_id='502')['status']['code'] == '1'
    assert _create(memu, record_id='503')['status']['code'] == '21'        # DP_Free: 2 per domain
    desc = memu.call('Monitor.Userdesc')
    assert desc['user'] == {'max_count': 2, 'use_count': 2}
    assert desc['desc'] == {'unmoniting_count': 2, 'moniting_count': 2, 'down_count': 0}

    plus = start_emulator(_seed(grade='DP_Plus'))
    assert _create(plus, points='ctc,cuc,cmc')['status']['code'] == '1'
    assert plus.call('Monitor.Userdesc')['user']['max_count'] == 10
    capped = start_emulator(_seed(grade='DP_Plus', settings={'monitor_quota': 1}))
    assert _create(capped)['status']['code'] == '1'
    assert _create(capped, record_id='502')['status']['code'] == '21'


def test_modify_codes(memu):
    mid = _create(memu)['monitor']['monitor_id']
    base = dict(monitor_id=mid, port='80', monitor_interval='360', monitor_type='http', monitor_path='/',
                points='ctc', bak_ip='pass')
    assert memu.code('Monitor.Modify', **dict(base, monitor_id='nope')) == '7'
    assert memu.code('Monitor.Modify', **dict(base, host='a b')) == '8'
    assert memu.code('Monitor.Modify', **dict(base, port='-1')) == '9'
    assert memu.code('Monitor.Modify', **dict(base, monitor_type='tcp')) == '10'
    assert memu.code('Monitor.Modify', **dict(base, monitor_path='')) == '11'
    assert memu.code('Monitor.Modify', **dict(base, monitor_interval='30')) == '12'
    assert memu.code('Monitor.Modify', **dict(base, points='abc')) == '13'
    assert memu.code('Monitor.Modify', **dict(base, points='ctc,cuc,cmc')) == '14'
    assert memu.code('Monitor.Modify', **dict(base, bak_ip='x')) == '15'
    assert memu.code('Monitor.Modify', **dict(base, bak_ip='192.0.2.10')) == '17'
    assert memu.code('Monitor.Modify', **dict(base, sms_notice='x')) == '18'
    assert memu.code('Monitor.Modify', **dict(base, email_notice='x')) == '19'
    assert memu.code('Monitor.Modify', **dict(base, callback_url='nope')) == '22'
    assert memu.code('Monitor.Modify', **dict(base, points=None)) == '13'
    assert memu.call('Monitor.Info', monitor_id=mid)['info']['points'] == 'ctc,cuc'


def test_setstatus(memu):
    mid = _create(memu)['monitor']['monitor_id']
    assert memu.code('Monitor.Setstatus', monitor_id='x', status='disabled') == '6'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='off') == '7'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='disable') == '1'
    assert memu.call('Monitor.Info', monitor_id=mid)['info']['monitor_status'] == 'disabled'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='disabled') == '1'
    writes = [e['write'] for e in memu.requests() if e['action'] == 'Monitor.Setstatus' and e['code'] == '1']
    assert writes == [True, False]
    # enabling needs an enabled record and domain
    assert memu.code('Record.Status', domain_id='1001', record_id='501', status='disable') == '1'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='enabled') == '9'
    assert memu.code('Record.Status', domain_id='1001', record_id='501', status='enable') == '1'
    assert memu.code('Domain.Status', domain_id='1001', status='disable') == '1'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='enabled') == '8'
    assert memu.code('Domain.Status', domain_id='1001', status='enable') == '1'
    assert memu.code('Monitor.Setstatus', monitor_id=mid, status='enabled') == '1'


def test_listsubdomain_and_listsubvalue(memu, start_emulator):
    answer = memu.call('Monitor.Listsubdomain', domain_id='1001')
    assert answer['status']['code'] == '1'
    assert answer['subdomain'] == ['@', 'api', 'www']
    assert answer['domain']['name'] == 'example.com'
    assert memu.code('Monitor.Listsubdomain', domain_id='999') == '6'
    assert memu.code('Monitor.Listsubdomain', domain='nope.example') == '6'
    assert memu.code('Monitor.Listsubdomain', domain_id='x') == '7'
    assert memu.code('Monitor.Listsubdomain') == '7'
    values = memu.call('Monitor.Listsubvalue', domain='example.com', subdomain='api')
    assert values['records'] == [{'id': '503', 'area': '电信', 'value': '192.0.2.30'}]
    assert values['points'] == {'max': 2, 'list': {'ctc': '电信', 'cuc': '联通', 'cmc': '移动'}}
    assert memu.call('Monitor.Listsubvalue', domain_id='1001', subdomain='cdn')['records'] == []
    assert memu.code('Monitor.Listsubvalue', domain_id='1001') == '3'
    assert memu.code('Monitor.Listsubvalue', domain_id='999', subdomain='@') == '6'
    empty = start_emulator(one_domain_seed())
    assert empty.code('Monitor.Listsubdomain', domain_id='1001') == '8'
    assert empty.call('Monitor.Listsubdomain', domain_id='1001', error_on_empty='no')['subdomain'] == []
    plus = start_emulator(_seed(grade='DP_Plus'))
    assert plus.call('Monitor.Listsubvalue', domain_id='1001', subdomain='@')['points']['max'] == 999


def test_history_and_downs_are_deterministic_and_seedable(start_emulator):
    old = '2020-01-01 00:00:00'
    mon = {'monitor_id': 'm-1', 'sub_domain': 'www', 'value': '192.0.2.10', 'monitor_interval': 60,
           'points': 'ctc,cuc', 'created_on': old}
    healthy = start_emulator(_seed(monitors=[mon], settings={'monitor_down_rate': 0}))
    hist = healthy.call('Monitor.Gethistory', monitor_id='m-1', hours='2')
    assert hist['status']['code'] == '1'
    assert [p['point'] for p in hist['monitor_history']] == ['ctc', 'cuc']
    data = hist['monitor_history'][0]['data']['data']
    assert 119 <= len(data) <= 121
    assert all(d['status'] == 'Ok' and d['status_code'] == 200 for d in data)
    assert hist['record'] == {'id': '501', 'sub_domain': 'www', 'ip': '192.0.2.10'}
    assert len(healthy.call('Monitor.Gethistory', monitor_id='m-1')['monitor_history'][0]['data']['data']) in (59, 60, 61)
    assert healthy.code('Monitor.Gethistory', monitor_id='m-1', hours='0') == '3'
    assert healthy.code('Monitor.Gethistory', monitor_id='zzz') == '6'
    assert healthy.call('Monitor.Getdowns')['monitor_downs'] == []

    down = start_emulator(_seed(monitors=[mon], settings={'monitor_down_rate': 1}))
    assert down.call('Monitor.List')['info']['down_count'] == 1
    alerts = down.call('Monitor.Getdowns')
    assert alerts['info']['total_count'] == '1'
    assert alerts['monitor_downs'][0]['updated_on'] == '0000-00-00 00:00:00'
    assert alerts['monitor_downs'][0]['ip'] == '192.0.2.10'

    def flaky(seed_no):
        emu = start_emulator(_seed(monitors=[mon], settings={'monitor_down_rate': 0.3,
                                                             'monitor_history_seed': seed_no}))
        return emu.call('Monitor.Getdowns', length='3000')['monitor_downs']
    first, again, other = flaky(1), flaky(1), flaky(2)
    assert len(first) > 10
    # the same seed gives the same alerts (the newest may still be growing: compare older ones)
    assert first[2:12] == again[2:12]
    assert [d['created_on'] for d in first[2:12]] != [d['created_on'] for d in other[2:12]]
    emu = start_emulator(_seed(monitors=[mon], settings={'monitor_down_rate': 0.3, 'monitor_history_seed': 1}))
    page = emu.call('Monitor.Getdowns', offset='2', length='3')
    assert page['monitor_downs'] == first[2:5] and int(page['info']['total_count']) == len(first)
    assert emu.code('Monitor.Getdowns', offset='-1') == '3'
    assert emu.code('Monitor.Getdowns', length='0') == '3'


def test_monitor_goes_with_its_record(memu):
    mid = _create(memu)['monitor']['monitor_id']
    assert memu.code('Record.Remove', domain_id='1001', record_id='501') == '1'
    assert memu.code('Monitor.Info', monitor_id=mid) == '7'
    assert memu.call('Monitor.List')['info']['total_count'] == 0


def test_seed_and_dump_round_trip():
    mons = [{'sub_domain': 'www', 'value': '192.0.2.10', 'port': 8080, 'points': ['ctc'], 'bak_ip': '192.0.2.9',
             'callback_url': 'https://h.example.com/', 'callback_key': 'k', 'status': 'disabled',
             'less_notice': True},
            {'record_id': 504, 'monitor_id': 'fixed-id', 'bak_ip': 'auto'}]
    state = build_state(_seed(monitors=mons))
    from emulator.dump import dump
    doc = dump(state)
    dumped = doc['accounts'][0]['domains'][0]['monitors']
    assert [m['record_id'] for m in dumped] == [501, 504]
    assert dumped[0]['port'] == 8080 and dumped[0]['points'] == 'ctc' and dumped[0]['status'] == 'disabled'
    assert dumped[0]['less_notice'] == 'yes' and dumped[1]['monitor_id'] == 'fixed-id'
    assert 'callback_key' not in dumped[0]
    again = dump(build_state(doc))
    assert again['accounts'][0]['domains'][0]['monitors'] == dumped


@pytest.mark.parametrize('mon, where', [
    ({'record_id': 999}, 'monitors[0].record_id'),
    ({'record_id': 505}, 'monitors[0]'),
    ({'sub_domain': 'nope', 'value': '1.2.3.4'}, 'monitors[0]'),
    ({'record_id': 501, 'port': 0}, 'monitors[0]'),
    ({'record_id': 501, 'status': 'on'}, 'monitors[0].status'),
    ({'record_id': 501, 'colour': 'red'}, 'monitors[0]'),
    ({'record_id': 501, 'created_on': 'yesterday'}, 'monitors[0].created_on'),
])
def test_seed_errors_name_the_place(mon, where):
    with pytest.raises(SeedError, match=r'domains\[0\]\.' + where.replace('[', r'\[').replace(']', r'\]')):
        build_state(_seed(monitors=[mon]))


def test_seed_refuses_two_monitors_on_one_record():
    with pytest.raises(SeedError, match='already has a monitor'):
        build_state(_seed(monitors=[{'record_id': 501}, {'record_id': 501}]))
