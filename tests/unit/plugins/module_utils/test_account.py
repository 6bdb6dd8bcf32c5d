# -*- coding: utf-8 -*-
"""The pure logic of the account modules and their thin API wrappers (with a scripted client)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import account
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


class FakeClient:
    def __init__(self, answers=None):
        self.answers = answers or {}
        self.sent = []

    def call(self, action, params=None):
        self.sent.append((action, dict(params or {})))
        return self.answers.get(action, {'status': {'code': '1', 'message': 'Action completed successful'}})


def test_normalize_user_003_sample():
    user = account.normalize_user(USER_003)
    assert user['id'] == '625033' and user['email'] == 'api@dnspod.com'
    assert user['email_verified'] is False and user['telephone_verified'] is False
    assert user['weixin_binded'] is False and user['agent_pending'] is False
    assert user['balance'] == 0 and user['smsbalance'] == 0 and user['user_grade'] == 'DP_Free'


def test_normalize_user_004_sample_drift():
    user = account.normalize_user(USER_004)
    assert user['telephone_verified'] is True
    assert user['balance'] == 0 and user['smsbalance'] == 4          # strings in 004
    assert user['user_grade'] == '' and user['weixin_binded'] is False  # missing in 004
    assert account.normalize_user({'balance': '12.5'})['balance'] == 12.5
    assert account.normalize_user(None)['id'] == ''


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
    current = account.normalize_user(USER_003)
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
    user = account.normalize_user(USER_004)
    after = account.predict_after(user, {'telephone': '13900000000'}, 'new@example.com')
    assert after['telephone'] == '13900000000' and after['telephone_verified'] is False
    assert after['email'] == 'new@example.com' and after['email_verified'] is False
    assert user['telephone'] == '15012345678'                         # not changed in place
    assert account.predict_after(user, {}) == user


@pytest.mark.parametrize('line, expected', [
    ('2012-09-04 13:56:24: 111.111.111.111 登陆 成功',
     ('2012-09-04 13:56:24', False, '111.111.111.111', '登陆 成功')),
    ('2012-08-29 22:12:35(API): (111.111.111.111) 添加域名 api2.com',
     ('2012-08-29 22:12:35', True, '111.111.111.111', '添加域名 api2.com')),
    ('2015-01-18 15:12:02: 122.5.32.226 [山东省烟台市] 登陆 成功',
     ('2015-01-18 15:12:02', False, '122.5.32.226', '[山东省烟台市] 登陆 成功')),
    ('2026-11-25 10:00:00(API): (2001:db8::1) 修改密码', ('2026-11-25 10:00:00', True, '2001:db8::1', '修改密码')),
    ('something else', (None, False, None, 'something else')),
])
def test_parse_log_line(line, expected):
    entry = account.parse_log_line(line)
    assert (entry['time'], entry['api'], entry['ip'], entry['text']) == expected
    assert entry['line'] == line


def test_wrappers_send_the_documented_actions():
    client = FakeClient({
        'User.Detail': {'info': {'user': USER_003}},
        'Telephoneverify.Code': {'user': {'verify_code': '409752', 'verify_desc': 'send 409752'}},
        'User.Log': {'log': ['a', 'b']},
        'Info.Version': {'status': {'code': '1', 'message': '4.6'}},
        'Record.Type': {'types': ['A', 'CNAME']},
        'Record.Line': {'lines': ['默认', '电信'], 'line_ids': {'默认': '0', '电信': '10=0'}},
    })
    assert account.get_user(client)['nick'] == 'DNSPod 先生'
    account.modify_user(client, {'nick': 'x'})
    account.change_password(client, 'Old-Pass-1', 'New-Pass-2')
    account.change_email(client, 'a@example.com', 'b@example.com', 'Pass-3')
    sent = account.send_telephone_code(client, '18600000000')
    assert sent == {'verify_code': '409752', 'verify_desc': 'send 409752'}
    assert account.user_log(client) == ['a', 'b']
    assert account.api_version(client) == '4.6'
    assert account.record_types(client, 'D_Free') == ['A', 'CNAME']
    assert account.record_lines(client, 'D_Free', '77') == (['默认', '电信'], {'默认': '0', '电信': '10=0'})
    assert [action for action, _params in client.sent] == [
        'User.Detail', 'User.Modify', 'Userpasswd.Modify', 'Useremail.Modify', 'Telephoneverify.Code',
        'User.Log', 'Info.Version', 'Record.Type', 'Record.Line']
    assert client.sent[2][1] == {'old_password': 'Old-Pass-1', 'new_password': 'New-Pass-2'}
    assert client.sent[3][1] == {'old_email': 'a@example.com', 'new_email': 'b@example.com', 'password': 'Pass-3'}
    assert client.sent[-1][1] == {'domain_grade': 'D_Free', 'domain_id': '77'}


def test_password_action_is_the_documented_address():
    assert account.PASSWORD_ACTION == 'Userpasswd.Modify'


def test_listing_drift():
    client = FakeClient({'User.Log': {'log': {'0': 'x'}}, 'Record.Type': {'types': [{'name': 'A'}]},
                         'Record.Line': {'lines': [{'name': '默认'}], 'line_ids': []}})
    assert account.user_log(client) == ['x']
    assert account.record_types(client, 'D_Free') == ['A']
    assert account.record_lines(client, 'D_Free') == (['默认'], {})
    assert client.sent[-1][1] == {'domain_grade': 'D_Free'}
