"""State objects in API 3.0 field names (tencentcloud/dnspod/v20210323/models.py)."""
from ..grades import GRADE_RANK

NO_VIP_TIME = '0000-00-00 00:00:00'


def grade_code(grade):
    """'DP_Free' -> 'DP_FREE': API 3.0 spells grade codes in capitals (DescribeRecordLineList's
    DomainGrade: "DP_FREE、DP_PLUS ...")."""
    return grade.upper()


def grade_level(grade):
    return GRADE_RANK.index(grade) + 1 if grade in GRADE_RANK else 0


def find_grade(state, code):
    """The grade name of the state for a DomainGrade given in any case, or None."""
    wanted = (code or '').strip().upper()
    for name in state.grades:
        if name.upper() == wanted:
            return name
    return None


def line_name(state, cn):
    return state.lines.listed(cn)


def ns_list(domain):
    return [r.value.rstrip('.') for r in domain.sorted_records() if r.hold and r.type == 'NS']


def record_item(state, record):
    """RecordListItem."""
    return {
        'RecordId': record.id,
        'Value': record.value,
        'Status': 'ENABLE' if record.status == 'enabled' else 'DISABLE',
        'UpdatedOn': record.updated_on,
        'Name': record.name,
        'Line': line_name(state, record.line),
        'LineId': state.lines.line_id(record.line),
        'Type': record.type,
        'Weight': record.weight,
        'MonitorStatus': record.monitor_status,
        'Remark': record.remark,
        'TTL': record.ttl,
        'MX': record.mx,
        'DefaultNS': bool(record.hold),
    }


def record_info(state, domain, record):
    """RecordInfo (DescribeRecord)."""
    return {
        'Id': record.id,
        'SubDomain': record.name,
        'RecordType': record.type,
        'RecordLine': line_name(state, record.line),
        'RecordLineId': state.lines.line_id(record.line),
        'Value': record.value,
        'Weight': record.weight,
        'MX': record.mx,
        'TTL': record.ttl,
        'Enabled': 1 if record.status == 'enabled' else 0,
        'MonitorStatus': record.monitor_status,
        'Remark': record.remark,
        'UpdatedOn': record.updated_on,
        'DomainId': domain.id,
    }


def _common(state, d):
    grade = state.grades[d.grade]
    return grade, 'NO' if grade['free'] else 'YES'


def domain_status(d):
    if d.ext_status == 'spam':
        return 'SPAM'
    return 'ENABLE' if d.status == 'enable' else 'PAUSE'


def domain_info(state, d):
    """DomainInfo (DescribeDomain)."""
    grade, vip = _common(state, d)
    ns = ns_list(d)
    return {
        'DomainId': d.id,
        'Status': domain_status(d),
        'Grade': grade_code(d.grade),
        'GroupId': int(d.group_id),
        'IsMark': d.is_mark,
        'TTL': d.ttl,
        'CnameSpeedup': d.cname_speedup.upper(),
        'Remark': d.remark,
        'Punycode': d.punycode,
        'DnsStatus': 'dnserror' if d.ext_status == 'dnserror' else '',
        'DnspodNsList': ns,
        'Domain': d.name,
        'GradeLevel': grade_level(d.grade),
        'UserId': d.owner.user_id,
        'IsVip': vip,
        'Owner': d.owner.email,
        'GradeTitle': grade['title'],
        'CreatedOn': d.created_on,
        'UpdatedOn': d.updated_on,
        'Uin': str(d.owner.user_id),
        'ActualNsList': ns,
        'RecordCount': len(d.records),
        'OwnerNick': d.owner.nick,
        'IsGracePeriod': 'no',
        'VipBuffered': 'no',
        'VipStartAt': NO_VIP_TIME,
        'VipEndAt': NO_VIP_TIME,
        'VipAutoRenew': 'DEFAULT',
        'VipResourceId': '',
        'IsSubDomain': False,
        'TagList': [],
        'SearchEnginePush': d.searchengine_push.upper(),
        'SlaveDNS': 'NO',
    }


def domain_item(state, d):
    """DomainListItem (DescribeDomainList)."""
    grade, vip = _common(state, d)
    return {
        'DomainId': d.id,
        'Name': d.name,
        'Status': domain_status(d),
        'TTL': d.ttl,
        'CNAMESpeedup': d.cname_speedup.upper(),
        'DNSStatus': 'DNSERROR' if d.ext_status == 'dnserror' else '',
        'Grade': grade_code(d.grade),
        'GroupId': int(d.group_id),
        'SearchEnginePush': d.searchengine_push.upper(),
        'Remark': d.remark,
        'Punycode': d.punycode,
        'EffectiveDNS': ns_list(d),
        'GradeLevel': grade_level(d.grade),
        'GradeTitle': grade['title'],
        'IsVip': vip,
        'VipStartAt': NO_VIP_TIME,
        'VipEndAt': NO_VIP_TIME,
        'VipAutoRenew': 'DEFAULT',
        'RecordCount': len(d.records),
        'CreatedOn': d.created_on,
        'UpdatedOn': d.updated_on,
        'Owner': d.owner.email,
        'TagList': [],
    }
