"""The area hooks of extensions.py: extra seed keys, dump keys and settings."""
import pytest

from emulator import extensions
from emulator.dump import dump
from emulator.seed import SeedError, build_state


@pytest.fixture
def area():
    """A throw-away area with one key per level and one setting; removed afterwards."""
    loaded = []

    def load_domain(state, domain, where, value):
        if not isinstance(value, list):
            raise SeedError('%s: expected a list' % where)
        domain.ext['probe'] = list(value)
        loaded.append(where)

    def load_account(state, account, where, value):
        account.ext['probe'] = value
        loaded.append(where)

    def load_top(state, owner, where, value):
        owner.ext['probe'] = value
        loaded.append(where)

    extensions.seed_key('domain', 'probe')(load_domain)
    extensions.seed_key('account', 'probe')(load_account)
    extensions.seed_key('top', 'probe')(load_top)
    extensions.dump_key('domain', 'probe')(lambda state, d: d.ext.get('probe', []))
    extensions.dump_key('account', 'probe')(lambda state, a: a.ext.get('probe'))
    extensions.setting('probe_quota', int, 7)
    yield loaded
    for level in extensions.LEVELS:
        extensions.SEED_KEYS[level].pop('probe', None)
        extensions.DUMP_KEYS[level].pop('probe', None)
    extensions.SETTINGS.pop('probe_quota', None)


def _seed(**top):
    doc = {'accounts': [{'user_id': 10000, 'email': 'a@example.com', 'probe': 'acc',
                         'domains': [{'name': 'example.com', 'probe': ['x', 'y']}]}]}
    doc.update(top)
    return doc


def test_area_keys_load_and_dump(area):
    state = build_state(_seed(probe=3, settings={'probe_quota': 2}))
    assert area == ['accounts[0].domains[0].probe', 'accounts[0].probe', 'probe']
    assert state.ext['probe'] == 3
    assert state.settings['probe_quota'] == 2
    doc = dump(state)
    assert doc['accounts'][0]['probe'] == 'acc'
    assert doc['accounts'][0]['domains'][0]['probe'] == ['x', 'y']


def test_area_setting_default_and_type(area):
    assert build_state(_seed()).settings['probe_quota'] == 7
    with pytest.raises(SeedError, match='settings.probe_quota'):
        build_state(_seed(settings={'probe_quota': 'many'}))


def test_area_loader_errors_name_the_place(area):
    doc = _seed()
    doc['accounts'][0]['domains'][0]['probe'] = 'not a list'
    with pytest.raises(SeedError, match=r'accounts\[0\]\.domains\[0\]\.probe'):
        build_state(doc)


def test_unknown_keys_still_refused():
    with pytest.raises(SeedError, match='unknown key'):
        build_state({'accounts': [{'email': 'a@example.com', 'nonsense': 1}]})
