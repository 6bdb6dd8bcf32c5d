"""Domain.* (Domaingroup.* are in actions_group.py, Domain.Lock* in actions_lock.py)."""
import re
import secrets

from . import extensions
from . import grades as grades_mod
from . import validate
from .errors import ApiError, bad_param, missing
from .paging import page
from .actions_group import assignable_group_ids
from .actions_lock import is_locked
from .registry import action
from .seed import SeedError
from .state import Domain, DEFAULT_HOLD_NS

DOMAIN_LIST_TYPES = ('all', 'mine', 'share', 'ismark', 'pause', 'vip', 'recent', 'share_out')


def _grade(ctx, domain):
    return ctx.state.grades[domain.grade]


def domain_info_out(ctx, d):
    grade = _grade(ctx, d)
    return {
        'id': str(d.id),
        'name': d.name,
        'punycode': d.punycode,
        'grade': d.grade,
        'grade_title': grade['title'],
        'status': d.status,
        'ext_status': d.ext_status,
        'records': str(len(d.records)),
        'group_id': d.group_id,
        'is_mark': d.is_mark,
        'remark': d.remark if (d.remark or not ctx.drift) else False,
        'is_vip': 'no' if grade['free'] else 'yes',
        'searchengine_push': d.searchengine_push,
        'user_id': str(d.owner.user_id),
        'created_on': d.created_on,
        'updated_on': d.updated_on,
        'ttl': str(d.ttl),
        'cname_speedup': d.cname_speedup,
        'owner': d.owner.email,
    }


def domain_list_out(ctx, d):
    grade = _grade(ctx, d)
    return {
        'id': d.id if ctx.drift else str(d.id),
        'name': d.name,
        'punycode': d.punycode,
        'grade': d.grade,
        'grade_title': grade['title'],
        'status': d.status,
        'ext_status': d.ext_status,
        'records': str(len(d.records)),
        'group_id': d.group_id,
        'is_mark': d.is_mark,
        'remark': d.remark,
        'is_vip': 'no' if grade['free'] else 'yes',
        'searchengine_push': d.searchengine_push,
        'beian': 'no',
        'created_on': d.created_on,
        'updated_on': d.updated_on,
        'ttl': str(d.ttl),
        'cname_speedup': d.cname_speedup,
        'owner': d.owner.email,
    }


def _yes_no(ctx, name, required=True):
    value = ctx.get(name)
    if value is None:
        if required:
            raise bad_param(name, 'yes or no')
        return None
    value = value.strip().lower()
    if value not in ('yes', 'no'):
        raise bad_param(name, 'yes or no')
    return value


def _changed(ctx, domain, text):
    ctx.changed = True
    ctx.state.touch(domain, domain_changed=True)
    domain.add_log(ctx.client_ip, text)


@action('Domain.Create', write=True)
def domain_create(ctx):
    state = ctx.state
    raw = ctx.get('domain')
    if raw is None or raw.strip() == '':
        raise missing('6', 'domain')
    name, puny = validate.domain_name(raw)
    group_id = ctx.get('group_id')
    if group_id is not None and group_id.strip() not in assignable_group_ids(ctx.account):
        raise bad_param('group_id', 'a group id 1-7 or one of the account\'s custom groups')
    is_mark = _yes_no(ctx, 'is_mark', required=False)
    existing = state.domain_names.get(name) or state.domain_names.get(puny)
    if existing is not None:
        if existing.owner is ctx.account:
            raise ApiError('7', 'Domain already exists', '域名已存在')
        raise ApiError('12', 'Domain already exists and you have no permission to manage it',
                       '域名已经存在并且您没有权限管理')
    domain = Domain(state.new_domain_id(), name, puny, ctx.account, grade='DP_Free',
                    group_id=(group_id or '1').strip(), is_mark=is_mark or 'no')
    state.add_domain(domain)
    state.add_hold_ns(domain, DEFAULT_HOLD_NS)
    _changed(ctx, domain, '添加新域名 %s %s(%d)' % (name, ctx.account.email, ctx.account.user_id))
    return {'domain': {'id': str(domain.id), 'punycode': puny, 'domain': name}}


@action('Domain.List')
def domain_list(ctx):
    kind = (ctx.get('type') or 'all').strip().lower()
    if kind not in DOMAIN_LIST_TYPES:
        raise bad_param('type', ', '.join(DOMAIN_LIST_TYPES))
    offset, length = page(ctx, '6', '7')
    group_id = ctx.get('group_id')
    group_id = group_id.strip() if group_id and group_id.strip() else None
    domains = sorted(ctx.account.domains.values(), key=lambda d: d.id)
    free = ctx.state.grades

    def is_vip(d):
        return not free[d.grade]['free']

    selectors = {
        'all': lambda d: True,
        'mine': lambda d: True,
        'share': lambda d: False,
        'share_out': lambda d: False,
        'ismark': lambda d: d.is_mark == 'yes',
        'pause': lambda d: d.status == 'pause',
        'vip': is_vip,
        'recent': lambda d: d.touched > 0,
    }
    chosen = [d for d in domains if selectors[kind](d)
              and (group_id is None or d.group_id == group_id)]
    if kind == 'recent':
        chosen.sort(key=lambda d: -d.touched)
    info = {
        'domain_total': len(chosen),
        'all_total': len(domains),
        'mine_total': len(domains),
        'share_total': 0,
        'vip_total': len([d for d in domains if is_vip(d)]),
        'ismark_total': len([d for d in domains if d.is_mark == 'yes']),
        'pause_total': len([d for d in domains if d.status == 'pause']),
        'error_total': len([d for d in domains if d.ext_status]),
        'lock_total': len([d for d in domains if d.locked]),
        'spam_total': 0,
        'share_out_total': 0,
    }
    window = chosen[offset:offset + length]
    if not window and ctx.error_on_empty:
        raise ApiError('9', 'No domains', '没有任何域名')
    return {'info': info, 'domains': [domain_list_out(ctx, d) for d in window]}


@action('Domain.Remove', write=True)
def domain_remove(ctx):
    domain = ctx.domain(owner_code='9')
    if is_locked(domain):
        raise ApiError('7', 'Domain is locked', '域名已锁定')
    if not _grade(ctx, domain)['free']:
        raise ApiError('8', 'VIP domain cannot be removed', 'VIP域名不可以删除')
    ctx.state.remove_domain(domain)
    ctx.changed = True
    return {}


@action('Domain.Status', write=True)
def domain_status(ctx):
    status = (ctx.get('status') or '').strip().lower()
    if status not in ('enable', 'disable'):
        raise bad_param('status', 'enable or disable')
    domain = ctx.domain(owner_code='8')
    if is_locked(domain):
        raise ApiError('7', 'Domain is locked', '域名被锁定')
    new = 'enable' if status == 'enable' else 'pause'
    if domain.status != new:
        domain.status = new
        _changed(ctx, domain, '%s 域名解析' % ('启用' if new == 'enable' else '暂停'))
    return {}


@action('Domain.Info')
def domain_info(ctx):
    return {'domain': domain_info_out(ctx, ctx.domain(owner_code='8'))}


@action('Domain.Log')
def domain_log(ctx):
    return {'log': list(ctx.domain(owner_code='8').log)}


@action('Domain.Searchenginepush', write=True)
def domain_searchenginepush(ctx):
    status = _yes_no(ctx, 'status')
    domain = ctx.domain(owner_code='8')
    if is_locked(domain):
        raise ApiError('7', 'Domain is locked', '域名被锁定')
    if domain.searchengine_push != status:
        domain.searchengine_push = status
        _changed(ctx, domain, '设置搜索引擎推送 %s' % status)
    return {}


@action('Domain.Changegroup', write=True)
def domain_changegroup(ctx):
    domain = ctx.domain(owner_code='6')
    group_id = (ctx.get('group_id') or '').strip()
    if group_id not in assignable_group_ids(ctx.account):
        raise ApiError('7', 'Group id invalid', '分组ID错误')
    if domain.group_id != group_id:
        domain.group_id = group_id
        _changed(ctx, domain, '设置域名分组 %s' % group_id)
    return {}


@action('Domain.Ismark', write=True)
def domain_ismark(ctx):
    is_mark = _yes_no(ctx, 'is_mark')
    domain = ctx.domain(owner_code='6')
    if domain.is_mark != is_mark:
        domain.is_mark = is_mark
        _changed(ctx, domain, '设置星标 %s' % is_mark)
    return {}


@action('Domain.Remark', write=True)
def domain_remark(ctx):
    if not ctx.has('remark'):
        raise bad_param('remark', 'the remark (empty to delete it)')
    domain = ctx.domain(owner_code='6')
    remark = ctx.get('remark')
    if domain.remark != remark:
        domain.remark = remark
        _changed(ctx, domain, '设置域名备注')
    return {}


@action('Domain.Purview')
def domain_purview(ctx):
    domain = ctx.domain(owner_code='6')
    return {'purview': grades_mod.purview(_grade(ctx, domain), ctx.state.settings)}


# -- Domain.Transfer ---------------------------------------------------------------------------
EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')


def move_domain(ctx, domain, new_owner, text):
    """Give ``domain`` to ``new_owner``: it leaves the custom group of its old account."""
    ctx.state.remove_domain(domain)
    domain.owner = new_owner
    domain.group_id = '1'
    ctx.state.add_domain(domain)
    _changed(ctx, domain, text)


@action('Domain.Transfer', write=True)
def domain_transfer(ctx):
    # 004 lists no "not the owner" code for this action: another account's domain answers 6.
    domain = ctx.domain(owner_code='6')
    email = (ctx.get('email') or '').strip()
    if not EMAIL.match(email):
        raise ApiError('7', 'The e-mail of the account to transfer to is invalid', '要过户到的账号邮箱错误')
    target = ctx.state.by_email.get(email.lower())
    if target is None:
        # the English documents' wording (docs.dnspod.com, Domain.Transfer)
        raise ApiError('8', 'Email address not exists', '要过户到的账号邮箱不存在')
    if target is ctx.account:
        raise ApiError('9', 'A domain cannot be transferred to yourself', '不能过户给自己')
    if ctx.account.user_type == 'personal' and target.user_type == 'enterprise':
        raise ApiError('10', 'A personal account cannot transfer a domain to an enterprise account',
                       '个人用户域名不能过户给企业账号')
    if ctx.account.user_type == 'enterprise' and target.user_type == 'personal':
        raise ApiError('11', 'An enterprise account cannot transfer a domain to a personal account',
                       '企业用户域名不能过户给个人账号')
    move_domain(ctx, domain, target, '域名过户 %s -> %s' % (ctx.account.email, target.email))
    return {}


# -- Domain.Acquire / Acquiresend / Acquirevalidate --------------------------------------------
# Taking a domain back from the DNSPod account that holds it: Domain.Acquire lists the WHOIS
# e-mails of the registrant, Domain.Acquiresend mails a code to one of them, Domain.Acquirevalidate
# with that code moves the domain into the caller's account. The WHOIS e-mails and the code the
# "mail" carries come from the domain's seed key ``acquire``: {"emails": [...], "code": "123456"}.

def _acquire_area(domain):
    return domain.ext.setdefault('acquire', {'emails': [], 'code': None})


def _acquire_target(ctx):
    """The domain to take back, with the checks 6-14 shared by the three actions."""
    raw = ctx.get('domain')
    if raw is None or raw.strip() == '':
        raise ApiError('6', 'Domain invalid: the domain parameter is missing', '域名不正确')
    raw = raw.strip().lower().rstrip('.')
    if any(ord(ch) > 127 for ch in raw) or any(label.startswith('xn--') for label in raw.split('.')):
        raise ApiError('7', 'Internationalised domain names are not supported', '不支持中文域名')
    try:
        name, _puny = validate.domain_name(raw)
    except ApiError:
        raise ApiError('8', 'Domain invalid', '域名不正确')
    if name.endswith('.tk'):
        raise ApiError('9', 'Free .tk domains cannot be taken back', '不支持免费.tk域名')
    domain = ctx.state.domain_names.get(name)
    if domain is None:
        raise ApiError('10', 'The domain does not exist at DNSPod', '域名不存在')
    if domain.owner is ctx.account:
        raise ApiError('6', 'Domain invalid: it is already in your account', '域名不正确：域名已在您的账号中')
    if is_locked(domain):
        raise ApiError('12', 'A locked domain cannot be taken back', '锁定的域名不能取回')
    if ctx.account.user_type == 'personal' and domain.owner.user_type == 'enterprise':
        raise ApiError('13', 'A personal account cannot take back a domain of an enterprise account',
                       '个人用户不能取回企业用户域名')
    if ctx.account.user_type == 'enterprise' and domain.owner.user_type == 'personal':
        raise ApiError('14', 'An enterprise account cannot take back a domain of a personal account',
                       '企业用户不能取回个人用户域名')
    return domain


def _pending(ctx):
    """(user_id, domain id) -> the code Domain.Acquiresend mailed for it."""
    return ctx.state.ext.setdefault('acquire', {})


@action('Domain.Acquire')
def domain_acquire(ctx):
    domain = _acquire_target(ctx)
    emails = _acquire_area(domain)['emails']
    if not emails:
        raise ApiError('15', 'Cannot get the e-mail addresses: network error or the domain is not supported',
                       '获取不到邮箱，可能是网络错误或域名不支持')
    return {'emails': list(emails)}


@action('Domain.Acquiresend', write=True)
def domain_acquiresend(ctx):
    domain = _acquire_target(ctx)
    area = _acquire_area(domain)
    if not area['emails']:
        raise ApiError('15', 'Cannot get the e-mail addresses: network error or the domain is not supported',
                       '获取不到邮箱，可能是网络错误或域名不支持')
    email = (ctx.get('email') or '').strip().lower()
    if email not in [e.lower() for e in area['emails']]:
        raise ApiError('16', 'E-mail invalid: give one of the addresses of Domain.Acquire', '邮箱参数错误')
    code = area['code'] or '%06d' % secrets.randbelow(1000000)
    _pending(ctx)[(ctx.account.user_id, domain.id)] = code
    ctx.changed = True       # a mail was sent
    return {}


@action('Domain.Acquirevalidate', write=True)
def domain_acquirevalidate(ctx):
    domain = _acquire_target(ctx)
    pending = _pending(ctx)
    key = (ctx.account.user_id, domain.id)
    if key not in pending:
        raise ApiError('16', 'E-mail invalid: no code was sent for this domain (Domain.Acquiresend first)',
                       '邮箱参数错误')
    code = (ctx.get('code') or '').strip()
    if not code or code != pending[key]:
        raise ApiError('15', 'Verification code invalid', '验证码不正确')
    del pending[key]
    old = domain.owner
    move_domain(ctx, domain, ctx.account, '域名取回 %s -> %s' % (old.email, ctx.account.email))
    return {}


@extensions.seed_key('domain', 'acquire')
def load_acquire(state, domain, where, value):
    if not isinstance(value, dict):
        raise SeedError('%s: expected an object, got %r' % (where, value))
    unknown = set(value) - {'emails', 'code'}
    if unknown:
        raise SeedError('%s: unknown key(s) %s' % (where, ', '.join(sorted(unknown))))
    emails = value.get('emails', [])
    if not isinstance(emails, list) or not all(isinstance(e, str) and EMAIL.match(e) for e in emails):
        raise SeedError('%s.emails: expected a list of e-mail addresses, got %r' % (where, emails))
    code = value.get('code')
    if code is not None and (not isinstance(code, str) or not code.strip()):
        raise SeedError('%s.code: expected a non-empty string or null, got %r' % (where, code))
    domain.ext['acquire'] = {'emails': list(emails), 'code': code}


@extensions.dump_key('domain', 'acquire')
def dump_acquire(state, domain):
    area = domain.ext.get('acquire')
    if not area:
        return {'emails': [], 'code': None}
    return {'emails': list(area['emails']), 'code': area['code']}
