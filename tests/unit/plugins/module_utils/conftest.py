"""A scripted fake DNSPod endpoint (stdlib http.server in a thread on 127.0.0.1, port 0): answers
queued bodies and records what it was sent. It knows nothing of the API: each test scripts it."""
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest

TOKEN = '10000,0123456789abcdef0123456789abcdef'   # the token of FakeAPI.client
DEFAULT_LINE = '默认'
DROP = 'drop'     # queue item: read the request, then close the connection without an answer


class FakeAPI:
    def __init__(self):
        self.queue = []          # (status, body text, headers, delay) | DROP | callable(request) -> item
        self.requests = []       # dicts: action, form, headers, peer (client address and port)
        self.cookie_on_login_code = True
        self.url = None

    def answer(self, body=None, status=200, code='1', delay=0.0, headers=None, **fields):
        """Queue one answer: a JSON status with `code` and extra top-level fields, or `body` as is
        (a dict is sent as JSON, a str verbatim)."""
        if body is None:
            body = dict(status={'code': code, 'message': 'msg %s' % code, 'created_at': '2026-11-25 10:00:00'})
            body.update(fields)
        text = body if isinstance(body, str) else json.dumps(body)
        self.queue.append((status, text, headers or {}, delay))

    def ok(self, **fields):
        self.answer(**fields)

    def drop(self):
        self.queue.append(DROP)

    def actions(self):
        return [r['action'] for r in self.requests]

    def client(self, **kwargs):
        """``(client, sleeps)``: a DNSPodClient of this endpoint whose backoff sleeps are recorded,
        not slept; keyword arguments override the client's options."""
        from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
        sleeps = []
        options = dict(api_url=self.url, login_token=TOKEN, sleep=sleeps.append, timeout=5)
        options.update(kwargs)
        return DNSPodClient(**options), sleeps

    @staticmethod
    def raw_record(i, name='h', line=DEFAULT_LINE, rtype='A', value='192.0.2.1'):
        """Record ``i`` as Record.List answers it (name ``h<i>`` unless given)."""
        return dict(id=str(i), name=name if name != 'h' else 'h%d' % i, line=line, type=rtype, ttl='600',
                    value=value, mx='0', enabled='1', status='enabled', remark='', weight=None,
                    monitor_status='', updated_on='2026-11-25 10:00:00')


@pytest.fixture
def fake_api():
    api = FakeAPI()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get('Content-Length') or 0)
            form = dict(parse_qsl(self.rfile.read(length).decode('utf-8'), keep_blank_values=True))
            request = dict(action=self.path.lstrip('/'), form=form, headers=dict(self.headers),
                           peer=self.client_address)
            api.requests.append(request)
            default = (200, json.dumps({'status': {'code': '1', 'message': ''}}), {}, 0.0)
            item = api.queue.pop(0) if api.queue else default
            if callable(item):
                item = item(request)
            if item == DROP:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            status, body, headers, delay = item
            if delay:
                time.sleep(delay)
            data = body.encode('utf-8')
            self.send_response(status)
            self.send_header('Content-Type', 'text/html;charset=UTF-8')
            self.send_header('Content-Length', str(len(data)))
            if form.get('login_code') and api.cookie_on_login_code:
                self.send_header('Set-Cookie', 't10000=remembered; Path=/')
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(data)
            except OSError:
                pass

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.02}, daemon=True)
    thread.start()
    api.url = 'http://127.0.0.1:%d' % server.server_address[1]
    yield api
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
