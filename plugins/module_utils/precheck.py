# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Refusals the API would give a plan, predicted from the listing before the first write.

Both checks work on the records the module has already listed and on the plan's operations, so
they cost no call, and check mode fails exactly where a real run would be refused:

* the grade's round-robin limit (Record.Create/Modify code 25 in document 004, 500025 for A and
  500026 for CNAME in the later documents and live answers): how many *enabled* records one
  (sub_domain, type, line) set of type A, AAAA or CNAME may hold. Checked write by write, in the
  plan's order, because the API checks each write and not the end state;
* A, CNAME and URL records cannot share a name and line (Record.Create code 31 "存在冲突的记录
  (A记录、CNAME记录、URL记录不能共存)" in the later documents). The CNAME rule against every other
  type is validation.check_cname_records.

The limit is known only for the grades in ROUND_ROBIN_LIMITS; for any other grade nothing is
predicted and the API decides. See docs/architecture.md ("Refusals predicted before writing").
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import URL_TYPES, ValidationError

# Enabled records per round-robin set. Only what the evidence gives: document 004 (Record.Ddns code
# 25: "免费套餐域名只能存在两条轮循记录", the free grade holds two round-robin records) and live
# reports of the free grade refusing the third record (NewFuture/DDNS issue 270, gdy666/lucky
# issue 6). The paid grades' numbers are not documented (Domain.Purview's sample says 4 for a
# grade it does not name): the API decides there.
ROUND_ROBIN_LIMITS = {'D_Free': 2, 'DP_Free': 2}
ROUND_ROBIN_TYPES = ('A', 'AAAA', 'CNAME')
# Record.Create 31 of the later documents: these types cannot share a name and line.
EXCLUSIVE_TYPES = ('A', 'CNAME') + tuple(URL_TYPES)


def _set_of(record):
    return (str(record.get('sub_domain')).lower(), str(record.get('record_type')).upper(),
            str(record.get('record_line')).lower())


def _enabled(record):
    return (record.get('status') or 'enabled') == 'enabled'


def _counted(record):
    return str(record.get('record_type')).upper() in ROUND_ROBIN_TYPES and _enabled(record)


def _refusal(parameter, record, count, limit, grade):
    return ValidationError(parameter, (
        'the set %s %s (line %s) would hold %d enabled records, but the round-robin limit of the domain\'s '
        'grade %s is %d (the API refuses the write with code 25, or 500025/500026); nothing was written. '
        'Give at most %d values, disable the others (status: disabled), or upgrade the grade'
        % (record.get('sub_domain'), record.get('record_type'), record.get('record_line'), count, grade,
           limit, limit)))


def check_round_robin(current, operations, grade, parameter=lambda record: 'value'):
    """Walk the plan write by write over ``current`` (canonical records, at least those of every
    set the plan writes) and raise ValidationError(parameter(record), ...) at the first write that
    would leave more enabled A/AAAA/CNAME records in one set than the grade allows: a create or a
    modify of an enabled record, or a Record.Status that enables one. A disabled record is not
    counted (the later documents: with status "disable" the limit is not checked). Does nothing
    for a grade not in ROUND_ROBIN_LIMITS."""
    limit = ROUND_ROBIN_LIMITS.get(grade)
    if limit is None:
        return
    records = {}
    # enabled A/AAAA/CNAME records per set, kept up to date with ``records`` (a count per write
    # instead of a walk over every record: linear in the plan, which 5,000 creates made quadratic)
    counts = {}

    def put(rid, record):
        drop(rid)
        records[rid] = record
        if _counted(record):
            key = _set_of(record)
            counts[key] = counts.get(key, 0) + 1

    def drop(rid):
        old = records.pop(rid, None)
        if old is not None and _counted(old):
            counts[_set_of(old)] -= 1

    for r in current:
        if not r.get('hold'):
            put(r.get('id'), dict(r))

    def count(key, exclude):
        held = records.get(exclude) if exclude is not None else None
        mine = 1 if held is not None and _counted(held) and _set_of(held) == key else 0
        return counts.get(key, 0) - mine

    def check(record, exclude):
        if _counted(record):
            total = count(_set_of(record), exclude) + 1
            if total > limit:
                raise _refusal(parameter(record), record, total, limit, grade)

    for op in operations:
        a = op.after
        if op.action == 'create':
            new = dict(a, status=a.get('status') or 'enabled')
            check(new, None)
            put(('new', id(op)), new)
        elif op.action == 'remove':
            drop(op.record_id)
        elif op.action in ('modify', 'status'):
            rid = op.record_id if op.parent is None else ('new', id(op.parent))
            old = records.get(rid)
            if old is None:
                continue
            new = dict(old)
            if op.action == 'modify':
                new.update((k, a[k]) for k in ('sub_domain', 'record_type', 'record_line', 'value', 'status')
                           if a.get(k) is not None)
            else:
                new['status'] = a.get('status')
            # Enabling, or moving an enabled record into another set, is what the limit refuses.
            if _counted(new) and not (_counted(old) and _set_of(old) == _set_of(new)
                                      and op.action == 'status'):
                check(new, rid)
            put(rid, new)


def check_exclusive_types(records, touched, parameter=lambda key: 'record_type'):
    """The end state of a plan (canonical records) at every (sub_domain, line) in ``touched``: no
    A, CNAME or URL record beside a record of another of these types. Raises
    ValidationError(parameter(key), ...)."""
    groups = {}
    for record in records:
        key = (str(record.get('sub_domain')).lower(), str(record.get('record_line')).lower())
        rtype = str(record.get('record_type')).upper()
        if key in touched and rtype in EXCLUSIVE_TYPES:
            groups.setdefault(key, {}).setdefault(rtype, record)
    for key in sorted(groups):
        types = groups[key]
        if len(types) < 2:
            continue
        first = types[sorted(types)[0]]
        raise ValidationError(parameter(key), (
            'A, CNAME and URL records cannot share a sub_domain and line (the API refuses it with code 31), '
            'and %s (line %s) would hold %s; nothing was written. Choose another sub_domain or record_type, '
            'or remove the other records first' % (
                first.get('sub_domain'), first.get('record_line'),
                ' and '.join('%s %s' % (t, types[t].get('value')) for t in sorted(types)))))
