# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Logic of dnspod_ddns (Record.Ddns): where the address comes from, which record is meant,
whether a write is needed, and the parameters of that write.

The address a record should hold comes from, in this order:

* ``value`` given by the task;
* ``ip_lookup_url``: a web service that answers the caller's public address (plain text, or JSON
  with an ``ip`` key), read by the module;
* otherwise the *source address* of this host towards the API: the local address the operating
  system picks to reach the API host (a UDP socket is connected, nothing is sent). When it is a
  global address, it is the address the API sees, and the module sends ``Record.Ddns`` without
  ``value`` (the API then uses the address it sees, as documented) only when the record holds
  another address. A private, loopback or link-local source address towards a global API host
  means NAT in between, and an HTTP(S) proxy from the environment means the API sees the proxy:
  the address the API would see cannot be known in advance, so the module fails instead of
  writing blindly on every run.

Nothing here sends a request; the functions are pure except ``source_address`` (a socket that is
connected but never used to send).
"""

from __future__ import annotations

import ipaddress
import json
import socket
from urllib.parse import urlparse
from urllib.request import getproxies, proxy_bypass

FAMILIES = {'A': 4, 'AAAA': 6}
SOURCE_VALUE = 'value'
SOURCE_LOOKUP = 'ip_lookup_url'
SOURCE_LOCAL = 'source_address'


class DdnsError(ValueError):
    """Bad input or an address that cannot be used; ``parameter`` names the option at fault."""

    def __init__(self, parameter, message):
        self.parameter = parameter
        self.message = message
        super(DdnsError, self).__init__('%s: %s' % (parameter, message))


def normalize_address(text, record_type, parameter='value'):
    """An address for a record of ``record_type`` (A or AAAA) in the form the API stores it.

    Raises DdnsError naming ``parameter`` for anything that is not an address of that family.
    """
    family = FAMILIES.get(str(record_type).upper())
    if family is None:
        raise DdnsError('record_type', '%r: Record.Ddns updates A and AAAA records only' % (record_type,))
    text = str(text if text is not None else '').strip()
    try:
        if '%' in text:
            raise ValueError('scoped')
        address = ipaddress.ip_address(text)
    except ValueError:
        raise DdnsError(parameter, '%r is not an IP address' % (text,))
    if address.version != family:
        raise DdnsError(parameter, '%s is an IPv%d address, but the record type %s needs IPv%d'
                        % (text, address.version, str(record_type).upper(), family))
    if family == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        raise DdnsError(parameter, '%s is an IPv4-mapped address, not an IPv6 address for AAAA' % text)
    return str(address).lower()


def type_of_value(value):
    """The record type an address given without a type needs: AAAA for IPv6, else A (a bad
    value is reported later by normalize_address)."""
    try:
        return 'AAAA' if ipaddress.ip_address(str(value).strip()).version == 6 else 'A'
    except ValueError:
        return 'A'


def parse_lookup_answer(body, record_type):
    """The address in an IP lookup service's answer: plain text (``203.0.113.7\\n``), or JSON
    with ``ip`` (``{"ip": "203.0.113.7"}``, as ipify and similar services answer). Raises DdnsError."""
    if isinstance(body, bytes):
        body = body.decode('utf-8', 'replace')
    text = (body or '').strip()
    if text.startswith('{'):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for key in ('ip', 'address', 'ip_addr', 'origin'):
                if key in data:
                    text = str(data[key]).strip()
                    break
    if len(text) > 64 or not text:
        raise DdnsError('ip_lookup_url', 'the answer is not an address: %r' % (text[:64],))
    return normalize_address(text.split()[0] if text.split() else text, record_type, parameter='ip_lookup_url')


def check_lookup_url(url):
    """Raise DdnsError unless ``url`` is an http(s) URL with a host."""
    parsed = urlparse(str(url or '').strip())
    if parsed.scheme not in ('http', 'https') or not parsed.hostname:
        raise DdnsError('ip_lookup_url', '%r is not an http:// or https:// URL' % (url,))
    if parsed.username or parsed.password:
        raise DdnsError('ip_lookup_url', 'credentials in the URL are not accepted')
    return str(url).strip()


def api_host_port(api_url):
    parsed = urlparse(str(api_url))
    port = parsed.port or (443 if parsed.scheme == 'https' else 80)
    return parsed.hostname, port


def is_global(address):
    """Whether an address is one the Internet can see (not private, loopback, link-local ...)."""
    addr = ipaddress.ip_address(address)
    if addr.version == 6 and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


def source_address(host, port, family, resolver=socket.getaddrinfo, sock_factory=socket.socket):
    """The local address this host uses to reach ``host`` over IPv4 (family 4) or IPv6 (6), and
    the API host's address: ``(local, remote)``. A UDP socket is connected (which only picks a
    route) and closed; no packet is sent. Raises DdnsError when there is no such route."""
    af = socket.AF_INET if family == 4 else socket.AF_INET6
    try:
        infos = resolver(host, port, af, socket.SOCK_DGRAM)
    except (socket.gaierror, OSError) as exc:
        raise DdnsError('record_type', 'the API host %s has no IPv%d address (%s): set value or ip_lookup_url'
                        % (host, family, exc))
    last = None
    for info in infos:
        sockaddr = info[4]
        sock = sock_factory(af, socket.SOCK_DGRAM)
        try:
            sock.connect(sockaddr)
            local = sock.getsockname()[0]
            return local.split('%')[0], sockaddr[0].split('%')[0]
        except OSError as exc:
            last = exc
        finally:
            sock.close()
    raise DdnsError('record_type', 'this host has no IPv%d route to the API host %s (%s): set value or ip_lookup_url'
                    % (family, host, last))


def check_source_address(local, remote, record_type):
    """The source address as the address the API sees, or DdnsError when it cannot be.

    A global source address is what a global API host sees. Towards a non-global API host
    (the emulator on loopback, a host on the same private network) the source address is seen as
    it is too. A non-global source address towards a global API host means NAT or a proxy."""
    address = normalize_address(local, record_type, parameter='source address')
    if is_global(address) or not is_global(remote):
        return address
    raise DdnsError('value', 'this host reaches the API from %s, a private address: the public address the API '
                    'sees (behind NAT or a proxy) cannot be known in advance. Set value, or ip_lookup_url to a '
                    'service that answers this host\'s public address' % address)


def api_proxy(api_url, proxies=None, bypass=proxy_bypass):
    """The proxy the requests to ``api_url`` go through (from the environment, as ``requests``
    reads it), or None. Behind a proxy the API sees the proxy's address, not this host's."""
    parsed = urlparse(str(api_url))
    proxies = getproxies() if proxies is None else proxies
    proxy = proxies.get(parsed.scheme) or proxies.get('all')
    if not proxy or not parsed.hostname:
        return None
    try:
        if bypass(parsed.hostname):
            return None
    except OSError:
        pass
    return proxy


def check_no_proxy(api_url, proxies=None, bypass=proxy_bypass):
    """Raise DdnsError when the API is reached through a proxy (source-address mode cannot work)."""
    proxy = api_proxy(api_url, proxies, bypass)
    if proxy:
        host = urlparse(proxy if '://' in proxy else 'http://' + proxy).hostname
        raise DdnsError('value', 'requests to the API go through the proxy %s, so the API sees the proxy\'s address, '
                        'not this host\'s. Set value, or ip_lookup_url to a service that answers this host\'s '
                        'public address' % host)


def select_record(records, record_id=None):
    """The record of the set the task means: the one with ``record_id``, else the only record.

    ``records`` are canonical records (of the set sub_domain/record_type/record_line, or of the
    whole domain when ``record_id`` is given). Returns the record or None when the set is empty;
    raises DdnsError when the choice is ambiguous or the record is not an A/AAAA record."""
    records = [r for r in records if not r.get('hold')]
    if record_id is not None:
        found = [r for r in records if str(r.get('id')) == str(record_id).strip()]
        if not found:
            raise DdnsError('record_id', 'no record with id %s in the domain' % record_id)
        record = found[0]
    else:
        if not records:
            return None
        if len(records) > 1:
            raise DdnsError('record_id', 'the set holds %d records (%s): give record_id to choose one'
                            % (len(records), ', '.join('%s=%s' % (r['id'], r['value']) for r in records)))
        record = records[0]
    if record.get('record_type') not in FAMILIES:
        raise DdnsError('record_id', 'record %s is a %s record: Record.Ddns updates A and AAAA records only'
                        % (record.get('id'), record.get('record_type')))
    return record


def same_address(record_type, current, wanted):
    """Whether the record's current value is the wanted address (IPv6 spellings compared)."""
    try:
        return normalize_address(current, record_type) == normalize_address(wanted, record_type)
    except DdnsError:
        return False


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


def record_line_view(record):
    """One line per record for the diff."""
    if not record:
        return ''
    return '%s %s %s ; line=%s id=%s\n' % (record['sub_domain'], record['record_type'], record['value'],
                                           record['record_line'], record.get('id') or '(new)')
