# -*- coding: utf-8 -*-
"""The record-set planner: smallest writes, reuse by Modify, hold records, purge, idempotence."""
import ipaddress
import random

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils.recordset import DesiredSet
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

LINE = '默认'


def rec(rid, value, sub='www', rtype='A', **extra):
    r = dict(id=str(rid), sub_domain=sub, record_type=rtype, record_line=LINE, record_line_id='0', value=value,
             ttl=600, mx=0, weight=None, status='enabled', remark='', hold=False, monitor_status='',
             updated_on='2026-01-01 00:00:00')
    r.update(extra)
    return r


def desired(values, sub='www', rtype='A', line=LINE, **extra):
    return DesiredSet(sub, rtype, line, values, **extra)


def actions(ops):
    return [op.action for op in ops]


def stored_value(record_type, value):
    """What the API stores for a value it is sent (docs/emulator.md, REAL-WORLD-NOTES.md)."""
    value = value.strip()
    if record_type in ('CNAME', 'MX', 'NS'):
        return value.lower() if value.endswith('.') else value.lower() + '.'
    if record_type == 'AAAA':
        return value.lower()
    if record_type in ('TXT', 'SPF') and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


class APIError(Exception):
    pass


class FakeClient(object):
    """Applies writes to an in-memory list of canonical records, refusing what the API refuses
    and what the API counts as abuse (writes that change nothing). Records every call."""

    def __init__(self, records, fail_at=None):
        self.records = [dict(r) for r in records]
        self.next_id = 1000
        self.calls = []
        self.fail_at = fail_at
        self.peak = {}
        self._track()

    def _track(self):
        sizes = {}
        for r in self.records:
            if r.get('hold'):
                continue
            key = recordset.record_key(r)
            sizes[key] = sizes.get(key, 0) + 1
        for key, size in sizes.items():
            self.peak[key] = max(self.peak.get(key, 0), size)

    def _call(self, name, *args):
        self.calls.append((name,) + args)
        if self.fail_at is not None and len(self.calls) == self.fail_at:
            raise APIError('DNSPod API error on %s: code 25: boom' % name)

    def _find(self, record_id):
        found = [r for r in self.records if r['id'] == record_id]
        if not found:
            raise APIError('code 8: no record %s' % record_id)
        if found[0].get('hold'):
            raise APIError('code 7: hold record %s' % record_id)
        return found[0]

    def _check_unique(self, record, skip=None):
        key = recordset.record_key(record)
        vkey = names.value_key(record['record_type'], record['value'])
        for r in self.records:
            if r is not skip and recordset.record_key(r) == key \
                    and names.value_key(r['record_type'], r['value']) == vkey:
                raise APIError('code 104: Domain record already exists')

    def create_record(self, domain_id, sub_domain, record_type, record_line, value, ttl=None, mx=None, weight=None,
                      status=None):
        self._call('create', domain_id, sub_domain, record_type, record_line, value, ttl, mx, weight)
        if record_type == 'MX' and mx is None:
            raise APIError('code 6: mx is required')
        if record_type != 'MX' and mx is not None:
            raise APIError('mx sent for %s' % record_type)
        self.next_id += 1
        new = rec(self.next_id, stored_value(record_type, value), sub_domain, record_type, record_line=record_line,
                  ttl=ttl if ttl is not None else 600, mx=mx if mx is not None else 0, weight=weight,
                  status=status or 'enabled')
        self._check_unique(new)
        self.records.append(new)
        self._track()
        return str(self.next_id)

    def modify_record(self, domain_id, record_id, sub_domain, record_type, record_line, value, ttl=None, mx=None,
                      weight=None, status=None):
        self._call('modify', domain_id, record_id, sub_domain, record_type, record_line, value, ttl, mx, weight)
        if None in (sub_domain, record_type, record_line, value, ttl):
            raise APIError('a Modify must send every field')
        if record_type == 'MX' and mx is None:
            raise APIError('code 6: mx is required')
        record = self._find(record_id)
        new = dict(record, sub_domain=sub_domain, record_type=record_type, record_line=record_line,
                   value=stored_value(record_type, value), ttl=ttl, mx=mx if mx is not None else record['mx'],
                   weight=weight if weight is not None else record['weight'],
                   status=status or 'enabled')     # the API's default: a Modify without status enables
        if all(new[k] == record[k] for k in new):
            raise APIError('unchanged Record.Modify (counted as abuse)')
        if names.value_key(record_type, new['value']) != names.value_key(record_type, record['value']):
            self._check_unique(new, skip=record)
        record.update(new)

    def remove_record(self, domain_id, record_id):
        self._call('remove', domain_id, record_id)
        self._find(record_id)
        self.records = [r for r in self.records if r['id'] != record_id]

    def set_record_status(self, domain_id, record_id, status):
        self._call('status', domain_id, record_id, status)
        record = self._find(record_id)
        if record['status'] == status:
            raise APIError('unchanged Record.Status')
        record['status'] = status

    def set_record_remark(self, domain_id, record_id, remark):
        self._call('remark', domain_id, record_id, remark)
        record = self._find(record_id)
        if record['remark'] == remark:
            raise APIError('unchanged Record.Remark')
        record['remark'] = remark


class FakeAPI(object):
    """What apply_operations takes (dnspod_api.DNSPodAPI): the records area over the fake client."""

    def __init__(self, client):
        self.client = client
        self.records = self
        self.create, self.modify, self.remove = client.create_record, client.modify_record, client.remove_record
        self.set_status, self.set_remark = client.set_record_status, client.set_record_remark


# --- present -------------------------------------------------------------------------------------

def test_present_adds_missing_and_keeps_others():
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2']), [rec(1, '192.0.2.1'), rec(2, '192.0.2.9')])
    assert actions(ops) == ['create']
    assert ops[0].record_id is None and ops[0].before is None
    assert ops[0].after == dict(sub_domain='www', record_type='A', record_line=LINE, value='192.0.2.2', ttl=None,
                                mx=None, weight=None, status='enabled', remark='')


def test_present_already_there_is_empty():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2', ttl=3600, weight=5, status='disabled', remark='r')]
    assert recordset.plan_set(desired(['192.0.2.2', '192.0.2.1']), current) == []
    assert recordset.plan_set(desired(['192.0.2.2'], ttl=3600, weight=5, status='disabled', remark='r'),
                              current) == []


def test_create_sends_desired_fields():
    client = FakeClient([])
    ops = recordset.plan_set(desired(['mail.example.com.'], sub='@', rtype='MX', mx=10, ttl=3600, weight=20), [])
    recordset.apply_operations(FakeAPI(client), '7', ops)
    assert client.calls == [('create', '7', '@', 'MX', LINE, 'mail.example.com.', 3600, 10, 20)]
    assert ops[0].record_id == '1001' and ops[0].done


def test_new_mx_record_without_priority_is_refused_before_any_write():
    with pytest.raises(ValidationError) as info:
        recordset.plan_set(desired(['mail.example.com.'], sub='@', rtype='MX'), [])
    assert info.value.parameter == 'mx'
    # An existing MX record keeps its priority: no mx needed.
    current = [rec(1, 'mail.example.com.', '@', 'MX', mx=10)]
    assert recordset.plan_set(desired(['mail.example.com'], sub='@', rtype='MX'), current) == []


def test_values_compare_by_key():
    current = [rec(1, 'docs.example.com.', rtype='CNAME'), rec(2, 'token', '_acme', 'TXT'),
               rec(3, '2001:db8::1', rtype='AAAA')]
    assert recordset.plan_set(desired(['Docs.Example.com'], rtype='CNAME'), current) == []
    assert recordset.plan_set(desired(['"token"'], sub='_acme', rtype='TXT'), current) == []
    assert recordset.plan_set(desired(['2001:DB8:0::1'], rtype='AAAA'), current) == []


def test_ttl_change_modifies_each_record_with_all_fields():
    current = [rec(1, '192.0.2.1', weight=10), rec(2, '192.0.2.2')]
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2'], ttl=3600), current)
    assert actions(ops) == ['modify', 'modify']
    assert [op.record_id for op in ops] == ['1', '2']
    assert ops[0].after == dict(sub_domain='www', record_type='A', record_line=LINE, value='192.0.2.1', ttl=3600,
                                mx=0, weight=10, status='enabled', remark='')
    assert ops[0].before['ttl'] == 600
    client = FakeClient(current)
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert client.calls == [('modify', '1', '1', 'www', 'A', LINE, '192.0.2.1', 3600, None, 10),
                            ('modify', '1', '2', 'www', 'A', LINE, '192.0.2.2', 3600, None, None)]


def test_modify_keeps_the_current_form_of_the_value_and_mx():
    current = [rec(1, 'mail.example.com.', '@', 'MX', mx=5)]
    ops = recordset.plan_set(desired(['MAIL.example.com'], sub='@', rtype='MX', ttl=7200), current)
    assert actions(ops) == ['modify']
    assert ops[0].after['value'] == 'mail.example.com.' and ops[0].after['mx'] == 5
    ops = recordset.plan_set(desired(['mail.example.com.'], sub='@', rtype='MX', mx=20), current)
    assert ops[0].after['mx'] == 20 and ops[0].after['ttl'] == 600


def test_weight_change_modifies():
    ops = recordset.plan_set(desired(['192.0.2.1'], weight=0), [rec(1, '192.0.2.1', weight=None)])
    assert actions(ops) == ['modify'] and ops[0].after['weight'] == 0


def test_status_only_is_a_status_op_only():
    ops = recordset.plan_set(desired(['192.0.2.1'], status='disabled'), [rec(1, '192.0.2.1')])
    assert actions(ops) == ['status']
    assert ops[0].record_id == '1' and ops[0].before['status'] == 'enabled' and ops[0].after['status'] == 'disabled'
    client = FakeClient([rec(1, '192.0.2.1')])
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert client.calls == [('status', '1', '1', 'disabled')]


def test_status_and_remark_only():
    ops = recordset.plan_set(desired(['192.0.2.1'], status='disabled', remark='hi'), [rec(1, '192.0.2.1')])
    assert actions(ops) == ['status', 'remark']
    assert ops[1].after['remark'] == 'hi' and ops[1].after['status'] == 'disabled'


def test_remark_can_be_cleared_but_none_leaves_it():
    current = [rec(1, '192.0.2.1', remark='old')]
    assert actions(recordset.plan_set(desired(['192.0.2.1'], remark=''), current)) == ['remark']
    assert recordset.plan_set(desired(['192.0.2.1'], remark=None), current) == []


def test_new_disabled_record_is_created_disabled():
    # Record.Create carries the status: no Record.Status after it (and never enabled for a moment)
    client = FakeClient([])
    ops = recordset.plan_set(desired(['192.0.2.1'], status='disabled', remark='new'), [])
    assert actions(ops) == ['create', 'remark']
    assert ops[0].after['status'] == 'disabled' and ops[1].parent is ops[0]
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert [c[0] for c in client.calls] == ['create', 'remark']
    assert [op.to_dict()['record_id'] for op in ops] == ['1001', '1001']
    assert client.records[0]['status'] == 'disabled' and client.records[0]['remark'] == 'new'
    assert recordset.predict_after([], ops)[0]['status'] == 'disabled'


def test_modify_of_a_disabled_record_keeps_it_disabled():
    # the API's Record.Modify enables a record sent without status: the Modify sends the record's
    client = FakeClient([rec(1, '192.0.2.1', status='disabled')])
    ops = recordset.plan_set(desired(['192.0.2.1'], ttl=3600), client.records)
    assert actions(ops) == ['modify'] and ops[0].after['status'] == 'disabled'
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert client.records[0]['status'] == 'disabled' and client.records[0]['ttl'] == 3600


def test_new_enabled_record_needs_no_status_write():
    assert actions(recordset.plan_set(desired(['192.0.2.1'], status='enabled', remark=''), [])) == ['create']


def test_present_with_values_none_converges_fields_only():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2', ttl=60)]
    ops = recordset.plan_set(desired(None, ttl=60), current, replace=True)
    assert [(op.action, op.record_id) for op in ops] == [('modify', '1')]


# --- replace -------------------------------------------------------------------------------------

def test_replace_three_by_three_is_three_modifies():
    current = [rec(3, '192.0.2.9'), rec(1, '192.0.2.7'), rec(2, '192.0.2.8')]
    new = ['198.51.100.1', '198.51.100.2', '198.51.100.3']
    ops = recordset.plan_set(desired(new), current, replace=True)
    assert recordset.summarize(ops) == dict(modify=3, create=0, status=0, remark=0, remove=0)
    # Current sorted by id, missing values in the user's order.
    assert [(op.record_id, op.before['value'], op.after['value']) for op in ops] == [
        ('1', '192.0.2.7', '198.51.100.1'), ('2', '192.0.2.8', '198.51.100.2'), ('3', '192.0.2.9', '198.51.100.3')]


def test_replace_ids_sort_numerically():
    current = [rec(10, '192.0.2.10'), rec(9, '192.0.2.9')]
    ops = recordset.plan_set(desired(['198.51.100.1', '198.51.100.2']), current, replace=True)
    assert [op.record_id for op in ops] == ['9', '10']


def test_replace_more_and_fewer_values():
    grow = recordset.plan_set(desired(['a1', 'a2', 'a3'], rtype='TXT'), [rec(1, 'old', rtype='TXT')], replace=True)
    assert actions(grow) == ['modify', 'create', 'create']
    assert [op.after['value'] for op in grow] == ['a1', 'a2', 'a3']
    shrink = recordset.plan_set(desired(['keep'], rtype='TXT'),
                                [rec(1, 'keep', rtype='TXT'), rec(2, 'x', rtype='TXT'), rec(3, 'y', rtype='TXT')],
                                replace=True)
    assert [(op.action, op.record_id) for op in shrink] == [('remove', '2'), ('remove', '3')]


def test_replace_keeps_matching_records_and_reuses_the_rest():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, '192.0.2.3')]
    ops = recordset.plan_set(desired(['192.0.2.3', '192.0.2.4']), current, replace=True)
    assert [(op.action, op.record_id) for op in ops] == [('modify', '1'), ('remove', '2')]
    assert ops[0].after['value'] == '192.0.2.4'


def test_reuse_modify_carries_ttl_and_is_followed_by_status_and_remark():
    current = [rec(1, '192.0.2.1', ttl=600, status='enabled', remark='x')]
    ops = recordset.plan_set(desired(['192.0.2.2'], ttl=3600, status='disabled', remark='y'), current,
                             replace=True)
    assert actions(ops) == ['modify', 'status', 'remark']
    assert ops[0].after['value'] == '192.0.2.2' and ops[0].after['ttl'] == 3600
    assert ops[1].before['value'] == '192.0.2.2'     # the status write sees the modified record
    client = FakeClient(current)
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert recordset.plan_set(desired(['192.0.2.2'], ttl=3600, status='disabled', remark='y'), client.records,
                              replace=True) == []


def test_replace_never_grows_a_set_beyond_max_of_before_and_after():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2')]
    client = FakeClient(current)
    ops = recordset.plan_set(desired(['198.51.100.1', '198.51.100.2']), current, replace=True)
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert client.peak[('www', 'A', LINE)] == 2


# --- duplicates ----------------------------------------------------------------------------------

def test_duplicates_kept_without_replace_removed_with_it():
    current = [rec(5, '192.0.2.1'), rec(3, '192.0.2.1')]
    assert recordset.plan_set(desired(['192.0.2.1']), current) == []
    ops = recordset.plan_set(desired(['192.0.2.1']), current, replace=True)
    assert actions(ops) == ['remove'] and ops[0].record_id == '5'


def test_duplicates_by_key_and_the_first_gets_the_fields():
    current = [rec(2, 'Docs.example.com.', rtype='CNAME'), rec(1, 'docs.example.com', rtype='CNAME')]
    ops = recordset.plan_set(desired(['docs.example.com.'], rtype='CNAME', ttl=60), current, replace=True)
    assert [(op.action, op.record_id) for op in ops] == [('modify', '1'), ('remove', '2')]


def test_duplicates_are_reused_after_true_surplus():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.1'), rec(3, '192.0.2.9')]
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.5', '192.0.2.6']), current, replace=True)
    assert [(op.action, op.record_id, op.after['value']) for op in ops] == [
        ('modify', '3', '192.0.2.5'), ('modify', '2', '192.0.2.6')]


# --- absent --------------------------------------------------------------------------------------

def test_absent_with_and_without_values():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, 'txt', rtype='TXT'), rec(4, '192.0.2.2', 'mail')]
    ops = recordset.plan_set(desired(['192.0.2.2']), current, 'absent')
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]
    assert ops[0].after is None and ops[0].before['value'] == '192.0.2.2'
    assert [op.record_id for op in recordset.plan_set(desired(None), current, 'absent')] == ['1', '2']
    assert [op.record_id for op in recordset.plan_set(desired([]), current, 'absent')] == ['1', '2']
    assert recordset.plan_set(desired(['192.0.2.5']), current, 'absent') == []


def test_absent_removes_duplicates_too_and_ignores_other_fields():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.1')]
    ops = recordset.plan_set(desired(['192.0.2.1'], ttl=60, status='disabled'), current, 'absent')
    assert [(op.action, op.record_id) for op in ops] == [('remove', '1'), ('remove', '2')]


def test_unknown_state_is_refused():
    with pytest.raises(ValueError):
        recordset.plan_set(desired(['192.0.2.1']), [], 'gone')


# --- hold and other sets -------------------------------------------------------------------------

HOLDS = [rec(1, 'f1g1ns1.dnspod.net.', '@', 'NS', hold=True, ttl=86400),
         rec(2, 'f1g1ns2.dnspod.net.', '@', 'NS', hold=True, ttl=86400)]


def test_hold_records_are_never_in_an_operation():
    assert recordset.plan_set(desired(None, '@', 'NS'), HOLDS, 'absent') == []
    assert recordset.plan_set(desired(['f1g1ns1.dnspod.net.'], '@', 'NS'), HOLDS, 'absent') == []
    assert recordset.plan_set(desired(['f1g1ns1.dnspod.net.', 'F1G1NS2.dnspod.net'], '@', 'NS', ttl=600,
                                      status='disabled', remark='x'), HOLDS, replace=True) == []
    ops = recordset.plan_set(desired(['ns3.example.net.'], '@', 'NS'), HOLDS, replace=True)
    assert actions(ops) == ['create']
    assert recordset.plan_domain([], HOLDS, purge=True) == []
    assert recordset.plan_domain([desired(['ns3.example.net.'], '@', 'NS', ttl=60)], HOLDS, purge=True)[0].action \
        == 'create'


def test_a_value_a_hold_record_has_is_present_not_created_again():
    # Creating it would answer 104; the hold record itself is still never written.
    assert recordset.plan_set(desired(['f1g1ns1.dnspod.net.'], '@', 'NS'), HOLDS) == []
    ops = recordset.plan_set(desired(['f1g1ns1.dnspod.net.', 'ns3.example.net.'], '@', 'NS', ttl=60), HOLDS,
                             replace=True)
    assert [(op.action, op.after['value']) for op in ops] == [('create', 'ns3.example.net.')]


def test_records_of_other_sets_are_ignored_and_keys_are_case_insensitive():
    current = [rec(1, '192.0.2.1', 'WWW', 'a'), rec(2, '192.0.2.2', 'mail'), rec(3, '192.0.2.3', record_line='电信'),
               rec(4, '2001:db8::1', rtype='AAAA')]
    ops = recordset.plan_set(desired(['192.0.2.9']), current, replace=True)
    assert [(op.action, op.record_id) for op in ops] == [('modify', '1')]
    intl = [rec(5, '192.0.2.1', record_line='Default')]
    assert recordset.plan_set(desired(['192.0.2.1'], line='default'), intl) == []


# --- plan_domain ---------------------------------------------------------------------------------

def test_plan_domain_is_exact_per_listed_set_and_leaves_others_without_purge():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, '192.0.2.3', 'old')]
    ops = recordset.plan_domain([desired(['192.0.2.1'])], current)
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]


def test_purge_with_ignore():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2', 'old'), rec(3, 't', '_acme-challenge', 'TXT'),
               rec(4, 'ns.example.net.', '@', 'NS', hold=True), rec(5, 'v=spf1 -all', '@', 'TXT'),
               rec(6, '192.0.2.6', 'tel', record_line='电信')]
    ops = recordset.plan_domain([desired(['192.0.2.1'])], current, purge=True,
                                ignore=[{'sub_domain': '_acme-challenge'}, {'record_type': 'txt', 'sub_domain': '@'},
                                        {'record_line': '电信', 'sub_domain': None}])
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]
    everything = recordset.plan_domain([desired(['192.0.2.1'])], current, purge=True)
    assert [op.record_id for op in everything] == ['2', '3', '5', '6']
    assert recordset.plan_domain([desired(['192.0.2.1'])], current, purge=True, ignore=[{}]) == []
    assert recordset.plan_domain([desired(['192.0.2.1'])], current) == []


def test_purge_ignore_does_not_shield_a_listed_set():
    current = [rec(1, 't1', '_acme-challenge', 'TXT'), rec(2, 't2', '_acme-challenge', 'TXT')]
    ops = recordset.plan_domain([desired(['t1'], '_acme-challenge', 'TXT')], current, purge=True,
                                ignore=[{'sub_domain': '_acme-challenge'}])
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]


def test_plan_order_modify_create_meta_remove():
    current = [rec(1, 'a', rtype='TXT'), rec(2, 'b', rtype='TXT', remark='r'), rec(9, 'x', 'gone'),
               rec(10, '192.0.2.1', 'web', ttl=600)]
    ops = recordset.plan_domain([desired(['b', 'c', 'd'], rtype='TXT', remark='new'),
                                 desired(['192.0.2.1'], 'web', ttl=60)], current, purge=True)
    # a is reused for c, d is new; b and the reused record get their remark after the creates.
    assert actions(ops) == ['modify', 'modify', 'create', 'remark', 'remark', 'remark', 'remove']
    assert [op.record_id for op in ops[:2]] == ['1', '10'] and ops[2].after['value'] == 'd'
    assert ops[3].parent is ops[2]
    assert [op.record_id for op in ops[4:]] == ['2', '1', '9']
    assert ops[-1].record_id == '9'


def test_records_a_new_cname_conflicts_with_are_removed_first():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, 'x.example.net.', 'api', 'CNAME'),
               rec(4, '192.0.2.4', 'keep')]
    sets = [desired(['lb.example.net.'], rtype='CNAME'), desired(['192.0.2.8'], 'api'),
            desired(['192.0.2.9'], 'keep')]
    ops = recordset.plan_domain(sets, current, purge=True)
    assert [(op.action, op.record_id) for op in ops] == [
        ('remove', '1'), ('remove', '2'), ('remove', '3'), ('modify', '4'), ('create', None), ('create', None)]


# --- apply ---------------------------------------------------------------------------------------

def test_apply_returns_the_applied_operations_in_order():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2')]
    ops = recordset.plan_set(desired(['192.0.2.3', '192.0.2.4', '192.0.2.5'], status='disabled'), current,
                             replace=True)
    client = FakeClient(current)
    done = recordset.apply_operations(FakeAPI(client), '1', ops)
    assert done == ops and all(op.done for op in ops)
    # the new record is created disabled; the two reused ones get a Record.Status each
    assert [c[0] for c in client.calls] == ['modify', 'modify', 'create', 'status', 'status']
    assert ops[2].record_id == '1001' and [c[2] for c in client.calls[3:]] == ['1', '2']
    assert all(r['status'] == 'disabled' for r in client.records)


def test_partial_failure_reports_applied_and_pending():
    client = FakeClient([], fail_at=2)
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.2', '192.0.2.3']), [])
    with pytest.raises(recordset.PartialApplyError) as info:
        recordset.apply_operations(FakeAPI(client), '1', ops)
    error = info.value
    text = str(error)
    assert text.startswith('DNSPod API error on create: code 25: boom. ')
    assert '1 of 3 change(s) were applied' in text
    assert 'create www A 192.0.2.1 (id 1001)' in text
    assert 'not applied: create www A 192.0.2.2; create www A 192.0.2.3' in text
    assert 'Run the task again' in text
    assert isinstance(error.original, APIError)
    assert error.done == ops[:1] and error.pending == ops[1:]
    assert [op.done for op in ops] == [True, False, False]
    assert len(client.records) == 1


def test_partial_failure_of_a_create_leaves_its_follow_ups_pending():
    client = FakeClient([], fail_at=1)
    ops = recordset.plan_set(desired(['192.0.2.1'], remark='new'), [])
    with pytest.raises(recordset.PartialApplyError) as info:
        recordset.apply_operations(FakeAPI(client), '1', ops)
    assert '0 of 2 change(s)' in str(info.value) and info.value.done == []
    assert "remark www A 192.0.2.1 -> remark 'new'" in str(info.value)
    assert [c[0] for c in client.calls] == ['create']


def test_partial_failure_message_holds_record_data_only():
    client = FakeClient([rec(1, '192.0.2.1')], fail_at=1)
    ops = recordset.plan_set(desired(['192.0.2.2']), [rec(1, '192.0.2.1')], replace=True)
    with pytest.raises(recordset.PartialApplyError) as info:
        recordset.apply_operations(FakeAPI(client), '55', ops)
    assert 'modify www A 192.0.2.1 -> 192.0.2.2 (id 1)' in str(info.value)
    assert 'login_token' not in str(info.value)


# --- output helpers ------------------------------------------------------------------------------

def test_to_dict():
    ops = recordset.plan_set(desired(['192.0.2.2']), [rec(1, '192.0.2.1')], replace=True)
    d = ops[0].to_dict()
    assert d == dict(action='modify', record_id='1', before=ops[0].before, after=ops[0].after, done=False)
    d['after']['value'] = 'changed'
    assert ops[0].after['value'] == '192.0.2.2'


def test_summarize_counts_every_action():
    current = [rec(1, 'x', rtype='TXT'), rec(2, 'y', rtype='TXT'), rec(3, 'z', rtype='TXT')]
    ops = recordset.plan_set(desired(['a', 'b'], rtype='TXT', status='disabled'), current, replace=True)
    assert recordset.summarize(ops) == dict(modify=2, create=0, status=2, remark=0, remove=1)
    assert recordset.summarize([]) == dict(modify=0, create=0, status=0, remark=0, remove=0)


def test_diff_is_sorted_zone_lines():
    before = [rec(2, '192.0.2.2', 'www'), rec(1, 'mail.example.com.', '@', 'MX', mx=10, remark='m'),
              rec(3, 'ns.', '@', 'NS', hold=True)]
    after = [rec(1, '192.0.2.9', 'www', status='disabled')]
    d = recordset.diff(before, after)
    assert d['before'] == ('@ 600 IN MX 10 mail.example.com. ; line=默认 status=enabled remark=m\n'
                           'www 600 IN A 192.0.2.2 ; line=默认 status=enabled remark=\n')
    assert d['after'] == 'www 600 IN A 192.0.2.9 ; line=默认 status=disabled remark=\n'
    assert recordset.diff([], []) == {'before': '', 'after': ''}
    assert recordset.diff(before, list(reversed(before))) == {'before': d['before'], 'after': d['before']}


def test_predict_after_before_and_after_apply():
    current = [rec(1, '192.0.2.1'), rec(2, '192.0.2.2'), rec(3, '192.0.2.3', 'other')]
    ops = recordset.plan_set(desired(['192.0.2.1', '192.0.2.5', '192.0.2.6'], ttl=60, status='disabled'),
                             current)
    predicted = recordset.predict_after(current, ops)
    assert current[0]['ttl'] == 600                   # the input is not changed
    old = sorted((r['id'], r['value'], r['ttl'], r['status']) for r in predicted if r['id'] is not None)
    assert old == [('1', '192.0.2.1', 60, 'disabled'), ('2', '192.0.2.2', 600, 'enabled'),
                   ('3', '192.0.2.3', 600, 'enabled')]
    new = [r for r in predicted if r['id'] is None]
    assert sorted((r['value'], r['ttl'], r['status']) for r in new) == [
        ('192.0.2.5', 60, 'disabled'), ('192.0.2.6', 60, 'disabled')]
    client = FakeClient(current)
    recordset.apply_operations(FakeAPI(client), '1', ops)
    assert canonical(recordset.predict_after(current, ops)) == canonical(client.records)


# --- the property: apply a plan, plan again, nothing left to do ----------------------------------

TYPES = {
    'A': ['192.0.2.%d' % i for i in range(1, 7)],
    'AAAA': ['2001:db8::%x' % i for i in range(1, 6)],
    'TXT': ['v=spf1 -all', 'token-1', 'Token-1', 'a "b" c', 'x y'],
    'MX': ['mx%d.example.com' % i for i in range(1, 5)],
    'CNAME': ['lb%d.example.net' % i for i in range(1, 4)],
    'NS': ['f1g1ns1.dnspod.net', 'f1g1ns2.dnspod.net', 'ns3.example.net', 'ns4.example.net'],
}
SUBS = ['www', '@', '*.dev', '_acme']


def spelled(rnd, rtype, value):
    """The same value as a user or the API might spell it."""
    if rtype in ('MX', 'CNAME', 'NS'):
        return rnd.choice([value, value + '.', value.upper(), value.title() + '.'])
    if rtype == 'TXT':
        return rnd.choice([value, '"%s"' % value])
    if rtype == 'AAAA':
        return rnd.choice([value, value.upper(), ipaddress.IPv6Address(value).exploded])
    return value


def random_record(rnd, rid, rtype, sub, line=LINE):
    return rec(rid, stored_value(rtype, spelled(rnd, rtype, rnd.choice(TYPES[rtype]))), sub, rtype,
               record_line=line, ttl=rnd.choice([600, 3600]), mx=rnd.randint(1, 20) if rtype == 'MX' else 0,
               weight=rnd.choice([None, None, 0, 50]), status=rnd.choice(['enabled', 'disabled']),
               remark=rnd.choice(['', '', 'note']))


def random_desired(rnd, rtype, sub, absent=False, line=LINE):
    count = 1 if rtype == 'CNAME' else rnd.randint(0 if absent else 1, 4)
    values = [spelled(rnd, rtype, v) for v in rnd.sample(TYPES[rtype], count)]
    # What validation.validate_record_set hands over: normalised values.
    values = [names.normalize_value(rtype, v) for v in values]
    return DesiredSet(sub, rtype, line, values if values or not absent else rnd.choice([None, []]),
                      ttl=rnd.choice([None, 600, 3600, 60]),
                      mx=rnd.choice([None, 5, 10]) if rtype == 'MX' else None,
                      weight=rnd.choice([None, 0, 50]), status=rnd.choice([None, 'enabled', 'disabled']),
                      remark=rnd.choice([None, '', 'note', 'other']))


def canonical(records):
    return sorted((str(r['id']), r['sub_domain'], r['record_type'], r['record_line'],
                   names.value_key(r['record_type'], r['value']), r['ttl'], r['mx'], r['weight'], r['status'],
                   r['remark'] or '') for r in records)


def random_domain(rnd):
    records = list(HOLDS)
    rid = 100
    for dummy in range(rnd.randint(0, 12)):
        rid += rnd.randint(1, 3)
        rtype = rnd.choice(sorted(TYPES))
        sub = rnd.choice(SUBS)
        records.append(random_record(rnd, rid, rtype, sub, rnd.choice([LINE, LINE, LINE, '电信'])))
    return records


def apply_and_check(current, ops, replan):
    hold_ids = set(r['id'] for r in current if r.get('hold'))
    assert not any(op.record_id in hold_ids for op in ops)
    client = FakeClient(current)
    try:
        recordset.apply_operations(FakeAPI(client), '1', ops)
    except recordset.PartialApplyError as exc:   # pragma: no cover - shows the failing write
        raise AssertionError('%s\nplan: %r' % (exc, ops))
    assert replan(client.records) == []
    assert canonical(recordset.predict_after(current, ops)) == canonical(client.records)
    assert [r for r in client.records if r.get('hold')] == [r for r in current if r.get('hold')]
    # Nothing but the planned writes happened, each at most once per record and action.
    assert len(client.calls) == len(ops)
    return client


@pytest.mark.parametrize('seed', range(600))
def test_applying_a_set_plan_converges(seed):
    rnd = random.Random(seed)
    rtype = rnd.choice(sorted(TYPES))
    sub = rnd.choice(SUBS)
    current = random_domain(rnd)
    rid = 500
    for dummy in range(rnd.randint(0, 5)):      # the set itself, duplicates likely
        rid += 1
        current.append(random_record(rnd, rid, rtype, sub))
    state = 'absent' if rnd.random() < 0.25 else 'present'
    replace = rnd.random() < 0.5
    want = random_desired(rnd, rtype, sub, absent=state == 'absent')
    if rtype == 'MX' and state == 'present' and want.mx is None:
        try:
            ops = recordset.plan_set(want, current, state=state, replace=replace)
        except ValidationError as exc:
            assert exc.parameter == 'mx'
            want.mx = 10
    ops = recordset.plan_set(want, current, state=state, replace=replace)
    mine = [r for r in current if recordset.record_key(r) == want.key and not r.get('hold')]
    client = apply_and_check(current, ops, lambda records: recordset.plan_set(want, records, state, replace))

    after = [r for r in client.records if recordset.record_key(r) == want.key and not r.get('hold')]
    others_before = [r for r in current if recordset.record_key(r) != want.key]
    others_after = [r for r in client.records if recordset.record_key(r) != want.key]
    assert canonical(others_after) == canonical(others_before)

    def keys(records):
        return [names.value_key(rtype, r['value']) for r in records]
    wanted = set(keys([dict(value=v) for v in want.values or []]))
    held = set(keys([r for r in current if recordset.record_key(r) == want.key and r.get('hold')]))
    if state == 'present':
        assert wanted <= set(keys(after)) | held
        kept = {}
        for r in sorted(after, key=lambda r: int(r['id']), reverse=True):
            kept[names.value_key(rtype, r['value'])] = r     # the lowest id wins
        for key, r in kept.items():
            if key in wanted and key not in held:      # beside a hold record a record is a duplicate
                assert want.ttl is None or r['ttl'] == want.ttl
                assert want.status is None or r['status'] == want.status
                assert want.remark is None or r['remark'] == want.remark
        if replace:
            assert sorted(keys(after)) == sorted(wanted - held)
        else:
            assert set(keys(mine)) <= set(keys(after))
        # Never more records in the set at once than before or after.
        assert client.peak.get(want.key, 0) <= max(len(mine), len(after))
    elif want.values:
        assert not wanted & set(keys(after))
        assert sorted(keys(after)) == sorted(k for k in keys(mine) if k not in wanted)
    else:
        assert after == []


@pytest.mark.parametrize('seed', range(300))
def test_applying_a_domain_plan_converges(seed):
    rnd = random.Random(10000 + seed)
    current = random_domain(rnd)
    sets = {}
    for dummy in range(rnd.randint(0, 4)):
        rtype = rnd.choice(sorted(TYPES))
        sub = rnd.choice(SUBS)
        if any(k[0] == sub and ('CNAME' in (k[1], rtype)) for k in sets):
            continue        # validation.check_cname_conflicts refuses these
        want = random_desired(rnd, rtype, sub)
        if rtype == 'MX':
            want.mx = want.mx or 10
        sets.setdefault(want.key, want)
    sets = list(sets.values())
    purge = rnd.random() < 0.5
    ignore = rnd.choice([(), [{'sub_domain': '_acme'}], [{'record_type': 'TXT', 'record_line': '电信'}]])
    ops = recordset.plan_domain(sets, current, purge=purge, ignore=ignore)
    client = apply_and_check(current, ops, lambda records: recordset.plan_domain(sets, records, purge, ignore))
    listed = set(d.key for d in sets)
    for r in client.records:
        if recordset.record_key(r) not in listed and purge:
            assert r.get('hold') or recordset._ignored(r, ignore)
    for d in sets:
        got = sorted(names.value_key(d.record_type, r['value']) for r in client.records
                     if recordset.record_key(r) == d.key and not r.get('hold'))
        held = set(names.value_key(d.record_type, r['value']) for r in current
                   if recordset.record_key(r) == d.key and r.get('hold'))
        assert got == sorted(set(names.value_key(d.record_type, v) for v in d.values) - held)
        assert client.peak.get(d.key, 0) <= max(
            len([r for r in current if recordset.record_key(r) == d.key and not r.get('hold')]), len(got))


# --- primary and backup MX: a priority per value; SRV values differ by priority/weight/port -------

def mx_set(pairs, sub='@', **extra):
    """An MX DesiredSet whose values carry their priority, as record_module.desired_set builds it
    from '10 mx1.example.com' (pairs of (host, priority or None))."""
    values = [names.normalize_value('MX', host) for host, dummy in pairs]
    priorities = dict((names.value_key('MX', host), p) for host, p in pairs if p is not None)
    return DesiredSet(sub, 'MX', LINE, values, priorities=priorities, **extra)


def mx_state(records):
    return sorted((r['value'], r['mx']) for r in records if r['record_type'] == 'MX')


def test_primary_and_backup_mx_are_created_with_their_own_priority():
    want = mx_set([('mx1.example.com', 10), ('mx2.example.com', 20)])
    ops = recordset.plan_set(want, [])
    assert [(op.action, op.after['value'], op.after['mx']) for op in ops] == [
        ('create', 'mx1.example.com.', 10), ('create', 'mx2.example.com.', 20)]
    client = FakeClient([])
    recordset.apply_operations(FakeAPI(client), '7', ops)
    assert mx_state(client.records) == [('mx1.example.com.', 10), ('mx2.example.com.', 20)]
    assert recordset.plan_set(want, client.records) == []
    assert recordset.plan_set(want, client.records, replace=True) == []


def test_own_priority_wins_over_the_set_mx():
    want = mx_set([('mx1.example.com', None), ('mx2.example.com', 20)], mx=10)
    assert want.mx_for('MX1.example.com') == 10 and want.mx_for('mx2.example.com.') == 20
    assert want.own_mx('mx1.example.com.') is None and want.own_mx('mx2.example.com') == 20
    ops = recordset.plan_set(want, [])
    assert sorted((op.after['value'], op.after['mx']) for op in ops) == [
        ('mx1.example.com.', 10), ('mx2.example.com.', 20)]


def test_changed_priority_of_one_value_is_one_modify():
    current = [rec(1, 'mx1.example.com.', '@', 'MX', mx=10), rec(2, 'mx2.example.com.', '@', 'MX', mx=10)]
    ops = recordset.plan_set(mx_set([('mx1.example.com', 10), ('mx2.example.com', 20)]), current)
    assert [(op.action, op.record_id, op.after['mx']) for op in ops] == [('modify', '2', 20)]
    assert ops[0].after['value'] == 'mx2.example.com.'


def test_replace_reuses_a_record_for_the_backup_with_its_priority():
    current = [rec(1, 'mx1.example.com.', '@', 'MX', mx=10), rec(2, 'old.example.com.', '@', 'MX', mx=5)]
    ops = recordset.plan_set(mx_set([('mx1.example.com', 10), ('mx2.example.com', 20)]), current, replace=True)
    assert [(op.action, op.record_id, op.after['value'], op.after['mx']) for op in ops] == [
        ('modify', '2', 'mx2.example.com.', 20)]


def test_absent_with_a_priority_removes_only_that_record():
    current = [rec(1, 'mx1.example.com.', '@', 'MX', mx=10), rec(2, 'mx2.example.com.', '@', 'MX', mx=20)]
    assert recordset.plan_set(mx_set([('mx2.example.com', 10)]), current, 'absent') == []
    ops = recordset.plan_set(mx_set([('mx2.example.com', 20)]), current, 'absent')
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]
    # Without a priority of its own the value removes its record whatever the priority (the set's
    # mx selects nothing, as before).
    ops = recordset.plan_set(mx_set([('mx2.example.com', None)], mx=10), current, 'absent')
    assert [(op.action, op.record_id) for op in ops] == [('remove', '2')]


def test_merge_sets_makes_one_set_of_items_that_differ_by_mx():
    primary = mx_set([('mx1.example.com', None)], mx=10, ttl=3600)
    backup = mx_set([('mx2.example.com', None), ('mx3.example.com', 30)], mx=20)
    other = DesiredSet('www', 'A', LINE, ['192.0.2.1'])
    merged = recordset.merge_sets([primary, other, backup])
    assert merged[1] is other and len(merged) == 2
    mx = merged[0]
    assert mx.values == ['mx1.example.com.', 'mx2.example.com.', 'mx3.example.com.']
    assert [mx.mx_for(v) for v in mx.values] == [10, 20, 30]
    assert mx.ttl == 3600 and mx.mx is None
    # The inputs are not changed.
    assert primary.values == ['mx1.example.com.'] and backup.mx == 20


def test_plan_domain_keeps_primary_and_backup_mx_under_purge():
    sets = [mx_set([('mx1.example.com', None)], mx=10), mx_set([('mx2.example.com', None)], mx=20)]
    ops = recordset.plan_domain(sets, list(HOLDS), purge=True)
    assert sorted((op.action, op.after['value'], op.after['mx']) for op in ops) == [
        ('create', 'mx1.example.com.', 10), ('create', 'mx2.example.com.', 20)]
    client = FakeClient(HOLDS)
    recordset.apply_operations(FakeAPI(client), '7', ops)
    assert recordset.plan_domain(sets, client.records, purge=True) == []
    # The same set written as values that carry their priority: also converged.
    carried = [mx_set([('mx1.example.com', 10), ('mx2.example.com', 20)])]
    assert recordset.plan_domain(carried, client.records, purge=True) == []
    # A purge without the backup listed removes it, and only it.
    ops = recordset.plan_domain(sets[:1], client.records, purge=True)
    assert [(op.action, op.before['value']) for op in ops] == [('remove', 'mx2.example.com.')]


def test_diff_shows_each_mx_record_with_its_own_priority():
    want = mx_set([('mx1.example.com', 10), ('mx2.example.com', 20)])
    ops = recordset.plan_set(want, [])
    d = recordset.diff([], recordset.predict_after([], ops))
    assert d['after'] == ('@ 600 IN MX 10 mx1.example.com. ; line=默认 status=enabled remark=\n'
                          '@ 600 IN MX 20 mx2.example.com. ; line=默认 status=enabled remark=\n')


def test_srv_values_that_differ_by_priority_weight_or_port_are_distinct():
    current = [rec(1, '10 5 5060 sip.example.com.', '_sip._tcp', 'SRV')]
    values = [names.normalize_value('SRV', v) for v in (
        '010 5 5060 SIP.example.com', '20 5 5060 sip.example.com', '10 6 5060 sip.example.com',
        '10 5 5061 sip.example.com.')]
    ops = recordset.plan_set(desired(values, '_sip._tcp', 'SRV'), current)
    assert [(op.action, op.after['value']) for op in ops] == [
        ('create', '20 5 5060 sip.example.com.'), ('create', '10 6 5060 sip.example.com.'),
        ('create', '10 5 5061 sip.example.com.')]
    client = FakeClient(current)
    recordset.apply_operations(FakeAPI(client), '7', ops)
    assert len(client.records) == 4
    assert recordset.plan_set(desired(values, '_sip._tcp', 'SRV'), client.records, replace=True) == []
    # A new port for the one record: a Modify of it, not a second record.
    ops = recordset.plan_set(desired(['10 5 5070 sip.example.com.'], '_sip._tcp', 'SRV'), current, replace=True)
    assert [(op.action, op.record_id, op.after['value']) for op in ops] == [
        ('modify', '1', '10 5 5070 sip.example.com.')]


@pytest.mark.parametrize('seed', range(200))
def test_mx_sets_with_priorities_per_value_converge(seed):
    rnd = random.Random(50000 + seed)
    current = list(HOLDS)
    for rid, host in enumerate(rnd.sample(TYPES['MX'], rnd.randint(0, 4)), 100):
        current.append(rec(rid, stored_value('MX', host), '@', 'MX', mx=rnd.randint(1, 20)))
    pairs = [(spelled(rnd, 'MX', host), rnd.choice([None, rnd.randint(1, 20)]))
             for host in rnd.sample(TYPES['MX'], rnd.randint(1, 4))]
    mx = rnd.choice([None, 10])
    if mx is None:
        pairs = [(host, p or 5) for host, p in pairs]
    # As dnspod_records may get them: the set in one item, or one item per value.
    sets = [mx_set(pairs, mx=mx)] if rnd.random() < 0.5 else [mx_set([pair], mx=mx) for pair in pairs]
    replace = rnd.random() < 0.5
    if len(sets) == 1 and not replace:
        ops = recordset.plan_set(sets[0], current)
        client = apply_and_check(current, ops, lambda records: recordset.plan_set(sets[0], records))
    else:
        purge = rnd.random() < 0.5
        ops = recordset.plan_domain(sets, current, purge=purge)
        client = apply_and_check(current, ops, lambda records: recordset.plan_domain(sets, records, purge))
    got = dict((names.value_key('MX', r['value']), r['mx']) for r in client.records if r['record_type'] == 'MX')
    for host, priority in pairs:
        assert got[names.value_key('MX', host)] == (priority if priority is not None else mx)


def test_a_replaced_by_a_url_record_is_removed_first():
    # A and URL records cannot share a name and line (code 31): the old A goes before the URL is created
    current = [rec(1, '192.0.2.1')]
    sets = [recordset.DesiredSet('www', 'URL', LINE, ['http://example.org/'])]
    ops = recordset.plan_domain(sets, current, purge=True)
    assert [(op.action, (op.after or op.before)['record_type']) for op in ops] == [('remove', 'A'), ('create', 'URL')]


@pytest.mark.parametrize('record, wanted', [
    (rec(1, '192.0.2.1'), desired(['192.0.2.1'])),
    (rec(1, '192.0.2.1'), desired(['192.0.2.1'], ttl=600, weight=None)),
    (rec(1, '192.0.2.1'), desired(['192.0.2.1'], ttl=60)),
    (rec(1, '192.0.2.1'), desired(['192.0.2.1'], weight=5, status='disabled', remark='note')),
    (rec(1, '192.0.2.1', status='disabled', remark='x'), desired(['192.0.2.1'], status='enabled', remark='')),
    (rec(1, '192.0.2.1'), desired(['192.0.2.2'])),
    (rec(1, 'Mail.Example.com.', rtype='MX', mx=10), desired(['mail.example.com'], rtype='MX', mx=20)),
    (rec(1, 'mail.example.com.', rtype='MX', mx=10),
     DesiredSet('www', 'MX', LINE, ['mail.example.com'], priorities={'mail.example.com': 5})),
    (rec(1, '192.0.2.1', hold=True), desired(['192.0.2.1'])),
    (rec(1, '192.0.2.1', sub='WWW'), desired(['192.0.2.1'])),
    (rec(1, '192.0.2.1', sub='other'), desired(['192.0.2.1'])),
])
def test_one_record_one_value_plans_as_the_general_steps(record, wanted):
    """plan_set's shortcut for a set of one record and one value (a converged zone's usual set)
    plans what its general steps plan: a record of another set beside it (which plan_set leaves
    out) makes it take the general steps."""
    other = rec(99, '198.51.100.1', sub='elsewhere')
    short = recordset.plan_set(wanted, [record], 'present', replace=True)
    general = recordset.plan_set(wanted, [record, other], 'present', replace=True)
    assert [op.to_dict() for op in short] == [op.to_dict() for op in general]
    assert [op.parent is None for op in short] == [op.parent is None for op in general]
