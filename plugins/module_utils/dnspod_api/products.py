# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Products and paid upgrades of the agent API (document 001): Product.List and Domain.Upgrade."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_punycode, to_str


def normalize_product(raw):
    """A product of Product.List -> {name, type, title, content, prices: [{name, title, value, days}]}."""
    raw = raw or {}
    prices = raw.get('prices') or []
    if isinstance(prices, dict):
        prices = list(prices.values())
    return {
        'name': to_str(raw.get('name')),
        'type': to_str(raw.get('type')),
        'title': to_str(raw.get('title')),
        'content': to_str(raw.get('content')),
        'prices': [{
            'name': to_str(p.get('price_name')),
            'title': to_str(p.get('price_title')),
            'value': to_int(p.get('price_value'), 0),
            'days': to_int(p.get('price_days'), 0),
        } for p in prices],
    }


def normalize_purchase(answer):
    """Domain.Upgrade's answer -> {'domain': ..., 'bill': ..., 'agent': ...}."""
    domain = answer.get('domain') or {}
    bill = answer.get('bill') or {}
    agent = answer.get('agent') or {}
    return {
        'domain': {
            'id': to_str(domain.get('domain_id')),
            'name': to_str(domain.get('domain')),
            'grade': to_str(domain.get('grade')),
            'term': to_str(domain.get('term')),
            'vip_start_at': to_str(domain.get('vip_start_at')) or None,
            'vip_end_at': to_str(domain.get('vip_end_at')) or None,
        },
        'bill': {
            'user_price': to_int(bill.get('user_price'), 0),
            'agent_price': to_int(bill.get('agent_price'), 0),
            'journal_number': to_str(bill.get('journal_number')),
        },
        'agent': {
            'user_id': to_str(agent.get('user_id')),
            'discount': to_int(agent.get('discount'), 100),
            'points': to_int(agent.get('points'), 0),
            'balance': to_int(agent.get('balance'), 0),
        },
    }


class Products:
    """What an agent can buy, and buying it."""

    def __init__(self, client):
        self.client = client

    def list(self):
        """Product.List -> canonical products."""
        products = self.client.call('Product.List').get('products') or []
        if isinstance(products, dict):
            products = list(products.values())
        return [normalize_product(item) for item in products]

    def upgrade(self, name, grade, term, ip_addr, notice_email=None):
        """Domain.Upgrade, sent once (it spends the agent's money) -> normalize_purchase of the answer.
        A lost answer raises DNSPodOutcomeUnknownError: see ``confirm_upgrade``."""
        answer = self.client.call('Domain.Upgrade', {'domain': to_punycode(name), 'grade': grade, 'term': term,
                                                     'ip_addr': ip_addr, 'notice_email': notice_email}, once=True)
        return normalize_purchase(answer)

    def confirm_upgrade(self, exc, name, verdict):
        """Domain.Upgrade lost its answer (DNSPodOutcomeUnknownError ``exc``): never bought again.
        Domain.Info is read back and ``verdict(service)`` tells whether the purchase was carried out
        (the service read back is returned); else the error says what to check."""
        return readback.settle(self.client, exc, lambda: Domains(self.client).service(name), verdict,
                               "the agent's balance and bills in the DNSPod console (the purchase may have been charged)")
