"""Fault injection: make the emulator misbehave for chosen calls (docs/emulator.md, "Fault injection").

A test posts a list of rules to ``POST /_emulator/faults``; each API call is matched against the
rules in order and the first rule that applies spoils it. A rule::

    {"kind": "http", "status": 502,       # what goes wrong (KINDS below)
     "action": "Record.Create",           # only this action ("Record.*": a prefix; default: any)
     "skip": 2,                           # let the first 2 matching calls through untouched
     "times": 1,                          # then spoil this many (0: every later matching call)
     "after": false}                      # true: the action runs (and writes) first, then its
                                          # answer is spoiled or lost

Every rule counts the calls it ``matched`` and the calls it ``spoiled``; ``GET
/_emulator/faults`` shows them. A reset of the state clears the rules.
"""
import json
import threading

KINDS = {
    'code': 'answer this API status code (``code``, ``message``) instead of running the action',
    'http': 'answer this HTTP status (``status``, default 502) with an HTML error page',
    'reset': 'close the connection without any answer',
    'stall': 'wait ``seconds`` (default 5) before answering; before the action: then close',
    'html': 'answer HTTP 200 with an HTML page (a proxy or captive portal)',
    'truncated': 'answer HTTP 200 with the first half of the JSON answer',
    'xml': 'answer in XML although format=json was sent',
    'redirect': 'answer HTTP ``status`` (default 307) with ``Location: <location>`` and no body: a '
                'misconfigured proxy or a hostile network sending the request elsewhere',
    'drift': 'type drift in the answer: ids as integers, counts as integers, remark false, '
             'weight null, status enable/disable (needs after: true)',
}

MESSAGES = {
    '-1': 'Login fail, please check login info',
    '-2': 'API usage is limited',
    '-8': 'Too many login failures, the account is locked for a while',
    '-99': 'This API is paused, please try again later',
    '50': 'You already turned the D-Token on, and we need your D-Token code',
    '51': 'D-Token is not turned on',
    '52': 'Invalid login code',
    '53': 'D-Token is already turned on',
    '54': 'The domain owner has D-Token turned on, you must turn it on too',
    '85': 'The account is logged in elsewhere, the request was rejected',
}

_RULE_KEYS = {'kind', 'action', 'skip', 'times', 'after', 'code', 'message', 'status', 'seconds', 'location'}


class FaultError(ValueError):
    """An invalid rule (answered 400 by the control endpoint)."""


class Rule(object):
    def __init__(self, spec):
        if not isinstance(spec, dict):
            raise FaultError('a fault rule must be an object, got %r' % (spec,))
        unknown = set(spec) - _RULE_KEYS
        if unknown:
            raise FaultError('unknown fault rule key(s): %s' % ', '.join(sorted(unknown)))
        self.kind = spec.get('kind')
        if self.kind not in KINDS:
            raise FaultError('kind: expected one of %s, got %r' % (', '.join(sorted(KINDS)), self.kind))
        self.action = spec.get('action') or None
        self.skip = self._int(spec, 'skip', 0)
        self.times = self._int(spec, 'times', 1)
        self.after = bool(spec.get('after', self.kind == 'drift'))
        if self.kind == 'drift' and not self.after:
            raise FaultError('kind drift needs after: true (it changes a real answer)')
        if self.kind == 'code' and spec.get('code') in (None, ''):
            raise FaultError('kind code needs a code')
        self.code = str(spec.get('code', '1'))
        self.message = str(spec.get('message') or MESSAGES.get(self.code, 'Injected fault %s' % self.code))
        self.status = self._int(spec, 'status', 307 if self.kind == 'redirect' else 502)
        self.location = str(spec.get('location') or '')
        if self.kind == 'redirect' and not self.location:
            raise FaultError('kind redirect needs a location')
        self.seconds = float(spec.get('seconds', 5))
        self.matched = 0
        self.spoiled = 0

    @staticmethod
    def _int(spec, key, default):
        value = spec.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise FaultError('%s: expected a non-negative integer, got %r' % (key, value))
        return value

    def matches(self, action):
        if self.action is None or self.action == '*':
            return True
        if self.action.endswith('*'):
            return action.startswith(self.action[:-1])
        return action == self.action

    def label(self):
        if self.kind == 'code':
            return 'code %s' % self.code
        if self.kind == 'http':
            return 'http %d' % self.status
        if self.kind == 'redirect':
            return 'redirect %d' % self.status
        return self.kind

    def to_dict(self):
        return {'kind': self.kind, 'action': self.action, 'skip': self.skip, 'times': self.times,
                'after': self.after, 'code': self.code, 'status': self.status, 'seconds': self.seconds, 'location': self.location,
                'matched': self.matched, 'spoiled': self.spoiled}


class FaultPlan(object):
    """The rules of one server; thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self.rules = []
        self.injected = 0

    def replace(self, specs):
        if isinstance(specs, dict):
            specs = specs.get('faults', [])
        if not isinstance(specs, list):
            raise FaultError('expected a list of fault rules (or {"faults": [...]})')
        rules = [Rule(spec) for spec in specs]
        with self._lock:
            self.rules = rules

    def clear(self):
        with self._lock:
            self.rules = []
            self.injected = 0

    def take(self, action):
        """The rule that spoils this call, or None. Counts it."""
        with self._lock:
            for rule in self.rules:
                if not rule.matches(action):
                    continue
                rule.matched += 1
                if rule.matched <= rule.skip:
                    continue
                if rule.times and rule.spoiled >= rule.times:
                    continue
                rule.spoiled += 1
                self.injected += 1
                return rule
        return None

    def report(self):
        with self._lock:
            return {'injected': self.injected, 'faults': [rule.to_dict() for rule in self.rules]}


def truncate(body):
    """The first half of an answer (at least one byte short of a JSON document)."""
    return body[:max(1, len(body) // 2)]


HTML_PAGE = (b'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n'
             b'<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>\n</body></html>\n')

_COUNT_KEYS = ('ttl', 'mx', 'record_total', 'sub_domains', 'records', 'domain_total')


def drift(value, key=None):
    """The answer with the live API's type drift pushed to the other side."""
    if isinstance(value, dict):
        return dict((k, drift(v, k)) for k, v in value.items())
    if isinstance(value, list):
        return [drift(item, key) for item in value]
    if key in ('id', 'domain_id', 'group_id', 'user_id') and isinstance(value, str) and value.isdigit():
        return int(value)
    if key in _COUNT_KEYS and isinstance(value, str) and value.isdigit():
        return int(value)
    if key == 'remark' and value in ('', None):
        return False
    if key == 'weight' and value in ('', None):
        return None
    if key == 'status' and value in ('enabled', 'disabled'):
        return value[:-1]
    return value


def to_json(doc):
    return json.dumps(doc, ensure_ascii=True, separators=(',', ':')).encode('ascii')
