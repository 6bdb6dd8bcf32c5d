"""Where the documents leave a number open, the emulator picks one and a seed setting changes it.

docs/emulator.md ("Choices the documents leave open, and the setting for each") lists them; each
row of that table has a case here that shows the default and the setting changing it.
"""
import pytest

TOKEN = '10000,0123456789abcdef0123456789abcdef'
FRIEND = {'user_id': 10001, 'email': 'friend@example.com', 'login_token': '10001,fedcba9876543210'}


def seed(settings=None, grade='DP_Free', records=None, grades=None):
    dom = {'id': 1001, 'name': 'example.com', 'grade': grade, 'records': records or []}
    out = {'settings': settings or {}, 'accounts': [
        {'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN, 'grade': grade, 'domains': [dom]},
        dict(FRIEND)]}
    if grades:
        out['grades'] = grades
    return out


A_RECORDS = [{'id': 501 + i, 'sub_domain': 'h%d' % i, 'record_type': 'A', 'value': '192.0.2.%d' % (10 + i)}
             for i in range(4)]


def monitor(emu, record_id, points='ctc,cuc'):
    return emu.code('Monitor.Create', domain_id='1001', record_id=str(record_id), port='80', monitor_interval='360',
                    host='www.example.com', monitor_type='http', monitor_path='/', points=points, bak_ip='pass')


def purview(emu):
    answer = emu.call('Domain.Purview', domain='example.com')
    return dict((item['name'], item['value']) for item in answer['purview'])


def points_max(emu):
    return emu.call('Monitor.Listsubvalue', domain_id='1001', subdomain='h0')['points']['max']


# -- D-monitor points per monitor ------------------------------------------------------------------
def test_monitor_points_free(start_emulator):
    default = start_emulator(seed(records=A_RECORDS))
    assert points_max(default) == 2 and monitor(default, 501, 'ctc,cuc,cmc') == '14'
    three = start_emulator(seed({'monitor_points_free': 3}, records=A_RECORDS))
    assert points_max(three) == 3 and monitor(three, 501, 'ctc,cuc,cmc') == '1'
    one = start_emulator(seed({'monitor_points_free': 1}, records=A_RECORDS))
    assert points_max(one) == 1 and monitor(one, 501, 'ctc,cuc') == '14'


def test_monitor_points_paid(start_emulator):
    default = start_emulator(seed(grade='DP_Plus', records=A_RECORDS))
    assert points_max(default) == 999 and monitor(default, 501, 'ctc,cuc,cmc') == '1'
    two = start_emulator(seed({'monitor_points_paid': 2}, grade='DP_Plus', records=A_RECORDS))
    assert points_max(two) == 2 and monitor(two, 501, 'ctc,cuc,cmc') == '14'


# -- D-monitor quota per domain ----------------------------------------------------------------------
def test_monitor_quota(start_emulator):
    default = start_emulator(seed(records=A_RECORDS))
    assert [monitor(default, 501 + i) for i in range(3)] == ['1', '1', '21']
    assert default.call('Monitor.Userdesc')['user']['max_count'] == 2
    roomy = start_emulator(seed({'monitor_quota': 3}, records=A_RECORDS))
    assert [monitor(roomy, 501 + i) for i in range(4)] == ['1', '1', '1', '21']
    assert roomy.call('Monitor.Userdesc')['user']['max_count'] == 3


# -- Domain.Lock days ---------------------------------------------------------------------------------
def test_lock_max_days(start_emulator):
    default = start_emulator(seed())
    assert purview(default)['域名锁定天数'] == 30
    assert default.code('Domain.Lock', domain_id='1001', days='31') == '9'
    longer = start_emulator(seed({'lock_max_days': 90}))
    assert purview(longer)['域名锁定天数'] == 90
    assert longer.code('Domain.Lock', domain_id='1001', days='31') == '1'


# -- share and alias quotas, as Domain.Purview reports them ----------------------------------------------
@pytest.mark.parametrize('grade, settings, shares, aliases', [
    ('DP_Free', {}, 2, 0),
    ('DP_Plus', {}, 10, 3),
    ('DP_Free', {'share_limit_free': 1, 'alias_limit_free': 1}, 1, 1),
    ('DP_Plus', {'share_limit_paid': 4, 'alias_limit_paid': 5}, 4, 5),
])
def test_share_and_alias_quotas_are_what_purview_says(start_emulator, grade, settings, shares, aliases):
    emu = start_emulator(seed(settings, grade=grade))
    listed = purview(emu)
    assert (listed['域名共享个数'], listed['域名别名绑定个数']) == (shares, aliases)
    created = [emu.code('Domainalias.Create', domain_id='1001', domain='alias%d-example.com' % i)
               for i in range(aliases + 1)]
    assert created == ['1'] * aliases + ['10']
    if shares == 1:
        assert emu.code('Domainshare.Create', domain_id='1001', email=FRIEND['email']) == '1'
        assert emu.state()['accounts'][0]['domains'][0]['shares'][0]['email'] == FRIEND['email']


# -- custom groups, rate limit, page size, round robin --------------------------------------------------
def test_group_limit(start_emulator):
    default = start_emulator(seed(grade='DP_Plus'))
    assert [default.code('Domaingroup.Create', group_name='g%d' % i) for i in range(11)] == ['1'] * 10 + ['9']
    one = start_emulator(seed({'group_limit': 1}, grade='DP_Plus'))
    assert [one.code('Domaingroup.Create', group_name='g%d' % i) for i in range(2)] == ['1', '9']


def test_rate_limit_per_hour(start_emulator):
    emu = start_emulator(seed({'rate_limit_per_hour': 2}))
    assert [emu.code('Info.Version') for dummy in range(3)] == ['1', '1', '-2']


def test_default_page_size(start_emulator):
    records = [{'sub_domain': 'n%03d' % i, 'record_type': 'A', 'value': '192.0.2.1'} for i in range(120)]
    default = start_emulator(seed(records=records))
    assert len(default.call('Record.List', domain='example.com')['records']) == 100
    small = start_emulator(seed({'default_page_size': 10}, records=records))
    assert len(small.call('Record.List', domain='example.com')['records']) == 10


def test_round_robin_size_by_grade_override(start_emulator):
    def values(emu):
        return [emu.code('Record.Create', domain='example.com', sub_domain='rr', record_type='A',
                         record_line='默认', value='192.0.2.%d' % i) for i in range(1, 5)]
    assert values(start_emulator(seed())) == ['1', '1', '25', '25']
    assert values(start_emulator(seed(grades={'DP_Free': {'round_robin': 3}}))) == ['1', '1', '1', '25']


def test_require_user_agent(start_emulator):
    browser = {'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)'}
    default = start_emulator(seed())
    status, _headers, _body = default.http('POST', '/Info.Version', {'format': 'json', 'login_token': TOKEN},
                                           browser)
    assert status == 200
    strict = start_emulator(seed({'require_user_agent': True}))
    status, _headers, _body = strict.http('POST', '/Info.Version', {'format': 'json', 'login_token': TOKEN},
                                          browser)
    assert status == 403
    assert strict.code('Info.Version') == '1'      # Name/Version (contact) passes
