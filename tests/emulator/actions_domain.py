"""Domain.* and Domaingroup.List."""
from . import grades as grades_mod
from . import validate
from .errors import ApiError, bad_param, missing
from .paging import page
from .registry import action
from .state import Domain, DEFAULT_HOLD_NS

DOMAIN_LIST_TYPES = ('all', 'mine', 'share', 'ismark', 'pause', 'vip', 'recent', 'share_out')
SYSTEM_GROUPS = [('1', '默认分组'), ('2', '经常修改'), ('3', '很少修改'), ('4', '即将到期'),
                 ('5', '私人域名'), ('6', '公司域名'), ('7', '客户域名'), ('8', '与我共享')]
ASSIGNABLE_GROUPS = ('1', '2', '3', '4', '5', '6', '7')


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
    if group_id is not None and group_id.strip() not in ASSIGNABLE_GROUPS:
        raise bad_param('group_id', 'a group id 1-7')
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
    if domain.locked:
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
    if domain.locked:
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
    if domain.locked:
        raise ApiError('7', 'Domain is locked', '域名被锁定')
    if domain.searchengine_push != status:
        domain.searchengine_push = status
        _changed(ctx, domain, '设置搜索引擎推送 %s' % status)
    return {}


@action('Domain.Changegroup', write=True)
def domain_changegroup(ctx):
    domain = ctx.domain(owner_code='6')
    group_id = (ctx.get('group_id') or '').strip()
    if group_id not in ASSIGNABLE_GROUPS:
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
    return {'purview': grades_mod.purview(_grade(ctx, domain))}


@action('Domaingroup.List')
def domaingroup_list(ctx):
    grade = ctx.state.grades.get(ctx.account.user_grade())
    if grade is None or grade['free']:
        raise ApiError('-7', 'No permission to use this API: domain groups need a VIP grade',
                       '无权使用此接口：免费用户无法获取域名分组')
    sizes = {}
    for domain in ctx.account.domains.values():
        sizes[domain.group_id] = sizes.get(domain.group_id, 0) + 1
    return {'groups': [
        {'group_id': int(gid), 'group_name': name, 'group_type': 'system',
         'size': sizes.get(gid) or None}
        for gid, name in SYSTEM_GROUPS]}
