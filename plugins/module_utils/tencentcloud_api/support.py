# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What Tencent Cloud API 3.0 cannot do that the traditional API can: whole modules, and options
or values of options, for which API 3.0 (tencentcloud-sdk-python-dnspod's 97 actions) has no
action. The runner checks a task against this table right after its client is built and before
any call (runner.Task.client), so such a task fails having sent nothing, naming the backend and
the alternative. tests/unit/plugins/module_utils/tencentcloud_api/test_tc_support.py checks the
table against the SDK's actions."""

from __future__ import annotations

BACKEND = 'tencentcloud'
ALTERNATIVE = ('use the traditional DNSPod API for this task: give it login_token (a DNSPod API token, ID,TOKEN) '
               'instead of secret_id/secret_key, or set api_backend: dnspod')

# module -> what it needs that API 3.0 lacks (the actions it would need are absent from the SDK).
MODULES = {
    'dnspod_monitor': 'D-monitor (Monitor.*) is not part of API 3.0',
    'dnspod_monitor_info': 'D-monitor (Monitor.*) is not part of API 3.0',
    'dnspod_agent_user': 'the agent API (User.Create, User.Transfer, Verify.*) is not part of API 3.0',
    'dnspod_agent_user_info': 'the agent API (User.Detail of an agent\'s users) is not part of API 3.0',
    'dnspod_upgrade': 'paid upgrades through an agent (Domain.Upgrade) are not part of API 3.0',
    'dnspod_product_info': 'the product list of the traditional API (Product.Info) is not part of API 3.0',
    'dnspod_domain_acquire': 'taking a domain back (Domain.Acquire*) is not part of API 3.0',
    'dnspod_account': 'API 3.0 has no action that changes the user (name, telephone, e-mail, password): only '
                      'DescribeUserDetail reads it',
}

# module -> [(option, test(value), why)]: a task whose option passes the test is refused.
OPTIONS = {
    'dnspod_domain': [
        ('is_mark', lambda value: value is not None,
         'API 3.0 has no action that stars a domain (IsMark is only read by DescribeDomainList)'),
        ('searchengine_push', lambda value: value is not None,
         'API 3.0 has no action for the search engine push of a domain'),
    ],
    'dnspod_group': [
        ('state', lambda value: value == 'absent',
         'API 3.0 has no action that removes a domain group (only CreateDomainGroup and DescribeDomainGroupList)'),
        ('old_name', lambda value: value not in (None, ''),
         'API 3.0 has no action that renames a domain group (only CreateDomainGroup and DescribeDomainGroupList)'),
    ],
    'dnspod_share': [
        ('state', lambda value: value != 'absent',
         'API 3.0 cannot share a domain or change a share: it has DescribeDomainShareInfo and DeleteShareDomain '
         '(state: absent works), no action that creates or modifies a share'),
    ],
    'dnspod_account_info': [
        ('gather', lambda value: bool({'log', 'version', 'all'} & set(value or ())),
         'API 3.0 has no action that reads the account\'s log (User.Log) or the API version (Info.Version), '
         'which gather: all includes; gather user, record_types and record_lines by name instead'),
    ],
}

# module -> [(option, test(params), why)]: a task whose options together pass the test is refused
# (what API 3.0 needs that the task left out).
TOGETHER = {
    'dnspod_account_info': [
        ('domain', lambda params: 'record_lines' in (params.get('gather') or ()) and params.get('domain') in (None, ''),
         'gather: record_lines needs domain on API 3.0, whose DescribeRecordLineList requires Domain (the lines '
         'of that domain\'s grade): give domain (a domain of the account with the grade wanted)'),
    ],
}


def module_name(name):
    """The module's short name from AnsibleModule's / WorkerModule's ``_name`` (which may be the
    FQCN ``dnspod.dnspod.dnspod_domain``, or a file name ``dnspod_domain.py``)."""
    name = str(name or '')
    if name.endswith('.py'):
        name = name[:-3]
    return name.rpartition('.')[2]


# Options of every module that only the traditional API has.
COMMON_OPTIONS = [
    ('user_id', lambda value: value is not None and str(value).strip() != '',
     'an agent acting for one of its users (user_id) exists only on the traditional API'),
]


def refusal(module, params):
    """The message refusing this task on API 3.0, or None when API 3.0 can serve it."""
    name = module_name(module)
    for option, refused, why in COMMON_OPTIONS:
        if refused(params.get(option)):
            return '%s is not available on api_backend=%s (Tencent Cloud API 3.0): %s; %s' % (
                option, BACKEND, why, ALTERNATIVE)
    if name in MODULES:
        return '%s cannot run on api_backend=%s (Tencent Cloud API 3.0): %s; %s' % (
            name, BACKEND, MODULES[name], ALTERNATIVE)
    for option, refused, why in OPTIONS.get(name, ()):
        value = params.get(option)
        if refused(value):
            return '%s: %s=%s cannot be done on api_backend=%s (Tencent Cloud API 3.0): %s; %s' % (
                name, option, _shown(value), BACKEND, why, ALTERNATIVE)
    for option, refused, why in TOGETHER.get(name, ()):
        if refused(params):
            return '%s: %s is required on api_backend=%s (Tencent Cloud API 3.0): %s; or %s' % (
                name, option, BACKEND, why, ALTERNATIVE)
    return None


def _shown(value):
    if isinstance(value, (list, tuple)):
        return ','.join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)
