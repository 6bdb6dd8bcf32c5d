"""DescribeUserDetail over API 3.0 (the account of the key pair that signed the call)."""
from .. import actions_account as legacy
from ..state import DEFAULT_HOLD_NS
from .registry import action
from . import render


@action('DescribeUserDetail')
def describe_user_detail(call):
    acc = call.account
    user = call.legacy(legacy.user_detail, {})['info']['user']
    return {'UserInfo': {
        'Nick': acc.nick,
        'Id': acc.user_id,
        'Email': acc.email,
        'Status': user['status'],
        'Telephone': acc.telephone,
        'EmailVerified': user['email_verified'],
        'TelephoneVerified': user['telephone_verified'],
        'UserGrade': render.grade_code(acc.user_grade()),
        'RealName': acc.real_name,
        'WechatBinded': user['weixin_binded'],
        # The emulator's Uin is the user id (ModifyDomainOwner takes it as Account).
        'Uin': acc.user_id,
        'FreeNs': [ns.rstrip('.') for ns in DEFAULT_HOLD_NS],
        'AllowTransferIn': True,
    }}
