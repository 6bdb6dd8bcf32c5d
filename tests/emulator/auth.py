"""Credentials: login_token, user_token (intl), login_email + login_password (+ D-Token).

Failed logins are counted per account (the account a token id, user_token id or e-mail names);
more than ``lockout_failures`` within ``lockout_window_seconds`` locks the account for
``lockout_seconds``: every call naming it answers -8, even with a correct credential.
"""
import re
import secrets

from .clock import monotonic
from .errors import ApiError

COOKIE_LIFETIME = 30 * 24 * 3600
_TOKEN = re.compile(r'^\s*([0-9]+)\s*,\s*(\S+)\s*$')


def login_fail():
    return ApiError('-1', 'Login fail, please check login info', '登录失败，请检查登录信息')


def locked():
    return ApiError('-8', 'Too many login failures, the account is locked for a while',
                    '登录失败次数过多，帐号被暂时封禁')


def _invalid_token(state, known_id):
    if state.flavor == 'cn':
        return ApiError('10002', 'The login token ID is invalid', '登录令牌ID无效')
    if known_id:
        return ApiError('20004', 'user token validate failed', '用户令牌验证失败')
    return login_fail()


def check_lock(state, account):
    if account.locked_until > monotonic():
        raise locked()


def fail(state, account, error):
    """Count a failed login for ``account`` and raise ``error`` (or -8 once over the limit)."""
    settings = state.settings
    now = monotonic()
    window = settings['lockout_window_seconds']
    account.failures.append(now)
    while account.failures and account.failures[0] <= now - window:
        account.failures.popleft()
    limit = settings['lockout_failures']
    if limit and len(account.failures) > limit:
        account.locked_until = now + settings['lockout_seconds']
        account.failures.clear()
        raise locked()
    raise error


def authenticate(state, params, cookies):
    """The Account a call acts as, and a Set-Cookie value or None; raises ApiError."""
    token = params.get('login_token')
    user_token = params.get('user_token') if state.flavor == 'intl' else None
    if user_token:
        return _by_user_token(state, user_token), None
    if token:
        return _by_login_token(state, token), None
    if params.get('login_email') or params.get('login_password'):
        return password_login(state, params, cookies)
    raise login_fail()


def _by_login_token(state, token):
    m = _TOKEN.match(token)
    account = state.by_token_id.get(m.group(1)) if m else None
    if account is None:
        raise _invalid_token(state, False)
    check_lock(state, account)
    if not secrets.compare_digest(m.group(2), account.login_token[1]):
        fail(state, account, _invalid_token(state, True))
    return account


def _by_user_token(state, token):
    m = _TOKEN.match(token)
    account = state.by_user_id.get(int(m.group(1))) if m else None
    if account is None and m and m.group(1) in state.by_token_id:
        # An API token (ID,TOKEN) sent as user_token: refused with 20004, as live
        # (NewFuture/DDNS issue 286); the token is a login_token on this service too.
        account = state.by_token_id[m.group(1)]
        check_lock(state, account)
        fail(state, account, _invalid_token(state, True))
    if account is None:
        raise _invalid_token(state, False)
    check_lock(state, account)
    if m.group(2) not in account.user_tokens:
        fail(state, account, _invalid_token(state, True))
    return account


def password_login(state, params, cookies, auth_endpoint=False):
    """login_email + login_password (+ login_code / t<user_id> cookie); (account, set_cookie)."""
    if not state.settings['email_login_allowed']:
        raise ApiError('8', 'Prohibit req by email, Request by token', '禁止使用邮箱登录，请使用Token')
    email = (params.get('login_email') or '').strip()
    password = params.get('login_password') or ''
    if auth_endpoint:
        if '@' not in email:
            raise ApiError('10003', 'Account email is invalid', '帐号邮箱不正确')
        if not 6 <= len(password) <= 32:
            raise ApiError('10004', 'Password length is invalid, must between 6 and 32',
                           '密码长度不正确，必须在6到32位之间')
    account = state.by_email.get(email.lower())
    if account is None:
        if auth_endpoint:
            raise ApiError('10005', 'Account is not exist', '帐号不存在')
        raise login_fail()
    check_lock(state, account)
    if account.password is None or not secrets.compare_digest(password, account.password):
        fail(state, account, login_fail())
    set_cookie = None
    if account.dtoken:
        name = 't%d' % account.user_id
        cookie = cookies.get(name)
        now = monotonic()
        if cookie and account.cookies.get(cookie, 0) > now:
            return account, None
        code = params.get('login_code')
        if not code:
            raise ApiError('50', 'You already turned the D-Token on, and we need your D-Token code',
                           '您开启了D令牌，需要验证码')
        if not secrets.compare_digest(code.strip(), account.dtoken_code):
            fail(state, account, ApiError('52', 'Invalid login code', '验证码不正确'))
        if (params.get('login_remember') or 'yes').strip().lower() != 'no':
            value = secrets.token_hex(16)
            account.cookies[value] = now + COOKIE_LIFETIME
            set_cookie = '%s=%s; Max-Age=%d; Path=/; HttpOnly' % (name, value, COOKIE_LIFETIME)
    return account, set_cookie


def issue_user_token(account):
    secret = secrets.token_hex(16)
    account.user_tokens.add(secret)
    return '%d,%s' % (account.user_id, secret)
