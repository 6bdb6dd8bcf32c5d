"""Domain names, relative host names and value normal forms."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import names


@pytest.mark.parametrize('given, expected', [
    ('Example.COM', 'example.com'),
    ('example.com.', 'example.com'),
    (' example.com ', 'example.com'),
    ('Bücher.example', 'xn--bcher-kva.example'),
    ('xn--bcher-kva.example', 'xn--bcher-kva.example'),
    ('a-b.example.co.uk', 'a-b.example.co.uk'),
])
def test_domain_names(given, expected):
    assert names.normalize_domain_name(given) == expected


@pytest.mark.parametrize('bad', ['', 'com', '-bad.com', 'bad-.com', 'a b.com', 'x' * 64 + '.com', 'a..com',
                                 'under_score.com'])
def test_bad_domain_names(bad):
    with pytest.raises(ValueError):
        names.normalize_domain_name(bad)


@pytest.mark.parametrize('given, expected', [
    ('www', 'www'),
    ('WWW', 'www'),
    ('@', '@'),
    ('', '@'),
    (None, '@'),
    ('example.com', '@'),
    ('example.com.', '@'),
    ('www.example.com', 'www'),
    ('www.example.com.', 'www'),
    ('a.b.example.com.', 'a.b'),
    ('*', '*'),
    ('*.dev', '*.dev'),
    ('_acme-challenge', '_acme-challenge'),
    ('_sip._tcp', '_sip._tcp'),
    ('Bücher', 'xn--bcher-kva'),
    ('www.example.org', 'www.example.org'),
])
def test_relative_names(given, expected):
    assert names.relative_name(given, 'example.com') == expected


@pytest.mark.parametrize('bad', ['www.example.org.', 'bad_label!', 'a..b', '-x', 'x' * 64, '.'])
def test_bad_relative_names(bad):
    with pytest.raises(ValueError):
        names.relative_name(bad, 'example.com')


def test_without_domain_only_relative_names():
    assert names.relative_name('www', None) == 'www'
    with pytest.raises(ValueError):
        names.relative_name('www.example.com.', None)


@pytest.mark.parametrize('rtype, given, sent', [
    ('A', ' 192.0.2.1 ', '192.0.2.1'),
    ('AAAA', '2001:DB8:0:0::1', '2001:db8::1'),
    ('CNAME', 'Docs.Example.com', 'docs.example.com.'),
    ('MX', 'mail.example.com.', 'mail.example.com.'),
    ('NS', 'ns1.example.net', 'ns1.example.net.'),
    ('SRV', '10 5 5060 SIP.example.com', '10 5 5060 sip.example.com.'),
    ('TXT', '"v=spf1 -all"', 'v=spf1 -all'),
    ('TXT', 'a "quoted" word', 'a "quoted" word'),
])
def test_values_sent(rtype, given, sent):
    assert names.normalize_value(rtype, given) == sent


@pytest.mark.parametrize('rtype, bad', [('A', '300.1.1.1'), ('A', '2001:db8::1'), ('AAAA', '192.0.2.1'),
                                        ('AAAA', '2001:db8::zz')])
def test_bad_addresses(rtype, bad):
    with pytest.raises(ValueError):
        names.normalize_value(rtype, bad)


@pytest.mark.parametrize('rtype, mine, api', [
    ('CNAME', 'docs.example.com', 'docs.example.com.'),
    ('MX', 'MAIL.example.com', 'mail.example.com.'),
    ('TXT', '"token"', 'token'),
    ('AAAA', '2001:0db8::0001', '2001:db8::1'),
])
def test_value_keys_match_what_the_api_returns(rtype, mine, api):
    assert names.value_key(rtype, names.normalize_value(rtype, mine)) == names.value_key(rtype, api)


def test_value_key_never_raises():
    assert names.value_key('A', 'not an ip') == 'not an ip'


@pytest.mark.parametrize('given, expected', [('WWW.Example.com.', 'www.example.com'), ('*.example.com', '*.example.com'),
                                             ('Bücher.example', 'xn--bcher-kva.example')])
def test_full_host_names(given, expected):
    assert names.normalize_host(given) == expected
