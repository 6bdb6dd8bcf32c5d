"""Domaingroup.* (domain groups): the eight system groups and an account's custom groups.

Custom groups live in ``account.ext['group']`` as ``{group_id (str): name}`` (insertion order);
the next custom id in ``state.ext['group']['next_id']`` (from 1001, as ids are unique per service).
Seed key ``groups`` at account level (a list of ``{"group_id": int, "group_name": str}``), dumped
back the same way; setting ``group_limit`` (0: the grade's limit of GROUP_LIMITS).
"""
from . import extensions
from .errors import ApiError, missing
from .registry import action
from .seed import SeedError

SYSTEM_GROUPS = [('1', '默认分组'), ('2', '经常修改'), ('3', '很少修改'), ('4', '即将到期'),
                 ('5', '私人域名'), ('6', '公司域名'), ('7', '客户域名'), ('8', '与我共享')]
SYSTEM_IDS = frozenset(gid for gid, _name in SYSTEM_GROUPS)
# "8 与我共享" holds the domains shared with the account: a domain cannot be put there.
ASSIGNABLE_SYSTEM = ('1', '2', '3', '4', '5', '6', '7')
# Custom groups an account may have, by the account's grade (User.Detail user_grade). The
# documents give code 9 "too many groups" without the numbers; these are the emulator's.
GROUP_LIMITS = {'D_Plus': 10, 'DP_Plus': 10, 'D_Extra': 20, 'DP_Extra': 20,
                'D_Expert': 50, 'DP_Expert': 50, 'D_Ultra': 100, 'DP_Ultra': 100}
DEFAULT_PAID_LIMIT = 10
MAX_NAME = 20
FIRST_CUSTOM_ID = 1001

extensions.setting('group_limit', int, 0)


def custom_groups(account):
    return account.ext.setdefault('group', {})


def _area(state):
    return state.ext.setdefault('group', {'next_id': FIRST_CUSTOM_ID})


def new_group_id(state):
    area = _area(state)
    gid = area['next_id']
    area['next_id'] = gid + 1
    return str(gid)


def assignable_group_ids(account):
    """Group ids a domain of ``account`` may be put in (Domain.Create / Domain.Changegroup)."""
    return set(ASSIGNABLE_SYSTEM) | set(custom_groups(account))


def group_limit(state, account):
    if state.settings.get('group_limit'):
        return state.settings['group_limit']
    return GROUP_LIMITS.get(account.user_grade(), DEFAULT_PAID_LIMIT)


def _require_vip(ctx):
    grade = ctx.state.grades.get(ctx.account.user_grade())
    if grade is None or grade['free']:
        raise ApiError('-7', 'No permission to use this API: domain groups need a VIP grade',
                       '无权使用此接口：免费用户无法使用域名分组')


def _group_name(ctx):
    name = ctx.get('group_name')
    if name is None or name.strip() == '':
        raise ApiError('7', 'Group name invalid: it is empty', '分组名称错误')
    name = name.strip()
    if len(name) > MAX_NAME:
        raise ApiError('7', 'Group name invalid: at most %d characters' % MAX_NAME, '分组名称错误')
    return name


def _name_taken(account, name, except_id=None):
    names = [n for gid, n in SYSTEM_GROUPS]
    names += [n for gid, n in custom_groups(account).items() if gid != except_id]
    return name in names


def _custom_group_id(ctx):
    gid = (ctx.get('group_id') or '').strip()
    if not gid:
        raise missing('6', 'group_id')
    if gid in SYSTEM_IDS:
        raise ApiError('6', 'Group id invalid: the system groups cannot be changed', '分组ID错误：系统分组不能修改')
    if gid not in custom_groups(ctx.account):
        raise ApiError('6', 'Group id invalid', '分组ID错误')
    return gid


@action('Domaingroup.List')
def domaingroup_list(ctx):
    _require_vip(ctx)
    sizes = {}
    for domain in ctx.account.domains.values():
        sizes[domain.group_id] = sizes.get(domain.group_id, 0) + 1
    groups = [{'group_id': int(gid), 'group_name': name, 'group_type': 'system', 'size': sizes.get(gid) or None}
              for gid, name in SYSTEM_GROUPS]
    groups += [{'group_id': int(gid), 'group_name': name, 'group_type': 'custom', 'size': sizes.get(gid) or None}
               for gid, name in custom_groups(ctx.account).items()]
    return {'groups': groups}


@action('Domaingroup.Create', write=True)
def domaingroup_create(ctx):
    _require_vip(ctx)
    name = _group_name(ctx)
    groups = custom_groups(ctx.account)
    if _name_taken(ctx.account, name):
        raise ApiError('8', 'Group name already exists', '分组名称已经存在')
    if len(groups) >= group_limit(ctx.state, ctx.account):
        raise ApiError('9', 'Too many groups', '分组数量超出限制')
    gid = new_group_id(ctx.state)
    groups[gid] = name
    ctx.changed = True
    return {'groups': {'id': gid}}


@action('Domaingroup.Modify', write=True)
def domaingroup_modify(ctx):
    _require_vip(ctx)
    gid = _custom_group_id(ctx)
    name = _group_name(ctx)
    groups = custom_groups(ctx.account)
    if _name_taken(ctx.account, name, except_id=gid):
        raise ApiError('8', 'Group name already exists', '分组名称已经存在')
    if groups[gid] != name:
        groups[gid] = name
        ctx.changed = True
    return {}


@action('Domaingroup.Remove', write=True)
def domaingroup_remove(ctx):
    _require_vip(ctx)
    gid = _custom_group_id(ctx)
    del custom_groups(ctx.account)[gid]
    for domain in ctx.account.domains.values():
        if domain.group_id == gid:
            domain.group_id = '1'
    ctx.changed = True
    return {}


@extensions.seed_key('account', 'groups')
def load_groups(state, account, where, value):
    if not isinstance(value, list):
        raise SeedError('%s: expected a list, got %r' % (where, value))
    groups = custom_groups(account)
    area = _area(state)
    for i, item in enumerate(value):
        at = '%s[%d]' % (where, i)
        if not isinstance(item, dict):
            raise SeedError('%s: expected an object, got %r' % (at, item))
        unknown = set(item) - {'group_id', 'group_name'}
        if unknown:
            raise SeedError('%s: unknown key(s) %s' % (at, ', '.join(sorted(unknown))))
        name = item.get('group_name')
        if not isinstance(name, str) or not name.strip():
            raise SeedError('%s.group_name: expected a non-empty string, got %r' % (at, name))
        name = name.strip()
        if _name_taken(account, name):
            raise SeedError('%s.group_name: %r is taken' % (at, name))
        gid = item.get('group_id')
        if gid is None:
            gid = new_group_id(state)
        else:
            if isinstance(gid, bool) or not isinstance(gid, int) or gid < FIRST_CUSTOM_ID:
                raise SeedError('%s.group_id: expected an int >= %d, got %r' % (at, FIRST_CUSTOM_ID, gid))
            gid = str(gid)
            if any(gid in custom_groups(acc) for acc in state.accounts):
                raise SeedError('%s.group_id: %s is taken' % (at, gid))
            area['next_id'] = max(area['next_id'], int(gid) + 1)
        groups[gid] = name
    for domain in account.domains.values():
        if domain.group_id not in SYSTEM_IDS and domain.group_id not in groups:
            raise SeedError('%s: a domain of the account is in group %s, which is not one of its groups'
                            % (where, domain.group_id))


@extensions.dump_key('account', 'groups')
def dump_groups(state, account):
    return [{'group_id': int(gid), 'group_name': name} for gid, name in custom_groups(account).items()]
