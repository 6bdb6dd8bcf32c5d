#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r'''
module: dnspod_domain
short_description: Add, configure or remove a domain in a DNSPod account
version_added: 0.2.0
description:
  - Makes sure a domain is in the DNSPod account (C(Domain.Create)) or not (C(Domain.Remove)).
  - Sets its status, remark, star, group and search-engine push, writing only the settings that differ.
  - With O(transfer_to), gives the domain to another DNSPod account (C(Domain.Transfer)).
extends_documentation_fragment:
  - dnspod.dnspod.dnspod
  - dnspod.dnspod.dnspod.ACTIONS
options:
  domain:
    description:
      - Domain name, without C(www), for example C(example.com). Internationalised names are converted to punycode.
      - The numeric ID of a domain already in the account is accepted too, but a domain cannot be created from an ID.
    type: str
    required: true
    aliases: [name]
  state:
    description:
      - Whether the domain should be in the account.
    type: str
    default: present
    choices: [present, absent]
  status:
    description:
      - V(enabled) resolves the domain, V(disabled) pauses it (C(Domain.Status)).
      - Left as it is when not set.
    type: str
    choices: [enabled, disabled]
  remark:
    description:
      - Remark of the domain (C(Domain.Remark)). An empty string removes the remark.
      - Left as it is when not set.
    type: str
  is_mark:
    description:
      - Whether the domain is starred (C(Domain.Ismark)).
      - Left as it is when not set.
    type: bool
  group:
    description:
      - Group of the domain, by numeric ID or by name (C(Domain.Changegroup)).
      - Names are looked up with C(Domaingroup.List), which free accounts cannot call; give the ID there.
      - Left as it is when not set.
    type: str
  searchengine_push:
    description:
      - Whether DNSPod pushes the domain to search engines (C(Domain.Searchenginepush)).
      - Left as it is when not set.
    type: bool
  transfer_to:
    description:
      - E-mail of another DNSPod account to give the domain to (C(Domain.Transfer)). B(This gives the domain away),
        it leaves this account with its records, and only the other account can give it back.
      - Only acts when set, and only with O(state=present); it cannot be combined with the settings options
        (O(status), O(remark), O(is_mark), O(group), O(searchengine_push)).
      - The domain must be in this account. When it is not (for example on a second run after the transfer), nothing
        is sent, the task reports no change and warns that there was nothing to transfer; it never re-creates the domain.
      - When the domain's owner already is O(transfer_to), nothing is sent.
      - The API refuses a transfer to an unknown e-mail (code C(8)), to the account itself (C(9)) and between personal
        and enterprise accounts (C(10), C(11)).
    type: str
  force:
    description:
      - With O(state=absent), remove the domain even when it holds records besides the system NS records.
      - Without it, such a domain is not removed and the task fails, so that a typo cannot delete a zone.
    type: bool
    default: false
author:
  - dnspod.dnspod contributors (@dnspod-ansible)
'''

EXAMPLES = r'''
- name: Add a domain, starred, in a group
  dnspod.dnspod.dnspod_domain:
    domain: example.com
    is_mark: true
    group: "1"
    remark: managed by Ansible
    login_token: "{{ dnspod_token }}"

- name: Pause a domain
  dnspod.dnspod.dnspod_domain:
    domain: example.com
    status: disabled

- name: Remove an empty domain
  dnspod.dnspod.dnspod_domain:
    domain: old.example
    state: absent

- name: Give a domain to another DNSPod account (it leaves this account)
  dnspod.dnspod.dnspod_domain:
    domain: sold.example
    transfer_to: new-owner@example.net

- name: Remove a domain and all of its records
  dnspod.dnspod.dnspod_domain:
    domain: retired.example
    state: absent
    force: true
'''

RETURN = r'''
domain:
  description:
    - The domain after the task (in check mode, as it would be).
    - Empty when the domain is absent.
    - See M(dnspod.dnspod.dnspod_domain_info) for every field.
  returned: always
  type: dict
  sample: {"id": "2059079", "name": "example.com", "status": "enabled", "remark": "", "is_mark": false,
           "group_id": "1", "searchengine_push": true, "grade": "DP_Free"}
changes:
  description:
    - The settings that were (or in check mode would be) written, as C(setting -> new value).
    - C(state) is in it when the domain was (or would be) created or removed, C(owner) when it was (or would be)
      transferred with O(transfer_to).
  returned: always
  type: dict
  sample: {"remark": "managed by Ansible"}
# BEGIN shared api_write (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)
api:
  description: API calls and writes the task sent.
  returned: always
  type: dict
  sample: {"calls": 2, "writes": 1}
# END shared api_write
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.dnspod.dnspod.plugins.module_utils import acquire
from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError

# The settings this module manages, in the order they are written after a create.
SETTINGS = ('status', 'remark', 'is_mark', 'group_id', 'searchengine_push')
SETTING_OPTIONS = ('status', 'remark', 'is_mark', 'group', 'searchengine_push')


def diff_view(domain):
    if not domain:
        return {}
    view = dict((key, domain.get(key)) for key in ('name',) + SETTINGS)
    return view


def wanted_settings(module, client):
    """The settings the task names, with the group resolved to its ID."""
    params = module.params
    wanted = {}
    for key in ('status', 'remark', 'is_mark', 'searchengine_push'):
        if params[key] is not None:
            wanted[key] = params[key]
    if params['group'] is not None:
        try:
            wanted['group_id'] = common.resolve_group_id(client, params['group'])
        except ValueError as exc:
            module.fail_json(msg=str(exc), api=common.api_summary(client))
    return wanted


def write_setting(client, domain_id, key, value):
    if key == 'status':
        client.set_domain_status(domain_id, value)
    elif key == 'remark':
        client.set_domain_remark(domain_id, value)
    elif key == 'is_mark':
        client.set_domain_mark(domain_id, value)
    elif key == 'searchengine_push':
        client.set_domain_searchengine_push(domain_id, value)
    elif key == 'group_id':
        client.change_domain_group(domain_id, value)


def ensure_present(module, client, name, current):
    wanted = wanted_settings(module, client)
    if current is None:
        if name.isdigit():
            module.fail_json(msg='domain: no domain with ID %s in this account; give a name to create one' % name,
                             api=common.api_summary(client))
        # Domain.Create sets group and star itself; a new domain is enabled, unstarred and pushed.
        defaults = dict(status='enabled', remark='', is_mark=False, group_id='1', searchengine_push=True)
        changes = dict((k, v) for k, v in wanted.items() if defaults.get(k) != v)
        changes['state'] = 'present'
        predicted = dict(defaults, name=name, punycode=name, **wanted)
        if module.check_mode:
            return True, predicted, changes, None
        created = client.create_domain(name, group_id=wanted.get('group_id'), is_mark=wanted.get('is_mark'))
        # Domain.Create already set the group and the star.
        for key in SETTINGS:
            if key in changes and key not in ('state', 'group_id', 'is_mark'):
                write_setting(client, created['id'], key, changes[key])
        return True, client.get_domain(created['id']) or dict(predicted, **created), changes, None

    changes = dict((k, v) for k, v in wanted.items() if current.get(k) != v)
    if not changes:
        return False, current, changes, current
    if module.check_mode:
        return True, dict(current, **changes), changes, current
    for key in SETTINGS:
        if key in changes:
            write_setting(client, current['id'], key, changes[key])
    return True, client.get_domain(current['id']) or dict(current, **changes), changes, current


def ensure_absent(module, client, current):
    if current is None:
        return False, {}, {}, None
    if not module.params['force']:
        user_records = [r for r in client.list_records(current['id']) if not r.get('hold')]
        if user_records:
            module.fail_json(
                msg='domain: %s holds %d record(s) besides the system NS records; it was not removed. '
                    'Set force=true to remove the domain with its records.' % (current['name'], len(user_records)),
                api=common.api_summary(client))
    if not module.check_mode:
        client.remove_domain(current['id'])
    return True, {}, {'state': 'absent'}, current


def ensure_transferred(module, client, current, email):
    """Domain.Transfer to ``email`` unless the domain is not here (any more) or already belongs to it."""
    if current is None:
        module.warn('domain: %s is not in this account (transferred already?); there is nothing to transfer'
                    % module.params['domain'])
        return False, {}, {}, None
    before = dict(diff_view(current), owner=current.get('owner'))
    if acquire.owner_is(current, email):
        return False, current, {}, before
    if not module.check_mode:
        acquire.transfer(client, current['id'], email, current['name'])
    # the domain has left the account: nothing of it is shown any more
    return True, {}, {'owner': email}, before


def main():
    argument_spec = common.dnspod_argument_spec()
    argument_spec.update(
        domain=dict(type='str', required=True, aliases=['name']),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        status=dict(type='str', choices=['enabled', 'disabled']),
        remark=dict(type='str'),
        is_mark=dict(type='bool'),
        group=dict(type='str'),
        searchengine_push=dict(type='bool'),
        force=dict(type='bool', default=False),
        transfer_to=dict(type='str'),
    )
    kwargs = common.dnspod_module_kwargs()
    kwargs['mutually_exclusive'] = kwargs['mutually_exclusive'] + [('transfer_to', opt) for opt in SETTING_OPTIONS]
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True, **kwargs)
    transfer_to = module.params['transfer_to']
    if transfer_to is not None:
        try:
            transfer_to = acquire.check_email(transfer_to, 'transfer_to')
        except ValueError as exc:
            module.fail_json(msg=str(exc))
        if module.params['state'] != 'present':
            module.fail_json(msg='transfer_to: only with state=present (a transfer gives the domain away; it does not remove it)')
    name = module.params['domain'].strip()
    if not name.isdigit():
        try:
            name = names.normalize_domain_name(name)
        except ValueError as exc:
            module.fail_json(msg='domain: %s' % exc)

    client = common.create_client(module)
    try:
        current = acquire.own_domain(client, name) if transfer_to is not None else client.get_domain(name)
        if transfer_to is not None:
            changed, after, changes, before = ensure_transferred(module, client, current, transfer_to)
        elif module.params['state'] == 'present':
            changed, after, changes, before = ensure_present(module, client, name, current)
        else:
            changed, after, changes, before = ensure_absent(module, client, current)
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))

    result = dict(changed=changed, domain=after or {}, changes=changes, api=common.api_summary(client))
    if module._diff and transfer_to is not None:
        after_view = dict(before, owner=transfer_to) if before and changes else (before or {})
        result['diff'] = dict(before=before or {}, after=after_view)
    elif module._diff:
        result['diff'] = dict(before=diff_view(before), after=diff_view(after))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
