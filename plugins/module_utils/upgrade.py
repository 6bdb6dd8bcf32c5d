# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Products and paid upgrades of the agent API (document 001): ``Product.List`` and
``Domain.Upgrade``, with the pure decision whether an upgrade or renewal is still needed.

Domain.Upgrade spends the agent's money, so the decision is conservative: it upgrades when the
domain has another grade, renews when it has the grade and its service ends within
``renew_before_days``, and does nothing when it cannot tell (no end date in Domain.Info)."""

from __future__ import annotations

import datetime
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_int, to_punycode, to_str

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
_DATE = re.compile(r'^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})')


def beijing_today():
    """Today's date in Beijing, the API's time zone."""
    return datetime.datetime.now(BEIJING).date()


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


def find_price(products, grade, term):
    """(product, price) for a grade and term name; ValueError naming the option and the choices."""
    product = None
    for item in products:
        if item['name'] == grade:
            product = item
    if product is None:
        known = ', '.join('%s (%s)' % (p['name'], p['type']) for p in products) or 'none'
        raise ValueError('grade: %r is not a product of Product.List; the products are: %s' % (grade, known))
    for price in product['prices']:
        if price['name'] == term:
            return product, price
    known = ', '.join(p['name'] for p in product['prices']) or 'none'
    raise ValueError('term: %r is not a term of %s in Product.List; its terms are: %s' % (term, grade, known))


def plan_upgrade(current_grade, vip_end, grade, term_days, today, renew_before_days):
    """Whether Domain.Upgrade is needed.

    Returns a dict: ``action`` ('upgrade', 'renew' or None), ``reason``, ``days_left`` (None when
    unknown) and ``expected_end`` (the service end after the call, as the API computes it).
    """
    days_left = (vip_end - today).days if vip_end is not None else None
    if current_grade != grade:
        return {'action': 'upgrade', 'days_left': days_left,
                'reason': 'the domain has grade %s, not %s' % (current_grade or 'unknown', grade),
                'expected_end': (today + datetime.timedelta(days=term_days - 1)).isoformat()}
    if vip_end is None:
        return {'action': None, 'days_left': None, 'expected_end': None,
                'reason': 'the domain has grade %s and Domain.Info gives no end date: not renewed' % grade}
    if days_left > renew_before_days:
        return {'action': None, 'days_left': days_left, 'expected_end': vip_end.isoformat(),
                'reason': 'grade %s runs until %s, %d days from now (more than renew_before_days=%d)'
                          % (grade, vip_end.isoformat(), days_left, renew_before_days)}
    if days_left < 0:
        end = today + datetime.timedelta(days=term_days - 1)
        reason = 'grade %s ended on %s' % (grade, vip_end.isoformat())
    else:
        end = vip_end + datetime.timedelta(days=term_days)
        reason = 'grade %s ends on %s, in %d days (renew_before_days=%d)' % (
            grade, vip_end.isoformat(), days_left, renew_before_days)
    return {'action': 'renew', 'days_left': days_left, 'reason': reason, 'expected_end': end.isoformat()}


# ---- API wrappers --------------------------------------------------------------------------

def list_products(client):
    answer = client.call('Product.List')
    products = answer.get('products') or []
    if isinstance(products, dict):
        products = list(products.values())
    return [normalize_product(item) for item in products]


def domain_param(domain):
    domain = str(domain).strip()
    if domain.isdigit():
        return {'domain_id': domain}
    return {'domain': to_punycode(domain)}


def domain_service(client, domain):
    """Domain.Info (as the user the agent acts for) -> id, name, grade and service period."""
    answer = client.call('Domain.Info', domain_param(domain))
    raw = answer.get('domain') or {}
    return {
        'id': to_str(raw.get('id')),
        'name': to_str(raw.get('name')),
        'grade': to_str(raw.get('grade')),
        'vip_start_at': to_str(raw.get('vip_start_at')) or None,
        'vip_end_at': to_str(raw.get('vip_end_at')) or None,
    }


def upgrade_domain(client, name, grade, term, ip_addr, notice_email=None):
    """Domain.Upgrade -> {'domain': ..., 'bill': ..., 'agent': ...} from the answer."""
    answer = client.call('Domain.Upgrade', {'domain': to_punycode(name), 'grade': grade, 'term': term,
                                            'ip_addr': ip_addr, 'notice_email': notice_email})
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


def confirm_upgrade(client, exc, name, before, grade):
    """Domain.Upgrade lost its answer (DNSPodOutcomeUnknownError ``exc``): never bought again.
    Domain.Info is read back: a new grade, or a later end of the service than ``before``'s, shows
    the purchase carried out (the service read back is returned); no change cannot tell whether
    the agent was charged, so the error says what to check."""
    def verdict(now):
        shown = 'Domain.Info shows grade %s until %s (before: %s until %s)' % (
            now['grade'] or 'unknown', now['vip_end_at'] or 'no end date', before['grade'] or 'unknown',
            before['vip_end_at'] or 'no end date')
        later = parse_date(now['vip_end_at']) is not None and (
            parse_date(before['vip_end_at']) is None or parse_date(now['vip_end_at']) > parse_date(before['vip_end_at']))
        if now['grade'] == grade and (before['grade'] != grade or later):
            return True, shown
        return None, shown
    return readback.settle(client, exc, lambda: domain_service(client, name), verdict,
                           "the agent's balance and bills in the DNSPod console (the purchase may have been charged)")
