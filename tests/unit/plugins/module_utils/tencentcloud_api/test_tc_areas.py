"""tencentcloud_api: domains, groups, aliases, locks, shares, account and the areas API 3.0 does
not have; TencentCloudAPI has the areas and methods of DNSPodAPI (requests and answers checked
against the SDK's models by the fake client)."""
import inspect

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.areas import DNSPodAPI
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodOutcomeUnknownError,
    TaskError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api.areas import TencentCloudAPI

AREAS = ('account', 'agent', 'aliases', 'domains', 'groups', 'locks', 'monitors', 'products', 'records', 'shares')
DOMAIN_INFO = {'DomainId': 42, 'Domain': 'example.com', 'Punycode': 'example.com', 'Grade': 'DP_PLUS',
               'GradeTitle': '专业版', 'Status': 'PAUSE', 'TTL': 120, 'RecordCount': 9, 'GroupId': 3, 'IsMark': 'yes',
               'Remark': 'main', 'IsVip': 'yes', 'Owner': 'o@example.com', 'UserId': 10000, 'SearchEnginePush': 'NO',
               'CreatedOn': '2026-01-01 00:00:00', 'UpdatedOn': '2026-12-01 00:00:00', 'DNSStatus': 'dnserror',
               'VipStartAt': '2026-01-01', 'VipEndAt': '2027-01-01'}
CANONICAL_DOMAIN = {'id': '42', 'name': 'example.com', 'punycode': 'example.com', 'grade': 'DP_Plus',
                    'grade_title': '专业版', 'status': 'disabled', 'ext_status': 'dnserror', 'records': 9,
                    'group_id': '3', 'is_mark': True, 'remark': 'main', 'is_vip': True, 'searchengine_push': False,
                    'ttl': 120, 'owner': 'o@example.com', 'user_id': '10000', 'created_on': '2026-01-01 00:00:00',
                    'updated_on': '2026-12-01 00:00:00'}


def public(cls):
    return dict((name, member) for name, member in inspect.getmembers(cls, callable) if not name.startswith('_'))


@pytest.mark.parametrize('area', AREAS)
def test_every_area_has_the_methods_and_signatures_of_the_traditional_one(area):
    traditional, tencent = public(type(getattr(DNSPodAPI(None), area))), public(type(getattr(TencentCloudAPI(None), area)))
    assert set(traditional) <= set(tencent)
    for name, method in traditional.items():
        theirs = inspect.signature(tencent[name])
        if list(theirs.parameters) == ['self', 'args', 'kwargs']:
            continue            # an area API 3.0 lacks: every method refuses, whatever the arguments
        assert theirs == inspect.signature(method), '%s.%s' % (area, name)


@pytest.mark.parametrize('area, call', [
    ('monitors', lambda api: api.monitors.list()),
    ('monitors', lambda api: api.monitors.create({'domain_id': '1'})),
    ('agent', lambda api: api.agent.users()),
    ('agent', lambda api: api.agent.create({})),
    ('products', lambda api: api.products.upgrade('example.com', 'DP_Plus', 1, '192.0.2.1')),
    ('domains', lambda api: api.domains.set('42', 'is_mark', True)),
    ('domains', lambda api: api.domains.set('42', 'searchengine_push', False)),
    ('domains', lambda api: api.domains.acquire_send('example.com', 'a@example.com')),
    ('groups', lambda api: api.groups.rename('3', 'web')),
    ('groups', lambda api: api.groups.remove('3')),
    ('shares', lambda api: api.shares.apply('42', {'action': 'create', 'params': {'email': 'a@example.com'}})),
    ('account', lambda api: api.account.change_password('a', 'b')),
    ('account', lambda api: api.account.log()),
])
def test_what_api_3_has_no_action_for_raises_before_anything_is_sent(tc_client, area, call):
    client = tc_client()
    with pytest.raises(TaskError) as caught:
        call(TencentCloudAPI(client))
    text = str(caught.value)
    assert 'Tencent Cloud API 3.0' in text and 'login_token' in text and 'api_backend: dnspod' in text
    assert caught.value.details == {'api_backend': 'tencentcloud'}
    assert client.sent == []


def test_domain_get_maps_domain_info_and_an_unknown_domain_is_none(tc_client):
    client = tc_client({'DescribeDomain': [{'DomainInfo': DOMAIN_INFO},
                                           DNSPodAPIError('DescribeDomain', 'InvalidParameterValue.DomainNotExists', ''),
                                           DNSPodAPIError('DescribeDomain', 'FailedOperation.NotDomainOwner', '')]})
    domains = TencentCloudAPI(client).domains
    assert domains.get('42') == CANONICAL_DOMAIN
    assert domains.get('nothere.example') is None
    assert domains.get_own('other.example') is None
    assert client.sent[:2] == [('DescribeDomain', {'Domain': 'example.com', 'DomainId': 42}), ('DescribeDomain', {'Domain': 'nothere.example'})]


def test_domain_list_pages_and_maps_list_items(tc_client):
    item = {'DomainId': 7, 'Name': 'b.example', 'Status': 'ENABLE', 'TTL': 600, 'CNAMESpeedup': 'DISABLE',
            'DNSStatus': '', 'Grade': 'DP_FREE', 'GroupId': 1, 'SearchEnginePush': 'YES', 'Remark': '',
            'Punycode': 'b.example', 'EffectiveDNS': [], 'GradeLevel': 1, 'GradeTitle': '免费版', 'IsVip': 'no',
            'VipStartAt': '', 'VipEndAt': '', 'VipAutoRenew': 'DEFAULT', 'RecordCount': 2,
            'CreatedOn': 'x', 'UpdatedOn': 'y', 'Owner': 'o@example.com', 'TagList': []}
    client = tc_client({'DescribeDomainList': {'DomainCountInfo': {'DomainTotal': 1, 'AllTotal': 1},
                                               'DomainList': [item]}})
    found = TencentCloudAPI(client).domains.list('mine', group_id='3')
    assert [(d['id'], d['name'], d['grade'], d['status'], d['searchengine_push']) for d in found] == [
        ('7', 'b.example', 'DP_Free', 'enabled', True)]
    assert client.sent == [('DescribeDomainList', {'Type': 'MINE', 'GroupId': 3, 'Offset': 0, 'Limit': 3000})]


def test_domain_create_and_its_already_exists_answer(tc_client):
    created = {'DomainInfo': {'Id': 43, 'Domain': 'new.example', 'Punycode': 'new.example', 'GradeNsList': []}}
    exists = DNSPodAPIError('CreateDomain', 'FailedOperation.DomainExists', 'already in your list')
    client = tc_client({'CreateDomain': [created, exists], 'DescribeDomain': {'DomainInfo': DOMAIN_INFO}})
    domains = TencentCloudAPI(client).domains
    new = domains.create('New.Example', group_id='3', is_mark=True)
    assert (new['id'], new['name']) == ('43', 'new.example')
    assert client.sent[0] == ('CreateDomain', {'Domain': 'new.example', 'GroupId': 3, 'IsMark': 'yes'})
    assert domains.create('example.com')['id'] == '42'
    assert client.actions()[-2:] == ['CreateDomain', 'DescribeDomain']


def test_domain_settings_remove_log_purview_service(tc_client):
    client = tc_client({'DescribeDomainLogList': {'LogList': ['2026-12-01 10:00:00: 添加记录'], 'PageSize': 500,
                                                  'TotalCount': 1},
                        'DescribeDomainPurview': {'PurviewList': [{'Name': '记录权重', 'Value': 'yes'}]},
                        'DescribeDomain': {'DomainInfo': DOMAIN_INFO},
                        'DeleteDomain': DNSPodAPIError('DeleteDomain', 'InvalidParameterValue.DomainNotExists', '')})
    domains = TencentCloudAPI(client).domains
    domains.set('42', 'status', 'disabled')
    domains.set('42', 'remark', None)
    domains.set('42', 'group_id', '3')
    domains.remove('42')            # gone already: done
    assert domains.log('42') == ['2026-12-01 10:00:00: 添加记录']
    assert domains.purview('42') == [{'name': '记录权重', 'value': 'yes'}]
    assert domains.service('42') == {'id': '42', 'name': 'example.com', 'grade': 'DP_Plus',
                                     'vip_start_at': '2026-01-01', 'vip_end_at': '2027-01-01'}
    assert client.sent[:5] == [('ModifyDomainStatus', {'Domain': 'example.com', 'DomainId': 42, 'Status': 'disable'}),
                               ('ModifyDomainRemark', {'Domain': 'example.com', 'DomainId': 42, 'Remark': ''}),
                               ('ModifyDomainToGroup', {'Domain': 'example.com', 'DomainId': 42, 'GroupId': 3}),
                               ('DeleteDomain', {'Domain': 'example.com', 'DomainId': 42}),
                               ('DescribeDomainLogList', {'Domain': 'example.com', 'DomainId': 42, 'Offset': 0, 'Limit': 500})]


def test_domain_transfer_is_sent_once_and_a_lost_answer_is_read_back(tc_client):
    lost = DNSPodOutcomeUnknownError('ModifyDomainOwner', 'HTTP 502', 1)
    gone = DNSPodAPIError('DescribeDomain', 'FailedOperation.NotDomainOwner', 'not yours')
    client = tc_client({'ModifyDomainOwner': [{}, lost], 'DescribeDomain': gone})
    domains = TencentCloudAPI(client).domains
    domains.transfer('42', 'new@example.com', 'example.com')
    domains.transfer('42', 'new@example.com', 'example.com')     # lost, and the domain left: done
    assert client.sent[0] == ('ModifyDomainOwner', {'Domain': 'example.com', 'DomainId': 42, 'Account': 'new@example.com'})
    assert client.once == ['ModifyDomainOwner', 'ModifyDomainOwner'] and client.confirmed == 1


def test_groups_list_and_create(tc_client):
    client = tc_client({'DescribeDomainGroupList': {'GroupList': [
        {'GroupId': 1, 'GroupName': '默认分组', 'GroupType': 'system', 'Size': 2},
        {'GroupId': 9, 'GroupName': 'web', 'GroupType': 'custom', 'Size': None}]},
        'CreateDomainGroup': {'GroupId': 10}})
    groups = TencentCloudAPI(client).groups
    assert groups.list() == [{'group_id': '1', 'group_name': '默认分组', 'group_type': 'system', 'size': 2},
                             {'group_id': '9', 'group_name': 'web', 'group_type': 'custom', 'size': 0}]
    assert groups.create('ops') == '10'
    assert client.sent[-1] == ('CreateDomainGroup', {'GroupName': 'ops'}) and client.once == ['CreateDomainGroup']


def test_aliases_list_create_remove_and_retries_after_a_fault(tc_client):
    listing = {'DomainAliasList': [{'Id': 5, 'DomainAlias': 'Bücher.example', 'Status': 2}]}
    client = tc_client({'DescribeDomainAliasList': [listing, {'DomainAliasList': []}],
                        'CreateDomainAlias': {'DomainAliasId': 6}})
    aliases = TencentCloudAPI(client).aliases
    assert aliases.list('42') == [{'id': '5', 'name': 'xn--bcher-kva.example'}]
    assert aliases.create('42', 'alias.example') == '6'
    client.answers['DeleteDomainAlias'] = DNSPodAPIError('DeleteDomainAlias', 'InvalidParameter.DomainAliasIdInvalid', '')
    client.log.append({'action': 'DeleteDomainAlias', 'code': 'transport:HTTP 502', 'write': True})
    with pytest.raises(DNSPodAPIError):      # no fault since this write started: the error stands
        aliases.remove('42', '5')
    assert client.sent[1] == ('CreateDomainAlias', {'Domain': 'example.com', 'DomainId': 42, 'DomainAlias': 'alias.example'})
    assert client.sent[2] == ('DeleteDomainAlias', {'Domain': 'example.com', 'DomainId': 42, 'DomainAliasId': 5})
    empty = tc_client({'DescribeDomainAliasList': DNSPodAPIError('DescribeDomainAliasList',
                                                                 'ResourceNotFound.NoDataOfDomainAlias', '')})
    assert TencentCloudAPI(empty).aliases.list('42') == []


def test_lock_status_from_the_locked_domains_lock_and_unlock(tc_client):
    locked = {'DomainCountInfo': {'DomainTotal': 1}, 'DomainList': [{'DomainId': 42, 'Name': 'example.com'}]}
    client = tc_client({'DescribeDomainFilterList': [locked, {'DomainCountInfo': {'DomainTotal': 0}, 'DomainList': []}],
                        'ModifyDomainLock': {'LockInfo': {'DomainId': 42, 'LockCode': 'c0de', 'LockEnd': '2027-01-01'}}})
    locks = TencentCloudAPI(client).locks
    assert locks.status('42') == {'locked': True, 'start_at': None, 'end_at': None}
    assert locks.status('42') == {'locked': False, 'start_at': None, 'end_at': None}
    assert locks.lock('42', 30) == {'lock_code': 'c0de', 'end_at': '2027-01-01', 'lost': None}
    locks.unlock('42', 'c0de')
    # pages of the client's page size (3000), under the action's 5000
    assert client.sent[0] == ('DescribeDomainFilterList', {'Type': 'ALL', 'Status': ['LOCK'], 'Offset': 0, 'Limit': 3000})
    assert client.sent[2:] == [('ModifyDomainLock', {'Domain': 'example.com', 'DomainId': 42, 'LockDays': 30}),
                               ('ModifyDomainUnlock', {'Domain': 'example.com', 'DomainId': 42, 'LockCode': 'c0de'})]
    assert client.once == ['ModifyDomainLock', 'ModifyDomainUnlock']


def test_shares_list_and_remove(tc_client):
    client = tc_client({'DescribeDomainShareInfo': {'ShareList': [{'ShareTo': 'b@example.com', 'Mode': 'rw',
                                                                   'Status': 'enabled'}], 'Owner': 'o@example.com'}})
    shares = TencentCloudAPI(client).shares
    owner, items = shares.list('42')
    assert owner == 'o@example.com'
    assert items == [{'email': 'b@example.com', 'mode': 'rw', 'sub_domain': None, 'status': 'enabled',
                      'listed': False}]
    shares.apply('42', {'action': 'remove', 'params': {'email': 'b@example.com'}, 'before': items[0], 'after': None})
    assert client.sent[-1] == ('DeleteShareDomain', {'Domain': 'example.com', 'DomainId': 42, 'Account': 'b@example.com'})


def test_account_user_is_the_canonical_user(tc_client):
    info = {'Nick': 'n', 'Id': 10000, 'Email': 'o@example.com', 'Status': 'enabled', 'Telephone': '138',
            'EmailVerified': 'yes', 'TelephoneVerified': 'no', 'UserGrade': 'DP_FREE', 'RealName': 'Owner',
            'WechatBinded': 'yes', 'Uin': 100000000001, 'FreeNs': ['f1g1ns1.dnspod.net'], 'AllowTransferIn': False}
    client = tc_client({'DescribeUserDetail': {'UserInfo': info}})
    user = TencentCloudAPI(client).account.user()
    assert user == {'id': '10000', 'email': 'o@example.com', 'real_name': 'Owner', 'nick': 'n', 'telephone': '138',
                    'im': '', 'user_type': '', 'status': 'enabled', 'email_verified': True,
                    'telephone_verified': False, 'weixin_binded': True, 'agent_pending': False, 'balance': 0,
                    'smsbalance': 0, 'user_grade': 'DP_Free'}
    assert client.sent == [('DescribeUserDetail', {})]


def test_domain_changes_api_3_cannot_write_are_refused_before_the_first_write(tc_client):
    from ansible_collections.dnspod.dnspod.plugins.module_utils import domain as domain_util
    current = dict(CANONICAL_DOMAIN, status='disabled', searchengine_push=False)
    client = tc_client()
    api = TencentCloudAPI(client)
    for check_mode in (True, False):
        with pytest.raises(TaskError) as caught:
            domain_util.ensure_present(api, 'example.com', current, {'status': 'enabled', 'searchengine_push': True},
                                       check_mode)
        assert 'searchengine_push' in str(caught.value)
    assert client.sent == []
    # unchanged settings are no write, and a new domain takes is_mark with CreateDomain
    api.domains.refuse_settings({'is_mark': True, 'state': 'present'}, True)
    assert domain_util.ensure_present(api, 'example.com', current, {'searchengine_push': False}, False)[0] == {}


def test_a_domain_known_only_by_id_is_sent_with_its_name_from_one_domain_listing(tc_client):
    # API 3.0's documents mark Domain required beside DomainId: a domain met by ID alone is looked up
    # once in DescribeDomainList, then every call names it; an ID the account lacks is the unknown-domain error.
    domains = [{'DomainId': 7, 'Name': 'seven.example'}, {'DomainId': 8, 'Name': 'Bücher.example'}]
    listing = {'DomainCountInfo': {'AllTotal': 2}, 'DomainList': domains}
    client = tc_client({'DescribeDomainList': listing, 'DescribeDomainPurview': {'PurviewList': []},
                        'DescribeDomainShareInfo': {'ShareList': []}})
    client.domain_names = {}
    api = TencentCloudAPI(client)
    api.domains.purview('8')
    api.shares.list('8')
    assert [action for action, _params in client.sent] == ['DescribeDomainList', 'DescribeDomainPurview', 'DescribeDomainShareInfo']
    assert client.sent[1][1] == {'Domain': 'xn--bcher-kva.example', 'DomainId': 8}
    with pytest.raises(DNSPodAPIError) as failed:
        api.domains.purview('9')
    assert failed.value.code == 'InvalidParameter.DomainIdInvalid'
    assert api.domains.get('9') is None
