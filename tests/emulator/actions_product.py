"""Product.List and Domain.Upgrade (agent API document).

Products (grades an agent can buy, with their terms and prices) are ``state.ext['product']
['products']`` (seed key ``products``; DEFAULT_PRODUCTS otherwise). A paid domain's service
period is ``domain.ext['product'] = {'start': 'YYYY-MM-DD', 'expire': 'YYYY-MM-DD'}`` (seed keys
``grade_start`` and ``grade_expire``), shown by Domain.Info as ``vip_start_at``/``vip_end_at``.
The agent pays ``price_value * discount / 100`` from its ``balance``.
"""
import copy
import datetime
import re

from . import actions_domain  # noqa: F401  pylint: disable=unused-import
from . import extensions, validate
from .actions_agent import add_points, agent_action, discount, is_under, points, valid_ip
from .clock import BEIJING
from .errors import ApiError
from .grades import GRADE_RANK
from .registry import ACTIONS
from .seed import SeedError

AREA = 'product'
_DATE = re.compile(r'^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def _prices(per_year, years):
    titles = ['一年', '二年', '三年', '四年', '五年']
    return [{'price_name': '%dyear' % n, 'price_title': titles[n - 1],
             'price_value': per_year * n, 'price_days': 365 * n} for n in range(1, years + 1)]


DEFAULT_PRODUCTS = [
    {'name': 'D_Plus', 'type': 'personal', 'title': '豪华 VIP 套餐',
     'content': '个人版豪华套餐只需 698/年，无限单域名记录数量；分省解析；支持 30 条 URL 记录。',
     'prices': _prices(698, 5)},
    {'name': 'DP_Plus', 'type': 'personal', 'title': '个人专业版',
     'content': '个人专业版 360/年。', 'prices': _prices(360, 3)},
    {'name': 'DP_Extra', 'type': 'enterprise', 'title': '企业创业版',
     'content': '企业创业版 1200/年。', 'prices': _prices(1200, 3)},
    {'name': 'DP_Expert', 'type': 'enterprise', 'title': '企业标准版',
     'content': '企业标准版 3600/年。', 'prices': _prices(3600, 3)},
]


def products(state):
    return state.ext.get(AREA, {}).get('products') or DEFAULT_PRODUCTS


def period(domain):
    """{'start': date, 'expire': date} of a paid domain, or None."""
    return domain.ext.get(AREA)


def today():
    return datetime.datetime.now(BEIJING).date()


def _date(text):
    return datetime.datetime.strptime(text, '%Y-%m-%d').date()


def _rank(grade):
    return GRADE_RANK.index(grade) if grade in GRADE_RANK else -1


@agent_action('Product.List')
def product_list(ctx):
    return {'products': copy.deepcopy(products(ctx.state))}


@agent_action('Domain.Upgrade', write=True)
def domain_upgrade(ctx):
    state = ctx.state
    agent = ctx.account
    puny = validate.domain_name(ctx.get('domain'))[1]     # 6 when malformed or missing
    domain = state.domain_names.get(puny)
    if domain is None:
        raise ApiError('7', 'Domain does not exist', '域名不存在')
    owner = domain.owner
    if owner is not agent and not is_under(state, agent, owner):
        raise ApiError('8', 'The domain is not owned by one of your users', '域名不是你名下用户所有')
    grade = (ctx.get('grade') or '').strip()
    product = next((p for p in products(state) if p['name'] == grade), None)
    if product is None or product['type'] != owner.user_type:
        raise ApiError('10', 'Invalid grade', '无效的等级参数')
    current = period(domain)
    now = today()
    active = current is not None and _date(current['expire']) >= now
    if active and domain.grade != grade and _rank(grade) < _rank(domain.grade):
        # no downgrade while the paid period of a higher grade runs
        raise ApiError('10', 'Invalid grade', '无效的等级参数')
    term = (ctx.get('term') or '').strip()
    price = next((p for p in product['prices'] if p['price_name'] == term), None)
    if price is None:
        raise ApiError('11', 'Invalid term', '无效的周期参数')
    if not valid_ip(ctx.get('ip_addr')):
        raise ApiError('12', 'User IP invalid', '用户 IP 无效')
    user_price = price['price_value']
    agent_price = int(round(user_price * discount(agent) / 100.0))
    if agent.balance < agent_price:
        raise ApiError('13', 'Insufficient balance', '余额不足')
    days = int(price['price_days'])
    if active and domain.grade == grade:
        start = current['start']
        expire = _date(current['expire']) + datetime.timedelta(days=days)
        verb = '续费'
    else:
        start = now.isoformat()
        expire = now + datetime.timedelta(days=days - 1)
        verb = '升级'
    agent.balance -= agent_price
    add_points(agent, agent_price)
    domain.grade = grade
    domain.ext[AREA] = {'start': start, 'expire': expire.isoformat()}
    state.touch(domain, domain_changed=True)
    domain.add_log(ctx.client_ip, '%s VIP 服务 %s-%s' % (verb, product['title'], price['price_title']))
    ctx.changed = True
    notice_email = (ctx.get('notice_email') or '').strip()
    state.ext.setdefault(AREA, {}).setdefault('notices', []).append(
        {'domain': domain.name, 'email': notice_email if _EMAIL.match(notice_email) else ''})
    journal = '%s%s%04d' % (datetime.datetime.now(BEIJING).strftime('%Y%m%d%H'),
                            grade.upper().replace('_', '')[:6], len(state.ext[AREA]['notices']))
    return {
        'agent': {'user_id': str(agent.user_id), 'discount': str(discount(agent)),
                  'points': points(agent), 'balance': agent.balance},
        'domain': {'domain_id': str(domain.id), 'domain': domain.name, 'grade': grade,
                   'term': term, 'vip_start_at': start, 'vip_end_at': expire.isoformat()},
        'bill': {'user_price': user_price, 'agent_price': str(agent_price),
                 'journal_number': journal},
        'notice': {
            'title': '域名 %s %s VIP 服务成功' % (domain.name, verb),
            'content': '您的域名 %s 已经成功%s为： %s-%s，VIP 服务到期日期为 %s 。'
                       % (domain.name, verb, product['title'], price['price_title'],
                          expire.isoformat()),
            'dns': 'ns1.dnsv2.com 和 ns2.dnsv2.com'},
    }


# Domain.Info shows the service period of a paid domain.
_BASE_DOMAIN_INFO, _DOMAIN_INFO_WRITE = ACTIONS['Domain.Info']


def domain_info(ctx):
    body = _BASE_DOMAIN_INFO(ctx)
    out = body.get('domain')
    if isinstance(out, dict):
        domain = ctx.state.domains.get(validate.int_param(str(out.get('id'))))
        current = period(domain) if domain is not None else None
        if current is not None:
            out['vip_start_at'] = current['start']
            out['vip_end_at'] = current['expire']
    return body


ACTIONS['Domain.Info'] = (domain_info, _DOMAIN_INFO_WRITE)


# -- seed and dump ------------------------------------------------------------------------------
def _check_product(state, where, item):
    if not isinstance(item, dict):
        raise SeedError('%s: expected an object' % where)
    allowed = {'name', 'type', 'title', 'content', 'prices'}
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise SeedError('%s: unknown key %s' % (where, unknown[0]))
    if item.get('name') not in state.grades:
        raise SeedError('%s.name: unknown grade %r' % (where, item.get('name')))
    if item.get('type') not in ('personal', 'enterprise'):
        raise SeedError('%s.type: expected "personal" or "enterprise"' % where)
    prices = item.get('prices')
    if not isinstance(prices, list) or not prices:
        raise SeedError('%s.prices: expected a non-empty list' % where)
    out = []
    for i, price in enumerate(prices):
        pwhere = '%s.prices[%d]' % (where, i)
        if not isinstance(price, dict) or not isinstance(price.get('price_name'), str):
            raise SeedError('%s.price_name: expected a string' % pwhere)
        value, days = price.get('price_value'), price.get('price_days')
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SeedError('%s.price_value: expected an integer >= 0' % pwhere)
        if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
            raise SeedError('%s.price_days: expected an integer > 0' % pwhere)
        out.append({'price_name': price['price_name'],
                    'price_title': str(price.get('price_title', price['price_name'])),
                    'price_value': value, 'price_days': days})
    return {'name': item['name'], 'type': item['type'],
            'title': str(item.get('title', item['name'])),
            'content': str(item.get('content', '')), 'prices': out}


@extensions.seed_key('top', 'products')
def _load_products(state, owner, where, value):
    if value is None:
        return
    if not isinstance(value, list):
        raise SeedError('%s: expected null or a list of products' % where)
    loaded = [_check_product(state, '%s[%d]' % (where, i), item) for i, item in enumerate(value)]
    state.ext.setdefault(AREA, {})['products'] = loaded


@extensions.dump_key('top', 'products')
def _dump_products(state, owner):
    return copy.deepcopy(state.ext.get(AREA, {}).get('products'))


def _load_date(where, value):
    if not isinstance(value, str) or not _DATE.match(value):
        raise SeedError('%s: expected null or a date "YYYY-MM-DD"' % where)
    try:
        _date(value)
    except ValueError:
        raise SeedError('%s: not a date: %r' % (where, value))
    return value


@extensions.seed_key('domain', 'grade_expire')
def _load_expire(state, domain, where, value):
    if value is None:
        return
    expire = _load_date(where, value)
    data = domain.ext.setdefault(AREA, {})
    data['expire'] = expire
    data.setdefault('start', (_date(expire) - datetime.timedelta(days=364)).isoformat())


@extensions.seed_key('domain', 'grade_start')
def _load_start(state, domain, where, value):
    if value is None:
        return
    start = _load_date(where, value)
    data = domain.ext.get(AREA)
    if data is None:
        raise SeedError('%s: needs grade_expire' % where)
    data['start'] = start


@extensions.dump_key('domain', 'grade_expire')
def _dump_expire(state, domain):
    current = period(domain)
    return current['expire'] if current else None


@extensions.dump_key('domain', 'grade_start')
def _dump_start(state, domain):
    current = period(domain)
    return current['start'] if current else None
