# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What dnspod_record and dnspod_records share: the options of one record set, turning them into
a DesiredSet, and running a plan (check mode, diff, partial failures, result)."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import guards
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import normalize
from ansible_collections.dnspod.dnspod.plugins.module_utils import precheck
from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodError


def record_set_spec():
    """Options that describe one record set (module options of dnspod_record, suboptions of
    dnspod_records' records)."""
    return dict(
        sub_domain=dict(type='str', default='@', aliases=['name', 'record']),
        record_type=dict(type='str', required=True, aliases=['type']),
        record_line=dict(type='str', aliases=['line']),
        # raw, not list: Ansible's list type splits a plain string on commas, and a DMARC or SPF
        # TXT value holds commas. value_list() makes the list.
        value=dict(type='raw', aliases=['values']),
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
    """Whether a sub_domain can only be made relative once the domain's name is known: a name
    with a final dot, or one that may be a full name without it (names.may_be_full_name)."""
    return sub_domain is not None and names.may_be_full_name(sub_domain)


def value_list(value, parameter='value'):
    """The ``value`` option (type raw) -> a list of strings, or None.

    One string is ONE value, commas and all (``v=DMARC1; p=none; rua=mailto:a@x,mailto:b@x``);
    a list is a list of values. Numbers are written as text. Raises ValidationError for a
    mapping, a nested list or a boolean (``yes`` unquoted in YAML), which are no record value."""
    if value is None:
        return None
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    result = []
    for index, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            where = parameter if not isinstance(value, (list, tuple)) else '%s[%d]' % (parameter, index)
            raise validation.ValidationError(where, 'a record value is a string, got %s %r (quote it in YAML)'
                                             % (type(item).__name__, item))
        result.append(item if isinstance(item, str) else str(item))
    return result


def _check_cname_target(sub_domain, record_type, values, domain_name):
    """A CNAME cannot point to its own name: resolvers answer SERVFAIL for the loop. No DNSPod
    document or recording says whether the API refuses it, so it is refused here, before any write
    (as Cloudflare's API does, code 9039)."""
    if record_type != 'CNAME' or not values or domain_name is None:
        return
    own = names.fqdn(sub_domain, domain_name)
    for value in values:
        if names.value_key('CNAME', value) == own:
            raise validation.ValidationError('value', '%r points to its own name %s: a CNAME cannot point to '
                                                      'itself' % (value, own))


def desired_set(params, domain_name, default_line, grade=None, parameter_prefix=''):
    """Validate one record set's options and build its DesiredSet. Raises ValidationError naming
    the parameter (prefixed, e.g. 'records[2].ttl', for the bulk module)."""
    def fail(exc):
        raise validation.ValidationError(parameter_prefix + exc.parameter, exc.message)

    try:
        guards.check_values_not_empty(params.get('value'), 'value', (
            'To remove this set, leave it out of records and set purge=true.' if parameter_prefix else
            'To remove the whole set, leave value out and set state=absent.'))
    except validation.ValidationError as exc:
        fail(exc)
    sub_domain = params.get('sub_domain')
    if sub_domain is None or sub_domain.strip() == '':
        sub_domain = '@'
    try:
        # Without the domain's name (given by ID) only relative names are accepted here.
        sub_domain = names.relative_name(sub_domain, domain_name)
    except ValueError as exc:
        fail(validation.ValidationError('sub_domain', str(exc)))
    # 'default' and '默认' are the same line: the one this service calls its default.
    line = names.normalize_line(params.get('record_line'), default_line) or default_line
    try:
        record_type = validation.validate_record_type(params['record_type'])
        validation.validate_line(line)
        given = value_list(params.get('value'))
        values = validation.validate_record_set(
            sub_domain, record_type, given, params.get('ttl'), params.get('mx'),
            params.get('weight'), params.get('status'), grade=grade)
        # MX values may carry their own priority ('10 mail.example.com'); mx is for the others.
        priorities = validation.mx_priorities(given) if record_type == 'MX' else None
        _check_cname_target(sub_domain, record_type, values, domain_name)
    except validation.ValidationError as exc:
        fail(exc)
    return recordset.DesiredSet(
        sub_domain=sub_domain, record_type=record_type, record_line=line, values=values,
        ttl=params.get('ttl'), mx=params.get('mx'), weight=params.get('weight'),
        status=params.get('status'), remark=params.get('remark'), priorities=priorities)


def prevalidate_by_id(params, default_line, parameter_prefix=''):
    """For a domain given by ID and a name that needs the domain's name (needs_domain_name): every
    check that can be made before the first call, the name read as relative (without its final
    dot). The set itself is built again once the listing names the domain. Raises ValidationError."""
    sub_domain = str(params.get('sub_domain')).strip()
    read_as = dict(params, sub_domain=sub_domain[:-1] if sub_domain.endswith('.') else sub_domain)
    desired_set(read_as, None, default_line, parameter_prefix=parameter_prefix)


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
                api=common.api_summary(client), changed=bool(exc.done) or client.writes > 0, **details)
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


def converge_counted(module, client, domain, current, operations, bump):
    """``converge`` for a task holding a set guard (setlock.py): whatever happens, a plan that was
    (or may have been partly) applied counts the set as written, so that the other tasks waiting
    for it read it again. Returns the records after the plan and the result so far."""
    result = dict(domain=dict(id=domain['id'], name=domain['name']))
    try:
        after = converge(module, client, domain['id'], current, operations, result)
    finally:
        if operations and not module.check_mode:
            bump()
    return after, result


# Record.List codes that mean "this account has no such domain": 6 bad domain ID (documents),
# 9 not the owner (documents), 13 no domain of that name (recordings, answered for a name).
UNKNOWN_DOMAIN_CODES = ('6', '9', '13')


def list_domain_records(client, domain, sub_domain=None, record_type=None, record_line=None):
    """Every record of a domain given by name or ID, with the domain itself, from Record.List alone.

    Record.List takes ``domain`` (a name) as well as ``domain_id`` and answers with a ``domain``
    block (id, name, punycode, grade, owner), so a module needs no Domain.Info. Pages of
    ``client.page_size`` records from offset 0 until ``info.record_total`` (the same rules as
    ``client.list_records``): ``ceil(total / page size)`` calls. The filters are sent and applied
    again to the answer (the server's ``sub_domain=@`` also returns ``*`` records).

    Returns ``(domain, records)``: ``domain`` is the canonical domain of the answer, or None when
    the answer carries no ``domain`` block (an old server's code 10 for an empty listing);
    ``records`` are canonical records. Raises DNSPodError.
    """
    block, records = client.list_records_and_domain(domain, sub_domain, record_type, record_line)
    return (normalize.normalize_domain(block) if block is not None else None), records


# Record.List codes for a domain name the account does not hold at all (not one another account
# holds, 9): what a dnspod_domain task earlier in the play would create.
NEW_DOMAIN_CODES = ('6', '13')


def domain_to_create(module, domain, exc):
    """In check mode, a domain given by name that is not in the account yet, as in the dry run of a
    play whose dnspod_domain task creates it first: warn naming the domain and return it as a domain
    without records (``id`` None, so every set is planned as created), else None.

    A real run still fails naming ``domain`` (nothing can be written into a domain that is not
    there), and so does a domain given by ID (an ID is never "to be created")."""
    if not module.check_mode or exc.code not in NEW_DOMAIN_CODES:
        return None
    try:
        name = domain_name_for_validation(domain)
    except validation.ValidationError:
        return None
    if name is None:
        return None
    module.warn('domain: %s is not in this DNSPod account yet; check mode reports every record set as to be '
                'created. A real run fails unless the domain exists by then (for example, created by a '
                'dnspod.dnspod.dnspod_domain task before this one).' % name)
    return dict(id=None, name=name, grade=None)


def read_records(module, client, domain, sub_domain=None, record_type=None, record_line=None):
    """``list_domain_records`` for a module: ``(domain, records)`` with ``domain`` a dict of id,
    name and grade, or the module failed. An unknown domain fails naming the parameter ``domain``,
    except in check mode for a name (``domain_to_create``: no records, ``id`` None).

    Only when the answer has no ``domain`` block and the domain was given by name (its ID is
    needed for the writes) is the domain read with Domain.Info; given by ID, the name and grade
    are then None."""
    try:
        found, records = list_domain_records(client, domain, sub_domain, record_type, record_line)
    except DNSPodAPIError as exc:
        to_create = domain_to_create(module, domain, exc)
        if to_create is not None:
            return to_create, []
        if exc.code in UNKNOWN_DOMAIN_CODES:
            module.fail_json(msg='domain: %s is not in this DNSPod account (%s)' % (domain, exc),
                             api=common.api_summary(client), **common.error_details(exc))
        common.fail_from_error(module, exc, api=common.api_summary(client))
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))
    if found is None:
        if str(domain).strip().isdigit():
            found = dict(id=str(domain).strip(), name=None, grade=None)
        else:
            found = common.resolve_domain(module, client, domain)
    return dict(id=found['id'], name=found['name'] or None, grade=found['grade'] or None), records


def read_at_full_name(module, client, domain_id, full_name, reading):
    """``read_records`` for a domain given by ID and a full host name (``www.example.com.``):
    which part of the name is the host depends on the domain's name, which only an answer tells.

    ``reading(domain_name)`` is the caller's reading of its task once the domain's name is known:
    ``(state, filters)``, the Record.List filters as keyword arguments; it raises
    ValidationError for a task that is wrong in that reading. The listing is sent first for the
    likeliest domain (names.likely_zone); when the answer names another domain, it is sent again
    for that one. So one Record.List when the guess holds, two when not, and a Domain.Info only
    when the guess cannot be read or the answer names no domain. Returns
    ``(state, domain, records)``, or the module failed."""
    guess = names.likely_zone(full_name)
    name = None
    if guess is not None:
        try:
            state, filters = reading(guess)
        except validation.ValidationError:
            state = filters = None
        if filters is not None:
            domain, records = read_records(module, client, domain_id, **filters)
            if domain['name'] == guess:
                return state, domain, records
            name = domain['name']
    if name is None:
        name = common.resolve_domain(module, client, domain_id)['name']
    try:
        state, filters = reading(name)
    except validation.ValidationError as exc:
        module.fail_json(msg=str(exc), api=common.api_summary(client))
    domain, records = read_records(module, client, domain_id, **filters)
    if domain['name'] is None:
        domain['name'] = name
    return state, domain, records


def check_grade(sets, grade, parameter_prefix=None):
    """The checks that need the domain's grade (the minimum TTL), once it is known from the
    listing. ``parameter_prefix(index)`` names the item, e.g. 'records[2].'. Raises ValidationError."""
    if not grade:
        return
    for index, desired in enumerate(sets):
        try:
            validation.validate_ttl(desired.ttl, grade)
        except validation.ValidationError as exc:
            prefix = parameter_prefix(index) if parameter_prefix else ''
            raise validation.ValidationError(prefix + exc.parameter, exc.message)


# Record types every grade has (Record.Type of the free grades, documents and emulator): a write of
# another type, or on a line other than the default, is checked against the grade first.
ALWAYS_ALLOWED_TYPES = ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS')


def _written(operations):
    """The records the creates and modifies of a plan write (their ``after`` fields)."""
    return [op.after for op in operations if op.action in ('create', 'modify') and op.after]


def _grade_list(client, action, params, key):
    answer = client.call(action, params)
    items = answer.get(key) or []
    if isinstance(items, dict):
        items = list(items.values())
    return [str(item) for item in items]


def check_writes(module, client, domain, current, operations, parameter_prefix=None):
    """Before the first write of a plan: the record types and lines it writes exist on the
    domain's grade, no CNAME ends up beside another record at the same name and line, no A, CNAME
    and URL records share one, and no write goes over the grade's round-robin limit (precheck.py).

    Sends no call for the common case (types of ALWAYS_ALLOWED_TYPES or already in the domain,
    the default line or a line already in the domain); otherwise one Record.Type and/or one
    Record.Line (reads) for the grade from the listing. ``parameter_prefix(sub_domain,
    record_type, record_line)`` names the item, e.g. 'records[2].'. Fails the module naming
    record_type/record_line (with the grade's allowed values) before anything is written."""
    def prefix(rec):
        return parameter_prefix(rec['sub_domain'], rec['record_type'], rec['record_line']) if parameter_prefix else ''

    def fail(msg):
        module.fail_json(msg=msg, operations=[op.to_dict() for op in operations], api=common.api_summary(client))

    grade = domain.get('grade')
    try:
        # The grade's round-robin limit (25, or 500025/500026), write by write: a Record.Status that
        # enables a record counts too, so this comes before the return for plans without writes.
        precheck.check_round_robin(current, operations, grade, parameter=lambda rec: prefix(rec) + 'value')
    except validation.ValidationError as exc:
        fail(str(exc))
    written = _written(operations)
    if not written:
        return
    known_types = set(ALWAYS_ALLOWED_TYPES) | set(r['record_type'] for r in current)
    default = str(client.default_line).strip().lower()
    known_lines = set([default]) | set(str(r['record_line']).strip().lower() for r in current)
    new_types = [r for r in written if r['record_type'] not in known_types]
    new_lines = [r for r in written if str(r['record_line']).strip().lower() not in known_lines]
    try:
        if new_types and grade:
            types = _grade_list(client, 'Record.Type', dict(domain_grade=grade), 'types')
            for rec in new_types:
                if rec['record_type'] not in types:
                    fail('%srecord_type: %s records are not available on the domain\'s grade %s; '
                         'its record types (Record.Type): %s'
                         % (prefix(rec), rec['record_type'], grade, ', '.join(types)))
        if new_lines and grade:
            lines = _grade_list(client, 'Record.Line', dict(domain_grade=grade, domain_id=domain['id']), 'lines')
            allowed = set(line.strip().lower() for line in lines)
            for rec in new_lines:
                if str(rec['record_line']).strip().lower() not in allowed:
                    fail('%srecord_line: %s is not a line of the domain\'s grade %s (unknown, or the grade lacks '
                         'it); its lines (Record.Line): %s'
                         % (prefix(rec), rec['record_line'], grade, ', '.join(lines)))
    except DNSPodError as exc:
        common.fail_from_error(module, exc, api=common.api_summary(client))
    touched = {}
    for rec in written:
        key = (str(rec['sub_domain']).lower(), str(rec['record_line']).lower())
        if key not in touched or rec['record_type'] == 'CNAME':
            touched[key] = rec
    try:
        after = recordset.predict_after(current, operations)
        validation.check_cname_records(after, touched, parameter=lambda key: prefix(touched[key]) + 'record_type')
        # What the API would refuse half-way through the plan (code 31): refused here, in check
        # mode too, before any write.
        precheck.check_exclusive_types(after, touched, parameter=lambda key: prefix(touched[key]) + 'record_type')
    except validation.ValidationError as exc:
        fail(str(exc))
