# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Input checks made before the first API call. Every error names the parameter.

Limits (from the DNSPod documents and the grade table in docs/emulator.md):
* TTL 1-604800, and at least the grade's minimum (``MIN_TTL``) when the grade is known;
* MX priority 1-20, only for MX records (``mx``, or carried by a value: ``'10 mail.example.com'``);
  weight 0-100;
* a line name is 1-64 characters;
* a TXT/SPF value is at most ``MAX_TXT_LENGTH`` = 512 characters once its surrounding quotes are
  removed (the limit DNSPod states for one TXT record; the 255-byte DNS string limit is the
  API's business: it splits longer values into several strings);
* CNAME/MX/NS targets are host names, not IP addresses; SRV is 'priority weight port target'
  with numbers 0-65535 and a host name or '.' as target; CAA is 'flags tag "value"'; URL values
  carry no blanks.
"""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.dnspod.dnspod.plugins.module_utils import names
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import TaskError

KNOWN_RECORD_TYPES = ('A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL', '显性URL', '隐性URL', 'CAA', 'SPF',
                      'HTTPS', 'SVCB')
URL_TYPES = ('URL', '显性URL', '隐性URL')
MIN_TTL = {'DP_Free': 600, 'D_Free': 600, 'DP_Plus': 120, 'D_Plus': 120, 'DP_Extra': 60, 'D_Extra': 60,
           'DP_Expert': 10, 'D_Expert': 10, 'DP_Ultra': 1, 'D_Ultra': 1}
MAX_TTL = 604800
MAX_TXT_LENGTH = 512
MAX_LINE_LENGTH = 64
STATUSES = ('enabled', 'disabled')
EMAIL = re.compile(r'^[^@\s"<>,;]+@[^@\s"<>,;]+\.[^@\s"<>,;.]+$')
CAA = re.compile(r'^(\d{1,3})\s+([A-Za-z0-9]+)\s+"(.*)"$')
# An MX value that carries its priority, in zone-file order (preference, exchange): '10 mail.example.com'.
MX_WITH_PRIORITY = re.compile(r'^\s*([0-9]+)\s+(\S+)\s*$')


class ValidationError(TaskError):
    """Bad input, found before any API call. ``str()`` is '<parameter>: <message>'."""

    def __init__(self, parameter, message):
        self.parameter = parameter
        self.message = message
        super(ValidationError, self).__init__('%s: %s' % (parameter, message))


def _integer(value, parameter):
    """An int from an int or a decimal string; booleans and anything else are refused."""
    if isinstance(value, bool):
        raise ValidationError(parameter, '%r is not an integer' % (value,))
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.match(r'^[+-]?[0-9]+$', text):
        return int(text)
    raise ValidationError(parameter, '%r is not an integer' % (value,))


def validate_record_type(record_type):
    """'cname' -> 'CNAME', '显性url' -> '显性URL'; unknown types -> ValidationError('record_type')."""
    if record_type is None or not str(record_type).strip():
        raise ValidationError('record_type', 'a record type is required')
    text = str(record_type).strip()
    upper = text.upper()
    if upper in KNOWN_RECORD_TYPES:
        return upper
    raise ValidationError('record_type', '%r is not a DNSPod record type (known: %s)'
                          % (record_type, ', '.join(KNOWN_RECORD_TYPES)))


def validate_ttl(ttl, grade=None):
    """1-604800; with a known grade at least its minimum (MIN_TTL). None passes (API default)."""
    if ttl is None:
        return None
    ttl = _integer(ttl, 'ttl')
    if not 1 <= ttl <= MAX_TTL:
        raise ValidationError('ttl', '%s is outside 1 to %d' % (ttl, MAX_TTL))
    minimum = MIN_TTL.get(grade)
    if minimum and ttl < minimum:
        raise ValidationError('ttl', '%s is below %d, the minimum TTL of the grade %s' % (ttl, minimum, grade))
    return ttl


def validate_mx(mx, record_type):
    """MX priority 1-20 for MX records; refused for other types. None passes."""
    is_mx = str(record_type).strip().upper() == 'MX'
    if mx is None:
        return None
    if not is_mx:
        raise ValidationError('mx', 'only valid for MX records, not %s' % (record_type,))
    mx = _integer(mx, 'mx')
    if not 1 <= mx <= 20:
        raise ValidationError('mx', '%s is outside 1 to 20' % mx)
    return mx


def validate_weight(weight):
    """0-100 or None."""
    if weight is None:
        return None
    weight = _integer(weight, 'weight')
    if not 0 <= weight <= 100:
        raise ValidationError('weight', '%s is outside 0 to 100' % weight)
    return weight


def validate_status(status):
    """'enabled', 'disabled' or None."""
    if status is not None and status not in STATUSES:
        raise ValidationError('status', '%r is not enabled or disabled' % (status,))
    return status


def validate_line(line):
    """A line name ('默认', 'default', '电信', ...): a non-empty string of at most 64 characters."""
    if line is None or not isinstance(line, str) or not line.strip():
        raise ValidationError('record_line', '%r is not a line name (an empty line is not allowed)' % (line,))
    if len(line.strip()) > MAX_LINE_LENGTH:
        raise ValidationError('record_line', 'a line name is at most %d characters, got %d'
                              % (MAX_LINE_LENGTH, len(line.strip())))
    return line.strip()


def validate_email(email, parameter='email'):
    """A sane e-mail address: one '@', no blanks, a dot in the domain part."""
    if email is None or not EMAIL.match(str(email).strip()):
        raise ValidationError(parameter, '%r is not an e-mail address' % (email,))
    return str(email).strip()


def _check_target(host, value):
    """A CNAME/MX/NS/SRV target (normalised, with its final dot): a host name, not an address."""
    bare = host[:-1] if host.endswith('.') else host
    if not bare:
        raise ValueError('%r has an empty target' % (value,))
    if bare == '@' or '*' in bare:
        raise ValueError('%r is not a host name' % (value,))
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        pass
    else:
        raise ValueError('%r is an IP address; the target must be a host name' % (value,))
    try:
        names.relative_name(bare, None)
    except ValueError:
        raise ValueError('%r is not a valid host name' % (value,))


def _check_srv(normal, value):
    parts = normal.split()
    if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
        raise ValueError('%r is not "priority weight port target" (as in "10 5 5060 sip.example.com")' % (value,))
    for what, number in zip(('priority', 'weight', 'port'), parts[:3]):
        if int(number) > 65535:
            raise ValueError('%r: the %s %s is outside 0 to 65535' % (value, what, number))
    if parts[3] != '.':
        _check_target(parts[3], value)


def validate_value(record_type, value):
    """Check one value of the type; returns it in the form it is sent (names.normalize_value).
    Raises ValidationError('value', ...)."""
    if value is None or not str(value).strip():
        raise ValidationError('value', 'an empty value is not allowed')
    record_type = str(record_type).strip().upper()
    try:
        normal = names.normalize_value(record_type, value)
        if not normal:
            raise ValueError('an empty value is not allowed (%r)' % (value,))
        if record_type in names.HOSTNAME_TYPES:
            _check_target(normal, value)
        elif record_type == 'SRV':
            _check_srv(normal, value)
        elif record_type in names.TXT_TYPES:
            if '\n' in normal or '\r' in normal:
                # A YAML block scalar (value: |) keeps its line breaks; a TXT string has none, and
                # the API would store the break or cut the value at it.
                raise ValueError('%r: a TXT value cannot contain a line break (join the lines, or give '
                                 'several values as a list)' % (value,))
            if len(normal) > MAX_TXT_LENGTH:
                raise ValueError('a TXT value is limited to %d characters, got %d' % (MAX_TXT_LENGTH, len(normal)))
        elif record_type == 'CAA':
            match = CAA.match(normal)
            if not match:
                raise ValueError('%r is not \'flags tag "value"\' (as in \'0 issue "letsencrypt.org"\')' % (value,))
            if int(match.group(1)) > 255:
                raise ValueError('%r: the CAA flags %s are outside 0 to 255' % (value, match.group(1)))
        elif record_type in URL_TYPES and any(c.isspace() for c in normal):
            raise ValueError('%r: a URL value cannot contain blanks' % (value,))
    except ValueError as exc:
        raise ValidationError('value', str(exc))
    return normal


def split_mx_value(value):
    """An MX value as written -> ``(priority, host)``: ``'10 mail.example.com'`` carries its
    priority, ``'mail.example.com'`` none (priority None). A carried priority is checked, 1 to 20;
    the host is returned as written. Raises ValidationError('value')."""
    match = MX_WITH_PRIORITY.match('' if value is None else str(value))
    if not match:
        return None, value
    priority = int(match.group(1))
    if not 1 <= priority <= 20:
        raise ValidationError('value', '%r: the MX priority %d is outside 1 to 20' % (value, priority))
    return priority, match.group(2)


def validate_mx_values(values):
    """MX values, each a host or ``'10 host'`` -> ``[(host in the form sent, carried priority or
    None)]``, one pair per host (by names.value_key) in the user's order.

    A host given twice with two different priorities is refused (ValidationError('value')): a
    set holds each host once, because DNSPod keeps one record per value (a second one answers 104,
    "record already exists"), whatever its priority. Given once with and once without a priority,
    it keeps the one given."""
    pairs = []
    index = {}
    for value in values:
        priority, host = split_mx_value(value)
        host = validate_value('MX', host)
        key = names.value_key('MX', host)
        if key not in index:
            index[key] = len(pairs)
            pairs.append((host, priority))
            continue
        earlier = pairs[index[key]][1]
        if earlier is not None and priority is not None and earlier != priority:
            raise ValidationError('value', '%s is given with the priorities %d and %d; an MX set holds each '
                                           'mail server once, with one priority' % (host, earlier, priority))
        if earlier is None:
            pairs[index[key]] = (host, priority)
    return pairs


def mx_priorities(values):
    """The priorities MX values carry: ``{names.value_key: priority}`` of the values written as
    ``'10 host'`` (validate_mx_values); {} when none does. Raises ValidationError('value')."""
    if values is None:
        return {}
    if isinstance(values, str):
        values = [values]
    return dict((names.value_key('MX', host), priority)
                for host, priority in validate_mx_values(values) if priority is not None)


def validate_sub_domain(sub_domain):
    """A relative sub_domain ('@', 'www', '*.dev', '_sip._tcp'); returns it normalised."""
    try:
        return names.relative_name(sub_domain, None)
    except ValueError as exc:
        raise ValidationError('sub_domain', str(exc))


def validate_record_set(sub_domain, record_type, values, ttl, mx, weight, status, grade=None):
    """Check one record set; returns its values in the form they are sent, duplicates (by
    names.value_key) dropped, the user's order kept; None stays None.

    A CNAME set holds one value. MX values may carry their priority (``'10 mail.example.com'``):
    the hosts are returned, the priorities are read with ``mx_priorities``. ``sub_domain`` must
    already be relative (names.relative_name).
    """
    validate_sub_domain(sub_domain)
    record_type = validate_record_type(record_type)
    validate_ttl(ttl, grade)
    validate_mx(mx, record_type)
    validate_weight(weight)
    validate_status(status)
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    if record_type == 'MX':
        # A value may carry its own priority ('10 mail.example.com'): the set's values are the hosts.
        return [host for host, dummy in validate_mx_values(values)]
    normal = [validate_value(record_type, v) for v in values]
    seen = set()
    unique = []
    for v in normal:
        key = names.value_key(record_type, v)
        if key not in seen:
            seen.add(key)
            unique.append(v)
    if record_type == 'CNAME' and len(unique) > 1:
        raise ValidationError('value', 'a CNAME set holds one value, got %d' % len(unique))
    return unique


def _set_key(desired):
    return (str(desired.sub_domain).lower(), str(desired.record_type).upper(), str(desired.record_line).lower())


def _mx_disagreement(first, other):
    """Why two items of one MX set cannot be merged into one set, or None."""
    for field in ('ttl', 'weight', 'status', 'remark'):
        mine, theirs = getattr(first, field), getattr(other, field)
        if mine is not None and theirs is not None and mine != theirs:
            return 'give different %s (%r and %r); give it once, or the same in both' % (field, mine, theirs)
    priorities = dict((names.value_key('MX', v), (v, first.mx_for(v))) for v in first.values or ())
    for value in other.values or ():
        host, mine = priorities.get(names.value_key('MX', value), (None, None))
        theirs = other.mx_for(value)
        if mine is not None and theirs is not None and mine != theirs:
            return ('give %s the priorities %d and %d; an MX set holds each mail server once, with one priority'
                    % (host, mine, theirs))
    return None


def check_duplicate_sets(sets):
    """Two desired sets with the same (sub_domain, record_type, record_line) -> ValidationError('records').

    Except MX: items of one MX set that differ by ``mx`` (a primary and a backup mail server) are
    parts of one set, which recordset.merge_sets makes of them; they are refused only when they
    disagree (``_mx_disagreement``: ttl, weight, status or remark given differently, or one host
    with two priorities)."""
    seen = {}
    for index, desired in enumerate(sets):
        key = _set_key(desired)
        if key in seen and key[1] == 'MX':
            for earlier in seen[key]:
                why = _mx_disagreement(sets[earlier], desired)
                if why:
                    raise ValidationError('records', 'records[%d] and records[%d] are parts of the same MX set %s '
                                          '(line %s) but %s' % (earlier, index, desired.sub_domain,
                                                                desired.record_line, why))
        elif key in seen:
            raise ValidationError('records', 'records[%d] and records[%d] are the same set: %s %s (line %s); '
                                  'give all values of a set in one item'
                                  % (seen[key][0], index, desired.sub_domain, desired.record_type,
                                     desired.record_line))
        seen.setdefault(key, []).append(index)


def check_cname_conflicts(sets):
    """A CNAME set beside any other set on the same sub_domain and line -> ValidationError('records')."""
    cnames = {}
    for index, desired in enumerate(sets):
        if str(desired.record_type).upper() == 'CNAME':
            cnames.setdefault((str(desired.sub_domain).lower(), str(desired.record_line).lower()), index)
    for index, desired in enumerate(sets):
        other = cnames.get((str(desired.sub_domain).lower(), str(desired.record_line).lower()))
        if other is not None and other != index:
            raise ValidationError('records', 'records[%d] is a CNAME at %s (line %s), which cannot hold other '
                                  'records, but records[%d] is %s there'
                                  % (other, desired.sub_domain, desired.record_line, index, desired.record_type))


def check_cname_records(records, touched, parameter='record_type'):
    """The end state of a plan (canonical records, e.g. recordset.predict_after) at every
    (sub_domain, line) in ``touched`` (lower-case pairs the plan writes): a CNAME may not share its
    name and line with any other record, the system NS records at '@' included (several CNAME
    values are the grade's round-robin limit, which the API checks). Raises ValidationError naming
    ``parameter``, or ``parameter(key)`` when it is a function of the (sub_domain, line) pair."""
    groups = {}
    for record in records:
        key = (str(record.get('sub_domain')).lower(), str(record.get('record_line')).lower())
        if key in touched:
            groups.setdefault(key, []).append(record)
    for key in sorted(groups):
        group = groups[key]
        if not any(str(r.get('record_type')).upper() == 'CNAME' for r in group):
            continue
        others = [r for r in group if str(r.get('record_type')).upper() != 'CNAME']
        if others:
            raise ValidationError(parameter(key) if callable(parameter) else parameter, 'a CNAME record cannot share its sub_domain %s (line %s) with other '
                                  'records, and %s there: %s; choose another sub_domain or record_type'
                                  % (group[0]['sub_domain'], group[0]['record_line'],
                                     'these exist' if len(others) > 1 else 'this exists',
                                     ', '.join('%s %s' % (r.get('record_type'), r.get('value')) for r in others)))


def check_domain(domain, parameter='domain'):
    """A domain option given by name or numeric ID -> ``(domain, name)``: the value to resolve
    (a name checked and IDNA-encoded) and the name, None when the domain is given by ID (its name
    is known once it is resolved). Raises ValidationError naming the option."""
    domain = str(domain).strip()
    if domain.isdigit():
        return domain, None
    try:
        name = names.normalize_domain_name(domain)
    except ValueError as exc:
        raise ValidationError(parameter, str(exc))
    return name, name
