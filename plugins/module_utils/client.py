# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one DNSPod API client of the collection: transport, authentication, retries, paging.
See docs/architecture.md for the contract."""

from __future__ import annotations

import ipaddress
import random
import re
import time
import traceback
import xml.etree.ElementTree as ET

from ansible.module_utils.six.moves.urllib.parse import urlparse

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodConfigError,
    DNSPodTransportError,
    RETRY_CODES,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import (
    normalize_domain,
    normalize_record,
    to_int,
)

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

COLLECTION_VERSION = '0.1.0'
INTERNATIONAL_HOST = 'api.dnspod.com'
MAX_PAGE_SIZE = 3000

# Actions that change state: counted as writes.
WRITE_ACTIONS = frozenset([
    'Record.Create', 'Record.Modify', 'Record.Remove', 'Record.Status', 'Record.Remark', 'Record.Ddns',
    'Domain.Create', 'Domain.Remove', 'Domain.Status', 'Domain.Remark', 'Domain.Ismark',
    'Domain.Searchenginepush', 'Domain.Changegroup', 'Domain.Lock', 'Domain.Unlock', 'Domain.Transfer',
    'Domain.Acquiresend', 'Domain.Acquirevalidate', 'Domain.Upgrade',
    'Domaingroup.Create', 'Domaingroup.Modify', 'Domaingroup.Remove',
    'Domainshare.Create', 'Domainshare.Modify', 'Domainshare.Remove',
    'Domainalias.Create', 'Domainalias.Remove',
    'Monitor.Create', 'Monitor.Modify', 'Monitor.Remove', 'Monitor.Setstatus',
    'User.Modify', 'Userpasswd.Modify', 'Useremail.Modify', 'User.Create', 'User.Transfer',
])

# Codes of an empty listing ("no domains", "no records", "no shares"...): an empty list, not an error.
EMPTY_LIST_CODES = {'Domain.List': ('9',), 'Record.List': ('10',)}

TOKEN_PATTERN = re.compile(r'^\d+,[^,\s]+$')


def is_loopback(host):
    host = (host or '').strip('[]').lower()
    if host == 'localhost':
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class DNSPodClient(object):

    def __init__(self, api_url='https://dnsapi.cn', login_token=None, login_email=None, login_password=None,
                 login_code=None, user_id=None, lang='en', timeout=30, validate_certs=True, ca_path=None,
                 contact='https://github.com/dnspod-ansible/dnspod.dnspod', max_retries=5, backoff_base=1.0,
                 backoff_cap=16.0, max_retry_time=60.0, international=None, sleep=time.sleep,
                 page_size=MAX_PAGE_SIZE, session=None):
        if not HAS_REQUESTS:
            raise DNSPodConfigError('the Python library requests is required')
        api_url = (api_url or '').strip().rstrip('/')
        parsed = urlparse(api_url)
        if parsed.scheme not in ('http', 'https') or not parsed.hostname:
            raise DNSPodConfigError('api_url: %r is not an http(s) URL' % api_url)
        if parsed.scheme == 'http' and not is_loopback(parsed.hostname):
            raise DNSPodConfigError('api_url: plain http is only allowed to loopback addresses; use https://')
        if login_token is not None:
            login_token = login_token.strip()
            if not TOKEN_PATTERN.match(login_token):
                # Never echo the value: it is a secret even when malformed.
                raise DNSPodConfigError('login_token: expected the form ID,TOKEN (numeric ID, a comma, the token)')
        elif not (login_email and login_password):
            raise DNSPodConfigError('no credentials: set login_token, or login_email and login_password')
        self.api_url = api_url
        self.international = (parsed.hostname.lower() == INTERNATIONAL_HOST) if international is None else bool(international)
        self._login_token = login_token
        self._login_email = login_email
        self._login_password = login_password
        self._login_code = login_code
        self._user_token = None
        self.user_id = user_id
        self.lang = lang or 'en'
        self.timeout = timeout
        self.verify = ca_path if ca_path else bool(validate_certs)
        self.user_agent = 'dnspod.dnspod/%s (%s)' % (COLLECTION_VERSION, contact)
        self.max_retries = max(0, int(max_retries))
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_retry_time = max_retry_time
        self.page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
        self._sleep = sleep
        self._session = session or requests.Session()
        self._session.headers['User-Agent'] = self.user_agent
        self.calls = 0
        self.writes = 0
        self.log = []

    def __repr__(self):
        return '<DNSPodClient %s calls=%d writes=%d>' % (self.api_url, self.calls, self.writes)

    @property
    def default_line(self):
        return 'default' if self.international else '默认'

    # ---- transport -------------------------------------------------------------------------

    def _auth_params(self):
        if self.international:
            if self._user_token is None:
                if self._login_token:
                    self._user_token = self._login_token
                else:
                    self._user_token = self._authenticate()
            return {'user_token': self._user_token}
        if self._login_token:
            return {'login_token': self._login_token}
        params = {'login_email': self._login_email, 'login_password': self._login_password}
        if self._login_code and not self._has_dtoken_cookie():
            params.update(login_code=self._login_code, login_remember='yes')
        return params

    def _has_dtoken_cookie(self):
        return any(re.match(r'^t\d+$', cookie.name) for cookie in self._session.cookies)

    def _authenticate(self):
        """International service: trade e-mail and password (and D-Token code) for a user_token, once."""
        params = {'login_email': self._login_email, 'login_password': self._login_password}
        if self._login_code:
            params.update(login_code=self._login_code, login_remember='yes')
        answer = self._send('Auth', params)
        token = answer.get('user_token')
        if not token:
            raise DNSPodTransportError('Auth', 'the answer holds no user_token', 1)
        return str(token)

    def call(self, action, params=None):
        """Send one action; return the parsed JSON of a successful answer (code 1, or an empty listing)."""
        form = dict(self._auth_params())
        form.update(format='json', lang=self.lang, error_on_empty='no')
        if self.user_id:
            form['user_id'] = self.user_id
        for key, value in (params or {}).items():
            if value is not None:
                form[key] = value
        return self._send(action, form)

    def _backoff(self, attempt):
        # Up to 10% jitter so that parallel tasks do not retry in lockstep; the cap holds with it.
        return min(self.backoff_cap, self.backoff_base * (2 ** attempt) * random.uniform(1.0, 1.1))

    def _send(self, action, form):
        url = '%s/%s' % (self.api_url, action)
        attempt = 0
        waited = 0.0
        last_api_error = None
        while True:
            attempt += 1
            self.calls += 1
            retry_reason = None
            try:
                response = self._session.post(url, data=form, timeout=self.timeout, verify=self.verify)
            except requests.exceptions.SSLError as exc:
                self.log.append(dict(action=action, code='tls-error', write=False))
                raise DNSPodTransportError(action, 'TLS verification failed: %s' % type(exc).__name__, attempt)
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
                retry_reason = '%s' % type(exc).__name__
                response = None
            if response is not None:
                if response.status_code >= 500:
                    retry_reason = 'HTTP %d' % response.status_code
                elif response.status_code >= 400:
                    self.log.append(dict(action=action, code='HTTP %d' % response.status_code, write=False))
                    raise DNSPodTransportError(action, 'HTTP %d' % response.status_code, attempt)
                else:
                    answer = self._parse(action, response)
                    if answer is None:
                        retry_reason = 'the answer is not JSON'
                    else:
                        code = str(answer['status'].get('code'))
                        if code in RETRY_CODES:
                            retry_reason = 'code %s (rate limit)' % code
                            last_api_error = DNSPodAPIError(action, code, answer['status'].get('message'))
                        else:
                            success = code == '1' or code in EMPTY_LIST_CODES.get(action, ())
                            self.log.append(dict(action=action, code=code,
                                                 write=success and action in WRITE_ACTIONS))
                            if not success:
                                raise DNSPodAPIError(action, code, answer['status'].get('message'))
                            if action in WRITE_ACTIONS:
                                self.writes += 1
                            return answer
            self.log.append(dict(action=action, code=retry_reason, write=False))
            delay = self._backoff(attempt - 1)
            if attempt > self.max_retries or waited + delay > self.max_retry_time:
                if last_api_error is not None and retry_reason.startswith('code '):
                    raise last_api_error
                raise DNSPodTransportError(action, retry_reason, attempt)
            self._sleep(delay)
            waited += delay

    @staticmethod
    def _parse(action, response):
        text = response.text or ''
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if isinstance(answer, dict) and isinstance(answer.get('status'), dict):
            return answer
        if text.lstrip().startswith('<'):
            try:
                root = ET.fromstring(text.encode('utf-8'))
                code = root.findtext('status/code')
                if code is not None:
                    return {'status': {'code': code.strip(), 'message': (root.findtext('status/message') or '').strip()}}
            except ET.ParseError:
                pass
        return None

    # ---- paging ----------------------------------------------------------------------------

    def _paged(self, action, params, items_key, total_of):
        items = []
        offset = 0
        while True:
            page_params = dict(params, offset=offset, length=self.page_size)
            answer = self.call(action, page_params)
            page = answer.get(items_key) or []
            items.extend(page)
            total = total_of(answer.get('info') or {})
            offset += len(page)
            if not page or len(page) < self.page_size or (total is not None and offset >= total):
                return items

    # ---- domains ---------------------------------------------------------------------------

    @staticmethod
    def _domain_param(domain):
        domain = str(domain).strip()
        if domain.isdigit():
            return {'domain_id': domain}
        return {'domain': domain.lower().rstrip('.')}

    def get_domain(self, domain):
        try:
            answer = self.call('Domain.Info', self._domain_param(domain))
        except DNSPodAPIError as exc:
            if exc.code in ('6', '13'):
                return None
            raise
        return normalize_domain(answer.get('domain') or {})

    def list_domains(self, type='all', group_id=None):
        type_totals = {'all': 'all_total', 'mine': 'mine_total', 'share': 'share_total', 'ismark': 'ismark_total',
                       'pause': 'pause_total', 'vip': 'vip_total', 'share_out': 'share_out_total'}
        total_key = type_totals.get(type or 'all', 'domain_total')

        def total_of(info):
            if 'domain_total' in info:
                return to_int(info.get('domain_total'))
            return to_int(info.get(total_key)) if total_key in info else None
        raw = self._paged('Domain.List', {'type': type or 'all', 'group_id': group_id}, 'domains', total_of)
        return [normalize_domain(d) for d in raw]

    def create_domain(self, domain, group_id=None, is_mark=None):
        params = {'domain': domain, 'group_id': group_id}
        if is_mark is not None:
            params['is_mark'] = 'yes' if is_mark else 'no'
        answer = self.call('Domain.Create', params)
        return normalize_domain(answer.get('domain') or {'domain': domain})

    def remove_domain(self, domain_id):
        self.call('Domain.Remove', {'domain_id': domain_id})

    def set_domain_status(self, domain_id, status):
        self.call('Domain.Status', {'domain_id': domain_id, 'status': 'enable' if status == 'enabled' else 'disable'})

    def set_domain_remark(self, domain_id, remark):
        self.call('Domain.Remark', {'domain_id': domain_id, 'remark': remark or ''})

    def set_domain_mark(self, domain_id, is_mark):
        self.call('Domain.Ismark', {'domain_id': domain_id, 'is_mark': 'yes' if is_mark else 'no'})

    def set_domain_searchengine_push(self, domain_id, push):
        self.call('Domain.Searchenginepush', {'domain_id': domain_id, 'status': 'yes' if push else 'no'})

    def change_domain_group(self, domain_id, group_id):
        self.call('Domain.Changegroup', {'domain_id': domain_id, 'group_id': group_id})

    def list_groups(self):
        answer = self.call('Domaingroup.List')
        return [dict(group_id=str(g.get('group_id')), group_name=str(g.get('group_name') or ''),
                     group_type=str(g.get('group_type') or ''), size=to_int(g.get('size'), 0))
                for g in answer.get('groups') or []]

    # ---- records ---------------------------------------------------------------------------

    def list_records(self, domain_id, sub_domain=None, record_type=None, record_line=None):
        params = dict(self._domain_param(domain_id), sub_domain=sub_domain, record_type=record_type,
                      record_line=record_line)

        def total_of(info):
            return to_int(info.get('record_total')) if 'record_total' in info else None
        raw = self._paged('Record.List', params, 'records', total_of)
        records = [normalize_record(r) for r in raw]
        # The server's filters are not trusted alone: sub_domain=@ has been seen to return wildcards too.
        if sub_domain is not None:
            records = [r for r in records if r['sub_domain'] == sub_domain.lower()]
        if record_type is not None:
            records = [r for r in records if r['record_type'] == record_type.upper()]
        if record_line is not None:
            records = [r for r in records if r['record_line'].lower() == record_line.lower()]
        return records

    @staticmethod
    def _record_params(domain_id, sub_domain, record_type, record_line, value, ttl, mx, weight):
        params = {'domain_id': domain_id, 'sub_domain': sub_domain, 'record_type': record_type,
                  'record_line': record_line, 'value': value, 'ttl': ttl, 'weight': weight}
        if mx is not None and str(record_type).upper() == 'MX':
            params['mx'] = mx
        return params

    def create_record(self, domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None):
        answer = self.call('Record.Create', self._record_params(domain_id, sub_domain, record_type, record_line,
                                                                value, ttl, mx, weight))
        return str((answer.get('record') or {}).get('id'))

    def modify_record(self, domain_id, record_id, sub_domain, record_type, record_line, value, ttl=None, mx=None,
                      weight=None):
        params = self._record_params(domain_id, sub_domain, record_type, record_line, value, ttl, mx, weight)
        params['record_id'] = record_id
        self.call('Record.Modify', params)

    def remove_record(self, domain_id, record_id):
        self.call('Record.Remove', {'domain_id': domain_id, 'record_id': record_id})

    def set_record_status(self, domain_id, record_id, status):
        self.call('Record.Status', {'domain_id': domain_id, 'record_id': record_id,
                                    'status': 'enable' if status == 'enabled' else 'disable'})

    def set_record_remark(self, domain_id, record_id, remark):
        self.call('Record.Remark', {'domain_id': domain_id, 'record_id': record_id, 'remark': remark or ''})

    def record_types(self, grade):
        return [str(t) for t in self.call('Record.Type', {'domain_grade': grade}).get('types') or []]

    def record_lines(self, grade, domain_id=None):
        params = {'domain_grade': grade}
        if domain_id is not None:
            params.update(self._domain_param(domain_id))
        return [str(line) for line in self.call('Record.Line', params).get('lines') or []]
