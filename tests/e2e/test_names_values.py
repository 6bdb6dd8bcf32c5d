# -*- coding: utf-8 -*-
"""Names and values mean what DNS means (issue 13, section 3): full names without the final dot
with a domain given by ID, IDNA 2008, a value given as one string, refusals before any write, the
default line in ignore rules."""
import json

from seeds import actions, domain, record, seed, write_actions

DOMAIN_ID = 4242


def records_of(emulator, name='example.com'):
    for account in emulator.state()['accounts']:
        for dom in account['domains']:
            if dom['name'] == name:
                return sorted((r['sub_domain'], r['record_type'], r['value']) for r in dom['records']
                              if r['record_type'] != 'NS')
    raise AssertionError('no domain %s in the emulator' % name)


def run(play, tmp_path, playbook, variables, expect_failure=False):
    result_file = tmp_path / 'result.json'
    outcome = play(playbook, dict(variables, result_file=str(result_file)), expect_failure=expect_failure)
    return outcome, (None if expect_failure else json.loads(result_file.read_text()))


def refused(play, tmp_path, playbook, variables):
    """Run a playbook that must fail; returns the PlaybookResult."""
    return run(play, tmp_path, playbook, variables, expect_failure=True)[0]


# --- a full name without the final dot, the domain given by ID -----------------------------------

def test_full_name_without_final_dot_by_id_in_dnspod_record(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), id=DOMAIN_ID)))
    variables = dict(domain=DOMAIN_ID, sub_domain='www.example.com', record_type='A', value=['192.0.2.9'],
                     replace=True)
    outcome, result = run(play, tmp_path, 'names_record.yml', variables)
    calls = emulator.requests()
    # One listing (the guess example.com holds), one Modify of the real www; no domain lookup.
    assert actions(calls) == ['Record.List', 'Record.Modify']
    assert calls[0]['params']['sub_domain'] == 'www' and calls[0]['params']['domain_id'] == str(DOMAIN_ID)
    assert calls[1]['params']['sub_domain'] == 'www'
    assert result['domain'] == {'id': str(DOMAIN_ID), 'name': 'example.com'}
    assert records_of(emulator) == [('www', 'A', '192.0.2.9')]

    before = len(emulator.requests())
    run(play, tmp_path, 'names_record.yml', variables)
    assert actions(emulator.requests()[before:]) == ['Record.List']


def test_relative_name_with_dots_by_id_stays_relative(play, emulator, tmp_path):
    # 'www.example.org' in example.com is www.example.org.example.com: the listing is sent for the
    # guess example.org, its answer names example.com, and it is sent again for the name as written.
    emulator.reset(seed(domain('example.com', id=DOMAIN_ID)))
    run(play, tmp_path, 'names_record.yml', dict(domain=DOMAIN_ID, sub_domain='www.example.org', record_type='A',
                                                 value=['192.0.2.1']))
    calls = emulator.requests()
    assert actions(calls) == ['Record.List', 'Record.List', 'Record.Create']
    assert [c['params'].get('sub_domain') for c in calls] == ['www', 'www.example.org', 'www.example.org']
    assert records_of(emulator) == [('www.example.org', 'A', '192.0.2.1')]


def test_full_names_by_id_with_purge_in_dnspod_records(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), record('old', 'A', '192.0.2.2'),
                               record('keep', 'A', '192.0.2.3'), id=DOMAIN_ID)))
    variables = dict(domain=DOMAIN_ID, purge=True,
                     sets=[{'sub_domain': 'www.example.com', 'record_type': 'A', 'value': ['192.0.2.1']},
                           {'sub_domain': 'api.example.com', 'record_type': 'A', 'value': ['192.0.2.5']}],
                     ignore=[{'sub_domain': 'keep.example.com'}])
    outcome, result = run(play, tmp_path, 'names_records.yml', variables)
    calls = emulator.requests()
    # One listing (it names the domain), then only: api created, old purged. www and keep stay.
    assert actions(calls) == ['Record.List', 'Record.Create', 'Record.Remove']
    assert calls[1]['params']['sub_domain'] == 'api'
    assert records_of(emulator) == [('api', 'A', '192.0.2.5'), ('keep', 'A', '192.0.2.3'), ('www', 'A', '192.0.2.1')]

    before = len(emulator.requests())
    second, result = run(play, tmp_path, 'names_records.yml', variables)
    assert second.stat('changed') == 0
    assert actions(emulator.requests()[before:]) == ['Record.List']


# --- IDNA 2008 -------------------------------------------------------------------------------------

def test_idna_2008_names(play, emulator, tmp_path):
    # faß.de is xn--fa-hia.de under IDNA 2008 (fass.de under Python's IDNA 2003 codec).
    emulator.reset(seed(domain('xn--fa-hia.de')))
    outcome, result = run(play, tmp_path, 'names_record.yml', dict(domain='faß.de', sub_domain='Straße',
                                                                   record_type='CNAME', value='Bücher.example.'))
    calls = emulator.requests()
    assert actions(calls) == ['Record.List', 'Record.Create']
    assert calls[0]['params']['domain'] == 'xn--fa-hia.de'
    assert calls[1]['params']['sub_domain'] == 'xn--strae-oqa'
    assert calls[1]['params']['value'] == 'xn--bcher-kva.example.'
    assert records_of(emulator, 'xn--fa-hia.de') == [('xn--strae-oqa', 'CNAME', 'xn--bcher-kva.example.')]


def test_invisible_characters_are_refused_before_any_call(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    for sub_domain in (u'w\u200bww', u'w\u00adww'):
        outcome = refused(play, tmp_path, 'names_record.yml', dict(
            domain='example.com', sub_domain=sub_domain, record_type='A', value=['192.0.2.9'], replace=True))
        assert 'sub_domain: ' in outcome.stdout and 'invisible character' in outcome.stdout
    assert emulator.requests() == []
    assert records_of(emulator) == [('www', 'A', '192.0.2.1')]


# --- a value given as one string is one value ------------------------------------------------------

def test_dmarc_value_with_commas_is_one_value(play, emulator):
    emulator.reset(seed(domain('example.com', record('_dmarc', 'TXT', 'v=DMARC1; p=none'))))
    play('names_dmarc.yml')
    assert write_actions(emulator.requests()) == ['Record.Modify']
    assert records_of(emulator) == [
        ('_dmarc', 'TXT', 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:reports@example.net')]


# --- refused before any write ----------------------------------------------------------------------

def test_txt_with_a_line_break_is_refused_before_any_call(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com')))
    outcome = refused(play, tmp_path, 'names_record.yml', dict(
        domain='example.com', sub_domain='@', record_type='TXT', value='v=spf1 -all\nv=spf1 mx -all'))
    assert 'value: ' in outcome.stdout and 'line break' in outcome.stdout
    assert emulator.requests() == []


def test_cname_to_its_own_name_is_refused_before_any_write(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', id=DOMAIN_ID)))
    outcome = refused(play, tmp_path, 'names_record.yml', dict(
        domain='example.com', sub_domain='www', record_type='CNAME', value='WWW.example.com.'))
    assert 'points to its own name' in outcome.stdout
    assert emulator.requests() == []
    # By ID the domain's name is only known from the listing: refused after it, before any write.
    outcome = refused(play, tmp_path, 'names_record.yml', dict(
        domain=DOMAIN_ID, sub_domain='www', record_type='CNAME', value='www.example.com'))
    assert 'points to its own name' in outcome.stdout
    assert actions(emulator.requests()) == ['Record.List']


def test_full_name_over_253_characters_by_id_is_refused_before_any_write(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', id=DOMAIN_ID)))
    # 4 labels of 61 and dots: 247 characters, relative; with '.example.com' 259.
    long_name = '.'.join(['a' * 61] * 4)
    outcome = refused(play, tmp_path, 'names_record.yml', dict(
        domain=DOMAIN_ID, sub_domain=long_name, record_type='A', value=['192.0.2.1']))
    assert 'sub_domain: ' in outcome.stdout and 'at most 253 characters' in outcome.stdout
    assert write_actions(emulator.requests()) == []
    outcome = refused(play, tmp_path, 'names_records.yml', dict(
        domain=DOMAIN_ID, sets=[{'sub_domain': long_name, 'record_type': 'A', 'value': ['192.0.2.1']}]))
    assert 'records[0].sub_domain: ' in outcome.stdout and 'at most 253 characters' in outcome.stdout
    assert write_actions(emulator.requests()) == []
    assert records_of(emulator) == []


# --- ignore[].record_line is normalised like record_line -------------------------------------------

def test_ignore_rule_with_the_default_line_keeps_the_record(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('keep', 'A', '192.0.2.3'), record('old', 'A', '192.0.2.2'))))
    run(play, tmp_path, 'names_records.yml', dict(
        domain='example.com', purge=True, sets=[{'sub_domain': 'www', 'record_type': 'A', 'value': '192.0.2.1'}],
        ignore=[{'sub_domain': 'keep', 'record_line': 'default'}]))
    assert write_actions(emulator.requests()) == ['Record.Create', 'Record.Remove']
    assert records_of(emulator) == [('keep', 'A', '192.0.2.3'), ('www', 'A', '192.0.2.1')]


def test_full_name_without_final_dot_by_id_in_dnspod_ddns(play, emulator):
    emulator.reset(seed(domain('example.com', record('home', 'A', '192.0.2.1'), id=DOMAIN_ID)))
    play('names_ddns.yml', {'domain': DOMAIN_ID})
    calls = emulator.requests()
    # The domain's name is needed to read the full name: one Domain.Info, then as with a name.
    assert actions(calls)[0] == 'Domain.Info'
    assert [c['params'].get('sub_domain') for c in calls if c['write']] == ['home']
    assert records_of(emulator) == [('home', 'A', '203.0.113.7')]


def test_full_name_without_final_dot_by_id_in_dnspod_record_info(play, emulator):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'), id=DOMAIN_ID)))
    play('names_info.yml', {'domain': DOMAIN_ID})
    assert [(c['action'], c['params'].get('sub_domain')) for c in emulator.requests()] == [('Record.List', 'www')]
