"""The HTTP side of API 3.0: server.py hands ``POST /`` with an ``X-TC-Action`` header here.

Every answer is HTTP 200 ``Content-Type: application/json`` (the SDK reads errors only from
``application/json`` or ``text/plain`` answers: common/abstract_client.py ``_check_error``) with
``{"Response": {..., "RequestId": uuid}}``. Fault rules (faults.py) match the API 3.0 action name
(``X-TC-Action``) the same way they match ``Record.Create``; kind ``code`` answers
``Response.Error.Code`` = the rule's ``code``; ``drift`` changes nothing on API 3.0; ``xml``
sends the answer as ``text/xml``.
"""
import json
import time
import urllib.parse

from .. import faults
from ..clock import beijing_now
from . import front
from .registry import ACTIONS

CONTENT_TYPE = 'application/json'


def to_json(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(',', ':')).encode('utf-8')


def serve(handler):
    server = handler.server
    state = server.state
    parsed = urllib.parse.urlsplit(handler.path)
    body = handler._body()
    headers = dict((name.lower(), value) for name, value in handler.headers.items())
    action = (headers.get('x-tc-action') or '').strip()
    user_agent = headers.get('user-agent') or ''
    latency = state.settings['latency_seconds']
    if latency:
        time.sleep(latency)
    fault = server.faults.take(action)
    if fault is not None and not fault.after:
        _log_fault(state, handler.command, action, body, user_agent, fault)
        return _fault_answer(handler, fault, None)
    doc = front.handle(state, handler.command, parsed.path or '/', parsed.query, headers, body,
                       handler.client_address[0], server.clock(), user_agent)
    if fault is not None:
        with state.lock:
            state.requests[-1]['fault'] = fault.label()
        return _fault_answer(handler, fault, doc)
    handler._send(200, to_json(doc), CONTENT_TYPE)


def _log_fault(state, method, action, body, user_agent, fault):
    try:
        params = front.redact(json.loads(body.decode('utf-8') or '{}'))
    except (ValueError, UnicodeDecodeError):
        params = None
    spec = ACTIONS.get(action)
    with state.lock:
        state.seq += 1
        state.requests.append({
            'seq': state.seq, 'time': beijing_now(), 'method': method, 'api': 'tencentcloud',
            'action': action, 'params': params,
            'code': fault.code if fault.kind == 'code' else 'fault:%s' % fault.label(),
            'write': False, 'write_action': bool(spec and spec.write), 'user_id': None,
            'secret_id': None, 'request_id': None, 'user_agent': user_agent, 'fault': fault.label()})


def _fault_answer(handler, fault, doc):
    answered, kind = handler.transport_fault(fault, doc)
    if answered:
        return None
    if kind == 'code':
        doc = front.error_document(fault.code, fault.message)
    if doc is None:
        doc = {'Response': {'RequestId': front.new_request_id()}}
    data = to_json(doc)
    content_type = CONTENT_TYPE
    if kind == 'xml':
        content_type = 'text/xml'
    if kind == 'truncated':
        data = faults.truncate(data)
    try:
        handler._send(200, data, content_type)
    except OSError:
        handler.close_connection = True
