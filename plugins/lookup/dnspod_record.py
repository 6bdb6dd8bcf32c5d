# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
name: dnspod_record
short_description: Values of DNSPod records
version_added: 0.2.0
description:
  - Returns the values of the records of one or more names, read from the DNSPod API (not from DNS).
  - Finds which suffix of each name is a domain of the account (the longest one, so a delegated sub-domain managed as
    its own domain wins), with one C(Domain.List) per play run and account, then reads each name with one filtered
    C(Record.List).
  - With O(domain) given by name no domain lookup is sent at all (on the international service, whose record calls take
    only the domain's ID, one C(Domain.Info) per lookup); given by ID, one C(Domain.Info) per play run.
  - The domains found are kept for the rest of the play run (in the run's own temporary directory, removed when
    C(ansible-playbook) ends) and read again once when a name is in none of them or a domain has gone.
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
  - A lookup is not an action, so C(module_defaults) does not reach it. Each connection option is taken, in this
    order, from the lookup's own keyword (C(login_token=...)), the play variable named in its entry (such as
    C(dnspod_login_token) and C(dnspod_api_url)), then the environment variable (such as E(DNSPOD_LOGIN_TOKEN)).
    An empty value counts as unset. Setting the variables in the play and C(module_defaults) from them gives the
    modules and the lookup the same connection.
  - In a dry run (C(ansible-playbook --check)), a name whose domain is not in the account yet (a play that creates
    the domain before it reads it) has no values, with a warning; outside check mode it is an error.
  - CNAME, MX and NS values are returned as the API stores them, with a trailing dot.
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Addresses of www
  ansible.builtin.debug:
    msg: "{{ lookup('dnspod.dnspod.dnspod_record', 'www.example.com', record_type='A') }}"

- name: TXT values of the apex, with the token given to the lookup itself
  ansible.builtin.debug:
    msg: "{{ lookup('dnspod.dnspod.dnspod_record', 'example.com', record_type='TXT', login_token=my_token) }}"

# The modules through module_defaults and the lookup through the play variable, from one value.
- name: One connection for the modules and the lookup
  hosts: localhost
  gather_facts: false
  vars:
    dnspod_login_token: "{{ vault_dnspod_token }}"
  module_defaults:
    group/dnspod.dnspod.dnspod:
      login_token: "{{ dnspod_login_token }}"
  tasks:
    - name: Read www
      ansible.builtin.debug:
        msg: "{{ query('dnspod.dnspod.dnspod_record', 'www.example.com') }}"

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
import json
import os
import tempfile

from ansible import constants as C
from ansible.errors import AnsibleLookupError
from ansible.plugins.lookup import LookupBase
from ansible.utils.display import Display

from ansible_collections.dnspod.dnspod.plugins.module_utils import backends
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import credentials
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import record_query
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import HAS_REQUESTS
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodError

# Domain names -> IDs per account, for one play run. Ansible runs each task in a worker process
# forked from ansible-playbook, so a dict only lives for one task: the names are also kept in a
# file of the run's own local temporary directory (C.DEFAULT_LOCAL_TMP, made per run and removed
# when ansible-playbook exits; Ansible keeps its module cache there too). Keyed by a hash, so no
# credential is kept in clear in a key or a file name.
_DOMAIN_CACHE = {}

display = Display()

# The environment variables of the text options of the connection (the PLUGIN doc fragment), for
# an option whose play variable or keyword is empty.
ENV_NAMES = dict(api_url=('DNSPOD_API_URL',), login_token=('DNSPOD_LOGIN_TOKEN',),
                 login_email=('DNSPOD_LOGIN_EMAIL',), login_password=('DNSPOD_LOGIN_PASSWORD',),
                 login_code=('DNSPOD_LOGIN_CODE',), user_id=('DNSPOD_USER_ID',), contact=('DNSPOD_CONTACT',),
                 api_backend=('DNSPOD_API_BACKEND',), secret_id=('TENCENTCLOUD_SECRET_ID',),
                 secret_key=('TENCENTCLOUD_SECRET_KEY',),
                 session_token=('TENCENTCLOUD_SESSION_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN'))


def _account_key(params):
    material = '\0'.join(str(params.get(k) or '') for k in ('api_url', 'login_token', 'login_email', 'user_id'))
    if params.get('secret_id'):
        # API 3.0: another account's keys, another cache (no secret in it: the key is hashed below)
        material += '\0tencentcloud\0%s\0%s' % (params['secret_id'], params.get('session_token') or '')
    return hashlib.sha256(material.encode('utf-8')).hexdigest()


def _cache_file(key):
    directory = getattr(C, 'DEFAULT_LOCAL_TMP', None)
    if not directory or not os.path.isdir(directory):
        return None
    name = hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]
    return os.path.join(directory, 'dnspod_domains_%s.json' % name)


def _load_cached(key):
    if key in _DOMAIN_CACHE:
        return _DOMAIN_CACHE[key]
    path = _cache_file(key)
    if path is None:
        return None
    try:
        with open(path) as handle:
            data = json.load(handle)
    except (IOError, OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    _DOMAIN_CACHE[key] = dict((str(k), str(v)) for k, v in data.items())
    return _DOMAIN_CACHE[key]


def _store(key, domains):
    _DOMAIN_CACHE[key] = domains
    path = _cache_file(key)
    if path is None:
        return
    try:
        handle, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix='.dnspod_domains_')
        with os.fdopen(handle, 'w') as out:
            json.dump(domains, out)
        os.replace(tmp, path)
    except (IOError, OSError):
        pass


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
        # A dry run (ansible-playbook --check) of a play that creates the domain before it reads it.
        self._dry_run = bool((variables or {}).get('ansible_check_mode'))
        if not HAS_REQUESTS:
            raise AnsibleLookupError('the dnspod_record lookup needs the Python library requests')
        params = dict((option, self._connection_option(option)) for option in common.CLIENT_OPTIONS)
        problem = common.require_credentials(params)
        if problem == credentials.NO_CREDENTIALS:
            raise AnsibleLookupError('dnspod_record: %s; a lookup cannot see module_defaults: set the play variable '
                                     'dnspod_login_token (or dnspod_login_email and dnspod_login_password), or '
                                     'dnspod_secret_id and dnspod_secret_key, or pass login_token=... to the lookup'
                                     % problem)
        if problem:
            raise AnsibleLookupError('dnspod_record: %s' % problem)
        try:
            query = record_query.Query(self.get_option('record_type'), self.get_option('record_line'),
                                       self.get_option('include_disabled'))
            for warning in common.tls_warnings(params):
                Display().warning('dnspod_record lookup: %s' % warning)
            client = common.client_from_params(params)
            params['api_url'] = client.api_url
            api = backends.api_for(client)
            values = []
            for term in terms:
                values.extend(self._lookup(api, params, term, query))
        except (DNSPodError, ValueError) as exc:
            raise AnsibleLookupError('dnspod_record: %s' % exc)
        return values

    def _connection_option(self, option):
        """An option as the modules would take it: a value given as a template (a play variable such
        as ``dnspod_login_token: "{{ vault_dnspod_token }}"``, which older ansible-core versions hand
        over unrendered) is rendered, and an empty value counts as unset, so the environment variable
        applies (as ``common.env_fallback`` does for modules: AWX exports empty variables too)."""
        value = self.get_option(option)
        if isinstance(value, str) and ('{{' in value or '{%' in value):
            value = self._templar.template(value)
        if isinstance(value, str) and value.strip() == '':
            value = common.env_value(*ENV_NAMES.get(option, ()))
        return value

    def _domains(self, api, params, fresh=False):
        """Name -> ID of the candidate domains, and whether they were just read from the API.

        A domain given by name needs no call at all (Record.List takes the name); by ID, one
        Domain.Info per run; otherwise one Domain.List per run and account."""
        given = self.get_option('domain')
        if given and not given.strip().isdigit():
            name = names.normalize_domain_name(given)
            return {name: name}, True
        key = _account_key(params) + (':' + given.strip() if given else '')
        cached = None if fresh else _load_cached(key)
        if cached is not None:
            return cached, False
        if given:
            found = api.domains.get(given.strip())
            if found is None:
                raise ValueError('domain: %s is not in this DNSPod account' % given)
            domains = {found['name']: found['id']}
        else:
            domains = dict((d['name'], d['id']) for d in api.domains.list())
        _store(key, domains)
        return domains, True

    def _lookup(self, api, params, term, query, refresh=False):
        fqdn = names.normalize_host(term)
        domains, fresh = self._domains(api, params, fresh=refresh)
        domain = find_domain(fqdn, domains)
        if domain is None and not fresh:
            # A domain added since the names were read in this run: read them again, once.
            return self._lookup(api, params, term, query, refresh=True)
        if domain is None:
            if self._dry_run:
                return self._not_there_yet(term, 'is not inside any domain of this DNSPod account')
            raise ValueError('%s is not inside any domain of this DNSPod account' % term)
        try:
            # the ID with the name kept here: API 3.0 names the domain on every call, and a later
            # task's client has not read the names (records.domain_ref)
            return record_query.values_at(api.records, api.records.domain_ref(domains[domain], domain),
                                          record_query.relative_name(fqdn, domain), query)
        except DNSPodAPIError as exc:
            if not record_query.unknown_domain(exc):
                raise
            if not fresh:
                # A domain removed since the names were read in this run: read them again, once.
                return self._lookup(api, params, term, query, refresh=True)
            if self._dry_run and record_query.not_created_yet(exc):
                return self._not_there_yet(term, 'is in domain %s, which is not in this DNSPod account' % domain)
            raise ValueError('domain: %s is not in this DNSPod account (%s)' % (domain, exc))

    @staticmethod
    def _not_there_yet(term, why):
        """In a dry run, a name whose domain the play would create first has no values yet: [] and
        a warning, as the record modules predict such a domain in check mode; a real run fails."""
        display.warning('dnspod_record lookup: %s %s yet; in check mode it has no values (a real run fails '
                        'unless the domain exists by then)' % (term, why))
        return []
