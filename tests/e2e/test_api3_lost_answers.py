"""Tencent Cloud API 3.0 end to end: lost answers, rate limits and refused keys (issue 16, section 3).

The rules of the traditional API hold: a create whose answer was lost is resolved by reading, never
duplicated; a batch job is sent once and settled by reading the records; RequestLimitExceeded is
retried; a refused signature is not.
"""
import json

import pytest

from seeds import domain, record, seed, write_actions

pytestmark = pytest.mark.backends('tencentcloud')


def zone(emulator):
    return emulator.state()['accounts'][0]['domains'][0]['records']


def values_at(emulator, sub_domain):
    return sorted(r['value'] for r in zone(emulator) if r['sub_domain'] == sub_domain)


def test_a_lost_create_answer_is_read_back_not_duplicated(play, emulator):
    emulator.reset(seed(domain('example.com')))
    # The server creates the record, then the connection drops before its answer.
    emulator.faults([{'kind': 'reset', 'action': 'CreateRecord', 'after': True, 'times': 1}])
    result = play('record.yml', {'record': {'sub_domain': 'new', 'record_type': 'A', 'value': ['192.0.2.7']}})
    assert result.stat('changed') == 1
    assert values_at(emulator, 'new') == ['192.0.2.7']
    creates = [r for r in emulator.requests() if r['action'] == 'CreateRecord']
    # the retry is refused as a duplicate (InvalidParameter.DomainRecordExist): the record is there
    assert [r['write'] for r in creates] == [True, False]
    before = len(emulator.requests())
    assert play('record.yml', {'record': {'sub_domain': 'new', 'record_type': 'A',
                                          'value': ['192.0.2.7']}}).stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


def test_a_lost_batch_job_answer_is_settled_by_reading_never_sent_twice(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com')))
    emulator.faults([{'kind': 'reset', 'action': 'CreateRecordBatch', 'after': True, 'times': 1}])
    sets = [{'sub_domain': 'h%02d' % i, 'record_type': 'A', 'value': ['192.0.2.%d' % (i + 1)]} for i in range(20)]
    result_file = tmp_path / 'result.json'
    outcome = play('records.yml', {'sets': sets, 'result_file': str(result_file)})
    assert outcome.stat('changed') == 1
    result = json.loads(result_file.read_text())
    assert result['summary']['create'] == 20
    jobs = [r for r in emulator.requests() if r['action'] == 'CreateRecordBatch']
    assert len(jobs) == 1 and jobs[0]['write']
    assert sorted(r['sub_domain'] for r in zone(emulator) if r['record_type'] == 'A') == ['h%02d' % i for i in range(20)]
    before = len(emulator.requests())
    again = play('records.yml', {'sets': sets})
    assert again.stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


def test_rate_limit_is_retried(play, emulator):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    emulator.faults([{'kind': 'code', 'code': 'RequestLimitExceeded', 'action': 'DescribeRecordList', 'times': 1}])
    result = play('record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}})
    assert result.stat('changed') == 0
    listings = [r['code'] for r in emulator.requests() if r['action'] == 'DescribeRecordList']
    assert listings[0] == 'RequestLimitExceeded' and len(listings) == 2


def test_a_refused_signature_is_not_retried_and_says_why(play, emulator):
    emulator.reset(seed(domain('example.com')))
    result = play('record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}},
                  env={'TENCENTCLOUD_SECRET_KEY': 'not-the-emulator-key'}, expect_failure=True)
    assert 'AuthFailure.SignatureFailure' in result.stdout
    assert [r['code'] for r in emulator.requests()] == ['AuthFailure.SignatureFailure']
