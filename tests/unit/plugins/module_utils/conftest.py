"""A scripted fake DNSPod endpoint: answers queued bodies and records what it was sent."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest


class FakeAPI:
    def __init__(self):
        self.queue = []          # (status, body, headers) or a callable(form) -> (status, body)
        self.requests = []       # dicts: action, form, headers

    def answer(self, body=None, status=200, code='1', **fields):
        if body is None:
            body = dict(status={'code': code, 'message': 'msg %s' % code, 'created_at': '2026-11-25 10:00:00'})
            body.update(fields)
        self.queue.append((status, body if isinstance(body, str) else json.dumps(body), {}))

    def ok(self, **fields):
        self.answer(**fields)


@pytest.fixture
def fake_api():
    api = FakeAPI()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get('Content-Length') or 0)
            form = dict(parse_qsl(self.rfile.read(length).decode('utf-8')))
            api.requests.append(dict(action=self.path.lstrip('/'), form=form, headers=dict(self.headers)))
            item = api.queue.pop(0) if api.queue else (200, json.dumps({'status': {'code': '1', 'message': ''}}), {})
            if callable(item):
                item = item(form)
            status, body, headers = item
            data = body.encode('utf-8')
            self.send_response(status)
            self.send_header('Content-Type', 'text/html;charset=UTF-8')
            self.send_header('Content-Length', str(len(data)))
            if form.get('login_code'):
                self.send_header('Set-Cookie', 't10000=remembered; Path=/')
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    api.url = 'http://127.0.0.1:%d' % server.server_address[1]
    yield api
    server.shutdown()
    server.server_close()
