# -*- coding: utf-8 -*-
"""precheck.py: the round-robin limit walked write by write, and the A/CNAME/URL rule."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import precheck, recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

LINE = '默认'


def rec(rid, value, sub='www', rtype='A', **extra):
    r = dict(id=str(rid), sub_domain=sub, record_type=rtype, record_line=LINE, value=value, ttl=600, mx=0,
             weight=None, status='enabled', remark='', hold=False)
    r.update(extra)
    return r


def plan(values, current, replace=False, **extra):
    desired = recordset.DesiredSet('www', 'A', LINE, values, **extra)
    return recordset.plan_set(desired, current, replace=replace)


def refused(current, ops, grade='DP_Free'):
    with pytest.raises(ValidationError) as info:
        precheck.check_round_robin(current, ops, grade)
    return info.value


def test_third_enabled_value_on_the_free_grade_is_refused():
    current = [rec(1, '192.0.2.1')]
    ops = plan(['192.0.2.10', '192.0.2.11'], current)
    error = refused(current, ops)
    assert error.parameter == 'value'
    assert 'DP_Free' in str(error) and 'round-robin limit' in str(error) and ' 2 ' in str(error)
    assert 'would hold 3 enabled records' in str(error)
    # the same task with replace reuses the record: never more than 2
    precheck.check_round_robin(current, plan(['192.0.2.10', '192.0.2.11'], current, replace=True), 'DP_Free')
    precheck.check_round_robin(current, plan(['192.0.2.10', '192.0.2.11'], current, replace=True), 'D_Free')


def test_disabled_records_do_not_count():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, '192.0.2.3', status='disabled')]
    precheck.check_round_robin(current, plan(['192.0.2.4'], current, status='disabled'), 'DP_Free')
    # but enabling a disabled record in a full set is refused (only "disable" skips the check)
    ops = plan(['192.0.2.3'], current, status='enabled')
    assert [(op.action, op.record_id) for op in ops] == [('status', '3')]
    error = refused(current, ops)
    assert 'would hold 3 enabled records' in str(error)


def test_unknown_grade_and_other_types_are_left_to_the_api():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2')]
    ops = plan(['192.0.2.3'], current)
    precheck.check_round_robin(current, ops, 'DP_Plus')
    precheck.check_round_robin(current, ops, None)
    txt = [rec(i, 'v%d' % i, rtype='TXT') for i in range(5)]
    ops = recordset.plan_set(recordset.DesiredSet('www', 'TXT', LINE, ['new']), txt)
    precheck.check_round_robin(txt, ops, 'DP_Free')


def test_modify_into_a_full_set_and_removes_first():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, '192.0.2.3', sub='api')]
    move = recordset.Operation('modify', '3', current[2], dict(current[2], sub_domain='www'))
    assert refused(current, [move]).parameter == 'value'
    remove = recordset.Operation('remove', '1', current[0], None)
    precheck.check_round_robin(current, [remove, move], 'DP_Free')
    # a modify inside its own set does not count itself twice
    same = recordset.Operation('modify', '1', current[0], dict(current[0], value='192.0.2.9'))
    precheck.check_round_robin(current, [same], 'DP_Free')


def test_a_beside_cname_or_url_is_refused():
    records = [rec(1, 'cdn.example.net.', rtype='CNAME'), rec(2, '192.0.2.1')]
    touched = {('www', LINE.lower()): records[1]}
    with pytest.raises(ValidationError) as info:
        precheck.check_exclusive_types(records, touched)
    assert info.value.parameter == 'record_type' and 'code 31' in str(info.value)
    url = [rec(1, 'http://example.org/', rtype='URL'), rec(2, '192.0.2.1')]
    with pytest.raises(ValidationError):
        precheck.check_exclusive_types(url, touched)
    # AAAA and MX beside an A are fine; another name or line is another place
    precheck.check_exclusive_types([rec(1, '2001:db8::1', rtype='AAAA'), rec(2, '192.0.2.1')], touched)
    precheck.check_exclusive_types([rec(1, 'cdn.example.net.', rtype='CNAME', sub='api'), rec(2, '192.0.2.1')],
                                   touched)


def test_round_robin_check_is_linear_in_the_plan(monkeypatch):
    # It walked every planned record for each write: 5,000 creates made 12.5 million set
    # computations (3.7 s of a first run). Each write now costs a constant number of them.
    calls = []
    real = precheck._set_of
    monkeypatch.setattr(precheck, '_set_of', lambda record: calls.append(1) or real(record))
    for n in (500, 2000):
        del calls[:]
        creates = [recordset.Operation('create', None, None, dict(
            sub_domain='h%d' % i, record_type='A', record_line='默认', value='192.0.2.1')) for i in range(n)]
        precheck.check_round_robin([], creates, 'DP_Free')
        assert len(calls) <= 4 * n, (n, len(calls))
    # still refused: a third enabled A record in one set of the free grade
    third = [recordset.Operation('create', None, None, dict(sub_domain='www', record_type='A', record_line='默认',
                                                            value='192.0.2.%d' % i)) for i in range(3)]
    with pytest.raises(ValidationError):
        precheck.check_round_robin([], third, 'DP_Free')
