"""agent API: User.List/Under/Transfer/Create, Verify.Email/Telephone.

Agents are accounts with ``agent: true``. Their users are other accounts of the state; the
relation is kept as ``state.ext['agent']['parent']`` (user id -> agent id). Verify.* set the
``email_verified``/``telephone_verified`` flags of the account area (User.Detail); agents'
points and discount are ``account.ext['agent']['points'|'discount']``.

Every action of the agent document is registered with ``agent_action``: a non-agent gets -3, and
the dispatcher keeps such a call on the agent itself (``AGENT_ACTIONS``); for the actions of
``OWN_USER_ID`` ``user_id`` is the action's own parameter (the user acted on), not the global one.
"""
import ipaddress
import re

from . import actions_account  # noqa: F401  pylint: disable=unused-import
from . import extensions, validate
from .errors import ApiError
from .paging import page
from .registry import ACTIONS, action
from .seed import SeedError
from .state import Account

AREA = 'agent'
AGENT_ACTIONS = set()      # actions of the agent document: the call acts as the agent
OWN_USER_ID = set()        # ... and user_id is their own parameter (checked by the action)
VERIFY_KINDS = ('email', 'telephone')

_EMAIL = re.compile(r'^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$')
_MOBILE = re.compile(r'^1[3-9][0-9]{9}$')
_ORG_CODE = re.compile(r'^[0-9A-Z]{8}-?[0-9X]$')
_QQ = re.compile(r'^[1-9][0-9]{4,10}$')


def agent_action(name, write=False, own_user_id=False):
    """Register an action of the agent document; non-agents are refused with -3."""
    def register(func):
        def run(ctx):
            if not ctx.account.agent:
                raise ApiError('-3', 'Not a valid agent', '不是合法代理')
            return func(ctx)
        run.__name__ = func.__name__
        run.__doc__ = func.__doc__
        AGENT_ACTIONS.add(name)
        if own_user_id:
            OWN_USER_ID.add(name)
        action(name, write=write)(run)
        return func
    return register


# -- the relation -------------------------------------------------------------------------------
def _parents(state):
    return state.ext.setdefault(AREA, {}).setdefault('parent', {})


def agent_of(state, account):
    """The Account of the agent ``account`` is under, or None."""
    agent_id = _parents(state).get(account.user_id)
    return state.by_user_id.get(agent_id) if agent_id is not None else None


def users_of(state, agent):
    parents = _parents(state)
    return [a for a in state.accounts if parents.get(a.user_id) == agent.user_id]


def is_under(state, agent, account):
    return _parents(state).get(account.user_id) == agent.user_id


def _info(account):
    return account.ext.setdefault(AREA, {})


def _verification(account):
    """The dict holding the account's ``email_verified``/``telephone_verified`` flags: the account
    area's data (actions_account._ext, shown by its User.Detail) when it has one, else ours."""
    shared = getattr(actions_account, '_ext', None)
    if shared is not None:
        return shared(account)
    return _info(account).setdefault('verified', {'email_verified': True,
                                                  'telephone_verified': bool(account.telephone)})


def verified(account, kind):
    return bool(_verification(account).get('%s_verified' % kind))


def _set_verified(account, kind, flag=True):
    """Set a flag; whether it changed."""
    data = _verification(account)
    key = '%s_verified' % kind
    if bool(data.get(key)) == flag:
        return False
    data[key] = flag
    return True


def points(account):
    return account.ext.get(AREA, {}).get('points', 0)


def add_points(account, amount):
    _info(account)['points'] = points(account) + amount


def discount(account):
    return account.ext.get(AREA, {}).get('discount', 100)


def valid_ip(value):
    """A public-looking address: not loopback, unspecified, multicast, link-local or reserved."""
    try:
        addr = ipaddress.ip_address((value or '').strip())
    except ValueError:
        return False
    return not (addr.is_loopback or addr.is_unspecified or addr.is_multicast
                or addr.is_link_local or addr.is_reserved)


def _user_param(ctx, code):
    """The Account named by the action's own user_id parameter, or ApiError(code)."""
    number = validate.int_param(ctx.get('user_id'))
    account = ctx.state.by_user_id.get(number) if number is not None else None
    if account is None:
        raise ApiError(code, 'User id invalid', '用户ID错误')
    return account


# -- actions ------------------------------------------------------------------------------------
def user_out(state, account):
    return {
        'id': str(account.user_id),
        'email': account.email,
        'status': 'enabled',
        'domains': str(len(account.domains)),
        'points': str(points(account)),
    }


@agent_action('User.List')
def user_list(ctx):
    offset, length = page(ctx, '6', '7')
    users = users_of(ctx.state, ctx.account)
    if not users and ctx.error_on_empty:
        raise ApiError('8', 'No users under this account', '账号下没有用户')
    return {'info': {'user_total': len(users)},
            'users': [user_out(ctx.state, a) for a in users[offset:offset + length]]}


@agent_action('User.Under')
def user_under(ctx):
    email = (ctx.get('user_email') or '').strip()
    if not _EMAIL.match(email):
        raise ApiError('6', 'Email address invalid', '邮箱地址错误')
    account = ctx.state.by_email.get(email.lower())
    if account is None:
        raise ApiError('7', 'User does not exist', '用户不存在')
    if not is_under(ctx.state, ctx.account, account):
        raise ApiError('8', 'User is not under this agent', '不在名下')
    return {}


@agent_action('User.Transfer', write=True, own_user_id=True)
def user_transfer(ctx):
    state = ctx.state
    user_number = validate.int_param(ctx.get('user_id'))
    agent_number = validate.int_param(ctx.get('agent_id'))
    user = state.by_user_id.get(user_number) if user_number is not None else None
    target = state.by_user_id.get(agent_number) if agent_number is not None else None
    if user is None or target is None:
        raise ApiError('6', 'User id or agent id invalid', '用户 ID 或代理 ID 错误')
    if not is_under(state, ctx.account, user):
        raise ApiError('7', 'User is not under this agent', '用户不在名下')
    if not target.agent or target is user:
        raise ApiError('8', 'The other side is not a valid agent', '对方不是合法代理')
    if target is ctx.account:
        return {}
    _parents(state)[user.user_id] = target.user_id
    ctx.changed = True
    return {}


@agent_action('User.Create', write=True)
def user_create(ctx):
    state = ctx.state
    email = (ctx.get('email') or '').strip()
    if not _EMAIL.match(email) or len(email) > 100:
        raise ApiError('6', 'Email invalid', '用户邮箱不正确')
    if email.lower() in state.by_email:
        raise ApiError('7', 'Email already exists', '用户邮箱已经存在')
    password = ctx.get('password') or ''
    if not 6 <= len(password) <= 18:
        raise ApiError('8', 'Password must be 6-18 characters', '密码不符合要求(6-18 位)')
    user_type = (ctx.get('user_type') or '').strip()
    if user_type not in ('personal', 'enterprise'):
        raise ApiError('9', 'User type invalid', '用户类型不正确')
    real_name = (ctx.get('real_name') or '').strip()
    if not real_name or len(real_name) > 64:
        raise ApiError('10', 'Real name (company name) invalid', '真实姓名错误')
    id_card = (ctx.get('id_card') or '').strip()
    if user_type == 'enterprise' and not _ORG_CODE.match(id_card):
        raise ApiError('11', 'Organization code invalid', '企业组织机构代码不合法')
    telephone = (ctx.get('telephone') or '').strip()
    if not _MOBILE.match(telephone):
        raise ApiError('12', 'Telephone invalid', '手机号码不正确')
    im = (ctx.get('im') or '').strip()
    if im and not (_QQ.match(im) or _EMAIL.match(im)):
        raise ApiError('13', 'QQ/MSN invalid', '用户 qq/msn 不正确')
    if not valid_ip(ctx.get('ip_addr')):
        raise ApiError('15', 'User IP address invalid', '用户 IP 地址不正确')
    user_id = max([a.user_id for a in state.accounts] + [9999]) + 1
    account = Account(user_id, email, password=password, real_name=real_name,
                      telephone=telephone, user_type=user_type)
    _info(account).update(id_card=id_card)
    _set_verified(account, 'email', False)
    _set_verified(account, 'telephone', False)
    if getattr(actions_account, '_ext', None) is not None:
        actions_account._ext(account)['im'] = im  # pylint: disable=protected-access
    state.add_account(account)
    _parents(state)[user_id] = ctx.account.user_id
    ctx.changed = True
    return {'user': {'id': str(user_id)}}


def _verify_target(ctx):
    account = _user_param(ctx, '-5')
    if not is_under(ctx.state, ctx.account, account):
        raise ApiError('-4', 'User is not under this agent', '不在代理名下')
    return account


@agent_action('Verify.Email', write=True, own_user_id=True)
def verify_email(ctx):
    account = _verify_target(ctx)
    ctx.changed = _set_verified(account, 'email')
    return {}


@agent_action('Verify.Telephone', write=True, own_user_id=True)
def verify_telephone(ctx):
    account = _verify_target(ctx)
    telephone = (ctx.get('telephone') or '').strip()
    if not _MOBILE.match(telephone):
        raise ApiError('4', 'Telephone invalid', '手机号码非法')
    if account.telephone != telephone:
        account.telephone = telephone
        _set_verified(account, 'telephone', False)
        ctx.changed = True
    ctx.changed = _set_verified(account, 'telephone') or ctx.changed
    return {}


# Without the account area's data, User.Detail is made to show ours.
if getattr(actions_account, '_ext', None) is None:
    _BASE_USER_DETAIL, _USER_DETAIL_WRITE = ACTIONS['User.Detail']

    def user_detail(ctx):
        body = _BASE_USER_DETAIL(ctx)
        user = (body.get('info') or {}).get('user')
        if isinstance(user, dict):
            for kind in VERIFY_KINDS:
                user['%s_verified' % kind] = 'yes' if verified(ctx.account, kind) else 'no'
        return body

    ACTIONS['User.Detail'] = (user_detail, _USER_DETAIL_WRITE)


# -- seed and dump ------------------------------------------------------------------------------
@extensions.seed_key('account', 'sub_users')
def _load_sub_users(state, account, where, value):
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool)
                                              for v in value):
        raise SeedError('%s: expected a list of user ids' % where)
    if value and not account.agent:
        raise SeedError('%s: only an account with "agent": true has sub-users' % where)
    parents = _parents(state)
    for user_id in value:
        user = state.by_user_id.get(user_id)
        if user is None:
            raise SeedError('%s: no account with user_id %d' % (where, user_id))
        if user is account:
            raise SeedError('%s: an agent is not its own sub-user' % where)
        if user_id in parents and parents[user_id] != account.user_id:
            raise SeedError('%s: user %d is already under agent %d'
                            % (where, user_id, parents[user_id]))
        parents[user_id] = account.user_id


@extensions.dump_key('account', 'sub_users')
def _dump_sub_users(state, account):
    return [a.user_id for a in users_of(state, account)]


@extensions.seed_key('account', 'points')
def _load_points(state, account, where, value):
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SeedError('%s: expected an integer >= 0' % where)
    _info(account)['points'] = value


@extensions.dump_key('account', 'points')
def _dump_points(state, account):
    return points(account)


@extensions.seed_key('account', 'discount')
def _load_discount(state, account, where, value):
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100:
        raise SeedError('%s: expected an integer percentage 1-100' % where)
    _info(account)['discount'] = value


@extensions.dump_key('account', 'discount')
def _dump_discount(state, account):
    return discount(account)
