"""Groups, aliases, locks and shares over API 3.0: DescribeDomainGroupList, CreateDomainGroup,
DescribeDomainAliasList, CreateDomainAlias, DeleteDomainAlias, ModifyDomainLock,
ModifyDomainUnlock, DescribeDomainShareInfo, DeleteShareDomain."""
from .. import actions_alias, actions_group, actions_lock, actions_share
from .errors import TcError
from .registry import action

DOMAIN = {'Domain': 'str', 'DomainId': 'int'}
MAX_GROUP_NAME = 17          # InvalidParameter.GroupNameInvalid: "分组名为1-17个字符"
GATE = {'-7': 'OperationDenied.VipDomainAllowed', '-8': 'OperationDenied.AgentSubordinateDenied',
        '-15': 'FailedOperation.DomainIsSpam'}


# -- groups (no VIP gate on API 3.0: DescribeDomainGroupList documents none) --------------------
@action('DescribeDomainGroupList')
def describe_domain_group_list(call):
    sizes = {}
    for domain in call.account.domains.values():
        sizes[domain.group_id] = sizes.get(domain.group_id, 0) + 1
    groups = [{'GroupId': int(gid), 'GroupName': name, 'GroupType': 'system', 'Size': sizes.get(gid, 0)}
              for gid, name in actions_group.SYSTEM_GROUPS]
    groups += [{'GroupId': int(gid), 'GroupName': name, 'GroupType': 'custom', 'Size': sizes.get(gid, 0)}
               for gid, name in actions_group.custom_groups(call.account).items()]
    return {'GroupList': groups}


@action('CreateDomainGroup', {'GroupName': 'str'}, write=True)
def create_domain_group(call):
    name = (call.get('GroupName') or '').strip()
    if not name:
        raise TcError('InvalidParameter.GroupNameEmpty', 'The group name is empty.')
    if len(name) > MAX_GROUP_NAME:
        raise TcError('InvalidParameter.GroupNameInvalid', 'A group name has 1-%d characters.' % MAX_GROUP_NAME)
    groups = actions_group.custom_groups(call.account)
    if name in [n for _gid, n in actions_group.SYSTEM_GROUPS] + list(groups.values()):
        raise TcError('InvalidParameter.GroupNameExists', 'A group named %s exists.' % name)
    if len(groups) >= actions_group.group_limit(call.state, call.account):
        raise TcError('LimitExceeded.GroupNumberLimit', 'The account has the most groups it may have.')
    gid = actions_group.new_group_id(call.state)
    groups[gid] = name
    call.changed = True
    return {'GroupId': int(gid)}


# -- aliases ------------------------------------------------------------------------------------
@action('DescribeDomainAliasList', DOMAIN, required=('Domain',))
def describe_domain_alias_list(call):
    domain = call.domain()
    aliases = domain.ext.get(actions_alias.AREA) or []
    if not aliases:
        raise TcError('ResourceNotFound.NoDataOfDomainAlias', 'The domain has no alias.')
    return {'DomainAliasList': [{'Id': a['id'], 'DomainAlias': a['name'], 'Status': 2} for a in aliases]}


@action('CreateDomainAlias', dict(DOMAIN, DomainAlias='str'), required=('Domain', 'DomainAlias'), write=True)
def create_domain_alias(call):
    domain = call.domain()
    alias = call.get('DomainAlias').strip().lower().rstrip('.')
    own = call.state.domain_names.get(alias)
    if own is not None and own.owner is call.account:
        raise TcError('InvalidParameter.AliasIsMyDomain', 'The alias %s is a domain of this account.' % alias)
    table = dict(GATE, **{'7': 'InvalidParameter.DomainInvalid', '8': 'InvalidParameter.DomainAliasExists',
                          '9': 'InvalidParameter.DomainAliasExists',
                          '10': 'LimitExceeded.DomainAliasNumberLimit'})
    body = call.legacy(actions_alias.alias_create, {'domain_id': domain.id, 'domain': alias}, table)
    return {'DomainAliasId': int(body['alias']['id'])}


@action('DeleteDomainAlias', dict(DOMAIN, DomainAliasId='int'), required=('Domain', 'DomainAliasId'), write=True)
def delete_domain_alias(call):
    domain = call.domain()
    call.legacy(actions_alias.alias_remove, {'domain_id': domain.id, 'alias_id': call.get('DomainAliasId')},
                dict(GATE, **{'7': 'InvalidParameter.DomainAliasIdInvalid'}))
    return {}


# -- locks --------------------------------------------------------------------------------------
@action('ModifyDomainLock', dict(DOMAIN, LockDays='int'), required=('Domain', 'LockDays'), write=True)
def modify_domain_lock(call):
    domain = call.domain()
    body = call.legacy(actions_lock.domain_lock, {'domain_id': domain.id, 'days': call.get('LockDays')},
                       {'8': 'InvalidParameter.LockDaysInvalid', '9': 'InvalidParameter.LockDaysInvalid',
                        '21': 'FailedOperation.DomainIsLocked'})
    lock = body['lock']
    return {'LockInfo': {'DomainId': domain.id, 'LockCode': lock['lock_code'], 'LockEnd': lock['lock_end']}}


@action('ModifyDomainUnlock', dict(DOMAIN, LockCode='str'), required=('Domain', 'LockCode'), write=True)
def modify_domain_unlock(call):
    domain = call.domain()
    call.legacy(actions_lock.domain_unlock, {'domain_id': domain.id, 'lock_code': call.get('LockCode')},
                {'8': 'InvalidParameter.DomainIsNotlocked', '9': 'InvalidParameter.UnLockCodeInvalid'})
    return {}


# -- shares -------------------------------------------------------------------------------------
@action('DescribeDomainShareInfo', DOMAIN, required=('Domain',))
def describe_domain_share_info(call):
    domain = call.domain()
    shares = domain.ext.get(actions_share.AREA) or []
    return {'ShareList': [{'ShareTo': s['email'], 'Mode': s['mode'], 'Status': s['status']} for s in shares],
            'Owner': domain.owner.email}


@action('DeleteShareDomain', dict(DOMAIN, Account='str'), required=('Domain', 'Account'), write=True)
def delete_share_domain(call):
    domain = call.domain()
    call.legacy(actions_share.share_remove, {'domain_id': domain.id, 'email': call.get('Account')},
                dict(GATE, **{'7': 'InvalidParameter.EmailInvalid', '8': 'InvalidParameter.UserNotExists',
                              '9': 'ResourceNotFound'}))
    return {}
