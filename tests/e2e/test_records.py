"""dnspod_records: a bulk sync sends one listing and only the needed writes."""
import json

import pytest

from seeds import domain, record, seed, write_actions

# Every test runs on both APIs: the traditional one (a login_token) and API 3.0 (a key pair only).
pytestmark = pytest.mark.backends('dnspod', 'tencentcloud')


def many_sets(count):
    return [{'sub_domain': 'host%04d' % i, 'record_type': 'A', 'value': ['192.0.2.%d' % (i % 250 + 1)]}
            for i in range(count)]


def run_sync(play, tmp_path, sets, **extra):
    result_file = tmp_path / 'result.json'
    variables = {'sets': sets, 'result_file': str(result_file)}
    variables.update(extra)
    outcome = play('records.yml', variables)
    return outcome, json.loads(result_file.read_text())


def test_bulk_sync_then_converged(play, emulator, tmp_path, backend):
    emulator.reset(seed(domain('example.com')))
    sets = many_sets(120)
    first, result = run_sync(play, tmp_path, sets)
    assert first.stat('changed') == 1
    calls = emulator.requests()
    if backend == 'tencentcloud':
        # 120 creates (over the batch threshold of 10): one CreateRecordBatch job, read with one
        # DescribeBatchTask (the emulator finishes a job at once); the listing needs one DescribeDomain.
        assert write_actions(calls) == ['CreateRecordBatch']
        reads = [c['action'] for c in calls if not c['write']]
        assert reads == ['DescribeDomain', 'DescribeRecordList', 'DescribeBatchTask']
        reads = ['DescribeDomain', 'DescribeRecordList']
    else:
        assert write_actions(calls) == ['Record.Create'] * 120
        # Record.List by the domain's name also gives its ID: no Domain.Info.
        assert [c['action'] for c in calls if not c['write']] == ['Record.List']
        reads = ['Record.List']
    assert result['summary']['create'] == 120

    before = len(emulator.requests())
    second, result = run_sync(play, tmp_path, sets)
    assert second.stat('changed') == 0
    again = emulator.requests()[before:]
    assert [c['action'] for c in again] == reads
    assert result['api'] == {'calls': len(reads), 'writes': 0}
    assert len(result['records']) == 122  # 120 sets + the two system NS records


def test_changing_k_of_n_sends_k_writes(play, emulator, tmp_path, api_names):
    sets = many_sets(40)
    emulator.reset(seed(domain('example.com', *[record(s['sub_domain'], 'A', s['value'][0]) for s in sets])))
    for i in (3, 17, 29):
        sets[i] = dict(sets[i], value=['198.51.100.%d' % i])
    result = run_sync(play, tmp_path, sets)[1]
    assert write_actions(emulator.requests()) == api_names.actions('Record.Modify') * 3
    assert result['summary']['modify'] == 3


def test_purge_keeps_system_ns_and_ignored_sets(play, emulator, tmp_path, api_names):
    emulator.reset(seed(domain(
        'example.com',
        record('www', 'A', '192.0.2.1'),
        record('old', 'A', '192.0.2.2'),
        record('_acme-challenge', 'TXT', 'token'),
    )))
    sets = [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}]
    run_sync(play, tmp_path, sets, purge=True, ignore=[{'sub_domain': '_acme-challenge'}])
    assert write_actions(emulator.requests()) == api_names.actions('Record.Remove')
    remaining = emulator.state()['accounts'][0]['domains'][0]['records']
    assert sorted((r['sub_domain'], r['record_type']) for r in remaining) == [
        ('@', 'NS'), ('@', 'NS'), ('_acme-challenge', 'TXT'), ('www', 'A')]


def test_without_purge_unlisted_sets_stay(play, emulator, tmp_path, api_names):
    emulator.reset(seed(domain('example.com', record('old', 'A', '192.0.2.2'))))
    run_sync(play, tmp_path, [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}])
    assert write_actions(emulator.requests()) == api_names.actions('Record.Create')


def test_duplicate_sets_are_refused_before_any_call(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com')))
    sets = [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']},
            {'sub_domain': 'WWW', 'record_type': 'a', 'value': ['192.0.2.2']}]
    result = play('records.yml', {'sets': sets}, expect_failure=True)
    assert 'records' in result.stdout
    assert emulator.requests() == []


def test_check_mode_bulk_sends_no_write(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('old', 'A', '192.0.2.2'))))
    outcome = play('records.yml', {'sets': many_sets(5), 'purge': True}, check=True, diff=True)
    assert outcome.stat('changed') == 1
    assert write_actions(emulator.requests()) == []
    assert 'host0004' in outcome.stdout
