# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The reads of the dnspod_record lookup: its options checked, and the values of one name's records.

The lookup is no module (no argument spec, no check mode of its own, errors become
AnsibleLookupError), so it does not use record_module, which serves the modules; both read through
the API layer (dnspod_api/records.py). Nothing here calls Ansible: errors are ValueError
(validation.ValidationError) and the API's DNSPodError."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import NEW_DOMAIN_CODES, UNKNOWN_DOMAIN_CODES
from ansible_collections.dnspod.dnspod.plugins.module_utils.tencentcloud_api import base as tencentcloud

# The codes of both backends (the traditional API's are numbers, API 3.0's words: they never meet).
ANY_UNKNOWN_DOMAIN_CODES = tuple(UNKNOWN_DOMAIN_CODES) + tencentcloud.UNKNOWN_DOMAIN_CODES
ANY_NEW_DOMAIN_CODES = tuple(NEW_DOMAIN_CODES) + tencentcloud.NEW_DOMAIN_CODES


class Query:
    """What to read for each name: the record type (checked), the line (the service's default line
    when not set), and whether disabled records count."""

    def __init__(self, record_type, record_line=None, include_disabled=False):
        self.record_type = validation.validate_record_type(record_type)
        self.record_line = record_line or None
        self.include_disabled = bool(include_disabled)


def relative_name(fqdn, domain_name):
    """The host of a full name (normalised, no final dot) in its domain: ``@`` for the domain itself."""
    return names.relative_name(fqdn + '.', domain_name)


def values_at(records_api, domain, sub_domain, query):
    """The values of the records at ``sub_domain`` of ``domain`` (name or ID) that ``query`` asks
    for, from one filtered Record.List (API 3.0: DescribeRecordList, no DescribeDomain: the lookup
    needs the records only). Raises DNSPodError (unknown_domain tells the domain is gone)."""
    line = query.record_line or records_api.client.default_line
    records = records_api.list(domain, sub_domain=sub_domain, record_type=query.record_type, record_line=line)
    return [r['value'] for r in records if query.include_disabled or r['status'] == 'enabled']


def unknown_domain(exc):
    """Whether a Record.List error says the account has no such domain."""
    return getattr(exc, 'code', None) in ANY_UNKNOWN_DOMAIN_CODES


def not_created_yet(exc):
    """Whether a Record.List error says the account holds no domain of that name at all (one a
    play's dnspod_domain task would create; a domain of another account is not)."""
    return getattr(exc, 'code', None) in ANY_NEW_DOMAIN_CODES
