"""HTTP front: DNSPod actions at ``POST /<Action>``, control endpoints under ``/_emulator/``."""
import http.cookies
import ipaddress
import json
import re
import socket
import ssl
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import dispatch, faults, render
from .tencentcloud import http as tencentcloud_http
from .dump import dump
from .registry import ACTIONS
from .seed import SeedError, build_state, load_seed_file, parse_seed_bytes

_BROWSER = re.compile(r'mozilla|chrome|safari|opera|msie', re.I)
_GOOD_UA = re.compile(r'^[^/\s][^/]*/\S+ ?\(.+\)$')


def _loopback(host):
    if host == 'localhost':
        return '127.0.0.1'
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError('--host must be a loopback address, got %r' % host)
    if address.version != 4 or not address.is_loopback:
        raise ValueError('--host must be an IPv4 loopback address (127.x.x.x), got %r' % host)
    return host


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, state, tls_context=None):
        ThreadingHTTPServer.__init__(self, address, Handler)
        self.state = state
        self.reset_lock = threading.Lock()
        self.verbose = False
        self.faults = faults.FaultPlan()
        self.tls_context = tls_context
        # Unix time for the API 3.0 signature check (X-TC-Timestamp within 300 s of it);
        # tests replace it to move the emulator clock.
        self.clock = time.time

    @property
    def base_url(self):
        host, port = self.server_address[:2]
        return '%s://%s:%d' % ('https' if self.tls_context else 'http', host, port)

    def get_request(self):
        sock, address = ThreadingHTTPServer.get_request(self)
        if self.tls_context is not None:
            # The handshake runs in the handler's thread (first read), so a client that refuses
            # the certificate does not block the accept loop.
            sock = self.tls_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request, client_address):
        if self.verbose:
            ThreadingHTTPServer.handle_error(self, request, client_address)

    def reset(self, seed):
        """Replace the whole state (seed dict or None) and clear the fault rules; raises SeedError."""
        state = build_state(seed)
        with self.reset_lock:
            self.state = state
            self.faults.clear()


def tls_context(certfile, keyfile=None):
    """A server-side TLS context for ``make_server(tls=...)`` (TLS 1.2 or later)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    return context


def make_server(seed=None, port=0, host='127.0.0.1', tls=None):
    """A server bound to ``host:port`` (port 0: a free one), not yet serving.

    ``seed``: None (default account), a dict, or the path of a JSON seed file. ``tls``: None
    (plain http), an ``ssl.SSLContext``, or a ``(certfile, keyfile)`` pair: serve HTTPS.
    """
    if isinstance(seed, str):
        seed = load_seed_file(seed)
    state = build_state(seed)
    if isinstance(tls, (tuple, list)):
        tls = tls_context(*tls)
    return EmulatorServer((_loopback(host), port), state, tls_context=tls)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # http.server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm and
    # the client's delayed ACK hold every answer on a kept-alive connection back by ~40 ms.
    disable_nagle_algorithm = True
    server_version = 'DNSPodEmulator/1.0'

    def log_message(self, fmt, *args):       # quiet unless --verbose
        if self.server.verbose:
            BaseHTTPRequestHandler.log_message(self, fmt, *args)

    # -- plumbing -------------------------------------------------------------------------------
    def _body(self):
        if 'chunked' in (self.headers.get('Transfer-Encoding') or '').lower():
            return self._chunked_body()
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length > 0 else b''

    def _chunked_body(self):
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b';')[0].strip() or b'0', 16)
            if size == 0:
                while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                    pass            # trailer
                return b''.join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def _send(self, status, body, content_type, extra=()):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def _send_json(self, status, obj):
        body = json.dumps(obj, ensure_ascii=False, indent=1).encode('utf-8')
        self._send(status, body, 'application/json; charset=utf-8')

    def _split(self):
        parsed = urllib.parse.urlsplit(self.path)
        return parsed.path, dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))

    def _cookies(self):
        jar = http.cookies.SimpleCookie()
        try:
            jar.load(self.headers.get('Cookie') or '')
        except http.cookies.CookieError:
            return {}
        return dict((name, morsel.value) for name, morsel in jar.items())

    # -- methods --------------------------------------------------------------------------------
    def do_GET(self):
        path, query = self._split()
        if path.startswith('/_emulator/'):
            return self._control_get(path, query)
        return self._api(query, body_params=False)

    def do_POST(self):
        path, query = self._split()
        if path.startswith('/_emulator/'):
            return self._control_post(path)
        if path == '/' and self.headers.get('X-TC-Action') is not None:
            return tencentcloud_http.serve(self)      # Tencent Cloud API 3.0
        return self._api(query, body_params=True)

    def do_PUT(self):
        self._api(self._split()[1], body_params=False)

    do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_PUT

    # -- the API --------------------------------------------------------------------------------
    def _api(self, query, body_params):
        path = urllib.parse.urlsplit(self.path).path
        action = path.strip('/')
        state = self.server.state
        body = self._body()
        if body_params:
            params = dict(urllib.parse.parse_qsl(body.decode('utf-8', 'replace'),
                                                 keep_blank_values=True))
        else:
            params = query      # only used for format/lang of the code-2 answer and the log
        user_agent = self.headers.get('User-Agent') or ''
        if state.settings['require_user_agent'] and (
                not _GOOD_UA.match(user_agent) or _BROWSER.search(user_agent)):
            with state.lock:
                state.seq += 1
                state.requests.append({
                    'seq': state.seq, 'time': render.beijing_now(), 'method': self.command,
                    'action': action, 'params': dispatch.redact(params), 'code': 'HTTP 403',
                    'write': False, 'write_action': False, 'user_id': None,
                    'user_agent': user_agent})
            return self._send(403, b'Forbidden: set a User-Agent "Name/Version (contact)"\n',
                              'text/plain; charset=utf-8')
        latency = state.settings['latency_seconds']
        if latency:
            # The API's answer time (settings.latency_seconds), spent before the action runs and
            # outside the state lock: parallel calls overlap as they do on the live service, so
            # tasks that read, decide and write race the way they would there.
            time.sleep(latency)
        fault = self.server.faults.take(action) if self.command == 'POST' else None
        if fault is not None and not fault.after:
            self._log_fault(state, action, params, user_agent, fault)
            return self._fault_answer(fault, None, params.get('format'))
        with state.lock:       # an RLock: the entry dispatch appends is the last one
            doc, fmt, extra = dispatch.handle(state, self.command, action, params, self._cookies(),
                                              self.client_address[0], user_agent)
            if fault is not None:
                state.requests[-1]['fault'] = fault.label()
        if fault is not None:
            return self._fault_answer(fault, doc, fmt, extra)
        data, content_type = render.render(doc, fmt)
        self._send(200, data, content_type, extra)

    # -- fault injection (faults.py) --------------------------------------------------------------
    def _log_fault(self, state, action, params, user_agent, fault):
        """A call spoiled before the action ran: logged with the injected code or the fault."""
        entry = ACTIONS.get(action)
        with state.lock:
            state.seq += 1
            state.requests.append({
                'seq': state.seq, 'time': render.beijing_now(), 'method': self.command,
                'action': action, 'params': dispatch.redact(params),
                'code': fault.code if fault.kind == 'code' else 'fault:%s' % fault.label(),
                'write': False, 'write_action': bool(entry and entry[1]), 'user_id': None,
                'user_agent': user_agent, 'fault': fault.label()})

    def _drop(self):
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def transport_fault(self, fault, doc):
        """The faults of the connection and of HTTP, the same on both APIs (the traditional one and
        API 3.0, tencentcloud/http.py): a stall (then the answer, or a dropped connection when the
        action did not run), a reset, an HTTP error page, an HTML page, a redirect. Returns
        ``(answered, kind)``: whether the request is answered (or dropped) here, else the fault kind
        left for the API's own answer (None after a stall)."""
        kind = fault.kind
        if kind == 'stall':
            time.sleep(fault.seconds)
            if doc is None:
                self._drop()
                return True, kind
            kind = None
        if kind == 'reset':
            self._drop()
        elif kind == 'http':
            self._send(fault.status, faults.HTML_PAGE.replace(b'502 Bad Gateway', (
                '%d Server Error' % fault.status).encode('ascii')), 'text/html')
        elif kind == 'html':
            self._send(200, faults.HTML_PAGE, 'text/html')
        elif kind == 'redirect':
            self._send(fault.status, b'', 'text/html', (('Location', fault.location),))
        else:
            return False, kind
        return True, kind

    def _fault_answer(self, fault, doc, fmt, extra=()):
        """Answer (or not) the way ``fault`` says; ``doc`` is the real answer when the action ran."""
        answered, kind = self.transport_fault(fault, doc)
        if answered:
            return None
        if kind == 'code':
            doc = render.envelope(fault.code, fault.message)
        if doc is None:
            doc = render.envelope('1', 'Action completed successful')
        if kind == 'drift':
            doc = faults.drift(doc)
        if kind == 'xml':
            data, content_type = render.render(doc, 'xml')
        else:
            data, content_type = render.render(doc, fmt)
        if kind == 'truncated':
            data = faults.truncate(render.to_json(doc))
        try:
            self._send(200, data, content_type, extra)
        except OSError:
            self.close_connection = True      # a stalled answer whose client has gone

    # -- control endpoints ------------------------------------------------------------------------
    def _control_get(self, path, query):
        state = self.server.state
        if path == '/_emulator/requests':
            since = query.get('since') or '0'
            since = int(since) if since.isdigit() else 0
            with state.lock:
                entries = [e for e in state.requests if e['seq'] > since]
            return self._send_json(200, entries)
        if path == '/_emulator/state':
            return self._send_json(200, dump(state))
        if path == '/_emulator/faults':
            return self._send_json(200, self.server.faults.report())
        if path == '/_emulator/health':
            return self._send_json(200, {'ok': True, 'flavor': state.flavor})
        return self._send_json(404, {'error': 'unknown control endpoint %s' % path})

    def _control_post(self, path):
        body = self._body()
        if path == '/_emulator/faults':
            try:
                self.server.faults.replace(json.loads(body.decode('utf-8') or '[]'))
            except (ValueError, faults.FaultError) as exc:
                return self._send_json(400, {'error': str(exc)})
            return self._send_json(200, self.server.faults.report())
        if path != '/_emulator/reset':
            return self._send_json(404, {'error': 'unknown control endpoint %s' % path})
        try:
            self.server.reset(parse_seed_bytes(body))
        except SeedError as exc:
            return self._send_json(400, {'error': str(exc)})
        return self._send_json(200, {'ok': True})
