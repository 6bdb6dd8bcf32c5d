"""dnspod_record, dnspod_records and the lookup on the international service (the emulator's intl
flavour, docs/emulator.md) with an API token: create, replace on the default line, converged rerun.

The intl flavour behaves as live clients found api.dnspod.com: an API token sent as user_token is
refused with 20004 (NewFuture/DDNS issue 286), Record.List names the default line `Default` while
writes take only `default` (26 "Record line invalid", NewFuture/DDNS commit b2d3a5f), Record.*
refuse a domain without domain_id (6, the international documents), pages are cut at 500.

Budget there (docs/performance.md): a record task given the domain by name sends one Domain.Info,
then the listing (pages of 500), then only the needed writes; by ID no Domain.Info.
"""
import json
import math

from seeds import actions, domain, record

API_TOKEN = '77001,f0e1d2c3b4a5968778695a4b3c2d1e0f'
DOMAIN_ID = 2317346
INTL_PAGE = 500


def intl_seed(*domains):
    return {'settings': {'flavor': 'intl'}, 'accounts': [
        {'user_id': 730060, 'email': 'api@dnspod.example', 'login_token': API_TOKEN, 'grade': 'DP_Free',
         'domains': list(domains)}]}


def example_com(*records):
    return domain('example.com', *records, id=DOMAIN_ID)


def run(play, name, extra_vars=None, **kwargs):
    return play(name, extra_vars, env={'DNSPOD_LOGIN_TOKEN': API_TOKEN}, **kwargs)


def assert_intl_form(calls):
    """Every call logs in with login_token; every Record.* call names the domain by domain_id;
    every record_line sent is `default` (the seed has no other line)."""
    for call in calls:
        params = call['params']
        assert 'login_token' in params and 'user_token' not in params, call
        if call['action'].startswith('Record.'):
            assert params.get('domain_id') == str(DOMAIN_ID) and 'domain' not in params, call
        if 'record_line' in params:
            assert params['record_line'] == 'default', call
        assert call['code'] == '1', call


def records_of(emulator):
    dom = emulator.state()['accounts'][0]['domains'][0]
    return sorted((r['sub_domain'], r['record_type'], r['value'], r.get('record_line'))
                  for r in dom['records'] if not r.get('hold'))


def test_create_replace_and_converged_rerun_with_an_api_token(play, emulator):
    emulator.reset(intl_seed(example_com(record('www', 'A', '192.0.2.1'), record('ftp', 'A', '192.0.2.30'))))

    first = run(play, 'international.yml', {'expect_changed': True})
    assert first.stat('changed') == 3 and first.stat('failed') == 0
    calls = emulator.requests()
    assert_intl_form(calls)
    assert actions(calls) == [
        'Domain.Info', 'Record.List', 'Record.Create',                  # dnspod_record: create api
        'Domain.Info', 'Record.List', 'Record.Modify',                  # dnspod_record: replace www
        'Domain.Info', 'Record.List', 'Record.Modify', 'Record.Create',  # dnspod_records: ftp, app
        'Domain.List', 'Record.List', 'Record.List',                    # lookup of two names
        'Domain.Info', 'Record.List',                                   # lookup, domain by name
    ]
    replace = calls[5]['params']
    assert (replace['sub_domain'], replace['value'], replace['record_line']) == ('www', '192.0.2.9', 'default')
    assert [c['params']['value'] for c in calls if c['write']] == [
        '192.0.2.5', '192.0.2.9', '192.0.2.40', 'www.example.com.']
    # The listing is one page of at most 500 (the international cap).
    assert set(c['params']['length'] for c in calls if c['action'] == 'Record.List' and 'length' in c['params']) == {
        str(INTL_PAGE)}
    assert records_of(emulator) == [
        ('api', 'A', '192.0.2.5', 'default'), ('app', 'CNAME', 'www.example.com.', 'default'),
        ('ftp', 'A', '192.0.2.40', 'default'), ('www', 'A', '192.0.2.9', 'default')]

    before = len(calls)
    second = run(play, 'international.yml', {'expect_changed': False})
    assert second.stat('changed') == 0 and second.stat('failed') == 0
    calls = emulator.requests()[before:]
    assert_intl_form(calls)
    # Converged: one Domain.Info and one listing per record task, no write at all.
    assert actions(calls) == [
        'Domain.Info', 'Record.List',
        'Domain.Info', 'Record.List',
        'Domain.Info', 'Record.List',
        'Domain.List', 'Record.List', 'Record.List',
        'Domain.Info', 'Record.List',
    ]
    assert not any(c['write_action'] for c in calls)


def test_check_mode_replace_sends_no_write(play, emulator):
    emulator.reset(intl_seed(example_com(record('www', 'A', '192.0.2.1'), record('ftp', 'A', '192.0.2.30'))))
    result = run(play, 'international.yml', {'expect_changed': True}, check=True, diff=True)
    assert result.stat('changed') == 3
    calls = emulator.requests()
    assert_intl_form(calls)
    assert not any(c['write_action'] for c in calls)
    assert 'line=Default' in result.stdout


def test_unknown_domain_fails_naming_the_domain_after_one_lookup(play, emulator):
    emulator.reset(intl_seed(domain('example.net', id=DOMAIN_ID)))
    result = run(play, 'international.yml', {'expect_changed': True}, expect_failure=True)
    assert 'domain: example.com is not in this DNSPod account' in result.stdout
    assert actions(emulator.requests()) == ['Domain.Info']


def test_budget_over_1200_sets_pages_of_500(play, emulator, tmp_path):
    count = 1200
    sets = [{'sub_domain': 'host%05d' % i, 'record_type': 'A', 'value': ['10.0.%d.%d' % (i // 250, i % 250 + 1)]}
            for i in range(count)]
    emulator.reset(intl_seed(example_com(*[
        record(s['sub_domain'], 'A', s['value'][0], id=100000 + i) for i, s in enumerate(sets)])))
    changed = [dict(s) for s in sets]
    changed[600]['value'] = ['198.51.100.1']
    path = tmp_path / 'budget_vars.json'
    path.write_text(json.dumps({'sets': sets, 'changed_sets': changed, 'expect_k': 1, 'domain_id': DOMAIN_ID}))
    result_file = tmp_path / 'api.json'
    run(play, 'budget_records_international.yml', {'result_file': str(result_file)}, args=('-e', '@' + str(path)))

    pages = int(math.ceil((count + 2) / float(INTL_PAGE)))
    assert pages == 3
    calls = emulator.requests()
    assert_intl_form(calls)
    listing = ['Record.List'] * pages
    assert actions(calls) == (['Domain.Info'] + listing            # converged, by name
                              + listing                            # converged, by ID: no Domain.Info
                              + ['Domain.Info'] + listing + ['Record.Modify']   # one change
                              + ['Domain.Info'] + listing)         # the info module
    offsets = [(c['params']['offset'], c['params']['length']) for c in calls if c['action'] == 'Record.List']
    assert offsets == [('0', '500'), ('500', '500'), ('1000', '500')] * 4
    modify = [c for c in calls if c['action'] == 'Record.Modify'][0]['params']
    assert (modify['record_id'], modify['value'], modify['record_line']) == ('100600', '198.51.100.1', 'default')
    api = json.loads(result_file.read_text())
    assert api == {'by_name': {'calls': 1 + pages, 'writes': 0}, 'by_id': {'calls': pages, 'writes': 0},
                   'k_changed': {'calls': 2 + pages, 'writes': 1}, 'info': {'calls': 1 + pages, 'writes': 0}}
