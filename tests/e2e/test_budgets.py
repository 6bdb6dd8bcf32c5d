"""API-call budgets (issue 6): the exact calls the record modules and the lookup send.

DNSPod counts calls and bans requests that change nothing, so a converged run sends only the
reads that prove it is converged and a change of k records sends exactly k writes:

* dnspod_records over N sets: ceil((N + 2) / 3000) Record.List pages (the 2 system NS records
  are listed too; the client's page size is 3000, the API's cap), no domain lookup (Record.List
  takes the domain's name and names its ID), zero writes; k changes are k Record.Modify;
* dnspod_record: one filtered Record.List (sub_domain and line, every type), then only the needed
  writes, and no domain lookup, even for a domain ID with a full name (the listing is sent for
  the likeliest zone and names the domain; a second listing only when the zone is another);
* the lookup: one Domain.List per play run (kept across tasks), then one filtered listing per
  term; none with the domain given by name;
* the info module: the listing calls only.

Three ansible-playbook runs for N = 10, 1,000, 5,000 and one for the single-set budgets.
"""
import json
import math

import pytest

from seeds import actions, domain, record, seed

PAGE = 3000
DOMAIN_ID = 4242
SUB_ZONE_ID = 4343


def listing_pages(total):
    return max(1, int(math.ceil(total / float(PAGE))))


def write_vars(tmp_path, sets, changed_sets, k):
    path = tmp_path / 'budget_vars.json'
    path.write_text(json.dumps({'sets': sets, 'changed_sets': changed_sets, 'expect_k': k,
                                'domain_id': DOMAIN_ID}))
    return str(path)


def assert_listing(calls, pages, by):
    """`pages` Record.List calls of the whole domain, by name or by ID, offsets 0, 3000, ..."""
    assert actions(calls) == ['Record.List'] * pages
    for index, call in enumerate(calls):
        params = call['params']
        if by == 'name':
            assert params.get('domain') == 'example.com' and 'domain_id' not in params
        else:
            assert params.get('domain_id') == str(DOMAIN_ID)
        assert params.get('length') == str(PAGE)
        assert params.get('offset') == str(index * PAGE)
        assert 'sub_domain' not in params and 'record_type' not in params


@pytest.mark.parametrize('count', [10, 1000, 5000])
def test_records_budget_converged_and_k_changes(play, emulator, tmp_path, count):
    sets = [{'sub_domain': 'host%05d' % i, 'record_type': 'A', 'value': ['10.0.%d.%d' % (i // 250, i % 250 + 1)]}
            for i in range(count)]
    emulator.reset(seed(domain('example.com', *[
        record(s['sub_domain'], 'A', s['value'][0], id=100000 + i) for i, s in enumerate(sets)], id=DOMAIN_ID)))
    # k = 3 changes: two values and one TTL, each one Record.Modify of the existing record.
    targets = sorted(set([0, count // 2, count - 1]))
    changed = [dict(s) for s in sets]
    changed[targets[0]]['value'] = ['198.51.100.1']
    changed[targets[1]]['value'] = ['198.51.100.2']
    changed[targets[2]]['ttl'] = 3600
    result_file = tmp_path / 'api.json'
    play('budget_records.yml', {'result_file': str(result_file)},
         args=('-e', '@' + write_vars(tmp_path, sets, changed, len(targets))))

    pages = listing_pages(count + 2)
    calls = emulator.requests()
    # Converged by name, converged by ID, k changes, the info module: nothing else was sent.
    assert len(calls) == 4 * pages + len(targets)
    assert_listing(calls[:pages], pages, 'name')
    assert_listing(calls[pages:2 * pages], pages, 'id')
    assert_listing(calls[2 * pages:3 * pages], pages, 'name')
    writes = calls[3 * pages:3 * pages + len(targets)]
    assert actions(writes) == ['Record.Modify'] * len(targets)
    assert all(w['write'] for w in writes)
    assert [w['params']['record_id'] for w in writes] == [str(100000 + i) for i in targets]
    assert [w['params']['value'] for w in writes] == [
        '198.51.100.1', '198.51.100.2', changed[targets[2]]['value'][0]]
    assert_listing(calls[3 * pages + len(targets):], pages, 'name')

    api = json.loads(result_file.read_text())
    assert api == {'by_name': {'calls': pages, 'writes': 0}, 'by_id': {'calls': pages, 'writes': 0},
                   'k_changed': {'calls': pages + len(targets), 'writes': len(targets)},
                   'info': {'calls': pages, 'writes': 0}}
    if count == 1000:
        # The target: a converged run over 1,000 sets sends at most 2 calls (here 1).
        assert api['by_name']['calls'] <= 2


def test_single_set_info_and_lookup_budget(play, emulator):
    emulator.reset(seed(
        domain('example.com', record('www', 'A', '192.0.2.1'), record('api', 'A', '192.0.2.5'),
               record('mail', 'CNAME', 'mx.example.net.'), id=DOMAIN_ID),
        domain('example.net'),
        domain('dev.example.com', record('www', 'A', '192.0.2.7'), id=SUB_ZONE_ID),
    ))
    play('budget_record.yml', {'domain_id': DOMAIN_ID, 'sub_zone_id': SUB_ZONE_ID})
    calls = emulator.requests()
    assert actions(calls) == [
        'Record.List',                                  # dnspod_record converged, by name
        'Record.List', 'Record.Modify',                 # one value changed: one Modify
        'Record.List',                                  # by ID
        'Record.List',                                  # by ID with a full name
        'Record.List', 'Record.List',                   # the same in dev.example.com: guessed example.com
        'Record.List',                                  # dnspod_record_info by ID with a full name
        'Record.List',                                  # dnspod_record_info, one set
        'Domain.List', 'Record.List', 'Record.List',    # lookup of two names
        'Record.List',                                  # lookup in a later task: domains kept
        'Record.List',                                  # lookup with the domain given by name
    ]
    listings = [c['params'] for c in calls if c['action'] == 'Record.List']
    # Every listing is filtered by name, and by type except dnspod_record's, which lists every type at
    # the name to see what the set would sit beside (the lookup's default type is A).
    assert [(p.get('sub_domain'), p.get('record_type')) for p in listings] == [
        ('www', None), ('www', None), ('www', None), ('www', None), ('www.dev', None), ('www', None), ('api', 'A'),
        ('mail', 'CNAME'),
        ('www', 'A'), ('api', 'A'), ('mail', 'CNAME'), ('api', 'A')]
    by_name = [0, 1, 7, 11]
    assert [bool(p.get('domain') == 'example.com' and 'domain_id' not in p) for p in listings] == [
        i in by_name for i in range(len(listings))]
    assert [str(p.get('domain_id')) for p in listings[2:7]] == [str(DOMAIN_ID)] * 2 + [str(SUB_ZONE_ID)] * 2 + [
        str(DOMAIN_ID)]
    modify = calls[2]['params']
    assert modify['value'] == '192.0.2.9' and modify['sub_domain'] == 'www'
