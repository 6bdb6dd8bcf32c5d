"""Many processes with the same credentials at once (Ansible forks): the first call per credential
is serialised across processes (LoginLatch.first_call), so a wrong credential reaches the API once."""
import multiprocessing
import os
import sys
import threading
import time

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient, LoginLatch
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'
WRONG = '10000,ffffffffffffffffffffffffffffffff'


@pytest.fixture
def emu():
    seed = {'settings': {'latency_seconds': 0.3, 'lockout_failures': 2}, 'accounts': [
        {'user_id': 10000, 'login_token': TOKEN, 'domains': [{'name': 'example.com', 'id': 1001}]}]}
    server = emulator.make_server(seed=seed, port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    thread.daemon = True
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def _task(url, latch_dir, token, queue):
    """One Ansible task: a new process with its own client."""
    try:
        client = DNSPodClient(api_url=url, login_token=token, login_latch_dir=latch_dir, sleep=lambda s: None)
        Domains(client).get('example.com')
        queue.put(('ok', client.calls))
    except DNSPodAPIError as exc:
        queue.put((exc.code, 0))
    except DNSPodError as exc:
        queue.put((type(exc).__name__, 0))


def run_tasks(server, latch_dir, tokens):
    context = multiprocessing.get_context('fork')
    queue = context.Queue()
    procs = [context.Process(target=_task, args=(server.base_url, str(latch_dir), token, queue)) for token in tokens]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=60) for dummy in procs]
    for proc in procs:
        proc.join(10)
    return results


def log(server):
    with server.state.lock:
        return [dict(e) for e in server.state.requests]


def test_twenty_processes_with_a_wrong_token_send_one_login(emu, tmp_path):
    results = run_tasks(emu, tmp_path, [WRONG] * 20)
    sent = log(emu)
    assert [e['code'] for e in sent] == ['10002']          # one refused login reached the API
    assert sorted(code for code, calls in results) == ['10002'] * 20
    # the account is not locked (lockout_failures 2): the right token works
    assert Domains(DNSPodClient(api_url=emu.base_url, login_token=TOKEN, login_latch_dir=str(tmp_path))).get(
        'example.com')['id'] == '1001'


def test_good_credentials_are_not_serialised(emu, tmp_path):
    emu.state.settings['latency_seconds'] = 1.0
    started = time.monotonic()
    results = run_tasks(emu, tmp_path, [TOKEN] * 10)
    elapsed = time.monotonic() - started
    assert [code for code, calls in results] == ['ok'] * 10
    assert len(log(emu)) == 10
    # the others wait for the first call (1 s), then go together: about 2 s, where one at a time
    # would take 10 s
    assert elapsed < 7


def test_a_hanging_holder_bounds_the_wait(tmp_path):
    import fcntl
    latch = LoginLatch(str(tmp_path), 'https://dnsapi.cn', ('cn', TOKEN, None, None, None))
    with latch.first_call(5) as holding:
        assert holding
        # another process would open its own descriptor: flock locks are per open file
        fd = os.open(latch.lock_path, os.O_RDWR)
        with pytest.raises(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(fd)
    context = multiprocessing.get_context('fork')
    queue = context.Queue()

    def hold():
        with latch.first_call(5):
            queue.put('holding')
            time.sleep(3)
    holder = context.Process(target=hold)
    holder.start()
    assert queue.get(timeout=10) == 'holding'
    started = time.monotonic()
    with pytest.raises(DNSPodError) as info:
        with latch.first_call(0.5):
            pass
    assert 0.4 < time.monotonic() - started < 2.5
    assert 'not sent' in str(info.value) and latch.lock_path in str(info.value)
    holder.join(10)
    latch.prove()
    with latch.first_call(0.5) as holding:      # proven: no lock, no wait
        assert holding is False
