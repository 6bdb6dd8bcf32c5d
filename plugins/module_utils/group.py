# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain groups: the pure planning of dnspod_group (the API calls are in dnspod_api/groups.py).

Groups are the canonical dicts of ``normalize.normalize_group``:
``{group_id: str, group_name: str, group_type: str, size: int}``. The eight built-in groups
(``group_type`` ``system``, IDs 1-8) can be read and chosen but never renamed or removed.
Names are compared exactly (after stripping blanks at both ends).
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

SYSTEM_GROUP_IDS = frozenset(str(i) for i in range(1, 9))


class GroupError(TaskError):
    """The task cannot be done as asked (the message names the option)."""


def clean_name(name, option='name'):
    """A group name as the API gets it: stripped, not empty, no control characters."""
    if name is None:
        return None
    text = str(name).strip()
    if not text:
        raise GroupError('%s: a group name cannot be empty' % option)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise GroupError('%s: a group name cannot hold control characters' % option)
    return text


def clean_group_id(group_id, option='group_id'):
    if group_id is None:
        return None
    text = str(group_id).strip()
    if not text.isdigit() or int(text) < 1:
        raise GroupError('%s: expected a positive numeric group ID, got %r' % (option, group_id))
    return str(int(text))


def is_system(group):
    kind = group.get('group_type')
    if kind:
        return kind == 'system'
    return str(group.get('group_id')) in SYSTEM_GROUP_IDS


def find_by_id(groups, group_id):
    for group in groups:
        if str(group.get('group_id')) == str(group_id):
            return group
    return None


def find_by_name(groups, name):
    for group in groups:
        if str(group.get('group_name', '')).strip() == name:
            return group
    return None


def view(group):
    """The fields shown in diffs and returned as ``group``."""
    if not group:
        return {}
    return dict(group_id=str(group.get('group_id')), group_name=group.get('group_name'),
                group_type=group.get('group_type') or ('system' if is_system(group) else 'custom'),
                size=group.get('size') or 0)


def plan(groups, state, name=None, group_id=None, old_name=None):
    """What dnspod_group has to do.

    Returns ``(action, group)``: action is ``None`` (nothing to do), ``'create'``, ``'rename'`` or
    ``'remove'``; group is the existing group acted on (or found) or None. Raises GroupError when
    the task asks for something impossible: changing a system group, renaming onto a name another
    group has, renaming a group that does not exist.
    """
    if state == 'absent':
        if group_id is not None:
            group = find_by_id(groups, group_id)
            if group is not None and name is not None and group.get('group_name') != name:
                raise GroupError('group_id: group %s is named %r, not %r; nothing was removed'
                                 % (group_id, group.get('group_name'), name))
        else:
            group = find_by_name(groups, name)
        if group is None:
            return None, None
        if is_system(group):
            raise GroupError('%s: %r is a system group (ID %s); system groups cannot be removed'
                             % ('group_id' if group_id is not None else 'name', group.get('group_name'),
                                group.get('group_id')))
        return 'remove', group

    target = find_by_name(groups, name)
    if group_id is None and old_name is None:
        if target is not None:
            return None, target
        return 'create', None

    option = 'group_id' if group_id is not None else 'old_name'
    source = find_by_id(groups, group_id) if group_id is not None else find_by_name(groups, old_name)
    if source is None:
        if group_id is None and target is not None:
            return None, target            # renamed on an earlier run
        raise GroupError('%s: no group %s in this account to rename to %r'
                         % (option, group_id if group_id is not None else repr(old_name), name))
    if source.get('group_name') == name:
        return None, source
    if is_system(source):
        raise GroupError('%s: %r is a system group (ID %s); system groups cannot be renamed'
                         % (option, source.get('group_name'), source.get('group_id')))
    if target is not None:
        raise GroupError('name: another group (ID %s) is already named %r; %r was not renamed'
                         % (target.get('group_id'), name, source.get('group_name')))
    return 'rename', source


def renamed(group, name):
    return dict(view(group), group_name=name)


def new_group(name, group_id=None):
    return dict(group_id=group_id, group_name=name, group_type='custom', size=0)


def clean_params(params):
    """``(name, group_id, old_name)`` of dnspod_group's parameters, checked."""
    name = clean_name(params['name'])
    group_id = clean_group_id(params['group_id'])
    old_name = clean_name(params.get('old_name'), option='old_name')
    if params.get('state') == 'absent' and old_name is not None:
        raise GroupError('old_name: only used to rename a group (state=present)')
    return name, group_id, old_name


def shown(groups, group_type='all', name=None):
    """The groups dnspod_group_info returns: of one type (or all), with one name (or any)."""
    views = [view(g) for g in groups]
    return [g for g in views if group_type in ('all', g['group_type']) and name in (None, g['group_name'])]
