# -*- coding: utf-8 -*-
# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Zone-file filters: to_zone_file (DNSPod records -> BIND zone text) and from_zone_file
(BIND zone text -> dnspod_records input plus a report of what DNSPod cannot hold).

The documentation of each filter is in the YAML file of the same name beside this one."""

from __future__ import annotations

import re
import traceback

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_text

try:
    import dns.exception
    import dns.name
    import dns.rdataclass
    import dns.rdatatype
    import dns.tokenizer
    import dns.zonefile
    HAS_DNSPYTHON = True
    DNSPYTHON_IMPORT_ERROR = None
except ImportError:
    HAS_DNSPYTHON = False
    DNSPYTHON_IMPORT_ERROR = traceback.format_exc()

# The line names of the default line on dnsapi.cn and api.dnspod.com.
DEFAULT_LINES = ('默认', 'default', 'Default', '')
# Types a DNSPod record set can hold and that have a zone-file form.
IMPORTABLE_TYPES = ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SPF', 'NS', 'SRV', 'CAA', 'HTTPS', 'SVCB')
HOSTNAME_TYPES = ('CNAME', 'MX', 'NS')
TXT_TYPES = ('TXT', 'SPF')
# DNSPod forwarding records: no zone-file form.
URL_TYPES = ('URL', '显性URL', '隐性URL')
TYPE_ORDER = ('NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SPF', 'SRV', 'CAA', 'HTTPS', 'SVCB')
MAX_TXT_LENGTH = 512
# An MX value of a dnspod_records set that carries its priority: '10 mail.example.com'.
MX_WITH_PRIORITY = re.compile(r'^\s*([0-9]+)\s+(\S+)\s*$')


def _domain(domain, what):
    if not isinstance(domain, str) or not domain.strip().strip('.'):
        raise AnsibleFilterError('%s: the domain (origin) must be a name such as example.com, got %r' % (what, domain))
    return domain.strip().rstrip('.').lower()


# ---------------------------------------------------------------------------------------------
# Export


def _absolute(host):
    host = host.strip()
    return host if host.endswith('.') else host + '.'


def _quote_txt(text):
    """One or more quoted character-strings: each at most 255 bytes, backslash and quote escaped."""
    data = text.encode('utf-8')
    chunks = [data[i:i + 255] for i in range(0, len(data), 255)] or [b'']
    out = []
    for chunk in chunks:
        piece = chunk.decode('utf-8', errors='backslashreplace')
        out.append('"%s"' % piece.replace('\\', '\\\\').replace('"', '\\"'))
    return ' '.join(out)


def _rdata(record_type, value, mx):
    value = to_text(value).strip()
    if record_type in ('CNAME', 'NS'):
        return _absolute(value)
    if record_type == 'MX':
        return '%s %s' % (mx, _absolute(value))
    if record_type == 'SRV':
        parts = value.split()
        if len(parts) == 4 and parts[3] != '.':
            parts[3] = _absolute(parts[3])
        return ' '.join(parts)
    if record_type in TXT_TYPES:
        if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            value = value[1:-1]
        return _quote_txt(value)
    return value


def _expand(records):
    """Canonical records (dnspod_record_info, dnspod_records results) or dnspod_records input sets
    (value as a list) -> one dict per value."""
    if not isinstance(records, (list, tuple)):
        raise AnsibleFilterError('to_zone_file: expected a list of records, got %s' % type(records).__name__)
    out = []
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise AnsibleFilterError('to_zone_file: record %d is not a dictionary' % index)
        if record.get('record_type') is None or record.get('value') is None:
            raise AnsibleFilterError('to_zone_file: record %d has no record_type or no value' % index)
        values = record['value'] if isinstance(record['value'], (list, tuple)) else [record['value']]
        for value in values:
            item = dict(record)
            item['value'] = value
            out.append(item)
    return out


def _type_rank(record_type):
    return (TYPE_ORDER.index(record_type) if record_type in TYPE_ORDER else len(TYPE_ORDER), record_type)


def to_zone_file(records, domain, default_ttl=600, include_system_ns=True):
    """BIND zone text of a domain's DNSPod records, in a stable order."""
    origin = _domain(domain, 'to_zone_file')
    rows = []
    comments = []
    for record in _expand(records):
        name = to_text(record.get('sub_domain') or '@').strip().lower() or '@'
        record_type = to_text(record['record_type']).strip().upper()
        ttl = record.get('ttl') or default_ttl
        if record.get('hold') and not include_system_ns:
            continue
        mx = record.get('mx') if record.get('mx') not in (None, '', 0, '0') else 10
        value = record['value']
        own = MX_WITH_PRIORITY.match(to_text(value)) if record_type == 'MX' else None
        if own:
            # A dnspod_records value written with its own priority ('20 backup.example.com').
            mx, value = int(own.group(1)), own.group(2)
        if record_type in URL_TYPES:
            rdata = to_text(value).strip()
        else:
            rdata = _rdata(record_type, value, mx)
        row = (name, int(ttl), record_type, rdata)
        line = to_text(record.get('record_line') or '')
        reasons = []
        if line not in DEFAULT_LINES:
            reasons.append('line %s' % line)
        if record.get('status') == 'disabled':
            reasons.append('disabled')
        if record_type in URL_TYPES:
            reasons.append('%s forwarding has no zone-file form' % record_type)
        elif record_type not in IMPORTABLE_TYPES:
            reasons.append('type %s' % record_type)
        if reasons:
            comments.append(row + (', '.join(reasons),))
        else:
            rows.append(row)

    def key(row):
        return (row[0] != '@', row[0], _type_rank(row[2]), row[3], row[1])

    everything = rows + [c[:4] for c in comments]
    width = max([len(r[0]) for r in everything] + [1])
    fmt = '%-' + str(width) + 's %6d IN %-5s %s'
    lines = [
        '; Zone %s exported from DNSPod by dnspod.dnspod.to_zone_file.' % origin,
        '; DNSPod serves the SOA record itself: none is written here.',
        '$ORIGIN %s.' % origin,
        '$TTL %d' % default_ttl,
    ]
    lines.extend(fmt % row for row in sorted(set(rows), key=key))
    if comments:
        lines.append('; Records a zone file cannot hold as they are (not on the default line, disabled,')
        lines.append('; or DNSPod-only types), kept here as comments:')
        for row in sorted(set(comments), key=key):
            lines.append(('; ' + fmt + ' ; %s') % row)
    return '\n'.join(lines) + '\n'


# ---------------------------------------------------------------------------------------------
# Import


def _need_dnspython():
    if not HAS_DNSPYTHON:
        raise AnsibleFilterError(
            'from_zone_file needs the Python library dnspython on the Ansible controller (pip install dnspython; '
            'it is listed in meta/ee-requirements.txt for execution environments). Import error: %s'
            % DNSPYTHON_IMPORT_ERROR.strip().splitlines()[-1])


def _read_rrsets(text, origin, default_ttl=None):
    """RRsets of the text, every owner name kept. $ORIGIN and $TTL are honoured, $INCLUDE and
    $GENERATE refused; class IN only.

    dns.zone.from_text drops the names outside the origin without a word. The reader used here is
    told the root is the zone's top, so that every name comes back and the caller reports the ones
    outside the zone instead of losing them (the transaction still knows the real origin)."""
    manager = dns.zonefile.RRSetsReaderManager(origin, False, dns.rdataclass.IN)
    with manager.writer(True) as txn:
        tok = dns.tokenizer.Tokenizer(text, '<zone file>')
        reader = dns.zonefile.Reader(tok, dns.rdataclass.IN, txn, allow_include=False,
                                     allow_directives=('$ORIGIN', '$TTL'),
                                     default_ttl=None if default_ttl is None else int(default_ttl))
        reader.zone_origin = dns.name.root
        reader.read()
    return manager.rrsets


def _txt_value(rdata):
    return b''.join(rdata.strings).decode('utf-8', errors='backslashreplace')


def _host(name):
    text = name.to_text(omit_final_dot=True) if hasattr(name, 'to_text') else to_text(name)
    return text.lower()


def _mx_values(rdatas, skip):
    """{host: preference} of the MX rdatas DNSPod can hold: preferences 1 to 20, each host once
    (DNSPod keeps one record per value; the lowest preference is kept). The others go to ``skip``."""
    kept = {}
    for rdata in sorted(rdatas, key=lambda r: (r.preference, _host(r.exchange))):
        host = _host(rdata.exchange)
        if not 1 <= rdata.preference <= 20:
            skip('MX preference %d: DNSPod accepts 1 to 20' % rdata.preference, [rdata])
        elif host in kept:
            skip('MX preference %d: a record set holds each mail server once (preference %d kept)'
                 % (rdata.preference, kept[host]), [rdata])
        else:
            kept[host] = rdata.preference
    return kept


def from_zone_file(text, domain, min_ttl=None, default_ttl=None, types=None):
    """{'records': [dnspod_records sets], 'skipped': [...], 'adjusted': [...]} from BIND zone text."""
    _need_dnspython()
    origin_text = _domain(domain, 'from_zone_file')
    if not isinstance(text, str):
        raise AnsibleFilterError('from_zone_file: expected the text of a zone file, got %s' % type(text).__name__)
    if types is not None:
        if not isinstance(types, (list, tuple)):
            raise AnsibleFilterError('from_zone_file: types must be a list of record types, got %r' % (types,))
        types = [to_text(t).strip().upper() for t in types]
    origin = dns.name.from_text(origin_text)
    try:
        rrsets = _read_rrsets(text, origin, default_ttl)
    except (dns.exception.DNSException, ValueError) as exc:
        raise AnsibleFilterError('from_zone_file: the zone file of %s cannot be read: %s' % (origin_text, exc))

    # One entry per owner name and type, as in a zone: rdatas merged, the lowest TTL kept.
    merged = {}
    for rrset in rrsets:
        key = (rrset.name, rrset.rdtype)
        if key in merged:
            merged[key]['ttl'] = min(merged[key]['ttl'], rrset.ttl)
            merged[key]['rdatas'].extend(r for r in rrset if r not in merged[key]['rdatas'])
        else:
            merged[key] = dict(ttl=rrset.ttl, rdatas=list(rrset))

    records = []
    skipped = []
    adjusted = []
    for (name, rdtype) in sorted(merged, key=lambda k: (k[0], dns.rdatatype.to_text(k[1]))):
        rdatas = merged[(name, rdtype)]['rdatas']
        ttl = merged[(name, rdtype)]['ttl']
        record_type = dns.rdatatype.to_text(rdtype)
        if name.is_subdomain(origin):
            relative = name.relativize(origin)
            sub_domain = '@' if relative == dns.name.empty else _host(relative)
        else:
            sub_domain = name.to_text()

        def skip(reason, some=None, record_type=record_type, ttl=ttl, rdatas=rdatas, sub_domain=sub_domain):
            for rdata in (rdatas if some is None else some):
                skipped.append(dict(sub_domain=sub_domain, record_type=record_type, ttl=ttl,
                                    value=rdata.to_text(origin=origin, relativize=False), reason=reason))

        if not name.is_subdomain(origin):
            skip('the name is outside the zone %s' % origin_text)
            continue
        if record_type == 'SOA':
            skip('DNSPod serves the SOA record of its zones itself; it cannot be set')
            continue
        if record_type == 'NS' and sub_domain == '@':
            skip("NS records of the zone itself: DNSPod's own name servers take their place")
            continue
        if record_type not in IMPORTABLE_TYPES:
            skip('type %s cannot be held by DNSPod' % record_type)
            continue
        if types is not None and record_type not in types:
            skip("type %s is not among the types of the domain's grade (%s)" % (record_type, ', '.join(types)))
            continue
        if min_ttl is not None and ttl < int(min_ttl):
            adjusted.append(dict(sub_domain=sub_domain, record_type=record_type, ttl=ttl,
                                 reason='TTL %d raised to %d, the minimum TTL' % (ttl, int(min_ttl))))
            ttl = int(min_ttl)
        entry = dict(sub_domain=sub_domain, record_type=record_type, ttl=ttl)
        if record_type == 'MX':
            kept = _mx_values(rdatas, skip)
            if not kept:
                continue
            preferences = sorted(set(kept.values()))
            if len(preferences) == 1:
                # One priority: the set's mx, as before.
                entry['mx'] = preferences[0]
                values = list(kept)
            else:
                # A primary and backups: each value carries its own priority.
                entry['value'] = ['%d %s' % (kept[h], h) for h in sorted(kept, key=lambda h: (kept[h], h))]
                records.append(entry)
                continue
        elif record_type in HOSTNAME_TYPES:
            values = [_host(r.target) for r in rdatas]
        elif record_type in TXT_TYPES:
            values = []
            for rdata in rdatas:
                value = _txt_value(rdata)
                if len(value) > MAX_TXT_LENGTH:
                    skip('a TXT value is limited to %d characters on DNSPod, this one has %d'
                         % (MAX_TXT_LENGTH, len(value)), [rdata])
                else:
                    values.append(value)
            if not values:
                continue
        elif record_type == 'SRV':
            values = ['%d %d %d %s' % (r.priority, r.weight, r.port,
                                       '.' if r.target == dns.name.root else _host(r.target)) for r in rdatas]
        else:
            values = [r.to_text(origin=origin, relativize=False) for r in rdatas]
        entry['value'] = sorted(values)
        records.append(entry)
    return dict(records=records, skipped=skipped, adjusted=adjusted)


class FilterModule(object):
    def filters(self):
        return {
            'to_zone_file': to_zone_file,
            'from_zone_file': from_zone_file,
        }
