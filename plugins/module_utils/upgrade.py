# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Paid upgrades (dnspod_upgrade): the checks of its options and the pure decision whether an
upgrade or renewal is still needed (the calls, Product.List and Domain.Upgrade, are in
dnspod_api/products.py).

Domain.Upgrade spends the agent's money, so the decision is conservative: it upgrades when the
domain has another grade, renews when it has the grade and its service ends within
``renew_before_days``, and does nothing when it cannot tell (no end date in Domain.Info)."""

from __future__ import annotations

import datetime

from ansible_collections.dnspod.dnspod.plugins.module_utils import agent
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.products import parse_date  # pylint: disable=unused-import
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def beijing_today():
    """Today's date in Beijing, the API's time zone."""
    return datetime.datetime.now(BEIJING).date()


def find_price(products, grade, term):
    """(product, price) for a grade and term name; TaskError naming the option and the choices."""
    product = None
    for item in products:
        if item['name'] == grade:
            product = item
    if product is None:
        known = ', '.join('%s (%s)' % (p['name'], p['type']) for p in products) or 'none'
        raise TaskError('grade: %r is not a product of Product.List; the products are: %s' % (grade, known))
    for price in product['prices']:
        if price['name'] == term:
            return product, price
    known = ', '.join(p['name'] for p in product['prices']) or 'none'
    raise TaskError('term: %r is not a term of %s in Product.List; its terms are: %s' % (term, grade, known))


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


SERVICE_FIELDS = ('grade', 'vip_start_at', 'vip_end_at')


def check_options(params):
    """dnspod_upgrade's options -> the problems found (each naming its option)."""
    errors = []
    try:
        names.normalize_domain_name(params['domain'])
    except ValueError as exc:
        errors.append('domain: %s' % exc)
    for key in ('grade', 'term'):
        if not params[key].strip():
            errors.append('%s: must not be empty' % key)
    if params['renew_before_days'] < 0:
        errors.append('renew_before_days: must be 0 or more')
    if not agent.is_public_ip(params['ip_addr']):
        errors.append('ip_addr: %r is not a public IP address' % params['ip_addr'])
    email = params.get('notice_email')
    if email is not None and email.strip() and not agent.EMAIL.match(email.strip()):
        errors.append('notice_email: %r is not an e-mail address' % email)
    return errors


def clean_params(params):
    """-> ``(name, grade, term)``, or a TaskError naming every bad option."""
    errors = check_options(params)
    if errors:
        raise TaskError('; '.join(errors))
    return names.normalize_domain_name(params['domain']), params['grade'].strip(), params['term'].strip()


def choose_price(products, grade, term, renew_before_days):
    """The product and term bought (``find_price``) -> the result's ``price`` and its days."""
    product, price = find_price(products, grade, term)
    if renew_before_days >= price['days']:
        raise TaskError('renew_before_days: %d is not shorter than the term %s (%d days): every run would renew again'
                        % (renew_before_days, term, price['days']))
    return dict(grade=grade, term=term, title=product['title'], term_title=price['title'], value=price['value'],
                days=price['days'])


def buy(api, name, grade, term, params, current):
    """Domain.Upgrade (sent once) -> ``(service, extra, warning)``: the service fields after it,
    the result's ``bill`` and ``agent``, and a warning when its answer was lost and the read-back
    shows the purchase carried out (never bought twice)."""
    bought = api.products.upgrade(name, grade, term, params['ip_addr'].strip(),
                                  (params.get('notice_email') or '').strip() or None, before=current)
    service = dict((k, v) for k, v in bought['domain'].items() if k in SERVICE_FIELDS and v)
    return service, dict((k, bought[k]) for k in ('bill', 'agent') if k in bought), bought.get('warning')
