# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Products and paid upgrades of the agent API (document 001): Product.List and Domain.Upgrade."""

from __future__ import annotations

import datetime
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodOutcomeUnknownError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_punycode, to_str

_DATE = re.compile(r'^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})')


def parse_date(value):
    """A date from 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'; None for empty or zero dates."""
    match = _DATE.match(to_str(value))
    if not match:
        return None
    try:
        return datetime.datetime.strptime(match.group(1), '%Y-%m-%d').date()
    except ValueError:
        return None     # 0000-00-00 and the like


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

    def upgrade(self, name, grade, term, ip_addr, notice_email=None, before=None):
        """Domain.Upgrade, sent once (it spends the agent's money) -> normalize_purchase of the answer.

        A lost answer is never bought again: Domain.Info is read back, and a new grade, or a later end
        of the service than ``before``'s (the service read before), shows the purchase carried out:
        then ``{'domain': the service read back, 'warning': what happened}`` (no bill, no agent).
        No change cannot tell whether the agent was charged: DNSPodOutcomeUnknownError says what to
        check."""
        try:
            answer = self.client.call('Domain.Upgrade', {'domain': to_punycode(name), 'grade': grade, 'term': term,
                                                         'ip_addr': ip_addr, 'notice_email': notice_email}, once=True)
        except DNSPodOutcomeUnknownError as exc:
            service = readback.settle(self.client, exc, lambda: Domains(self.client).service(name),
                                      _upgrade_verdict(before, grade),
                                      "the agent's balance and bills in the DNSPod console (the purchase may have "
                                      "been charged)")
            return {'domain': service, 'warning': (
                'Domain.Upgrade lost its answer, so its bill and the agent\'s balance were not received; Domain.Info '
                'shows grade %s until %s: the purchase was carried out (sent once, not repeated)'
                % (service['grade'], service['vip_end_at']))}
        return normalize_purchase(answer)


def _upgrade_verdict(before, grade):
    def verdict(now):
        shown = 'Domain.Info shows grade %s until %s (before: %s until %s)' % (
            now['grade'] or 'unknown', now['vip_end_at'] or 'no end date', before['grade'] or 'unknown',
            before['vip_end_at'] or 'no end date')
        later = parse_date(now['vip_end_at']) is not None and (
            parse_date(before['vip_end_at']) is None or parse_date(now['vip_end_at']) > parse_date(before['vip_end_at']))
        if now['grade'] == grade and (before['grade'] != grade or later):
            return True, shown
        return None, shown
    return verdict
