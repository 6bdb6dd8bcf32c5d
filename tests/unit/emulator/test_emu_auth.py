"""Credentials, failed-login lock-out, D-Token, the intl flavour and the rate limit."""
import time

PASSWORD = 'emulator-password'      # the seeds of conftest.py
EMAIL = 'api@example.com'


def login(emu, password=PASSWORD, **extra):
    return emu.call('User.Detail', login_email=EMAIL, login_password=password, **extra)


def test_unknown_token_id_is_10002(emu):
    answer = emu.call('Domain.Info', login_token='99999,0123456789abcdef0123456789abcdef',
                      domain='example.com')
    assert answer['status']['code'] == '10002'
    assert answer['status']['message'] == 'The login token ID is invalid'


def test_wrong_secret_and_malformed_token_are_10002(emu):
    assert emu.code('User.Detail', login_token='10000,ffffffffffffffffffffffffffffffff') == '10002'
    assert emu.code('User.Detail', login_token='not-a-token') == '10002'


def test_no_credentials_is_minus_1(emu):
    assert emu.code('User.Detail', auth=False) == '-1'


def test_email_and_password_login(emu):
    assert login(emu)['status']['code'] == '1'


def test_wrong_password_is_minus_1(emu):
    answer = login(emu, password='not-the-password')
    assert answer['status'] == dict(answer['status'], code='-1',
                                    message='Login fail, please check login info')


def test_unknown_email_is_minus_1(emu):
    assert emu.code('User.Detail', login_email='nobody@example.com',
                    login_password=PASSWORD) == '-1'


def test_email_login_refused_when_not_allowed(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'email_login_allowed': False}))
    answer = login(emu)
    assert answer['status']['code'] == '8'
    assert answer['status']['message'] == 'Prohibit req by email, Request by token'
    assert emu.code('User.Detail') == '1'


def test_lockout_after_30_failures_even_with_the_right_password(emu):
    for attempt in range(30):
        assert login(emu, password='wrong-password')['status']['code'] == '-1'
    assert login(emu)['status']['code'] == '1'        # 30 failures: still allowed
    assert login(emu, password='wrong-password')['status']['code'] == '-8'   # the 31st
    assert login(emu)['status']['code'] == '-8'
    assert emu.code('User.Detail') == '-8'             # the token names the same account


def test_token_failures_count_for_the_account(emu):
    bad = '10000,ffffffffffffffffffffffffffffffff'
    for attempt in range(30):
        assert emu.code('User.Detail', login_token=bad) == '10002'
    assert emu.code('User.Detail', login_token=bad) == '-8'
    assert emu.code('User.Detail') == '-8'


def test_lockout_ends_after_lockout_seconds(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'lockout_failures': 2, 'lockout_seconds': 0.5}))
    assert [login(emu, password='wrong-pw')['status']['code'] for attempt in range(3)] \
        == ['-1', '-1', '-8']
    assert login(emu)['status']['code'] == '-8'
    time.sleep(0.6)
    assert login(emu)['status']['code'] == '1'


def test_failures_outside_the_window_do_not_count(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'lockout_failures': 2,
                                            'lockout_window_seconds': 0.4}))
    for attempt in range(2):
        assert login(emu, password='wrong-pw')['status']['code'] == '-1'
    time.sleep(0.5)
    assert login(emu, password='wrong-pw')['status']['code'] == '-1'
    assert login(emu)['status']['code'] == '1'


def test_lockout_is_per_account(start_emulator):
    emu = start_emulator({'settings': {'lockout_failures': 1}, 'accounts': [
        {'user_id': 1, 'email': 'a@example.com', 'password': 'password-a',
         'login_token': '1,aaaaaaaa'},
        {'user_id': 2, 'email': 'b@example.com', 'password': 'password-b',
         'login_token': '2,bbbbbbbb'}]})
    for attempt in range(2):
        emu.call('User.Detail', login_email='a@example.com', login_password='nope-nope')
    assert emu.code('User.Detail', login_token='1,aaaaaaaa') == '-8'
    assert emu.code('User.Detail', login_token='2,bbbbbbbb') == '1'


DTOKEN_SEED = {'accounts': [{'user_id': 777, 'email': 'd@example.com', 'password': 'secret-pw',
                             'dtoken': True, 'dtoken_code': '123456'}]}


def dlogin(emu, headers=None, **extra):
    return emu.call('User.Detail', login_email='d@example.com', login_password='secret-pw',
                    headers=headers, **extra)


def test_dtoken_needs_a_code(start_emulator):
    emu = start_emulator(DTOKEN_SEED)
    assert dlogin(emu)['status']['code'] == '50'


def test_dtoken_wrong_code_is_52(start_emulator):
    emu = start_emulator(DTOKEN_SEED)
    assert dlogin(emu, login_code='000000')['status']['code'] == '52'


def test_dtoken_right_code_sets_a_cookie_that_replaces_the_code(start_emulator):
    emu = start_emulator(DTOKEN_SEED)
    status, headers, body = emu.http('POST', '/User.Detail', {
        'login_email': 'd@example.com', 'login_password': 'secret-pw', 'login_code': '123456',
        'login_remember': 'yes', 'format': 'json'})
    assert b'"code":"1"' in body
    cookie = headers['Set-Cookie'].split(';')[0]
    assert cookie.startswith('t777=')
    assert dlogin(emu, headers={'Cookie': cookie})['status']['code'] == '1'
    assert dlogin(emu, headers={'Cookie': 't777=forged'})['status']['code'] == '50'
    # the cookie does not replace the password
    assert emu.call('User.Detail', login_email='d@example.com', login_password='wrong-pw',
                    headers={'Cookie': cookie})['status']['code'] == '-1'


def test_dtoken_without_remember_sets_no_cookie(start_emulator):
    emu = start_emulator(DTOKEN_SEED)
    _s, headers, body = emu.http('POST', '/User.Detail', {
        'login_email': 'd@example.com', 'login_password': 'secret-pw', 'login_code': '123456',
        'login_remember': 'no', 'format': 'json'})
    assert b'"code":"1"' in body and 'Set-Cookie' not in headers


INTL_SEED = {'settings': {'flavor': 'intl'}, 'accounts': [
    {'user_id': 730060, 'email': 'api@dnspod.com', 'password': 'password',
     'domains': [{'name': 'example.com'}]}]}


def test_intl_auth_gives_a_user_token(start_emulator):
    emu = start_emulator(INTL_SEED)
    answer = emu.call('Auth', login_email='api@dnspod.com', login_password='password')
    assert answer['status']['code'] == '1'
    user_token = answer['user_token']
    assert user_token.startswith('730060,')
    info = emu.call('Domain.Info', user_token=user_token, domain='example.com')
    assert info['status']['code'] == '1'


def test_intl_auth_codes(start_emulator):
    emu = start_emulator(INTL_SEED)
    assert emu.code('Auth', login_email='not-an-email', login_password='password') == '10003'
    assert emu.code('Auth', login_email='api@dnspod.com', login_password='12345') == '10004'
    assert emu.code('Auth', login_email='x@dnspod.com', login_password='password') == '10005'
    assert emu.code('Auth', login_email='api@dnspod.com', login_password='password1') == '-1'


def test_intl_invalid_user_tokens(start_emulator):
    emu = start_emulator(INTL_SEED)
    assert emu.code('Domain.Info', user_token='1,abc', domain='example.com') == '-1'
    assert emu.code('Domain.Info', user_token='730060,abc', domain='example.com') == '20004'


def test_rate_limit(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'rate_limit_per_hour': 5}))
    codes = [emu.code('Info.Version') for attempt in range(7)]
    assert codes == ['1'] * 5 + ['-2', '-2']


def test_rate_limit_zero_is_off(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'rate_limit_per_hour': 0}))
    assert set(emu.code('Info.Version') for attempt in range(20)) == {'1'}


def test_user_id_is_ignored_for_ordinary_accounts(emu):
    assert emu.code('User.Detail', user_id='12345') == '1'


def test_agent_user_id_codes(start_emulator):
    emu = start_emulator({'accounts': [{'user_id': 5, 'login_token': '5,agent', 'agent': True}]})
    assert emu.code('User.Detail', login_token='5,agent', user_id='abc') == '6'
    assert emu.code('User.Detail', login_token='5,agent', user_id='6') == '7'
    assert emu.code('User.Detail', login_token='5,agent', user_id='5') == '1'
