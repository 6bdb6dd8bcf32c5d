# -*- coding: utf-8 -*-
"""The account area of the emulator: User.Detail/Modify, Userpasswd.Modify, Useremail.Modify,
Telephoneverify.Code, User.Log, Info.Version, and its seed/dump keys."""
import pytest

from emulator.seed import SeedError, build_state
from emulator.dump import dump

# the default account of tests/unit/emulator/conftest.py (not imported: `conftest` is ambiguous when
# the whole of tests/unit runs at once)
TOKEN = '10000,0123456789abcdef0123456789abcdef'
PASSWORD = 'emulator-password'
EMAIL = 'api@example.com'
NEW_PASSWORD = 'Rotated-Pass-2026'


@pytest.fixture
def acct(start_emulator):
    return start_emulator({'accounts': [
        {'user_id': 10000, 'email': EMAIL, 'login_token': TOKEN, 'password': PASSWORD,
         'nick': 'Old Nick', 'telephone': '18600000000', 'telephone_verified': False,
         'im': '10000000', 'log': ['2012-09-04 13:56:24: 111.111.111.111 登陆 成功']},
        {'user_id': 20000, 'email': 'other@example.com', 'login_token': '20000,ffffffffffffffffffffffffffffffff',
         'password': 'other-password'},
    ]})


def detail(emu):
    answer = emu.call('User.Detail')
    assert answer['status']['code'] == '1'
    return answer['info']['user']


def test_info_version(acct):
    answer = acct.call('Info.Version')
    assert answer['status']['code'] == '1' and answer['status']['message'] == '4.6'


def test_user_detail_fields(acct):
    user = detail(acct)
    assert user['id'] == '10000' and user['email'] == EMAIL
    assert user['nick'] == 'Old Nick' and user['im'] == '10000000' and user['telephone'] == '18600000000'
    assert user['telephone_verified'] == 'no' and user['email_verified'] == 'yes'
    assert set(user) >= {'real_name', 'user_type', 'status', 'weixin_binded', 'agent_pending', 'balance',
                         'smsbalance', 'user_grade'}


def test_user_modify_changes_only_what_differs(acct):
    assert acct.code('User.Modify', nick='New Nick', real_name='Example Ltd') == '1'
    user = detail(acct)
    assert (user['nick'], user['real_name'], user['telephone']) == ('New Nick', 'Example Ltd', '18600000000')
    writes = [r['write'] for r in acct.requests() if r['action'] == 'User.Modify']
    assert acct.code('User.Modify', nick='New Nick') == '1'
    writes = [r['write'] for r in acct.requests() if r['action'] == 'User.Modify']
    assert writes == [True, False]          # the same value again changes nothing


def test_user_modify_telephone_resets_verification(start_emulator):
    emu = start_emulator({'accounts': [{'login_token': TOKEN, 'telephone': '18600000000'}]})
    assert detail(emu)['telephone_verified'] == 'yes'    # default: a seeded number is verified
    assert emu.code('Telephoneverify.Code', telephone='18600000000') == '4'
    assert emu.code('User.Modify', telephone='13912345678') == '1'
    user = detail(emu)
    assert user['telephone'] == '13912345678' and user['telephone_verified'] == 'no'


@pytest.mark.parametrize('params, code', [
    ({'telephone': '12345'}, '8'),
    ({'telephone': 'call-me'}, '8'),
    ({'telephone': '10000000000'}, '8'),
    ({'im': 'abc'}, '9'),
    ({'im': '0123456'}, '9'),
    ({'im': '1234'}, '9'),
    ({'nick': 'ok', 'telephone': 'bad'}, '8'),
])
def test_user_modify_codes(acct, params, code):
    assert acct.code('User.Modify', **params) == code
    assert detail(acct)['nick'] == 'Old Nick'            # nothing applied on an error


def test_user_modify_im_and_clearing(acct):
    assert acct.code('User.Modify', im='') == '1'
    assert detail(acct)['im'] == ''
    assert acct.code('User.Modify', im='123456789') == '1'
    assert detail(acct)['im'] == '123456789'


def test_password_change_and_login(acct):
    assert acct.code('Userpasswd.Modify', old_password=PASSWORD, new_password=NEW_PASSWORD) == '1'
    # the new password logs in, the old one no longer does
    assert acct.code('User.Detail', login_email=EMAIL, login_password=NEW_PASSWORD) == '1'
    assert acct.code('User.Detail', login_email=EMAIL, login_password=PASSWORD) == '-1'
    # the request log never holds a password
    logged = [r for r in acct.requests() if r['action'] == 'Userpasswd.Modify'][0]
    assert logged['params']['old_password'] == '***' and logged['params']['new_password'] == '***'
    assert logged['write'] is True


@pytest.mark.parametrize('old, new, code', [
    ('wrong-password', NEW_PASSWORD, '8'),
    (None, NEW_PASSWORD, '8'),
    (PASSWORD, None, '9'),
    (PASSWORD, 'Ab1', '9'),
    (PASSWORD, 'A' * 20 + 'b1' * 7, '9'),
    (PASSWORD, ' Spaced-1 ', '9'),
    (PASSWORD, PASSWORD, '87'),
    (PASSWORD, 'password1', '88'),
    (PASSWORD, 'aaaaaaaa', '88'),
    (PASSWORD, 'onlylowercaseletters', '88'),
])
def test_password_codes(acct, old, new, code):
    assert acct.code('Userpasswd.Modify', old_password=old, new_password=new) == code
    assert acct.code('User.Detail', login_email=EMAIL, login_password=PASSWORD) == '1'


def test_password_history_is_87(acct):
    assert acct.code('Userpasswd.Modify', old_password=PASSWORD, new_password=NEW_PASSWORD) == '1'
    assert acct.code('Userpasswd.Modify', old_password=NEW_PASSWORD, new_password=PASSWORD) == '87'


def test_userpassword_spelling_of_the_004_example_is_unknown(acct):
    assert acct.code('Userpassword.Modify', old_password=PASSWORD, new_password=NEW_PASSWORD) == '-99'
    assert acct.code('User.Detail', login_email=EMAIL, login_password=PASSWORD) == '1'


def test_email_change(acct):
    assert acct.code('Useremail.Modify', old_email='API@example.com', new_email='new@example.com',
                     password=PASSWORD) == '1'
    user = detail(acct)
    assert user['email'] == 'new@example.com' and user['email_verified'] == 'no'
    assert acct.code('User.Detail', login_email='new@example.com', login_password=PASSWORD) == '1'
    assert acct.code('User.Detail', login_email=EMAIL, login_password=PASSWORD) == '-1'
    assert acct.state()['accounts'][0]['email'] == 'new@example.com'


@pytest.mark.parametrize('params, code', [
    ({'old_email': 'someone@example.com', 'new_email': 'new@example.com', 'password': PASSWORD}, '8'),
    ({'new_email': 'new@example.com', 'password': PASSWORD}, '8'),
    ({'old_email': EMAIL, 'new_email': 'not-an-address', 'password': PASSWORD}, '9'),
    ({'old_email': EMAIL, 'password': PASSWORD}, '9'),
    ({'old_email': EMAIL, 'new_email': EMAIL, 'password': PASSWORD}, '9'),
    ({'old_email': EMAIL, 'new_email': 'other@example.com', 'password': PASSWORD}, '9'),
    ({'old_email': EMAIL, 'new_email': 'new@example.com', 'password': 'wrong'}, '10'),
    ({'old_email': EMAIL, 'new_email': 'new@example.com'}, '10'),
])
def test_email_codes(acct, params, code):
    assert acct.code('Useremail.Modify', **params) == code
    assert detail(acct)['email'] == EMAIL


def test_telephone_code(acct):
    answer = acct.call('Telephoneverify.Code', telephone='18600000000')
    assert answer['status']['code'] == '1'
    code = answer['user']['verify_code']
    assert len(code) == 6 and code.isdigit() and code in answer['user']['verify_desc']
    entry = [r for r in acct.requests() if r['action'] == 'Telephoneverify.Code'][0]
    assert entry['write'] is True and entry['write_action'] is True
    assert acct.code('Telephoneverify.Code', telephone='12') == '5'
    assert acct.code('Telephoneverify.Code') == '5'


def test_user_log_newest_first_with_account_changes(acct):
    assert acct.call('User.Log')['log'] == ['2012-09-04 13:56:24: 111.111.111.111 登陆 成功']
    acct.call('User.Modify', nick='Logged')
    acct.call('Userpasswd.Modify', old_password=PASSWORD, new_password=NEW_PASSWORD)
    log = acct.call('User.Log')['log']
    assert len(log) == 3
    assert '修改密码' in log[0] and '修改资料 nick' in log[1] and '(127.0.0.1)' in log[0]
    assert NEW_PASSWORD not in ''.join(log)


def test_other_account_is_untouched(acct):
    acct.call('User.Modify', nick='Mine')
    other = acct.call('User.Detail', login_token='20000,ffffffffffffffffffffffffffffffff')['info']['user']
    assert other['nick'] == '' and other['email'] == 'other@example.com'


def test_seed_and_dump_round_trip():
    seed = {'accounts': [{'email': 'a@example.com', 'im': '12345', 'email_verified': False,
                          'telephone_verified': True, 'log': ['x', 'y']}]}
    doc = dump(build_state(seed))['accounts'][0]
    expected = ('12345', False, True, ['x', 'y'])
    assert (doc['im'], doc['email_verified'], doc['telephone_verified'], doc['log']) == expected
    again = dump(build_state({'accounts': [dict((k, v) for k, v in doc.items())]}))['accounts'][0]
    assert again == doc
    assert 'password_history' not in doc and 'pending_code' not in doc


@pytest.mark.parametrize('key, value, words', [
    ('im', 12345, 'expected str'),
    ('im', 'abc', 'QQ'),
    ('email_verified', 'yes', 'expected bool'),
    ('log', 'x', 'expected list'),
    ('log', ['ok', 3], r'log\[1\]'),
])
def test_seed_errors_name_the_place(key, value, words):
    with pytest.raises(SeedError, match=words):
        build_state({'accounts': [{'email': 'a@example.com', key: value}]})
