# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one boundary where the API's type drift is turned into canonical dicts
(docs/architecture.md, "Canonical record" and "Canonical domain"): ids and counts as strings or
integers, ``remark`` false, ``weight`` null, ``enable``/``enabled``/``1``, ``hold``, both field
namings of Record.List and Record.Info, ``name``/``domain``/``punycode`` of the domain calls."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names

TRUE_WORDS = frozenset(['yes', 'y', 'true', '1', 'on', 'enable', 'enabled'])
FALSE_WORDS = frozenset(['no', 'n', 'false', '0', 'off', 'disable', 'disabled', ''])


def to_str(value, default=''):
    """A text field: None and ``false`` (the API's "empty") -> default; numbers -> their text."""
    if value is None or value is False:
        return default
    return str(value)


def to_int(value, default=0):
    """A number that may arrive as int, numeric string, ``""`` or None."""
    if type(value) is int:  # pylint: disable=unidiomatic-typecheck
        return value
    if value is None or value is False or value is True:
        return default
    try:
        return int(str(value).strip())
    except ValueError:
        try:
            return int(float(str(value).strip()))
        except ValueError:
            return default


def to_optional_int(value):
    """Like to_int, but None (``null``, ``""``, unparsable) stays None."""
    return to_int(value, None)


def to_bool(value, default=False):
    """``yes``/``no`` (and true/false, 1/0, enable/disable) -> bool; anything else -> default."""
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return default


# Older name, kept for callers.
yes_no = to_bool


def to_optional_str(value):
    return None if value is None or value is False or value == '' else str(value)


def record_status(status, enabled=None):
    """Record ``status`` (``enabled``/``enable``/``1``, ``disabled``/``disable``/``0``) or, without
    it, the ``enabled`` flag -> ``enabled`` or ``disabled``. Unknown/missing -> ``enabled``."""
    for value in (status, enabled):
        if value is None or value == '':
            continue
        if isinstance(value, bool):
            return 'enabled' if value else 'disabled'
        text = str(value).strip().lower()
        if text in ('enable', 'enabled', '1', 'true', 'yes'):
            return 'enabled'
        if text in ('disable', 'disabled', '0', 'false', 'no', 'pause', 'paused'):
            return 'disabled'
    return 'enabled'


def domain_status(status):
    """Domain ``status``: ``enable`` -> ``enabled``; ``pause``/``disable`` (and other states a
    domain cannot resolve in, such as ``lock`` or ``spam``) -> ``disabled``. Missing -> enabled
    (Domain.Create answers without a status; a new domain is enabled)."""
    text = str(status if status is not None else '').strip().lower()
    return 'enabled' if text in ('enable', 'enabled', '1', '') else 'disabled'


def status_to_api(status):
    """Canonical ``enabled``/``disabled`` (or a bool) -> the ``enable``/``disable`` the Status
    calls take."""
    if isinstance(status, bool):
        return 'enable' if status else 'disable'
    return 'enable' if record_status(status) == 'enabled' else 'disable'


def bool_to_api(value):
    """bool (or yes/no text) -> ``yes``/``no``."""
    return 'yes' if to_bool(value) else 'no'


def to_punycode(name):
    """A domain name in its ASCII form (``xn--`` labels); the text itself when it cannot be encoded."""
    name = str(name or '').strip().rstrip('.').lower()
    try:
        name.encode('ascii')
        return name
    except UnicodeError:
        pass
    try:
        # IDNA 2008 with the UTS 46 mapping, as everywhere (names.py): faß.de is xn--fa-hia.de.
        return names.to_ascii(name)
    except ValueError:
        return name


def _first(raw, *keys):
    for key in keys:
        if key in raw and raw[key] is not None:
            return raw[key]
    return None


def normalize_record(raw):
    """A record of Record.List (``name``/``type``/``line``), Record.Info (``sub_domain``/
    ``record_type``/``record_line``) or a Create/Modify answer -> canonical record."""
    # Called for every record of a zone (10,000 and more): the lookups are written out.
    raw = raw or {}
    get = raw.get
    record_type = get('type')
    if record_type is None:
        record_type = get('record_type')
    record_type = to_str(record_type).strip().upper()
    sub_domain = get('name')
    if sub_domain is None:
        sub_domain = get('sub_domain')
    sub_domain = to_str(sub_domain, '@').strip().lower() or '@'
    record_id = get('id')
    if record_id is None:
        record_id = get('record_id')
    line = get('line')
    if line is None:
        line = get('record_line')
    line_id = get('line_id')
    if line_id is None:
        line_id = get('record_line_id')
    enabled = get('enabled')
    if enabled is None:
        enabled = get('enable')
    hold = get('hold')
    return {
        'id': to_str(record_id),
        'sub_domain': sub_domain,
        'record_type': record_type,
        'record_line': to_str(line),
        'record_line_id': to_optional_str(line_id),
        'value': to_str(get('value')),
        'ttl': to_int(get('ttl'), 600),
        'mx': to_int(get('mx'), 0) if record_type == 'MX' else 0,
        'weight': to_optional_int(get('weight')),
        'status': record_status(get('status'), enabled),
        'remark': to_str(get('remark')),
        'hold': hold is True or str(hold).strip().lower() in ('hold', 'yes', 'true', '1'),
        'monitor_status': to_str(get('monitor_status')),
        'updated_on': to_str(get('updated_on')),
    }


def normalize_domain(raw):
    """A domain of Domain.List / Domain.Info / Domain.Create (``domain`` instead of ``name``)
    -> canonical domain."""
    raw = raw or {}
    given = to_str(_first(raw, 'punycode', 'name', 'domain')).strip().rstrip('.').lower()
    punycode = to_punycode(given)
    return {
        'id': to_str(_first(raw, 'id', 'domain_id')),
        'name': punycode,
        'punycode': punycode,
        'grade': to_str(raw.get('grade')),
        'grade_title': to_str(raw.get('grade_title')),
        'status': domain_status(raw.get('status')),
        'ext_status': to_str(raw.get('ext_status')),
        'records': to_int(raw.get('records'), 0),
        'group_id': to_str(raw.get('group_id'), '1'),
        'is_mark': to_bool(raw.get('is_mark'), False),
        'remark': to_str(raw.get('remark')),
        'is_vip': to_bool(raw.get('is_vip'), False),
        'searchengine_push': to_bool(raw.get('searchengine_push'), True),
        'ttl': to_int(raw.get('ttl'), 600),
        'owner': to_str(raw.get('owner')),
        'user_id': to_optional_str(raw.get('user_id')),
        'created_on': to_str(raw.get('created_on')),
        'updated_on': to_str(raw.get('updated_on')),
    }


def normalize_group(raw):
    """A group of Domaingroup.List -> {group_id, group_name, group_type, size} (``size`` null -> 0)."""
    raw = raw or {}
    return {
        'group_id': to_str(_first(raw, 'group_id', 'id')),
        'group_name': to_str(raw.get('group_name')),
        'group_type': to_str(raw.get('group_type')),
        'size': to_int(raw.get('size'), 0),
    }
