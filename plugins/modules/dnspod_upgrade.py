#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_upgrade
short_description: Upgrade or renew a domain of an agent's user to a paid DNSPod grade
version_added: 0.2.0
description:
  - For agent accounts (the agent API). Buys a grade for a domain of one of the agent's users with
    C(Domain.Upgrade), paid from the agent's balance.
  - B(This spends money), so it acts only when the domain still needs it. It upgrades when the domain has
    another grade than O(grade), and renews when it has O(grade) and its paid service ends within
    O(renew_before_days) days (or has ended). The grade and the end date are read with C(Domain.Info) first.
  - When C(Domain.Info) gives no end date for a domain that already has O(grade), nothing is bought and a warning says so.
  - O(grade) and O(term) are checked against C(Product.List) before anything is bought; unknown names fail with the
    list of valid ones.
  - In check mode nothing is bought; the result shows the price (RV(price)) that would be paid.
  - C(Domain.Upgrade) is sent once. When its answer is lost (network or proxy error after the API acted), it is
    never sent again. C(Domain.Info) is read back, and a new grade or a later end of the service is reported as
    bought, with a warning that the bill and the agent's balance of the lost answer are unknown. When C(Domain.Info)
    shows no change, the task fails and says to check the agent's balance before running it again.
  - Set the connection option O(user_id) to the ID of the user who owns the domain (see
    M(dnspod.dnspod.dnspod_agent_user_info)), so that C(Domain.Info) can read it; C(Domain.Upgrade) itself is the agent's.
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Name of the domain, which must belong to a user under the agent.
    type: str
    required: true
  grade:
    description:
      - Name of the product to buy, as C(Product.List) names it (for example C(D_Plus)); personal and
        enterprise users have different products.
    type: str
    required: true
  term:
    description:
      - Term to buy, as C(Product.List) names it for O(grade) (for example C(1year)).
    type: str
    required: true
  renew_before_days:
    description:
      - Renew a domain that already has O(grade) when its service ends within this many days.
      - Must be shorter than the term, or every run would renew again.
    type: int
    default: 30
  ip_addr:
    description:
      - The user's own public IP address, which C(Domain.Upgrade) requires.
    type: str
    required: true
  notice_email:
    description:
      - Address DNSPod sends the confirmation e-mail to. No e-mail is sent when not set.
    type: str
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Keep a customer's domain on D_Plus, renewing a year at a time a month before it ends
  dnspod.dnspod.dnspod_upgrade:
    domain: customer.example
    grade: D_Plus
    term: 1year
    renew_before_days: 30
    ip_addr: 203.0.113.7
    notice_email: customer@example.com
    user_id: "480995"
    login_token: "{{ agent_token }}"

- name: What would it cost?
  dnspod.dnspod.dnspod_upgrade:
    domain: customer.example
    grade: D_Plus
    term: 2year
    ip_addr: 203.0.113.7
    user_id: "480995"
  check_mode: true
  register: quote
'''

RETURN = r'''
domain:
  description:
    - The domain's ID, name, grade and paid service period (C(vip_start_at), C(vip_end_at)) after the task;
      in check mode C(vip_end_at) is the end the purchase would give.
  returned: always
  type: dict
  sample: {"id": "825047", "name": "customer.example", "grade": "D_Plus", "vip_start_at": "2024-10-14",
           "vip_end_at": "2025-10-13"}
action:
  description: V(upgrade), V(renew), or null when nothing was (or would be) bought.
  returned: always
  type: str
  sample: renew
reason:
  description: Why the module bought, or did not buy.
  returned: always
  type: str
  sample: grade D_Plus ends on 2025-10-13, in 12 days (renew_before_days=30)
days_left:
  description: Days until the domain's current service ends (negative once ended); null when unknown.
  returned: always
  type: int
  sample: 12
price:
  description: The product and term from C(Product.List), with the list price C(value) and the term's C(days).
  returned: always
  type: dict
  sample: {"grade": "D_Plus", "term": "1year", "title": "VIP", "term_title": "1 year", "value": 698, "days": 365}
bill:
  description: The bill of C(Domain.Upgrade) (user price, agent price, journal number), when the domain was bought for.
  returned: when changed and not in check mode, unless the answer of C(Domain.Upgrade) was lost
  type: dict
  sample: {"user_price": 698, "agent_price": 698, "journal_number": "2011101411PLU001YN0002"}
agent:
  description: The agent's user ID, discount, points and balance after the purchase.
  returned: when changed and not in check mode, unless the answer of C(Domain.Upgrade) was lost
  type: dict
  sample: {"user_id": "423255", "discount": 100, "points": 1396, "balance": 4149}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import runner
from ansible_collections.dnspod.dnspod.plugins.module_utils import upgrade

DIFF_KEYS = ('grade', 'vip_end_at')
OPTIONS = dict(
    domain=dict(type='str', required=True),
    grade=dict(type='str', required=True),
    term=dict(type='str', required=True),
    renew_before_days=dict(type='int', default=30),
    ip_addr=dict(type='str', required=True),
    notice_email=dict(type='str'),
)


def converge(task):
    params = task.params
    name, grade, term = upgrade.clean_params(params)
    price = upgrade.choose_price(task.api.products.list(), grade, term, params['renew_before_days'])
    current = task.api.domains.service(name)
    plan = upgrade.plan_upgrade(current['grade'], upgrade.parse_date(current['vip_end_at']), grade, price['days'],
                                upgrade.beijing_today(), params['renew_before_days'])
    result = dict(changed=plan['action'] is not None, price=price, action=plan['action'], reason=plan['reason'],
                  days_left=plan['days_left'], domain=dict(current))
    if plan['action'] is None and plan['days_left'] is None:
        task.warn(plan['reason'])
    elif plan['action'] is not None and task.check_mode:
        result['domain'].update(grade=grade, vip_end_at=plan['expected_end'])
    elif plan['action'] is not None:
        service, extra, warning = upgrade.buy(task.api, name, grade, term, params, current)
        result['domain'].update(service)
        result.update(extra)
        if warning:
            task.warn(warning)
    if task.diff:
        result['diff'] = dict(before=dict((k, current.get(k)) for k in DIFF_KEYS),
                              after=dict((k, result['domain'].get(k)) for k in DIFF_KEYS))
    return result


def main():
    runner.main(AnsibleModule, OPTIONS, converge)


if __name__ == '__main__':
    main()
