"""Hooks that let each action area (shares, groups, monitors, agents ...) own its state.

An area module keeps its data in ``state.ext[area]``, ``account.ext[area]`` or
``domain.ext[area]`` and registers here:

- ``seed_key(level, key)``: a loader for an extra key of a seed's ``account``/``domain``/top
  level: ``loader(state, owner, where, value)`` (owner is the Account, Domain or State); it raises
  ``seed.SeedError`` naming ``where`` on bad input. Loaders run after every account, domain and
  record of the seed exists.
- ``dump_key(level, key)``: ``dumper(state, owner) -> JSON value`` for ``/_emulator/state``;
  what it returns must load back through the matching seed key.
- ``setting(name, kind, default)``: an extra seed setting (``state.settings[name]``).

Keeping these registries here (not in seed.py/dump.py) is what lets areas be added without
editing the shared loader.
"""

LEVELS = ('top', 'account', 'domain')
SEED_KEYS = dict((level, {}) for level in LEVELS)
DUMP_KEYS = dict((level, {}) for level in LEVELS)
SETTINGS = {}   # name -> (type or tuple of types, default)


def seed_key(level, key):
    if level not in LEVELS:
        raise ValueError('unknown seed level %r' % level)

    def register(loader):
        SEED_KEYS[level][key] = loader
        return loader
    return register


def dump_key(level, key):
    if level not in LEVELS:
        raise ValueError('unknown dump level %r' % level)

    def register(dumper):
        DUMP_KEYS[level][key] = dumper
        return dumper
    return register


def setting(name, kind, default):
    SETTINGS[name] = (kind, default)


def load_areas():
    """Import every action module so that its hooks are registered (idempotent)."""
    from . import dispatch  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel
    from .tencentcloud import front  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel
