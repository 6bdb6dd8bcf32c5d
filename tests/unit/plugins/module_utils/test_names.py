# -*- coding: utf-8 -*-
"""Domain names, relative host names and value normal forms."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import names


@pytest.mark.parametrize('given, expected', [
    ('Example.COM', 'example.com'),
    ('example.com.', 'example.com'),
    (' example.com ', 'example.com'),
    ('\texample.com.\n', 'example.com'),
    ('Bücher.example', 'xn--bcher-kva.example'),
    ('BÜCHER.Example.', 'xn--bcher-kva.example'),
    ('bücher。example', 'xn--bcher-kva.example'),
    ('xn--bcher-kva.example', 'xn--bcher-kva.example'),
    ('XN--BCHER-KVA.EXAMPLE', 'xn--bcher-kva.example'),
    ('例子.中国', 'xn--fsqu00a.xn--fiqs8s'),
    ('a-b.example.co.uk', 'a-b.example.co.uk'),
    ('1example.com', '1example.com'),
    ('x' * 63 + '.com', 'x' * 63 + '.com'),
    ('.'.join(['a' * 63] * 3 + ['b' * 61]), '.'.join(['a' * 63] * 3 + ['b' * 61])),
])
def test_domain_names(given, expected):
    assert names.normalize_domain_name(given) == expected


@pytest.mark.parametrize('bad', [
    '', '   ', None, '.', 'com', 'com.', 'example.com..', '.example.com', '-bad.com', 'bad-.com', 'a b.com',
    'x' * 64 + '.com', 'a..com', 'under_score.com', '*.example.com', 'exa$mple.com', 'xn--zz99999999999.com',
    '.'.join(['a' * 63] * 3 + ['b' * 62]), 'ü' * 64 + '.com',
])
def test_bad_domain_names(bad):
    with pytest.raises(ValueError) as info:
        names.normalize_domain_name(bad)
    assert str(info.value)


@pytest.mark.parametrize('given, expected', [
    ('www', 'www'),
    ('WWW', 'www'),
    (' www ', 'www'),
    ('@', '@'),
    ('', '@'),
    ('  ', '@'),
    (None, '@'),
    ('example.com', '@'),
    ('EXAMPLE.com.', '@'),
    ('example.com.', '@'),
    ('www.example.com', 'www'),          # a full name without the final dot is made relative
    ('www.example.com.', 'www'),
    ('WWW.Example.COM.', 'www'),
    ('a.b.example.com.', 'a.b'),
    ('a.b', 'a.b'),
    ('*', '*'),
    ('*.dev', '*.dev'),
    ('*.example.com.', '*'),
    ('*.dev.example.com', '*.dev'),
    ('_acme-challenge', '_acme-challenge'),
    ('_acme-challenge.example.com.', '_acme-challenge'),
    ('_sip._tcp', '_sip._tcp'),
    ('sel1._domainkey', 'sel1._domainkey'),
    ('Bücher', 'xn--bcher-kva'),
    ('bücher.example.com.', 'xn--bcher-kva'),
    ('xn--bcher-kva', 'xn--bcher-kva'),
    ('www.example.org', 'www.example.org'),   # relative: it does not end with .example.com
    ('wwwexample.com', 'wwwexample.com'),     # not '.example.com': relative as written
    ('1', '1'),
    ('x' * 63, 'x' * 63),
])
def test_relative_names(given, expected):
    assert names.relative_name(given, 'example.com') == expected


@pytest.mark.parametrize('given, expected', [
    ('www.example.com.', 'example.com'),
    ('example.com.', 'example.com'),
    ('a.b.dev.example.com', 'example.com'),
    ('www.example.com.cn.', 'example.com.cn'),
    ('www.example.co.uk.', 'example.co.uk'),
    ('www.example.org.uk.', 'example.org.uk'),
    ('com.cn.', 'com.cn'),                       # too short for three labels: the last two
    ('www.example.shop.cn.', 'shop.cn'),         # shop is no registry label
    ('www.example.com.info.', 'com.info'),       # info is no country code
    ('WWW.Bücher.Example.', 'xn--bcher-kva.example'),
    ('*.example.com.', 'example.com'),
    ('_acme-challenge.example.com.', 'example.com'),
    ('localhost.', None),                        # no zone of two labels
    ('bad..name.', None),
    ('', None),
])
def test_likely_zone(given, expected):
    assert names.likely_zone(given) == expected


def test_relative_name_normalises_the_domain_too():
    assert names.relative_name('www.xn--bcher-kva.example.', 'Bücher.Example.') == 'www'
    assert names.relative_name('Bücher.example', 'xn--bcher-kva.example') == '@'


@pytest.mark.parametrize('bad', [
    'www.example.org.',            # absolute, outside the domain
    'example.org.',
    'wwwexample.com.',             # absolute, ends with example.com but not .example.com
    'bad_label!', 'a..b', '-x', 'x-', 'x' * 64, '.', '..', 'a b', 'www*', 'a.*', '*.*', 'w*w',
    '@.www', 'a/b', 'ü' * 64,
])
def test_bad_relative_names(bad):
    with pytest.raises(ValueError):
        names.relative_name(bad, 'example.com')


def test_outside_the_domain_message():
    with pytest.raises(ValueError) as info:
        names.relative_name('www.example.org.', 'example.com')
    assert 'outside the domain' in str(info.value) and 'example.com' in str(info.value)


def test_total_length_counts_the_domain():
    domain = 'd' * 60 + '.com'
    ok = '.'.join(['a' * 60] * 3) + '.' + 'b' * 3    # 186 + 1 + 64 = 251
    assert names.relative_name(ok, domain) == ok
    with pytest.raises(ValueError):
        names.relative_name(ok + 'bbb', domain)    # 254 in all


def test_without_domain_only_relative_names():
    assert names.relative_name('www', None) == 'www'
    assert names.relative_name('@', None) == '@'
    assert names.relative_name('www.example.com', None) == 'www.example.com'
    with pytest.raises(ValueError):
        names.relative_name('www.example.com.', None)


@pytest.mark.parametrize('sub, domain, expected', [
    ('www', 'example.com', 'www.example.com'),
    ('@', 'example.com', 'example.com'),
    ('', 'example.com', 'example.com'),
    ('*.dev', 'example.com', '*.dev.example.com'),
    ('www', None, 'www'),
    ('@', None, '@'),
])
def test_fqdn(sub, domain, expected):
    assert names.fqdn(sub, domain) == expected


@pytest.mark.parametrize('rtype, given, sent', [
    ('A', ' 192.0.2.1 ', '192.0.2.1'),
    ('a', '10.0.0.1', '10.0.0.1'),
    ('AAAA', '2001:DB8:0:0::1', '2001:db8::1'),
    ('AAAA', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'),
    ('AAAA', '::1', '::1'),
    ('CNAME', 'Docs.Example.com', 'docs.example.com.'),
    ('CNAME', 'docs.example.com.', 'docs.example.com.'),
    ('CNAME', 'Bücher.example', 'xn--bcher-kva.example.'),
    ('MX', 'mail.example.com.', 'mail.example.com.'),
    ('MX', 'MAIL.example.com', 'mail.example.com.'),
    ('NS', 'ns1.example.net', 'ns1.example.net.'),
    ('SRV', '10 5 5060 SIP.example.com', '10 5 5060 sip.example.com.'),
    ('SRV', ' 10  5   5060 sip.example.com. ', '10 5 5060 sip.example.com.'),
    ('SRV', '0 0 0 .', '0 0 0 .'),
    ('TXT', '"v=spf1 -all"', 'v=spf1 -all'),
    ('TXT', 'v=spf1 -all', 'v=spf1 -all'),
    ('TXT', 'a "quoted" word', 'a "quoted" word'),
    ('TXT', '"a" "b"', '"a" "b"'),
    ('TXT', '"say \\"hi\\""', 'say \\"hi\\"'),
    ('TXT', '"ends with \\"', '"ends with \\"'),
    ('TXT', '  "  padded  "  ', '  padded  '),
    ('TXT', 'Case Kept', 'Case Kept'),
    ('SPF', '"v=spf1 mx -all"', 'v=spf1 mx -all'),
    ('CAA', ' 0 issue "letsencrypt.org" ', '0 issue "letsencrypt.org"'),
    ('URL', ' https://example.org/ ', 'https://example.org/'),
    ('显性URL', 'https://example.org/', 'https://example.org/'),
])
def test_values_sent(rtype, given, sent):
    assert names.normalize_value(rtype, given) == sent


@pytest.mark.parametrize('rtype, bad', [
    ('A', '300.1.1.1'), ('A', '2001:db8::1'), ('A', '1.2.3'), ('A', '010.1.1.1'), ('A', ''), ('A', 'host'),
    ('AAAA', '192.0.2.1'), ('AAAA', '2001:db8::zz'), ('AAAA', 'fe80::1%eth0'), ('AAAA', '1:2:3:4:5:6:7:8:9'),
    ('CNAME', 'ü' * 64 + '.example'),
])
def test_bad_values_raise(rtype, bad):
    with pytest.raises(ValueError):
        names.normalize_value(rtype, bad)


@pytest.mark.parametrize('rtype, mine, api', [
    ('A', '192.0.2.1', '192.0.2.1'),
    ('CNAME', 'docs.example.com', 'docs.example.com.'),
    ('CNAME', 'Docs.Example.COM.', 'docs.example.com.'),
    ('MX', 'MAIL.example.com', 'mail.example.com.'),
    ('NS', 'f1g1ns1.dnspod.net', 'f1g1ns1.dnspod.net.'),
    ('SRV', '10 5 5060 SIP.example.com', '10 5 5060 sip.example.com.'),
    ('SRV', '010 5 5060 sip.example.com', '10 5 5060 sip.example.com.'),
    ('TXT', '"token"', 'token'),
    ('TXT', '"a" "b"', 'a" "b'),           # the API strips the first and the last quote
    ('SPF', '"v=spf1 -all"', 'v=spf1 -all'),
    ('AAAA', '2001:0db8::0001', '2001:db8::1'),
    ('AAAA', '::ffff:1.2.3.4', '::ffff:102:304'),
    ('CAA', '0 ISSUE "ca.example"', '0 issue "ca.example"'),
])
def test_value_keys_match_what_the_api_returns(rtype, mine, api):
    assert names.value_key(rtype, names.normalize_value(rtype, mine)) == names.value_key(rtype, api)


@pytest.mark.parametrize('rtype, one, other', [
    ('A', '192.0.2.1', '192.0.2.2'),
    ('CNAME', 'a.example.com', 'b.example.com.'),
    ('TXT', 'Token', 'token'),             # TXT is case-sensitive
    ('TXT', 'token ', 'token x'),
    ('MX', 'mail.example.com', 'mail.example.org'),
    ('SRV', '10 5 5060 sip.example.com', '10 5 5061 sip.example.com'),
    ('AAAA', '2001:db8::1', '2001:db8::2'),
])
def test_value_keys_differ(rtype, one, other):
    assert names.value_key(rtype, one) != names.value_key(rtype, other)


@pytest.mark.parametrize('rtype, value, key', [
    ('A', 'not an ip', 'not an ip'),
    ('AAAA', ' nope ', 'nope'),
    ('CNAME', 'ü' * 64 + '.Example.', 'ü' * 64 + '.example'),
    ('SRV', 'junk', 'junk'),
    ('CAA', 'junk', 'junk'),
    ('A', None, ''),
])
def test_value_key_never_raises(rtype, value, key):
    assert names.value_key(rtype, value) == key


@pytest.mark.parametrize('given, expected', [
    ('WWW.Example.com.', 'www.example.com'),
    ('*.example.com', '*.example.com'),
    ('Bücher.example', 'xn--bcher-kva.example'),
    ('_dmarc.example.com', '_dmarc.example.com'),
])
def test_full_host_names(given, expected):
    assert names.normalize_host(given) == expected


@pytest.mark.parametrize('bad', ['', '.', 'a..b', 'www.*.example.com', 'bad!.example.com'])
def test_bad_full_host_names(bad):
    with pytest.raises(ValueError):
        names.normalize_host(bad)


def test_srv_priority_weight_and_port_are_part_of_the_value():
    """SRV keeps 'priority weight port target' in its value: values that differ in any of the
    three numbers are different values; the spelling of the numbers and the target is not."""
    base = names.value_key('SRV', '10 5 5060 sip.example.com.')
    for other in ('20 5 5060 sip.example.com.', '10 6 5060 sip.example.com.', '10 5 5061 sip.example.com.',
                  '10 5 5060 sip2.example.com.'):
        assert names.value_key('SRV', other) != base
    for same in ('010 5 5060 SIP.example.com', ' 10  05 5060  sip.example.com. '):
        assert names.value_key('SRV', names.normalize_value('SRV', same)) == base
        assert names.value_key('SRV', same) == base


def test_mx_value_key_is_the_host_whatever_the_priority():
    """An MX record's priority is its own field (``mx``), not part of its value: the key of an MX
    value is the host, so a changed priority is a Modify of the same value, not a new record."""
    assert names.value_key('MX', names.normalize_value('MX', 'Mail.Example.com')) == 'mail.example.com'
    assert names.value_key('MX', 'mail.example.com.') == names.value_key('MX', 'MAIL.example.com')
