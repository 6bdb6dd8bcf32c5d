# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Input checks made before the first API call. Every error names the parameter."""

from __future__ import annotations

import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names

KNOWN_RECORD_TYPES = ('A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL', '显性URL', '隐性URL', 'CAA', 'SPF',
                      'HTTPS', 'SVCB')
MIN_TTL = {'DP_Free': 600, 'D_Free': 600, 'DP_Plus': 120, 'D_Plus': 120, 'DP_Extra': 60, 'D_Extra': 60,
           'DP_Expert': 10, 'D_Expert': 10, 'DP_Ultra': 1, 'D_Ultra': 1}
MAX_TTL = 604800
MAX_TXT_LENGTH = 512
EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


class ValidationError(ValueError):
    def __init__(self, parameter, message):
        self.parameter = parameter
        self.message = message
        super(ValidationError, self).__init__('%s: %s' % (parameter, message))


def validate_record_type(record_type):
    if record_type is None or not str(record_type).strip():
        raise ValidationError('record_type', 'a record type is required')
    text = str(record_type).strip()
    upper = text.upper()
    if upper in KNOWN_RECORD_TYPES:
        return upper
    if text in KNOWN_RECORD_TYPES:
        return text
    raise ValidationError('record_type', '%r is not a DNSPod record type (known: %s)'
                          % (record_type, ', '.join(KNOWN_RECORD_TYPES)))


def validate_ttl(ttl, grade=None):
    if ttl is None:
        return None
    if not 1 <= ttl <= MAX_TTL:
        raise ValidationError('ttl', '%s is outside 1 to %d' % (ttl, MAX_TTL))
    minimum = MIN_TTL.get(grade)
    if minimum and ttl < minimum:
        raise ValidationError('ttl', '%s is below %d, the minimum of the grade %s' % (ttl, minimum, grade))
    return ttl


def validate_mx(mx, record_type):
    if record_type == 'MX':
        if mx is not None and not 1 <= mx <= 20:
            raise ValidationError('mx', '%s is outside 1 to 20' % mx)
    elif mx is not None:
        raise ValidationError('mx', 'only valid for MX records, not %s' % record_type)
    return mx


def validate_weight(weight):
    if weight is not None and not 0 <= weight <= 100:
        raise ValidationError('weight', '%s is outside 0 to 100' % weight)
    return weight


def validate_line(line):
    if line is None or not str(line).strip() or len(str(line)) > 64:
        raise ValidationError('record_line', '%r is not a line name' % (line,))
    return line


def validate_email(email, parameter='email'):
    if email is None or not EMAIL.match(str(email).strip()):
        raise ValidationError(parameter, '%r is not an e-mail address' % (email,))
    return str(email).strip()


def _check_host(value, what):
    host = value.rstrip('.')
    if not host:
        raise ValueError('%s is empty' % what)
    names.relative_name(host, None)


def validate_value(record_type, value):
    """Returns the value in the form it is sent; raises ValidationError('value', ...)."""
    if value is None or not str(value).strip():
        raise ValidationError('value', 'an empty value is not allowed')
    try:
        normal = names.normalize_value(record_type, value)
        if record_type in ('CNAME', 'MX', 'NS'):
            _check_host(normal, 'the target')
        elif record_type == 'SRV':
            parts = normal.split()
            if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
                raise ValueError('%r is not "priority weight port target"' % value)
            if int(parts[0]) > 65535 or int(parts[1]) > 65535 or not 0 < int(parts[2]) <= 65535:
                raise ValueError('%r has a number out of range' % value)
            _check_host(parts[3], 'the target')
        elif record_type in ('TXT', 'SPF') and len(normal.encode('utf-8')) > MAX_TXT_LENGTH:
            raise ValueError('a TXT value is limited to %d bytes, got %d' % (MAX_TXT_LENGTH, len(normal.encode('utf-8'))))
        elif record_type == 'CAA' and not re.match(r'^\d{1,3} [a-z0-9]+ ".*"$', normal, re.I):
            raise ValueError('%r is not \'flags tag "value"\'' % value)
    except ValueError as exc:
        raise ValidationError('value', str(exc))
    return normal


def validate_record_set(sub_domain, record_type, values, ttl, mx, weight, status, grade=None):
    """Check one record set; returns its values in the form they are sent (None stays None)."""
    validate_ttl(ttl, grade)
    validate_mx(mx, record_type)
    validate_weight(weight)
    if status is not None and status not in ('enabled', 'disabled'):
        raise ValidationError('status', '%r is not enabled or disabled' % status)
    if values is None:
        return None
    normal = [validate_value(record_type, v) for v in values]
    seen = set()
    unique = []
    for v in normal:
        key = names.value_key(record_type, v)
        if key not in seen:
            seen.add(key)
            unique.append(v)
    if record_type == 'CNAME' and len(unique) > 1:
        raise ValidationError('value', 'a CNAME set holds one value, got %d' % len(unique))
    return unique


def check_duplicate_sets(sets):
    seen = {}
    for index, s in enumerate(sets):
        key = (s.sub_domain, s.record_type, s.record_line)
        if key in seen:
            raise ValidationError('records', 'records[%d] and records[%d] are the same set %s %s (line %s)'
                                  % (seen[key], index, s.sub_domain, s.record_type, s.record_line))
        seen[key] = index


def check_cname_conflicts(sets):
    cname = dict(((s.sub_domain, s.record_line), i) for i, s in enumerate(sets) if s.record_type == 'CNAME')
    for index, s in enumerate(sets):
        other = cname.get((s.sub_domain, s.record_line))
        if other is not None and other != index:
            raise ValidationError('records', 'records[%d] is a CNAME at %s, which cannot hold other records '
                                  '(records[%d] is %s)' % (other, s.sub_domain, index, s.record_type))
