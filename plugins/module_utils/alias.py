# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Alias domains (``Domainalias.*``): input checks, the plan (which aliases to create and which
to remove) and the API wrappers.

The canonical alias is ``{'id': str, 'name': str}``; ``name`` is lower case punycode, the form
the API is sent and the form names are compared in.
"""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.normalize import to_punycode, to_str
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

EMPTY_LIST_CODES = ('7',)           # Domainalias.List: 7 "没有绑定记录"
# What the retry of a write answers when its first attempt was carried out but its answer was
# lost (a transport fault): the name is bound already (Create), the alias id is gone (Remove).
RETRY_DONE_CODES = {'Domainalias.Create': '9', 'Domainalias.Remove': '7'}


def normalize_alias(item):
    """An item of Domainalias.List (``id``, ``domain``) or of the Create answer (``id``,
    ``punycode``) -> canonical alias."""
    item = item or {}
    name = to_str(item.get('punycode') or item.get('domain') or item.get('name'))
    return {'id': to_str(item.get('id')).strip(), 'name': to_punycode(name)}


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


# ---- API wrappers -------------------------------------------------------------------------------

def list_aliases(client, domain_id):
    """Domainalias.List -> [canonical alias]; an empty list is code 7."""
    answer = client.call('Domainalias.List', {'domain_id': str(domain_id)}, empty_codes=EMPTY_LIST_CODES)
    items = answer.get('alias') or []
    if isinstance(items, dict):
        items = list(items.values())
    return [normalize_alias(item) for item in items]


def apply_aliases(client, domain_id, operations):
    """Send the operations in order; each gets ``done`` and a create its new ``id``.

    Domainalias.Create takes ``domain_id`` only (its ``domain`` parameter is the alias name).
    Stops at the first error (the operations before it are marked done).
    """
    for op in operations:
        if op['action'] == 'remove':
            _write(client, domain_id, op, 'Domainalias.Remove', {'domain_id': str(domain_id), 'alias_id': op['id']})
        else:
            answer = _write(client, domain_id, op, 'Domainalias.Create',
                            {'domain_id': str(domain_id), 'domain': op['name']})
            if answer is not None:
                op['id'] = normalize_alias(answer.get('alias')).get('id') or None
        op['done'] = True
    return operations


def _faulted_since(client, start):
    return any(str(entry.get('code', '')).startswith('transport:') for entry in client.log[start:])


def _write(client, domain_id, op, action, params):
    """One write; the answer, or None when a retry after a transport fault was refused as
    "already done" (RETRY_DONE_CODES) and a new listing shows that the first attempt did it
    (a create then gets its id from the listing)."""
    start = len(client.log)
    try:
        return client.call(action, params)
    except DNSPodAPIError as exc:
        if exc.code != RETRY_DONE_CODES.get(action) or not _faulted_since(client, start):
            raise
        current = list_aliases(client, domain_id)
        if op['action'] == 'remove':
            if not any(alias['id'] == op['id'] for alias in current):
                client.confirm_write()      # the first copy did it: a write of this task
                return None
        else:
            for alias in current:
                if alias['name'] == op['name']:
                    op['id'] = alias['id']
                    client.confirm_write()
                    return None
        raise
