# -*- coding: utf-8 -*-
"""The pure logic of dnspod_ddns: addresses, lookup answers, source address, record choice."""
import socket

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import ddns


def rec(rid, value, rtype='A', sub='www', line='默认', hold=False):
    return {'id': str(rid), 'sub_domain': sub, 'record_type': rtype, 'record_line': line, 'value': value,
            'record_line_id': None, 'hold': hold}


@pytest.mark.parametrize('rtype, given, expected', [
    ('A', '198.51.100.7', '198.51.100.7'),
    ('A', ' 198.51.100.7\n', '198.51.100.7'),
    ('a', '10.0.0.1', '10.0.0.1'),
    ('AAAA', '2001:DB8::1', '2001:db8::1'),
    ('AAAA', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'),
])
def test_normalize_address(rtype, given, expected):
    assert ddns.normalize_address(given, rtype) == expected


@pytest.mark.parametrize('rtype, given, parameter, words', [
    ('A', 'not-an-ip', 'value', 'not an IP address'),
    ('A', '', 'value', 'not an IP address'),
    ('A', None, 'value', 'not an IP address'),
    ('A', '2001:db8::1', 'value', 'needs IPv4'),
    ('AAAA', '198.51.100.7', 'value', 'needs IPv6'),
    ('AAAA', '::ffff:198.51.100.7', 'value', 'IPv4-mapped'),
    ('AAAA', 'fe80::1%eth0', 'value', 'not an IP address'),
    ('A', '198.51.100.256', 'value', 'not an IP address'),
    ('CNAME', '198.51.100.7', 'record_type', 'A and AAAA'),
])
def test_normalize_address_refuses(rtype, given, parameter, words):
    with pytest.raises(ddns.DdnsError) as info:
        ddns.normalize_address(given, rtype)
    assert info.value.parameter == parameter
    assert words in str(info.value)


@pytest.mark.parametrize('body, rtype, expected', [
    (b'203.0.113.7\n', 'A', '203.0.113.7'),
    ('203.0.113.7', 'A', '203.0.113.7'),
    (b'{"ip": "203.0.113.8"}', 'A', '203.0.113.8'),
    (b'{"address": "2001:db8::7"}', 'AAAA', '2001:db8::7'),
    (b'  2001:DB8::7  \r\n', 'AAAA', '2001:db8::7'),
    (b'203.0.113.9 extra words', 'A', '203.0.113.9'),
])
def test_parse_lookup_answer(body, rtype, expected):
    assert ddns.parse_lookup_answer(body, rtype) == expected


@pytest.mark.parametrize('body, rtype', [
    (b'', 'A'),
    (b'<html>blocked</html>', 'A'),
    (b'{"ip": "nope"}', 'A'),
    (b'{"other": 1}', 'A'),
    (b'x' * 200, 'A'),
    (b'203.0.113.7', 'AAAA'),
])
def test_parse_lookup_answer_refuses(body, rtype):
    with pytest.raises(ddns.DdnsError) as info:
        ddns.parse_lookup_answer(body, rtype)
    assert info.value.parameter == 'ip_lookup_url'


@pytest.mark.parametrize('url', ['https://api.ipify.org', 'http://127.0.0.1:8080/ip'])
def test_check_lookup_url(url):
    assert ddns.check_lookup_url(url) == url


@pytest.mark.parametrize('url', ['ftp://example.com/', 'api.ipify.org', '', None, 'https://', 'https://u:p@x.org/'])
def test_check_lookup_url_refuses(url):
    with pytest.raises(ddns.DdnsError) as info:
        ddns.check_lookup_url(url)
    assert info.value.parameter == 'ip_lookup_url'


def test_api_host_port():
    assert ddns.api_host_port('https://dnsapi.cn') == ('dnsapi.cn', 443)
    assert ddns.api_host_port('http://127.0.0.1:4567') == ('127.0.0.1', 4567)
    assert ddns.api_host_port('http://localhost') == ('localhost', 80)


@pytest.mark.parametrize('address, expected', [
    ('8.8.8.8', True), ('203.0.114.1', True), ('2400:3200::1', True),
    ('10.1.2.3', False), ('192.168.1.1', False), ('172.16.0.1', False), ('127.0.0.1', False),
    ('169.254.1.1', False), ('100.64.0.1', False), ('fd00::1', False), ('fe80::1', False), ('::1', False),
    ('::ffff:10.0.0.1', False), ('::ffff:8.8.8.8', True),
])
def test_is_global(address, expected):
    assert ddns.is_global(address) is expected


@pytest.mark.parametrize('local, remote, expected', [
    ('8.8.4.4', '119.29.29.29', '8.8.4.4'),          # a public address: the API sees it
    ('127.0.0.1', '127.0.0.1', '127.0.0.1'),         # the emulator on loopback sees loopback
    ('192.168.1.5', '192.168.1.1', '192.168.1.5'),   # an API host on the same private network
])
def test_check_source_address(local, remote, expected):
    assert ddns.check_source_address(local, remote, 'A') == expected


def test_check_source_address_behind_nat_fails():
    with pytest.raises(ddns.DdnsError) as info:
        ddns.check_source_address('192.168.1.5', '119.29.29.29', 'A')
    assert info.value.parameter == 'value'
    assert 'ip_lookup_url' in str(info.value) and 'NAT' in str(info.value)


class FakeSocket:
    made = []

    def __init__(self, family, kind, local='203.0.113.50', fail=False):
        self.family, self.kind, self.local, self.fail = family, kind, local, fail
        self.connected = None
        self.closed = False
        self.sent = False
        FakeSocket.made.append(self)

    def connect(self, addr):
        if self.fail:
            raise OSError('Network is unreachable')
        self.connected = addr

    def getsockname(self):
        return (self.local, 5555)

    def send(self, data):  # pragma: no cover - must never be called
        self.sent = True

    def close(self):
        self.closed = True


def test_source_address_connects_udp_and_sends_nothing():
    FakeSocket.made = []

    def resolver(host, port, family, kind):
        assert (host, port, family, kind) == ('dnsapi.cn', 443, socket.AF_INET, socket.SOCK_DGRAM)
        return [(family, kind, 17, '', ('119.29.29.29', 443))]
    local, remote = ddns.source_address('dnsapi.cn', 443, 4, resolver=resolver, sock_factory=FakeSocket)
    assert (local, remote) == ('203.0.113.50', '119.29.29.29')
    sock = FakeSocket.made[0]
    assert sock.kind == socket.SOCK_DGRAM and sock.connected == ('119.29.29.29', 443)
    assert sock.closed and not sock.sent


def test_source_address_without_route_names_the_family():
    def resolver(host, port, family, kind):
        return [(family, kind, 17, '', ('2402:4e00::', 443, 0, 0))]

    def factory(family, kind):
        return FakeSocket(family, kind, fail=True)
    with pytest.raises(ddns.DdnsError) as info:
        ddns.source_address('dnsapi.cn', 443, 6, resolver=resolver, sock_factory=factory)
    assert 'IPv6' in str(info.value)


def test_source_address_unresolvable_host():
    def resolver(host, port, family, kind):
        raise socket.gaierror('no address')
    with pytest.raises(ddns.DdnsError) as info:
        ddns.source_address('nowhere.invalid', 443, 6, resolver=resolver, sock_factory=FakeSocket)
    assert 'no IPv6 address' in str(info.value)


def test_source_address_on_loopback_for_real():
    local, remote = ddns.source_address('127.0.0.1', 9, 4)
    assert local == '127.0.0.1' and remote == '127.0.0.1'


def test_select_record():
    assert ddns.select_record([]) is None
    assert ddns.select_record([rec(1, '192.0.2.1')])['id'] == '1'
    assert ddns.select_record([rec(1, '192.0.2.1'), rec(2, '192.0.2.2')], record_id='2')['value'] == '192.0.2.2'
    assert ddns.select_record([rec(1, 'f1g1ns1.dnspod.net.', rtype='NS', hold=True)]) is None


def test_select_record_refuses():
    with pytest.raises(ddns.DdnsError) as info:
        ddns.select_record([rec(1, '192.0.2.1'), rec(2, '192.0.2.2')])
    assert info.value.parameter == 'record_id' and '2 records' in str(info.value)
    with pytest.raises(ddns.DdnsError) as info:
        ddns.select_record([rec(1, '192.0.2.1')], record_id='9')
    assert info.value.parameter == 'record_id'
    with pytest.raises(ddns.DdnsError) as info:
        ddns.select_record([rec(1, 'x.example.com.', rtype='CNAME')])
    assert 'CNAME' in str(info.value)


@pytest.mark.parametrize('rtype, current, wanted, same', [
    ('A', '192.0.2.1', '192.0.2.1', True),
    ('A', '192.0.2.1', '192.0.2.2', False),
    ('AAAA', '2001:DB8:0::1', '2001:db8::1', True),
    ('A', 'garbage', '192.0.2.1', False),
])
def test_same_address(rtype, current, wanted, same):
    assert ddns.same_address(rtype, current, wanted) is same


class Answer(object):
    def __init__(self, body, status=200):
        self.body, self.status = body, status

    def getcode(self):
        return self.status

    def read(self, size):
        return self.body[:size]


def test_fetch_address_reads_the_lookup_answer_and_names_the_option_on_failure():
    sent = []

    def opener(url, **kwargs):
        sent.append((url, kwargs))
        return Answer(b'{"ip": "203.0.113.7"}')
    assert ddns.fetch_address('https://ip.example/', 'A', 5, False, None, opener=opener) == '203.0.113.7'
    assert sent[0][1]['method'] == 'GET' and sent[0][1]['timeout'] == 5 and sent[0][1]['validate_certs'] is False
    with pytest.raises(ddns.DdnsError) as info:
        ddns.fetch_address('https://ip.example/', 'A', opener=lambda url, **kw: Answer(b'', 204))
    assert str(info.value) == 'ip_lookup_url: https://ip.example/ answered 204 OK'

    def refused(url, **kwargs):
        raise OSError('connection refused')
    with pytest.raises(ddns.DdnsError) as info:
        ddns.fetch_address('https://ip.example/', 'A', opener=refused)
    assert str(info.value).startswith('ip_lookup_url: https://ip.example/ answered -1 Request failed')


def params(**given):
    base = dict(domain='example.com', sub_domain=None, record_type=None, record_line=None, record_id=None, value=None,
                ip_lookup_url=None, ttl=None)
    base.update(given)
    return base


def test_request_checks_each_option_before_any_call():
    request = ddns.Request(params(sub_domain='Home', value='2001:DB8::1'))
    assert (request.record_type, request.sub_domain, request.value, request.reads_domain) == (
        'AAAA', 'home', '2001:db8::1', True)
    by_id = ddns.Request(params(domain=' 77 ', sub_domain='home.example.com.', value='192.0.2.1'))
    assert by_id.full_name_by_id and by_id.sub_domain is None and by_id.reads_domain
    assert by_id.relative_to('example.com') == 'home'
    for bad, option in ((dict(domain='bad..name'), 'domain'), (dict(record_id='x1'), 'record_id'),
                        (dict(value='192.0.2.300'), 'value'), (dict(ip_lookup_url='ftp://x'), 'ip_lookup_url')):
        with pytest.raises(ddns.DdnsError) as info:
            ddns.Request(params(**bad))
        assert info.value.parameter == option


def test_record_line_view():
    assert ddns.record_line_view(None) == ''
    assert ddns.record_line_view(rec(5, '192.0.2.1')) == 'www A 192.0.2.1 ; line=默认 id=5\n'
    assert ddns.record_line_view(dict(rec(5, '192.0.2.1'), id='')).endswith('id=(new)\n')


def test_api_proxy_from_the_environment_settings():
    def never(host):
        return False
    assert ddns.api_proxy('https://dnsapi.cn', {}, never) is None
    assert ddns.api_proxy('https://dnsapi.cn', {'https': 'http://proxy.example:3128'}, never) == 'http://proxy.example:3128'
    assert ddns.api_proxy('https://dnsapi.cn', {'all': 'socks5://p:1080'}, never) == 'socks5://p:1080'
    assert ddns.api_proxy('https://dnsapi.cn', {'http': 'http://proxy.example:3128'}, never) is None
    # NO_PROXY (proxy_bypass) wins
    assert ddns.api_proxy('https://dnsapi.cn', {'https': 'http://proxy.example:3128'}, lambda host: True) is None


def test_check_no_proxy():
    assert ddns.check_no_proxy('https://dnsapi.cn', {}, lambda host: False) is None
    with pytest.raises(ddns.DdnsError) as info:
        ddns.check_no_proxy('https://dnsapi.cn', {'https': 'proxy.example:3128'}, lambda host: False)
    assert info.value.parameter == 'value'
    assert 'proxy.example' in str(info.value) and 'ip_lookup_url' in str(info.value)


@pytest.mark.parametrize('value, expected', [
    ('198.51.100.7', 'A'), ('2001:db8::1', 'AAAA'), (' 2001:DB8::1 ', 'AAAA'), (None, 'A'), ('garbage', 'A'),
])
def test_type_of_value(value, expected):
    assert ddns.type_of_value(value) == expected


class FakeRecords(object):
    def __init__(self, stored=None):
        self.sent, self.stored = [], stored

    def create(self, *args, **kwargs):
        self.sent.append(('create',) + args)
        return '99'

    def ddns(self, domain_id, record, value=None):
        self.sent.append(('ddns', domain_id, record['id'], value))
        return self.stored


def test_update_creates_rewrites_or_leaves_the_record():
    request = ddns.Request(params(sub_domain='home', value='192.0.2.7'))
    domain = dict(id='77', name='example.com')
    records = FakeRecords()
    result, after, warning = ddns.update(records, domain, request, None, '192.0.2.7', ddns.SOURCE_VALUE, '默认', None,
                                         False)
    assert (result['action'], after['id'], after['ttl'], warning) == ('create', '99', 600, None)
    assert records.sent == [('create', '77', 'home', 'A', '默认', '192.0.2.7')]
    current = rec(5, '192.0.2.1', sub='home')
    result, after, warning = ddns.update(records, domain, request, current, '192.0.2.7', ddns.SOURCE_VALUE, '默认',
                                         None, True)
    assert (result['action'], result['previous_value'], after['value']) == ('ddns', '192.0.2.1', '192.0.2.7')
    assert len(records.sent) == 1        # check mode: nothing sent
    nat = FakeRecords(stored='198.51.100.4')
    result, after, warning = ddns.update(nat, domain, request, current, '192.0.2.7', ddns.SOURCE_LOCAL, '默认', None,
                                         False)
    assert nat.sent == [('ddns', '77', '5', None)] and after['value'] == result['address'] == '198.51.100.4'
    assert 'DNSPod stored 198.51.100.4' in warning
    result, after, warning = ddns.update(nat, domain, request, dict(current, value='192.0.2.7'), '192.0.2.7',
                                         ddns.SOURCE_VALUE, '默认', None, False)
    assert (result['changed'], result['action'], after['value']) == (False, 'none', '192.0.2.7')
