"""Domainshare.* (shares of a domain or sub-domain).

A domain's shares live in ``domain.ext['share']``: a list of dicts ``{'email', 'mode',
'sub_domain', 'status'}`` in creation order, at most one per e-mail (``Domainshare.Remove`` names
a share by e-mail alone). ``sub_domain`` is ``''`` for a share of the whole domain.
``Domainshare.Transfer`` (only in the curl example of ``Domain.Transfer``) belongs to the domain
area. See docs/emulator.md ("Shares and aliases").
"""
import re

from . import extensions
from .errors import ApiError, bad_param
from .registry import action
from .seed import SeedError

AREA = 'share'
MODES = ('r', 'rw')
EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
SUB_LABEL = re.compile(r'^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$')

extensions.setting('share_limit_free', int, 2)
# Domainshare.List items show only share_to, mode and status (document 004 and the later DNSPod
# documents): which part a share covers is not in the answer. True adds `sub_domain` to every item
# ("" for the whole domain), a field no document shows, for tests of a client that reads it.
extensions.setting('share_list_sub_domain', bool, False)
extensions.setting('share_limit_paid', int, 10)


# -- shared with actions_alias --------------------------------------------------------------------
def gated_domain(ctx, write=True, id_param='domain_id', allow_name=True):
    """The domain of a share/alias call, after the documented refusals.

    6: unknown, malformed or another account's domain (8 means "e-mail does not exist" here);
    13: unknown domain name (as recorded for every action); -15: banned domain (``ext_status``
    ``spam``, writes only: List does not document -15); -7: a free domain of an enterprise
    account; -8: a free domain while an agent acts with ``user_id``.
    """
    if not allow_name and not (ctx.get(id_param) or '').strip():
        raise ApiError('6', 'Domain id invalid', '域名ID错误')
    domain = ctx.domain(id_code='6', owner_code='6', id_param=id_param)
    free = ctx.state.grades[domain.grade]['free']
    if write and domain.ext_status == 'spam':
        raise ApiError('-15', 'The domain is banned', '域名已被封禁')
    if free and ctx.account.user_type == 'enterprise':
        raise ApiError('-7', 'Domains of enterprise accounts must be upgraded to use this',
                       '企业账号的域名需要升级才能设置')
    if free and ctx.account.agent and (ctx.get('user_id') or '').strip():
        raise ApiError('-8', "Domains of an agent's users must be upgraded to use this",
                       '代理名下用户的域名需要升级才能设置')
    return domain


def limit_for(state, domain, area):
    free = state.grades[domain.grade]['free']
    return state.settings['%s_limit_%s' % (area, 'free' if free else 'paid')]


def sub_domain_param(ctx, name):
    """'' for the whole domain (missing, empty or '@'), else a checked lower-case host name."""
    raw = ctx.get(name)
    value = (raw or '').strip().lower().rstrip('.')
    if value in ('', '@'):
        return ''
    labels = value.split('.')
    if len(value) > 253 or not all(SUB_LABEL.match(label) for label in labels):
        raise bad_param(name, 'a sub-domain such as www or bbs.dev')
    return value


def _shares(domain):
    return domain.ext.setdefault(AREA, [])


def _find(domain, email):
    wanted = email.lower()
    for share in _shares(domain):
        if share['email'].lower() == wanted:
            return share
    return None


def _target(ctx, domain):
    """The target account's canonical e-mail: 7 missing/malformed/the owner, 8 unknown."""
    email = (ctx.get('email') or '').strip()
    if not email or not EMAIL.match(email):
        raise ApiError('7', 'Share e-mail invalid', '要共享到的邮箱错误')
    if email.lower() == domain.owner.email.lower():
        raise ApiError('7', 'Share e-mail invalid: the owner cannot share with itself',
                       '要共享到的邮箱错误')
    account = ctx.state.by_email.get(email.lower())
    if account is None:
        # the English documents' wording (docs.dnspod.com, Domainshare.Create): an e-mail in a
        # code-8 message that is not the e-mail-login refusal (see docs/emulator.md)
        raise ApiError('8', 'The target email address not exists', '要共享到的邮箱不存在')
    return account.email


def _mode(ctx):
    mode = (ctx.get('mode') or '').strip().lower()
    if mode == '':
        return 'r'                  # "默认为 r"
    if mode not in MODES:
        raise bad_param('mode', 'r or rw')
    return mode


def _changed(ctx, domain, text):
    ctx.changed = True
    ctx.state.touch(domain)
    domain.add_log(ctx.client_ip, text)


@action('Domainshare.Create', write=True)
def share_create(ctx):
    domain = gated_domain(ctx)
    email = _target(ctx, domain)
    mode = _mode(ctx)
    sub = sub_domain_param(ctx, 'sub_domain')
    if _find(domain, email) is not None:
        raise ApiError('9', 'The share already exists', '共享已经存在')
    if len(_shares(domain)) >= limit_for(ctx.state, domain, AREA):
        raise ApiError('10', 'The number of shares has reached the limit', '共享数量已经到达上限')
    _shares(domain).append({'email': email, 'mode': mode, 'sub_domain': sub, 'status': 'enabled'})
    _changed(ctx, domain, '共享域名 %s%s 给 %s (%s)' % (sub + '.' if sub else '', domain.name, email, mode))
    return {}


@action('Domainshare.List')
def share_list(ctx):
    domain = gated_domain(ctx, write=False)
    shares = _shares(domain)
    if not shares and ctx.error_on_empty:
        raise ApiError('7', 'No shares', '没有共享记录')
    items = []
    for share in shares:
        item = {'share_to': share['email'], 'mode': share['mode'], 'status': share['status']}
        if ctx.settings['share_list_sub_domain']:
            item['sub_domain'] = share['sub_domain']
        items.append(item)
    return {'share': items, 'owner': domain.owner.email}


@action('Domainshare.Modify', write=True)
def share_modify(ctx):
    domain = gated_domain(ctx)
    email = _target(ctx, domain)
    mode = _mode(ctx)
    old = sub_domain_param(ctx, 'old_sub_domain')
    new = sub_domain_param(ctx, 'new_sub_domain')
    share = _find(domain, email)
    # old_sub_domain names the share as it is: omitted for a share of the whole domain.
    if share is None or share['sub_domain'] != old:
        raise ApiError('9', 'No share for this e-mail', '此邮箱的共享不存在')
    if share['mode'] != mode or share['sub_domain'] != new:
        share['mode'] = mode
        share['sub_domain'] = new
        part = new + '.' if new else ''
        _changed(ctx, domain, '修改域名共享 %s: %s%s (%s)' % (email, part, domain.name, mode))
    return {}


@action('Domainshare.Remove', write=True)
def share_remove(ctx):
    domain = gated_domain(ctx)
    email = _target(ctx, domain)
    share = _find(domain, email)
    if share is None:
        raise ApiError('9', 'No share for this e-mail', '此邮箱的共享不存在')
    _shares(domain).remove(share)
    _changed(ctx, domain, '删除域名共享 %s' % email)
    return {}


# -- seed and dump ----------------------------------------------------------------------------------
@extensions.seed_key('domain', 'shares')
def _load_shares(state, domain, where, value):
    if not isinstance(value, list):
        raise SeedError('%s: expected a list, got %r' % (where, value))
    shares = _shares(domain)
    for i, item in enumerate(value):
        here = '%s[%d]' % (where, i)
        if not isinstance(item, dict):
            raise SeedError('%s: expected an object, got %r' % (here, item))
        unknown = set(item) - {'email', 'mode', 'sub_domain'}
        if unknown:
            raise SeedError('%s: unknown key %s' % (here, ', '.join(sorted(unknown))))
        email = item.get('email')
        if not isinstance(email, str) or email.lower() not in state.by_email:
            raise SeedError('%s.email: not the e-mail of an account of the seed: %r' % (here, email))
        if email.lower() == domain.owner.email.lower():
            raise SeedError('%s.email: the owner of the domain' % here)
        email = state.by_email[email.lower()].email
        if _find(domain, email) is not None:
            raise SeedError('%s.email: %s is shared twice' % (here, email))
        mode = item.get('mode', 'r')
        if mode not in MODES:
            raise SeedError('%s.mode: expected "r" or "rw", got %r' % (here, mode))
        sub = item.get('sub_domain', '')
        if not isinstance(sub, str):
            raise SeedError('%s.sub_domain: expected a string, got %r' % (here, sub))
        sub = sub.strip().lower()
        if sub == '@':
            sub = ''
        if sub and not all(SUB_LABEL.match(label) for label in sub.split('.')):
            raise SeedError('%s.sub_domain: not a sub-domain: %r' % (here, sub))
        shares.append({'email': email, 'mode': mode, 'sub_domain': sub, 'status': 'enabled'})


@extensions.dump_key('domain', 'shares')
def _dump_shares(state, domain):
    out = []
    for share in domain.ext.get(AREA, []):
        item = {'email': share['email'], 'mode': share['mode']}
        if share['sub_domain']:
            item['sub_domain'] = share['sub_domain']
        out.append(item)
    return out
