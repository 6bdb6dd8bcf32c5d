"""Product.List and Domain.Upgrade of the emulator (document 001)."""
import datetime

import pytest

from emulator.clock import BEIJING
from emulator.dump import dump
from emulator.seed import SeedError, build_state

AGENT = '500,agent-secret'


def today():
    return datetime.datetime.now(BEIJING).date()


def day(offset):
    return (today() + datetime.timedelta(days=offset)).isoformat()


def seed(balance=5000, discount=None, products=None, **sub_domain):
    dom = {'id': 51, 'name': 'sub1.com'}
    dom.update(sub_domain)
    agent = {'user_id': 500, 'email': 'agent@example.com', 'login_token': AGENT, 'agent': True,
             'balance': balance, 'sub_users': [501, 502],
             'domains': [{'id': 50, 'name': 'agent-own.com'}]}
    if discount is not None:
        agent['discount'] = discount
    doc = {'accounts': [
        agent,
        {'user_id': 501, 'email': 'sub1@example.com', 'domains': [dom]},
        {'user_id': 502, 'email': 'corp@example.com', 'user_type': 'enterprise',
         'domains': [{'id': 52, 'name': 'corp.com'}]},
        {'user_id': 700, 'email': 'plain@example.com', 'login_token': '700,plain',
         'domains': [{'id': 71, 'name': 'plain.com'}]},
    ]}
    if products is not None:
        doc['products'] = products
    return doc


@pytest.fixture
def start(start_emulator):
    def run(**kwargs):
        emu = start_emulator(seed(**kwargs))
        emu.token = AGENT
        return emu
    return run


def upgrade(emu, **params):
    base = dict(domain='sub1.com', grade='D_Plus', term='1year', ip_addr='8.8.8.8')
    base.update(params)
    return emu.call('Domain.Upgrade', **dict((k, v) for k, v in base.items() if v is not None))


def sub_domain_state(emu):
    accounts = dict((a['user_id'], a) for a in emu.state()['accounts'])
    return accounts[500]['balance'], accounts[501]['domains'][0]


def test_product_list_default_matches_the_document_example(start):
    emu = start()
    answer = emu.call('Product.List')
    d_plus = [p for p in answer['products'] if p['name'] == 'D_Plus'][0]
    assert d_plus['type'] == 'personal' and d_plus['title'] == '豪华 VIP 套餐'
    assert [(p['price_name'], p['price_value'], p['price_days']) for p in d_plus['prices']] == [
        ('1year', 698, 365), ('2year', 1396, 730), ('3year', 2094, 1095), ('4year', 2792, 1460),
        ('5year', 3490, 1825)]
    assert set(p['type'] for p in answer['products']) == {'personal', 'enterprise'}


def test_product_list_from_the_seed(start):
    products = [{'name': 'DP_Plus', 'type': 'personal', 'prices': [
        {'price_name': '1year', 'price_value': 100, 'price_days': 365}]}]
    answer = start(products=products).call('Product.List')
    assert answer['products'] == [{'name': 'DP_Plus', 'type': 'personal', 'title': 'DP_Plus', 'content': '',
                                   'prices': [{'price_name': '1year', 'price_title': '1year',
                                               'price_value': 100, 'price_days': 365}]}]


def test_upgrade_a_free_domain(start):
    emu = start()
    assert emu.call('Domain.Info', domain='sub1.com', user_id='501')['domain'].get('vip_end_at') is None
    answer = upgrade(emu, notice_email='owner@example.com')
    assert answer['status']['code'] == '1'
    assert answer['domain'] == {'domain_id': '51', 'domain': 'sub1.com', 'grade': 'D_Plus', 'term': '1year',
                                'vip_start_at': day(0), 'vip_end_at': day(364)}
    assert answer['bill']['user_price'] == 698 and answer['bill']['agent_price'] == '698'
    assert answer['agent']['balance'] == 5000 - 698 and answer['agent']['points'] == 698
    assert 'sub1.com' in answer['notice']['title']
    assert emu.requests()[-1]['write'] is True
    balance, dom = sub_domain_state(emu)
    assert balance == 4302 and dom['grade'] == 'D_Plus' and dom['grade_expire'] == day(364)
    info = emu.call('Domain.Info', domain='sub1.com', user_id='501')['domain']
    assert (info['grade'], info['is_vip'], info['vip_start_at'], info['vip_end_at']) \
        == ('D_Plus', 'yes', day(0), day(364))


def test_renew_extends_from_the_current_end(start):
    emu = start(grade='D_Plus', grade_expire=day(10), grade_start=day(-355))
    answer = upgrade(emu, term='2year')
    assert answer['domain']['vip_start_at'] == day(-355)
    assert answer['domain']['vip_end_at'] == day(10 + 730)
    assert answer['bill']['user_price'] == 1396
    assert '续费' in answer['notice']['title']


def test_expired_same_grade_starts_again_today(start):
    emu = start(grade='D_Plus', grade_expire=day(-3))
    answer = upgrade(emu)
    assert (answer['domain']['vip_start_at'], answer['domain']['vip_end_at']) == (day(0), day(364))


def test_agent_discount(start):
    emu = start(discount=80)
    answer = upgrade(emu)
    assert answer['bill'] == dict(answer['bill'], user_price=698, agent_price='558')
    assert answer['agent']['discount'] == '80' and answer['agent']['balance'] == 5000 - 558


@pytest.mark.parametrize('params,code', [
    ({'domain': None}, '6'), ({'domain': 'not a domain'}, '6'),
    ({'domain': 'missing.com'}, '7'),
    ({'domain': 'plain.com'}, '8'),
    ({'grade': None}, '10'), ({'grade': 'D_Nope'}, '10'),
    ({'grade': 'DP_Extra'}, '10'),                      # an enterprise grade for a personal user
    ({'term': None}, '11'), ({'term': '9year'}, '11'), ({'grade': 'DP_Plus', 'term': '5year'}, '11'),
    ({'ip_addr': None}, '12'), ({'ip_addr': '999.0.0.1'}, '12'), ({'ip_addr': '127.0.0.1'}, '12'),
    ({'term': '5year'}, '13'),                          # 3490 > 3000
])
def test_upgrade_codes_change_nothing(start, params, code):
    emu = start(balance=3000)
    before = emu.state()
    assert upgrade(emu, **params)['status']['code'] == code
    assert emu.state() == before
    assert emu.requests()[-1]['write'] is False


def test_enterprise_grade_for_an_enterprise_user_and_own_domains(start):
    emu = start()
    assert upgrade(emu, domain='corp.com', grade='DP_Extra')['status']['code'] == '1'
    assert upgrade(emu, domain='agent-own.com', grade='DP_Plus')['status']['code'] == '1'


def test_no_downgrade_while_paid(start):
    emu = start(grade='DP_Plus', grade_expire=day(100))
    assert upgrade(emu, grade='D_Plus')['status']['code'] == '10'


def test_balance_exactly_enough(start):
    emu = start(balance=698)
    assert upgrade(emu)['agent']['balance'] == 0
    assert upgrade(emu)['status']['code'] == '13'


def test_upgrade_with_the_global_user_id(start):
    emu = start()
    assert upgrade(emu, user_id='501')['status']['code'] == '1'
    assert upgrade(emu, user_id='700')['status']['code'] == '7'
    balance, _dom = sub_domain_state(emu)
    assert balance == 5000 - 698


def test_seed_errors_and_round_trip():
    state = build_state(seed(grade='D_Plus', grade_expire='2030-01-31', products=[
        {'name': 'D_Plus', 'type': 'personal', 'prices': [{'price_name': '1year', 'price_value': 1,
                                                          'price_days': 365}]}]))
    doc = dump(state)
    assert doc['accounts'][1]['domains'][0]['grade_expire'] == '2030-01-31'
    assert doc['accounts'][1]['domains'][0]['grade_start'] == '2029-02-01'
    assert doc['accounts'][0]['domains'][0]['grade_expire'] is None
    again = dump(build_state(doc))
    assert again['products'] == doc['products'] and again['accounts'] == doc['accounts']
    assert dump(build_state(seed()))['products'] is None
    for kwargs, text in [({'grade_expire': '2030-02-30'}, 'not a date'), ({'grade_expire': 5}, 'date'),
                         ({'grade_start': '2030-01-01'}, 'needs grade_expire'),
                         ({'products': {}}, 'list'),
                         ({'products': [{'name': 'X', 'type': 'personal', 'prices': []}]}, 'unknown grade'),
                         ({'products': [{'name': 'D_Plus', 'type': 'x', 'prices': []}]}, 'type'),
                         ({'products': [{'name': 'D_Plus', 'type': 'personal', 'prices': []}]}, 'prices'),
                         ({'products': [{'name': 'D_Plus', 'type': 'personal', 'prices': [
                             {'price_name': '1year', 'price_value': 1, 'price_days': 0}]}]}, 'price_days')]:
        with pytest.raises(SeedError, match=text):
            build_state(seed(**kwargs))
