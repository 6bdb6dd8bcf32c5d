"""Domain.Lock/Lockstatus/Unlock.

A lock is ``domain.ext['lock'] = {'lock_code', 'start_at', 'end_at'}`` (dates in Beijing time,
``YYYY-MM-DD``) together with ``domain.locked = True``, the flag every other write action checks
(Record.* answer 21, Domain.Remove/Status/Searchenginepush 7, Domain.Acquire* 12). A lock ends
after its ``end_at`` day; the emulator notices it when one of these actions (or Domain.Acquire*)
looks at the domain. Seed key ``lock`` at domain level, dumped back the same way (``null``: none).
"""
import datetime
import re
import secrets

from . import extensions
from . import grades as grades_mod
from .clock import BEIJING
from .errors import ApiError
from .registry import action
from .seed import SeedError

DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
DEFAULT_DAYS = 30
# The most days Domain.Lock accepts (code 9): the Purview sample's 域名锁定天数; no table per grade.
extensions.setting('lock_max_days', int, DEFAULT_DAYS)


def today():
    return datetime.datetime.now(BEIJING).date()


def _parse_date(text):
    return datetime.datetime.strptime(text, '%Y-%m-%d').date()


def lock_days_limit(grade, settings=None):
    """The grade's '域名锁定天数' of Domain.Purview (the documents' only statement of the limit)."""
    for item in grades_mod.purview(grade, settings):
        if item['name'] == '域名锁定天数':
            return int(item['value'])
    return DEFAULT_DAYS


def current_lock(domain):
    """The domain's lock (a dict) or None; an expired lock is lifted here."""
    if not domain.locked:
        domain.ext.pop('lock', None)
        return None
    lock = domain.ext.get('lock')
    if lock is None:
        # seeded with "locked": true and no "lock": a lock nobody knows the code of
        start = today()
        lock = {'lock_code': None, 'start_at': start.isoformat(),
                'end_at': (start + datetime.timedelta(days=DEFAULT_DAYS)).isoformat()}
        domain.ext['lock'] = lock
    if _parse_date(lock['end_at']) < today():
        domain.locked = False
        domain.ext.pop('lock', None)
        return None
    return lock


def is_locked(domain):
    return current_lock(domain) is not None


@action('Domain.Lock', write=True)
def domain_lock(ctx):
    # The document names only domain_id for this action (not "domain_id or domain").
    if not ctx.has('domain_id') or not ctx.get('domain_id').strip():
        raise ApiError('6', 'Domain id invalid: Domain.Lock takes domain_id', '域名ID错误')
    domain = ctx.domain(owner_code='7')
    raw = (ctx.get('days') or '').strip()
    if not re.match(r'^\d+$', raw) or int(raw) < 1:
        raise ApiError('8', 'Lock days invalid', '锁定天数错误')
    days = int(raw)
    limit = lock_days_limit(ctx.state.grades[domain.grade], ctx.state.settings)
    if days > limit:
        raise ApiError('9', 'Lock days over the limit (%d)' % limit, '锁定天数超出限制')
    if is_locked(domain):
        raise ApiError('21', 'Domain is already locked', '域名已经被锁定')
    start = today()
    lock = {'lock_code': secrets.token_hex(3), 'start_at': start.isoformat(),
            'end_at': (start + datetime.timedelta(days=days)).isoformat()}
    domain.ext['lock'] = lock
    domain.locked = True
    ctx.changed = True
    ctx.state.touch(domain, domain_changed=True)
    domain.add_log(ctx.client_ip, '锁定域名 %d 天' % days)
    return {'lock': {'domain_id': domain.id, 'lock_code': lock['lock_code'], 'lock_end': lock['end_at']}}


@action('Domain.Lockstatus')
def domain_lockstatus(ctx):
    domain = ctx.domain(owner_code='6')
    lock = current_lock(domain)
    if lock is None:
        raise ApiError('7', 'Domain is not locked', '域名没有锁定')
    return {'lock': {'lock_status': 'yes', 'start_at': lock['start_at'], 'end_at': lock['end_at']}}


@action('Domain.Unlock', write=True)
def domain_unlock(ctx):
    domain = ctx.domain(owner_code='7')
    lock = current_lock(domain)
    if lock is None:
        raise ApiError('8', 'Domain is not locked', '域名没有锁定')
    code = (ctx.get('lock_code') or '').strip()
    if not code or lock['lock_code'] is None or code.lower() != lock['lock_code'].lower():
        raise ApiError('9', 'Lock code invalid', '解锁码错误')
    domain.locked = False
    domain.ext.pop('lock', None)
    ctx.changed = True
    ctx.state.touch(domain, domain_changed=True)
    domain.add_log(ctx.client_ip, '解锁域名')
    return {'lock': {'lock_status': 'no', 'start_at': lock['start_at'], 'end_at': lock['end_at']}}


@extensions.seed_key('domain', 'lock')
def load_lock(state, domain, where, value):
    if value is None:
        return
    if not isinstance(value, dict):
        raise SeedError('%s: expected an object or null, got %r' % (where, value))
    unknown = set(value) - {'lock_code', 'start_at', 'end_at'}
    if unknown:
        raise SeedError('%s: unknown key(s) %s' % (where, ', '.join(sorted(unknown))))
    code = value.get('lock_code')
    if code is not None and (not isinstance(code, str) or not code.strip()):
        raise SeedError('%s.lock_code: expected a non-empty string or null, got %r' % (where, code))
    start = value.get('start_at', today().isoformat())
    for key, text in (('start_at', start), ('end_at', value.get('end_at', start))):
        if not isinstance(text, str) or not DATE.match(text):
            raise SeedError('%s.%s: expected "YYYY-MM-DD", got %r' % (where, key, text))
        try:
            _parse_date(text)
        except ValueError:
            raise SeedError('%s.%s: not a date: %r' % (where, key, text))
    end = value.get('end_at')
    if end is None:
        end = (_parse_date(start) + datetime.timedelta(days=DEFAULT_DAYS)).isoformat()
    if _parse_date(end) < _parse_date(start):
        raise SeedError('%s.end_at: before start_at' % where)
    domain.ext['lock'] = {'lock_code': code, 'start_at': start, 'end_at': end}
    domain.locked = True


@extensions.dump_key('domain', 'lock')
def dump_lock(state, domain):
    if not domain.locked:
        return None
    lock = domain.ext.get('lock')
    return dict(lock) if lock else None
