"""dnspod_share_info, dnspod_share (state=absent), dnspod_account_info, dnspod_domain_info and
dnspod_group/_info on Tencent Cloud API 3.0 (with the emulator's key pair only), in one playbook
run (playbooks/api3_modules.yml holds each task's own asserts); this file checks the request log
of the whole run and the state it leaves. The same modules on the traditional API:
test_share_alias.py, test_account_ddns.py, test_info_and_lookup.py, test_group_lock.py."""
import pytest

from seeds import account, domain, record

FRIEND = 'friend@example.com'
THIRD = 'third@example.com'


def api3_seed():
    dom = domain('example.com', record('www', 'A', '192.0.2.1'), id=1001, grade='DP_Plus', group_id='1985',
                 shares=[{'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}, {'email': THIRD}])
    return {'accounts': [account(dom, domain('second.example'), grade='DP_Plus', nick='Ops',
                                 groups=[{'group_id': 1985, 'group_name': 'legacy'}]),
                         {'user_id': 10001, 'email': FRIEND}, {'user_id': 10003, 'email': THIRD}]}


def read_domain(*actions):
    return ['DescribeDomain'] + list(actions)


@pytest.mark.backends('tencentcloud')
def test_share_account_domain_info_and_groups_on_api3(play, emulator):
    emulator.reset(api3_seed())
    result = play('api3_modules.yml')
    assert result.stat('failed') == 0
    assert result.stat('ignored') == 8       # the refusals the playbook checks
    log = [entry for entry in emulator.requests() if entry['api'] == 'tencentcloud']
    shares = read_domain('DescribeDomainShareInfo')
    groups = ['DescribeDomainGroupList']
    expected = (shares * 2                                                  # share info (all, one)
                + shares + shares + ['DeleteShareDomain'] + shares           # check mode, remove, again
                + shares                                                     # a part: refused after reading
                # the refused share change sends nothing
                + ['DescribeUserDetail', 'DescribeRecordType']               # account info
                + read_domain('DescribeRecordType', 'DescribeRecordLineList')
                # the refused account info sends nothing
                + ['DescribeDomainList']                                     # every domain
                + read_domain('DescribeDomainLogList', 'DescribeDomainPurview')
                + ['DescribeDomain'] * 2                                     # missing (twice)
                + groups * 3                                                 # info x2, check mode
                + groups + ['CreateDomainGroup'] + groups                    # create, the new group read back
                + groups * 2                                                 # again, a system group
                # the domain's group by name, then the domain read again after the write
                + read_domain('DescribeDomainGroupList', 'ModifyDomainToGroup', 'DescribeDomain'))
    assert [entry['action'] for entry in log] == expected
    assert [entry['action'] for entry in log if entry['write_action']] == [
        'DeleteShareDomain', 'CreateDomainGroup', 'ModifyDomainToGroup']
    assert [entry['code'] for entry in log if entry['code'] != 'Success'] == ['InvalidParameterValue.DomainNotExists'] * 2
    delete = [entry['params'] for entry in log if entry['action'] == 'DeleteShareDomain'][0]
    assert (delete['Domain'], delete['DomainId'], delete['Account']) == ('example.com', 1001, THIRD)
    lines = [entry['params'] for entry in log if entry['action'] == 'DescribeRecordLineList'][0]
    assert (lines['Domain'], lines['DomainGrade']) == ('example.com', 'DP_PLUS')
    state = emulator.state()['accounts'][0]
    example = state['domains'][0]
    assert [share['email'] for share in example['shares']] == [FRIEND]
    assert [group['group_name'] for group in state['groups']] == ['legacy', 'web']
    assert example['group_id'] == str(state['groups'][1]['group_id'])
