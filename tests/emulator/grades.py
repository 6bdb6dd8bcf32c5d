"""Domain grades: record types, lines, minimum TTL and limits per grade (see docs/emulator.md).

Two flavours share one table: ``cn`` (dnsapi.cn, Chinese line names, default line ``默认``) and
``intl`` (api.dnspod.com, English line names, default line ``default`` listed as ``Default``).
Each line is ``(cn name, intl name, line id)``.
"""
import copy

DEFAULT_LINE = {'cn': '默认', 'intl': 'default'}

# (cn name, intl name, line id)
LINES_FREE = [
    ('默认', 'default', '0'),
    ('电信', 'China Telecom', '10=0'),
    ('联通', 'China Unicom', '10=1'),
    ('教育网', 'CERNET', '10=2'),
    ('移动', 'China Mobile', '10=3'),
    ('百度', 'Baidu', '90=0'),
    ('国内', 'China', '7=0'),
    ('国外', 'Overseas', '3=0'),
]
LINES_PLUS = LINES_FREE + [
    ('铁通', 'China Tietong', '10=4'),
    ('搜索引擎', 'Search Engine', '80=0'),
    ('Google', 'Google', '90=1'),
    ('有道', 'Youdao', '90=2'),
    ('必应', 'Bing', '90=3'),
    ('搜搜', 'Soso', '90=4'),
    ('搜狗', 'Sogou', '90=5'),
    ('360搜索', 'Qihoo 360', '90=6'),
]
LINES_ENTERPRISE = LINES_PLUS + [
    ('广电网', 'China Broadnet', '10=5'),
    ('长城宽带', 'Great Wall Broadband', '10=7'),
    ('鹏博士', 'Dr. Peng', '10=8'),
]
ALL_LINES = LINES_ENTERPRISE

TYPES_FREE = ['A', 'CNAME', 'MX', 'TXT', 'NS', 'AAAA', 'SRV', 'URL', '显性URL', '隐性URL']
TYPES_PAID = TYPES_FREE + ['CAA', 'SPF']
ALL_TYPES = TYPES_PAID
URL_TYPES = ('URL', '显性URL', '隐性URL')
# record types the round-robin (load balancing) limit applies to
ROUND_ROBIN_TYPES = ('A', 'AAAA', 'CNAME')

GRADE_KEYS = ('title', 'free', 'min_ttl', 'round_robin', 'url_limit', 'subdomain_levels',
              'types', 'lines')


def _grade(title, free, min_ttl, round_robin, url_limit, levels, types, lines):
    return {
        'title': title, 'free': free, 'min_ttl': min_ttl, 'round_robin': round_robin,
        'url_limit': url_limit, 'subdomain_levels': levels, 'types': list(types),
        'lines': [cn for cn, _intl, _id in lines],
    }


DEFAULT_GRADES = {
    'D_Free': _grade('免费套餐', True, 600, 2, 10, 5, TYPES_FREE, LINES_FREE),
    'DP_Free': _grade('新免费套餐', True, 600, 2, 10, 5, TYPES_FREE, LINES_FREE),
    'D_Plus': _grade('个人豪华', False, 120, 10, 50, 10, TYPES_PAID, LINES_PLUS),
    'DP_Plus': _grade('个人专业版', False, 120, 10, 50, 10, TYPES_PAID, LINES_PLUS),
    'D_Extra': _grade('企业Ⅰ', False, 60, 20, 200, 10, TYPES_PAID, LINES_ENTERPRISE),
    'DP_Extra': _grade('企业创业版', False, 60, 20, 200, 10, TYPES_PAID, LINES_ENTERPRISE),
    'D_Expert': _grade('企业Ⅱ', False, 10, 50, 500, 10, TYPES_PAID, LINES_ENTERPRISE),
    'DP_Expert': _grade('企业标准版', False, 10, 50, 500, 10, TYPES_PAID, LINES_ENTERPRISE),
    'D_Ultra': _grade('企业Ⅲ', False, 1, 100, 1000, 10, TYPES_PAID, LINES_ENTERPRISE),
    'DP_Ultra': _grade('企业旗舰版', False, 1, 100, 1000, 10, TYPES_PAID, LINES_ENTERPRISE),
}
# order of "height" for the account's user_grade (highest grade of its domains)
GRADE_RANK = ['D_Free', 'DP_Free', 'D_Plus', 'DP_Plus', 'D_Extra', 'DP_Extra',
              'D_Expert', 'DP_Expert', 'D_Ultra', 'DP_Ultra']


class Lines(object):
    """Name <-> id mapping of every known line, for one flavour."""

    def __init__(self, flavor):
        self.flavor = flavor
        self.by_cn = {}
        self.by_key = {}   # lookup key (name as the flavour accepts it) -> canonical cn name
        self.by_id = {}
        for cn, intl, line_id in ALL_LINES:
            self.by_cn[cn] = (cn, intl, line_id)
            self.by_id[line_id] = cn
            if flavor == 'intl':
                self.by_key[intl.lower()] = cn
            else:
                self.by_key[cn] = cn

    def lookup(self, name):
        """Canonical (cn) line name for a name sent by a client, or None."""
        if name is None:
            return None
        if self.flavor == 'intl':
            return self.by_key.get(name.strip().lower())
        return self.by_key.get(name.strip())

    def lookup_id(self, line_id):
        return self.by_id.get(line_id.strip())

    def display(self, cn):
        """The line name as records show it in this flavour."""
        return cn if self.flavor == 'cn' else self.by_cn[cn][1]

    def listed(self, cn):
        """The line name as Record.Line lists it (intl lists the default line as 'Default')."""
        if self.flavor == 'intl' and cn == '默认':
            return 'Default'
        return self.display(cn)

    def line_id(self, cn):
        return self.by_cn[cn][2]


def merged_grades(overrides):
    """The default table with the seed's ``grades`` overrides applied (already validated)."""
    table = copy.deepcopy(DEFAULT_GRADES)
    for name, fields in (overrides or {}).items():
        base = table.get(name) or copy.deepcopy(DEFAULT_GRADES['DP_Free'])
        if name not in table:
            base['title'] = name
        base.update(copy.deepcopy(fields))
        table[name] = base
    return table


def purview(grade, settings=None):
    """Domain.Purview list for a grade (names as the document gives them). The share, alias and
    lock-days quotas come from the settings that the share, alias and lock actions enforce
    (``share_limit_*``, ``alias_limit_*``, ``lock_max_days``), so the list says what they do."""
    settings = settings or {}
    tier = 'free' if grade['free'] else 'paid'
    aliases = settings.get('alias_limit_' + tier, 0 if grade['free'] else 3)
    shares = settings.get('share_limit_' + tier, 2 if grade['free'] else 10)
    return [
        {'name': 'URL转发条数', 'value': grade['url_limit']},
        {'name': 'NS记录条数', 'value': 99999},
        {'name': 'AAAA记录条数', 'value': 99999},
        {'name': 'SRV记录条数', 'value': 99999},
        {'name': '域名别名绑定个数', 'value': aliases},
        {'name': '域名锁定天数', 'value': settings.get('lock_max_days', 30)},
        {'name': '域名共享个数', 'value': shares},
        {'name': '子域名级数', 'value': grade['subdomain_levels']},
        {'name': '泛解析级数', 'value': 1},
        {'name': '负载均衡数量', 'value': grade['round_robin']},
        {'name': '记录TTL最低', 'value': grade['min_ttl']},
        {'name': '混合泛解析支持', 'value': 'no'},
        {'name': '增强线路类型', 'value': 'no' if grade['free'] else 'yes'},
        {'name': '分省线路类型', 'value': 'no'},
        {'name': '分大洲线路类型', 'value': 'no'},
    ]
