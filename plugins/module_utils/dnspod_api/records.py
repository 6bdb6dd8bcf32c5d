# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Records: Record.List, .Create, .Modify, .Remove, .Status, .Remark, .Info, .Ddns, and the
grade's Record.Type and Record.Line.

Records are the canonical dicts of ``normalize.normalize_record``. A domain is given by ID (all
digits) or by name. On the international service (api.dnspod.com) every ``Record.*`` action takes
the domain as ``domain_id`` (its documents make it mandatory there): a name is looked up with one
``Domain.Info`` per name and Records object, as acme.sh's dns_dpi.sh and NewFuture/DDNS do.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodTransportError,
)
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.codes import is_login_failure
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import (
    normalize_domain,
    normalize_record,
    status_to_api,
    to_int,
    to_punycode,
    to_str,
)

# Record.List codes that mean "this account has no such domain": 6 bad domain ID (documents),
# 9 not the owner (documents), 13 no domain of that name (recordings, answered for a name).
UNKNOWN_DOMAIN_CODES = ('6', '9', '13')
# Record.List codes for a domain name the account does not hold at all (not one another account
# holds, 9): what a dnspod_domain task earlier in the play would create.
NEW_DOMAIN_CODES = ('6', '13')


def _names(items, key='name'):
    """The names of a Record.Type/Record.Line list: strings, or dicts with ``key`` (a dict of
    them is taken by its values)."""
    if isinstance(items, dict):
        items = list(items.values())
    return [to_str(item.get(key)) if isinstance(item, dict) else to_str(item) for item in items or []]


def record_params(domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None,
                  status=None):
    """The form of Record.Create/Modify: mx only for MX, status as the API spells it."""
    params = {'domain_id': domain_id, 'sub_domain': sub_domain, 'record_type': record_type,
              'record_line': record_line, 'value': value, 'ttl': ttl, 'weight': weight}
    if mx is not None and str(record_type).upper() == 'MX':
        params['mx'] = mx
    if status is not None:
        # Record.Create/Modify take `status`, default "enable" (the later DNSPod documents,
        # DNSPod/dnspod-api-doc source/records.rst): a Modify without it enables the record.
        params['status'] = status_to_api(status)
    return params


def ddns_params(domain_id, record, value=None):
    """The form of Record.Ddns for ``record``: every field the API takes, so that nothing is renamed
    (sub_domain always; a Ddns without it is reported to move the record to ``@``). ``value`` None:
    the API uses the caller's address."""
    params = {
        'domain_id': domain_id,
        'record_id': record['id'],
        'sub_domain': record['sub_domain'],
        'record_type': record['record_type'],
        'record_line': record['record_line'],
    }
    if record.get('record_line_id'):
        params['record_line_id'] = record['record_line_id']
    if value is not None:
        params['value'] = value
    return params


class Records:
    """The records of the account's domains, over one client."""

    def __init__(self, client):
        self.client = client
        self._domain_ids = {}       # international: domain name -> ID, from one Domain.Info each

    # ---- the domain of a Record.* call ------------------------------------------------------

    def domain_param(self, domain):
        """An all-digit argument is a domain ID, anything else a name (lower case, punycode); on the
        international service a name is sent as its ID."""
        domain = str(domain).strip()
        if domain.isdigit():
            return {'domain_id': domain}
        if getattr(self.client, 'international', False):
            return {'domain_id': self._international_domain_id(domain)}
        return {'domain': to_punycode(domain)}

    def _international_domain_id(self, name):
        """The ID of a domain given by name (Domain.Info, once per name). An unknown domain raises
        Domain.Info's DNSPodAPIError (code 6 or 13), as a Record.List by name would."""
        name = to_punycode(str(name).strip().lower())
        if name not in self._domain_ids:
            answer = self.client.call('Domain.Info', {'domain': name})
            domain_id = (answer.get('domain') or {}).get('id')
            if domain_id in (None, ''):
                raise DNSPodTransportError('Domain.Info', 'the answer holds no domain id', 1)
            self._domain_ids[name] = str(domain_id)
        return self._domain_ids[name]

    def domain_ref(self, domain_id, name):  # pylint: disable=unused-argument
        """What to pass as ``domain`` for a domain known by ID and name (the lookup's cached names):
        the ID, which every ``Record.*`` action takes on both services."""
        return domain_id

    # ---- reads ------------------------------------------------------------------------------

    def list(self, domain, sub_domain=None, record_type=None, record_line=None):
        """Every record of the domain (canonical), paged. The filters are sent and applied again
        here: the server's sub_domain=@ has been seen to return wildcard records too."""
        return self.list_with_domain(domain, sub_domain, record_type, record_line)[1]

    def list_with_domain(self, domain, sub_domain=None, record_type=None, record_line=None):
        """Every record of a domain given by name or ID, with the domain itself, from Record.List alone.

        Record.List takes ``domain`` (a name) as well as ``domain_id`` and answers with a ``domain``
        block (id, name, punycode, grade, owner), so no Domain.Info is needed. Pages of the client's
        ``page_size`` records from offset 0 until ``info.record_total``: ``ceil(total / page size)``
        calls. The filters are sent and applied again to the answer (the server's ``sub_domain=@``
        also returns ``*`` records).

        Returns ``(domain, records)``: ``domain`` is the canonical domain of the answer, or None when
        the answer carries no ``domain`` block (an old server's code 10 for an empty listing);
        ``records`` are canonical records. Raises DNSPodError (UNKNOWN_DOMAIN_CODES: no such domain).
        """
        params = dict(self.domain_param(domain), sub_domain=sub_domain, record_type=record_type,
                      record_line=record_line)
        blocks = []

        def total_of(info):
            return to_int(info['record_total'], None) if 'record_total' in info else None

        def keep_domain(answer):
            if not blocks and isinstance(answer.get('domain'), dict) and answer['domain'].get('id') is not None:
                blocks.append(answer['domain'])
        items = self.client.paged('Record.List', params, 'records', total_of, keep_domain)
        records = [normalize_record(item) for item in items]
        if sub_domain is not None:
            wanted = str(sub_domain).strip().lower() or '@'
            records = [r for r in records if r['sub_domain'] == wanted]
        if record_type is not None:
            records = [r for r in records if r['record_type'] == str(record_type).strip().upper()]
        if record_line is not None:
            records = [r for r in records if r['record_line'].lower() == str(record_line).strip().lower()]
        return (normalize_domain(blocks[0]) if blocks else None), records

    def info(self, domain_id, record_id):
        """Record.Info of one record (canonical), or None for an unknown id (code 8)."""
        try:
            answer = self.client.call('Record.Info', {'domain_id': domain_id, 'record_id': record_id})
        except DNSPodAPIError as exc:
            if exc.code == '8':
                return None
            raise
        record = normalize_record(answer.get('record') or {})
        return record if record.get('id') else None

    def types(self, grade):
        """Record.Type: the record types of a domain grade."""
        return _names(self.client.call('Record.Type', {'domain_grade': grade}).get('types'))

    def lines(self, grade, domain=None):
        """Record.Line: the line names of a domain grade (of one domain, by ID or name, when given)."""
        return self.lines_and_ids(grade, domain)[0]

    def lines_and_ids(self, grade, domain=None):
        """Record.Line -> ``(line names, {name: line id})`` (the ids when the API gives them)."""
        params = {'domain_grade': grade}
        if domain is not None:
            params.update(self.domain_param(domain))
        answer = self.client.call('Record.Line', params)
        ids = answer.get('line_ids') or {}
        if not isinstance(ids, dict):
            ids = {}
        return _names(answer.get('lines')), dict((to_str(k), to_str(v)) for k, v in ids.items())

    def _find(self, domain_id, sub_domain, record_type, record_line, value, mx=None):
        """The id of the record with this value in the set, or None (newest id if several)."""
        key = names.value_key(record_type, value)
        found = [r for r in self.list(domain_id, sub_domain=sub_domain or '@', record_type=record_type,
                                      record_line=record_line)
                 if names.value_key(record_type, r['value']) == key and (mx is None or r['mx'] == to_int(mx))]
        if not found:
            return None
        return max(found, key=lambda r: (to_int(r['id'], 0), r['id']))['id']

    # ---- writes -----------------------------------------------------------------------------

    def create(self, domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None,
               status=None):
        """Record.Create -> the new record's id (str). ``status`` ('enabled'/'disabled') is sent
        when given: a record created disabled is never enabled, not even for a moment.

        When the answer to a retry after a transport fault is 104 (the first attempt created the
        record), or a successful answer holds no id, the record is looked up with one filtered
        Record.List and its id returned."""
        params = record_params(domain_id, sub_domain, record_type, record_line, value, ttl, mx, weight, status)
        try:
            answer = self.client.call('Record.Create', params)
        except DNSPodAPIError as exc:
            # 104 after a lost answer (our own first attempt), or because another task or host
            # created this exact record meanwhile: either way the record is there, which is what
            # was asked. 104 also refuses a CNAME beside another record: then nothing is found.
            if exc.code != '104':
                raise
            record_id = self._find(domain_id, sub_domain, record_type, record_line, value, mx)
            if record_id is None:
                raise DNSPodAPIError(exc.action, exc.code, exc.message)
            return record_id
        record_id = (answer.get('record') or {}).get('id')
        if record_id in (None, ''):
            record_id = self._find(domain_id, sub_domain, record_type, record_line, value, mx)
            if record_id is None:
                raise DNSPodTransportError('Record.Create', 'the answer holds no record id', 1)
        return str(record_id)

    def modify(self, domain_id, record_id, sub_domain, record_type, record_line, value, ttl=None, mx=None,
               weight=None, status=None):
        """Record.Modify. Pass the record's ``status``: the API's default for a Modify without it
        is "enable", so leaving it out would enable a disabled record."""
        params = record_params(domain_id, sub_domain, record_type, record_line, value, ttl, mx, weight, status)
        params['record_id'] = record_id
        try:
            self.client.call('Record.Modify', params)
        except DNSPodAPIError as exc:
            if exc.code != '8' or is_login_failure(exc.code, exc.message, exc.action):
                raise
            # 8 "record id error": another run removed the record since it was read (two purges of
            # one zone at once). The record this Modify was to leave behind is created instead.
            self.create(domain_id, sub_domain, record_type, record_line, value, ttl=ttl, mx=mx, weight=weight,
                        status=status)

    def remove(self, domain_id, record_id):
        try:
            self.client.call('Record.Remove', {'domain_id': domain_id, 'record_id': record_id})
        except DNSPodAPIError as exc:
            # 8 "record id error": the record is gone (our lost first attempt, or another run
            # removed it meanwhile), which is what was asked; not the 8 refusing an e-mail login.
            if exc.code != '8' or is_login_failure(exc.code, exc.message, exc.action):
                raise

    def set_status(self, domain_id, record_id, status):
        """Record.Status: 'enabled'/'disabled' -> enable/disable."""
        self.client.call('Record.Status', {'domain_id': domain_id, 'record_id': record_id,
                                           'status': status_to_api(status)})

    def set_remark(self, domain_id, record_id, remark):
        self.client.call('Record.Remark', {'domain_id': domain_id, 'record_id': record_id, 'remark': remark or ''})

    def ddns(self, domain_id, record, value=None):
        """Record.Ddns of ``record`` (canonical) -> the value the API says it stored, or None when the
        answer does not say. ``value`` None: the API stores the address it sees the call come from."""
        answer = self.client.call('Record.Ddns', ddns_params(domain_id, record, value))
        stored = (answer.get('record') or {}).get('value')
        return str(stored) if stored not in (None, '') else None
