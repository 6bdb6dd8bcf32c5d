# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one boundary where the API's type drift is turned into canonical dicts
(docs/architecture.md): ids and counts as strings or integers, remark false, weight null,
enable/enabled, hold."""

from __future__ import annotations


def to_str(value, default=''):
    if value is None or value is False:
        return default
    return str(value)


def to_int(value, default=0):
    if value is None or value == '' or value is False:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def to_optional_int(value):
    if value is None or value == '' or value is False:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def yes_no(value):
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ('yes', 'y', 'true', '1', 'enable', 'enabled')


def record_status(status, enabled=None):
    text = str(status if status is not None else '').strip().lower()
    if text in ('enable', 'enabled', '1'):
        return 'enabled'
    if text in ('disable', 'disabled', '0'):
        return 'disabled'
    if enabled is not None:
        return 'enabled' if str(enabled) == '1' else 'disabled'
    return 'enabled'


def domain_status(status):
    text = str(status or '').strip().lower()
    return 'enabled' if text in ('enable', 'enabled', '') else 'disabled'


def normalize_record(raw):
    """A record of Record.List / Record.Info (either naming) -> canonical record."""
    name = raw.get('name', raw.get('sub_domain', '@'))
    line_id = raw.get('line_id', raw.get('record_line_id'))
    return {
        'id': to_str(raw.get('id')),
        'sub_domain': to_str(name, '@').lower() or '@',
        'record_type': to_str(raw.get('type', raw.get('record_type'))).upper(),
        'record_line': to_str(raw.get('line', raw.get('record_line'))),
        'record_line_id': None if line_id is None else str(line_id),
        'value': to_str(raw.get('value')),
        'ttl': to_int(raw.get('ttl'), 600),
        'mx': to_int(raw.get('mx'), 0),
        'weight': to_optional_int(raw.get('weight')),
        'status': record_status(raw.get('status'), raw.get('enabled')),
        'remark': to_str(raw.get('remark')),
        'hold': str(raw.get('hold', '')).lower() == 'hold' or raw.get('hold') is True,
        'monitor_status': to_str(raw.get('monitor_status')),
        'updated_on': to_str(raw.get('updated_on')),
    }


def normalize_domain(raw):
    """A domain of Domain.List / Domain.Info / Domain.Create -> canonical domain."""
    name = to_str(raw.get('punycode') or raw.get('name') or raw.get('domain')).lower().rstrip('.')
    user_id = raw.get('user_id')
    return {
        'id': to_str(raw.get('id')),
        'name': name,
        'punycode': name,
        'grade': to_str(raw.get('grade')),
        'grade_title': to_str(raw.get('grade_title')),
        'status': domain_status(raw.get('status')),
        'ext_status': to_str(raw.get('ext_status')),
        'records': to_int(raw.get('records'), 0),
        'group_id': to_str(raw.get('group_id'), '1'),
        'is_mark': yes_no(raw.get('is_mark', 'no')),
        'remark': to_str(raw.get('remark')),
        'is_vip': yes_no(raw.get('is_vip', 'no')),
        'searchengine_push': yes_no(raw.get('searchengine_push', 'yes')),
        'ttl': to_int(raw.get('ttl'), 600),
        'owner': to_str(raw.get('owner')),
        'user_id': None if user_id is None else str(user_id),
        'created_on': to_str(raw.get('created_on')),
        'updated_on': to_str(raw.get('updated_on')),
    }
