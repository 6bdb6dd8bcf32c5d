# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Record sets: desired state vs. current records -> the smallest list of writes, and applying it.

A record set is (sub_domain, record_type, record_line); its values form a list. Rules:

* a current value equals a desired one when their ``names.value_key`` are equal;
* fields left None in the desired set are left as they are;
* a Modify always sends every field of the record (the API renames a record sent without
  ``sub_domain`` to '@'), taking the record's current values for fields the user left None;
* with ``replace`` the records to drop are reused (Modify) for the values to add, so a set is
  never bigger than max(records before, records after) while the plan runs;
* of several records with the same value (duplicates) the one with the lowest id is kept (a hold
  record is always the one kept);
* system ('hold') records are never in any operation (a desired value a hold record already
  has counts as present; its ttl/status/remark are not compared);
* nothing is written that is already so (the API treats unchanged writes as abuse);
* an MX value is its host: each value has its own priority (``DesiredSet.mx_for``), compared
  and written like the ttl, so a primary and a backup mail server are two values of one set.

A Create carries the record's status and a Modify the record's current status (the API's default
for both is "enable"); a status change of an existing record is its own Record.Status write.

Order of a plan: modifies, then creates (each directly followed by the remark write of the new
record), then status/remark writes of existing records, then removes. In
``plan_domain`` the removes a new CNAME conflicts with (other types on its name and line, or the
reverse) come first.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import precheck
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError, DNSPodTransportError
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

ACTIONS = ('modify', 'create', 'status', 'remark', 'remove')
STATES = ('present', 'absent')
DEFAULT_TTL = 600
FIELDS = ('sub_domain', 'record_type', 'record_line', 'value', 'ttl', 'mx', 'weight', 'status', 'remark')


# value_key of (type, value) pairs already seen: a plan compares each value several times, and
# parsing addresses dominates the planning of thousands of sets.
_VALUE_KEYS = {}


def _value_key(record_type, value):
    """names.value_key, remembered for the life of the process (it is a pure function)."""
    try:
        return _VALUE_KEYS[(record_type, value)]
    except KeyError:
        key = _VALUE_KEYS[(record_type, value)] = names.value_key(record_type, value)
        return key
    except TypeError:
        return names.value_key(record_type, value)


def set_key(sub_domain, record_type, record_line):
    """The identity of a set: sub_domain and line compared case-insensitively, type upper case."""
    return (str(sub_domain).lower(), str(record_type).upper(), str(record_line).lower())


def record_key(record):
    return set_key(record.get('sub_domain'), record.get('record_type'), record.get('record_line'))


class DesiredSet(object):
    """One record set as the user wants it.

    ``values``: list of values already normalised (validation.validate_record_set). With state
    ``absent`` None or [] means the whole set; with state ``present`` None means "the values are
    not managed": only ttl/mx/weight/status/remark of the existing records are converged.
    ``ttl``, ``mx``, ``weight``, ``status``, ``remark``: None leaves the field as it is (a new
    record gets the API's default).
    ``priorities``: the MX priority of each value that has its own (``{names.value_key: int}``,
    from values written ``'10 mail.example.com'`` or merged items); ``mx`` is the priority of the
    other values. A value's priority is ``mx_for(value)``.
    """

    __slots__ = ('sub_domain', 'record_type', 'record_line', 'values', 'ttl', 'mx', 'weight', 'status', 'remark',
                 'priorities', '_key', '_key_of')

    def __init__(self, sub_domain, record_type, record_line, values, ttl=None, mx=None, weight=None,
                 status=None, remark=None, priorities=None):
        self.sub_domain = sub_domain
        self.record_type = record_type
        self.record_line = record_line
        self.values = values
        self.ttl = ttl
        self.mx = mx
        self.weight = weight
        self.status = status
        self.remark = remark
        self.priorities = priorities or {}
        self._key = self._key_of = None

    @property
    def key(self):
        """set_key of the set; remembered, as a plan asks for it several times per set (computed
        again if the name, type or line was replaced)."""
        of = self._key_of
        if of is None or of[0] is not self.sub_domain or of[1] is not self.record_type or of[2] is not self.record_line:
            self._key = set_key(self.sub_domain, self.record_type, self.record_line)
            self._key_of = (self.sub_domain, self.record_type, self.record_line)
        return self._key

    def own_mx(self, value):
        """The priority ``value`` has of its own (written with it), or None."""
        if not self.priorities:
            return None
        return self.priorities.get(_value_key(self.record_type, value))

    def mx_for(self, value):
        """The MX priority wanted for ``value``: its own, else the set's ``mx`` (None: not given)."""
        own = self.own_mx(value)
        return self.mx if own is None else own

    def __repr__(self):
        return 'DesiredSet(%s)' % ', '.join('%s=%r' % (k, getattr(self, k)) for k in self.__slots__ if not k.startswith('_'))


class Operation(object):
    """One write.

    ``action``: create, modify, remove, status or remark. ``record_id``: the record written (None
    for a create until it is applied; the status/remark writes of a new record take its id then).
    ``before``: the record's fields before the write (None for a create); ``after``: its fields
    after the write (None for a remove). ``parent``: the create a status/remark write follows.
    ``done``: set by apply_operations.
    """

    def __init__(self, action, record_id=None, before=None, after=None, parent=None):
        if action not in ACTIONS:
            raise ValueError('unknown action %r' % (action,))
        self.action = action
        self.record_id = record_id
        self.before = before
        self.after = after
        self.parent = parent
        self.done = False

    def target_id(self):
        if self.parent is not None and self.record_id is None:
            return self.parent.record_id
        return self.record_id

    def to_dict(self):
        return dict(action=self.action, record_id=self.target_id(),
                    before=dict(self.before) if self.before is not None else None,
                    after=dict(self.after) if self.after is not None else None, done=self.done)

    def describe(self):
        """'modify www A 192.0.2.1 -> 192.0.2.5 (id 12)': record data only."""
        rec = self.after if self.after is not None else (self.before or {})
        text = '%s %s %s' % (self.action, rec.get('sub_domain'), rec.get('record_type'))
        if self.action == 'modify' and self.before and self.before.get('value') != rec.get('value'):
            text += ' %s -> %s' % (self.before.get('value'), rec.get('value'))
        else:
            text += ' %s' % (rec.get('value'),)
        if self.action == 'status':
            text += ' -> %s' % (rec.get('status'),)
        elif self.action == 'remark':
            text += ' -> remark %r' % (rec.get('remark'),)
        record_id = self.target_id()
        if record_id is not None:
            text += ' (id %s)' % (record_id,)
        return text

    def __repr__(self):
        return 'Operation(%s)' % self.describe()


class PartialApplyError(Exception):
    """A write failed: ``original`` is its exception, ``done`` the operations applied before it,
    ``pending`` the failed one and those after it. The message holds record data only."""

    def __init__(self, original, done, pending, unknown=None):
        self.original = original
        self.done = list(done)
        self.pending = list(pending)
        self.unknown = unknown        # the failed operation when its outcome could not be read back
        super(PartialApplyError, self).__init__(self._message())

    def _message(self):
        unknown = ''
        if self.unknown is not None:
            unknown = (' The outcome of %s is unknown: its answer was lost and the records could not be read '
                       'back; check it before running the task again.' % self.unknown.describe())
        return ('%s. %d of %d change(s) were applied before the error (%s); not applied: %s.%s '
                'Run the task again to converge.' % (
                    self.original, len(self.done), len(self.done) + len(self.pending),
                    describe(self.done) or 'none', describe(self.pending) or 'none', unknown))

    def __str__(self):
        return self._message()


def describe(operations):
    return '; '.join(op.describe() for op in operations)


def _fields(record):
    return dict((k, record.get(k)) for k in FIELDS)


def _sorted(records):
    """By id, numerically when the ids are numbers."""
    return sorted(records, key=lambda r: (len(str(r.get('id'))), str(r.get('id'))))


def _keys(record_type, values):
    return [_value_key(record_type, v) for v in values]


def _modify(record, desired, value):
    """A Modify of ``record`` to ``value`` and the desired ttl/mx/weight, or None when nothing changes."""
    ttl, mx, weight = desired.ttl, desired.mx_for(value), desired.weight
    get = record.get
    if _value_key(desired.record_type, value) == _value_key(desired.record_type, get('value')):
        # The same value (as names.value_key compares them): it is kept as written in the record.
        value = get('value')
        if (ttl is None or ttl == get('ttl')) and (mx is None or mx == get('mx')) and (
                weight is None or weight == get('weight')):
            return None
    before = _fields(record)
    after = dict(before)
    after['value'] = value
    if ttl is not None:
        after['ttl'] = ttl
    if mx is not None:
        after['mx'] = mx
    if weight is not None:
        after['weight'] = weight
    return Operation('modify', record['id'], before, after)


def _meta(fields, record_id, desired, parent=None):
    """Status and remark writes that take a record from ``fields`` (its FIELDS, or the record) to
    the desired status/remark."""
    status, remark = desired.status, desired.remark
    if (status is None or status == (fields.get('status') or 'enabled')) and (
            remark is None or remark == (fields.get('remark') or '')):
        return []
    ops = []
    current = _fields(fields)
    if desired.status is not None and desired.status != (current.get('status') or 'enabled'):
        after = dict(current, status=desired.status)
        ops.append(Operation('status', record_id, current, after, parent))
        current = after
    if desired.remark is not None and desired.remark != (current.get('remark') or ''):
        after = dict(current, remark=desired.remark)
        ops.append(Operation('remark', record_id, current, after, parent))
    return ops


def _create(desired, value):
    mx = desired.mx_for(value)
    if str(desired.record_type).upper() == 'MX' and mx is None:
        raise ValidationError('mx', 'required for a new MX record (%s %s), 1 to 20: set mx, or write the value '
                              'with its priority, as in "10 %s"'
                              % (names.fqdn(desired.sub_domain, None), value, value))
    # The status goes with the Create (its `status` parameter): a record meant to be disabled is
    # never enabled, and is not counted against the grade's round-robin limit.
    after = dict(sub_domain=desired.sub_domain, record_type=desired.record_type, record_line=desired.record_line,
                 value=value, ttl=desired.ttl, mx=mx, weight=desired.weight,
                 status=desired.status or 'enabled', remark='')
    op = Operation('create', None, None, after)
    return [op] + _meta(after, None, desired, parent=op)


def _remove(record):
    return Operation('remove', record['id'], _fields(record), None)


def plan_set(desired, current, state='present', replace=False):
    """The operations that bring one record set to ``desired``.

    ``current``: canonical records, normally exactly those of the set; records of other sets
    (compared case-insensitively) and hold records are ignored.

    * present: missing values are created; existing ones are modified when a ttl/mx/weight given
      differs, and get status/remark writes when those differ; values not desired are kept,
      unless ``replace``: then they (and duplicates) are reused by Modify for the missing values
      (current sorted by id, missing values in the user's order), and the leftovers are removed.
    * absent: the records whose value is listed are removed; with no values the whole set.

    Raises ValidationError('mx') when a new MX record would have no priority.
    """
    if state not in STATES:
        raise ValueError('state must be present or absent, not %r' % (state,))
    rtype = str(desired.record_type).upper()
    key = desired.key
    if replace and state == 'present' and len(current) == 1 and desired.values is not None and len(desired.values) == 1:
        # The usual set of a zone that converged: one record, one value, the same. What the
        # steps below plan for it, without them (plan_domain plans thousands of such sets).
        record = current[0]
        if not record.get('hold') and record_key(record) == key and \
                _value_key(rtype, record.get('value')) == _value_key(rtype, desired.values[0]):
            op = _modify(record, desired, record.get('value'))
            return ([op] if op is not None else []) + _meta(op.after if op is not None else record, record['id'], desired)
    mine = [r for r in current if record_key(r) == key]
    records = _sorted(r for r in mine if not r.get('hold'))
    # A hold record is never written, but its value is there: creating it again would answer 104.
    held = set(_value_key(rtype, r.get('value')) for r in mine if r.get('hold'))

    if state == 'absent':
        if not desired.values:
            return [_remove(r) for r in records]
        # A value written with its priority ('20 mx2.example.com') removes that record only if it
        # has that priority; the set's mx selects nothing (a value without one removes its record).
        drop = dict((_value_key(rtype, v), desired.own_mx(v)) for v in desired.values)
        return [_remove(r) for r in records if _value_key(rtype, r.get('value')) in drop
                and drop[_value_key(rtype, r.get('value'))] in (None, r.get('mx'))]

    first = {}
    duplicates = []
    for r in records:
        key = _value_key(rtype, r.get('value'))
        if key in first or key in held:
            duplicates.append(r)
        else:
            first[key] = r

    if desired.values is None:
        # Values not managed: converge the other fields of the existing records only.
        wanted = [r.get('value') for r in records if r not in duplicates]
    else:
        wanted = []
        seen = set()
        for v in desired.values:
            key = _value_key(rtype, v)
            if key not in seen:
                seen.add(key)
                wanted.append(v)
    wanted_keys = set(_keys(rtype, wanted))
    missing = [v for v in wanted if _value_key(rtype, v) not in first and _value_key(rtype, v) not in held]

    modifies, creates, metas, removes = [], [], [], []
    for v in wanted:
        record = first.get(_value_key(rtype, v))
        if record is not None:
            op = _modify(record, desired, record.get('value'))
            if op is not None:
                modifies.append(op)
            metas.extend(_meta(op.after if op else record, record['id'], desired))

    if replace and desired.values is not None:
        # Records to drop: values not desired first, then duplicates, each by id.
        surplus = [r for r in records if r not in duplicates
                   and _value_key(rtype, r.get('value')) not in wanted_keys] + duplicates
        reused = list(zip(surplus, missing))
        for record, v in reused:
            op = _modify(record, desired, v)
            modifies.append(op)
            metas.extend(_meta(op.after, record['id'], desired))
        for v in missing[len(reused):]:
            creates.extend(_create(desired, v))
        removes = [_remove(r) for r in surplus[len(reused):]]
    else:
        for v in missing:
            creates.extend(_create(desired, v))
    return modifies + creates + metas + removes


def _ignored(record, ignore):
    """Whether a record matches one of the ``ignore`` rules (dicts of optional sub_domain,
    record_type, record_line; a missing or None key matches anything)."""
    for rule in ignore or ():
        if all(str(record.get(k, '')).lower() == str(v).lower()
               for k, v in rule.items() if v is not None):
            return True
    return False


def _group(op):
    if op.parent is not None:
        return ACTIONS.index('create')
    return ACTIONS.index(op.action)


def _conflicting_removes(operations):
    """Removes that must run before the creates: a CNAME and any other type cannot share a name
    and line, nor can A, CNAME and URL records (code 31), so the old records a new CNAME or URL
    record replaces (or the old CNAME or URL record new records replace) go first."""
    created = {}
    for op in operations:
        if op.action in ('create', 'modify') and op.after is not None:
            spot = (str(op.after['sub_domain']).lower(), str(op.after['record_line']).lower())
            created.setdefault(spot, set()).add(str(op.after['record_type']).upper())
    early = set()
    for op in operations:
        if op.action != 'remove':
            continue
        spot = (str(op.before['sub_domain']).lower(), str(op.before['record_line']).lower())
        rtype = str(op.before['record_type']).upper()
        new_types = created.get(spot, set())
        if (rtype != 'CNAME' and 'CNAME' in new_types) or (rtype == 'CNAME' and new_types - set(['CNAME'])) or (
                rtype in precheck.EXCLUSIVE_TYPES and (new_types & set(precheck.EXCLUSIVE_TYPES)) - set([rtype])):
            early.add(id(op))
    return early


def merge_sets(desired_sets):
    """Desired sets with the same key (the items of one MX set that differ by ``mx``, as
    validation.check_duplicate_sets lets through) -> one DesiredSet each, where the first was.

    The merged set holds every value once with the priority its item gave it (its own, else the
    item's ``mx``) in ``priorities``, and ``mx`` None; ttl, weight, status and remark are the ones
    given (check_duplicate_sets refused items that give them differently). Sets listed once are
    returned as they are."""
    groups = {}
    for desired in desired_sets:
        groups.setdefault(desired.key, []).append(desired)
    merged = []
    for desired in desired_sets:
        group = groups.pop(desired.key, None)
        if group is None:
            continue
        if len(group) == 1:
            merged.append(desired)
            continue
        values, priorities, seen = [], {}, set()
        for part in group:
            for value in part.values or ():
                key = _value_key(desired.record_type, value)
                mx = part.mx_for(value)
                if mx is not None:
                    priorities.setdefault(key, mx)
                if key not in seen:
                    seen.add(key)
                    values.append(value)

        def given(field, group=group):
            found = [getattr(part, field) for part in group if getattr(part, field) is not None]
            return found[0] if found else None
        merged.append(DesiredSet(desired.sub_domain, desired.record_type, desired.record_line, values,
                                 ttl=given('ttl'), weight=given('weight'), status=given('status'),
                                 remark=given('remark'), priorities=priorities))
    return merged


def plan_domain(desired_sets, current, purge=False, ignore=()):
    """The operations that make the listed sets of a domain exact (each planned with replace).

    With ``purge`` every other record is removed too, except hold records and those matching an
    ``ignore`` rule; without it, sets not listed are untouched. Sets listed more than once (the
    items of one MX set) are merged first (``merge_sets``).
    """
    desired_sets = merge_sets(desired_sets)
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
                operations.append(_remove(r))
    early = _conflicting_removes(operations)
    # Conflicting removes, modifies, creates with their follow-ups, status/remark, removes;
    # sorted() is stable, so each set keeps its own order inside a group.
    return sorted(operations, key=lambda op: -1 if id(op) in early else _group(op))


# Batch writes (a backend whose records area offers ``apply_batch``: Tencent Cloud API 3.0). A run of
# writes of one kind is sent as batch jobs when it holds at least BATCH_MIN writes. A job costs one
# submit and at least one poll of its status after a wait, and spends one of the few jobs an account
# may run at once and an address may submit per hour; single writes cost one call each and tell
# their outcome at once. Under 10 writes single writes are as cheap in calls and faster; from 10 on a
# job is cheaper (1,000 new sets: one job instead of 1,000 calls).
BATCH_MIN = 10


class BatchWriteError(Exception):
    """Writes of a batch job that were refused, or whose outcome could not be read: ``failures`` is
    a list of ``(operation, reason)``. The message holds record data only."""

    def __init__(self, failures):
        self.failures = list(failures)
        super(BatchWriteError, self).__init__(self._message())

    def _message(self):
        shown = '; '.join('%s: %s' % (op.describe(), reason or 'refused') for op, reason in self.failures[:20])
        more = len(self.failures) - 20
        return '%d write(s) of a batch job failed (%s%s)' % (
            len(self.failures), shown, '; and %d more' % more if more > 0 else '')


def _write(api, domain_id, op):
    """Send one operation's single write."""
    a = op.after
    if op.action == 'create':
        op.record_id = api.records.create(
            domain_id, a['sub_domain'], a['record_type'], a['record_line'], a['value'],
            ttl=a.get('ttl'), mx=a.get('mx') if str(a['record_type']).upper() == 'MX' else None,
            weight=a.get('weight'), status=a.get('status'))
    elif op.action == 'modify':
        # status too: a Modify without it enables the record (the API's default)
        api.records.modify(
            domain_id, op.record_id, a['sub_domain'], a['record_type'], a['record_line'], a['value'],
            ttl=a.get('ttl'), mx=a.get('mx') if str(a['record_type']).upper() == 'MX' else None,
            weight=a.get('weight'), status=a.get('status') or 'enabled')
    elif op.action == 'remove':
        api.records.remove(domain_id, op.record_id)
    else:
        if op.parent is not None:
            op.record_id = op.parent.record_id
        if op.action == 'status':
            api.records.set_status(domain_id, op.record_id, a['status'])
        else:
            api.records.set_remark(domain_id, op.record_id, a['remark'])


def _apply_single(api, domain_id, operations, done, pending_after=()):
    """The operations one by one, in order, each appended to ``done``; the first failure raises
    PartialApplyError with the failed operation, the rest and ``pending_after`` pending."""
    for index, op in enumerate(operations):
        try:
            _write(api, domain_id, op)
        except DNSPodTransportError as exc:
            found = carried_out(api, domain_id, op)
            if not found:
                raise PartialApplyError(exc, done, list(operations[index:]) + list(pending_after),
                                        unknown=op if found is None else None)
            api.client.confirm_write()
        except Exception as exc:
            raise PartialApplyError(exc, done, list(operations[index:]) + list(pending_after))
        op.done = True
        done.append(op)


def apply_operations(api, domain_id, operations):
    """Run the operations in order; returns the list of those applied (all of them).

    Marks each ``done``; a create gets its ``record_id`` and its status/remark writes use it. On
    the first exception stops and raises PartialApplyError(original, done, pending). A write
    that failed in transport (its answer lost, retries spent) is read back first (one filtered
    Record.List): when the records show it carried out it counts as done (and as a write of the
    client) and the plan goes on; when they cannot be read, the error says its outcome is unknown.

    When the records area offers batch jobs (``api.records.apply_batch``) and the plan holds at least
    BATCH_MIN writes, the writes go by batch jobs in the plan's order of phases (``_apply_batched``).
    """
    done = []
    if getattr(api.records, 'apply_batch', None) is not None and len(operations) >= BATCH_MIN:
        _apply_batched(api, domain_id, operations, done)
    else:
        _apply_single(api, domain_id, operations, done)
    return done


def _phase(op):
    """The phase of a plan an operation belongs to: a create and its follow-up status/remark writes
    are one phase (the follow-ups need the new record's id)."""
    if op.action == 'create' or op.parent is not None:
        return 'create'
    return 'modify' if op.action in ('modify', 'status', 'remark') else 'remove'


def _runs(operations):
    """Consecutive operations of one phase: ``[(phase, [op, ...]), ...]`` in the plan's order."""
    runs = []
    for op in operations:
        phase = _phase(op)
        if runs and runs[-1][0] == phase:
            runs[-1][1].append(op)
        else:
            runs.append((phase, [op]))
    return runs


def _batch_record(op):
    """What a batch job writes for ``op``: the record's fields after it, with its id."""
    record = dict(op.after if op.after is not None else op.before)
    record['id'] = op.target_id()
    return record


def _apply_batched(api, domain_id, operations, done):
    """The plan by batch jobs, phase by phase in the plan's order (removes that must come first,
    modifies, creates, status/remark writes, removes). In the create phase the creates a batch can
    write go first as one job, the others (a record created disabled, or with a weight) alone, then
    the follow-up status/remark writes of the new records. A run of fewer than BATCH_MIN writes, and
    a write the batch cannot express, is sent alone. A job's refused or unknown writes stop the plan:
    PartialApplyError with what was applied, and the refused, unknown and later writes pending."""
    runs = _runs(operations)
    for number, (phase, ops) in enumerate(runs):
        later = [op for _phase_name, rest in runs[number + 1:] for op in rest]
        if phase == 'create':
            creates = [op for op in ops if op.action == 'create']
            follow = [op for op in ops if op.action != 'create']
            batched = [op for op in creates if api.records.batch_expresses('create', op.after)]
            if len(batched) < BATCH_MIN:
                batched = []
            in_batch = set(id(op) for op in batched)
            alone = [op for op in creates if id(op) not in in_batch]
            _batch(api, domain_id, 'create', batched, done, alone + follow + later)
            _apply_single(api, domain_id, alone, done, follow + later)
            _modifies(api, domain_id, follow, done, later)
        elif phase == 'modify':
            _modifies(api, domain_id, ops, done, later)
        elif len(ops) >= BATCH_MIN:
            _batch(api, domain_id, 'remove', ops, done, later)
        else:
            _apply_single(api, domain_id, ops, done, later)


def _modifies(api, domain_id, ops, done, later):
    """Modify, status and remark writes: batch jobs of distinct records (a record written twice
    goes in the next job), or one by one under BATCH_MIN."""
    if len(ops) < BATCH_MIN:
        _apply_single(api, domain_id, ops, done, later)
        return
    jobs, seen = [[]], set()
    for op in ops:
        if op.target_id() in seen:
            jobs.append([])
            seen = set()
        seen.add(op.target_id())
        jobs[-1].append(op)
    for index, job in enumerate(jobs):
        rest = [op for other in jobs[index + 1:] for op in other] + list(later)
        if len(job) < BATCH_MIN:
            _apply_single(api, domain_id, job, done, rest)
        else:
            _batch(api, domain_id, 'modify', job, done, rest)


def _batch(api, domain_id, kind, ops, done, later):
    """One kind of writes by the records area's batch jobs; each record's outcome marks its
    operation. Writes the area could not submit as a job (its job quota) are sent alone."""
    if not ops:
        return
    try:
        outcomes = api.records.apply_batch(domain_id, kind, [_batch_record(op) for op in ops])
    except Exception as exc:
        raise PartialApplyError(exc, done, list(ops) + list(later))
    failures, unknown, alone = [], None, []
    for op, outcome in zip(ops, outcomes):
        if outcome.get('single'):
            alone.append(op)
        elif outcome['done']:
            if kind == 'create':
                op.record_id = outcome['record_id']
            elif op.parent is not None:
                op.record_id = op.parent.record_id
            op.done = True
            done.append(op)
        else:
            failures.append((op, outcome.get('error') or ('outcome unknown' if outcome['done'] is None else None)))
            if outcome['done'] is None and unknown is None:
                unknown = op
    if failures:
        failed = set(id(op) for op, _reason in failures) | set(id(op) for op in alone)
        pending = [op for op in ops if id(op) in failed] + list(later)
        raise PartialApplyError(BatchWriteError(failures), done, pending, unknown=unknown)
    _apply_single(api, domain_id, alone, done, later)


def carried_out(api, domain_id, op):
    """Whether the records show ``op`` carried out (True/False; None when they cannot be read):
    for a write whose answer was lost. A create that is found gets its ``record_id``."""
    if op.parent is not None and op.record_id is None:
        op.record_id = op.parent.record_id
    rec = op.after if op.after is not None else op.before
    try:
        records = api.records.list(domain_id, sub_domain=rec['sub_domain'], record_type=rec['record_type'])
    except DNSPodError:
        return None
    if op.action == 'remove':
        return not any(r['id'] == op.record_id for r in records)
    key = _value_key(rec['record_type'], rec['value'])
    if op.action == 'create':
        found = [r for r in records if _value_key(r['record_type'], r['value']) == key
                 and str(r['record_line']).lower() == str(rec['record_line']).lower()
                 and (rec.get('mx') is None or str(rec['record_type']).upper() != 'MX' or r['mx'] == rec['mx'])]
        if found:
            op.record_id = max(found, key=lambda r: (len(str(r['id'])), str(r['id'])))['id']
        return bool(found)
    current = [r for r in records if r['id'] == op.record_id]
    if not current:
        return False
    if op.action == 'status':
        return current[0]['status'] == rec['status']
    if op.action == 'remark':
        return current[0]['remark'] == (rec.get('remark') or '')
    return (_value_key(current[0]['record_type'], current[0]['value']) == key
            and all(rec.get(k) is None or current[0].get(k) == rec.get(k) for k in ('ttl', 'mx', 'weight')))


def predict_after(current, operations):
    """The records once the operations are applied, computed in memory (check mode, diff).

    New records get the id of their applied create, None before; a ttl left to the API becomes
    DEFAULT_TTL, mx 0 for other types than MX.
    """
    records = [dict(r) for r in current]
    by_id = dict((r.get('id'), r) for r in records)
    created = {}
    for op in operations:
        a = op.after
        if op.action == 'create':
            new = dict(id=op.record_id, sub_domain=a['sub_domain'], record_type=a['record_type'],
                       record_line=a['record_line'], record_line_id=None, value=a['value'],
                       ttl=a['ttl'] if a.get('ttl') is not None else DEFAULT_TTL,
                       mx=a['mx'] if a.get('mx') is not None else 0, weight=a.get('weight'),
                       status=a.get('status') or 'enabled', remark='', hold=False, monitor_status='', updated_on='')
            records.append(new)
            created[id(op)] = new
            continue
        if op.action == 'remove':
            records = [r for r in records if r.get('id') != op.record_id]
            by_id.pop(op.record_id, None)
            continue
        target = created.get(id(op.parent)) if op.parent is not None else by_id.get(op.record_id)
        if target is None:
            continue
        if op.action == 'modify':
            modified = ('sub_domain', 'record_type', 'record_line', 'value', 'ttl', 'mx', 'weight')
            target.update((k, a[k]) for k in modified if k in a)
        else:
            target[op.action] = a[op.action]
    return records


def summarize(operations):
    """{'modify': n, 'create': n, 'status': n, 'remark': n, 'remove': n}."""
    counts = dict((a, 0) for a in ACTIONS)
    for op in operations:
        counts[op.action] += 1
    return counts


def zone_line(record):
    """'www 600 IN MX 10 mail.example.com. ; line=默认 status=enabled remark=' (mx only for MX)."""
    mx = ' %s' % record.get('mx') if str(record.get('record_type')).upper() == 'MX' else ''
    return '%s %s IN %s%s %s ; line=%s status=%s remark=%s' % (
        record.get('sub_domain'), record.get('ttl'), record.get('record_type'), mx, _shown_value(record),
        record.get('record_line'), record.get('status'), record.get('remark') or '')


def _shown_value(record):
    """A TXT/SPF value as a zone file writes it (quoted, backslash and quote escaped), so that
    ``v=spf1 mx -all`` reads as one value and not as three; other values as they are."""
    value = record.get('value')
    if str(record.get('record_type')).upper() not in ('TXT', 'SPF'):
        return value
    return '"%s"' % str(value).replace('\\', '\\\\').replace('"', '\\"')


def _line_order(record):
    return (str(record.get('sub_domain')), str(record.get('record_type')), str(record.get('record_line')),
            str(record.get('value')), str(record.get('ttl')), str(record.get('status')), str(record.get('remark')))


def diff(before_records, after_records):
    """{'before': text, 'after': text} for Ansible's --diff: one zone_line per record, sorted by
    name, type, line and value; hold records are left out (they never change)."""
    def text(records):
        lines = [zone_line(r) for r in sorted((r for r in records if not r.get('hold')), key=_line_order)]
        return '\n'.join(lines) + ('\n' if lines else '')
    return {'before': text(before_records), 'after': text(after_records)}
