"""Key pairs (SecretId/SecretKey) of the accounts, for API 3.0.

Seed key ``key_pairs`` at account level: a list of ``{"secret_id": str, "secret_key": str}``
with an optional ``"token"`` (temporary credentials: every call must then send it as
``X-TC-Token``). SecretIds are unique over the whole state. The default account (no seed) holds
``AKID10000EMULATOR`` / ``emulator-secret-key-10000`` (seed.DEFAULT_ACCOUNT). Key pairs are
secrets: ``/_emulator/state`` does not show them (like ``login_token``).
"""
import re

from .. import extensions
from ..seed import SeedError

AREA = 'tencentcloud'
SECRET_ID = re.compile(r'^[A-Za-z0-9]{4,128}$')
PAIR_KEYS = {'secret_id', 'secret_key', 'token'}


def index(state):
    """secret_id -> {'account', 'secret_key', 'token'}."""
    return state.ext.setdefault(AREA, {}).setdefault('keys', {})


def lookup(state, secret_id):
    return index(state).get(secret_id)


@extensions.seed_key('account', 'key_pairs')
def load_key_pairs(state, account, where, value):
    if not isinstance(value, list):
        raise SeedError('%s: expected a list, got %r' % (where, value))
    keys = index(state)
    for i, item in enumerate(value):
        here = '%s[%d]' % (where, i)
        if not isinstance(item, dict):
            raise SeedError('%s: expected an object, got %r' % (here, item))
        unknown = set(item) - PAIR_KEYS
        if unknown:
            raise SeedError('%s: unknown key(s) %s (allowed: %s)'
                            % (here, ', '.join(sorted(unknown)), ', '.join(sorted(PAIR_KEYS))))
        secret_id = item.get('secret_id')
        if not isinstance(secret_id, str) or not SECRET_ID.match(secret_id):
            raise SeedError('%s.secret_id: expected 4-128 letters and digits, got %r' % (here, secret_id))
        if secret_id in keys:
            raise SeedError('%s.secret_id: %s used twice' % (here, secret_id))
        secret_key = item.get('secret_key')
        if not isinstance(secret_key, str) or not secret_key:
            raise SeedError('%s.secret_key: expected a non-empty string' % here)
        token = item.get('token')
        if token is not None and (not isinstance(token, str) or not token):
            raise SeedError('%s.token: expected a non-empty string or null' % here)
        keys[secret_id] = {'account': account, 'secret_key': secret_key, 'token': token}
