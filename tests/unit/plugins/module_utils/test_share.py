# -*- coding: utf-8 -*-
"""Share planning: input checks, the five Domainshare.Modify cases, absent, and apply-and-replan
against the emulator for every pair of (current share, wanted share)."""
import itertools
import os
import sys
import threading

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import share
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.shares import ACTIONS, Shares, normalize_share
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError
from ansible_collections.dnspod.dnspod.plugins.module_utils.validation import ValidationError

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'
FRIEND = 'friend@example.com'


def cur(mode='r', sub=None, email=FRIEND):
    return {'email': email, 'mode': mode, 'sub_domain': sub, 'status': 'enabled'}


# ---- input ----------------------------------------------------------------------------------------

@pytest.mark.parametrize('email', ['', None, 'no-at-sign', 'a@b', 'a b@example.com', 'x@@example.com'])
def test_bad_email_names_the_option(email):
    with pytest.raises(ValidationError) as info:
        share.check_share_args(email)
    assert info.value.parameter == 'email'


def test_bad_mode_names_the_option():
    with pytest.raises(ValidationError) as info:
        share.check_share_args(FRIEND, 'w')
    assert info.value.parameter == 'mode'
    assert share.check_share_args(' Friend@Example.com ', 'RW') == ('Friend@Example.com', 'rw', None)


@pytest.mark.parametrize('given, domain, expected', [
    (None, 'example.com', None),
    ('', 'example.com', None),
    ('@', 'example.com', None),
    ('example.com', 'example.com', None),
    ('WWW', 'example.com', 'www'),
    ('www.example.com', 'example.com', 'www'),
    ('bbs.dev.example.com.', 'example.com', 'bbs.dev'),
    ('www', None, 'www'),
    ('bücher', 'example.com', 'xn--bcher-kva'),
])
def test_sub_domain_forms(given, domain, expected):
    assert share.check_sub_domain(given, domain) == expected


@pytest.mark.parametrize('given, domain', [
    ('*', 'example.com'), ('*.dev', 'example.com'), ('a..b', 'example.com'), ('www.example.org.', 'example.com'),
    ('-bad', 'example.com'), ('www.example.com.', None),
])
def test_bad_sub_domain_names_the_option(given, domain):
    with pytest.raises(ValidationError) as info:
        share.check_sub_domain(given, domain)
    assert info.value.parameter == 'sub_domain'


def test_normalize_share_is_tolerant():
    assert normalize_share({'share_to': 'A@example.com', 'mode': 'RW', 'status': 'enabled'}) == {
        'email': 'A@example.com', 'mode': 'rw', 'sub_domain': None, 'status': 'enabled', 'listed': False}
    assert normalize_share({'share_to': 'a@example.com', 'sub_domain': ''})['listed'] is True
    assert normalize_share({'share_to': 'a@example.com', 'sub_domain': '@'})['sub_domain'] is None
    assert normalize_share({'share_to': 'a@example.com', 'sub_domain': 'WWW'})['sub_domain'] == 'www'
    assert normalize_share({'share_to': 'a@example.com'})['mode'] == 'r'
    assert share.find_share([cur(email='Friend@Example.COM')], 'friend@example.com')['mode'] == 'r'
    assert share.find_share([cur()], 'other@example.com') is None


# ---- the documented Modify cases -----------------------------------------------------------------

@pytest.mark.parametrize('before, mode, sub, params', [
    # 1. whole domain, mode change
    (cur('rw'), 'r', None, {'email': FRIEND, 'mode': 'r'}),
    # 2. sub-domain, mode change: old = new
    (cur('rw', 'www'), 'r', 'www', {'email': FRIEND, 'mode': 'r', 'old_sub_domain': 'www', 'new_sub_domain': 'www'}),
    # 3. whole domain -> sub-domain
    (cur('rw'), 'rw', 'www', {'email': FRIEND, 'mode': 'rw', 'new_sub_domain': 'www'}),
    # 4. sub-domain -> whole domain
    (cur('rw', 'www'), 'rw', None, {'email': FRIEND, 'mode': 'rw', 'old_sub_domain': 'www'}),
    # 5. sub-domain -> other sub-domain
    (cur('rw', 'www'), 'rw', 'bbs', {'email': FRIEND, 'mode': 'rw', 'old_sub_domain': 'www', 'new_sub_domain': 'bbs'}),
])
def test_the_five_modify_cases(before, mode, sub, params):
    op = share.plan_share(before, FRIEND, 'present', mode=mode, sub_domain=sub)
    assert op['action'] == 'modify' and ACTIONS[op['action']] == 'Domainshare.Modify'
    assert op['params'] == params
    assert op['before'] == before
    assert op['after'] == dict(before, mode=mode, sub_domain=sub)


def test_modify_sends_the_email_as_listed():
    op = share.plan_share(cur('r', email='Friend@Example.com'), 'friend@example.com', mode='rw')
    assert op['params']['email'] == 'Friend@Example.com'


def test_create_and_defaults():
    op = share.plan_share(None, FRIEND)
    assert ACTIONS[op['action']] == 'Domainshare.Create'
    assert op['params'] == {'email': FRIEND, 'mode': 'r'}
    op = share.plan_share(None, FRIEND, mode='rw', sub_domain='www')
    assert op['params'] == {'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}
    assert op['after'] == dict(cur('rw', 'www'), listed=True)


def test_unset_mode_keeps_the_current_one():
    assert share.plan_share(cur('rw'), FRIEND) is None
    op = share.plan_share(cur('rw'), FRIEND, sub_domain='www')
    assert op['params'] == {'email': FRIEND, 'mode': 'rw', 'new_sub_domain': 'www'}


def test_absent():
    assert share.plan_share(None, FRIEND, 'absent') is None
    op = share.plan_share(cur('rw', 'www'), FRIEND, 'absent')
    assert ACTIONS[op['action']] == 'Domainshare.Remove' and op['params'] == {'email': FRIEND}
    assert op['after'] is None
    # a named part removes only a share of exactly that part
    assert share.plan_share(cur('rw', 'www'), FRIEND, 'absent', sub_domain='bbs', match_sub_domain=True) is None
    assert share.plan_share(cur('rw', 'www'), FRIEND, 'absent', sub_domain=None, match_sub_domain=True) is None
    assert share.plan_share(cur('rw', None), FRIEND, 'absent', sub_domain=None, match_sub_domain=True) is not None
    assert share.plan_share(cur('r', 'www'), FRIEND, 'absent', sub_domain='www', match_sub_domain=True) is not None


def test_diff_view():
    assert share.diff_view(None) == {}
    assert share.diff_view(cur('rw', 'www')) == {'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}


# ---- apply and replan against the emulator -------------------------------------------------------

@pytest.fixture(scope='module')
def server():
    srv = emulator.make_server(seed=None, port=0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def seed_with(shares, listed=True):
    # listed: the emulator's share_list_sub_domain (the List shows the part, as no document does)
    return {'settings': {'share_list_sub_domain': listed}, 'accounts': [
        {'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN,
         'domains': [{'id': 1001, 'name': 'example.com', 'shares': shares}]},
        {'user_id': 10001, 'email': FRIEND},
    ]}


STATES = [None] + list(itertools.product(('r', 'rw'), (None, 'www', 'bbs')))


@pytest.mark.parametrize('before, wanted', list(itertools.product(STATES, STATES)))
def test_apply_then_replan_is_empty(server, before, wanted):
    shares = []
    if before is not None:
        shares = [dict({'email': FRIEND, 'mode': before[0]}, **({'sub_domain': before[1]} if before[1] else {}))]
    server.reset(seed_with(shares))
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=0)
    _owner, current = Shares(client).list('1001')
    current = share.find_share(current, FRIEND)
    if wanted is None:
        op = share.plan_share(current, FRIEND, 'absent')
    else:
        op = share.plan_share(current, FRIEND, 'present', mode=wanted[0], sub_domain=wanted[1])
    if before == wanted:
        assert op is None
        return
    Shares(client).apply('1001', op)
    assert client.writes == 1
    _owner, after = Shares(client).list('1001')
    found = share.find_share(after, FRIEND)
    if wanted is None:
        assert found is None
        again = share.plan_share(found, FRIEND, 'absent')
    else:
        assert (found['mode'], found['sub_domain']) == wanted
        assert found == dict(op['after'], listed=True)
        again = share.plan_share(found, FRIEND, 'present', mode=wanted[0], sub_domain=wanted[1])
    assert again is None
    assert [r['write'] for r in server.state.requests if r['write_action']] == [True]


# ---- a write whose answer was lost ---------------------------------------------------------------

def retrying_client(server):
    return DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=2, sleep=lambda seconds: None)


@pytest.mark.parametrize('before, wanted', [
    (None, ('rw', 'www')),          # Create: the retry answers 9 "share exists"
    (('rw', None), ('rw', 'www')),  # Modify whole -> www: the retry's missing old_sub_domain answers 9
    (('r', 'www'), None),           # Remove: the retry answers 9 "no share"
])
def test_lost_answer_then_already_done_counts_as_done(server, before, wanted):
    shares = [] if before is None else [dict({'email': FRIEND, 'mode': before[0]},
                                             **({'sub_domain': before[1]} if before[1] else {}))]
    server.reset(seed_with(shares))
    action = 'Domainshare.' + ('Create' if before is None else 'Remove' if wanted is None else 'Modify')
    server.faults.replace([{'kind': 'reset', 'action': action, 'after': True, 'times': 1}])
    client = retrying_client(server)
    current = share.find_share(Shares(client).list('1001')[1], FRIEND)
    if wanted is None:
        op = share.plan_share(current, FRIEND, 'absent')
    else:
        op = share.plan_share(current, FRIEND, mode=wanted[0], sub_domain=wanted[1])
    Shares(client).apply('1001', op)
    codes = [(r['action'], r['code'], r['write']) for r in server.state.requests if r['action'] == action]
    assert codes == [(action, '1', True), (action, '9', False)]
    found = share.find_share(Shares(client).list('1001')[1], FRIEND)
    assert (found and (found['mode'], found['sub_domain'])) == (wanted or None)


def test_already_done_code_without_a_fault_is_an_error(server):
    server.reset(seed_with([{'email': FRIEND, 'mode': 'r'}]))
    client = retrying_client(server)
    stale = {'action': 'create', 'params': {'email': FRIEND, 'mode': 'r'},
             'before': None, 'after': cur('r')}
    with pytest.raises(DNSPodAPIError) as info:
        Shares(client).apply('1001', stale)
    assert info.value.code == '9'


def test_lost_answer_with_a_different_result_is_an_error(server):
    # the first attempt is lost before the action runs; the share was changed meanwhile by someone else
    server.reset(seed_with([{'email': FRIEND, 'mode': 'r', 'sub_domain': 'bbs'}]))
    server.faults.replace([{'kind': 'reset', 'action': 'Domainshare.Modify', 'times': 1}])
    client = retrying_client(server)
    op = share.plan_share(cur('r', None), FRIEND, mode='rw')       # planned from a stale listing
    with pytest.raises(DNSPodAPIError) as info:
        Shares(client).apply('1001', op)
    assert info.value.code == '9'


# ---- the documented Domainshare.List answer: which part a share covers is not shown -------------

def unlisted(mode='r', email=FRIEND):
    return normalize_share({'share_to': email, 'mode': mode, 'status': 'enabled'})


@pytest.mark.parametrize('sub, params', [
    (None, {'email': FRIEND, 'mode': 'rw'}),                                            # case 1
    ('www', {'email': FRIEND, 'mode': 'rw', 'old_sub_domain': 'www', 'new_sub_domain': 'www'}),   # case 2
])
def test_unlisted_part_is_the_one_the_task_names(sub, params):
    op = share.plan_share(unlisted('r'), FRIEND, mode='rw', sub_domain=sub)
    assert op['params'] == params
    assert op['after']['sub_domain'] == sub
    # the same mode: nothing to do (the part cannot be compared)
    assert share.plan_share(unlisted('rw'), FRIEND, mode='rw', sub_domain=sub) is None
    assert share.plan_share(unlisted('rw'), FRIEND, sub_domain='bbs') is None


def test_unlisted_part_absent():
    assert share.plan_share(unlisted(), FRIEND, 'absent')['action'] == 'remove'
    with pytest.raises(ValidationError) as info:
        share.plan_share(unlisted(), FRIEND, 'absent', sub_domain='www', match_sub_domain=True)
    assert info.value.parameter == 'sub_domain'


@pytest.mark.parametrize('part', [None, 'www', 'bbs'])
def test_unlisted_mode_change_applies_and_replans_empty(server, part):
    server.reset(seed_with([dict({'email': FRIEND, 'mode': 'r'}, **({'sub_domain': part} if part else {}))],
                           listed=False))
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=0)
    current = share.find_share(Shares(client).list('1001')[1], FRIEND)
    assert current['listed'] is False
    op = share.plan_share(current, FRIEND, mode='rw', sub_domain=part)
    Shares(client).apply('1001', op)
    assert share.find_share(Shares(client).list('1001')[1], FRIEND)['mode'] == 'rw'
    again = share.find_share(Shares(client).list('1001')[1], FRIEND)
    assert share.plan_share(again, FRIEND, mode='rw', sub_domain=part) is None


def test_unlisted_part_that_is_another_is_explained(server):
    server.reset(seed_with([{'email': FRIEND, 'mode': 'r', 'sub_domain': 'bbs'}], listed=False))
    client = DNSPodClient(api_url=server.base_url, login_token=TOKEN, max_retries=0)
    current = share.find_share(Shares(client).list('1001')[1], FRIEND)
    op = share.plan_share(current, FRIEND, mode='rw', sub_domain='www')
    with pytest.raises(share.UnknownPartRefusal) as info:
        share.apply(Shares(client), '1001', op)
    message = str(info.value)
    assert message.startswith('sub_domain: ') and 'www' in message and FRIEND in message
    assert info.value.details['api_action'] == 'Domainshare.Modify' and info.value.details['api_code'] == '9'
    # a refusal the planning cannot explain stays the API's error
    listed = dict(current, listed=True)
    with pytest.raises(DNSPodAPIError):
        share.apply(Shares(client), '1001', share.plan_share(listed, FRIEND, mode='rw', sub_domain='www'))
