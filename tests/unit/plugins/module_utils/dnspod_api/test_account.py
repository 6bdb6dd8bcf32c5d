# -*- coding: utf-8 -*-
"""dnspod_api/account.py: the User.*, Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code and
Info.Version actions, their parameters and answer shapes (with a scripted client)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.account import (
    PASSWORD_ACTION,
    Account,
    normalize_user,
    parse_log_line,
)

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
        self.once = []

    def call(self, action, params=None, empty_codes=(), once=None):
        self.sent.append((action, dict(params or {})))
        if once:
            self.once.append(action)
        return self.answers.get(action, {'status': {'code': '1', 'message': 'Action completed successful'}})


def test_normalize_user_003_sample():
    user = normalize_user(USER_003)
    assert user['id'] == '625033' and user['email'] == 'api@dnspod.com'
    assert user['email_verified'] is False and user['telephone_verified'] is False
    assert user['weixin_binded'] is False and user['agent_pending'] is False
    assert user['balance'] == 0 and user['smsbalance'] == 0 and user['user_grade'] == 'DP_Free'


def test_normalize_user_004_sample_drift():
    user = normalize_user(USER_004)
    assert user['telephone_verified'] is True
    assert user['balance'] == 0 and user['smsbalance'] == 4          # strings in 004
    assert user['user_grade'] == '' and user['weixin_binded'] is False  # missing in 004
    assert normalize_user({'balance': '12.5'})['balance'] == 12.5
    assert normalize_user(None)['id'] == ''


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
    entry = parse_log_line(line)
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
    assert Account(client).user()['nick'] == 'DNSPod 先生'
    Account(client).modify({'nick': 'x'})
    Account(client).change_password('Old-Pass-1', 'New-Pass-2')
    Account(client).change_email('a@example.com', 'b@example.com', 'Pass-3')
    sent = Account(client).send_telephone_code('18600000000')
    assert sent == {'verify_code': '409752', 'verify_desc': 'send 409752'}
    assert Account(client).log() == ['a', 'b']
    assert Account(client).version() == '4.6'
    assert [action for action, _params in client.sent] == [
        'User.Detail', 'User.Modify', 'Userpasswd.Modify', 'Useremail.Modify', 'Telephoneverify.Code',
        'User.Log', 'Info.Version']
    assert client.sent[2][1] == {'old_password': 'Old-Pass-1', 'new_password': 'New-Pass-2'}
    assert client.sent[3][1] == {'old_email': 'a@example.com', 'new_email': 'b@example.com', 'password': 'Pass-3'}
    # the writes that must never be repeated blindly are sent once (docs/reliability.md, "Lost answers")
    assert client.once == ['Userpasswd.Modify', 'Useremail.Modify', 'Telephoneverify.Code']


def test_password_action_is_the_documented_address():
    assert PASSWORD_ACTION == 'Userpasswd.Modify'


def test_listing_drift():
    client = FakeClient({'User.Log': {'log': {'0': 'x'}}, 'Record.Type': {'types': [{'name': 'A'}]},
                         'Record.Line': {'lines': [{'name': '默认'}], 'line_ids': []}})
    assert Account(client).log() == ['x']
