# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What dnspod_record, dnspod_records and dnspod_record_info share: the options of one record set,
turning them into a DesiredSet, reading a domain's records by name or ID (``task.api.records``),
the checks before the first write, and applying a plan (check mode, diff, partial failures).

Nothing here calls the module: failures raise errors.TaskError (validation.ValidationError for bad
input), which the runner (runner.py) turns into the task's failure."""

from __future__ import annotations

from ansible_collections.dnspod.dnspod.plugins.module_utils import common
from ansible_collections.dnspod.dnspod.plugins.module_utils import guards
from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils import precheck
from ansible_collections.dnspod.dnspod.plugins.module_utils import recordset
from ansible_collections.dnspod.dnspod.plugins.module_utils import validation
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import NEW_DOMAIN_CODES, UNKNOWN_DOMAIN_CODES
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError, DNSPodError, TaskError


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


def set_before_reading(params, default_line):
    """``(domain_name, desired)`` of dnspod_record's task before the first call: the domain's name
    (None when given by ID) and the DesiredSet, or None for a domain given by ID and a name that
    needs the domain's name (checked as far as it can be, as prevalidate_by_id). Raises
    ValidationError."""
    domain_name = domain_name_for_validation(params['domain'])
    if domain_name is not None or not needs_domain_name(params['sub_domain']):
        return domain_name, desired_set(params, domain_name, default_line)
    prevalidate_by_id(params, default_line)
    return domain_name, None


def set_filters(desired):
    """The filters of a set's one Record.List: every type at its name and line, to see what it
    would sit beside (a CNAME beside any record, an A beside a CNAME or URL record are refused
    before any write)."""
    return dict(sub_domain=desired.sub_domain, record_line=desired.record_line, record_type=None)


def set_and_filters(params, domain_name, default_line):
    """The reading of read_at_full_name for one set: ``(desired, filters)``."""
    desired = desired_set(params, domain_name, default_line)
    return desired, set_filters(desired)


def set_lock_key(params, desired, default_line):
    """The key of the set's guard (setlock.py): the set's own, or the name as given (a full name of
    a domain given by ID)."""
    if desired is not None:
        return desired.key
    return ('full name', params['sub_domain'], params['record_type'], params.get('record_line') or default_line)


def _ignore_rules(ignore, domain_name, default_line):
    """dnspod_records' ``ignore`` entries -> rules of recordset.plan_domain; raises ValidationError."""
    rules = []
    for index, item in enumerate(ignore):
        rule = {}
        try:
            if item.get('sub_domain') is not None:
                rule['sub_domain'] = names.relative_name(item['sub_domain'], domain_name)
            if item.get('record_type') is not None:
                rule['record_type'] = validation.validate_record_type(item['record_type'])
        except (ValueError, validation.ValidationError) as exc:
            raise validation.ValidationError('ignore[%d]' % index, str(exc))
        if item.get('record_line') is not None:
            # Like a set's record_line: 'default' is the default line (默认 on dnsapi.cn).
            rule['record_line'] = names.normalize_line(item['record_line'], default_line)
        rules.append(rule)
    return rules


def zone_sets(params, domain_name, default_line, grade=None):
    """dnspod_records' ``records`` and ``ignore`` -> ``(desired sets, ignore rules)``, every item
    checked (errors name ``records[i].<option>``). Raises ValidationError."""
    sets = [desired_set(item, domain_name, default_line, grade=grade, parameter_prefix='records[%d].' % index)
            for index, item in enumerate(params['records'])]
    validation.check_duplicate_sets(sets)
    validation.check_cname_conflicts(sets)
    return sets, _ignore_rules(params['ignore'], domain_name, default_line)


def zone_before_reading(params, default_line):
    """``(domain_name, sets, ignore)`` of dnspod_records' task before the first call. For a domain
    given by ID with names that need the domain's name, sets and ignore are None, once every check
    that can be made before the listing passed (the names read as relative). Raises ValidationError."""
    guards.check_purge_list(params['records'], params['purge'], params['allow_empty'], 'records', 'record set')
    guards.check_threshold_options(params)
    domain_name = domain_name_for_validation(params['domain'])
    if domain_name is not None or not any(needs_domain_name(item.get('sub_domain'))
                                          for item in params['records'] + params['ignore']):
        return (domain_name,) + tuple(zone_sets(params, domain_name, default_line))
    for index, item in enumerate(params['records']):
        prevalidate_by_id(item, default_line, parameter_prefix='records[%d].' % index)
    relative = [dict(item, sub_domain=str(item['sub_domain']).strip().rstrip('.'))
                if item.get('sub_domain') is not None else item for item in params['ignore']]
    _ignore_rules(relative, None, default_line)
    return domain_name, None, None


def item_prefix(sets):
    """check_writes' ``parameter_prefix`` for dnspod_records: the item of a set, ``records[i].``
    (the items of one MX set are merged into one set; errors name the first)."""
    index = {}
    for i, d in enumerate(sets):
        index.setdefault(recordset.set_key(d.sub_domain, d.record_type, d.record_line), i)

    def prefix(sub_domain, record_type, record_line):
        found = index.get(recordset.set_key(sub_domain, record_type, record_line))
        return 'records[%d].' % found if found is not None else ''
    return prefix


class RecordQuery:
    """dnspod_record_info's filters, checked before the first call (raises ValidationError):
    ``sub_domain`` relative to the domain, or as given while ``needs_domain_name`` (a domain given by
    ID with a full name: read with read_at_full_name and ``reading``)."""

    def __init__(self, params):
        self.sub_domain = params['sub_domain']
        self.record_line = params['record_line']
        domain_name = domain_name_for_validation(params['domain'])
        self.record_type = validation.validate_record_type(params['record_type']) if params['record_type'] else None
        self.needs_domain_name = domain_name is None and needs_domain_name(self.sub_domain)
        if self.sub_domain is not None and not self.needs_domain_name:
            self.sub_domain = self._relative(domain_name)

    def _relative(self, domain_name):
        try:
            return names.relative_name(self.sub_domain, domain_name)
        except ValueError as exc:
            raise validation.ValidationError('sub_domain', str(exc))

    def filters(self, sub_domain=None):
        return dict(sub_domain=sub_domain or self.sub_domain, record_type=self.record_type,
                    record_line=self.record_line)

    def reading(self, domain_name):
        """The reading of read_at_full_name: ``(relative name, filters)``."""
        relative = self._relative(domain_name)
        return relative, self.filters(relative)


def read_set(task, domain_name, desired):
    """Read the set (one Record.List of every type at its name and line, by the domain's name or
    ID: the answer gives the domain's ID and grade) and plan its writes; raises TaskError for a task
    that is wrong once the set is known. Returns ``((domain, current, operations), operations)``."""
    params, line = task.params, task.client.default_line
    if desired is None:    # given by ID with a full name: the host part depends on the domain's name
        desired, domain, at_name = read_at_full_name(
            task, params['domain'], params['sub_domain'], lambda name: set_and_filters(params, name, line))
    else:
        domain, at_name = read_records(task, params['domain'], **set_filters(desired))
        if domain_name is None and domain['name']:
            # By ID: the checks that need the domain's name (253 characters, a CNAME to itself).
            desired = desired_set(params, domain['name'], line)
    current = [r for r in at_name if r['record_type'] == desired.record_type]
    check_grade([desired], domain['grade'])
    operations = recordset.plan_set(desired, current, state=params['state'], replace=params['replace'])
    check_writes(task.api, domain, at_name, operations)
    return (domain, current, operations), operations


def read_zone(task, domain_name, sets, ignore):
    """Read the zone (one paged Record.List, by the domain's name or ID: its answer names the
    domain, its ID and grade) and plan its writes; raises TaskError for a task that is wrong once
    the zone is known. Returns ``((domain, current, operations), operations)``."""
    params, line = task.params, task.client.default_line
    domain, current = read_records(task, params['domain'])
    if domain_name is None and (sets is None or domain['name']):
        # Given by ID: only now is the domain's name known (full names, 253 characters, CNAMEs to
        # their own name).
        if domain['name'] is None:
            domain = task.resolve_domain(params['domain'])
        sets, ignore = zone_sets(params, domain['name'], line, grade=domain['grade'])
    else:
        check_grade(sets, domain['grade'], lambda index: 'records[%d].' % index)
    operations = recordset.plan_domain(sets, current, purge=params['purge'], ignore=ignore)
    # A records list that lost entries: refused above octoDNS's thresholds unless forced.
    guards.check_plan_size(current, operations, params)
    check_writes(task.api, domain, current, operations, item_prefix(sets))
    return (domain, current, operations), operations


def _failure(exc, original, operations, api, done=False):
    """The TaskError of a plan that failed while it was applied: the message of ``exc``, the API's
    error details of ``original``, the operations (``done`` marked), and ``changed`` when
    something was written."""
    details = common.error_details(original) if isinstance(original, DNSPodError) else {}
    return TaskError(str(exc), operations=[op.to_dict() for op in operations],
                     changed=bool(done) or api.client.writes > 0, **details)


def apply(task, domain, current, operations, bump=None):
    """Apply (or in check mode only predict) the operations of a plan made from ``current`` (the
    canonical records read). Returns ``(after, result)``: the records after the plan and the
    result so far (``domain``, ``changed``, ``operations``, ``summary``, ``diff``). A failure raises
    TaskError with the operations. ``bump`` (setlock.py): called once a plan was (or may have been
    partly) applied, so that the other tasks waiting for the set read it again."""
    result = dict(domain=dict(id=domain['id'], name=domain['name']))
    if operations and not task.check_mode:
        try:
            recordset.apply_operations(task.api, domain['id'], operations)
        except recordset.PartialApplyError as exc:
            raise _failure(exc, exc.original, operations, task.api, done=exc.done)
        except DNSPodError as exc:
            raise _failure(exc, exc, operations, task.api)
        finally:
            if bump is not None:
                bump()
    after = recordset.predict_after(current, operations)
    result.update(changed=bool(operations), operations=[op.to_dict() for op in operations],
                  summary=recordset.summarize(operations))
    if task.diff:
        result['diff'] = recordset.diff(current, after)
    return after, result


def domain_to_create(task, domain, exc):
    """In check mode, a domain given by name that is not in the account yet, as in the dry run of a
    play whose dnspod_domain task creates it first: warn naming the domain and return it as a domain
    without records (``id`` None, so every set is planned as created), else None.

    A real run still fails naming ``domain`` (nothing can be written into a domain that is not
    there), and so does a domain given by ID (an ID is never "to be created")."""
    if not task.check_mode or exc.code not in getattr(task.api.records, 'NEW_DOMAIN_CODES', NEW_DOMAIN_CODES):
        return None
    try:
        name = domain_name_for_validation(domain)
    except validation.ValidationError:
        return None
    if name is None:
        return None
    task.warn('domain: %s is not in this DNSPod account yet; check mode reports every record set as to be '
              'created. A real run fails unless the domain exists by then (for example, created by a '
              'dnspod.dnspod.dnspod_domain task before this one).' % name)
    return dict(id=None, name=name, grade=None)


def read_records(task, domain, sub_domain=None, record_type=None, record_line=None):
    """The records of a domain given by name or ID, and the domain (a dict of id, name and grade),
    from one (paged) Record.List: ``(domain, records)``. An unknown domain raises TaskError naming
    the option ``domain``, except in check mode for a name (``domain_to_create``: no records, ``id``
    None).

    Only when the answer has no ``domain`` block and the domain was given by name (its ID is
    needed for the writes) is the domain read with Domain.Info; given by ID, the name and grade
    are then None."""
    try:
        found, records = task.api.records.list_with_domain(domain, sub_domain, record_type, record_line)
    except DNSPodAPIError as exc:
        to_create = domain_to_create(task, domain, exc)
        if to_create is not None:
            return to_create, []
        if exc.code in getattr(task.api.records, 'UNKNOWN_DOMAIN_CODES', UNKNOWN_DOMAIN_CODES):
            raise TaskError('domain: %s is not in this DNSPod account (%s)' % (domain, exc), **common.error_details(exc))
        raise
    if found is None:
        if str(domain).strip().isdigit():
            found = dict(id=str(domain).strip(), name=None, grade=None)
        else:
            found = task.resolve_domain(domain)
    return dict(id=found['id'], name=found['name'] or None, grade=found['grade'] or None), records


def read_at_full_name(task, domain_id, full_name, reading):
    """``read_records`` for a domain given by ID and a full host name (``www.example.com.``):
    which part of the name is the host depends on the domain's name, which only an answer tells.

    ``reading(domain_name)`` is the caller's reading of its task once the domain's name is known:
    ``(state, filters)``, the Record.List filters as keyword arguments; it raises
    ValidationError for a task that is wrong in that reading. The listing is sent first for the
    likeliest domain (names.likely_zone), or for the domain's name when the records area already
    knows it (``known_name``: API 3.0, which sends the name on every call); when the answer names
    another domain, it is sent again for that one. So one Record.List when the guess holds, two when not, and a Domain.Info only
    when the guess cannot be read or the answer names no domain. Returns
    ``(state, domain, records)``; raises TaskError."""
    # A backend that names the domain on every call (API 3.0) knows its name before the listing: no guess.
    known = getattr(task.api.records, 'known_name', None)
    guess = (known(domain_id) if known is not None else None) or names.likely_zone(full_name)
    name = None
    if guess is not None:
        try:
            state, filters = reading(guess)
        except validation.ValidationError:
            state = filters = None
        if filters is not None:
            domain, records = read_records(task, domain_id, **filters)
            if domain['name'] == guess:
                return state, domain, records
            name = domain['name']
    if name is None:
        name = task.resolve_domain(domain_id)['name']
    state, filters = reading(name)
    domain, records = read_records(task, domain_id, **filters)
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


def check_writes(api, domain, current, operations, parameter_prefix=None):
    """Before the first write of a plan: the record types and lines it writes exist on the
    domain's grade, no CNAME ends up beside another record at the same name and line, no A, CNAME
    and URL records share one, and no write goes over the grade's round-robin limit (precheck.py).

    Sends no call for the common case (types of ALWAYS_ALLOWED_TYPES or already in the domain,
    the default line or a line already in the domain); otherwise one Record.Type and/or one
    Record.Line (reads) for the grade from the listing. ``parameter_prefix(sub_domain,
    record_type, record_line)`` names the item, e.g. 'records[2].'. Raises TaskError naming
    record_type/record_line (with the grade's allowed values), with the operations, before
    anything is written."""
    def prefix(rec):
        return parameter_prefix(rec['sub_domain'], rec['record_type'], rec['record_line']) if parameter_prefix else ''

    def refuse(msg):
        return TaskError(msg, operations=[op.to_dict() for op in operations])

    grade = domain.get('grade')
    try:
        # The grade's round-robin limit (25, or 500025/500026), write by write: a Record.Status that
        # enables a record counts too, so this comes before the return for plans without writes.
        precheck.check_round_robin(current, operations, grade, parameter=lambda rec: prefix(rec) + 'value')
    except validation.ValidationError as exc:
        raise refuse(str(exc))
    written = _written(operations)
    if not written:
        return
    known_types = set(ALWAYS_ALLOWED_TYPES) | set(r['record_type'] for r in current)
    default = str(api.client.default_line).strip().lower()
    known_lines = set([default]) | set(str(r['record_line']).strip().lower() for r in current)
    new_types = [r for r in written if r['record_type'] not in known_types]
    new_lines = [r for r in written if str(r['record_line']).strip().lower() not in known_lines]
    if new_types and grade:
        types = api.records.types(grade)
        for rec in new_types:
            if rec['record_type'] not in types:
                raise refuse('%srecord_type: %s records are not available on the domain\'s grade %s; '
                             'its record types (Record.Type): %s'
                             % (prefix(rec), rec['record_type'], grade, ', '.join(types)))
    if new_lines and grade:
        lines = api.records.lines(grade, domain['id'])
        allowed = set(line.strip().lower() for line in lines)
        for rec in new_lines:
            if str(rec['record_line']).strip().lower() not in allowed:
                raise refuse('%srecord_line: %s is not a line of the domain\'s grade %s (unknown, or the grade lacks '
                             'it); its lines (Record.Line): %s'
                             % (prefix(rec), rec['record_line'], grade, ', '.join(lines)))
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
        raise refuse(str(exc))
