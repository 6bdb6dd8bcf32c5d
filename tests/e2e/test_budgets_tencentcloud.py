"""API-call budgets on Tencent Cloud API 3.0 (issue 16, section 4 "Bulk writes"): the exact calls
dnspod_records, dnspod_record and the lookup send when the playbook runs hold only a key pair.

* dnspod_records reads the domain once (DescribeDomain: API 3.0's listing names no domain) and
  lists its records in ceil((N + 2) / 3000) DescribeRecordList pages (the 2 system NS records are
  listed too; 3000 is the action's cap and the client's page size);
* new sets go by CreateRecordBatch jobs of at most 2000 records (tencentcloud_api/records.py
  BATCH_SIZE), each followed by DescribeBatchTask until it is done: with the emulator's setting
  tencentcloud_job_polls P, a job shows "running" to its first P polls, so P + 1 polls per job
  (P = 1 for 1,000 sets, as a live service still applying the job; P = 0 for 5,000);
* k changed sets: under 10 writes (recordset.py BATCH_MIN) k ModifyRecord; from 10 on, a
  ModifyRecordBatchV3 job per 2000 records and its DescribeBatchTask poll;
* check mode sends the reads only, and reports the counts the real run reports.

Two ansible-playbook runs for N = 1,000 and 5,000 (check, create, converged, and for 1,000 the
k = 1, 5, 9, 100 stages each in check mode and applied), one for the single-set budgets.
"""
import json
import math

import pytest

from seeds import actions, domain, record, seed

PAGE = 3000                 # DescribeRecordList's Limit cap, the client's page size
JOB = 2000                  # records of one batch job (tencentcloud_api/records.py BATCH_SIZE)
BATCH_MIN = 10              # fewer writes of a kind go one by one (recordset.py BATCH_MIN)
SYSTEM_RECORDS = 2          # the two hold NS records every domain lists
DOMAIN_ID = 4242
SUB_ZONE_ID = 4343
KEY_PAIRS = [{'secret_id': 'AKID10000EMULATOR', 'secret_key': 'emulator-secret-key-10000'}]
STAGES = (1, 5, 9, 100)


def pages(total):
    return max(1, int(math.ceil(total / float(PAGE))))


def jobs(writes):
    return int(math.ceil(writes / float(JOB)))


def reads(total):
    """What every dnspod_records run over a domain of `total` records sends first."""
    return ['DescribeDomain'] + ['DescribeRecordList'] * pages(total)


def tc_seed(*domains, **kwargs):
    return seed(*domains, key_pairs=KEY_PAIRS, **kwargs)


def take(calls, count):
    """The next `count` calls of the log (a list consumed from the front)."""
    assert len(calls) >= count, actions(calls)
    head = calls[:count]
    del calls[:count]
    return head


def assert_reads(calls, total):
    """DescribeDomain of example.com, then the whole listing by its ID in pages of 3000."""
    assert actions(calls) == reads(total)
    assert calls[0]['params'] == {'Domain': 'example.com'}
    for index, call in enumerate(calls[1:]):
        params = call['params']
        assert params.get('DomainId') == DOMAIN_ID and params.get('Domain') == 'example.com'
        assert params.get('Limit') == PAGE and params.get('Offset') == index * PAGE
        assert 'SubDomain' not in params and 'RecordType' not in params
    assert not any(c['write'] for c in calls)


def stage_sets(sets, count):
    """[(k, sets after the stage, {index: set})]: each stage changes k sets no earlier stage touched,
    half of them (rounded up) by value, the others by TTL; the stages build on each other."""
    stages, current, start = [], [dict(s) for s in sets], 0
    for k in STAGES:
        current = [dict(s) for s in current]
        changed = {}
        for n, index in enumerate(range(start, start + k)):
            target = (index * 7) % count            # spread over the domain, distinct while index < count
            if n % 2 == 0:
                current[target]['value'] = ['198.51.%d.%d' % (100 + index // 250, index % 250 + 1)]
            else:
                current[target]['ttl'] = 3600
            changed[target] = current[target]
        start += k
        stages.append((k, current, changed))
    return stages


def records_of(emulator):
    for dom in emulator.state()['accounts'][0]['domains']:
        if dom['name'] == 'example.com':
            return [r for r in dom['records'] if not r.get('hold')]
    raise AssertionError('no domain example.com')


@pytest.mark.backends('tencentcloud')
@pytest.mark.parametrize('count', [1000, 5000])
def test_records_budget_batch_create_converged_and_k_changes(play, emulator, tmp_path, backend, count):
    assert backend == 'tencentcloud'
    sets = [{'sub_domain': 'host%05d' % i, 'record_type': 'A', 'value': ['10.0.%d.%d' % (i // 250, i % 250 + 1)]}
            for i in range(count)]
    running = 1 if count == 1000 else 0         # DescribeBatchTask answers "running" before the end
    polls = running + 1                         # DescribeBatchTask calls per job
    emulator.reset(tc_seed(domain('example.com', id=DOMAIN_ID), settings={'tencentcloud_job_polls': running}))
    stages = stage_sets(sets, count) if count == 1000 else []
    vars_path = tmp_path / 'budget_vars.json'
    vars_path.write_text(json.dumps({'sets': sets, 'stages': [{'k': k, 'sets': s} for k, s, _c in stages]}))
    result_file = tmp_path / 'api.json'
    play('budget_records_tencentcloud.yml', {'result_file': str(result_file), 'budget_vars': str(vars_path)})
    result = json.loads(result_file.read_text())
    calls = emulator.requests()
    assert all(c.get('api') == 'tencentcloud' for c in calls)
    total = count + SYSTEM_RECORDS

    # Check mode: the reads of the empty domain, no write, the counts of the real run.
    check = take(calls, len(reads(SYSTEM_RECORDS)))
    assert_reads(check, SYSTEM_RECORDS)
    assert result['create_check']['changed'] is True
    assert result['create_check']['api'] == {'calls': len(reads(SYSTEM_RECORDS)), 'writes': 0}
    assert result['create_check']['summary'] == result['created']['summary']

    # The first run: DescribeDomain + 1 page of the empty domain + ceil(N / 2000) CreateRecordBatch jobs, each
    # followed by its DescribeBatchTask polls: 1 + 1 + 1 + 2 = 5 calls for 1,000 sets, 1 + 1 + 3 + 3 = 8 for 5,000.
    expected_first = len(reads(SYSTEM_RECORDS)) + (1 + polls) * jobs(count)
    first = take(calls, expected_first)
    assert_reads(first[:2], SYSTEM_RECORDS)
    assert actions(first[2:]) == (['CreateRecordBatch'] + ['DescribeBatchTask'] * polls) * jobs(count)
    assert [c['write'] for c in first[2:]] == ([True] + [False] * polls) * jobs(count)
    batches = [c['params'] for c in first[2:] if c['action'] == 'CreateRecordBatch']
    assert [b['DomainIdList'] for b in batches] == [[str(DOMAIN_ID)]] * jobs(count)
    assert [len(b['RecordList']) for b in batches] == [min(JOB, count - n * JOB) for n in range(jobs(count))]
    sent = [(i['SubDomain'], i['RecordType'], i['Value']) for b in batches for i in b['RecordList']]
    assert sent == [(s['sub_domain'], 'A', s['value'][0]) for s in sets]
    assert result['created']['changed'] is True
    assert result['created']['summary']['create'] == count
    assert sum(result['created']['summary'].values()) == count
    assert result['created']['api'] == {'calls': expected_first, 'writes': jobs(count)}
    if count == 1000:
        # the target, 1,000 new sets in at most 20 calls: DescribeDomain, 1 page, 1 job, 2 polls
        assert result['created']['api']['calls'] == 1 + 1 + 1 + 2 <= 20

    # Converged: DescribeDomain + ceil((N + 2) / 3000) pages, no write (5,000 sets: 1 + 2).
    converged = take(calls, len(reads(total)))
    assert_reads(converged, total)
    assert result['converged']['changed'] is False
    assert result['converged']['api'] == {'calls': len(reads(total)), 'writes': 0}
    assert sum(result['converged']['summary'].values()) == 0

    # k changed sets, each stage in check mode (reads only) and then applied.
    assert [s['k'] for s in result['stages']] == [k for k, _s, _c in stages]
    for (k, _sets, changed), got in zip(stages, result['stages']):
        assert_reads(take(calls, len(reads(total))), total)
        assert got['check']['changed'] is True and got['check']['api'] == {'calls': len(reads(total)), 'writes': 0}
        assert got['check']['summary'] == got['apply']['summary']
        assert got['apply']['summary']['modify'] == k and sum(got['apply']['summary'].values()) == k
        assert got['apply']['changed'] is True
        assert_reads(take(calls, len(reads(total))), total)
        if k < BATCH_MIN:
            # k single ModifyRecord writes
            writes = take(calls, k)
            assert actions(writes) == ['ModifyRecord'] * k
            sent = dict((w['params']['SubDomain'], w['params']) for w in writes)
            assert got['apply']['api'] == {'calls': len(reads(total)) + k, 'writes': k}
        else:
            # ceil(k / 2000) ModifyRecordBatchV3 jobs, each with its polls (k = 100: 1 + 2 = 3 calls)
            writes = take(calls, (1 + polls) * jobs(k))
            assert actions(writes) == (['ModifyRecordBatchV3'] + ['DescribeBatchTask'] * polls) * jobs(k)
            sent = dict((i['SubDomain'], i) for w in writes if w['action'] == 'ModifyRecordBatchV3'
                        for i in w['params']['ModifyRecordList'])
            assert got['apply']['api'] == {'calls': len(reads(total)) + (1 + polls) * jobs(k), 'writes': jobs(k)}
        assert sorted(sent) == sorted(s['sub_domain'] for s in changed.values())
        for s in changed.values():
            assert (sent[s['sub_domain']]['Value'], sent[s['sub_domain']]['TTL']) == (s['value'][0], s.get('ttl', 600))
    assert calls == []

    # Every set is in the emulator's state, as the last run left it.
    final = stages[-1][1] if stages else sets
    held = sorted((r['sub_domain'], r['record_type'], r['value'], r['ttl']) for r in records_of(emulator))
    assert held == sorted((s['sub_domain'], 'A', s['value'][0], s.get('ttl', 600)) for s in final)


@pytest.mark.backends('tencentcloud')
def test_single_set_info_and_lookup_budget(play, emulator, tmp_path, backend):
    """The single-set modules read the domain (DescribeDomain: its grade and ID) and list one name;
    a domain given by ID costs one DescribeDomainList per task first (API 3.0 sends the domain's name
    on every call, and the task's client has not seen it). The lookup lists the domains once per play
    run, then sends one filtered DescribeRecordList per term, by the domain's name (no DescribeDomain:
    it needs the records only), as on the traditional API."""
    assert backend == 'tencentcloud'
    emulator.reset(tc_seed(
        domain('example.com', record('www', 'A', '192.0.2.1'), record('api', 'A', '192.0.2.5'),
               record('mail', 'CNAME', 'mx.example.net.'), id=DOMAIN_ID),
        domain('example.net'),
        domain('dev.example.com', record('www', 'A', '192.0.2.7'), id=SUB_ZONE_ID),
    ))
    www_id = [r['id'] for r in records_of(emulator) if r['sub_domain'] == 'www']
    assert len(www_id) == 1
    result_file = tmp_path / 'api.json'
    play('budget_record_tencentcloud.yml', {'domain_id': DOMAIN_ID, 'sub_zone_id': SUB_ZONE_ID,
                                            'result_file': str(result_file)})
    calls = emulator.requests()
    by_name = ['DescribeDomain', 'DescribeRecordList']
    by_id = ['DescribeDomainList'] + by_name
    assert actions(calls) == (
        by_name                                         # dnspod_record converged, by name
        + by_name + ['ModifyRecord']                    # one value changed: one ModifyRecord
        + by_id                                         # by ID
        + by_id                                         # by ID with a full name
        + by_id                                         # in dev.example.com: its name known, no second listing
        + by_id                                         # dnspod_record_info by ID with a full name
        + by_name                                       # dnspod_record_info, one set
        + ['DescribeDomainList', 'DescribeRecordList', 'DescribeRecordList']    # lookup of two names
        + ['DescribeRecordList']                        # lookup in a later task: domains kept
        + ['DescribeRecordList'])                       # lookup with the domain given by name
    assert [c['write'] for c in calls] == [c['action'] == 'ModifyRecord' for c in calls]
    api = json.loads(result_file.read_text())
    assert api == {'converged': {'calls': len(by_name), 'writes': 0},
                   'changed_value': {'calls': len(by_name) + 1, 'writes': 1},
                   'by_id': {'calls': len(by_id), 'writes': 0},
                   'by_id_full_name': {'calls': len(by_id), 'writes': 0},
                   'sub_zone_full_name': {'calls': len(by_id), 'writes': 0},
                   'info_by_id_full_name': {'calls': len(by_id), 'writes': 0},
                   'info': {'calls': len(by_name), 'writes': 0}}

    domains = [c['params'] for c in calls if c['action'] == 'DescribeDomain']
    assert domains == [{'Domain': 'example.com'}] * 2 + [{'Domain': 'example.com', 'DomainId': DOMAIN_ID}] * 2 + [
        {'Domain': 'dev.example.com', 'DomainId': SUB_ZONE_ID}, {'Domain': 'example.com', 'DomainId': DOMAIN_ID},
        {'Domain': 'example.com'}]
    listings = [c['params'] for c in calls if c['action'] == 'DescribeRecordList']
    # Every listing is filtered by name, and by type except dnspod_record's, which lists every type at
    # the name to see what the set would sit beside (the lookup's default type is A).
    assert [(p.get('SubDomain'), p.get('RecordType')) for p in listings] == [
        ('www', None), ('www', None), ('www', None), ('www', None), ('www', None), ('api', 'A'), ('mail', 'CNAME'),
        ('www', 'A'), ('api', 'A'), ('mail', 'CNAME'), ('api', 'A')]
    # The modules list by the ID DescribeDomain gave; the lookup by the ID and name it kept from
    # DescribeDomainList (records.domain_ref), and by the name alone when the task gives the domain by name.
    assert [(p['Domain'], p.get('DomainId')) for p in listings] == [('example.com', DOMAIN_ID)] * 4 + [
        ('dev.example.com', SUB_ZONE_ID)] + [('example.com', DOMAIN_ID)] * 2 + [('example.com', DOMAIN_ID)] * 3 + [
        ('example.com', None)]
    modify = calls[4]['params']
    assert (modify['Value'], modify['SubDomain'], modify['RecordId']) == ('192.0.2.9', 'www', int(www_id[0]))
