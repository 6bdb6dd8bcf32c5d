"""Account, domains, groups, aliases, locks and shares over the emulator's API 3.0, called with
Tencent's official SDK (tc_sdk.TC)."""
import pytest

import tc_sdk

DOMAIN = 'example.com'


def test_describe_user_detail(tc):
    user = tc('DescribeUserDetail').UserInfo
    assert (user.Id, user.Email, user.Uin, user.UserGrade, user.Status) == \
        (10000, 'api@example.com', 10000, 'DP_FREE', 'enabled')


def test_describe_domain(tc):
    info = tc('DescribeDomain', Domain=DOMAIN).DomainInfo
    assert (info.DomainId, info.Domain, info.Punycode, info.Grade, info.Status, info.GroupId, info.TTL,
            info.RecordCount, info.IsVip, info.Owner) == \
        (tc_sdk.DOMAIN_ID, DOMAIN, DOMAIN, 'DP_FREE', 'ENABLE', 1, 600, 2, 'NO', 'api@example.com')
    assert info.DnspodNsList == ['f1g1ns1.dnspod.net', 'f1g1ns2.dnspod.net']
    assert tc('DescribeDomain', Domain='ignored.example', DomainId=tc_sdk.DOMAIN_ID).DomainInfo.Domain == DOMAIN
    assert tc.code('DescribeDomain', Domain='nope.example') == 'InvalidParameterValue.DomainNotExists'
    assert tc.code('DescribeDomain', Domain='other.com') == 'OperationDenied.DomainOwnerAllowedOnly'


def test_domain_list_create_delete(tc):
    created = tc('CreateDomain', Domain='New-Site.example', IsMark='yes').DomainInfo
    assert created.Domain == 'new-site.example' and created.GradeNsList == ['f1g1ns1.dnspod.net', 'f1g1ns2.dnspod.net']
    listing = tc('DescribeDomainList')
    assert listing.DomainCountInfo.DomainTotal == 2 and listing.DomainCountInfo.AllTotal == 2
    assert [d.Name for d in listing.DomainList] == [DOMAIN, 'new-site.example']
    assert [d.DomainId for d in tc('DescribeDomainList', Type='ISMARK').DomainList] == [created.Id]
    assert [d.Name for d in tc('DescribeDomainList', Keyword='site').DomainList] == ['new-site.example']
    assert [d.Name for d in tc('DescribeDomainList', Offset=1, Limit=1).DomainList] == ['new-site.example']
    assert tc.code('DescribeDomainList', Type='PAUSE') == 'ResourceNotFound.NoDataOfDomain'
    assert tc.code('CreateDomain', Domain='new-site.example') == 'FailedOperation.DomainExists'
    assert tc.code('CreateDomain', Domain='other.com') == 'FailedOperation.DomainOwnedByOtherUser'
    assert tc.code('CreateDomain', Domain='not a domain') == 'InvalidParameter.DomainInvalid'
    # the traditional API sees the new domain
    assert tc.emu.call('Domain.Info', domain='new-site.example')['domain']['id'] == str(created.Id)
    tc('DeleteDomain', Domain='new-site.example')
    assert tc.emu.code('Domain.Info', domain='new-site.example') == '13'


def test_status_remark_group_owner(tc):
    tc('ModifyDomainStatus', Domain=DOMAIN, Status='disable')
    assert tc('DescribeDomain', Domain=DOMAIN).DomainInfo.Status == 'PAUSE'
    assert tc.emu.call('Domain.Info', domain=DOMAIN)['domain']['status'] == 'pause'
    assert tc.code('ModifyDomainStatus', Domain=DOMAIN, Status='off') == 'InvalidParameter'
    tc('ModifyDomainRemark', Domain=DOMAIN, Remark='hello')
    assert tc('DescribeDomain', Domain=DOMAIN).DomainInfo.Remark == 'hello'
    tc('ModifyDomainToGroup', Domain=DOMAIN, GroupId=3)
    assert tc('DescribeDomain', Domain=DOMAIN).DomainInfo.GroupId == 3
    assert [d.DomainId for d in tc('DescribeDomainList', GroupId=3).DomainList] == [tc_sdk.DOMAIN_ID]
    assert tc.code('ModifyDomainToGroup', Domain=DOMAIN, GroupId=99) == 'InvalidParameter.GroupIdInvalid'
    assert tc.code('ModifyDomainOwner', Domain=DOMAIN, Account='nobody@example.com') == 'InvalidParameter.UserNotExists'
    assert tc.code('ModifyDomainOwner', Domain=DOMAIN, Account='api@example.com') == 'InvalidParameter.EmailSame'
    tc('ModifyDomainOwner', Domain=DOMAIN, Account='20000')
    assert tc.code('DescribeDomain', Domain=DOMAIN) == 'OperationDenied.DomainOwnerAllowedOnly'
    other = tc_sdk.TC(tc.emu, secret_id=tc_sdk.OTHER_ID, secret_key=tc_sdk.OTHER_KEY)
    assert other('DescribeDomain', Domain=DOMAIN).DomainInfo.Owner == 'other@example.com'


def test_log_and_purview(tc):
    tc('CreateRecord', Domain=DOMAIN, SubDomain='www', RecordType='A', RecordLine='默认', Value='192.0.2.1')
    log = tc('DescribeDomainLogList', Domain=DOMAIN)
    assert log.TotalCount == 1 and 'www' in log.LogList[0] and log.PageSize == 500
    assert tc('DescribeDomainLogList', Domain=DOMAIN, Offset=1).LogList == []
    purview = dict((p.Name, p.Value) for p in tc('DescribeDomainPurview', Domain=DOMAIN).PurviewList)
    assert purview['记录TTL最低'] == '600' and purview['负载均衡数量'] == '2'


def test_groups(tc):
    groups = tc('DescribeDomainGroupList').GroupList
    assert (groups[0].GroupId, groups[0].GroupName, groups[0].GroupType, groups[0].Size) == (1, '默认分组', 'system', 1)
    gid = tc('CreateDomainGroup', GroupName='web').GroupId
    assert gid >= 1001
    assert [(g.GroupId, g.GroupType) for g in tc('DescribeDomainGroupList').GroupList][-1] == (gid, 'custom')
    assert tc.code('CreateDomainGroup', GroupName='web') == 'InvalidParameter.GroupNameExists'
    assert tc.code('CreateDomainGroup', GroupName='x' * 18) == 'InvalidParameter.GroupNameInvalid'
    tc('ModifyDomainToGroup', Domain=DOMAIN, GroupId=gid)
    assert tc.emu.call('Domain.Info', domain=DOMAIN)['domain']['group_id'] == str(gid)


def test_aliases(start_emulator):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(grade='DP_Plus')))
    assert tc.code('DescribeDomainAliasList', Domain=DOMAIN) == 'ResourceNotFound.NoDataOfDomainAlias'
    alias_id = tc('CreateDomainAlias', Domain=DOMAIN, DomainAlias='alias.example').DomainAliasId
    aliases = tc('DescribeDomainAliasList', Domain=DOMAIN).DomainAliasList
    assert [(a.Id, a.DomainAlias, a.Status) for a in aliases] == [(alias_id, 'alias.example', 2)]
    assert tc.code('CreateDomainAlias', Domain=DOMAIN, DomainAlias='alias.example') == 'InvalidParameter.DomainAliasExists'
    assert tc.code('CreateDomainAlias', Domain=DOMAIN, DomainAlias=DOMAIN) == 'InvalidParameter.AliasIsMyDomain'
    tc('DeleteDomainAlias', Domain=DOMAIN, DomainAliasId=alias_id)
    assert tc.code('DeleteDomainAlias', Domain=DOMAIN, DomainAliasId=alias_id) == 'InvalidParameter.DomainAliasIdInvalid'


def test_alias_limit_on_free_grade(tc):
    assert tc.code('CreateDomainAlias', Domain=DOMAIN, DomainAlias='alias.example') == \
        'LimitExceeded.DomainAliasNumberLimit'


def test_lock_and_unlock(tc):
    lock = tc('ModifyDomainLock', Domain=DOMAIN, LockDays=3).LockInfo
    assert lock.DomainId == tc_sdk.DOMAIN_ID and lock.LockCode and lock.LockEnd
    assert tc.code('ModifyDomainLock', Domain=DOMAIN, LockDays=3) == 'FailedOperation.DomainIsLocked'
    assert tc.code('CreateRecord', Domain=DOMAIN, SubDomain='x', RecordType='A', RecordLine='默认',
                   Value='192.0.2.1') == 'FailedOperation.DomainIsLocked'
    assert tc.code('ModifyDomainUnlock', Domain=DOMAIN, LockCode='wrong') == 'InvalidParameter.UnLockCodeInvalid'
    tc('ModifyDomainUnlock', Domain=DOMAIN, LockCode=lock.LockCode)
    assert tc.code('ModifyDomainUnlock', Domain=DOMAIN, LockCode=lock.LockCode) == 'InvalidParameter.DomainIsNotlocked'
    assert tc.code('ModifyDomainLock', Domain=DOMAIN, LockDays=0) == 'InvalidParameter.LockDaysInvalid'
    # the lock code is a secret: never in the request log
    logged = [e['params'] for e in tc.emu.requests() if e['action'] == 'ModifyDomainUnlock']
    assert logged and all(p['LockCode'] == '***' for p in logged)


def test_shares(start_emulator):
    seed = tc_sdk.seed(shares=[{'email': 'other@example.com', 'mode': 'rw'}])
    tc = tc_sdk.TC(start_emulator(seed))
    info = tc('DescribeDomainShareInfo', Domain=DOMAIN)
    assert info.Owner == 'api@example.com'
    assert [(s.ShareTo, s.Mode, s.Status) for s in info.ShareList] == [('other@example.com', 'rw', 'enabled')]
    assert tc.code('DeleteShareDomain', Domain=DOMAIN, Account='nobody@example.com') == 'InvalidParameter.UserNotExists'
    tc('DeleteShareDomain', Domain=DOMAIN, Account='other@example.com')
    assert tc('DescribeDomainShareInfo', Domain=DOMAIN).ShareList == []
    assert tc.code('DeleteShareDomain', Domain=DOMAIN, Account='other@example.com') == 'ResourceNotFound'


@pytest.mark.parametrize('grade, code', [('DP_Plus', 'FailedOperation.DomainIsVip')])
def test_vip_domain_cannot_be_deleted(start_emulator, grade, code):
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed(grade=grade)))
    assert tc.code('DeleteDomain', Domain=DOMAIN) == code


def test_domain_filter_list_by_status(start_emulator):
    """DescribeDomainFilterList (Status LOCK: how dnspod_lock_info reads a lock on API 3.0, which
    has no lock-status action) filters by status, group and keyword; the answer is the SDK's."""
    tc = tc_sdk.TC(start_emulator(tc_sdk.seed()))
    tc('CreateDomain', Domain='second.example')
    tc('CreateDomain', Domain='third.example')
    tc('ModifyDomainStatus', Domain='third.example', Status='disable')
    assert tc.code('DescribeDomainFilterList', Type='ALL', Status=['LOCK']) == 'ResourceNotFound.NoDataOfDomain'
    tc('ModifyDomainLock', Domain='second.example', LockDays=3)
    locked = tc('DescribeDomainFilterList', Type='ALL', Status=['LOCK'])
    assert [(d.Name, d.DomainId) for d in locked.DomainList] == [
        ('second.example', tc('DescribeDomain', Domain='second.example').DomainInfo.DomainId)]
    assert locked.DomainCountInfo.DomainTotal == 1 and locked.DomainCountInfo.AllTotal == 3
    assert [d.Name for d in tc('DescribeDomainFilterList', Type='ALL', Status=['PAUSE', 'LOCK']).DomainList] == [
        'second.example', 'third.example']
    assert [d.Name for d in tc('DescribeDomainFilterList', Type='ALL', Status=['ENABLE']).DomainList] == [DOMAIN]
    assert [d.Name for d in tc('DescribeDomainFilterList', Type='MINE', Keyword='thi').DomainList] == ['third.example']
    assert [d.Name for d in tc('DescribeDomainFilterList', Type='ALL', Offset=1, Limit=1).DomainList] == [
        'second.example']
    assert tc.code('DescribeDomainFilterList', Type='SHARE') == 'ResourceNotFound.NoDataOfDomain'
    assert tc.code('DescribeDomainFilterList', Type='ALL', Status=['ASLEEP']) == 'InvalidParameter'
    assert tc.code('DescribeDomainFilterList', Type='ISMARK') == 'InvalidParameter'
    assert tc.code('DescribeDomainFilterList', Type='ALL', SortField='NAME') == 'UnsupportedOperation'
    assert tc.code('DescribeDomainFilterList') == 'MissingParameter'
