"""Input checks and normalisation of sub-domains, record values, TTL and MX.

Each function returns the normalised value or raises ApiError with the documented code.
"""
import ipaddress
import re

from .errors import ApiError
from .grades import URL_TYPES

_LABEL = re.compile(r'^[a-z0-9_-]{1,63}$')
_HOST_LABEL = re.compile(r'^[A-Za-z0-9_-]{1,63}$')
_DOMAIN_LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')


def sub_domain(value, levels):
    """'' / None -> '@'; lower case; codes 22 (invalid), 23 (too many levels), 24 (wildcard)."""
    name = (value or '').strip().lower()
    if name in ('', '@'):
        return '@'
    labels = name.split('.')
    for i, label in enumerate(labels):
        if '*' in label:
            if label != '*' or i != 0:
                raise ApiError('24', 'Wildcard sub domain invalid', '泛解析子域名错误')
            continue
        if not _LABEL.match(label):
            raise ApiError('22', 'Sub domain invalid', '子域名不合法')
    if len(name) > 253:
        raise ApiError('22', 'Sub domain invalid', '子域名不合法')
    if len(labels) > levels:
        raise ApiError('23', 'Sub domain level exceeds the limit', '子域名级数超出限制')
    return name


def is_hostname(value):
    if not value or len(value) > 253 or value.startswith('.'):
        return False
    labels = value[:-1].split('.') if value.endswith('.') else value.split('.')
    if not all(_HOST_LABEL.match(label) for label in labels):
        return False
    try:
        ipaddress.ip_address(value.rstrip('.'))
        return False            # an IP address is not a host name
    except ValueError:
        return True


def _bad_value():
    return ApiError('34', 'Record value invalid', '记录值非法')


def dotted(host):
    return host if host.endswith('.') else host + '.'


def record_value(record_type, value):
    """Normalised stored value: trailing dot for host names, no quotes around TXT."""
    if value is None:
        raise _bad_value()
    value = value.strip()
    if value == '':
        raise _bad_value()
    if record_type == 'A':
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            raise ApiError('34', 'Record value invalid: not an IPv4 address', '记录值非法：不是IPv4地址')
        return value
    if record_type == 'AAAA':
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            raise ApiError('34', 'Record value invalid: not an IPv6 address', '记录值非法：不是IPv6地址')
        return value.lower()
    if record_type in ('CNAME', 'MX', 'NS'):
        if not is_hostname(value):
            raise ApiError('34', 'Record value invalid: not a host name', '记录值非法：不是主机名')
        return dotted(value.lower())
    if record_type in ('TXT', 'SPF'):
        if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            value = value[1:-1]
        if value == '' or len(value) > 2048:
            raise _bad_value()
        return value
    if record_type == 'SRV':
        parts = value.split()
        if len(parts) != 4 or not all(p.isdigit() and int(p) <= 65535 for p in parts[:3]):
            raise ApiError('34', 'Record value invalid: SRV is "priority weight port target"',
                           '记录值非法：SRV 格式为 "优先级 权重 端口 主机名"')
        target = parts[3]
        if target != '.' and not is_hostname(target):
            raise _bad_value()
        return ' '.join(parts[:3] + [target if target == '.' else dotted(target.lower())])
    if record_type == 'CAA':
        parts = value.split(None, 2)
        if len(parts) != 3 or not parts[0].isdigit() or int(parts[0]) > 255 \
                or not parts[1].isalnum():
            raise _bad_value()
        return value
    if record_type in URL_TYPES:
        if any(c.isspace() for c in value):
            raise _bad_value()
        return value
    raise _bad_value()


def int_param(value):
    """int of a decimal string, or None when it is not one."""
    if value is None:
        return None
    value = value.strip()
    if not re.match(r'^-?[0-9]+$', value):
        return None
    return int(value)


def domain_name(value):
    """(name, punycode) of a domain to create, or raise code 6."""
    bad = ApiError('6', 'Domain name invalid', '域名无效')
    name = (value or '').strip().lower().rstrip('.')
    if not name or '.' not in name or len(name) > 253:
        raise bad
    try:
        puny = name.encode('idna').decode('ascii')
    except UnicodeError:
        raise bad
    labels = puny.split('.')
    if not all(_DOMAIN_LABEL.match(label) for label in labels):
        raise bad
    if labels[-1].isdigit():
        raise bad
    return name, puny
