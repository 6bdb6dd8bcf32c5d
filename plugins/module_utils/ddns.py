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

Nothing here sends an API request (dnspod_api/records.py does: Record.Info, Record.List, Record.Ddns,
Record.Create); the functions are pure except ``source_address`` (a socket that is connected but
never used to send) and ``fetch_address`` (the GET of ``ip_lookup_url``).
"""

from __future__ import annotations

import ipaddress
import json
import socket
from urllib.error import HTTPError, URLError
from urllib.parse import urlparse
from urllib.request import getproxies, proxy_bypass

from ansible.module_utils.urls import ConnectionError as UrlsConnectionError, SSLValidationError, open_url

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation

FAMILIES = {'A': 4, 'AAAA': 6}
SOURCE_VALUE = 'value'
SOURCE_LOOKUP = 'ip_lookup_url'
SOURCE_LOCAL = 'source_address'


class DdnsError(validation.ValidationError):
    """Bad input or an address that cannot be used; ``parameter`` names the option at fault
    (``str()`` is '<parameter>: <message>')."""


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


def record_line_view(record):
    """One line per record for the diff."""
    if not record:
        return ''
    return '%s %s %s ; line=%s id=%s\n' % (record['sub_domain'], record['record_type'], record['value'],
                                           record['record_line'], record.get('id') or '(new)')


class Request:
    """dnspod_ddns' options, checked before the first call (raises DdnsError/ValidationError)."""

    def __init__(self, params):
        self.record_type = params['record_type'] or type_of_value(params['value'])
        self.domain = str(params['domain']).strip()
        try:
            self.domain_name = None if self.domain.isdigit() else names.normalize_domain_name(self.domain)
        except ValueError as exc:
            raise DdnsError('domain', str(exc))
        self.sub_domain = None
        # Given by ID, a full name (www.example.com. or www.example.com) is made relative once the
        # domain's name is known (relative_to); here it is checked as a relative name.
        self.full_name_by_id = (self.domain_name is None and params['sub_domain'] is not None
                                and names.may_be_full_name(params['sub_domain']))
        self._given_name = params['sub_domain']
        if params['sub_domain'] is not None:
            if self.full_name_by_id:
                self._relative(str(params['sub_domain']).strip().rstrip('.'), None)
            else:
                self.sub_domain = self._relative(params['sub_domain'], self.domain_name)
        if params['record_line'] is not None:
            validation.validate_line(params['record_line'])
        if params['ttl'] is not None:
            validation.validate_ttl(params['ttl'])
        self.record_id = params['record_id']
        if self.record_id is not None:
            self.record_id = str(self.record_id).strip()
            if not self.record_id.isdigit():
                raise DdnsError('record_id', '%r is not a record ID' % params['record_id'])
        self.value = self.url = None
        if params['value'] is not None:
            self.value = normalize_address(params['value'], self.record_type)
        elif params['ip_lookup_url'] is not None:
            self.url = check_lookup_url(params['ip_lookup_url'])
        # The domain is read (Domain.Info) when given by name, or by ID with a full name.
        self.reads_domain = self.domain_name is not None or self.full_name_by_id

    @staticmethod
    def _relative(name, domain_name):
        try:
            return names.relative_name(name, domain_name)
        except ValueError as exc:
            raise DdnsError('sub_domain', str(exc))

    def relative_to(self, domain_name):
        """The record's name once the domain's name is known (a full name given with a domain ID)."""
        if self.full_name_by_id:
            self.sub_domain = self._relative(self._given_name, domain_name)
        return self.sub_domain


def fetch_address(url, record_type, timeout=30, validate_certs=True, ca_path=None, opener=open_url):
    """The address an IP lookup service answers (its first 4096 bytes); raises DdnsError."""
    try:
        response = opener(url, method='GET', timeout=timeout, validate_certs=validate_certs, ca_path=ca_path,
                          http_agent='ansible-httpget')
        status, msg = response.getcode(), 'OK'
    except HTTPError as exc:
        response, status, msg = None, exc.code, str(exc)
    except (URLError, OSError, ValueError, UrlsConnectionError, SSLValidationError) as exc:
        response, status, msg = None, -1, 'Request failed: %s' % exc
    if response is None or status != 200:
        raise DdnsError('ip_lookup_url', '%s answered %s %s' % (url, status, msg))
    return parse_lookup_answer(response.read(4096), record_type)


def address(request, api_url, timeout=30, validate_certs=True, ca_path=None):
    """``(address, source)``: the address the record should hold and where it came from (SOURCE_*);
    raises DdnsError when it cannot be known."""
    if request.value is not None:
        return request.value, SOURCE_VALUE
    if request.url is not None:
        return fetch_address(request.url, request.record_type, timeout or 30, validate_certs, ca_path), SOURCE_LOOKUP
    host, port = api_host_port(api_url)
    check_no_proxy(api_url)
    local, remote = source_address(host, port, FAMILIES[request.record_type])
    return check_source_address(local, remote, request.record_type), SOURCE_LOCAL


def check_chosen(record, request, line, line_given):
    """A record chosen by ``record_id`` must be the set the other options name; raises DdnsError."""
    if request.sub_domain is not None and request.sub_domain != record['sub_domain']:
        raise DdnsError('sub_domain', '%s differs from the sub_domain %s of record %s'
                        % (request.sub_domain, record['sub_domain'], record['id']))
    if line_given and line.lower() != record['record_line'].lower():
        raise DdnsError('record_line', '%s differs from the line %s of record %s'
                        % (line, record['record_line'], record['id']))
    if record['record_type'] != request.record_type:
        raise DdnsError('record_type', '%s differs from the type %s of record %s'
                        % (request.record_type, record['record_type'], record['id']))
    return record


def new_record(request, line, value, ttl):
    """The record dnspod_ddns creates (``id`` empty until it is)."""
    return dict(id='', sub_domain=request.sub_domain, record_type=request.record_type, record_line=line, value=value,
                ttl=ttl or 600, status='enabled')


def find_record(records, request, domain, line, line_given):
    """The record the task means, read through ``records`` (dnspod_api's records area): by
    record_id with Record.Info, else the set's only record (one filtered Record.List); None when
    the set is empty. Raises DdnsError."""
    if request.record_id is not None:
        record = records.info(domain['id'], request.record_id)
        if record is None:
            raise DdnsError('record_id', 'no record with ID %s in the domain' % request.record_id)
        return check_chosen(select_record([record], request.record_id), request, line, line_given)
    request.sub_domain = request.sub_domain or '@'
    return select_record(records.list(domain['id'], sub_domain=request.sub_domain, record_type=request.record_type,
                                      record_line=line))


def update(records, domain, request, before, value, source, line, ttl, check_mode):
    """Create the record, or point it at ``value`` with Record.Ddns, through ``records``
    (dnspod_api's records area; nothing is sent in check mode). Returns ``(result, after,
    warning)``: the result's ``changed``, ``action``, ``address``, ``address_source`` and
    ``previous_value``, the record after, and a warning when the API stored another address."""
    result = dict(changed=False, address=value, address_source=source, action='none')
    after, warning = before, None
    if before is None:
        result.update(changed=True, action='create', previous_value='')
        after = new_record(request, line, value, ttl)
        if not check_mode:
            after['id'] = records.create(domain['id'], request.sub_domain, request.record_type, line, value, ttl=ttl)
        return result, after, warning
    result['previous_value'] = before['value']
    if same_address(request.record_type, before['value'], value):
        return result, after, warning
    result.update(changed=True, action='ddns')
    after = dict(before, value=value)
    if not check_mode:
        # With the source address, the API stores the address it sees (no value sent).
        after['value'] = records.ddns(domain['id'], before, None if source == SOURCE_LOCAL else value) or value
        if not same_address(request.record_type, after['value'], value):
            result['address'] = after['value']
            warning = ('DNSPod stored %s, but this host\'s source address is %s (a proxy or NAT in between?): set '
                       'value or ip_lookup_url, or the next run will write again' % (after['value'], value))
    return result, after, warning
