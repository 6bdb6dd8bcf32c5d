# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What dnspod_record and dnspod_records share: the options of one record set, turning them into
a DesiredSet, and running a plan (check mode, diff, partial failures, result)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodError


def record_set_spec():
    """Options that describe one record set (module options of dnspod_record, suboptions of
    dnspod_records' records)."""
    return dict(
        sub_domain=dict(type='str', default='@', aliases=['name', 'record']),
        record_type=dict(type='str', required=True, aliases=['type']),
        record_line=dict(type='str', aliases=['line']),
        value=dict(type='list', elements='str', aliases=['values']),
        ttl=dict(type='int'),
        mx=dict(type='int'),
        weight=dict(type='int'),
        status=dict(type='str', choices=['enabled', 'disabled']),
        remark=dict(type='str'),
    )


def domain_name_for_validation(domain):
    """The domain's normalised name when given by name, None when given by ID; raises ValidationError."""
    domain = str(domain).strip()
    if domain.isdigit():
        return None
    try:
        return names.normalize_domain_name(domain)
    except ValueError as exc:
        raise validation.ValidationError('domain', str(exc))


def needs_domain_name(sub_domain):
    """Whether a sub_domain can only be made relative once the domain's name is known."""
    return sub_domain is not None and sub_domain.strip().endswith('.')


def desired_set(params, domain_name, default_line, grade=None, parameter_prefix=''):
    """Validate one record set's options and build its DesiredSet. Raises ValidationError naming
    the parameter (prefixed, e.g. 'records[2].ttl', for the bulk module)."""
    def fail(exc):
        raise validation.ValidationError(parameter_prefix + exc.parameter, exc.message)

    sub_domain = params.get('sub_domain')
    if sub_domain is None or sub_domain.strip() == '':
        sub_domain = '@'
    try:
        # Without the domain's name (given by ID) only relative names are accepted here.
        sub_domain = names.relative_name(sub_domain, domain_name)
    except ValueError as exc:
        fail(validation.ValidationError('sub_domain', str(exc)))
    line = params.get('record_line') or default_line
    try:
        record_type = validation.validate_record_type(params['record_type'])
        validation.validate_line(line)
        values = validation.validate_record_set(
            sub_domain, record_type, params.get('value'), params.get('ttl'), params.get('mx'),
            params.get('weight'), params.get('status'), grade=grade)
    except validation.ValidationError as exc:
        fail(exc)
    return recordset.DesiredSet(
        sub_domain=sub_domain, record_type=record_type, record_line=line, values=values,
        ttl=params.get('ttl'), mx=params.get('mx'), weight=params.get('weight'),
        status=params.get('status'), remark=params.get('remark'))


def converge(module, client, domain_id, current, operations, result):
    """Apply (or in check mode only predict) the operations and exit the module.

    `current` are the canonical records the plan was made from; `result` holds extra result keys.
    """
    after = recordset.predict_after(current, operations)
    if operations and not module.check_mode:
        try:
            recordset.apply_operations(client, domain_id, operations)
        except recordset.PartialApplyError as exc:
            details = common.error_details(exc.original) if isinstance(exc.original, DNSPodError) else {}
            module.fail_json(
                msg=str(exc), operations=[op.to_dict() for op in operations],
                api=common.api_summary(client), **details)
        except DNSPodError as exc:
            common.fail_from_error(module, exc, operations=[op.to_dict() for op in operations],
                                   api=common.api_summary(client))
        after = recordset.predict_after(current, operations)
    result.update(
        changed=bool(operations),
        operations=[op.to_dict() for op in operations],
        summary=recordset.summarize(operations),
        api=common.api_summary(client),
    )
    if module._diff:
        result['diff'] = recordset.diff(current, after)
    return after


def domain_for_records(module, client, domain_param, domain_name, need_name):
    """The domain the records belong to. Given by ID with relative names only, no lookup is sent:
    Record.List and the writes take the ID as it is."""
    if domain_name is None and not need_name:
        return dict(id=str(domain_param).strip(), name=None, grade=None)
    return common.resolve_domain(module, client, domain_param)
