# -*- coding: utf-8 -*-
"""Alias planning: name checks (IDN -> punycode, no www., not the domain itself), present/absent,
opt-in purge, removes before creates, and apply-and-replan against the emulator."""
import itertools
import os
import sys
import threading

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import alias
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.aliases import Aliases, normalize_alias
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'


def al(aid, name):
    return {'id': str(aid), 'name': name}


def test_names_are_normalised_and_deduplicated():
    given = ['Example.NET', 'bücher.example.', 'example.net', 'xn--bcher-kva.example', u'b\u3002example']
    assert alias.check_aliases(given, 'example.com') == ['example.net', 'xn--bcher-kva.example', 'b.example']
    assert alias.check_aliases(None) == []


@pytest.mark.parametrize('name, index', [
    ('localhost', 0), ('bad_label.example', 0), ('-a.example', 0), ('www.example.net', 0),
    ('example.com', 0), ('xn--zz.example', 0), ('', 0), ('a..example', 0),
])
def test_bad_names_name_the_option_and_index(name, index):
    with pytest.raises(ValidationError) as info:
        alias.check_aliases([name], 'example.com')
    assert info.value.parameter == 'aliases[%d]' % index
    with pytest.raises(ValidationError) as info:
        alias.check_aliases(['fine.example', name], 'example.com')
    assert info.value.parameter == 'aliases[1]'


def test_normalize_alias_list_and_create_items():
    assert normalize_alias({'id': 18737, 'domain': 'DNSPodAPI.com'}) == al(18737, 'dnspodapi.com')
    assert normalize_alias({'id': '5', 'punycode': 'xn--bcher-kva.example'}) == al(5, 'xn--bcher-kva.example')
    assert normalize_alias({'id': '6', 'domain': 'bücher.example'}) == al(6, 'xn--bcher-kva.example')


CURRENT = [al(1, 'a.example'), al(2, 'b.example')]


def ops(operations):
    return [(op['action'], op['name']) for op in operations]


def test_present_adds_only_missing_and_keeps_others():
    assert ops(alias.plan_aliases(CURRENT, ['b.example', 'c.example'])) == [('create', 'c.example')]
    assert alias.plan_aliases(CURRENT, ['a.example']) == []
    assert alias.plan_aliases(CURRENT, []) == []


def test_purge_removes_first_then_creates():
    plan = alias.plan_aliases(CURRENT, ['c.example', 'b.example'], purge=True)
    assert ops(plan) == [('remove', 'a.example'), ('create', 'c.example')]
    assert plan[0]['id'] == '1' and plan[1]['id'] is None
    assert ops(alias.plan_aliases(CURRENT, [], purge=True)) == [('remove', 'a.example'), ('remove', 'b.example')]
    assert alias.plan_aliases(CURRENT, ['b.example', 'a.example'], purge=True) == []


def test_absent_removes_only_listed_ones():
    assert ops(alias.plan_aliases(CURRENT, ['b.example', 'z.example'], 'absent')) == [('remove', 'b.example')]
    assert alias.plan_aliases(CURRENT, ['z.example'], 'absent') == []
    assert alias.plan_aliases([], ['a.example'], 'absent') == []


def test_predict_after():
    plan = alias.plan_aliases(CURRENT, ['c.example'], purge=True)
    assert alias.predict_after(CURRENT, plan) == [{'id': None, 'name': 'c.example'}]
    assert alias.names_of(alias.predict_after(CURRENT, [])) == ['a.example', 'b.example']


@pytest.fixture(scope='module')
def server():
    srv = emulator.make_server(seed=None, port=0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


NAMES = ['a.example', 'b.example', 'c.example']
SUBSETS = [list(c) for n in range(3) for c in itertools.combinations(NAMES, n)]


@pytest.mark.parametrize('before, wanted, state, purge', [
    (b, w, s, p) for b in SUBSETS for w in SUBSETS for s, p in (('present', False), ('present', True), ('absent', False))
])
def test_apply_then_replan_is_empty(server, before, wanted, state, purge):
    server.reset({'settings': {'alias_limit_paid': 3},
                  'accounts': [{'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN,
                                'domains': [{'id': 1001, 'name': 'example.com', 'grade': 'DP_Plus',
                                             'aliases': before}]}]})
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=0)
    current = Aliases(client).list('1001')
    plan = alias.plan_aliases(current, wanted, state, purge)
    predicted = alias.names_of(alias.predict_after(current, plan))
    alias.apply(Aliases(client), '1001', plan)
    assert all(op['done'] and op['id'] for op in plan)
    assert client.writes == len(plan)
    after = Aliases(client).list('1001')
    names = alias.names_of(after)
    assert names == predicted
    if state == 'absent':
        assert not set(wanted) & set(names)
        assert set(names) == set(before) - set(wanted)
    elif purge:
        assert names == sorted(wanted)
    else:
        assert set(names) == set(before) | set(wanted)
    assert alias.plan_aliases(after, wanted, state, purge) == []


# ---- a write whose answer was lost ---------------------------------------------------------------

def seed_aliases(before):
    return {'accounts': [{'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN,
                          'domains': [{'id': 1001, 'name': 'example.com', 'grade': 'DP_Plus', 'aliases': before}]}]}


@pytest.mark.parametrize('action, before, wanted, state, code', [
    ('Domainalias.Create', [], ['a.example'], 'present', '9'),
    ('Domainalias.Remove', ['a.example'], ['a.example'], 'absent', '7'),
])
def test_lost_answer_then_already_done_counts_as_done(server, action, before, wanted, state, code):
    server.reset(seed_aliases(before))
    server.faults.replace([{'kind': 'reset', 'action': action, 'after': True, 'times': 1}])
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=2, sleep=lambda seconds: None)
    plan = alias.plan_aliases(Aliases(client).list('1001'), wanted, state)
    alias.apply(Aliases(client), '1001', plan)
    assert [(r['code'], r['write']) for r in server.state.requests if r['action'] == action] == [
        ('1', True), (code, False)]
    after = Aliases(client).list('1001')
    if state == 'present':
        assert plan[0]['done'] and plan[0]['id'] == after[0]['id'] == '18737'
    else:
        assert after == []


def test_already_done_code_without_a_fault_is_an_error(server):
    server.reset(seed_aliases(['a.example']))
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=2, sleep=lambda seconds: None)
    with pytest.raises(DNSPodAPIError) as info:
        alias.apply(Aliases(client), '1001', [{'action': 'create', 'name': 'a.example', 'id': None}])
    assert info.value.code == '9'


class FailingAliases:
    """The API's Aliases that refuses the second write."""

    def __init__(self):
        self.sent = []

    def remove(self, domain_id, alias_id):
        self.sent.append(('remove', alias_id))

    def create(self, domain_id, name):
        self.sent.append(('create', name))
        if len(self.sent) > 1:
            raise DNSPodAPIError('Domainalias.Create', '10', 'quota')
        return '77'


def test_apply_stops_at_the_first_error_and_says_what_it_did():
    operations = alias.plan_aliases([al(1, 'old.example')], ['a.example', 'b.example'], 'present', purge=True)
    api = FailingAliases()
    with pytest.raises(DNSPodAPIError) as info:
        alias.apply(api, '1001', operations)
    assert api.sent == [('remove', '1'), ('create', 'a.example')]
    assert info.value.details == {'created': [], 'removed': ['old.example']}


def test_check_params_in_the_order_the_options_are_checked():
    params = dict(domain=' Example.COM ', aliases=['Example.NET'], state='present', purge=False, allow_empty=False)
    assert alias.check_params(params) == ('example.com', 'example.com', ['example.net'])
    assert alias.check_params(dict(params, domain='1001')) == ('1001', None, ['example.net'])
    with pytest.raises(ValidationError, match='^purge: only with state=present'):
        alias.check_params(dict(params, state='absent', purge=True, domain='bad..name'))
    with pytest.raises(ValidationError, match='^domain: '):
        alias.check_params(dict(params, domain='bad..name', aliases=['www.example.net']))
    with pytest.raises(ValidationError, match=r'^aliases\[0\]: '):
        alias.check_params(dict(params, aliases=['example.com']))
