# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domains: the planning of dnspod_domain and dnspod_domain_info (the API calls are in
dnspod_api/domains.py). Domains are the canonical dicts of ``normalize.normalize_domain``."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import acquire
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

# The settings dnspod_domain manages, in the order they are written after a create.
SETTINGS = ('status', 'remark', 'is_mark', 'group_id', 'searchengine_push')
SETTING_OPTIONS = ('status', 'remark', 'is_mark', 'group', 'searchengine_push')
# Domain.Create sets group and star itself; a new domain is enabled, unstarred and pushed.
NEW_DOMAIN = dict(status='enabled', remark='', is_mark=False, group_id='1', searchengine_push=True)
SET_BY_CREATE = ('state', 'group_id', 'is_mark')


def clean_domain(raw, option='domain'):
    """A domain option as the API gets it: an ID (all digits) as given, a name checked and
    IDNA-encoded; None stays None."""
    if raw is None:
        return None
    text = str(raw).strip()
    if text.isdigit():
        return text
    try:
        return names.normalize_domain_name(text)
    except ValueError as exc:
        raise TaskError('%s: %s' % (option, exc))


def clean_info_params(params):
    """dnspod_domain_info's options, checked -> the domain asked for (None: list them)."""
    domain = clean_domain(params['domain'])
    if (params['include_log'] or params['include_purview']) and domain is None:
        raise TaskError('include_log, include_purview: give the domain to read the log or permissions of')
    if params['group'] is not None and not params['group'].strip().isdigit():
        raise TaskError('group: give the numeric group ID, got %r' % params['group'])
    return domain


def clean_transfer_to(params):
    """dnspod_domain's ``transfer_to``, checked (None when not given)."""
    if params['transfer_to'] is None:
        return None
    email = acquire.check_email(params['transfer_to'], 'transfer_to')
    if params['state'] != 'present':
        raise TaskError('transfer_to: only with state=present (a transfer gives the domain away; it does not remove it)')
    return email


def diff_view(domain):
    if not domain:
        return {}
    return dict((key, domain.get(key)) for key in ('name',) + SETTINGS)


def resolve_group_id(api, group):
    """A domain group given by numeric ID (no call) or by name (Domaingroup.List, names compared
    without case) -> its ID (str); a TaskError naming ``group`` for an unknown name."""
    group = str(group).strip()
    if group.isdigit():
        return group
    wanted = group.lower()
    groups = api.groups.list()
    for item in groups:
        if str(item.get('group_name', '')).strip().lower() == wanted:
            return str(item['group_id'])
    known = ', '.join(sorted(str(item.get('group_name')) for item in groups))
    raise TaskError('group: no group named %r in this account (groups: %s)' % (group, known or 'none'))


def wanted_settings(params, api):
    """The settings the task names, with the group resolved to its ID."""
    wanted = dict((key, params[key]) for key in ('status', 'remark', 'is_mark', 'searchengine_push')
                  if params[key] is not None)
    if params['group'] is not None:
        wanted['group_id'] = resolve_group_id(api, params['group'])
    return wanted


def plan_present(current, name, wanted):
    """``(changes, predicted)`` for state=present: what to write (``state`` when the domain is
    created) and the domain expected after it."""
    if current is None:
        if name.isdigit():
            raise TaskError('domain: no domain with ID %s in this account; give a name to create one' % name)
        changes = dict((k, v) for k, v in wanted.items() if NEW_DOMAIN.get(k) != v)
        changes['state'] = 'present'
        return changes, dict(NEW_DOMAIN, name=name, punycode=name, **wanted)
    changes = dict((k, v) for k, v in wanted.items() if current.get(k) != v)
    return changes, dict(current, **changes)


def ensure_present(api, name, current, wanted, check_mode):
    """Create or update the domain -> ``(changes, after)``."""
    changes, after = plan_present(current, name, wanted)
    refuse = getattr(api.domains, 'refuse_settings', None)
    if refuse is not None and changes:
        # a backend without an action for a change says so before the first write, in check mode too
        refuse(changes, current is None)
    if not changes or check_mode:
        return changes, after
    domains = api.domains
    skip = ()
    if current is None:
        created = domains.create(name, group_id=wanted.get('group_id'), is_mark=wanted.get('is_mark'))
        after, skip = dict(after, **created), SET_BY_CREATE
    for key in SETTINGS:
        if key in changes and key not in skip:
            domains.set(after['id'], key, changes[key])
    return changes, domains.get(after['id']) or after


def check_removable(domain, records):
    """Refuse to remove a domain that holds records besides the system NS records (without force)."""
    user_records = [r for r in records if not r.get('hold')]
    if user_records:
        raise TaskError('domain: %s holds %d record(s) besides the system NS records; it was not removed. '
                        'Set force=true to remove the domain with its records.' % (domain['name'], len(user_records)))


def ensure_absent(api, current, force, check_mode):
    """Remove the domain -> ``(changes, after)``; without ``force`` only when it holds no records
    of its own."""
    if current is None:
        return {}, {}
    if not force:
        # the records area's listing: api.records once that area is in the API layer
        check_removable(current, api.records.list(current['id']))
    if not check_mode:
        api.domains.remove(current['id'])
    return {'state': 'absent'}, {}


def transfer_result(current, email, check_mode, api):
    """state=present with transfer_to: Domain.Transfer unless the domain is not here (any more) or
    already belongs to ``email`` -> ``(changed, before)``."""
    if current is None:
        return False, None
    before = dict(diff_view(current), owner=current.get('owner'))
    if acquire.owner_is(current, email):
        return False, before
    if not check_mode:
        api.domains.transfer(current['id'], email, current['name'])
    return True, before


def transfer_diff(before, changed, email):
    return dict(before=before or {}, after=dict(before, owner=email) if before and changed else (before or {}))
