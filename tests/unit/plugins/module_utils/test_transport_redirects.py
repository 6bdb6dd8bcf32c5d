"""Credentials go to api_url and nowhere else: redirects are refused (never followed), and only
names that resolve to loopback addresses alone qualify for plain http (docs/reliability.md,
"Credentials go to api_url and nowhere else")."""
import os
import sys
import threading

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import transport as transport_module
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError, DNSPodTransportError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'
PASSWORD = 'emulator-password'
DTOKEN = '424242'
SEED = {'accounts': [
    {'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN, 'password': PASSWORD,
     'domains': [{'name': 'example.com', 'id': 1001}]},
    {'user_id': 10001, 'email': 'dtoken@example.com', 'password': PASSWORD, 'dtoken': True,
     'dtoken_code': DTOKEN, 'domains': [{'name': 'example.org', 'id': 1002}]}]}


@pytest.fixture
def two_servers():
    """The API (first) and another origin (second), each an emulator in a thread."""
    servers = []
    for dummy in range(2):
        server = emulator.make_server(seed=SEED, port=0)
        thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
        thread.daemon = True
        thread.start()
        servers.append(server)
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def requests_of(server):
    with server.state.lock:
        return [dict(entry) for entry in server.state.requests]


CREDENTIALS = {
    'token': {'login_token': TOKEN},
    'password': {'login_email': 'api@example.com', 'login_password': PASSWORD},
    'password and D-Token': {'login_email': 'dtoken@example.com', 'login_password': PASSWORD, 'login_code': DTOKEN},
}


@pytest.mark.parametrize('status', [301, 302, 303, 307, 308])
@pytest.mark.parametrize('credentials', sorted(CREDENTIALS))
def test_a_redirect_is_refused_and_nothing_reaches_the_other_origin(two_servers, status, credentials):
    api, other = two_servers
    target = '%s/Record.List' % other.base_url
    api.faults.replace([{'kind': 'redirect', 'status': status, 'location': target, 'times': 0}])
    client = DNSPodClient(api_url=api.base_url, login_latch_dir=False, sleep=lambda s: None,
                          **CREDENTIALS[credentials])
    with pytest.raises(DNSPodTransportError) as info:
        Records(client).list('1001')
    message = str(info.value)
    assert 'HTTP %d redirect to %s refused' % (status, target) in message
    assert info.value.attempts == 1 and client.calls == 1          # never retried either
    assert client.log == [{'action': 'Record.List', 'code': 'transport:HTTP %d' % status, 'write': False}]
    assert len(requests_of(api)) == 1
    assert requests_of(other) == []                                  # requests reaching another origin: 0
    for secret in (TOKEN, TOKEN.split(',')[1], PASSWORD, DTOKEN):
        assert secret not in message


def test_the_location_is_shown_without_user_info_or_query(two_servers):
    api, other = two_servers
    port = other.base_url.rsplit(':', 1)[1]
    api.faults.replace([{'kind': 'redirect', 'location': 'http://joe:hunter2@127.0.0.1:%s/x?login_token=%s'
                         % (port, TOKEN), 'times': 0}])
    client = DNSPodClient(api_url=api.base_url, login_token=TOKEN, login_latch_dir=False)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Info.Version')
    assert 'redirect to http://127.0.0.1:%s/x refused' % port in str(info.value)
    for text in ('hunter2', 'joe', TOKEN.split(',')[1]):
        assert text not in str(info.value)
    assert requests_of(other) == []


def resolver(*addresses, error=None):
    def resolve(host, port):
        if error is not None:
            raise error
        return [(None, None, None, '', (address, 0)) for address in addresses]
    return resolve


@pytest.mark.parametrize('host,addresses,expected', [
    ('localhost', ('127.0.0.1', '::1'), True),
    ('api.localhost', ('127.0.0.1',), True),
    ('api.localhost', ('::1',), True),
    ('api.localhost', ('203.0.113.7',), False),          # /etc/hosts or a resolver sends it off the machine
    ('api.localhost', ('127.0.0.1', '192.0.2.1'), False),  # loopback only, every address
    ('localhost', ('10.1.2.3',), False),
    ('api.localhost', (), False),
    ('localhost.example.com', ('127.0.0.1',), False),     # only localhost and *.localhost are looked up
])
def test_a_loopback_name_must_resolve_to_loopback_only(host, addresses, expected):
    assert transport_module.is_loopback(host, resolve=resolver(*addresses)) is expected


def test_a_name_that_does_not_resolve_is_not_loopback():
    assert transport_module.is_loopback('gone.localhost', resolve=resolver(error=OSError('no such name'))) is False


@pytest.mark.parametrize('address', ['127.0.0.1', '127.9.8.7', '::1', '[::1]'])
def test_loopback_addresses_need_no_lookup(address):
    assert transport_module.is_loopback(address, resolve=resolver(error=AssertionError('looked up'))) is True


def test_plain_http_to_a_localhost_name_elsewhere_is_refused_before_any_call(monkeypatch):
    monkeypatch.setattr(transport_module.socket, 'getaddrinfo', resolver('198.51.100.20'))
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(api_url='http://api.localhost:8080', login_token=TOKEN, login_latch_dir=False)
    assert 'loopback' in str(info.value) and 'https' in str(info.value)
    monkeypatch.setattr(transport_module.socket, 'getaddrinfo', resolver('127.0.0.1'))
    assert DNSPodClient(api_url='http://api.localhost:8080', login_token=TOKEN, login_latch_dir=False).calls == 0


def test_tls_warnings_say_which_setting_applies():
    assert common.tls_warnings({'validate_certs': True}) == []
    assert common.tls_warnings({}) == []
    off = common.tls_warnings({'validate_certs': False})
    assert len(off) == 1 and 'not verified' in off[0]
    both = common.tls_warnings({'validate_certs': False, 'ca_path': '/etc/ssl/private-ca.pem'})
    assert len(both) == 1 and 'ignored because ca_path is set' in both[0] and '/etc/ssl/private-ca.pem' in both[0]
