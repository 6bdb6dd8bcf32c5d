"""Domain.*, Domaingroup.List, Record.Type and Record.Line."""


def two_accounts():
    return {'accounts': [
        {'user_id': 10000, 'login_token': '10000,mine', 'domains': [
            {'id': 1, 'name': 'mine.com'},
            {'id': 2, 'name': 'locked.com', 'locked': True},
            {'id': 3, 'name': 'paid.com', 'grade': 'DP_Plus'}]},
        {'user_id': 20000, 'login_token': '20000,theirs', 'domains': [
            {'id': 9, 'name': 'theirs.com'}]},
    ]}


def test_domain_create_and_info(emu):
    answer = emu.call('Domain.Create', domain='New-Domain.com')
    assert answer['status']['code'] == '1'
    created = answer['domain']
    assert created['domain'] == 'new-domain.com' and created['punycode'] == 'new-domain.com'
    assert isinstance(created['id'], str)
    info = emu.call('Domain.Info', domain_id=created['id'])['domain']
    assert info['name'] == 'new-domain.com' and info['records'] == '2'
    assert info['grade'] == 'DP_Free' and info['status'] == 'enable'
    records = emu.records('new-domain.com')
    assert [(r['type'], r['value'], r['ttl'], r.get('hold')) for r in records] == [
        ('NS', 'f1g1ns1.dnspod.net.', '86400', 'hold'),
        ('NS', 'f1g1ns2.dnspod.net.', '86400', 'hold')]


def test_domain_create_idn(emu):
    created = emu.call('Domain.Create', domain='例子.com')['domain']
    assert created['punycode'] == 'xn--fsqu00a.com'
    assert emu.code('Domain.Info', domain='xn--fsqu00a.com') == '1'
    assert emu.code('Domain.Info', domain='例子.com') == '1'


def test_domain_create_codes(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    assert emu.code('Domain.Create') == '6'
    assert emu.code('Domain.Create', domain='no_dot') == '6'
    assert emu.code('Domain.Create', domain='bad..com') == '6'
    assert emu.code('Domain.Create', domain='-bad.com') == '6'
    assert emu.code('Domain.Create', domain='mine.com') == '7'
    assert emu.code('Domain.Create', domain='theirs.com') == '12'
    assert emu.code('Domain.Create', domain='ok.com', group_id='99') == '3'


def test_domain_info_codes(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    assert emu.code('Domain.Info', domain_id='12345') == '6'
    assert emu.code('Domain.Info', domain_id='abc') == '6'
    assert emu.code('Domain.Info') == '6'
    answer = emu.call('Domain.Info', domain='thisisadomainidonotown.com')
    assert answer['status']['code'] == '13'
    assert answer['status']['message'] == 'Domain is not exists'
    assert emu.code('Domain.Info', domain='theirs.com') == '8'
    assert emu.code('Domain.Info', domain_id='9') == '8'


def test_domain_info_drift(emu):
    info = emu.call('Domain.Info', domain='example.com')['domain']
    assert info['id'] == '1001' and info['remark'] is False and info['ttl'] == '600'
    emu.call('Domain.Remark', domain='example.com', remark='note')
    assert emu.call('Domain.Info', domain='example.com')['domain']['remark'] == 'note'


def test_domain_info_without_drift(start_emulator, seed_one):
    emu = start_emulator(seed_one(settings={'id_drift': False}))
    assert emu.call('Domain.Info', domain='example.com')['domain']['remark'] == ''
    assert emu.call('Domain.List')['domains'][0]['id'] == '1001'


def test_domain_list(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    answer = emu.call('Domain.List')
    assert [d['name'] for d in answer['domains']] == ['mine.com', 'locked.com', 'paid.com']
    assert answer['domains'][0]['id'] == 1
    info = answer['info']
    assert info['domain_total'] == 3 and info['all_total'] == 3 and info['vip_total'] == 1
    assert info['lock_total'] == 1
    assert [d['name'] for d in emu.call('Domain.List', type='vip')['domains']] == ['paid.com']
    assert emu.call('Domain.List', offset='1', length='1')['domains'][0]['name'] == 'locked.com'
    assert emu.call('Domain.List', offset='1', length='1')['info']['domain_total'] == 3
    assert emu.code('Domain.List', offset='-1') == '6'
    assert emu.code('Domain.List', length='x') == '7'
    assert emu.code('Domain.List', type='ismark') == '9'
    empty = emu.call('Domain.List', type='ismark', error_on_empty='no')
    assert empty['status']['code'] == '1' and empty['domains'] == []
    assert emu.code('Domain.List', type='everything') == '3'


def test_domain_list_filters(emu):
    emu.call('Domain.Create', domain='second.com', is_mark='yes', group_id='3')
    assert [d['name'] for d in emu.call('Domain.List', type='ismark')['domains']] \
        == ['second.com']
    assert [d['name'] for d in emu.call('Domain.List', group_id='3')['domains']] \
        == ['second.com']
    emu.call('Domain.Status', domain='example.com', status='disable')
    listed = emu.call('Domain.List', type='pause')['domains']
    assert [(d['name'], d['status']) for d in listed] == [('example.com', 'pause')]
    recent = emu.call('Domain.List', type='recent')['domains']
    assert [d['name'] for d in recent] == ['example.com', 'second.com']


def test_domain_list_empty_account(start_emulator):
    emu = start_emulator()
    answer = emu.call('Domain.List')
    assert answer['status']['code'] == '9'
    assert emu.call('Domain.List', error_on_empty='no')['domains'] == []


def test_domain_status(emu):
    assert emu.code('Domain.Status', domain='example.com', status='disable') == '1'
    assert emu.call('Domain.Info', domain='example.com')['domain']['status'] == 'pause'
    assert emu.call('Domain.List')['domains'][0]['status'] == 'pause'
    assert emu.code('Domain.Status', domain='example.com', status='enable') == '1'
    assert emu.call('Domain.Info', domain='example.com')['domain']['status'] == 'enable'
    assert emu.code('Domain.Status', domain='example.com', status='paused') == '3'


def test_domain_status_codes(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    assert emu.code('Domain.Status', domain_id='404', status='disable') == '6'
    assert emu.code('Domain.Status', domain='locked.com', status='disable') == '7'
    assert emu.code('Domain.Status', domain='theirs.com', status='disable') == '8'


def test_domain_remove_with_records(emu):
    emu.create(sub_domain='www', record_type='A', value='1.2.3.4')
    assert emu.code('Domain.Remove', domain_id='1001') == '1'
    assert emu.code('Domain.Info', domain_id='1001') == '6'
    assert emu.code('Domain.Remove', domain_id='1001') == '6'
    assert emu.state()['accounts'][0]['domains'] == []


def test_domain_remove_codes(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    assert emu.code('Domain.Remove', domain='locked.com') == '7'
    assert emu.code('Domain.Remove', domain='paid.com') == '8'
    assert emu.code('Domain.Remove', domain='theirs.com') == '9'
    assert emu.code('Domain.Remove', domain_id='77') == '6'


def test_domain_log(emu):
    emu.create(sub_domain='shop', record_type='A', value='64.144.7.55')
    log = emu.call('Domain.Log', domain='example.com')['log']
    assert len(log) == 1 and 'A 记录' in log[0] and 'shop' in log[0]


def test_domain_searchenginepush_ismark_remark_changegroup(emu):
    assert emu.code('Domain.Searchenginepush', domain='example.com', status='no') == '1'
    assert emu.code('Domain.Searchenginepush', domain='example.com', status='maybe') == '3'
    assert emu.code('Domain.Ismark', domain='example.com', is_mark='yes') == '1'
    assert emu.code('Domain.Ismark', domain_id='5', is_mark='yes') == '6'
    assert emu.code('Domain.Remark', domain='example.com', remark='hello') == '1'
    assert emu.code('Domain.Remark', domain='example.com') == '3'
    assert emu.code('Domain.Changegroup', domain='example.com', group_id='2') == '1'
    assert emu.code('Domain.Changegroup', domain='example.com', group_id='8') == '7'
    assert emu.code('Domain.Changegroup', domain_id='99', group_id='2') == '6'
    info = emu.call('Domain.Info', domain='example.com')['domain']
    assert (info['searchengine_push'], info['is_mark'], info['remark'], info['group_id']) \
        == ('no', 'yes', 'hello', '2')


def test_domain_searchenginepush_locked(start_emulator):
    emu = start_emulator(two_accounts())
    emu.token = '10000,mine'
    assert emu.code('Domain.Searchenginepush', domain='locked.com', status='no') == '7'


def test_domain_purview(emu):
    purview = emu.call('Domain.Purview', domain='example.com')['purview']
    values = dict((p['name'], p['value']) for p in purview)
    assert values['记录TTL最低'] == 600 and values['负载均衡数量'] == 2
    assert emu.code('Domain.Purview', domain_id='3') == '6'


def test_domaingroup_list_refused_on_free_grade(emu):
    answer = emu.call('Domaingroup.List')
    assert answer['status']['code'] == '-7'


def test_domaingroup_list_on_paid_grade(start_emulator, seed_one):
    emu = start_emulator(seed_one(grade='DP_Plus'))
    groups = emu.call('Domaingroup.List')['groups']
    assert groups[0] == {'group_id': 1, 'group_name': '默认分组', 'group_type': 'system',
                         'size': 1}
    assert groups[1]['size'] is None and len(groups) == 8


def test_record_type(emu):
    assert emu.call('Record.Type', domain_grade='DP_Free')['types'] == [
        'A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL', '显性URL', '隐性URL']
    assert 'CAA' in emu.call('Record.Type', domain_grade='D_Plus')['types']
    assert emu.code('Record.Type', domain_grade='D_Gold') == '6'
    assert emu.code('Record.Type') == '6'


def test_record_line(emu):
    answer = emu.call('Record.Line', domain_grade='DP_Free', domain_id='1001')
    assert answer['lines'] == ['默认', '电信', '联通', '教育网', '移动', '百度', '国内', '国外']
    assert answer['line_ids']['默认'] == '0' and answer['line_ids']['联通'] == '10=1'
    assert '搜索引擎' in emu.call('Record.Line', domain_grade='DP_Plus')['lines']
    assert emu.code('Record.Line', domain_grade='nope') == '6'
    assert emu.code('Record.Line', domain_grade='DP_Free', domain_id='42') == '6'
