# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain names, host names relative to a domain, and record values: one normal form each."""

from __future__ import annotations

import ipaddress
import re

HOSTNAME_TYPES = ('CNAME', 'MX', 'NS')
LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')
HOST_LABEL = re.compile(r'^(\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$')


def _to_ascii_label(label):
    if all(ord(c) < 128 for c in label):
        return label.lower()
    try:
        return label.encode('idna').decode('ascii').lower()
    except UnicodeError:
        raise ValueError('%r is not a valid internationalised label' % label)


def _split(name):
    return [_to_ascii_label(label) for label in name.split('.')]


def normalize_domain_name(name):
    """'Bücher.Example.' -> 'xn--bcher-kva.example'; raises ValueError on bad syntax."""
    if name is None or not str(name).strip():
        raise ValueError('a domain name is required')
    text = str(name).strip()
    if text.endswith('.'):
        text = text[:-1]
    labels = _split(text)
    if len(labels) < 2:
        raise ValueError('%r is not a domain name (it needs at least two labels, as in example.com)' % name)
    for label in labels:
        if not LABEL.match(label):
            raise ValueError('%r is not a valid domain name (bad label %r)' % (name, label))
    result = '.'.join(labels)
    if len(result) > 253:
        raise ValueError('%r is longer than 253 characters' % name)
    return result


def _check_host(sub_domain, original):
    if sub_domain == '@':
        return sub_domain
    for label in sub_domain.split('.'):
        if not HOST_LABEL.match(label):
            raise ValueError('%r is not a valid host name (bad label %r)' % (original, label))
    if len(sub_domain) > 253:
        raise ValueError('%r is too long' % original)
    return sub_domain


def relative_name(name, domain):
    """A host given relative ('www'), absolute ('www.example.com.') or as a full name without the
    final dot ('www.example.com') -> the sub_domain relative to `domain`, '@' for the domain itself.

    With `domain` None (a domain given by ID) only relative names are accepted.
    """
    original = name
    text = '@' if name is None else str(name).strip()
    if text in ('', '@'):
        return '@'
    absolute = text.endswith('.')
    if absolute:
        text = text[:-1]
    if not text:
        raise ValueError('%r is not a valid host name' % original)
    host = '.'.join(_split(text))
    if domain is None:
        if absolute:
            raise ValueError('%r is absolute, but the domain is given by ID: give a relative name' % original)
        return _check_host(host, original)
    domain = normalize_domain_name(domain)
    if host == domain:
        return '@'
    if host.endswith('.' + domain):
        return _check_host(host[:-len(domain) - 1], original)
    if absolute:
        raise ValueError('%r is outside the domain %s' % (original, domain))
    return _check_host(host, original)


def normalize_host(name):
    """A full host name ('WWW.Bücher.example.', '*.example.com') -> lower-case punycode, no final dot."""
    text = str(name).strip()
    if text.endswith('.'):
        text = text[:-1]
    return _check_host('.'.join(_split(text)), name)


def fqdn(sub_domain, domain):
    if domain is None:
        return sub_domain
    return domain if sub_domain in ('@', '', None) else '%s.%s' % (sub_domain, domain)


def _hostname(value):
    text = value.strip().lower()
    if text.endswith('.'):
        text = text[:-1]
    return '.'.join(_split(text)) + '.' if text else text


def normalize_value(record_type, value):
    """The form a value is sent in. Raises ValueError for an invalid address."""
    record_type = str(record_type).upper()
    text = str(value).strip()
    if record_type == 'A':
        try:
            return str(ipaddress.IPv4Address(text))
        except ValueError:
            raise ValueError('%r is not an IPv4 address' % value)
    if record_type == 'AAAA':
        try:
            return str(ipaddress.IPv6Address(text))
        except ValueError:
            raise ValueError('%r is not an IPv6 address' % value)
    if record_type in HOSTNAME_TYPES:
        return _hostname(text)
    if record_type == 'SRV':
        parts = text.split()
        if len(parts) == 4:
            return ' '.join(parts[:3] + [_hostname(parts[3])])
        return text
    if record_type in ('TXT', 'SPF'):
        if len(text) >= 2 and text[0] == '"' and text[-1] == '"' and '"' not in text[1:-1]:
            return text[1:-1]
        return text
    return text


def value_key(record_type, value):
    """The comparison key of a value: never raises, insensitive to trailing dots, host-name case and
    TXT quoting, IPv6 spelling."""
    record_type = str(record_type).upper()
    try:
        text = normalize_value(record_type, value)
    except (ValueError, UnicodeError):
        text = str(value).strip()
    if record_type in HOSTNAME_TYPES or record_type == 'SRV':
        text = text.lower().rstrip('.')
    return text
