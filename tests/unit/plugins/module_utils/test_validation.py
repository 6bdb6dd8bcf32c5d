"""Input checks: each bad input names the parameter."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet

V = validation


@pytest.mark.parametrize('call, parameter', [
    (lambda: V.validate_record_type('BOGUS'), 'record_type'),
    (lambda: V.validate_record_type(''), 'record_type'),
    (lambda: V.validate_record_type(None), 'record_type'),
    (lambda: V.validate_ttl(0), 'ttl'),
    (lambda: V.validate_ttl(604801), 'ttl'),
    (lambda: V.validate_ttl(300, 'DP_Free'), 'ttl'),
    (lambda: V.validate_ttl(60, 'D_Plus'), 'ttl'),
    (lambda: V.validate_mx(0, 'MX'), 'mx'),
    (lambda: V.validate_mx(21, 'MX'), 'mx'),
    (lambda: V.validate_mx(10, 'A'), 'mx'),
    (lambda: V.validate_weight(-1), 'weight'),
    (lambda: V.validate_weight(101), 'weight'),
    (lambda: V.validate_line(''), 'record_line'),
    (lambda: V.validate_line('x' * 65), 'record_line'),
    (lambda: V.validate_email('not-an-email'), 'email'),
    (lambda: V.validate_email('a@b'), 'email'),
    (lambda: V.validate_email(None, 'login_email'), 'login_email'),
    (lambda: V.validate_value('A', '1.2.3'), 'value'),
    (lambda: V.validate_value('A', '256.1.1.1'), 'value'),
    (lambda: V.validate_value('A', ''), 'value'),
    (lambda: V.validate_value('AAAA', '1.2.3.4'), 'value'),
    (lambda: V.validate_value('AAAA', 'fe80:::1'), 'value'),
    (lambda: V.validate_value('CNAME', 'bad host!'), 'value'),
    (lambda: V.validate_value('MX', '.'), 'value'),
    (lambda: V.validate_value('NS', 'ns..example.com'), 'value'),
    (lambda: V.validate_value('TXT', 'x' * 513), 'value'),
    (lambda: V.validate_value('SRV', '10 5 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', '10 5 70000 sip.example.com'), 'value'),
    (lambda: V.validate_value('SRV', 'a b c d'), 'value'),
    (lambda: V.validate_value('CAA', 'issue letsencrypt.org'), 'value'),
    (lambda: V.validate_record_set('www', 'CNAME', ['a.example.com', 'b.example.com'], None, None, None, None),
     'value'),
    (lambda: V.validate_record_set('www', 'A', ['192.0.2.1'], None, None, None, 'paused'), 'status'),
])
def test_bad_input_names_the_parameter(call, parameter):
    with pytest.raises(V.ValidationError) as info:
        call()
    assert info.value.parameter == parameter
    assert str(info.value).startswith(parameter + ':')


def test_good_input_passes():
    assert V.validate_record_type('cname') == 'CNAME'
    assert V.validate_record_type('显性URL') == '显性URL'
    assert V.validate_ttl(600, 'DP_Free') == 600
    assert V.validate_ttl(1) == 1
    assert V.validate_value('CAA', '0 issue "letsencrypt.org"') == '0 issue "letsencrypt.org"'
    assert V.validate_record_set('www', 'A', ['192.0.2.1', '192.0.2.1 '], 600, None, 50, 'enabled') == ['192.0.2.1']


def sets(*keys):
    return [DesiredSet(s, t, '默认', ['x']) for s, t in keys]


def test_duplicate_sets_refused():
    with pytest.raises(V.ValidationError) as info:
        V.check_duplicate_sets(sets(('www', 'A'), ('mail', 'A'), ('www', 'A')))
    assert info.value.parameter == 'records' and 'records[0]' in str(info.value) and 'records[2]' in str(info.value)
    V.check_duplicate_sets(sets(('www', 'A'), ('www', 'AAAA')))


def test_cname_beside_other_records_refused():
    with pytest.raises(V.ValidationError):
        V.check_cname_conflicts(sets(('www', 'CNAME'), ('www', 'TXT')))
    V.check_cname_conflicts(sets(('www', 'CNAME'), ('mail', 'TXT')))
