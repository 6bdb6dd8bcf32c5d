"""Domains over API 3.0: DescribeDomain, DescribeDomainList, CreateDomain, DeleteDomain,
ModifyDomainStatus, ModifyDomainRemark, ModifyDomainToGroup, ModifyDomainOwner,
DescribeDomainFilterList, DescribeDomainLogList, DescribeDomainPurview (writes run the traditional Domain.* actions)."""
from .. import actions_domain as legacy
from ..actions_group import assignable_group_ids
from .errors import TcError, invalid
from .registry import action
from . import render

DOMAIN = {'Domain': 'str', 'DomainId': 'int'}
LIST_TYPES = ('ALL', 'MINE', 'SHARE', 'ISMARK', 'PAUSE', 'VIP', 'RECENT', 'SHARE_OUT', 'FREE')
MAX_LOG = 500


@action('DescribeDomain', DOMAIN, required=('Domain',))
def describe_domain(call):
    return {'DomainInfo': render.domain_info(call.state, call.domain())}


@action('DescribeDomainList', {'Type': 'str', 'Offset': 'int', 'Limit': 'int', 'GroupId': 'int',
                               'Keyword': 'str', 'Tags': '[obj]'})
def describe_domain_list(call):
    state = call.state
    kind = (call.get('Type') or 'ALL').strip().upper()
    if kind not in LIST_TYPES:
        raise invalid('Type', ', '.join(LIST_TYPES))
    offset = call.get('Offset', 0)
    if offset < 0:
        raise TcError('InvalidParameter.OffsetInvalid', 'Offset must be 0 or more.')
    limit = call.get('Limit', 3000)
    if limit < 1:
        raise TcError('InvalidParameterValue.LimitInvalid', 'Limit must be 1 or more.')
    domains = sorted(call.account.domains.values(), key=lambda d: d.id)

    def free(d):
        return state.grades[d.grade]['free']

    selectors = {
        'ALL': lambda d: True, 'MINE': lambda d: True, 'SHARE': lambda d: False,
        'SHARE_OUT': lambda d: bool(d.ext.get('share')), 'ISMARK': lambda d: d.is_mark == 'yes',
        'PAUSE': lambda d: d.status == 'pause', 'VIP': lambda d: not free(d),
        'RECENT': lambda d: d.touched > 0, 'FREE': free,
    }
    group_id = call.get('GroupId')
    keyword = (call.get('Keyword') or '').strip().lower()
    chosen = [d for d in domains if selectors[kind](d)
              and (group_id is None or d.group_id == str(group_id))
              and (not keyword or keyword in d.name or keyword in d.punycode)]
    return _page(call, chosen, kind, offset, limit, [] if group_id is None else [group_id])


def _page(call, chosen, kind, offset, limit, group_ids):
    """The answer of DescribeDomainList / DescribeDomainFilterList for the matching ``chosen``."""
    state = call.state
    domains = sorted(call.account.domains.values(), key=lambda d: d.id)

    def free(d):
        return state.grades[d.grade]['free']

    if kind == 'RECENT':
        chosen.sort(key=lambda d: -d.touched)
    window = chosen[offset:offset + limit]
    if not window:
        raise TcError('ResourceNotFound.NoDataOfDomain', 'The domain list is empty.')
    info = {
        'DomainTotal': len(chosen),
        'AllTotal': len(domains),
        'MineTotal': len(domains),
        'ShareTotal': 0,
        'VipTotal': len([d for d in domains if not free(d)]),
        'PauseTotal': len([d for d in domains if d.status == 'pause']),
        'ErrorTotal': len([d for d in domains if d.ext_status]),
        'LockTotal': len([d for d in domains if d.locked]),
        'SpamTotal': len([d for d in domains if d.ext_status == 'spam']),
        'VipExpire': 0,
        'ShareOutTotal': len([d for d in domains if d.ext.get('share')]),
        'GroupTotal': len([d for d in domains if d.group_id in [str(g) for g in group_ids]]),
    }
    return {'DomainCountInfo': info, 'DomainList': [render.domain_item(state, d) for d in window]}


FILTER_TYPES = ('ALL', 'MINE', 'SHARE', 'RECENT')
# Status of DescribeDomainFilterList: ENABLE (neither paused, locked nor banned), LOCK, PAUSE, SPAM.
STATUS_FILTERS = {
    'ENABLE': lambda d: d.status == 'enable' and not d.locked and d.ext_status != 'spam',
    'LOCK': lambda d: bool(d.locked),
    'PAUSE': lambda d: d.status == 'pause',
    'SPAM': lambda d: d.ext_status == 'spam',
}


NOT_FILTERED = ('SortField', 'SortType', 'Package', 'Remark', 'UpdatedAtBegin', 'UpdatedAtEnd', 'RecordCountBegin',
                'RecordCountEnd', 'ProjectId', 'Tags')


@action('DescribeDomainFilterList', {'Type': 'str', 'Offset': 'int', 'Limit': 'int', 'GroupId': '[int]',
                                     'Keyword': 'str', 'SortField': 'str', 'SortType': 'str', 'Status': '[str]',
                                     'Package': '[str]', 'Remark': 'str', 'UpdatedAtBegin': 'str',
                                     'UpdatedAtEnd': 'str', 'RecordCountBegin': 'int', 'RecordCountEnd': 'int',
                                     'ProjectId': 'int', 'Tags': '[obj]'}, required=('Type',))
def describe_domain_filter_list(call):
    """The account's domains that pass every filter given: Type, GroupId, Keyword, Status. The
    sorting and the other filters are not emulated: a call giving one answers UnsupportedOperation
    (rather than a list that ignores it)."""
    for name in NOT_FILTERED:
        if call.get(name) not in (None, '', []):
            raise TcError('UnsupportedOperation', 'The emulator does not serve the %s filter of '
                          'DescribeDomainFilterList.' % name)
    kind = call.get('Type').strip().upper()
    if kind not in FILTER_TYPES:
        raise invalid('Type', ', '.join(FILTER_TYPES))
    offset = call.get('Offset', 0)
    if offset < 0:
        raise TcError('InvalidParameter.OffsetInvalid', 'Offset must be 0 or more.')
    limit = call.get('Limit', 5000)
    if limit < 1:
        raise TcError('InvalidParameterValue.LimitInvalid', 'Limit must be 1 or more.')
    statuses = [s.strip().upper() for s in call.get('Status', [])]
    for status in statuses:
        if status not in STATUS_FILTERS:
            raise invalid('Status', ', '.join(STATUS_FILTERS))
    group_ids = [str(g) for g in call.get('GroupId', [])]
    keyword = (call.get('Keyword') or '').strip().lower()
    chosen = [d for d in sorted(call.account.domains.values(), key=lambda d: d.id)
              if kind != 'SHARE'
              and (kind != 'RECENT' or d.touched > 0)
              and (not statuses or any(STATUS_FILTERS[s](d) for s in statuses))
              and (not group_ids or d.group_id in group_ids)
              and (not keyword or keyword in d.name or keyword in d.punycode)]
    return _page(call, chosen, kind, offset, limit, group_ids)


@action('CreateDomain', {'Domain': 'str', 'GroupId': 'int', 'IsMark': 'str', 'TransferSubDomain': 'bool',
                         'Tags': '[obj]'}, required=('Domain',), write=True)
def create_domain(call):
    group_id = call.get('GroupId')
    if group_id is not None and str(group_id) not in assignable_group_ids(call.account):
        raise TcError('InvalidParameter.GroupIdInvalid', 'Group id %d is invalid.' % group_id)
    is_mark = call.get('IsMark')
    if is_mark is not None and is_mark.strip().lower() not in ('yes', 'no'):
        raise invalid('IsMark', 'yes or no')
    body = call.legacy(legacy.domain_create, {'domain': call.get('Domain'), 'group_id': group_id,
                                              'is_mark': is_mark},
                       {'6': 'InvalidParameter.DomainInvalid', '7': 'FailedOperation.DomainExists',
                        '12': 'FailedOperation.DomainOwnedByOtherUser'})
    domain = call.state.domains[int(body['domain']['id'])]
    return {'DomainInfo': {'Id': domain.id, 'Domain': domain.name, 'Punycode': domain.punycode,
                           'GradeNsList': render.ns_list(domain)}}


@action('DeleteDomain', DOMAIN, required=('Domain',), write=True)
def delete_domain(call):
    domain = call.domain()
    call.legacy(legacy.domain_remove, {'domain_id': domain.id},
                {'7': 'FailedOperation.DomainIsLocked', '8': 'FailedOperation.DomainIsVip'})
    return {}


@action('ModifyDomainStatus', dict(DOMAIN, Status='str'), required=('Domain', 'Status'), write=True)
def modify_domain_status(call):
    domain = call.domain()
    status = call.get('Status').strip().lower()
    if status not in ('enable', 'disable'):
        raise invalid('Status', 'enable or disable')
    call.legacy(legacy.domain_status, {'domain_id': domain.id, 'status': status},
                {'7': 'FailedOperation.DomainIsLocked'})
    return {}


@action('ModifyDomainRemark', dict(DOMAIN, Remark='str'), required=('Domain',), write=True)
def modify_domain_remark(call):
    domain = call.domain()
    remark = call.get('Remark', '')
    if len(remark) > 200:
        raise TcError('InvalidParameter.RemarkTooLong', 'Remark is longer than 200 characters.')
    call.legacy(legacy.domain_remark, {'domain_id': domain.id, 'remark': remark})
    return {}


@action('ModifyDomainToGroup', dict(DOMAIN, GroupId='int'), required=('Domain', 'GroupId'), write=True)
def modify_domain_to_group(call):
    domain = call.domain()
    call.legacy(legacy.domain_changegroup, {'domain_id': domain.id, 'group_id': call.get('GroupId')},
                {'7': 'InvalidParameter.GroupIdInvalid'})
    return {}


@action('ModifyDomainOwner', dict(DOMAIN, Account='str'), required=('Domain', 'Account'), write=True)
def modify_domain_owner(call):
    domain = call.domain()
    target = call.get('Account').strip()
    if target.isdigit():
        # "域名需要转入的账号Uin": the emulator's Uin is the user id (DescribeUserDetail Uin)
        account = call.state.by_user_id.get(int(target))
        if account is None:
            raise TcError('InvalidParameter.UserNotExists', 'The account %s does not exist.' % target)
        target = account.email
    call.legacy(legacy.domain_transfer, {'domain_id': domain.id, 'email': target},
                {'7': 'InvalidParameter.EmailInvalid', '8': 'InvalidParameter.UserNotExists',
                 '9': 'InvalidParameter.EmailSame', '10': 'FailedOperation.TransferToEnterpriseDenied',
                 '11': 'FailedOperation.TransferToPersonDenied'})
    return {}


@action('DescribeDomainLogList', dict(DOMAIN, Offset='int', Limit='int'), required=('Domain',))
def describe_domain_log_list(call):
    domain = call.domain()
    offset = call.get('Offset', 0)
    limit = call.get('Limit', MAX_LOG)
    if offset < 0:
        raise TcError('InvalidParameter.OffsetInvalid', 'Offset must be 0 or more.')
    if not 1 <= limit <= MAX_LOG:
        raise TcError('InvalidParameterValue.LimitInvalid', 'Limit must be 1-%d.' % MAX_LOG)
    log = list(domain.log)
    return {'LogList': log[offset:offset + limit], 'PageSize': limit, 'TotalCount': len(log)}


@action('DescribeDomainPurview', DOMAIN, required=('Domain',))
def describe_domain_purview(call):
    domain = call.domain()
    body = call.legacy(legacy.domain_purview, {'domain_id': domain.id})
    return {'PurviewList': [{'Name': item['name'], 'Value': str(item['value'])} for item in body['purview']]}
