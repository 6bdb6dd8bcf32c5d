# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain names, host names relative to a domain, and record values: one normal form each.

* ``normalize_domain_name``: a zone name as DNSPod knows it (lower case, punycode, no final dot).
* ``relative_name``: what a user wrote for a host -> the API's ``sub_domain`` (``@`` for the apex).
* ``normalize_value``: the form a record value is SENT in.
* ``value_key``: the key two values are COMPARED by (what we send vs. what the API returns).
"""

from __future__ import annotations

import functools
import ipaddress
import re
import traceback

try:
    # IDNA 2008 with the UTS 46 mapping; requests depends on it, so it is wherever requests is.
    import idna
    HAS_IDNA = True
    IDNA_IMPORT_ERROR = None
except ImportError:
    idna = None
    HAS_IDNA = False
    IDNA_IMPORT_ERROR = traceback.format_exc()

HOSTNAME_TYPES = ('CNAME', 'MX', 'NS')
TXT_TYPES = ('TXT', 'SPF')
MAX_NAME_LENGTH = 253
# A label of a domain name (LDH rule).
LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')
# A label of a host name inside a zone: '_' is allowed (_acme-challenge, _sip._tcp, DKIM selectors).
HOST_LABEL = re.compile(r'^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$')
# An IPv4 address already in the form ipaddress writes it (no leading zeros, each octet 0-255):
# such a text is its own normal form and key, without parsing it (most values of a large zone).
_CANONICAL_IPV4 = re.compile(r'^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}'
                             r'(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\Z')
# Full stops IDNA treats as label separators: '.', '。', '．', '｡'.
_DOTS = re.compile(u'[\u3002\uff0e\uff61]')


def _to_ascii_label(label):
    """One label -> lower-case ASCII (punycode for an internationalised label, IDNA 2008)."""
    if label.isascii():
        label = label.lower()
        if label.startswith('xn--'):
            # Already punycode: it must decode, or the API would store garbage.
            try:
                label[4:].encode('ascii').decode('punycode')
            except (UnicodeError, ValueError):
                raise ValueError('%r is not a valid punycode label' % label)
        return label
    try:
        return idna.alabel(label).decode('ascii')
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        raise ValueError('%r is not a valid internationalised label (IDNA 2008: %s)' % (label, exc))


def _uts46(name):
    """A name with non-ASCII characters -> its UTS 46 mapping (case folded, width folded, NFC, the
    ideographic full stops made dots), with the transitional mapping OFF: 'ß' stays 'ß' (IDNA 2008,
    as browsers and registries use it; Python's 'idna' codec is IDNA 2003 and writes 'ss').

    A character that UTS 46 maps to nothing (zero-width space, soft hyphen, word joiner, BOM,
    variation selectors) is refused instead of dropped: 'w<U+200B>ww' must not quietly mean 'www'.
    Raises ValueError."""
    if not HAS_IDNA:
        raise ValueError('%r is an internationalised name, which needs the Python library idna '
                         '(a dependency of requests): install it' % (name,))
    for index, char in enumerate(name):
        if ord(char) < 128:
            continue
        try:
            mapped = idna.uts46_remap(char, std3_rules=False, transitional=False)
        except (idna.IDNAError, UnicodeError, ValueError):
            raise ValueError('%r: the character U+%04X at position %d is not allowed in a domain name (IDNA 2008)'
                             % (name, ord(char), index + 1))
        if not mapped:
            raise ValueError('%r: the invisible character U+%04X at position %d is not allowed in a domain name'
                             % (name, ord(char), index + 1))
    try:
        return idna.uts46_remap(name, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        raise ValueError('%r is not a valid internationalised name (IDNA 2008: %s)' % (name, exc))


def _split(name):
    if not name.isascii():
        name = _uts46(name)
    return [_to_ascii_label(label) for label in _DOTS.sub('.', name).split('.')]


def to_ascii(name):
    """A dotted name -> its labels in ASCII (IDNA 2008), lower case, joined by dots; no other
    check. Raises ValueError."""
    return '.'.join(_split(name))


def _text(name):
    return '' if name is None else str(name).strip()


def _remembered(function):
    """Remember the results of a pure function of strings for the life of the process (one task):
    a plan calls it for every record set, with the same domain. Errors are not remembered, and an
    unhashable argument is simply computed."""
    cached = functools.lru_cache(maxsize=65536)(function)

    @functools.wraps(function)
    def call(*args):
        try:
            return cached(*args)
        except TypeError:
            return function(*args)
    return call


@_remembered
def normalize_domain_name(name):
    """A domain (zone) name -> its normal form: 'Bücher.Example.' -> 'xn--bcher-kva.example'.

    Strips blanks and one final dot, lower-cases, converts internationalised labels to punycode
    (``xn--`` labels are accepted as they are), and checks the syntax: at least two labels, each
    1-63 characters of a-z 0-9 '-', not starting or ending with '-', 253 characters in all.
    Raises ValueError with a message naming the input.
    """
    text = _text(name)
    if not text:
        raise ValueError('a domain name is required')
    text = _DOTS.sub('.', text)
    if text.endswith('.'):
        text = text[:-1]
    labels = _split(text)
    if len(labels) < 2:
        raise ValueError('%r is not a domain name (it needs at least two labels, as in example.com)' % name)
    for label in labels:
        if not label:
            raise ValueError('%r is not a valid domain name (empty label)' % name)
        if not LABEL.match(label):
            raise ValueError('%r is not a valid domain name (bad label %r: labels are 1-63 characters of '
                             'a-z, 0-9 and -, not starting or ending with -)' % (name, label))
    result = '.'.join(labels)
    if len(result) > MAX_NAME_LENGTH:
        raise ValueError('%r is longer than %d characters' % (name, MAX_NAME_LENGTH))
    return result


def _check_host(sub_domain, original, domain=None):
    """Check the labels of a relative host name; '*' only as the whole first label."""
    if sub_domain == '@':
        return sub_domain
    labels = sub_domain.split('.')
    for index, label in enumerate(labels):
        if label == '*' and index == 0:
            continue
        if not label:
            raise ValueError('%r is not a valid host name (empty label)' % (original,))
        if '*' in label:
            raise ValueError('%r is not a valid host name: a wildcard is only allowed as the whole first '
                             'label, as in * or *.dev' % (original,))
        if not HOST_LABEL.match(label):
            raise ValueError('%r is not a valid host name (bad label %r: labels are 1-63 characters of '
                             'a-z, 0-9, _ and -, not starting or ending with -)' % (original, label))
    total = len(sub_domain) + (len(domain) + 1 if domain else 0)
    if total > MAX_NAME_LENGTH:
        raise ValueError('%r is too long: a full name is at most %d characters' % (original, MAX_NAME_LENGTH))
    return sub_domain


@_remembered
def relative_name(name, domain):
    """What a user wrote for a host -> the ``sub_domain`` relative to ``domain``.

    * ``''``, ``'@'``, None, the domain itself and the domain with a final dot -> ``'@'``;
    * a name ending with '.' is absolute: it must end with ``.<domain>.`` (else ValueError
      "... is outside the domain ..."): ``www.example.com.`` -> ``www``;
    * a name WITHOUT the final dot that ends with ``.<domain>`` is taken as a full name and made
      relative: with domain ``example.com``, ``www.example.com`` means ``www`` (not
      ``www.example.com.example.com``);
    * anything else is relative as written: ``www``, ``a.b``, ``www.example.org``.

    The result is lower case with internationalised labels in punycode. ``*`` is allowed as the
    whole first label (``*``, ``*.dev``), ``_`` anywhere (``_acme-challenge``, ``_sip._tcp``).

    With ``domain`` None (a domain given by ID) only relative names are accepted.
    Raises ValueError.
    """
    original = name
    text = _DOTS.sub('.', _text(name))
    if text in ('', '@'):
        return '@'
    absolute = text.endswith('.')
    if absolute:
        text = text[:-1]
    if not text:
        raise ValueError('%r is not a valid host name' % (original,))
    host = '.'.join(_split(text))
    if domain is None:
        if absolute:
            raise ValueError('%r is absolute, but the domain is given by ID: give a relative name' % (original,))
        return _check_host(host, original)
    domain = normalize_domain_name(domain)
    if host == domain:
        return '@'
    if host.endswith('.' + domain):
        return _check_host(host[:-len(domain) - 1], original, domain)
    if absolute:
        raise ValueError('%r is outside the domain %s' % (original, domain))
    return _check_host(host, original, domain)


# Second-level labels under which country-code TLDs register names (example.com.cn, example.co.uk).
_REGISTRY_LABELS = frozenset(('ac', 'co', 'com', 'edu', 'gov', 'net', 'org'))


def likely_zone(name):
    """The zone a full host name most likely belongs to: its last two labels, or its last three
    under a country code's com/net/org/gov/edu/ac/co ('www.example.com.cn.' -> 'example.com.cn').

    Only a guess, to be checked against what the API names (a zone can be any suffix of the
    name, such as dev.example.com); None when the name has no such suffix."""
    try:
        labels = normalize_host(name).split('.')
    except ValueError:
        return None
    count = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _REGISTRY_LABELS else 2
    if len(labels) < count:
        return None
    try:
        return normalize_domain_name('.'.join(labels[-count:]))
    except ValueError:
        return None


def may_be_full_name(name):
    """Whether what a user wrote for a host can only be read once the domain's name is known
    (a domain given by ID): a name ending with a dot, or one of two labels or more whose last two
    could be a domain (``www.example.com`` is ``www`` in ``example.com``, but ``www.example.com``
    in ``example.net``). ``www``, ``_dmarc`` and ``_sip._tcp`` are relative whatever the domain."""
    text = _DOTS.sub('.', _text(name))
    if text.endswith('.'):
        return True
    return '.' in text and likely_zone(text) is not None


# How the default line is written in the two services' languages (dnsapi.cn lists it as 默认,
# api.dnspod.com as Default and takes default).
DEFAULT_LINE_NAMES = ('默认', 'default')


def normalize_line(line, default_line):
    """A line as a user wrote it -> the line as this service names it: any spelling of the
    default line (``default``, ``Default``, ``默认``) is ``default_line``; other lines stripped.
    None stays None."""
    if line is None:
        return None
    text = str(line).strip()
    if text.lower() in DEFAULT_LINE_NAMES:
        return default_line
    return text


def normalize_host(name):
    """A full host name ('WWW.Bücher.example.', '*.example.com') -> lower-case punycode, no final dot."""
    text = _DOTS.sub('.', _text(name))
    if text.endswith('.'):
        text = text[:-1]
    if not text:
        raise ValueError('%r is not a valid host name' % (name,))
    return _check_host('.'.join(_split(text)), name)


def fqdn(sub_domain, domain):
    """The full name of a record for display: ('www', 'example.com') -> 'www.example.com';
    '@' -> the domain; with domain None (given by ID) the sub_domain itself."""
    if domain is None:
        return sub_domain if sub_domain not in ('', None) else '@'
    return domain if sub_domain in ('@', '', None) else '%s.%s' % (sub_domain, domain)


def _hostname(value):
    """A target host name -> lower-case punycode with a final dot ('.' stays '.')."""
    text = _DOTS.sub('.', value.strip())
    if text == '.':
        return '.'
    if text.endswith('.'):
        text = text[:-1]
    return '.'.join(_split(text)) + '.' if text else text


def _one_quoted_string(text):
    """Whether text is exactly one double-quoted string: '"a b"', '"say \\"hi\\""' (escaped inner
    quotes are part of it), but not '"a" "b"'."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return False
    inner = text[1:-1]
    index = 0
    while index < len(inner):
        char = inner[index]
        if char == '\\':
            index += 2
            continue
        if char == '"':
            return False
        index += 1
    # A final backslash would escape the closing quote.
    return index == len(inner)


def normalize_value(record_type, value):
    """The form a value is SENT in.

    A: canonical IPv4; AAAA: compressed lower-case IPv6; CNAME/MX/NS: lower-case host name
    (punycode) with a final dot (the API adds it anyway); SRV 'priority weight port target': single
    spaces, target as for CNAME; TXT/SPF: the surrounding double quotes removed when the whole
    value is one quoted string (the inside is kept as it is); CAA, URL and others: stripped.
    Raises ValueError for an invalid address or an invalid internationalised name.
    """
    record_type = str(record_type).strip().upper()
    text = _text(value)
    if record_type == 'A':
        if _CANONICAL_IPV4.match(text):
            return text
        try:
            return str(ipaddress.IPv4Address(text))
        except ValueError:
            raise ValueError('%r is not an IPv4 address' % (value,))
    if record_type == 'AAAA':
        try:
            if '%' in text:
                raise ValueError('scoped')
            return str(ipaddress.IPv6Address(text)).lower()
        except ValueError:
            raise ValueError('%r is not an IPv6 address' % (value,))
    if record_type in HOSTNAME_TYPES:
        return _hostname(text)
    if record_type == 'SRV':
        parts = text.split()
        if len(parts) == 4:
            return ' '.join(parts[:3] + [_hostname(parts[3])])
        return ' '.join(parts)
    if record_type in TXT_TYPES:
        if _one_quoted_string(text):
            return text[1:-1]
        return text
    return text


def _host_key(text):
    return text.strip().lower().rstrip('.')


def value_key(record_type, value):
    """The key two values of one record type are compared by. Never raises.

    ``value_key(t, normalize_value(t, v)) == value_key(t, what_the_api_returns)``: insensitive to
    final dots and case of host names (CNAME/MX/NS/SRV targets), to the spelling of IPv6 addresses,
    to surrounding double quotes of TXT values, to blank runs in SRV/CAA and the case of CAA tags.
    Falls back to the stripped text when the value cannot be parsed.
    """
    record_type = str(record_type).strip().upper()
    text = _text(value)
    try:
        if record_type == 'A':
            if _CANONICAL_IPV4.match(text):
                return text
            return str(ipaddress.IPv4Address(text))
        if record_type == 'AAAA':
            return ipaddress.IPv6Address(text).exploded
        if record_type in HOSTNAME_TYPES:
            return _host_key(_hostname(text))
        if record_type == 'SRV':
            parts = text.split()
            if len(parts) == 4 and all(p.isdigit() for p in parts[:3]):
                return ' '.join([str(int(p)) for p in parts[:3]] + [_host_key(_hostname(parts[3]))])
            return ' '.join(parts).lower()
        if record_type in TXT_TYPES:
            # The API strips a leading and a final quote whatever is between them.
            if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
                return text[1:-1]
            return text
        if record_type == 'CAA':
            parts = text.split(None, 2)
            if len(parts) == 3 and parts[0].isdigit():
                return '%d %s %s' % (int(parts[0]), parts[1].lower(), parts[2])
            return text
    except (ValueError, UnicodeError):
        if record_type in HOSTNAME_TYPES:
            return _host_key(text)
    return text
