# -*- coding: utf-8 -*-
"""dnspod_api/monitors.py: the Monitor.* actions against the emulator (parameters, answer shapes,
a lost answer of Monitor.Create and Monitor.Remove)."""
import json
import os
import sys
import threading
import urllib.request

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import monitor as mon
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.monitors import Monitors
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import make_server  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'


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
    monitors = Monitors(api).list()
    assert [m['monitor_id'] for m in monitors] == ['m1'] and monitors[0]['callback_key'] == 'k'
    assert Monitors(api).get('m1')['record_id'] == '501'
    assert Monitors(api).get('nope') is None
    assert Monitors(api).subdomains('1001') == ['@', 'www']
    offer = Monitors(api).subvalues('1001', 'www')
    assert offer['points']['max'] == 2 and sorted(offer['points']['list']) == ['cmc', 'ctc', 'cuc']
    assert offer['records'] == [{'id': '501', 'record_line': '默认', 'value': '192.0.2.10'}]
    hist = Monitors(api).history('m1', 2)
    assert [h['point'] for h in hist] == ['ctc', 'cuc'] and len(hist[0]['checks']) >= 119
    assert set(c['status'] for c in hist[0]['checks']) == set(['Ok', 'Down'])
    summary = Monitors(api).summary()
    assert summary['max_count'] == 2 and summary['use_count'] == 1 and summary['monitored'] == 1
    everything = Monitors(api).downs(page_size=100)
    assert len(everything) > 200 and len(set((d['created_on'], d['monitor_id']) for d in everything)) == len(everything)
    assert [d['created_on'] for d in everything] == sorted((d['created_on'] for d in everything), reverse=True)
    assert all(d['monitor_id'] == 'm1' and d['ip'] == '192.0.2.10' for d in everything)
    assert Monitors(api).downs(page_size=7, limit=10)[2:] == everything[2:10]
    new_id = Monitors(api).create(mon.create_params('1001', '502', {
        'host': 'example.com', 'port': 80, 'monitor_type': 'http', 'monitor_path': '/', 'monitor_interval': 60,
        'points': ['ctc'], 'bak_ip': ['pass']}))
    assert new_id and Monitors(api).get(new_id)['sub_domain'] == '@'
    Monitors(api).set_status(new_id, 'disabled')
    assert mon.normalize_monitor(Monitors(api).get(new_id))['status'] == 'disabled'
    Monitors(api).remove(new_id)
    assert Monitors(api).get(new_id) is None
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
    first = Monitors(api).create(params)
    assert [entry['code'] for entry in api.log if entry['action'] == 'Monitor.Create'] == ['transport:HTTP 502']
    assert [entry['action'] for entry in api.log][-1] == 'Monitor.List' and api.writes == 1
    listed = [m['monitor_id'] for m in Monitors(api).list()]
    assert first in listed and len(listed) == 2
    # the same for a Remove whose answer is lost: the retry gets 6, Monitor.Info confirms it is gone
    _faults(api, [{'kind': 'http', 'status': 502, 'action': 'Monitor.Remove', 'after': True, 'times': 1}])
    Monitors(api).remove(first)
    assert [entry['code'] for entry in api.log if entry['action'] == 'Monitor.Remove'] == ['transport:HTTP 502', '6']
    assert Monitors(api).get(first) is None
    # other refusals stay errors
    with pytest.raises(DNSPodAPIError) as info:
        Monitors(api).create(dict(params, record_id='999'))
    assert info.value.code == '7'
