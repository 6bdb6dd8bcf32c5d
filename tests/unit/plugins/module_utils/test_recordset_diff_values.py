# -*- coding: utf-8 -*-
"""The values in --diff lines: a TXT/SPF value is quoted as a zone file writes it, so a value with
blanks reads as one value (issue 13, section 5)."""
from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset


def rec(value, rtype='TXT', sub='@'):
    return dict(id='1', sub_domain=sub, record_type=rtype, record_line='默认', value=value, ttl=600, mx=0,
                weight=None, status='enabled', remark='', hold=False)


def test_txt_value_with_blanks_is_one_quoted_value():
    assert recordset.zone_line(rec('v=spf1 mx -all')) == '@ 600 IN TXT "v=spf1 mx -all" ; line=默认 status=enabled remark='
    assert recordset.diff([], [rec('v=DMARC1; p=none', sub='_dmarc')])['after'] == (
        '_dmarc 600 IN TXT "v=DMARC1; p=none" ; line=默认 status=enabled remark=\n')


def test_spf_value_is_quoted_and_quotes_and_backslashes_are_escaped():
    assert ' IN SPF "v=spf1 -all" ' in recordset.zone_line(rec('v=spf1 -all', 'SPF'))
    assert ' IN TXT "say \\"hi\\" c:\\\\x" ' in recordset.zone_line(rec('say "hi" c:\\x'))


def test_other_values_are_not_quoted():
    assert ' IN A 192.0.2.1 ' in recordset.zone_line(rec('192.0.2.1', 'A', 'www'))
    assert ' IN CNAME example.com. ' in recordset.zone_line(rec('example.com.', 'CNAME', 'www'))
