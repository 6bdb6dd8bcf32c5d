"""dnspod_api/products.py: Product.List and Domain.Upgrade (and the service read of Domain.Info)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.products import Products
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError

PRODUCT_LIST = {'products': [
    {'name': 'D_Plus', 'type': 'personal', 'title': 'VIP', 'content': 'x', 'prices': [
        {'price_name': '1year', 'price_title': 'one', 'price_value': 698, 'price_days': 365},
        {'price_name': '2year', 'price_title': 'two', 'price_value': '1396', 'price_days': '730'}]},
    {'name': 'DP_Extra', 'type': 'enterprise', 'title': 'E', 'content': '', 'prices': [
        {'price_name': '1year', 'price_title': 'one', 'price_value': 1200, 'price_days': 365}]}]}


class FakeClient(object):
    def __init__(self, answers):
        self.answers = answers
        self.calls = []
        self.once = []

    def call(self, action, params=None, empty_codes=(), once=None):
        self.calls.append((action, dict((k, v) for k, v in (params or {}).items() if v is not None)))
        if once:
            self.once.append(action)
        return self.answers[action]


def test_list_products_and_domain_service():
    client = FakeClient({'Product.List': PRODUCT_LIST,
                         'Domain.Info': {'domain': {'id': '51', 'name': 'a.com', 'grade': 'D_Plus',
                                                    'vip_start_at': '2024-01-01', 'vip_end_at': '2024-12-31'}}})
    assert [p['name'] for p in Products(client).list()] == ['D_Plus', 'DP_Extra']
    assert Domains(client).service('A.com') == {'id': '51', 'name': 'a.com', 'grade': 'D_Plus',
                                                'vip_start_at': '2024-01-01', 'vip_end_at': '2024-12-31'}
    assert client.calls[-1] == ('Domain.Info', {'domain': 'a.com'})
    Domains(client).service('51')
    assert client.calls[-1] == ('Domain.Info', {'domain_id': '51'})


def test_upgrade_domain_reads_the_documented_answer():
    answer = {'agent': {'user_id': '423255', 'discount': '100', 'points': 1396, 'balance': 4149},
              'domain': {'domain_id': '825047', 'domain': 'sexdiy.org', 'grade': 'D_Plus', 'term': '1year',
                         'vip_start_at': '2011-10-14', 'vip_end_at': '2013-10-13'},
              'bill': {'user_price': 698, 'agent_price': '698', 'journal_number': '2011101411PLU001YN0002'}}
    client = FakeClient({'Domain.Upgrade': answer})
    result = Products(client).upgrade('sexdiy.org', 'D_Plus', '1year', '203.0.113.7')
    assert client.calls == [('Domain.Upgrade', {'domain': 'sexdiy.org', 'grade': 'D_Plus', 'term': '1year',
                                                'ip_addr': '203.0.113.7'})]
    assert result['bill'] == {'user_price': 698, 'agent_price': 698, 'journal_number': '2011101411PLU001YN0002'}
    assert result['agent'] == {'user_id': '423255', 'discount': 100, 'points': 1396, 'balance': 4149}
    assert result['domain']['vip_end_at'] == '2013-10-13'
    assert client.once == ['Domain.Upgrade']     # it spends money: never repeated blindly


class LosingClient(FakeClient):
    """Domain.Upgrade's answer is lost; Domain.Info answers what the test gives."""

    def __init__(self, answers):
        super(LosingClient, self).__init__(answers)
        self.confirmed = 0

    def call(self, action, params=None, empty_codes=(), once=None):
        if action == 'Domain.Upgrade':
            self.calls.append((action, params))
            raise DNSPodOutcomeUnknownError(action, 'ConnectionError', 1)
        return super(LosingClient, self).call(action, params, empty_codes, once)

    def confirm_write(self):
        self.confirmed += 1


BEFORE = {'id': '51', 'name': 'a.com', 'grade': 'D_Plus', 'vip_start_at': '2024-01-01', 'vip_end_at': '2024-12-31'}


def test_a_lost_upgrade_is_read_back_not_bought_again():
    renewed = dict(BEFORE, vip_end_at='2025-12-31')
    client = LosingClient({'Domain.Info': {'domain': renewed}})
    bought = Products(client).upgrade('a.com', 'D_Plus', '1year', '203.0.113.7', before=BEFORE)
    assert bought['domain']['vip_end_at'] == '2025-12-31' and 'bill' not in bought
    assert 'lost its answer' in bought['warning'] and 'until 2025-12-31' in bought['warning']
    assert [action for action, _params in client.calls] == ['Domain.Upgrade', 'Domain.Info'] and client.confirmed == 1
    # nothing changed: it cannot tell whether the agent was charged
    client = LosingClient({'Domain.Info': {'domain': BEFORE}})
    with pytest.raises(DNSPodOutcomeUnknownError, match='balance and bills'):
        Products(client).upgrade('a.com', 'D_Plus', '1year', '203.0.113.7', before=BEFORE)
    assert [action for action, _params in client.calls] == ['Domain.Upgrade', 'Domain.Info'] and client.confirmed == 0
