"""dnspod_monitor and dnspod_monitor_info against the emulator (6 ansible-playbook runs)."""
import re

from seeds import domain, record, seed

SECRET = 'cb-7f3a9c0e41d2b865'
READS = {'Domain.Info', 'Record.List', 'Monitor.List', 'Monitor.Info', 'Monitor.Listsubvalue',
         'Monitor.Listsubdomain', 'Monitor.Gethistory', 'Monitor.Userdesc', 'Monitor.Getdowns'}


def _domain(**extra):
    return domain('example.com',
                  record('www', 'A', '192.0.2.10', id=501),
                  record('@', 'A', '192.0.2.20', id=502),
                  record('api', 'A', '192.0.2.30', id=503, record_line='电信'),
                  record('cdn', 'CNAME', 'cdn.example.net', id=504),
                  id=1001, **extra)


def _www_monitor(**extra):
    mon = dict(monitor_id='mon-www', record_id=501, host='www.example.com', port=80, monitor_type='http',
               monitor_path='/', monitor_interval=360, points='ctc,cuc', bak_ip='pass', sms_notice='me',
               email_notice='me', less_notice='no', callback_url='', created_on='2020-01-01 00:00:00')
    mon.update(extra)
    return mon


def _write_actions(requests):
    """Every call of a write action, accepted or not: what a client must not send needlessly."""
    return [r['action'] for r in requests if r['write_action']]


def _monitors(emulator):
    return emulator.state()['accounts'][0]['domains'][0]['monitors']


def test_lifecycle_idempotence_check_mode_diff_and_secrets(play, emulator):
    emulator.reset(seed(_domain()))
    result = play('monitor_lifecycle.yml', {'callback_secret': SECRET, 'cname_id': '504'}, diff=True, verbosity=3)
    assert result.stat('changed') == 5, result
    assert result.stat('failed') == 0
    # create, (same again: nothing), (check mode: nothing), modify + setstatus, create, remove, (again: nothing)
    assert _write_actions(emulator.requests()) == ['Monitor.Create', 'Monitor.Modify', 'Monitor.Setstatus',
                                                   'Monitor.Create', 'Monitor.Remove']
    modify = [r for r in emulator.requests() if r['action'] == 'Monitor.Modify'][0]['params']
    assert modify['monitor_interval'] == '60' and modify['port'] == '443' and modify['callback_key'] == '***'
    assert 'sms_notice' not in modify          # unchanged optional settings are not sent
    left = _monitors(emulator)
    assert [(m['record_id'], m['bak_ip'], m['port']) for m in left] == [(504, 'backup.example.net', 80)]
    # diff mode shows the change of interval
    assert re.search(r'^\+\s+"monitor_interval": 60', result.stdout, re.M), result
    assert re.search(r'^-\s+"monitor_interval": 180', result.stdout, re.M)
    # the callback key never shows: not at -vvv, not in the diff, not in the emulator's log
    assert SECRET not in result.stdout + result.stderr
    log = emulator.requests()
    assert all(SECRET not in repr(entry) for entry in log)
    assert [r['params']['callback_key'] for r in log if 'callback_key' in r['params']] == ['***', '***']


def test_check_mode_then_apply_then_nothing_to_do(play, emulator):
    emulator.reset(seed(_domain(monitors=[_www_monitor()])))
    want = {'port': 8080, 'bak_ip': ['192.0.2.40'], 'status': 'disabled', 'less_notice': True,
            'points': ['cuc', 'ctc'], 'keep_ttl': True}

    checked = play('monitor_converge.yml', {'want': want}, check=True, diff=True)
    assert checked.stat('changed') == 1
    assert _write_actions(emulator.requests()) == []
    assert re.search(r'^\+\s+"port": 8080', checked.stdout, re.M), checked
    assert _monitors(emulator)[0]['port'] == 80

    before = len(emulator.requests())
    applied = play('monitor_converge.yml', {'want': want})
    assert applied.stat('changed') == 1
    sent = emulator.requests()[before:]
    assert _write_actions(sent) == ['Monitor.Modify', 'Monitor.Setstatus']
    modify = [r for r in sent if r['action'] == 'Monitor.Modify'][0]['params']
    assert (modify['port'], modify['bak_ip'], modify['less_notice'], modify['keep_ttl']) == \
        ('8080', '192.0.2.40', 'yes', 'yes')
    mon = _monitors(emulator)[0]
    assert (mon['port'], mon['bak_ip'], mon['status'], mon['less_notice'], mon['keep_ttl'], mon['points']) == \
        (8080, '192.0.2.40', 'disabled', 'yes', 'yes', 'ctc,cuc')

    before = len(emulator.requests())
    again = play('monitor_converge.yml', {'want': want})
    assert again.stat('changed') == 0
    sent = emulator.requests()[before:]
    assert _write_actions(sent) == []
    assert [r['action'] for r in sent] == ['Domain.Info', 'Monitor.List']


def test_bad_input_names_the_parameter_and_writes_nothing(play, emulator):
    emulator.reset(seed(_domain()))
    cases = [
        {'param': 'host', 'code': '8', 'args': {'host': 'bad host'}},
        {'param': 'port', 'code': '9', 'args': {'port': 70000}},
        {'param': 'monitor_type', 'args': {'monitor_type': 'ftp'}},
        {'param': 'monitor_path', 'code': '11', 'args': {'monitor_path': 'health'}},
        {'param': 'monitor_interval', 'args': {'monitor_interval': 120}},
        {'param': 'points', 'code': '13', 'args': {'points': ['ctc', 'ctc']}},
        {'param': 'bak_ip', 'code': '15', 'args': {'bak_ip': ['pass', '192.0.2.1']}},
        {'param': 'sms_notice', 'args': {'sms_notice': ['boss']}},
        {'param': 'callback_url', 'code': '22', 'args': {'callback_url': 'ftp://hooks.example.com/'}},
        {'param': 'sub_domain', 'args': {'sub_domain': 'www.other.example.'}},
        # found with reads, before any write: more points than the free grade allows, the record's own address
        {'param': 'points', 'code': '14', 'args': {'points': ['ctc', 'cuc', 'cmc']}},
        {'param': 'bak_ip', 'code': '17', 'args': {'bak_ip': ['192.0.2.10']}},
        {'param': 'bak_ip', 'code': '16',
         'args': {'sub_domain': 'cdn', 'value': 'cdn.example.net', 'bak_ip': ['192.0.2.1']}},
    ]
    result = play('monitor_bad_input.yml', {'cases': cases})
    assert result.stat('failed') == 0, result       # every failure was expected and checked
    log = emulator.requests()
    assert _write_actions(log) == []
    assert set(r['action'] for r in log) <= READS
    # the static checks send nothing: only the three record-dependent cases reach the API
    assert len([r for r in log if r['action'] == 'Domain.Info']) == 3
    assert _monitors(emulator) == []


def test_info_reads_everything_and_writes_nothing(play, emulator):
    monitors = [_www_monitor(monitor_interval=180, callback_key='k-info'),
                _www_monitor(monitor_id='mon-apex', record_id=502, host='example.com', status='disabled')]
    emulator.reset(seed(_domain(monitors=monitors), settings={'monitor_down_rate': 1}))
    result = play('monitor_info.yml', {'www_id': 'mon-www'})
    assert result.stat('failed') == 0
    log = emulator.requests()
    assert _write_actions(log) == []
    assert {'Monitor.List', 'Monitor.Info', 'Monitor.Gethistory', 'Monitor.Userdesc', 'Monitor.Getdowns',
            'Monitor.Listsubdomain', 'Monitor.Listsubvalue'} <= set(r['action'] for r in log)
    assert [r['params']['hours'] for r in log if r['action'] == 'Monitor.Gethistory'] == ['2']
    assert 'k-info' not in result.stdout
