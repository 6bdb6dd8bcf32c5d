# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Alias domains: input checks, the plan (which aliases to create and which to remove) and its
application through the API layer (dnspod_api/aliases.py).

The canonical alias is ``{'id': str, 'name': str}``; ``name`` is lower case punycode, the form
the API is sent and the form names are compared in.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import guards
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError


def check_aliases(aliases, domain_name=None, parameter='aliases'):
    """The ``aliases`` option -> unique names in punycode, in the order given.

    Each must be a domain name (internationalised names become punycode) written without
    ``www.`` ("不带www.") and not the domain itself. Raises ValidationError naming the option.
    """
    if aliases is None:
        return []
    result = []
    for index, alias in enumerate(aliases):
        where = '%s[%d]' % (parameter, index)
        try:
            name = names.normalize_domain_name(alias)
        except ValueError as exc:
            raise ValidationError(where, str(exc))
        if name.startswith('www.'):
            raise ValidationError(where, '%r: give the alias domain without www. (the API binds the domain itself)'
                                  % (alias,))
        if domain_name is not None and name == domain_name:
            raise ValidationError(where, '%r is the domain itself, not an alias of it' % (alias,))
        if name not in result:
            result.append(name)
    return result


def plan_aliases(current, desired, state='present', purge=False):
    """Operations that make the aliases of a domain what the task says.

    ``current``: canonical aliases; ``desired``: checked names. ``present`` creates the desired
    names that are missing and, with ``purge``, removes every current alias not desired;
    ``absent`` removes the desired names that exist. Removes come first (they free places of the
    alias quota), then creates in the order given. Each operation is
    ``{'action': 'remove'|'create', 'name', 'id'}`` (``id`` None for a create).
    """
    have = {}
    for alias in current:
        have.setdefault(alias['name'], alias)
    wanted = set(desired)
    removes = []
    creates = []
    if state == 'absent':
        removes = [have[name] for name in desired if name in have]
    else:
        if purge:
            removes = [alias for alias in current if alias['name'] not in wanted]
        creates = [name for name in desired if name not in have]
    operations = [{'action': 'remove', 'name': alias['name'], 'id': alias['id']} for alias in removes]
    operations.extend({'action': 'create', 'name': name, 'id': None} for name in creates)
    return operations


def predict_after(current, operations):
    """The aliases after the operations (new ones without an id until they are created)."""
    removed = set(op['id'] for op in operations if op['action'] == 'remove')
    after = [dict(alias) for alias in current if alias['id'] not in removed]
    after.extend({'id': op['id'], 'name': op['name']} for op in operations if op['action'] == 'create')
    return after


def names_of(aliases):
    """Sorted names, for diff output."""
    return sorted(alias['name'] for alias in aliases)


def check_params(params):
    """(domain, domain_name, desired) of dnspod_alias's parameters, checked before any call:
    ``domain`` as given (a name normalised), ``domain_name`` None when it is an ID."""
    if params['purge'] and params['state'] == 'absent':
        raise ValidationError('purge', 'only with state=present (state=absent removes the listed aliases)')
    guards.check_purge_list(params['aliases'], params['purge'], params['allow_empty'], 'aliases', 'alias')
    domain, domain_name = validation.check_domain(params['domain'])
    return domain, domain_name, check_aliases(params['aliases'], domain_name)


def check_not_itself(domain, desired):
    """A domain given by ID is known by name only once resolved: it cannot be its own alias."""
    if domain['name'] in desired:
        raise ValidationError('aliases', '%s is the domain itself, not an alias of it' % domain['name'])


def done_names(operations, action, only_done=False):
    return [op['name'] for op in operations if op['action'] == action and (op.get('done') or not only_done)]


def apply(aliases, domain_id, operations):
    """Send the operations in order through ``aliases`` (the API's Aliases); each gets ``done`` and
    a create its new ``id``. Stops at the first error, which then carries ``details``: the names
    created and removed before it."""
    try:
        for op in operations:
            if op['action'] == 'remove':
                aliases.remove(domain_id, op['id'])
            else:
                op['id'] = aliases.create(domain_id, op['name'])
            op['done'] = True
    except DNSPodError as exc:
        exc.details = dict(created=done_names(operations, 'create', True),
                           removed=done_names(operations, 'remove', True))
        raise
    return operations


def diff(current, after):
    """The diff of the alias names (one per line)."""
    return dict(before='\n'.join(names_of(current)) + '\n' if current else '',
                after='\n'.join(names_of(after)) + '\n' if after else '')
