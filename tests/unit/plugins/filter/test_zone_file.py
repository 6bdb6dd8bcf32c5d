"""The zone-file filters: export order and quoting, import through dnspython, and the report of what
DNSPod cannot hold."""
import sys

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.dnspod.dnspod.plugins.filter import zone_file
from ansible_collections.dnspod.dnspod.plugins.filter.zone_file import FilterModule, from_zone_file, to_zone_file

ZONE = '''$ORIGIN example.com.
$TTL 3600
@    IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600
@    IN NS  ns1.example.com.
@    600 IN A 192.0.2.10
@    IN MX 10 mail
@    IN MX 20 backup.example.net.
www  IN CNAME @
mail 600 IN A 192.0.2.25
mail IN A 192.0.2.26
long IN TXT "part one " "part two"
_sip._tcp IN SRV 10 5 5060 sip
sub  IN NS ns.other.net.
10   IN PTR host.example.com.
*.w  300 IN A 192.0.2.99
elsewhere.example.org. IN A 192.0.2.1
'''


def by_key(result):
    return dict(((r['sub_domain'], r['record_type']), r) for r in result['records'])


def test_filters_are_registered():
    assert sorted(FilterModule().filters()) == ['from_zone_file', 'to_zone_file']


def test_import_sets():
    sets = by_key(from_zone_file(ZONE, 'example.com'))
    assert sets[('@', 'A')] == {'sub_domain': '@', 'record_type': 'A', 'ttl': 600, 'value': ['192.0.2.10']}
    # A primary and a backup mail server: one set, each value with its own priority.
    assert sets[('@', 'MX')] == {'sub_domain': '@', 'record_type': 'MX', 'ttl': 3600,
                                 'value': ['10 mail.example.com', '20 backup.example.net']}
    assert sets[('www', 'CNAME')]['value'] == ['example.com']
    assert sets[('mail', 'A')] == {'sub_domain': 'mail', 'record_type': 'A', 'ttl': 600,
                                   'value': ['192.0.2.25', '192.0.2.26']}  # one set, the lowest TTL
    assert sets[('long', 'TXT')]['value'] == ['part one part two']
    assert sets[('_sip._tcp', 'SRV')]['value'] == ['10 5 5060 sip.example.com']
    assert sets[('sub', 'NS')]['value'] == ['ns.other.net']
    assert sets[('*.w', 'A')]['ttl'] == 300


def test_import_reports_what_dnspod_cannot_hold():
    result = from_zone_file(ZONE, 'example.com.')
    reasons = dict(((s['sub_domain'], s['record_type'], s['value']), s['reason']) for s in result['skipped'])
    assert set(reasons) == {
        ('@', 'SOA', 'ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600'),
        ('@', 'NS', 'ns1.example.com.'),
        ('10', 'PTR', 'host.example.com.'),
        ('elsewhere.example.org.', 'A', '192.0.2.1'),
    }
    assert 'SOA' in reasons[('@', 'SOA', 'ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 3600')]
    assert 'outside the zone' in reasons[('elsewhere.example.org.', 'A', '192.0.2.1')]
    assert 'PTR' in reasons[('10', 'PTR', 'host.example.com.')]
    assert result['adjusted'] == []


def test_min_ttl_and_types():
    result = from_zone_file(ZONE, 'example.com', min_ttl=600, types=['a', 'CNAME', 'MX', 'TXT', 'NS'])
    assert by_key(result)[('*.w', 'A')]['ttl'] == 600
    assert result['adjusted'] == [{'sub_domain': '*.w', 'record_type': 'A', 'ttl': 300,
                                   'reason': 'TTL 300 raised to 600, the minimum TTL'}]
    assert ('_sip._tcp', 'SRV') not in by_key(result)
    assert [s['record_type'] for s in result['skipped'] if "grade" in s['reason']] == ['SRV']


def test_mx_outside_dnspod_range_and_long_txt():
    text = '$TTL 600\n@ MX 0 mail.example.com.\nt TXT "%s" "%s" "%s"\n' % ('a' * 200, 'b' * 200, 'c' * 200)
    result = from_zone_file(text, 'example.com')
    assert result['records'] == []
    assert sorted(s['record_type'] for s in result['skipped']) == ['MX', 'TXT']
    assert any('1 to 20' in s['reason'] for s in result['skipped'])
    assert any('512' in s['reason'] for s in result['skipped'])


@pytest.mark.parametrize('text, words', [
    ('$INCLUDE /etc/passwd\n', '$INCLUDE'),
    ('$GENERATE 1-3 h$ A 192.0.2.$\n', '$GENERATE'),
    ('@ IN A 192.0.2.1\n', 'TTL'),
    ('$TTL 60\nbad IN A 192.0.2\n', 'cannot be read'),
    ('$TTL 60\nx CH TXT "a"\n', 'class'),
])
def test_bad_zone_files_fail_clearly(text, words):
    with pytest.raises(AnsibleFilterError) as info:
        from_zone_file(text, 'example.com')
    assert words in str(info.value)
    assert 'example.com' in str(info.value)


def test_default_ttl_for_files_without_ttl():
    result = from_zone_file('@ IN A 192.0.2.1\n', 'example.com', default_ttl=600)
    assert result['records'][0]['ttl'] == 600


def test_bad_domain_is_refused():
    with pytest.raises(AnsibleFilterError, match='domain'):
        from_zone_file(ZONE, '')
    with pytest.raises(AnsibleFilterError, match='domain'):
        to_zone_file([], None)


def test_missing_dnspython_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(zone_file, 'HAS_DNSPYTHON', False)
    monkeypatch.setattr(zone_file, 'DNSPYTHON_IMPORT_ERROR', "ModuleNotFoundError: No module named 'dns'\n")
    with pytest.raises(AnsibleFilterError) as info:
        from_zone_file(ZONE, 'example.com')
    assert 'pip install dnspython' in str(info.value)
    assert "No module named 'dns'" in str(info.value)
    # The export needs no extra library.
    assert '$ORIGIN example.com.' in to_zone_file([], 'example.com')


RECORDS = [  # canonical records as dnspod_record_info returns them, in no particular order
    {'sub_domain': 'www', 'record_type': 'CNAME', 'record_line': '默认', 'value': 'example.com.', 'ttl': 600,
     'mx': 0, 'status': 'enabled'},
    {'sub_domain': '@', 'record_type': 'MX', 'record_line': '默认', 'value': 'mail.example.com.', 'ttl': 600,
     'mx': 10, 'status': 'enabled'},
    {'sub_domain': '@', 'record_type': 'NS', 'record_line': '默认', 'value': 'f1g1ns1.dnspod.net.', 'ttl': 86400,
     'mx': 0, 'status': 'enabled', 'hold': True},
    {'sub_domain': '@', 'record_type': 'A', 'record_line': '默认', 'value': '192.0.2.10', 'ttl': 600, 'mx': 0,
     'status': 'enabled'},
    {'sub_domain': 'cdn', 'record_type': 'A', 'record_line': '电信', 'value': '192.0.2.50', 'ttl': 600, 'mx': 0,
     'status': 'enabled'},
    {'sub_domain': 'off', 'record_type': 'A', 'record_line': '默认', 'value': '192.0.2.51', 'ttl': 600, 'mx': 0,
     'status': 'disabled'},
    {'sub_domain': 'go', 'record_type': '显性URL', 'record_line': '默认', 'value': 'https://example.net/', 'ttl': 600,
     'mx': 0, 'status': 'enabled'},
    {'sub_domain': 'txt', 'record_type': 'TXT', 'record_line': '默认', 'value': 'say "hi" \\ ' + 'x' * 300,
     'ttl': 600, 'mx': 0, 'status': 'enabled'},
    {'sub_domain': '_sip._tcp', 'record_type': 'SRV', 'record_line': '默认', 'value': '10 5 5060 sip.example.com',
     'ttl': 600, 'mx': 0, 'status': 'enabled'},
]

EXPECTED = '''; Zone example.com exported from DNSPod by dnspod.dnspod.to_zone_file.
; DNSPod serves the SOA record itself: none is written here.
$ORIGIN example.com.
$TTL 600
@          86400 IN NS    f1g1ns1.dnspod.net.
@            600 IN A     192.0.2.10
@            600 IN MX    10 mail.example.com.
_sip._tcp    600 IN SRV   10 5 5060 sip.example.com.
txt          600 IN TXT   "say \\"hi\\" \\\\ %s" "%s"
www          600 IN CNAME example.com.
; Records a zone file cannot hold as they are (not on the default line, disabled,
; or DNSPod-only types), kept here as comments:
; cdn          600 IN A     192.0.2.50 ; line 电信
; go           600 IN 显性URL https://example.net/ ; 显性URL forwarding has no zone-file form
; off          600 IN A     192.0.2.51 ; disabled
''' % ('x' * 244, 'x' * 56)


def test_export_is_stable_and_readable():
    text = to_zone_file(RECORDS, 'Example.COM.')
    assert text == EXPECTED
    assert to_zone_file(list(reversed(RECORDS)), 'example.com') == text


def test_export_without_system_ns_and_set_input():
    sets = [{'sub_domain': 'api', 'record_type': 'A', 'value': ['192.0.2.32', '192.0.2.31'], 'ttl': 600},
            {'sub_domain': '@', 'record_type': 'MX', 'mx': 5, 'value': ['mx.example.com']}]
    text = to_zone_file(sets + RECORDS[2:3], 'example.com', include_system_ns=False, default_ttl=300)
    body = [line for line in text.splitlines() if not line.startswith((';', '$'))]
    assert body == ['@      300 IN MX    5 mx.example.com.', 'api    600 IN A     192.0.2.31',
                    'api    600 IN A     192.0.2.32']


def test_export_reads_back_to_the_same_sets():
    imported = from_zone_file(ZONE, 'example.com')
    again = from_zone_file(to_zone_file(imported['records'], 'example.com'), 'example.com')
    assert again['records'] == imported['records']
    assert again['skipped'] == []


def test_export_refuses_bad_input():
    with pytest.raises(AnsibleFilterError, match='list'):
        to_zone_file('www A 1.2.3.4', 'example.com')
    with pytest.raises(AnsibleFilterError, match='record 0'):
        to_zone_file([{'sub_domain': 'www'}], 'example.com')


def test_runs_on_this_interpreter():
    assert sys.version_info >= (3, 9)


# --- primary and backup MX: every MX record keeps its own priority ---------------------------------

MX_ZONE = '''$ORIGIN example.com.
$TTL 600
@     IN MX 20 mx2
@     IN MX 10 mx1
@     IN MX 10 mx1b
@     IN MX 15 mx1
@     IN MX 5 mx3.example.net.
mail  IN MX 10 a
mail  IN MX 10 b
'''


def test_import_keeps_every_mx_priority():
    result = from_zone_file(MX_ZONE, 'example.com')
    sets = by_key(result)
    # Several priorities: the values carry theirs, lowest priority first; mx1 once, at 10.
    assert sets[('@', 'MX')] == {'sub_domain': '@', 'record_type': 'MX', 'ttl': 600,
                                 'value': ['5 mx3.example.net', '10 mx1.example.com', '10 mx1b.example.com',
                                           '20 mx2.example.com']}
    # One priority: the set's mx, as before.
    assert sets[('mail', 'MX')] == {'sub_domain': 'mail', 'record_type': 'MX', 'ttl': 600, 'mx': 10,
                                    'value': ['a.example.com', 'b.example.com']}
    assert [(s['value'], s['reason']) for s in result['skipped']] == [
        ('15 mx1.example.com.', 'MX preference 15: a record set holds each mail server once (preference 10 kept)')]


def test_export_writes_each_mx_priority():
    records = [dict(RECORDS[1], value='mx2.example.com.', mx=20), RECORDS[1]]
    body = [line for line in to_zone_file(records, 'example.com').splitlines() if not line.startswith((';', '$'))]
    assert body == ['@    600 IN MX    10 mail.example.com.', '@    600 IN MX    20 mx2.example.com.']
    # dnspod_records input whose values carry their priority (what from_zone_file gives).
    sets = [{'sub_domain': '@', 'record_type': 'MX', 'ttl': 600, 'value': ['20 mx2.example.com', '10 mx1.example.com']},
            {'sub_domain': 'm', 'record_type': 'MX', 'mx': 7, 'value': ['3 a.example.com', 'b.example.com']}]
    body = [line for line in to_zone_file(sets, 'example.com').splitlines() if not line.startswith((';', '$'))]
    assert body == ['@    600 IN MX    10 mx1.example.com.', '@    600 IN MX    20 mx2.example.com.',
                    'm    600 IN MX    3 a.example.com.', 'm    600 IN MX    7 b.example.com.']


def test_mx_priorities_survive_a_round_trip():
    imported = from_zone_file(MX_ZONE, 'example.com')
    again = from_zone_file(to_zone_file(imported['records'], 'example.com'), 'example.com')
    assert again['records'] == imported['records']
    assert again['skipped'] == []
