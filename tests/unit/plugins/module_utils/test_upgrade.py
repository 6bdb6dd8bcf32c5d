"""The upgrade decision (spends money: conservative) and the product lookup (module_utils/upgrade.py)."""
import datetime

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import upgrade
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.products import normalize_product

TODAY = datetime.date(2024, 6, 1)
PRODUCT_LIST = {'products': [
    {'name': 'D_Plus', 'type': 'personal', 'title': 'VIP', 'content': 'x', 'prices': [
        {'price_name': '1year', 'price_title': 'one', 'price_value': 698, 'price_days': 365},
        {'price_name': '2year', 'price_title': 'two', 'price_value': '1396', 'price_days': '730'}]},
    {'name': 'DP_Extra', 'type': 'enterprise', 'title': 'E', 'content': '', 'prices': [
        {'price_name': '1year', 'price_title': 'one', 'price_value': 1200, 'price_days': 365}]}]}


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


def test_plan_upgrade_from_another_grade():
    plan = upgrade.plan_upgrade('DP_Free', None, 'D_Plus', 365, TODAY, 30)
    assert plan['action'] == 'upgrade' and plan['expected_end'] == '2025-05-31'
    assert 'DP_Free' in plan['reason']


def test_plan_nothing_when_the_end_is_unknown():
    plan = upgrade.plan_upgrade('D_Plus', None, 'D_Plus', 365, TODAY, 30)
    assert plan['action'] is None and plan['days_left'] is None and 'no end date' in plan['reason']


@pytest.mark.parametrize('days_left,renew_before,action', [
    (31, 30, None), (30, 30, 'renew'), (0, 30, 'renew'), (200, 30, None), (1, 0, None), (0, 0, 'renew'),
    (-5, 0, 'renew'),
])
def test_plan_renew_window(days_left, renew_before, action):
    plan = upgrade.plan_upgrade('D_Plus', day(days_left), 'D_Plus', 365, TODAY, renew_before)
    assert plan['action'] == action and plan['days_left'] == days_left


def test_renewal_extends_from_the_end_and_an_ended_one_starts_today():
    assert upgrade.plan_upgrade('D_Plus', day(10), 'D_Plus', 730, TODAY, 30)['expected_end'] == day(740).isoformat()
    assert upgrade.plan_upgrade('D_Plus', day(-3), 'D_Plus', 365, TODAY, 30)['expected_end'] == day(364).isoformat()


def test_renewed_domain_is_not_renewed_again():
    first = upgrade.plan_upgrade('D_Plus', day(10), 'D_Plus', 365, TODAY, 30)
    end = datetime.date.fromisoformat(first['expected_end'])
    assert upgrade.plan_upgrade('D_Plus', end, 'D_Plus', 365, TODAY, 30)['action'] is None


@pytest.mark.parametrize('text,date', [('2013-10-13', datetime.date(2013, 10, 13)),
                                       ('2013-10-13 00:00:00', datetime.date(2013, 10, 13)),
                                       ('0000-00-00', None), ('', None), (None, None), (False, None), ('soon', None)])
def test_parse_date(text, date):
    assert upgrade.parse_date(text) == date


def test_find_price_and_errors_list_the_choices():
    products = [normalize_product(p) for p in PRODUCT_LIST['products']]
    product, price = upgrade.find_price(products, 'D_Plus', '2year')
    assert product['name'] == 'D_Plus' and price == {'name': '2year', 'title': 'two', 'value': 1396, 'days': 730}
    with pytest.raises(ValueError, match=r"^grade: 'D_Gold' .*D_Plus \(personal\), DP_Extra \(enterprise\)"):
        upgrade.find_price(products, 'D_Gold', '1year')
    with pytest.raises(ValueError, match=r"^term: '3year' .*1year, 2year"):
        upgrade.find_price(products, 'D_Plus', '3year')
