# -*- coding: utf-8 -*-
"""The pure logic of the account modules (module_utils/account.py)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import account
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.account import normalize_user
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

USER_003 = {
    "real_name": "", "user_type": "personal", "telephone": "18754553214", "im": "10000000",
    "nick": "DNSPod 先生", "id": "625033", "email": "api@dnspod.com", "status": "enabled",
    "email_verified": "no", "telephone_verified": "no", "weixin_binded": "no", "agent_pending": False,
    "balance": 0, "smsbalance": 0, "user_grade": "DP_Free",
}
USER_004 = {
    "id": "625033", "email": "api@dnspod.com", "status": "enabled", "email_verified": "no",
    "telephone_verified": "yes", "agent_pending": False, "real_name": "", "user_type": "personal",
    "telephone": "15012345678", "im": "10000000", "nick": "DNSPod 先生", "balance": "0", "smsbalance": "4",
}


def test_wanted_profile_only_given_fields():
    assert account.wanted_profile({'nick': ' Ops ', 'real_name': None, 'telephone': None, 'im': ''}) == \
        {'nick': 'Ops', 'im': ''}
    assert account.wanted_profile({'telephone': '+8618600000000'}) == {'telephone': '+8618600000000'}


@pytest.mark.parametrize('params, parameter', [
    ({'telephone': 'call-me'}, 'telephone'),
    ({'telephone': ''}, 'telephone'),
    ({'telephone': '123'}, 'telephone'),
    ({'im': 'qq12345'}, 'im'),
    ({'nick': 'x' * 101}, 'nick'),
    ({'real_name': 'y' * 101}, 'real_name'),
])
def test_wanted_profile_refuses(params, parameter):
    with pytest.raises(ValidationError) as info:
        account.wanted_profile(params)
    assert info.value.parameter == parameter


def test_profile_changes_only_differences():
    current = normalize_user(USER_003)
    wanted = {'nick': 'DNSPod 先生', 'telephone': '18600000000', 'im': '10000000', 'real_name': 'Example'}
    assert account.profile_changes(current, wanted) == {'telephone': '18600000000', 'real_name': 'Example'}
    assert account.profile_changes(current, {}) == {}


def test_email_change():
    assert account.email_change('api@dnspod.com', 'API@dnspod.com') is None
    assert account.email_change('api@dnspod.com', 'new@example.com') == ('api@dnspod.com', 'new@example.com')
    assert account.email_change('api@dnspod.com', 'new@example.com', 'Api@Dnspod.com') == \
        ('api@dnspod.com', 'new@example.com')
    # already done: the old address given no longer matters
    assert account.email_change('new@example.com', 'new@example.com', 'api@dnspod.com') is None


def test_email_change_refuses():
    with pytest.raises(ValidationError) as info:
        account.email_change('api@dnspod.com', 'not an address')
    assert info.value.parameter == 'new_email'
    with pytest.raises(ValidationError) as info:
        account.email_change('api@dnspod.com', 'new@example.com', 'other@example.com')
    assert info.value.parameter == 'old_email'


@pytest.mark.parametrize('old, new, parameter', [
    (None, 'New-Pass-1', 'old_password'),
    ('', 'New-Pass-1', 'old_password'),
    ('Old-Pass-1', None, 'new_password'),
    ('Old-Pass-1', 'Old-Pass-1', 'new_password'),
    ('Old-Pass-1', ' New-Pass-1', 'new_password'),
])
def test_check_password_change_refuses_without_showing_it(old, new, parameter):
    with pytest.raises(ValidationError) as info:
        account.check_password_change(old, new)
    assert info.value.parameter == parameter
    for secret in (old, new):
        if secret and secret.strip():
            assert secret.strip() not in str(info.value)


def test_check_password_change_accepts():
    assert account.check_password_change('Old-Pass-1', 'New-Pass-2') is None


def test_telephone_code_needed():
    assert account.telephone_code_needed({'telephone_verified': False}, {})
    assert not account.telephone_code_needed({'telephone_verified': True}, {})
    assert account.telephone_code_needed({'telephone_verified': True}, {'telephone': '13900000000'})


def test_predict_after():
    user = normalize_user(USER_004)
    after = account.predict_after(user, {'telephone': '13900000000'}, 'new@example.com')
    assert after['telephone'] == '13900000000' and after['telephone_verified'] is False
    assert after['email'] == 'new@example.com' and after['email_verified'] is False
    assert user['telephone'] == '15012345678'                         # not changed in place
    assert account.predict_after(user, {}) == user


def account_params(**extra):
    params = dict(real_name=None, nick=None, telephone=None, im=None, new_email=None, old_email=None,
                  email_password=None, old_password=None, new_password=None, send_telephone_code=False,
                  return_verify_code=False, login_email=None, login_token='1,x')
    params.update(extra)
    return params


def test_plan_names_the_writes_and_hides_the_password():
    user = normalize_user(USER_003)
    params = account_params(nick='Ops', new_email='b@example.com', email_password='p', old_password='o',
                            new_password='n', send_telephone_code=True)
    planned = account.plan(user, account.check_params(params), params)
    assert planned['changes'] == {'nick': 'Ops'} and planned['email'] == ('api@dnspod.com', 'b@example.com')
    assert planned['telephone'] == '18754553214' and planned['password'] is True
    assert planned['result_changes'] == {'nick': 'Ops', 'email': 'b@example.com', 'password': '********'}
    assert planned['after']['email'] == 'b@example.com' and planned['after']['email_verified'] is False


def test_with_login_email_the_e_mail_and_the_password_change_in_two_tasks():
    params = account_params(login_token=None, login_email='a@example.com', new_email='b@example.com',
                            email_password='p', old_password='o', new_password='n')
    with pytest.raises(ValidationError) as info:
        account.check_params(params)
    assert info.value.parameter == 'new_email'


class FailingAccount:
    def __init__(self):
        self.sent = []

    def modify(self, changes):
        self.sent.append(('modify', changes))

    def change_email(self, old, new, password):
        raise DNSPodAPIError('Useremail.Modify', '8', 'old e-mail is wrong')


def test_a_failed_write_carries_the_changes_to_the_result():
    user = normalize_user(USER_003)
    params = account_params(nick='Ops', new_email='b@example.com', email_password='p')
    planned = account.plan(user, account.check_params(params), params)
    target = FailingAccount()
    with pytest.raises(DNSPodAPIError) as info:
        account.apply(target, planned, params)
    assert target.sent == [('modify', {'nick': 'Ops'})]
    assert info.value.details == {'changes': {'nick': 'Ops', 'email': 'b@example.com'}}
