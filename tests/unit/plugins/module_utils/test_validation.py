# -*- coding: utf-8 -*-
"""Input checks: each bad input names the parameter."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet

V = validation


def record_set(**overrides):
    args = dict(sub_domain='www', record_type='A', values=['192.0.2.1'], ttl=None, mx=None, weight=None,
                status=None, grade=None)
    args.update(overrides)
    return lambda: V.validate_record_set(**args)


@pytest.mark.parametrize('call, parameter', [
    # record_type
    (lambda: V.validate_record_type('BOGUS'), 'record_type'),
    (lambda: V.validate_record_type(''), 'record_type'),
    (lambda: V.validate_record_type('  '), 'record_type'),
    (lambda: V.validate_record_type(None), 'record_type'),
    (lambda: V.validate_record_type('A AAAA'), 'record_type'),
    (lambda: V.validate_record_type('PTR'), 'record_type'),
    # ttl
    (lambda: V.validate_ttl(0), 'ttl'),
    (lambda: V.validate_ttl(-5), 'ttl'),
    (lambda: V.validate_ttl(604801), 'ttl'),
    (lambda: V.validate_ttl('abc'), 'ttl'),
    (lambda: V.validate_ttl(True), 'ttl'),
    (lambda: V.validate_ttl(300, 'DP_Free'), 'ttl'),
    (lambda: V.validate_ttl(599, 'D_Free'), 'ttl'),
    (lambda: V.validate_ttl(60, 'D_Plus'), 'ttl'),
    (lambda: V.validate_ttl(30, 'DP_Extra'), 'ttl'),
    (lambda: V.validate_ttl(5, 'D_Expert'), 'ttl'),
    (lambda: V.validate_ttl(0, 'D_Ultra'), 'ttl'),
    # mx
    (lambda: V.validate_mx(0, 'MX'), 'mx'),
    (lambda: V.validate_mx(21, 'MX'), 'mx'),
    (lambda: V.validate_mx(-1, 'mx'), 'mx'),
    (lambda: V.validate_mx('high', 'MX'), 'mx'),
    (lambda: V.validate_mx(10, 'A'), 'mx'),
    (lambda: V.validate_mx(10, 'TXT'), 'mx'),
    # weight
    (lambda: V.validate_weight(-1), 'weight'),
    (lambda: V.validate_weight(101), 'weight'),
    (lambda: V.validate_weight('heavy'), 'weight'),
    # status
    (lambda: V.validate_status('paused'), 'status'),
    (lambda: V.validate_status('enable'), 'status'),
    # line
    (lambda: V.validate_line(''), 'record_line'),
    (lambda: V.validate_line('  '), 'record_line'),
    (lambda: V.validate_line(None), 'record_line'),
    (lambda: V.validate_line(5), 'record_line'),
    (lambda: V.validate_line('x' * 65), 'record_line'),
    # e-mail
    (lambda: V.validate_email('not-an-email'), 'email'),
    (lambda: V.validate_email('a@b'), 'email'),
    (lambda: V.validate_email('a@b.'), 'email'),
    (lambda: V.validate_email('a b@example.com'), 'email'),
    (lambda: V.validate_email('a@@example.com'), 'email'),
    (lambda: V.validate_email(''), 'email'),
    (lambda: V.validate_email(None, 'login_email'), 'login_email'),
    # value
    (lambda: V.validate_value('A', '1.2.3'), 'value'),
    (lambda: V.validate_value('A', '256.1.1.1'), 'value'),
    (lambda: V.validate_value('A', '010.1.1.1'), 'value'),
    (lambda: V.validate_value('A', ''), 'value'),
    (lambda: V.validate_value('A', '   '), 'value'),
    (lambda: V.validate_value('A', None), 'value'),
    (lambda: V.validate_value('A', 'www.example.com'), 'value'),
    (lambda: V.validate_value('AAAA', '1.2.3.4'), 'value'),
    (lambda: V.validate_value('AAAA', 'fe80:::1'), 'value'),
    (lambda: V.validate_value('AAAA', 'fe80::1%eth0'), 'value'),
    (lambda: V.validate_value('CNAME', 'bad host!'), 'value'),
    (lambda: V.validate_value('CNAME', '192.0.2.1'), 'value'),
    (lambda: V.validate_value('CNAME', '*.example.com'), 'value'),
    (lambda: V.validate_value('CNAME', '@'), 'value'),
    (lambda: V.validate_value('CNAME', '-bad.example.com'), 'value'),
    (lambda: V.validate_value('CNAME', 'x' * 64 + '.example.com'), 'value'),
    (lambda: V.validate_value('MX', '.'), 'value'),
    (lambda: V.validate_value('MX', '10 mail.example.com'), 'value'),
    (lambda: V.validate_value('MX', '2001:db8::1'), 'value'),
    (lambda: V.validate_value('NS', 'ns..example.com'), 'value'),
    (lambda: V.validate_value('TXT', 'x' * 513), 'value'),
    (lambda: V.validate_value('TXT', '""'), 'value'),
    (lambda: V.validate_value('SPF', 'x' * 600), 'value'),
    (lambda: V.validate_value('SRV', '10 5 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', '10 5 70000 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', '70000 5 5060 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', '10 70000 5060 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', 'a b c d'), 'value'),
    (lambda: V.validate_value('SRV', '10 5 5060 192.0.2.1'), 'value'),
    (lambda: V.validate_value('SRV', '10 5 5060 bad!.example.com'), 'value'),
    (lambda: V.validate_value('CAA', 'issue letsencrypt.org'), 'value'),
    (lambda: V.validate_value('CAA', '0 issue letsencrypt.org'), 'value'),
    (lambda: V.validate_value('CAA', '256 issue "letsencrypt.org"'), 'value'),
    (lambda: V.validate_value('URL', 'https://example.org/a b'), 'value'),
    (lambda: V.validate_value('隐性URL', 'https://exa mple.org/'), 'value'),
    # sub_domain
    (lambda: V.validate_sub_domain('bad_label!'), 'sub_domain'),
    (lambda: V.validate_sub_domain('a.*'), 'sub_domain'),
    (lambda: V.validate_sub_domain('www.example.com.'), 'sub_domain'),
    # a whole set
    (record_set(sub_domain='a..b'), 'sub_domain'),
    (record_set(record_type='BOGUS'), 'record_type'),
    (record_set(ttl=0), 'ttl'),
    (record_set(ttl=300, grade='DP_Free'), 'ttl'),
    (record_set(mx=10), 'mx'),
    (record_set(record_type='MX', values=['mail.example.com'], mx=30), 'mx'),
    (record_set(weight=200), 'weight'),
    (record_set(status='paused'), 'status'),
    (record_set(values=['192.0.2.1', 'nope']), 'value'),
    (record_set(values=['']), 'value'),
    (record_set(record_type='CNAME', values=['a.example.com', 'b.example.com']), 'value'),
])
def test_bad_input_names_the_parameter(call, parameter):
    with pytest.raises(V.ValidationError) as info:
        call()
    assert info.value.parameter == parameter
    assert str(info.value).startswith(parameter + ': ')
    assert isinstance(info.value, ValueError)
    assert len(str(info.value)) > len(parameter) + 5


def test_ttl_message_format():
    with pytest.raises(V.ValidationError) as info:
        V.validate_ttl(30, 'DP_Free')
    assert str(info.value) == 'ttl: 30 is below 600, the minimum TTL of the grade DP_Free'


@pytest.mark.parametrize('given, expected', [
    ('cname', 'CNAME'), (' a ', 'A'), ('Txt', 'TXT'), ('url', 'URL'), ('显性URL', '显性URL'), ('隐性url', '隐性URL'),
    ('caa', 'CAA'), ('svcb', 'SVCB'), ('HTTPS', 'HTTPS'), ('spf', 'SPF'),
])
def test_record_types(given, expected):
    assert V.validate_record_type(given) == expected


@pytest.mark.parametrize('ttl, grade', [
    (1, None), (604800, None), (600, 'DP_Free'), (600, 'D_Free'), (120, 'D_Plus'), (60, 'DP_Extra'),
    (10, 'DP_Expert'), (1, 'D_Ultra'), (5, 'SOME_NEW_GRADE'), ('3600', None),
])
def test_good_ttls(ttl, grade):
    assert V.validate_ttl(ttl, grade) == int(ttl)


def test_good_input_passes():
    assert V.validate_ttl(None) is None
    assert V.validate_mx(None, 'MX') is None
    assert V.validate_mx(1, 'MX') == 1 and V.validate_mx(20, 'mx') == 20
    assert V.validate_mx(None, 'A') is None
    assert V.validate_weight(0) == 0 and V.validate_weight(100) == 100 and V.validate_weight(None) is None
    assert V.validate_status(None) is None and V.validate_status('disabled') == 'disabled'
    assert V.validate_line('默认') == '默认' and V.validate_line('x' * 64) == 'x' * 64
    assert V.validate_email(' admin@example.com ') == 'admin@example.com'
    assert V.validate_email('a.b+c@sub.example.co.uk') == 'a.b+c@sub.example.co.uk'
    assert V.validate_sub_domain('*.dev') == '*.dev' and V.validate_sub_domain('@') == '@'


@pytest.mark.parametrize('rtype, given, sent', [
    ('A', ' 192.0.2.1', '192.0.2.1'),
    ('AAAA', '2001:DB8::1', '2001:db8::1'),
    ('CNAME', 'Docs.Example.com', 'docs.example.com.'),
    ('CNAME', 'sel._domainkey.provider.example', 'sel._domainkey.provider.example.'),
    ('MX', 'mail.example.com.', 'mail.example.com.'),
    ('NS', 'f1g1ns1.dnspod.net', 'f1g1ns1.dnspod.net.'),
    ('TXT', '"v=spf1 -all"', 'v=spf1 -all'),
    ('TXT', 'x' * 512, 'x' * 512),
    ('TXT', '"%s"' % ('x' * 512), 'x' * 512),
    ('TXT', 'ü' * 512, 'ü' * 512),          # 512 characters, not bytes
    ('SRV', '10 5 5060 sip.example.com', '10 5 5060 sip.example.com.'),
    ('SRV', '0 0 0 .', '0 0 0 .'),
    ('SRV', '65535 65535 65535 sip.example.com.', '65535 65535 65535 sip.example.com.'),
    ('CAA', '0 issue "letsencrypt.org"', '0 issue "letsencrypt.org"'),
    ('CAA', '128 iodef "mailto:security@example.com"', '128 iodef "mailto:security@example.com"'),
    ('URL', 'https://example.org/path?q=1', 'https://example.org/path?q=1'),
    ('HTTPS', '1 . alpn=h2', '1 . alpn=h2'),
])
def test_good_values(rtype, given, sent):
    assert V.validate_value(rtype, given) == sent


def test_record_set_returns_sent_values_deduplicated_in_order():
    assert V.validate_record_set('www', 'A', ['192.0.2.2', '192.0.2.1', '192.0.2.2 '], 600, None, 50,
                                 'enabled') == ['192.0.2.2', '192.0.2.1']
    assert V.validate_record_set('www', 'CNAME', ['a.example.com', 'A.example.com.'], None, None, None,
                                 None) == ['a.example.com.']
    assert V.validate_record_set('@', 'MX', ['mail.example.com'], 600, 10, None, None, grade='DP_Free') == [
        'mail.example.com.']
    assert V.validate_record_set('www', 'a', None, None, None, None, None) is None
    assert V.validate_record_set('www', 'TXT', '"one"', None, None, None, None) == ['one']


def sets(*keys):
    return [DesiredSet(s, t, line, ['x']) for s, t, line in keys]


def test_duplicate_sets_refused():
    with pytest.raises(V.ValidationError) as info:
        V.check_duplicate_sets(sets(('www', 'A', '默认'), ('mail', 'A', '默认'), ('www', 'A', '默认')))
    assert info.value.parameter == 'records' and 'records[0]' in str(info.value) and 'records[2]' in str(info.value)
    with pytest.raises(V.ValidationError):
        V.check_duplicate_sets(sets(('WWW', 'a', 'Default'), ('www', 'A', 'default')))


def test_different_sets_pass():
    V.check_duplicate_sets(sets(('www', 'A', '默认'), ('www', 'AAAA', '默认'), ('www', 'A', '电信'),
                                ('mail', 'A', '默认')))
    V.check_duplicate_sets([])


def test_cname_beside_other_records_refused():
    with pytest.raises(V.ValidationError) as info:
        V.check_cname_conflicts(sets(('mail', 'A', '默认'), ('www', 'TXT', '默认'), ('www', 'CNAME', '默认')))
    assert info.value.parameter == 'records'
    assert 'records[2]' in str(info.value) and 'records[1]' in str(info.value)
    with pytest.raises(V.ValidationError):
        V.check_cname_conflicts(sets(('@', 'CNAME', '默认'), ('@', 'MX', '默认')))


def test_cname_alone_or_on_another_line_passes():
    V.check_cname_conflicts(sets(('www', 'CNAME', '默认'), ('mail', 'TXT', '默认')))
    V.check_cname_conflicts(sets(('www', 'CNAME', '电信'), ('www', 'A', '默认')))
    V.check_cname_conflicts(sets(('@', 'CNAME', '默认')))


def test_check_cname_records_only_at_the_touched_names():
    from ansible_collections.dnspod.dnspod.plugins.module_utils import validation as v

    def rec(name, rtype, value, line='默认'):
        return dict(sub_domain=name, record_type=rtype, record_line=line, value=value)
    records = [rec('@', 'NS', 'f1g1ns1.dnspod.net.'), rec('@', 'CNAME', 'x.example.net.'),
               rec('old', 'A', '192.0.2.1'), rec('old', 'CNAME', 'y.example.net.'),
               rec('www', 'CNAME', 'x.example.net.'), rec('www', 'A', '192.0.2.1', line='电信')]
    v.check_cname_records(records, set([('www', '默认'), ('www', '电信')]))   # other line: no conflict
    with pytest.raises(v.ValidationError) as info:
        v.check_cname_records(records, set([('@', '默认')]))
    assert info.value.parameter == 'record_type' and 'NS f1g1ns1.dnspod.net.' in info.value.message
    with pytest.raises(v.ValidationError) as info:
        v.check_cname_records(records, {('old', '默认'): 1}, parameter=lambda key: 'records[%s].x' % key[0])
    assert info.value.parameter == 'records[old].x' and 'sub_domain old' in info.value.message


# --- MX values that carry their priority; MX items of one set -------------------------------------

def test_mx_values_may_carry_their_priority():
    assert V.split_mx_value('10 mail.example.com') == (10, 'mail.example.com')
    assert V.split_mx_value(' 20   mx2.example.com. ') == (20, 'mx2.example.com.')
    assert V.split_mx_value('mail.example.com') == (None, 'mail.example.com')
    assert V.validate_record_set('@', 'MX', ['10 Mail.example.com', '20 mx2.example.com', 'mx3.example.com'],
                                 None, 5, None, None) == ['mail.example.com.', 'mx2.example.com.', 'mx3.example.com.']
    assert V.mx_priorities(['10 Mail.example.com', '20 mx2.example.com.', 'mx3.example.com']) == {
        'mail.example.com': 10, 'mx2.example.com': 20}
    assert V.mx_priorities('7 mail.example.com') == {'mail.example.com': 7}
    assert V.mx_priorities(None) == {}
    # Given twice, once with a priority: one value, the priority kept.
    assert V.validate_mx_values(['mail.example.com', '10 MAIL.example.com.']) == [('mail.example.com.', 10)]


@pytest.mark.parametrize('values, words', [
    (['0 mail.example.com'], 'outside 1 to 20'),
    (['21 mail.example.com'], 'outside 1 to 20'),
    (['10 mail.example.com', '20 Mail.example.com.'], 'priorities 10 and 20'),
    (['10 192.0.2.1'], 'IP address'),
    (['10 mail.example.com extra'], 'not a valid host name'),
])
def test_bad_mx_values_name_the_value(values, words):
    with pytest.raises(V.ValidationError) as info:
        V.validate_record_set('@', 'MX', values, None, None, None, None)
    assert info.value.parameter == 'value'
    assert words in str(info.value)


def mx_item(values, **extra):
    return DesiredSet('@', 'MX', '默认', [names.normalize_value('MX', v) for v in values], **extra)


def test_items_of_one_mx_set_that_differ_by_mx_pass():
    V.check_duplicate_sets([mx_item(['mx1.example.com'], mx=10, ttl=600),
                            DesiredSet('www', 'A', '默认', ['192.0.2.1']),
                            mx_item(['mx2.example.com'], mx=20),
                            mx_item(['mx3.example.com', 'MX1.example.com'], mx=10, ttl=600, status='enabled')])


@pytest.mark.parametrize('second, words', [
    (mx_item(['mx2.example.com'], mx=20, ttl=3600), 'different ttl (600 and 3600)'),
    (mx_item(['mx2.example.com'], mx=20, ttl=600, status='disabled', remark='x'), 'different remark'),
    (mx_item(['MX1.example.com.'], mx=20), 'mx1.example.com. the priorities 10 and 20'),
    (mx_item(['mx1.example.com'], priorities={'mx1.example.com': 15}), 'priorities 10 and 15'),
])
def test_items_of_one_mx_set_that_disagree_are_refused(second, words):
    first = mx_item(['mx1.example.com'], mx=10, ttl=600, remark='')
    with pytest.raises(V.ValidationError) as info:
        V.check_duplicate_sets([first, DesiredSet('www', 'A', '默认', ['192.0.2.1']), second])
    assert info.value.parameter == 'records'
    assert 'records[0] and records[2] are parts of the same MX set' in str(info.value)
    assert words in str(info.value)
