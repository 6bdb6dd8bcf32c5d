# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
name: dnspod_record
short_description: Values of DNSPod records
version_added: 0.1.0
description:
  - Returns the values of the records of one or more names, read from the DNSPod API (not from DNS).
  - Finds which suffix of each name is a domain of the account (the longest one, so a delegated sub-domain managed as
    its own domain wins), with one C(Domain.List) per play run and account, then reads each name with one filtered
    C(Record.List).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.PLUGIN
options:
  _terms:
    description:
      - Full names to look up, such as C(www.example.com). C(example.com) itself stands for its C(@) records.
    type: list
    elements: str
    required: true
  record_type:
    description:
      - Record type to return.
    type: str
    default: A
  record_line:
    description:
      - Line name; the default line when not set.
    type: str
  domain:
    description:
      - The domain the names belong to, when known; skips the search for it.
    type: str
  include_disabled:
    description:
      - Also return the values of disabled records.
    type: bool
    default: false
notes:
  - The values of all terms are returned as one list.
  - CNAME, MX and NS values are returned as the API stores them, with a trailing dot.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Addresses of www
  ansible.builtin.debug:
    msg: "{{ lookup('dnspod.dnspod.dnspod_record', 'www.example.com', record_type='A') }}"

- name: TXT values of the apex, with the token from a variable
  ansible.builtin.debug:
    msg: "{{ lookup('dnspod.dnspod.dnspod_record', 'example.com', record_type='TXT', login_token=dnspod_token) }}"

- name: As a list, even for one value
  ansible.builtin.set_fact:
    mx_hosts: "{{ query('dnspod.dnspod.dnspod_record', 'example.com', record_type='MX') }}"
'''

RETURN = r'''
_list:
  description: The values of the matching records of all terms.
  type: list
  elements: str
'''

import hashlib

from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import HAS_REQUESTS
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError

# Domain names per account, for the life of this controller process (one play run). Keyed by a
# hash so that no credential is kept in clear in the cache key.
_DOMAIN_CACHE = {}


def _account_key(params):
    material = '\0'.join(str(params.get(k) or '') for k in ('api_url', 'login_token', 'login_email', 'user_id'))
    return hashlib.sha256(material.encode('utf-8')).hexdigest()


def find_domain(fqdn, domains):
    """The longest name in `domains` that `fqdn` equals or ends with, or None."""
    best = None
    for domain in domains:
        if fqdn == domain or fqdn.endswith('.' + domain):
            if best is None or len(domain) > len(best):
                best = domain
    return best


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        if not HAS_REQUESTS:
            raise AnsibleLookupError('the dnspod_record lookup needs the Python library requests')
        params = dict((option, self.get_option(option)) for option in common.CLIENT_OPTIONS)
        problem = common.require_credentials(params)
        if problem:
            raise AnsibleLookupError(problem)
        try:
            record_type = validation.validate_record_type(self.get_option('record_type'))
            client = common.client_from_params(params)
            record_line = self.get_option('record_line') or client.default_line
            domains = self._domains(client, params)
            values = []
            for term in terms:
                values.extend(self._lookup(client, domains, term, record_type, record_line))
        except (DNSPodError, ValueError) as exc:
            raise AnsibleLookupError('dnspod_record: %s' % exc)
        return values

    def _domains(self, client, params):
        """Name -> ID of the candidate domains."""
        given = self.get_option('domain')
        if given:
            found = client.get_domain(given if given.strip().isdigit() else names.normalize_domain_name(given))
            if found is None:
                raise ValueError('domain: %s is not in this DNSPod account' % given)
            return {found['name']: found['id']}
        key = _account_key(params)
        if key not in _DOMAIN_CACHE:
            _DOMAIN_CACHE[key] = dict((d['name'], d['id']) for d in client.list_domains())
        return _DOMAIN_CACHE[key]

    def _lookup(self, client, domains, term, record_type, record_line):
        fqdn = names.normalize_host(term)
        domain = find_domain(fqdn, domains)
        if domain is None:
            raise ValueError('%s is not inside any domain of this DNSPod account' % term)
        sub_domain = names.relative_name(fqdn + '.', domain)
        records = client.list_records(domains[domain], sub_domain=sub_domain, record_type=record_type,
                                      record_line=record_line)
        include_disabled = self.get_option('include_disabled')
        return [r['value'] for r in records if include_disabled or r['status'] == 'enabled']
