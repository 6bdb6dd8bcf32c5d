"""Empty input never deletes, and a plan that would rewrite or delete a large share of a zone is
refused unless forced (docs/reliability.md, "Empty input and oversized plans")."""
import json

import pytest

from seeds import account, domain, record, seed

A_VALUES = ['192.0.2.%d' % n for n in range(1, 21)]


def zone_of(count):
    """example.com with `count` A sets h1..hN (one record each), www with two values, and TXT."""
    records = [record('h%d' % n, 'A', A_VALUES[n - 1]) for n in range(1, count + 1)]
    records += [record('www', 'A', '198.51.100.1'), record('www', 'A', '198.51.100.2'),
                record('@', 'TXT', 'v=spf1 -all')]
    return records


def run(play, emulator, tmp_path, extra, check=False):
    result_file = tmp_path / ('result-%d.json' % len(list(tmp_path.iterdir())))
    variables = {'result_file': str(result_file)}
    variables.update(extra)
    play('guard_records.yml', variables, check=check)
    return json.loads(result_file.read_text())


def records_now(emulator):
    return sorted((r['sub_domain'], r['record_type'], r['value'])
                  for r in emulator.state()['accounts'][0]['domains'][0]['records'] if not r.get('hold'))


def fresh(emulator, count=3, **extra):
    emulator.reset(seed(domain('example.com', *zone_of(count), **extra)))
    return records_now(emulator)


@pytest.mark.parametrize('case', [
    {'set_values': [], 'set_replace': True},
    {'set_values': [], 'set_state': 'absent'},
    {'set_values': []},
], ids=['replace', 'absent', 'present'])
def test_an_empty_value_list_fails_before_any_call(play, emulator, tmp_path, case):
    before = fresh(emulator)
    outcome = run(play, emulator, tmp_path, case)['record']
    assert outcome['failed'] and outcome['msg'].startswith('value: is an empty list'), outcome
    assert emulator.requests() == []
    assert records_now(emulator) == before


def test_a_records_item_with_empty_values_fails_before_any_call(play, emulator, tmp_path):
    before = fresh(emulator)
    outcome = run(play, emulator, tmp_path, {'zone_records': [
        {'sub_domain': 'www', 'record_type': 'A', 'value': ['198.51.100.1']},
        {'sub_domain': 'h1', 'record_type': 'A', 'value': []}]})['records']
    assert outcome['failed'] and outcome['msg'].startswith('records[1].value: is an empty list'), outcome
    assert 'purge=true' in outcome['msg']
    assert emulator.requests() == []
    assert records_now(emulator) == before


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_purge_with_an_empty_list_fails_unless_allow_empty(play, emulator, tmp_path):
    before = fresh(emulator)
    outcome = run(play, emulator, tmp_path, {'zone_records': [], 'zone_purge': True})['records']
    assert outcome['failed'] and outcome['msg'].startswith('records: is empty and purge=true'), outcome
    assert emulator.requests() == []
    assert records_now(emulator) == before
    # Said on purpose: the zone is emptied (6 records, under the size rule's 10).
    outcome = run(play, emulator, tmp_path, {'zone_records': [], 'zone_purge': True, 'zone_allow_empty': True})
    assert outcome['records']['changed'] and outcome['records']['summary']['remove'] == 6
    assert records_now(emulator) == []


def test_alias_purge_with_an_empty_list_fails_unless_allow_empty(play, emulator, tmp_path):
    emulator.reset({'accounts': [account(domain('example.com', id=1001, grade='DP_Plus',
                                                aliases=['old.example', 'example.net']))]})
    outcome = run(play, emulator, tmp_path, {'alias_names': []})['alias']
    assert outcome['failed'] and outcome['msg'].startswith('aliases: is empty and purge=true'), outcome
    assert emulator.requests() == []
    outcome = run(play, emulator, tmp_path, {'alias_names': [], 'alias_allow_empty': True})['alias']
    assert outcome['changed'] and sorted(outcome['removed']) == ['example.net', 'old.example']
    assert emulator.state()['accounts'][0]['domains'][0]['aliases'] == []


def listed(count, keep):
    """The records list of zone_of(count) with only the first `keep` h-sets."""
    items = [{'sub_domain': 'h%d' % n, 'record_type': 'A', 'value': [A_VALUES[n - 1]]} for n in range(1, keep + 1)]
    items += [{'sub_domain': 'www', 'record_type': 'A', 'value': ['198.51.100.1', '198.51.100.2']},
              {'sub_domain': '@', 'record_type': 'TXT', 'value': ['v=spf1 -all']}]
    return items


@pytest.mark.parametrize('check', [False, True], ids=['run', 'check-mode'])
def test_a_purge_that_deletes_over_30_percent_is_refused(play, emulator, tmp_path, check):
    before = fresh(emulator, count=17)        # 20 records
    # A vars file that lost 7 of its 17 h-sets: 7 removes of 20 records = 35 % > 30 %.
    outcome = run(play, emulator, tmp_path, {'zone_records': listed(17, 10), 'zone_purge': True},
                  check=check)['records']
    assert outcome['failed'], outcome
    assert outcome['msg'].startswith('max_delete_percent: the plan would delete 7 of the zone\'s 20 existing '
                                     'records (35.0%)'), outcome['msg']
    assert [r for r in emulator.requests() if r['write_action']] == []
    assert [r['action'] for r in emulator.requests()] == ['Record.List']
    assert records_now(emulator) == before


def test_a_purge_under_the_limit_or_forced_is_applied(play, emulator, tmp_path):
    fresh(emulator, count=17)
    # 6 removes of 20 = 30 %: allowed.
    outcome = run(play, emulator, tmp_path, {'zone_records': listed(17, 11), 'zone_purge': True})['records']
    assert outcome['changed'] and outcome['summary']['remove'] == 6
    fresh(emulator, count=17)
    outcome = run(play, emulator, tmp_path, {'zone_records': listed(17, 10), 'zone_purge': True,
                                             'zone_force': True})['records']
    assert outcome['changed'] and outcome['summary']['remove'] == 7
    fresh(emulator, count=17)
    outcome = run(play, emulator, tmp_path, {'zone_records': listed(17, 10), 'zone_purge': True,
                                             'zone_max_delete': 40})['records']
    assert outcome['changed'] and outcome['summary']['remove'] == 7


def test_rewriting_over_30_percent_is_refused(play, emulator, tmp_path):
    before = fresh(emulator, count=17)
    # Every h-set rendered with the same (wrong) address: 17 modifies of 20 records.
    items = [{'sub_domain': 'h%d' % n, 'record_type': 'A', 'value': ['203.0.113.9']} for n in range(1, 18)]
    outcome = run(play, emulator, tmp_path, {'zone_records': items})['records']
    assert outcome['failed'] and outcome['msg'].startswith(
        'max_update_percent: the plan would update 17 of the zone\'s 20 existing records (85.0%)'), outcome
    assert [r['action'] for r in emulator.requests()] == ['Record.List']
    assert records_now(emulator) == before
    # 6 of 20 (30 %) is fine.
    outcome = run(play, emulator, tmp_path, {'zone_records': items[:6]})['records']
    assert outcome['changed'] and outcome['summary']['modify'] == 6


def test_small_zones_are_not_held_to_the_share(play, emulator, tmp_path):
    fresh(emulator, count=3)                  # 6 records < 10
    outcome = run(play, emulator, tmp_path, {'zone_records': listed(3, 0), 'zone_purge': True})['records']
    assert outcome['changed'] and outcome['summary']['remove'] == 3


def test_the_zone_role_refuses_an_empty_or_short_domain(play, emulator):
    before = fresh(emulator, count=17)
    result = play('guard_zone_role.yml', {'role_domains': [{'domain': 'example.com'}]}, expect_failure=True)
    assert 'records: is empty and purge=true' in result.stdout
    assert emulator.requests() == []
    result = play('guard_zone_role.yml', {'role_domains': [{'domain': 'example.com', 'records': listed(17, 10)}]},
                  check=True, expect_failure=True)
    assert 'max_delete_percent: the plan would delete 7' in result.stdout
    assert [r for r in emulator.requests() if r['write_action']] == []
    play('guard_zone_role.yml', {'role_domains': [{'domain': 'example.com', 'records': listed(17, 10),
                                                   'force': True}]})
    assert len(records_now(emulator)) == 13
    assert records_now(emulator) != before
