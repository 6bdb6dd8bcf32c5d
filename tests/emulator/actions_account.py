"""Info.Version, the account actions (003/004) and (api.dnspod.com flavour) Auth.

User.Detail, User.Modify, Userpasswd.Modify, Useremail.Modify, Telephoneverify.Code, User.Log.
The area's data lives in ``account.ext['account']`` (see ``_ext``); seed and dump keys at the
account level: ``im``, ``email_verified``, ``telephone_verified``, ``log``. Choices where the
documents say nothing are listed in docs/emulator.md ("Account area").

``Userpassword.Modify`` (the curl example of 004) is not registered: both documents give the
address ``Userpasswd.Modify``; the example's spelling answers -99 like any unknown action.
"""
import collections
import random
import re
import secrets

from . import auth
from . import extensions
from .clock import beijing_now
from .errors import ApiError
from .registry import action

AREA = 'account'
LOG_LIMIT = 500             # entries kept by User.Log (newest first)
PASSWORD_HISTORY = 5        # earlier passwords a new one may not repeat (code 87)
TELEPHONE = re.compile(r'^1[3-9][0-9]{9}$')          # a mainland mobile number, as in the samples
QQ = re.compile(r'^[1-9][0-9]{4,10}$')
EMAIL = re.compile(r'^[^@\s"<>,;]+@[^@\s"<>,;]+\.[^@\s"<>,;.]+$')
WEAK_PASSWORDS = frozenset(['password', 'password1', '12345678', '123456789', '1234567890', 'qwerty123',
                            'abc12345', '11111111', 'iloveyou', 'dnspod123', 'admin123'])


def _ext(account):
    """The account area's data, created with its defaults on first use."""
    data = account.ext.get(AREA)
    if data is None:
        data = {
            'im': '',
            'email_verified': True,
            'telephone_verified': bool(account.telephone),
            'log': collections.deque(maxlen=LOG_LIMIT),
            'password_history': [],        # earlier passwords, newest last (never dumped)
            'pending_code': None,          # (telephone, code) of the last Telephoneverify.Code
        }
        account.ext[AREA] = data
    return data


def _log(ctx, text):
    _ext(ctx.account)['log'].appendleft('%s(API): (%s) %s' % (beijing_now(), ctx.client_ip, text))


def _yes_no(flag):
    return 'yes' if flag else 'no'


# -- seed and dump ------------------------------------------------------------------------------
def _seed_error(message):
    # imported here: seed.py imports the areas' modules
    from .seed import SeedError  # pylint: disable=import-outside-toplevel
    return SeedError(message)


def _loader(key, kind, check=None):
    def load(state, account, where, value):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _seed_error('%s: expected %s, got %r' % (where, kind.__name__, value))
        if check is not None:
            check(where, value)
        data = _ext(account)
        if key == 'log':
            data['log'].extend(value)
        else:
            data[key] = value
    return load


def _check_im(where, value):
    if value and not QQ.match(value):
        raise _seed_error('%s: not a QQ number: %r' % (where, value))


def _check_log(where, value):
    for index, line in enumerate(value):
        if not isinstance(line, str):
            raise _seed_error('%s[%d]: expected str, got %r' % (where, index, line))


extensions.seed_key('account', 'im')(_loader('im', str, _check_im))
extensions.seed_key('account', 'email_verified')(_loader('email_verified', bool))
extensions.seed_key('account', 'telephone_verified')(_loader('telephone_verified', bool))
extensions.seed_key('account', 'log')(_loader('log', list, _check_log))
extensions.dump_key('account', 'im')(lambda state, account: _ext(account)['im'])
extensions.dump_key('account', 'email_verified')(lambda state, account: _ext(account)['email_verified'])
extensions.dump_key('account', 'telephone_verified')(lambda state, account: _ext(account)['telephone_verified'])
extensions.dump_key('account', 'log')(lambda state, account: list(_ext(account)['log']))


# -- actions ------------------------------------------------------------------------------------
@action('Info.Version')
def info_version(ctx):
    ctx.message = '4.6'
    return {}


@action('User.Detail')
def user_detail(ctx):
    acc = ctx.account
    data = _ext(acc)
    return {'info': {'user': {
        'real_name': acc.real_name,
        'user_type': acc.user_type,
        'telephone': acc.telephone,
        'im': data['im'],
        'nick': acc.nick,
        'id': str(acc.user_id),
        'email': acc.email,
        'status': 'enabled',
        'email_verified': _yes_no(data['email_verified']),
        'telephone_verified': _yes_no(data['telephone_verified']),
        'weixin_binded': 'no',
        'agent_pending': False,
        'balance': acc.balance,
        'smsbalance': 0,
        'user_grade': acc.user_grade(),
    }}}


@action('User.Modify', write=True)
def user_modify(ctx):
    """real_name, nick, telephone, im: each optional; an empty value clears the field."""
    acc = ctx.account
    data = _ext(acc)
    telephone = ctx.get('telephone')
    if telephone is not None:
        telephone = telephone.strip()
        if telephone and not TELEPHONE.match(telephone):
            raise ApiError('8', 'Telephone number is invalid', '手机号码不正确')
    im = ctx.get('im')
    if im is not None:
        im = im.strip()
        if im and not QQ.match(im):
            raise ApiError('9', 'QQ number is invalid', '用户qq不正确')
    changes = []
    for name in ('real_name', 'nick'):
        value = ctx.get(name)
        if value is not None and value.strip() != getattr(acc, name):
            setattr(acc, name, value.strip())
            changes.append(name)
    if telephone is not None and telephone != acc.telephone:
        acc.telephone = telephone
        data['telephone_verified'] = False       # a new number is not verified yet
        data['pending_code'] = None
        changes.append('telephone')
    if im is not None and im != data['im']:
        data['im'] = im
        changes.append('im')
    if changes:
        ctx.changed = True
        _log(ctx, '修改资料 %s' % ','.join(changes))
    return {}


def _password_classes(password):
    return sum(1 for test in (str.islower, str.isupper, str.isdigit)
               if any(test(c) for c in password)) + (1 if any(not c.isalnum() for c in password) else 0)


@action('Userpasswd.Modify', write=True)
def userpasswd_modify(ctx):
    acc = ctx.account
    data = _ext(acc)
    old = ctx.get('old_password') or ''
    if acc.password is None or not secrets.compare_digest(old, acc.password):
        raise ApiError('8', 'Old password is wrong', '旧密码错误')
    new = ctx.get('new_password') or ''
    if not 6 <= len(new) <= 32 or new != new.strip():
        raise ApiError('9', 'New password is invalid (6-32 characters, no surrounding blanks)', '新密码错误')
    if new == acc.password or new in data['password_history']:
        raise ApiError('87', 'The new password cannot be a password used before', '新密码不能和之前用过的密码一样')
    if new.lower() in WEAK_PASSWORDS or len(set(new)) < 3 or _password_classes(new) < 2:
        raise ApiError('88', 'The new password is not safe, please use another one', '新密码不安全, 请使用另外的密码')
    data['password_history'] = (data['password_history'] + [acc.password])[-PASSWORD_HISTORY:]
    acc.password = new
    acc.user_tokens.clear()          # intl user_tokens obtained with the old password end
    ctx.changed = True
    _log(ctx, '修改密码')
    return {}


@action('Useremail.Modify', write=True)
def useremail_modify(ctx):
    acc = ctx.account
    data = _ext(acc)
    state = ctx.state
    old = (ctx.get('old_email') or '').strip()
    if old.lower() != acc.email.lower():
        raise ApiError('8', 'Old email is wrong', '旧邮箱错误')
    new = (ctx.get('new_email') or '').strip()
    other = state.by_email.get(new.lower())
    if not EMAIL.match(new) or len(new) > 100 or new.lower() == acc.email.lower() or \
            (other is not None and other is not acc):
        raise ApiError('9', 'New email is wrong (not an address, the current one, or used by another account)',
                       '新邮箱错误')
    password = ctx.get('password') or ''
    if acc.password is None or not secrets.compare_digest(password, acc.password):
        raise ApiError('10', 'Current password is wrong', '当前密码错误')
    del state.by_email[acc.email.lower()]
    acc.email = new
    state.by_email[new.lower()] = acc
    data['email_verified'] = False
    ctx.changed = True
    _log(ctx, '修改邮箱 %s -> %s' % (old, new))
    return {}


@action('Telephoneverify.Code', write=True)
def telephoneverify_code(ctx):
    """Sends a code (counted as a write: a message goes out, not free to repeat)."""
    acc = ctx.account
    data = _ext(acc)
    if data['telephone_verified']:
        raise ApiError('4', 'Telephone is verified', '用户已经通过手机验证')
    telephone = (ctx.get('telephone') or '').strip()
    if not TELEPHONE.match(telephone):
        raise ApiError('5', 'Telephone number is invalid', '手机号码非法')
    code = '%06d' % random.SystemRandom().randrange(1000000)
    data['pending_code'] = (telephone, code)
    ctx.changed = True
    _log(ctx, '获取手机验证码 %s' % telephone)
    return {'user': {
        'verify_code': code,
        'verify_desc': '请使用 %s 编辑短信，将 %s 发送至号码  159 6183 3568。' % (telephone, code),
    }}


@action('User.Log')
def user_log(ctx):
    return {'log': list(_ext(ctx.account)['log'])}


@action('Auth')
def auth_action(ctx):
    """Only registered as an action on the intl flavour (see dispatch); logs in by password."""
    return {'user_token': auth.issue_user_token(ctx.account)}
