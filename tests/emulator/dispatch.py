"""One API call from parameters to answer: method, action, login, rate limit, action, log."""
from . import actions_account, actions_domain, actions_record
from . import actions_agent, actions_alias, actions_group, actions_lock, actions_monitor
from . import actions_product, actions_share
from . import auth, ratelimit
from .clock import beijing_now
from .errors import ApiError
from .registry import ACTIONS, Context
from . import render
from . import validate

SECRET_PARAMS = frozenset(['login_token', 'user_token', 'login_password', 'login_code',
                           'password', 'old_password', 'new_password', 'lock_code',
                           'callback_key', 'code', 'verify_code'])
SUCCESS = ('Action completed successful', '操作已经成功完成')
INTL_ONLY = frozenset(['Auth'])
# importing these modules registers their actions in registry.ACTIONS
ACTION_MODULES = (actions_account, actions_domain, actions_record, actions_agent, actions_alias,
                  actions_group, actions_lock, actions_monitor, actions_product, actions_share)


def redact(params):
    return dict((k, '***' if k in SECRET_PARAMS else v) for k, v in params.items())


def _lang(params):
    return 'cn' if (params.get('lang') or '').strip().lower() == 'cn' else 'en'


def handle(state, method, action_name, params, cookies, client_ip, user_agent=''):
    """(doc, format, extra headers) for one call; logs it in ``state.requests``."""
    lang = _lang(params)
    extra = []
    account = None
    ctx = None
    write_action = False
    with state.lock:
        try:
            if method != 'POST':
                raise ApiError('2', 'POST method only', '只允许POST方法')
            entry = ACTIONS.get(action_name)
            if entry is None or (action_name in INTL_ONLY and state.flavor != 'intl'):
                raise ApiError('-99', 'This API is not ready to be used (unknown action %s)'
                               % action_name, '此功能暂停开放，请稍候重试')
            func, write_action = entry
            if action_name == 'Auth':
                if not (params.get('login_email') or '').strip():
                    raise ApiError('10003', 'Account email is invalid', '帐号邮箱不正确')
                account, cookie = auth.password_login(state, params, cookies, auth_endpoint=True)
            else:
                account, cookie = auth.authenticate(state, params, cookies)
            if cookie:
                extra.append(('Set-Cookie', cookie))
            account = _agent_user_id(state, account, params, action_name)
            ratelimit.check(state, account)
            ctx = Context(state, params, account, client_ip)
            body = func(ctx)
            message = ctx.message or SUCCESS[1 if lang == 'cn' else 0]
            doc = render.envelope('1', message, body)
        except ApiError as exc:
            doc = render.envelope(exc.code, exc.message(lang))
        state.seq += 1
        state.requests.append({
            'seq': state.seq,
            'time': beijing_now(),
            'method': method,
            'action': action_name,
            'params': redact(params),
            'code': doc['status']['code'],
            'write': bool(ctx is not None and ctx.changed and doc['status']['code'] == '1'),
            'write_action': write_action,
            'user_id': account.user_id if account is not None else None,
            'user_agent': user_agent,
        })
    return doc, params.get('format'), extra


def _agent_user_id(state, account, params, action_name=None):
    """The account a call acts as (see docs/emulator.md, "Agent API").

    Ordinary accounts: user_id is ignored. Agents: user_id names the agent itself or one of its
    users (6 malformed, 7 unknown or not under this agent) and the call acts as that user; the
    calls of the agent document act as the agent, and for those of ``OWN_USER_ID`` user_id is
    the action's own parameter, which the action checks with its own codes.
    """
    raw = params.get('user_id')
    if raw is None or raw.strip() == '' or not account.agent:
        return account
    if action_name in actions_agent.OWN_USER_ID:
        return account
    number = validate.int_param(raw)
    if number is None or number <= 0:
        raise ApiError('6', 'Invalid user_id', '用户ID错误')
    if number == account.user_id:
        return account
    user = state.by_user_id.get(number)
    if user is None or not actions_agent.is_under(state, account, user):
        raise ApiError('7', 'User is not under this agent', '用户不在您名下')
    if action_name in actions_agent.AGENT_ACTIONS:
        return account
    return user
