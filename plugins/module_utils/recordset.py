# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Record sets: desired state vs. current records -> the smallest list of writes, and applying it.

A record set is (sub_domain, record_type, record_line). Fields left None in the desired set are
left as they are. A Modify always sends every field of the record (the API renames a record sent
without sub_domain to '@'). Records to drop are reused for values to add before anything is
created or removed. System ('hold') records are never in any operation.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names

ACTIONS = ('modify', 'create', 'status', 'remark', 'remove')
DEFAULT_TTL = 600


class DesiredSet(object):
    def __init__(self, sub_domain, record_type, record_line, values, ttl=None, mx=None, weight=None,
                 status=None, remark=None):
        self.sub_domain = sub_domain
        self.record_type = record_type
        self.record_line = record_line
        self.values = values
        self.ttl = ttl
        self.mx = mx
        self.weight = weight
        self.status = status
        self.remark = remark

    @property
    def key(self):
        return set_key(self.sub_domain, self.record_type, self.record_line)


def set_key(sub_domain, record_type, record_line):
    return (str(sub_domain).lower(), str(record_type).upper(), str(record_line).lower())


def record_key(record):
    return set_key(record['sub_domain'], record['record_type'], record['record_line'])


class Operation(object):
    """One write. `after` holds the record's fields after the write; `parent` links the status or
    remark write of a new record to its create."""

    def __init__(self, action, record_id=None, before=None, after=None, parent=None):
        self.action = action
        self.record_id = record_id
        self.before = before
        self.after = after
        self.parent = parent
        self.done = False

    def target_id(self):
        return self.parent.record_id if self.parent is not None else self.record_id

    def to_dict(self):
        return dict(action=self.action, record_id=self.target_id(), before=self.before, after=self.after,
                    done=self.done)


class PartialApplyError(Exception):
    def __init__(self, original, done, pending):
        self.original = original
        self.done = done
        self.pending = pending
        super(PartialApplyError, self).__init__(str(self))

    def __str__(self):
        return ('%s. %d of %d change(s) were applied before the error (%s); not applied: %s. '
                'Run the task again to converge.' % (
                    self.original, len(self.done), len(self.done) + len(self.pending),
                    describe(self.done) or 'none', describe(self.pending) or 'none'))


def describe(operations):
    parts = []
    for op in operations:
        rec = op.after or op.before or {}
        parts.append('%s %s %s %s' % (op.action, rec.get('sub_domain'), rec.get('record_type'), rec.get('value')))
    return '; '.join(parts)


FIELDS = ('sub_domain', 'record_type', 'record_line', 'value', 'ttl', 'mx', 'weight', 'status', 'remark')


def _fields(record):
    return dict((k, record.get(k)) for k in FIELDS)


def _modify(record, desired, value):
    after = _fields(record)
    after['value'] = value
    if desired.ttl is not None:
        after['ttl'] = desired.ttl
    if desired.mx is not None:
        after['mx'] = desired.mx
    if desired.weight is not None:
        after['weight'] = desired.weight
    same_value = names.value_key(desired.record_type, value) == names.value_key(desired.record_type, record['value'])
    changed = not same_value or any(after[k] != record.get(k) for k in ('ttl', 'mx', 'weight'))
    return Operation('modify', record['id'], _fields(record), after) if changed else None


def _meta(record, desired, parent=None):
    ops = []
    current_status = record.get('status', 'enabled') if record else 'enabled'
    current_remark = record.get('remark', '') if record else ''
    if desired.status is not None and desired.status != current_status:
        ops.append(Operation('status', record and record['id'], {'status': current_status},
                             {'status': desired.status}, parent))
    if desired.remark is not None and desired.remark != current_remark:
        ops.append(Operation('remark', record and record['id'], {'remark': current_remark},
                             {'remark': desired.remark}, parent))
    return ops


def _create(desired, value):
    after = dict(sub_domain=desired.sub_domain, record_type=desired.record_type, record_line=desired.record_line,
                 value=value, ttl=desired.ttl, mx=desired.mx, weight=desired.weight, status='enabled', remark='')
    op = Operation('create', None, None, after)
    return [op] + _meta(None, desired, parent=op)


def _sorted(records):
    return sorted(records, key=lambda r: (len(str(r['id'])), str(r['id'])))


def plan_set(desired, current, state='present', replace=False):
    records = _sorted(r for r in current if not r.get('hold') and record_key(r) == desired.key)
    rtype = desired.record_type
    if state == 'absent':
        if not desired.values:
            return [Operation('remove', r['id'], _fields(r)) for r in records]
        drop = set(names.value_key(rtype, v) for v in desired.values)
        return [Operation('remove', r['id'], _fields(r)) for r in records if names.value_key(rtype, r['value']) in drop]

    first = {}
    duplicates = []
    for r in records:
        key = names.value_key(rtype, r['value'])
        if key in first:
            duplicates.append(r)
        else:
            first[key] = r
    wanted = []
    for v in desired.values or []:
        if names.value_key(rtype, v) not in [names.value_key(rtype, w) for w in wanted]:
            wanted.append(v)
    wanted_keys = set(names.value_key(rtype, v) for v in wanted)
    missing = [v for v in wanted if names.value_key(rtype, v) not in first]
    surplus = [r for r in records if r not in duplicates and names.value_key(rtype, r['value']) not in wanted_keys]

    modifies, creates, metas, removes = [], [], [], []
    for v in wanted:
        record = first.get(names.value_key(rtype, v))
        if record is not None:
            op = _modify(record, desired, record['value'])
            if op:
                modifies.append(op)
            metas.extend(_meta(record, desired))
    if replace:
        surplus = surplus + duplicates
        reused = list(zip(surplus, missing))
        for record, v in reused:
            modifies.append(_modify(record, desired, v))
            metas.extend(_meta(record, desired))
        for v in missing[len(reused):]:
            creates.extend(_create(desired, v))
        removes = [Operation('remove', r['id'], _fields(r)) for r in surplus[len(reused):]]
    else:
        for v in missing:
            creates.extend(_create(desired, v))
    return modifies + creates + metas + removes


def _ignored(record, ignore):
    for rule in ignore or ():
        if all(str(record.get(k, '')).lower() == str(v).lower() for k, v in rule.items() if v is not None):
            return True
    return False


def plan_domain(desired_sets, current, purge=False, ignore=()):
    by_key = {}
    for r in current:
        by_key.setdefault(record_key(r), []).append(r)
    operations = []
    for desired in desired_sets:
        operations.extend(plan_set(desired, by_key.get(desired.key, []), 'present', replace=True))
    if purge:
        listed = set(d.key for d in desired_sets)
        for r in _sorted(current):
            if not r.get('hold') and record_key(r) not in listed and not _ignored(r, ignore):
                operations.append(Operation('remove', r['id'], _fields(r)))
    # Modifies first, then creates with their follow-ups, then status/remark, then removes.
    order = dict((a, i) for i, a in enumerate(ACTIONS))
    return sorted(operations, key=lambda op: order['create'] if op.parent is not None else order[op.action])


def apply_operations(client, domain_id, operations):
    done = []
    for index, op in enumerate(operations):
        try:
            a = op.after
            if op.action == 'create':
                op.record_id = client.create_record(domain_id, a['sub_domain'], a['record_type'], a['record_line'],
                                                    a['value'], ttl=a['ttl'], mx=a['mx'], weight=a['weight'])
            elif op.action == 'modify':
                client.modify_record(domain_id, op.record_id, a['sub_domain'], a['record_type'], a['record_line'],
                                     a['value'], ttl=a['ttl'], mx=a['mx'] if a['record_type'] == 'MX' else None,
                                     weight=a['weight'])
            elif op.action == 'remove':
                client.remove_record(domain_id, op.record_id)
            elif op.action == 'status':
                client.set_record_status(domain_id, op.target_id(), a['status'])
            elif op.action == 'remark':
                client.set_record_remark(domain_id, op.target_id(), a['remark'])
        except Exception as exc:
            raise PartialApplyError(exc, done, operations[index:])
        op.done = True
        done.append(op)
    return done


def predict_after(current, operations):
    """The records once the operations are applied (created records get their id when applied)."""
    records = [dict(r) for r in current]
    by_id = dict((r['id'], r) for r in records)
    created = {}
    for op in operations:
        if op.action == 'create':
            a = op.after
            new = dict(id=op.record_id, sub_domain=a['sub_domain'], record_type=a['record_type'],
                       record_line=a['record_line'], record_line_id=None, value=a['value'],
                       ttl=a['ttl'] if a['ttl'] is not None else DEFAULT_TTL,
                       mx=a['mx'] if a['mx'] is not None else 0, weight=a['weight'], status='enabled', remark='',
                       hold=False, monitor_status='', updated_on='')
            records.append(new)
            created[id(op)] = new
        elif op.action == 'remove':
            records = [r for r in records if r['id'] != op.record_id]
        else:
            target = created.get(id(op.parent)) if op.parent is not None else by_id.get(op.record_id)
            if target is not None:
                target.update(dict((k, v) for k, v in op.after.items() if v is not None or k == 'weight'))
    return records


def summarize(operations):
    counts = dict((a, 0) for a in ACTIONS)
    for op in operations:
        counts[op.action] += 1
    return counts


def zone_line(record):
    mx = ' %s' % record.get('mx') if record.get('record_type') == 'MX' else ''
    return '%s %s IN %s%s %s ; line=%s status=%s remark=%s' % (
        record.get('sub_domain'), record.get('ttl'), record.get('record_type'), mx, record.get('value'),
        record.get('record_line'), record.get('status'), record.get('remark') or '')


def diff(before_records, after_records):
    def text(records):
        lines = sorted(zone_line(r) for r in records if not r.get('hold'))
        return '\n'.join(lines) + ('\n' if lines else '')
    return {'before': text(before_records), 'after': text(after_records)}
