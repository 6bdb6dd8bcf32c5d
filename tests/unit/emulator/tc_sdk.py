"""Tencent's official SDK (tencentcloud-sdk-python-dnspod) pointed at the emulator's API 3.0.

Importable by test modules (not conftest). ``TC`` calls an action through the SDK's own typed
method (``DnspodClient.DescribeRecordList(request)``: the SDK signs, sends, reads the error and
deserializes the answer into its model) and keeps the raw JSON of the answer, which ``check_model``
compares with the model's documented fields and types (models.py docstrings): a field the model
does not have, or a value of another type, fails the test.
"""
import json
import re
import warnings

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.dnspod.v20210323 import dnspod_client, models

from emu_account import EMAIL, PASSWORD, TOKEN

SECRET_ID = 'AKID10000EMULATOR'
SECRET_KEY = 'emulator-secret-key-10000'
OTHER_ID = 'AKIDOTHER20000'
OTHER_KEY = 'other-secret-key-20000'
DOMAIN_ID = 1001
OTHER_DOMAIN_ID = 2001

_TYPE = re.compile(r':type (\w+): (.+)')
_PY = {'str': str, 'int': int, 'bool': bool, 'float': (int, float)}


def seed(records=None, grade='DP_Free', settings=None, **domain):
    """example.com (id 1001) of account 10000 (key pair SECRET_ID) and other.com (id 2001) of
    account 20000 (key pair OTHER_ID)."""
    dom = {'id': DOMAIN_ID, 'name': 'example.com', 'grade': grade, 'records': records or []}
    dom.update(domain)
    out = {'accounts': [
        {'user_id': 10000, 'email': EMAIL, 'login_token': TOKEN, 'password': PASSWORD, 'domains': [dom],
         'key_pairs': [{'secret_id': SECRET_ID, 'secret_key': SECRET_KEY}]},
        {'user_id': 20000, 'email': 'other@example.com', 'domains': [{'id': OTHER_DOMAIN_ID, 'name': 'other.com'}],
         'key_pairs': [{'secret_id': OTHER_ID, 'secret_key': OTHER_KEY}]},
    ]}
    if settings:
        out['settings'] = settings
    return out


def client(base_url, secret_id=SECRET_ID, secret_key=SECRET_KEY, token=None, language='zh-CN'):
    profile = ClientProfile(httpProfile=HttpProfile(protocol='http', endpoint=base_url.split('//', 1)[1]),
                            language=language)
    return dnspod_client.DnspodClient(credential.Credential(secret_id, secret_key, token), '', profile)


def fields_of(cls):
    init = cls.__dict__.get('__init__')
    doc = (init.__doc__ if init is not None else '') or ''
    return dict(_TYPE.findall(doc))


def check_model(name, data, where='Response'):
    """Fail unless every key of ``data`` is a documented field of model ``name`` with its type."""
    fields = fields_of(getattr(models, name))
    assert isinstance(data, dict), '%s: expected an object for %s, got %r' % (where, name, data)
    for key, value in data.items():
        assert key in fields, '%s.%s: not a field of %s (fields: %s)' % (where, key, name, sorted(fields))
        if value is None:
            continue
        kind = fields[key].strip()
        here = '%s.%s' % (where, key)
        listed = re.match(r'^list of (\w+)', kind)
        nested = re.search(r'models\.(\w+)`', kind)
        if listed:
            assert isinstance(value, list), '%s: expected a list (%s), got %r' % (here, kind, value)
            inner = listed.group(1)
            for i, item in enumerate(value):
                if inner in _PY:
                    assert isinstance(item, _PY[inner]) and not (inner == 'int' and isinstance(item, bool)), \
                        '%s[%d]: expected %s, got %r' % (here, i, inner, item)
                else:
                    check_model(inner, item, '%s[%d]' % (here, i))
        elif nested:
            check_model(nested.group(1), value, here)
        else:
            base = kind.split()[0]
            assert base in _PY, '%s: unknown documented type %r' % (here, kind)
            assert isinstance(value, _PY[base]) and not (base == 'int' and isinstance(value, bool)), \
                '%s: expected %s, got %r' % (here, kind, value)


class TC(object):
    """An SDK client on the emulator ``emu`` (conftest.Emu), with the last raw answer."""

    def __init__(self, emu, **kwargs):
        self.emu = emu
        self.client = client(emu.url, **kwargs)
        self.raw = None
        self.actions = set()
        original = self.client.call

        def capture(action, params, options=None, headers=None):
            body = original(action, params, options=options, headers=headers)
            self.raw = json.loads(body)
            return body
        self.client.call = capture

    def __call__(self, action, **params):
        """The SDK's response model of ``action``; the raw answer is checked against the model."""
        request = getattr(models, action + 'Request')()
        request._deserialize(params)
        # every parameter is one the SDK's request model knows (it drops unknown ones silently)
        assert request._serialize() == dict((k, v) for k, v in params.items() if v is not None), params
        self.raw = None
        with warnings.catch_warnings():
            warnings.filterwarnings('ignore', category=DeprecationWarning)   # the SDK's own utcfromtimestamp
            # the SDK warns of answer fields its nested models do not know: a failure here
            warnings.filterwarnings('error', message='.* (fileds|fields) are useless')
            answer = getattr(self.client, action)(request)
        assert list(self.raw) == ['Response'], self.raw
        check_model(action + 'Response', self.raw['Response'])
        assert re.match(r'^[0-9a-f-]{36}$', answer.RequestId), answer.RequestId
        self.actions.add(action)
        return answer

    def error(self, action, **params):
        """The TencentCloudSDKException of a call that must fail."""
        try:
            self(action, **params)
        except TencentCloudSDKException as exc:
            assert re.match(r'^[0-9a-f-]{36}$', exc.requestId or ''), exc
            return exc
        raise AssertionError('%s answered without an error: %r' % (action, self.raw))

    def code(self, action, **params):
        return self.error(action, **params).code
