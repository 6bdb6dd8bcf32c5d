# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Guards against removals nobody asked for. Operators template their record lists from
variables; a variable that rendered empty, or a vars file that lost half its entries, must fail
the task instead of deleting records. Pure functions: they raise ValidationError naming the
parameter, before any write (and in check mode alike)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

# octoDNS's defaults (octodns.provider.plan: MAX_SAFE_UPDATE_PCENT, MAX_SAFE_DELETE_PCENT,
# MIN_EXISTING_RECORDS): a plan may update or delete at most 30% of a zone's existing records,
# and the rule applies from 10 existing records on.
DEFAULT_MAX_UPDATE_PERCENT = 30.0
DEFAULT_MAX_DELETE_PERCENT = 30.0
DEFAULT_MIN_EXISTING = 10

UPDATE_ACTIONS = ('modify', 'status', 'remark')


def threshold_spec():
    """Options of the plan-size guard (dnspod_records and the zone role)."""
    return dict(
        max_update_percent=dict(type='float', default=DEFAULT_MAX_UPDATE_PERCENT),
        max_delete_percent=dict(type='float', default=DEFAULT_MAX_DELETE_PERCENT),
        min_existing_records=dict(type='int', default=DEFAULT_MIN_EXISTING),
        force=dict(type='bool', default=False),
    )


def is_empty_list(value):
    return isinstance(value, (list, tuple)) and len(value) == 0


def check_values_not_empty(value, parameter, remove_hint):
    """An empty value list never stands for "no values": it is what a variable that rendered
    empty looks like. ``remove_hint`` says how to remove a set on purpose."""
    if is_empty_list(value):
        raise ValidationError(parameter, 'is an empty list; an empty list never removes records (a variable that '
                                         'rendered empty looks the same). %s' % remove_hint)


def check_purge_list(items, purge, allow_empty, parameter, what):
    """``purge`` with an empty list would remove every ``what``: only with ``allow_empty``."""
    if purge and is_empty_list(items) and not allow_empty:
        raise ValidationError(parameter, 'is empty and purge=true would remove every %s; if that is meant, set '
                                         'allow_empty=true' % what)


def _checked_percent(value, parameter):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValidationError(parameter, 'expected a number from 0 to 100, got %r' % (value,))
    if not 0 <= value <= 100:
        raise ValidationError(parameter, 'expected a number from 0 to 100, got %r' % (value,))
    return value


def check_threshold_options(params):
    """Validate the guard's options before the first API call."""
    _checked_percent(params.get('max_update_percent', DEFAULT_MAX_UPDATE_PERCENT), 'max_update_percent')
    _checked_percent(params.get('max_delete_percent', DEFAULT_MAX_DELETE_PERCENT), 'max_delete_percent')
    minimum = params.get('min_existing_records', DEFAULT_MIN_EXISTING)
    if minimum is None or int(minimum) < 0:
        raise ValidationError('min_existing_records', 'expected a non-negative integer, got %r' % (minimum,))


def plan_size(current, operations):
    """(existing, updated, deleted): the zone's records a plan could touch (hold records are
    never touched) and how many distinct ones it updates and deletes."""
    existing = sum(1 for record in current if not record.get('hold'))
    updated = set()
    deleted = set()
    for op in operations:
        if op.parent is not None or op.record_id is None:
            continue            # writes of a record this plan creates
        if op.action == 'remove':
            deleted.add(op.record_id)
        elif op.action in UPDATE_ACTIONS:
            updated.add(op.record_id)
    return existing, len(updated - deleted), len(deleted)


def _percent(part, whole):
    return 100.0 * part / whole if whole else 0.0


def check_plan_size(current, operations, params):
    """octoDNS's safety rule: fail when a plan updates or deletes more than the allowed share of
    a zone with at least ``min_existing_records`` records, unless ``force``. Returns the figures
    ({'existing', 'updates', 'deletes'}) for the result."""
    existing, updates, deletes = plan_size(current, operations)
    figures = dict(existing=existing, updates=updates, deletes=deletes)
    if params.get('force') or existing < int(params.get('min_existing_records', DEFAULT_MIN_EXISTING)):
        return figures
    for count, option, verb in ((updates, 'max_update_percent', 'update'), (deletes, 'max_delete_percent', 'delete')):
        limit = float(params.get(option, 30.0))
        share = _percent(count, existing)
        if share > limit:
            raise ValidationError(option, (
                'the plan would %s %d of the zone\'s %d existing records (%.1f%%), more than %s=%g; nothing was '
                'written. A records list that lost entries (a variable or vars file that rendered short) looks like '
                'this: check it, or set force=true (or a higher %s) if the change is meant'
                % (verb, count, existing, share, option, limit, option)))
    return figures
