"""Domainalias.* (alias domains bound to a domain).

A domain's aliases live in ``domain.ext['alias']``: a list of ``{'id': int, 'name': punycode}`` in
creation order; alias ids come from ``state.ext['alias']['next_id']`` and are unique over the
whole state. See docs/emulator.md ("Shares and aliases").
"""
from . import extensions
from . import validate
from .actions_share import gated_domain, limit_for
from .errors import ApiError
from .registry import action
from .seed import SeedError

AREA = 'alias'
FIRST_ID = 18737                    # the id of the documents' example

extensions.setting('alias_limit_free', int, 0)
extensions.setting('alias_limit_paid', int, 3)


def _aliases(domain):
    return domain.ext.setdefault(AREA, [])


def _counter(state):
    return state.ext.setdefault(AREA, {'next_id': FIRST_ID})


def _bound(state, name):
    """The domain an alias name is bound to, or None (a removed domain's aliases go with it)."""
    for domain in state.domains.values():
        if any(a['name'] == name for a in domain.ext.get(AREA, ())):
            return domain
    return None


def _alias_name(raw):
    """Punycode of an alias name, or code 7 (missing, malformed, or written with www.)."""
    bad = ApiError('7', 'Alias domain invalid', '要绑定的域名错误')
    text = (raw or '').strip()
    if not text:
        raise bad
    try:
        _name, puny = validate.domain_name(text)
    except ApiError:
        raise bad
    if puny.startswith('www.'):
        raise ApiError('7', 'Alias domain invalid: give it without www.', '要绑定的域名错误，不带www.')
    return puny


def _add(state, domain, alias_id, name):
    counter = _counter(state)
    counter['next_id'] = max(counter['next_id'], alias_id + 1)
    _aliases(domain).append({'id': alias_id, 'name': name})


@action('Domainalias.List')
def alias_list(ctx):
    domain = gated_domain(ctx, write=False)
    aliases = _aliases(domain)
    if not aliases and ctx.error_on_empty:
        raise ApiError('7', 'No aliases', '没有绑定记录')
    return {'alias': [{'id': str(a['id']), 'domain': a['name']} for a in aliases]}


@action('Domainalias.Create', write=True)
def alias_create(ctx):
    # Create documents only domain_id: its ``domain`` parameter is the alias name.
    domain = gated_domain(ctx, allow_name=False)
    state = ctx.state
    name = _alias_name(ctx.get('domain'))
    if name in state.domain_names:
        raise ApiError('8', 'The alias domain has already been added as a domain', '要绑定的域名已经被添加')
    if _bound(state, name) is not None:
        raise ApiError('9', 'The alias domain is already bound', '要绑定的域名已经被绑定')
    if len(_aliases(domain)) >= limit_for(state, domain, AREA):
        raise ApiError('10', 'The number of aliases has reached the limit', '绑定数量已经到达上限')
    alias_id = _counter(state)['next_id']
    _add(state, domain, alias_id, name)
    ctx.changed = True
    state.touch(domain)
    domain.add_log(ctx.client_ip, '添加域名绑定 %s -> %s' % (name, domain.name))
    return {'alias': {'id': str(alias_id), 'punycode': name}}


@action('Domainalias.Remove', write=True)
def alias_remove(ctx):
    domain = gated_domain(ctx)
    state = ctx.state
    alias_id = validate.int_param(ctx.get('alias_id'))
    found = [a for a in _aliases(domain) if a['id'] == alias_id] if alias_id is not None else []
    if not found:
        raise ApiError('7', 'Alias id invalid', '绑定ID错误')
    _aliases(domain).remove(found[0])
    ctx.changed = True
    state.touch(domain)
    domain.add_log(ctx.client_ip, '删除域名绑定 %s' % found[0]['name'])
    return {}


# -- seed and dump ----------------------------------------------------------------------------------
@extensions.seed_key('domain', 'aliases')
def _load_aliases(state, domain, where, value):
    """A list of names, or of ``{"domain": name, "id": int}`` (id: next free when missing)."""
    if not isinstance(value, list):
        raise SeedError('%s: expected a list, got %r' % (where, value))
    for i, item in enumerate(value):
        here = '%s[%d]' % (where, i)
        alias_id = None
        if isinstance(item, dict):
            unknown = set(item) - {'id', 'domain'}
            if unknown:
                raise SeedError('%s: unknown key %s' % (here, ', '.join(sorted(unknown))))
            alias_id = item.get('id')
            if alias_id is not None and (not isinstance(alias_id, int) or isinstance(alias_id, bool)
                                         or alias_id < 1):
                raise SeedError('%s.id: expected a positive int, got %r' % (here, alias_id))
            item = item.get('domain')
        if not isinstance(item, str):
            raise SeedError('%s: expected a domain name, got %r' % (here, item))
        try:
            name = _alias_name(item)
        except ApiError:
            raise SeedError('%s: not a domain name (without www.): %r' % (here, item))
        if name in state.domain_names:
            raise SeedError('%s: %s is a domain of the seed' % (here, name))
        if _bound(state, name) is not None:
            raise SeedError('%s: %s is bound twice' % (here, name))
        ids = set(a['id'] for d in state.domains.values() for a in d.ext.get(AREA, []))
        if alias_id is None:
            alias_id = _counter(state)['next_id']
        elif alias_id in ids:
            raise SeedError('%s.id: alias id %d used twice' % (here, alias_id))
        _add(state, domain, alias_id, name)


@extensions.dump_key('domain', 'aliases')
def _dump_aliases(state, domain):
    return [{'id': a['id'], 'domain': a['name']} for a in domain.ext.get(AREA, [])]
