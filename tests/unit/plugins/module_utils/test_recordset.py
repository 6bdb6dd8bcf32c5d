"""The record-set planner: smallest writes, reuse by Modify, hold records, purge, idempotence."""
import random

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet

LINE = '默认'


def rec(rid, value, sub='www', rtype='A', **extra):
    r = dict(id=str(rid), sub_domain=sub, record_type=rtype, record_line=LINE, record_line_id=None, value=value,
             ttl=600, mx=0, weight=None, status='enabled', remark='', hold=False, monitor_status='', updated_on='')
    r.update(extra)
    return r


def desired(values, sub='www', rtype='A', **extra):
    return DesiredSet(sub, rtype, LINE, values, **extra)


def actions(ops):
    return [op.action for op in ops]


class FakeClient:
    """Applies writes to an in-memory list of canonical records, as the API would."""

    def __init__(self, records, fail_at=None):
        self.records = [dict(r) for r in records]
        self.next_id = 1000
        self.calls = []
        self.fail_at = fail_at

    def _call(self, name):
        self.calls.append(name)
        if self.fail_at is not None and len(self.calls) == self.fail_at:
            raise RuntimeError('boom on call %d' % self.fail_at)

    def _find(self, record_id):
        return next(r for r in self.records if r['id'] == record_id)

    def create_record(self, domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None):
        self._call('create')
        self.next_id += 1
        self.records.append(rec(self.next_id, value, sub_domain, record_type, ttl=ttl or 600, mx=mx or 0,
                                weight=weight))
        return str(self.next_id)

    def modify_record(self, domain_id, record_id, sub_domain, record_type, record_line, value, ttl=None, mx=None,
                      weight=None):
        self._call('modify')
        assert None not in (sub_domain, record_type, record_line, value)
        self._find(record_id).update(sub_domain=sub_domain, record_type=record_type, record_line=record_line,
                                     value=value, ttl=ttl or 600, mx=mx or 0, weight=weight)

    def remove_record(self, domain_id, record_id):
        self._call('remove')
        self.records = [r for r in self.records if r['id'] != record_id]

    def set_record_status(self, domain_id, record_id, status):
        self._call('status')
        self._find(record_id)['status'] = status

    def set_record_remark(self, domain_id, record_id, remark):
        self._call('remark')
        self._find(record_id)['remark'] = remark


def test_present_adds_missing_and_keeps_others():
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2']), [rec(1, '192.0.2.1'), rec(2, '192.0.2.9')])
    assert actions(ops) == ['create']
    assert ops[0].after['value'] == '192.0.2.2'


def test_replace_reuses_records_by_modify():
    current = [rec(1, '192.0.2.7'), rec(2, '192.0.2.8'), rec(3, '192.0.2.9')]
    ops = recordset.plan_set(desired(['198.51.100.1', '198.51.100.2', '198.51.100.3']), current, replace=True)
    assert actions(ops) == ['modify', 'modify', 'modify']
    assert [op.record_id for op in ops] == ['1', '2', '3']


def test_replace_more_and_fewer_values():
    grow = recordset.plan_set(desired(['a1', 'a2', 'a3'], rtype='TXT'), [rec(1, 'old', rtype='TXT')], replace=True)
    assert actions(grow) == ['modify', 'create', 'create']
    shrink = recordset.plan_set(desired(['keep'], rtype='TXT'),
                                [rec(1, 'keep', rtype='TXT'), rec(2, 'x', rtype='TXT'), rec(3, 'y', rtype='TXT')],
                                replace=True)
    assert actions(shrink) == ['remove', 'remove']


def test_ttl_change_modifies_each_record_with_all_fields():
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2'], ttl=3600),
                             [rec(1, '192.0.2.1'), rec(2, '192.0.2.2')])
    assert actions(ops) == ['modify', 'modify']
    assert all(op.after['sub_domain'] == 'www' and op.after['ttl'] == 3600 for op in ops)


def test_status_and_remark_only():
    ops = recordset.plan_set(desired(['192.0.2.1'], status='disabled', remark='hi'), [rec(1, '192.0.2.1')])
    assert actions(ops) == ['status', 'remark']


def test_new_disabled_record_gets_a_status_write_after_create():
    client = FakeClient([])
    ops = recordset.plan_set(desired(['192.0.2.1'], status='disabled'), [])
    recordset.apply_operations(client, '1', ops)
    assert client.calls == ['create', 'status']
    assert client.records[0]['status'] == 'disabled'


def test_absent_with_and_without_values():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, 'txt', rtype='TXT')]
    assert [op.record_id for op in recordset.plan_set(desired(['192.0.2.2']), current, 'absent')] == ['2']
    assert [op.record_id for op in recordset.plan_set(desired(None), current, 'absent')] == ['1', '2']
    assert recordset.plan_set(desired(['192.0.2.5']), current, 'absent') == []


def test_hold_records_are_never_in_an_operation():
    holds = [rec(1, 'f1g1ns1.dnspod.net.', '@', 'NS', hold=True), rec(2, 'f1g1ns2.dnspod.net.', '@', 'NS', hold=True)]
    assert recordset.plan_set(desired(None, '@', 'NS'), holds, 'absent') == []
    assert actions(recordset.plan_set(desired(['ns3.example.net.'], '@', 'NS'), holds, replace=True)) == ['create']
    assert recordset.plan_domain([], holds, purge=True) == []


def test_duplicates_kept_without_replace_removed_with_it():
    current = [rec(5, '192.0.2.1'), rec(3, '192.0.2.1')]
    assert recordset.plan_set(desired(['192.0.2.1']), current) == []
    ops = recordset.plan_set(desired(['192.0.2.1']), current, replace=True)
    assert actions(ops) == ['remove'] and ops[0].record_id == '5'


def test_purge_with_ignore():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2', 'old'), rec(3, 't', '_acme-challenge', 'TXT'),
               rec(4, 'ns.', '@', 'NS', hold=True)]
    ops = recordset.plan_domain([desired(['192.0.2.1'])], current, purge=True,
                                ignore=[{'sub_domain': '_acme-challenge'}])
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]
    assert recordset.plan_domain([desired(['192.0.2.1'])], current) == []


def test_plan_order_modify_create_meta_remove():
    current = [rec(1, 'a', rtype='TXT'), rec(2, 'b', rtype='TXT', remark='r'), rec(9, 'x', 'gone')]
    ops = recordset.plan_domain([desired(['b', 'c', 'd'], rtype='TXT', remark='new')], current, purge=True)
    assert actions(ops) == ['modify', 'create', 'remark', 'remark', 'remark', 'remove']
    assert ops[2].parent is ops[1]          # the new record's remark follows its create
    assert ops[-1].record_id == '9'


def test_partial_failure_reports_applied_and_pending():
    client = FakeClient([], fail_at=2)
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2', '192.0.2.3']), [])
    with pytest.raises(recordset.PartialApplyError) as info:
        recordset.apply_operations(client, '1', ops)
    text = str(info.value)
    assert '1 of 3 change(s) were applied' in text and 'boom on call 2' in text
    assert len(info.value.done) == 1 and len(info.value.pending) == 2


def test_diff_is_zone_lines():
    d = recordset.diff([rec(1, '192.0.2.1')], [rec(1, '192.0.2.2')])
    assert d['before'] == 'www 600 IN A 192.0.2.1 ; line=默认 status=enabled remark=\n'
    assert '192.0.2.2' in d['after']


@pytest.mark.parametrize('seed', range(600))
def test_applying_a_plan_converges(seed):
    rnd = random.Random(seed)
    pool = ['192.0.2.%d' % i for i in range(1, 7)]
    current = [rec(i + 1, rnd.choice(pool), ttl=rnd.choice([600, 3600]), status=rnd.choice(['enabled', 'disabled']))
               for i in range(rnd.randint(0, 5))]
    if rnd.random() < 0.3:
        current.append(rec(50, '192.0.2.1', 'other'))
    values = rnd.sample(pool, rnd.randint(1, 4))
    state = 'absent' if rnd.random() < 0.2 else 'present'
    replace = rnd.random() < 0.5
    want = desired(values if (state == 'present' or rnd.random() < 0.5) else None,
                   ttl=rnd.choice([None, 600, 3600]), status=rnd.choice([None, 'enabled', 'disabled']),
                   remark=rnd.choice([None, '', 'x']))
    client = FakeClient(current)
    ops = recordset.plan_set(want, current, state=state, replace=replace)
    predicted = recordset.predict_after(current, ops)
    recordset.apply_operations(client, '1', ops)
    assert recordset.plan_set(want, client.records, state=state, replace=replace) == []
    assert sorted(r['value'] for r in predicted) == sorted(r['value'] for r in client.records)
    www = [r for r in client.records if r['sub_domain'] == 'www']
    if state == 'present':
        assert {v for v in values} <= {r['value'] for r in www}
        if replace:
            assert sorted(r['value'] for r in www) == sorted(values)
    else:
        assert not any(r['value'] in (values if want.values else pool) for r in www)
    assert [r for r in client.records if r['sub_domain'] == 'other'] == [r for r in current if r['sub_domain'] == 'other']
