"""credentials.check_credentials: the one place that says whether credentials can be used, and
what the error says, for the client, the modules (common.create_client) and the lookup."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import credentials
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodConfigError

TOKEN = '10000,0123456789abcdef'


def test_a_token_wins_and_is_stripped():
    assert credentials.check_credentials(' %s ' % TOKEN, 'a@example.com', 'pw', '123456') == dict(
        login_token=TOKEN, login_email=None, login_password=None, login_code=None)


def test_email_and_password_with_a_stripped_code():
    assert credentials.check_credentials('  ', 'a@example.com', 'pw', ' 123456 ') == dict(
        login_token=None, login_email='a@example.com', login_password='pw', login_code='123456')
    assert credentials.check_credentials(None, 'a@example.com', 'pw', '  ')['login_code'] is None


@pytest.mark.parametrize('token, email, password', [
    (None, None, None), ('', None, None), ('   ', None, None), (None, 'a@example.com', None),
    (None, None, 'pw'), (None, 'a@example.com', ''),
])
def test_no_credentials(token, email, password):
    with pytest.raises(DNSPodConfigError) as info:
        credentials.check_credentials(token, email, password)
    assert str(info.value).startswith('no credentials: set login_token (or the DNSPOD_LOGIN_TOKEN environment variable)')


@pytest.mark.parametrize('token', ['SECRETA', 'abc,SECRETB', '1,SECRETC,more', '1,two SECRETD'])
def test_malformed_token_never_echoed(token):
    with pytest.raises(DNSPodConfigError) as info:
        credentials.check_credentials(token, 'a@example.com', 'pw')
    assert str(info.value) == 'login_token: expected ID,TOKEN (the numeric token ID, a comma, the token)'
    assert 'SECRET' not in str(info.value)


@pytest.mark.parametrize('params', [
    {}, {'login_token': '  '}, {'login_email': 'a@example.com'}, {'login_token': 'nocomma'},
    {'login_token': TOKEN}, {'login_email': 'a@example.com', 'login_password': 'pw'},
])
def test_modules_lookup_and_client_decide_alike(params):
    """common.require_credentials (modules and lookup) fails exactly when the client would refuse,
    with the client's message."""
    problem = common.require_credentials(params)
    try:
        DNSPodClient(login_latch_dir='', **params)
    except DNSPodConfigError as exc:
        assert problem == str(exc)
    else:
        assert problem is None
