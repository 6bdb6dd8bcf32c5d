"""Fixtures for the emulator's tests: servers on port 0 in threads, and a small HTTP client.

The package is imported from tests/ (``emulator``), independent of the collection path.
"""
import json
import os
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402

from emu_account import EMAIL, PASSWORD, TOKEN, UA  # noqa: E402,F401  pylint: disable=unused-import


class Emu(object):
    """A running emulator and helpers to call it."""

    def __init__(self, server):
        self.server = server
        self.url = server.base_url
        self.token = TOKEN

    # -- raw HTTP --------------------------------------------------------------------------------
    def http(self, method, path, body=None, headers=None):
        """(status, headers dict, body bytes)."""
        data = body
        if isinstance(body, dict):
            data = urllib.parse.urlencode(body).encode('utf-8')
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header('User-Agent', UA)
        if isinstance(body, dict):
            request.add_header('Content-Type', 'application/x-www-form-urlencoded')
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers.items()), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers.items()), exc.read()

    def call(self, action, auth=True, headers=None, **params):
        """POST an action with format=json (and the default token unless auth=False)."""
        body = {'format': 'json'}
        if auth and not any(k in params for k in ('login_token', 'user_token', 'login_email')):
            body['login_token'] = self.token
        body.update(dict((k, v) for k, v in params.items() if v is not None))
        status, _headers, data = self.http('POST', '/' + action, body, headers)
        assert status == 200
        return json.loads(data.decode('ascii'))

    def code(self, action, **params):
        return self.call(action, **params)['status']['code']

    # -- control endpoints -----------------------------------------------------------------------
    def requests(self, since=None):
        path = '/_emulator/requests' + ('?since=%d' % since if since is not None else '')
        status, _h, data = self.http('GET', path)
        assert status == 200
        return json.loads(data.decode('utf-8'))

    def state(self):
        status, _h, data = self.http('GET', '/_emulator/state')
        assert status == 200
        return json.loads(data.decode('utf-8'))

    def reset(self, seed=None):
        body = json.dumps(seed).encode('utf-8') if seed is not None else b''
        return self.http('POST', '/_emulator/reset', body)

    # -- shortcuts -------------------------------------------------------------------------------
    def records(self, domain='example.com', **params):
        answer = self.call('Record.List', domain=domain, error_on_empty='no', length='3000',
                           **params)
        assert answer['status']['code'] == '1', answer
        return answer['records']

    def create(self, domain='example.com', **params):
        params.setdefault('record_line', '默认')
        return self.call('Record.Create', domain=domain, **params)


def one_domain_seed(settings=None, grade='DP_Free', records=None, **domain):
    dom = {'id': 1001, 'name': 'example.com', 'grade': grade, 'records': records or []}
    dom.update(domain)
    seed = {'accounts': [{'user_id': 10000, 'email': EMAIL, 'login_token': TOKEN,
                          'password': PASSWORD, 'domains': [dom]}]}
    if settings:
        seed['settings'] = settings
    return seed


@pytest.fixture
def start_emulator():
    """start_emulator(seed=None) -> Emu; every server is shut down after the test."""
    servers = []

    def start(seed=None):
        server = emulator.make_server(seed=seed, port=0)
        thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
        thread.daemon = True
        thread.start()
        servers.append((server, thread))
        return Emu(server)

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def seed_one():
    """one_domain_seed(settings=None, grade='DP_Free', records=None, **domain fields)."""
    return one_domain_seed


@pytest.fixture
def emu(start_emulator):
    """Default account (token TOKEN) with the domain example.com (id 1001, DP_Free)."""
    return start_emulator(one_domain_seed())


@pytest.fixture
def tc(start_emulator):
    """Tencent's SDK (tc_sdk.TC) on an emulator seeded with tc_sdk.seed(): example.com (1001) of
    account 10000 signed with AKID10000EMULATOR; ``tc.emu`` is the Emu of the same server."""
    import tc_sdk  # pylint: disable=import-outside-toplevel
    return tc_sdk.TC(start_emulator(tc_sdk.seed()))
