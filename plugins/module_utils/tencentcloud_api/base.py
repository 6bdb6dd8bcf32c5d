# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the areas of Tencent Cloud API 3.0 share: how a domain is named in a request, the grade's
spelling, the answers' fields turned into the shapes normalize.py reads, and the refusal of what
API 3.0 has no action for.

API 3.0 spells its parameters and fields in CamelCase (``DomainId``, ``SubDomain``, ``RecordLine``)
and its statuses in upper case (``ENABLE``/``DISABLE``, grades ``DP_FREE``); the SDK's models.py
(tencentcloud-sdk-python-dnspod, API version 2021-03-23) is the reference for every name used here.
The canonical dicts are those of the traditional API (normalize.py): the planners do not know which
backend answered.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, TaskError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import (
    normalize_domain,
    normalize_record,
    record_status,
    to_int,
    to_punycode,
    to_str,
)

BACKEND = 'tencentcloud'
ALTERNATIVE = ("DNSPod's traditional API offers it: give a login_token (api_backend: dnspod) "
               "instead of secret_id/secret_key")

# The grades as the traditional API and the planners spell them (validation.MIN_TTL,
# precheck.ROUND_ROBIN_LIMITS); API 3.0 writes them in upper case (DescribeRecordType's DomainGrade:
# D_FREE, D_PLUS, ..., DP_FREE, DP_PLUS, ...).
GRADES = dict((grade.upper(), grade) for grade in (
    'D_Free', 'D_Plus', 'D_Extra', 'D_Expert', 'D_Ultra', 'DP_Free', 'DP_Plus', 'DP_Extra', 'DP_Expert', 'DP_Ultra'))

# Answer codes that mean "this account holds no domain of that name or ID" (DescribeDomain,
# DescribeRecordList and the other actions that take Domain/DomainId).
NEW_DOMAIN_CODES = ('InvalidParameterValue.DomainNotExists', 'ResourceNotFound.NoDataOfDomain',
                    'InvalidParameter.DomainIdInvalid')
# ... and those that mean "the domain is another account's".
NOT_OWNER_CODES = ('FailedOperation.NotDomainOwner', 'OperationDenied.NoPermissionToOperateDomain',
                   'OperationDenied.DomainOwnerAllowedOnly')
UNKNOWN_DOMAIN_CODES = NEW_DOMAIN_CODES + NOT_OWNER_CODES


def unsupported(what, area=None):
    """The TaskError of an operation API 3.0 has no action for (raised before anything is sent)."""
    where = ('%s: ' % area) if area else ''
    return TaskError('%s%s is not offered by Tencent Cloud API 3.0 (api_backend: %s); %s.'
                     % (where, what, BACKEND, ALTERNATIVE), api_backend=BACKEND)


def refusing_area(name, model, reason):
    """A class with the public methods of ``model`` (the traditional API's area) that all raise the
    TaskError of ``unsupported``: an area API 3.0 does not have (D-monitor, the agent API, paid
    upgrades)."""
    def refuse(method):
        def call(self, *args, **kwargs):
            raise unsupported(reason, '%s.%s' % (name.lower(), method))
        call.__name__ = method
        call.__doc__ = 'Not in API 3.0: raises TaskError (%s).' % reason
        return call
    methods = dict((m, refuse(m)) for m in dir(model) if not m.startswith('_') and callable(getattr(model, m)))

    def __init__(self, client):
        self.client = client
    methods['__init__'] = __init__
    methods['__doc__'] = '%s: not in Tencent Cloud API 3.0 (%s); every method raises TaskError.' % (name, reason)
    return type(name, (object,), methods)


def domain_names(client):
    """ID -> name (punycode) of the domains this client has met. API 3.0's documents mark ``Domain``
    required in every call that names a domain, ``DomainId`` optional (and winning when both are
    sent), so a domain given by ID is sent with its name as well."""
    names = getattr(client, 'domain_names', None)
    if names is None:
        names = {}
        client.domain_names = names
    return names


def remember(client, domain):
    """Note a canonical domain's ID and name for ``domain_param``; returns the domain."""
    if domain and domain.get('id') and (domain.get('punycode') or domain.get('name')):
        domain_names(client)[str(domain['id'])] = to_punycode(domain.get('punycode') or domain['name'])
    return domain


def _name_of(client, domain_id):
    """The name of a domain known only by ID: one walk of DescribeDomainList (a page of 3,000),
    once per client. An ID the account does not hold raises the unknown-domain error."""
    names = domain_names(client)
    if domain_id not in names:
        def total_of(answer):
            info = answer.get('DomainCountInfo') or {}
            return to_int(info.get('AllTotal', info.get('DomainTotal')), None)
        for raw in client.paged('DescribeDomainList', {'Type': 'ALL'}, 'DomainList', total_of, limit=3000,
                                empty_codes=('ResourceNotFound.NoDataOfDomain',)):
            name = _pick(raw, 'Punycode', 'Name', 'Domain')
            if raw.get('DomainId') is not None and name:
                names.setdefault(str(raw['DomainId']), to_punycode(name))
        if domain_id not in names:
            raise DNSPodAPIError('DescribeDomainList', 'InvalidParameter.DomainIdInvalid',
                                 'the account holds no domain of ID %s' % domain_id)
    return names[domain_id]


def domain_param(client, domain):
    """The domain of a call: a name as ``Domain`` (lower case, punycode); an all-digit argument (an
    ID) as ``DomainId`` (an integer in API 3.0) with its name as ``Domain``."""
    domain = str(domain).strip()
    if domain.isdigit():
        return {'Domain': _name_of(client, domain), 'DomainId': int(domain)}
    return {'Domain': to_punycode(domain)}


def int_or_text(value):
    """An ID for a parameter API 3.0 types as an integer (RecordId, GroupId ...)."""
    text = str(value).strip()
    return int(text) if text.isdigit() else text


def grade_from_api(grade):
    """``DP_FREE`` -> ``DP_Free`` (the spelling of the planners); an unknown grade as given."""
    text = to_str(grade).strip()
    return GRADES.get(text.upper(), text)


def grade_to_api(grade):
    """``DP_Free`` -> ``DP_FREE`` (DescribeRecordType, DescribeRecordLineList)."""
    return to_str(grade).strip().upper()


def status_to_api(status):
    """Canonical ``enabled``/``disabled`` -> ``ENABLE``/``DISABLE`` (CreateRecord, ModifyRecord,
    ModifyRecordStatus)."""
    return 'ENABLE' if record_status(status) == 'enabled' else 'DISABLE'


def _pick(raw, *keys):
    for key in keys:
        value = raw.get(key)
        if value is not None:
            return value
    return None


def record_from_api(raw):
    """A RecordListItem (DescribeRecordList: RecordId, Name, Type, Line, LineId, Status
    ENABLE/DISABLE, DefaultNS), a RecordInfo (DescribeRecord: Id, SubDomain, RecordType, RecordLine,
    RecordLineId, Enabled 1/0) or a BatchRecordInfo -> canonical record (normalize_record)."""
    raw = raw or {}
    status = raw.get('Status')
    enabled = raw.get('Enabled')
    return normalize_record({
        'id': _pick(raw, 'RecordId', 'Id'),
        'name': _pick(raw, 'Name', 'SubDomain'),
        'type': _pick(raw, 'Type', 'RecordType'),
        'line': _pick(raw, 'Line', 'RecordLine'),
        'line_id': _pick(raw, 'LineId', 'RecordLineId'),
        'value': raw.get('Value'),
        'ttl': raw.get('TTL'),
        'mx': raw.get('MX'),
        'weight': raw.get('Weight'),
        'status': status if status not in (None, '') else None,
        'enabled': enabled,
        'remark': raw.get('Remark'),
        # the system NS records at @ (traditional: "hold": "hold")
        'hold': raw.get('DefaultNS') is True,
        'monitor_status': raw.get('MonitorStatus'),
        'updated_on': raw.get('UpdatedOn'),
    })


def domain_from_api(raw):
    """A DomainInfo (DescribeDomain), DomainListItem (DescribeDomainList) or DomainCreateInfo
    (CreateDomain) -> canonical domain (normalize_domain). ``Punycode`` is the name's ASCII form."""
    raw = raw or {}
    return normalize_domain({
        'id': _pick(raw, 'DomainId', 'Id'),
        'punycode': _pick(raw, 'Punycode', 'Domain', 'Name'),
        'grade': grade_from_api(raw.get('Grade')),
        'grade_title': raw.get('GradeTitle'),
        'status': raw.get('Status'),
        'ext_status': _pick(raw, 'DNSStatus', 'DnsStatus'),
        'records': raw.get('RecordCount'),
        'group_id': raw.get('GroupId'),
        'is_mark': raw.get('IsMark'),
        'remark': raw.get('Remark'),
        'is_vip': raw.get('IsVip'),
        'searchengine_push': raw.get('SearchEnginePush'),
        'ttl': raw.get('TTL'),
        'owner': raw.get('Owner'),
        'user_id': raw.get('UserId'),
        'created_on': raw.get('CreatedOn'),
        'updated_on': raw.get('UpdatedOn'),
    })
