"""common.env_fallback: credentials from the environment, empty variables counted as unset."""
import pytest

from ansible.module_utils.basic import AnsibleFallbackNotFound

from ansible_collections.dnspod.dnspod.plugins.module_utils import common


def test_set_variable_is_used(monkeypatch):
    monkeypatch.setenv('DNSPOD_LOGIN_TOKEN', '1,abc')
    assert common.env_fallback('DNSPOD_LOGIN_TOKEN') == '1,abc'


@pytest.mark.parametrize('value', ['', '   '])
def test_empty_variable_counts_as_unset(monkeypatch, value):
    # AWX exports every injector variable of a credential type, the empty ones too.
    monkeypatch.setenv('DNSPOD_LOGIN_EMAIL', value)
    with pytest.raises(AnsibleFallbackNotFound):
        common.env_fallback('DNSPOD_LOGIN_EMAIL')


def test_missing_variable_counts_as_unset(monkeypatch):
    monkeypatch.delenv('DNSPOD_LOGIN_EMAIL', raising=False)
    with pytest.raises(AnsibleFallbackNotFound):
        common.env_fallback('DNSPOD_LOGIN_EMAIL')


def test_first_non_empty_of_several(monkeypatch):
    monkeypatch.setenv('DNSPOD_A', '')
    monkeypatch.setenv('DNSPOD_B', 'second')
    assert common.env_fallback('DNSPOD_A', 'DNSPOD_B') == 'second'


def test_every_credential_option_uses_it():
    spec = common.dnspod_argument_spec()
    for option in ('login_token', 'login_email', 'login_password', 'login_code', 'user_id'):
        assert spec[option]['fallback'][0] is common.env_fallback, option
