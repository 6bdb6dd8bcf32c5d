"""Refusals predicted before writing (issue 13, section 4), against the emulator.

* the free grade's round-robin limit (2 enabled records per A/AAAA/CNAME set; code 25, or
  500025/500026): a real run and check mode both fail before any write, naming the limit, the
  grade and the parameter; so does an A beside a CNAME or URL record (code 31);
* Record.Modify always sends `status` (the API's default is "enable"), so changing the value or
  TTL of a disabled record keeps it disabled; a set created with `status: disabled` is one
  Record.Create carrying `status=disable`, with no Record.Status;
* a Domainshare.Modify of a sub-domain share does not depend on a `sub_domain` field of
  Domainshare.List, which no document shows (the emulator leaves it out, as documented).

The request log is the judge: `write_action` entries are every write sent, refused ones included.
"""
import ast
import os

import pytest
import yaml

from seeds import account, domain, record, seed

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
FRIEND = 'friend@example.com'


def writes_sent(emulator):
    return [(r['action'], r['params']) for r in emulator.requests() if r['write_action']]


def www_records(emulator):
    dom = emulator.state()['accounts'][0]['domains'][0]
    return sorted((r['record_type'], r['value'], r['status']) for r in dom['records'] if r['sub_domain'] == 'www')


# ---- the grade's round-robin limit -------------------------------------------------------------

@pytest.mark.parametrize('check', [False, True], ids=['run', 'check'])
@pytest.mark.parametrize('code', ['25', '500025'])
def test_round_robin_limit_fails_before_any_write(play, emulator, check, code):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1')),
                        settings={'round_robin_code': code}))
    # The first EXAMPLE of dnspod_record as it was: two values added beside the one already there.
    args = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.10', '192.0.2.11'], 'ttl': 600}
    play('prechecks_record.yml', {'record': args, 'expect_failed': True,
                                  'expect_in_msg': ['value:', 'round-robin limit', 'DP_Free', 'is 2',
                                                    'would hold 3 enabled records']}, check=check)
    assert writes_sent(emulator) == []
    assert [r['action'] for r in emulator.requests()] == ['Record.List']
    assert www_records(emulator) == [('A', '192.0.2.1', 'enabled')]


def test_round_robin_limit_counts_enabled_records_only(play, emulator):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), record('www', 'A', '192.0.2.2'))))
    args = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.3'], 'status': 'disabled'}
    play('prechecks_record.yml', {'record': args})
    assert [(a, p.get('status')) for a, p in writes_sent(emulator)] == [('Record.Create', 'disable')]
    # a paid grade: the limit is not in the module's table, the API decides (10 in the emulator)
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), record('www', 'A', '192.0.2.2'),
                               grade='DP_Plus')))
    play('prechecks_record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.3']}})
    assert [a for a, _p in writes_sent(emulator)] == ['Record.Create']


@pytest.mark.parametrize('check', [False, True], ids=['run', 'check'])
def test_bulk_round_robin_limit_names_the_item(play, emulator, check):
    emulator.reset(seed(domain('example.com')))
    records = [{'sub_domain': 'api', 'record_type': 'A', 'value': ['192.0.2.1']},
               {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1', '192.0.2.2', '192.0.2.3']}]
    play('prechecks_records.yml', {'records': records,
                                   'expect_in_msg': ['records[1].value', 'DP_Free', 'round-robin limit']},
         check=check)
    assert writes_sent(emulator) == []


def first_example():
    """The first task of dnspod_record's EXAMPLES, as a user would copy it."""
    with open(os.path.join(REPO, 'plugins', 'modules', 'dnspod_record.py')) as fh:
        tree = ast.parse(fh.read())
    text = [node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and getattr(node.targets[0], 'id', None) == 'EXAMPLES'][0]
    return yaml.safe_load(text)[0]


def test_first_example_converges_on_the_free_grade(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    book = tmp_path / 'first_example.yml'
    book.write_text(yaml.safe_dump([{'name': 'The first example', 'hosts': 'localhost', 'gather_facts': False,
                                     'tasks': [first_example()]}], allow_unicode=True))
    first = play(str(book))
    assert first.stat('changed') == 1
    values = [v for t, v, _s in www_records(emulator) if t == 'A']
    assert values == ['192.0.2.10', '192.0.2.11']
    before = len(emulator.requests())
    again = play(str(book))
    assert again.stat('changed') == 0
    assert [r for r in emulator.requests()[before:] if r['write_action']] == []


# ---- A, CNAME and URL do not share a name ------------------------------------------------------

@pytest.mark.parametrize('check', [False, True], ids=['run', 'check'])
@pytest.mark.parametrize('existing', [('CNAME', 'cdn.example.net.'), ('URL', 'http://example.org/')])
def test_a_beside_cname_or_url_fails_before_any_write(play, emulator, check, existing):
    emulator.reset(seed(domain('example.com', record('www', existing[0], existing[1]))))
    args = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}
    play('prechecks_record.yml', {'record': args, 'expect_failed': True,
                                  'expect_in_msg': ['record_type:', existing[0], 'www']}, check=check)
    assert writes_sent(emulator) == []
    assert www_records(emulator) == [(existing[0], existing[1], 'enabled')]


# ---- status on Record.Create and Record.Modify ---------------------------------------------------

@pytest.mark.parametrize('change', [
    {'value': ['192.0.2.5'], 'replace': True},
    {'value': ['192.0.2.1'], 'ttl': 3600},
], ids=['value', 'ttl'])
def test_change_of_a_disabled_record_keeps_it_disabled(play, emulator, change):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1', status='disabled'))))
    args = dict({'sub_domain': 'www', 'record_type': 'A'}, **change)
    play('prechecks_record.yml', {'record': args})
    sent = writes_sent(emulator)
    assert [a for a, _p in sent] == ['Record.Modify']
    assert sent[0][1]['status'] == 'disable'
    assert [s for _t, _v, s in www_records(emulator)] == ['disabled']
    before = len(emulator.requests())
    play('prechecks_record.yml', {'record': args})
    assert [r for r in emulator.requests()[before:] if r['write_action']] == []


def test_set_created_disabled_is_one_create(play, emulator):
    emulator.reset(seed(domain('example.com')))
    args = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'], 'status': 'disabled'}
    play('prechecks_record.yml', {'record': args})
    sent = writes_sent(emulator)
    assert [a for a, _p in sent] == ['Record.Create']
    assert sent[0][1]['status'] == 'disable'
    assert www_records(emulator) == [('A', '192.0.2.1', 'disabled')]
    before = len(emulator.requests())
    play('prechecks_record.yml', {'record': args})
    assert [r for r in emulator.requests()[before:] if r['write_action']] == []


# ---- Domainshare.Modify without a listed part ----------------------------------------------------

def share_seed(sub_domain, mode='r'):
    dom = domain('example.com', id=1001, shares=[dict({'email': FRIEND, 'mode': mode},
                                                      **({'sub_domain': sub_domain} if sub_domain else {}))])
    return {'accounts': [account(dom), {'user_id': 10001, 'email': FRIEND}]}


def shares_now(emulator):
    return emulator.state()['accounts'][0]['domains'][0]['shares']


def test_mode_change_of_a_sub_domain_share(play, emulator):
    emulator.reset(share_seed('www'))
    play('prechecks_share.yml', {'share': {'sub_domain': 'www', 'mode': 'rw'}, 'expect_changed': True})
    # (the emulator's Domainshare.List answers as documented: share_to, mode and status, no part)
    sent = writes_sent(emulator)
    assert [a for a, _p in sent] == ['Domainshare.Modify']
    assert (sent[0][1].get('old_sub_domain'), sent[0][1].get('new_sub_domain'), sent[0][1]['mode']) == (
        'www', 'www', 'rw')
    assert shares_now(emulator) == [{'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}]
    before = len(emulator.requests())
    play('prechecks_share.yml', {'share': {'sub_domain': 'www', 'mode': 'rw'}, 'expect_changed': False})
    assert [r for r in emulator.requests()[before:] if r['write_action']] == []


def test_share_of_another_part_is_explained(play, emulator):
    emulator.reset(share_seed('bbs'))
    play('prechecks_share.yml', {'share': {'sub_domain': 'www', 'mode': 'rw'}, 'expect_failed': True,
                                 'expect_in_msg': ['sub_domain:', 'does not cover www', 'Domainshare.List']})
    # the one Modify was refused (code 9); nothing changed
    assert [(r['action'], r['code'], r['write']) for r in emulator.requests() if r['write_action']] == [
        ('Domainshare.Modify', '9', False)]
    assert shares_now(emulator) == [{'email': FRIEND, 'mode': 'r', 'sub_domain': 'bbs'}]


def test_removal_limited_to_an_unlisted_part_fails_before_any_write(play, emulator):
    emulator.reset(share_seed('www'))
    play('prechecks_share.yml', {'share': {'sub_domain': 'www', 'state': 'absent'}, 'expect_failed': True,
                                 'expect_in_msg': ['sub_domain:', 'cannot be checked']})
    assert writes_sent(emulator) == []
    play('prechecks_share.yml', {'share': {'state': 'absent'}, 'expect_changed': True})
    assert [a for a, _p in writes_sent(emulator)] == ['Domainshare.Remove']
    assert shares_now(emulator) == []
