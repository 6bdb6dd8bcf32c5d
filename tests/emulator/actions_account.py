"""Info.Version, User.Detail and (api.dnspod.com flavour) Auth."""
from . import auth
from .registry import action


@action('Info.Version')
def info_version(ctx):
    ctx.message = '4.6'
    return {}


@action('User.Detail')
def user_detail(ctx):
    acc = ctx.account
    return {'info': {'user': {
        'real_name': acc.real_name,
        'user_type': acc.user_type,
        'telephone': acc.telephone,
        'im': '',
        'nick': acc.nick,
        'id': str(acc.user_id),
        'email': acc.email,
        'status': 'enabled',
        'email_verified': 'yes',
        'telephone_verified': 'yes' if acc.telephone else 'no',
        'weixin_binded': 'no',
        'agent_pending': False,
        'balance': acc.balance,
        'smsbalance': 0,
        'user_grade': acc.user_grade(),
    }}}


@action('Auth')
def auth_action(ctx):
    """Only registered as an action on the intl flavour (see dispatch); logs in by password."""
    return {'user_token': auth.issue_user_token(ctx.account)}
