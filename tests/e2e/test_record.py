"""dnspod_record against the emulator: idempotence, check mode, replace, absent, bad input."""
import pytest

from seeds import domain, record, seed, write_actions

# Every test runs on both APIs: the traditional one (a login_token) and API 3.0 (a key pair only).
pytestmark = pytest.mark.backends('dnspod', 'tencentcloud')

A_SET = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1', '192.0.2.2'], 'ttl': 600}


def records_of(emulator, sub_domain, record_type):
    dom = emulator.state()['accounts'][0]['domains'][0]
    return sorted(r['value'] for r in dom['records']
                  if r['sub_domain'] == sub_domain and r['record_type'] == record_type)


def test_create_then_second_run_sends_zero_writes(play, emulator, backend, api_names):
    emulator.reset(seed(domain('example.com')))
    first = play('record.yml', {'record': A_SET, 'expect_values': A_SET['value']})
    assert first.stat('changed') == 1
    assert write_actions(emulator.requests()) == api_names.actions('Record.Create', 'Record.Create')
    assert records_of(emulator, 'www', 'A') == ['192.0.2.1', '192.0.2.2']

    before = len(emulator.requests())
    second = play('record.yml', {'record': A_SET, 'expect_values': A_SET['value']})
    assert second.stat('changed') == 0
    calls = emulator.requests()[before:]
    assert write_actions(calls) == []
    if backend == 'tencentcloud':
        # API 3.0's listing names no domain: one DescribeDomain (ID and grade), then one filtered
        # DescribeRecordList by the domain's ID and name (exact sub-domain, every type).
        assert [c['action'] for c in calls] == ['DescribeDomain', 'DescribeRecordList']
        listing = calls[1]['params']
        assert (listing.get('Domain'), listing.get('SubDomain')) == ('example.com', 'www')
        assert 'RecordType' not in listing
        return
    # One filtered listing, by the domain's name: its answer gives the domain's ID, so no lookup.
    assert [c['action'] for c in calls] == ['Record.List']
    listing = calls[0]['params']
    assert listing.get('domain') == 'example.com' and 'domain_id' not in listing
    # Filtered by name and line, every type: a CNAME or URL record there would refuse the A set.
    assert listing.get('sub_domain') == 'www' and 'record_type' not in listing


def test_domain_by_id_needs_no_lookup(play, emulator, backend):
    emulator.reset(seed(domain('example.com', id=4242)))
    play('record.yml', {'record': dict(A_SET, domain='4242'), 'expect_values': A_SET['value']})
    expected = ['Record.List', 'Record.Create', 'Record.Create']
    if backend == 'tencentcloud':
        # API 3.0 wants the domain's name beside its ID: one DescribeDomainList finds it
        expected = ['DescribeDomainList', 'DescribeDomain', 'DescribeRecordList', 'CreateRecord', 'CreateRecord']
    assert [c['action'] for c in emulator.requests()] == expected


def test_check_mode_and_diff_send_no_write(play, emulator):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.9'))))
    result = play('record.yml', {'record': dict(A_SET, replace=True), 'expect_values': A_SET['value']},
                  check=True, diff=True)
    assert result.stat('changed') == 1
    assert write_actions(emulator.requests()) == []
    assert '192.0.2.9' in result.stdout and '192.0.2.1' in result.stdout
    assert records_of(emulator, 'www', 'A') == ['192.0.2.9']


def test_present_keeps_unlisted_values(play, emulator):
    # Three A values in one set exceed the free grade's round-robin limit of 2.
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.9'), grade='DP_Plus')))
    play('record.yml', {'record': A_SET})
    assert records_of(emulator, 'www', 'A') == ['192.0.2.1', '192.0.2.2', '192.0.2.9']


def test_replace_reuses_records_with_modify(play, emulator, backend, api_names):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.8'), record('www', 'A', '192.0.2.9'))))
    play('record.yml', {'record': dict(A_SET, replace=True), 'expect_values': A_SET['value']})
    writes = [r for r in emulator.requests() if r['write']]
    assert [w['action'] for w in writes] == api_names.actions('Record.Modify', 'Record.Modify')
    fields = {'record_id', 'sub_domain', 'record_type', 'record_line', 'value'}
    if backend == 'tencentcloud':
        fields = {'RecordId', 'SubDomain', 'RecordType', 'RecordLine', 'Value', 'Status'}
    for w in writes:
        # Every Modify sends every field of the record, so nothing is renamed to '@' by accident.
        assert fields <= set(w['params'])
        assert api_names.param(w, 'sub_domain') == 'www'
    assert records_of(emulator, 'www', 'A') == ['192.0.2.1', '192.0.2.2']


def test_ttl_change_is_one_modify_per_record(play, emulator, api_names):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1', ttl=600),
                               record('www', 'A', '192.0.2.2', ttl=600))))
    play('record.yml', {'record': dict(A_SET, ttl=3600)})
    assert write_actions(emulator.requests()) == api_names.actions('Record.Modify', 'Record.Modify')
    dom = emulator.state()['accounts'][0]['domains'][0]
    assert sorted(r['ttl'] for r in dom['records'] if r['sub_domain'] == 'www') == [3600, 3600]


def test_absent_removes_listed_values_or_the_whole_set(play, emulator):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), record('www', 'A', '192.0.2.2'),
                               record('www', 'TXT', 'keep me'))))
    play('record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1'],
                                   'state': 'absent'}})
    assert records_of(emulator, 'www', 'A') == ['192.0.2.2']
    play('record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'state': 'absent'}})
    assert records_of(emulator, 'www', 'A') == []
    assert records_of(emulator, 'www', 'TXT') == ['keep me']
    before = len(emulator.requests())
    again = play('record.yml', {'record': {'sub_domain': 'www', 'record_type': 'A', 'state': 'absent'}})
    assert again.stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


def test_names_values_and_case_are_normalised(play, emulator):
    emulator.reset(seed(domain('example.com', record('mail', 'CNAME', 'mx.example.net.'),
                               record('@', 'TXT', 'v=spf1 -all'))))
    before = len(emulator.requests())
    # FQDN name, upper case, no trailing dot, quoted TXT: all equal to what is there.
    play('record.yml', {'record': {'sub_domain': 'MAIL.example.com.', 'record_type': 'cname',
                                   'value': ['MX.example.net']}})
    play('record.yml', {'record': {'sub_domain': 'example.com', 'record_type': 'TXT',
                                   'value': ['"v=spf1 -all"']}})
    assert write_actions(emulator.requests()[before:]) == []


def test_hold_ns_records_are_never_touched(play, emulator):
    emulator.reset(seed(domain('example.com')))
    play('record.yml', {'record': {'sub_domain': '@', 'record_type': 'NS', 'state': 'absent'}})
    assert write_actions(emulator.requests()) == []


@pytest.mark.parametrize('args, parameter', [
    ({'record_type': 'BOGUS', 'value': ['1']}, 'record_type'),
    ({'record_type': 'A', 'value': ['300.1.1.1']}, 'value'),
    ({'record_type': 'AAAA', 'value': ['2001:db8::zz']}, 'value'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'ttl': 0}, 'ttl'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'ttl': 604801}, 'ttl'),
    ({'record_type': 'MX', 'value': ['mail.example.com'], 'mx': 21}, 'mx'),
    ({'record_type': 'MX', 'value': ['mail.example.com'], 'mx': 0}, 'mx'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'weight': 101}, 'weight'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'sub_domain': 'www.other.org.'}, 'sub_domain'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'sub_domain': 'bad_label!'}, 'sub_domain'),
    ({'record_type': 'A', 'value': ['192.0.2.1'], 'domain': 'not a domain'}, 'domain'),
    ({'record_type': 'TXT', 'value': ['x' * 600]}, 'value'),
])
def test_bad_input_fails_before_any_call(play, emulator, args, parameter):
    emulator.reset(seed(domain('example.com')))
    play('bad_input.yml', {'module_args': args, 'expect_in_msg': parameter})
    assert emulator.requests() == []


def test_status_and_remark_of_new_and_existing_records(play, emulator, api_names):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    args = dict(A_SET, status='disabled', remark='maintenance')
    play('record.yml', {'record': args})
    # the new record is created disabled (Record.Create status=disable); the existing one gets Record.Status
    assert write_actions(emulator.requests()) == api_names.actions(
        'Record.Create', 'Record.Remark', 'Record.Status', 'Record.Remark')
    www = [r for r in emulator.state()['accounts'][0]['domains'][0]['records'] if r['sub_domain'] == 'www']
    assert sorted((r['value'], r['status'], r['remark']) for r in www) == [
        ('192.0.2.1', 'disabled', 'maintenance'), ('192.0.2.2', 'disabled', 'maintenance')]
    before = len(emulator.requests())
    again = play('record.yml', {'record': args})
    assert again.stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


def test_new_mx_without_priority_fails_cleanly_before_any_write(play, emulator):
    emulator.reset(seed(domain('example.com')))
    play('bad_input.yml', {'module_args': {'record_type': 'MX', 'value': ['mail.example.com']},
                           'expect_in_msg': 'mx'})
    assert write_actions(emulator.requests()) == []
