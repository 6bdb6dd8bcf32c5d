"""The choice of API (backends.py, credentials.backend_for and check_key_pair): from the credentials
given or api_backend, the errors for both kinds, none and half a key pair (naming options, never
values), api_url's defaults, the environment variables, and api_for."""
import os
import subprocess
import sys
import types

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.dnspod.dnspod.plugins.module_utils import backends
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import credentials
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.areas import DNSPodAPI
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_client import TencentCloudClient

SECRET_ID = 'AKIDsecretidvalue0123'
SECRET_KEY = 'SECRETKEYvalue-4567'
LOGIN_TOKEN = '10000,TOKENvalue89ab'
KEYS = {'secret_id': SECRET_ID, 'secret_key': SECRET_KEY}
ENV = ('TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN',
       'DNSPOD_API_BACKEND', 'DNSPOD_API_URL', 'DNSPOD_LOGIN_TOKEN', 'DNSPOD_LOGIN_EMAIL', 'DNSPOD_LOGIN_PASSWORD')


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def module_params(args):
    """The params a module would get (argument spec with its environment fallbacks)."""
    result = ArgumentSpecValidator(common.dnspod_argument_spec()).validate(dict(args))
    assert result.error_messages == []
    return result.validated_parameters


def assert_no_value(text):
    for value in (SECRET_ID, SECRET_KEY, LOGIN_TOKEN, LOGIN_TOKEN.split(',')[1]):
        assert value not in text


# ---- the choice -------------------------------------------------------------------------------

def test_a_key_pair_means_api_3():
    client = backends.create_client(module_params(KEYS))
    assert isinstance(client, TencentCloudClient) and client.backend == 'tencentcloud'
    assert client.api_url == 'https://dnspod.tencentcloudapi.com'


def test_a_login_token_means_the_traditional_api_as_today():
    client = backends.create_client(module_params({'login_token': LOGIN_TOKEN}))
    assert isinstance(client, DNSPodClient) and client.backend == 'dnspod'
    assert client.api_url == 'https://dnsapi.cn'


def test_international_key_pair():
    client = backends.create_client(module_params(dict(KEYS, international=True)))
    assert client.api_url == 'https://dnspod.intl.tencentcloudapi.com' and client.default_line == 'Default'
    # the traditional API keeps its default (as today) with international
    assert backends.create_client(module_params({'login_token': LOGIN_TOKEN, 'international': True})).api_url == \
        'https://dnsapi.cn'


def test_api_url_applies_to_both():
    params = module_params(dict(KEYS, api_url='http://127.0.0.1:8053'))
    assert backends.create_client(params).api_url == 'http://127.0.0.1:8053'


@pytest.mark.parametrize('extra', [{'login_token': LOGIN_TOKEN},
                                   {'login_email': 'me@example.com', 'login_password': 'pw'}])
def test_both_kinds_is_an_error_naming_the_options_not_the_values(extra):
    params = module_params(dict(KEYS, **extra))
    with pytest.raises(DNSPodConfigError) as info:
        backends.create_client(params)
    text = str(info.value)
    assert text.startswith('both kinds of credentials are set')
    assert 'secret_id, secret_key' in text and sorted(extra)[0] in text and 'api_backend' in text
    assert_no_value(text)
    assert common.require_credentials(params) == text


def test_none_names_both_kinds():
    params = module_params({})
    problem = common.require_credentials(params)
    assert problem == credentials.NO_CREDENTIALS
    assert 'login_token' in problem and 'secret_id and secret_key' in problem
    with pytest.raises(DNSPodConfigError):
        backends.create_client(params)


@pytest.mark.parametrize('backend, given, expected', [
    ('dnspod', KEYS, credentials.NO_DNSPOD_CREDENTIALS),
    ('tencentcloud', {'login_token': LOGIN_TOKEN}, credentials.NO_KEY_PAIR),
])
def test_a_forced_backend_wants_its_own_credentials(backend, given, expected):
    assert common.require_credentials(module_params(dict(given, api_backend=backend))) == expected


@pytest.mark.parametrize('backend, cls', [('dnspod', DNSPodClient), ('tencentcloud', TencentCloudClient)])
def test_a_forced_backend_ignores_the_other_kind(backend, cls):
    params = module_params(dict(KEYS, login_token=LOGIN_TOKEN, api_backend=backend))
    assert common.require_credentials(params) is None
    assert isinstance(backends.create_client(params), cls)
    ignored = credentials.ignored_credentials(params)
    assert ignored == (['secret_id', 'secret_key'] if backend == 'dnspod' else ['login_token'])


@pytest.mark.parametrize('given, words', [
    ({'secret_id': SECRET_ID}, 'secret_id is set but secret_key is not'),
    ({'secret_key': SECRET_KEY}, 'secret_key is set but secret_id is not'),
    ({'session_token': 'tok'}, 'session_token is set without secret_id and secret_key'),
    ({'secret_id': 'AKID/with/slashes', 'secret_key': SECRET_KEY}, 'secret_id: expected'),
    ({'secret_id': SECRET_KEY + ' x', 'secret_key': SECRET_ID}, 'secret_id: expected'),
    ({'secret_id': SECRET_ID, 'secret_key': 'two words'}, 'secret_key: expected'),
    ({'secret_id': SECRET_ID, 'secret_key': SECRET_KEY, 'session_token': 'line\nbreak'}, 'session_token: expected'),
])
def test_key_pair_problems_name_options_never_values(given, words):
    params = module_params(given)
    problem = common.require_credentials(params)
    assert problem is not None and problem.startswith(words)
    assert_no_value(problem)
    with pytest.raises(DNSPodConfigError) as info:
        backends.create_client(params)
    assert str(info.value) == problem


def test_the_key_pair_is_stripped():
    assert credentials.check_key_pair(' %s ' % SECRET_ID, ' %s\n' % SECRET_KEY, '  ') == dict(
        secret_id=SECRET_ID, secret_key=SECRET_KEY, session_token=None)


def test_an_unknown_backend_is_refused():
    with pytest.raises(DNSPodConfigError):
        credentials.backend_for({'api_backend': 'other'})


# ---- the environment --------------------------------------------------------------------------

def test_the_sdks_environment_variables(monkeypatch):
    monkeypatch.setenv('TENCENTCLOUD_SECRET_ID', SECRET_ID)
    monkeypatch.setenv('TENCENTCLOUD_SECRET_KEY', SECRET_KEY)
    monkeypatch.setenv('TENCENTCLOUD_SECURITY_TOKEN', 'security-token')
    params = module_params({})
    assert (params['secret_id'], params['secret_key'], params['session_token']) == (SECRET_ID, SECRET_KEY,
                                                                                    'security-token')
    assert backends.backend_for(params) == 'tencentcloud'
    monkeypatch.setenv('TENCENTCLOUD_SESSION_TOKEN', 'session-token')
    assert module_params({})['session_token'] == 'session-token'


def test_the_backend_from_the_environment_and_empty_variables_are_unset(monkeypatch):
    monkeypatch.setenv('DNSPOD_API_BACKEND', 'dnspod')
    monkeypatch.setenv('TENCENTCLOUD_SECRET_ID', '')
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', LOGIN_TOKEN)
    params = module_params({})
    assert params['api_backend'] == 'dnspod' and params['secret_id'] is None
    assert isinstance(backends.create_client(params), DNSPodClient)


def test_dnspod_api_url_applies_to_api_3(monkeypatch):
    monkeypatch.setenv('DNSPOD_API_URL', 'http://127.0.0.1:8053')
    assert backends.create_client(module_params(KEYS)).api_url == 'http://127.0.0.1:8053'


@pytest.mark.parametrize('params, url', [
    ({}, 'https://dnsapi.cn'),
    (KEYS, 'https://dnspod.tencentcloudapi.com'),
    (dict(KEYS, international=True), 'https://dnspod.intl.tencentcloudapi.com'),
    (dict(KEYS, login_token=LOGIN_TOKEN), 'https://dnsapi.cn'),
    (dict(KEYS, api_url='https://example.test'), 'https://example.test'),
])
def test_api_url_of(params, url):
    assert backends.api_url_of(params) == url


# ---- api_for ----------------------------------------------------------------------------------

def test_api_for_the_traditional_client():
    client = backends.create_client(module_params({'login_token': LOGIN_TOKEN}))
    api = backends.api_for(client)
    assert isinstance(api, DNSPodAPI) and api.client is client


def test_api_for_api_3_imports_its_areas(monkeypatch):
    fake = types.ModuleType('areas')

    class TencentCloudAPI:
        def __init__(self, client):
            self.client = client
    fake.TencentCloudAPI = TencentCloudAPI
    monkeypatch.setitem(sys.modules, 'ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.areas',
                        fake)
    client = backends.create_client(module_params(KEYS))
    api = backends.api_for(client)
    assert isinstance(api, TencentCloudAPI) and api.client is client


def test_the_traditional_path_does_not_load_api_3s_areas():
    code = ('import sys; from ansible_collections.dnspod.dnspod.plugins.module_utils import backends, runner; '
            'print(any(name.endswith("tencentcloud_api.areas") for name in sys.modules))')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert out.stdout.strip() == 'False'
