"""Dry runs and the documentation as a new user meets them (issue 13, section 5), against the emulator:

- the documented dry run (--check --diff) of a play that adds a domain and its records, for a domain the
  account does not hold yet: predicted sets, a warning naming the domain, zero writes; the real run then
  creates everything; dnspod_record alone into a missing domain fails naming ``domain``;
- the import.yml dry run into a new domain;
- the README's example, extracted from README.md verbatim;
- export.yml never overwrites the zone file import.yml read, and neither export.yml nor acme.yml
  writes into the installed collection by default.
"""
import os
import re

import pytest

from seeds import domain, record, seed, write_actions

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
NEW_DOMAIN_WARNING = 'domain: example.org is not in this DNSPod account yet'


def domain_names(emulator):
    return sorted(d['name'] for d in emulator.state()['accounts'][0]['domains'])


def records_of(emulator, name):
    for item in emulator.state()['accounts'][0]['domains']:
        if item['name'] == name:
            return sorted((r['sub_domain'], r['record_type'], r['value']) for r in item['records']
                          if r['record_type'] != 'NS')
    raise AssertionError('no domain %s' % name)


def diff_added(stdout):
    """The '+' lines of the --diff output."""
    return [line[1:] for line in stdout.splitlines() if line.startswith('+') and not line.startswith('+++')]


@pytest.mark.parametrize('module_process', [False, True], ids=['worker', 'module-process'])
def test_dry_run_of_a_new_domain_predicts_every_set_then_the_real_run_creates_them(play, emulator, module_process):
    emulator.reset(seed(domain('example.com')))
    extra = {'dnspod_module_process': module_process}

    dry = play('dry_run_new_domain.yml', extra, check=True, diff=True)
    assert dry.stat('ok') == 4 and dry.stat('changed') == 3 and dry.stat('failed') == 0, dry
    assert write_actions(emulator.requests()) == []
    assert domain_names(emulator) == ['example.com']
    # The warning names the domain (Ansible shows an identical warning of two tasks once;
    # test_record_module_alone_into_a_missing_domain sees dnspod_record's own).
    assert NEW_DOMAIN_WARNING in dry.stdout + dry.stderr, dry
    added = diff_added(dry.stdout)
    for expected in ('@ 600 IN A 192.0.2.10', 'www 600 IN CNAME example.org.', 'mail.example.org.',
                     'api 600 IN A 192.0.2.31', 'api 600 IN A 192.0.2.32', '"v=spf1 mx -all"'):
        assert [line for line in added if expected in line], (expected, "\n".join(added))

    real = play('dry_run_new_domain.yml', extra)
    assert real.stat('changed') == 3 and real.stat('failed') == 0
    assert write_actions(emulator.requests()) == ['Domain.Create'] + ['Record.Create'] * 6
    assert records_of(emulator, 'example.org') == [
        ('@', 'A', '192.0.2.10'), ('@', 'MX', 'mail.example.org.'), ('@', 'TXT', 'v=spf1 mx -all'),
        ('api', 'A', '192.0.2.31'), ('api', 'A', '192.0.2.32'), ('www', 'CNAME', 'example.org.')]

    before = len(emulator.requests())
    again = play('dry_run_new_domain.yml', dict(extra, expect_created=False), check=True, diff=True)
    assert again.stat('changed') == 0
    assert NEW_DOMAIN_WARNING not in again.stdout + again.stderr
    assert write_actions(emulator.requests()[before:]) == []


def test_record_module_alone_into_a_missing_domain(play, emulator):
    emulator.reset(seed(domain('example.com')))
    dry = play('dry_run_record_only.yml', check=True, diff=True)
    assert dry.stat('changed') == 1 and NEW_DOMAIN_WARNING in dry.stdout + dry.stderr
    assert '+www 600 IN A 192.0.2.10' in dry.stdout
    real = play('dry_run_record_only.yml', expect_failure=True)
    assert real.stat('failed') == 1
    assert 'domain: example.org is not in this DNSPod account (' in real.stdout, real
    assert write_actions(emulator.requests()) == []
    assert domain_names(emulator) == ['example.com']


def test_record_module_check_mode_with_an_unknown_domain_id_still_fails(play, emulator):
    """An ID is never "to be created": check mode fails naming domain as a real run does."""
    emulator.reset(seed(domain('example.com', id=4242)))
    result = play('record.yml', {'record': {'domain': '999999', 'sub_domain': 'www', 'record_type': 'A',
                                            'value': ['192.0.2.1']}}, check=True, expect_failure=True)
    assert 'domain: 999999 is not in this DNSPod account' in result.stdout, result
    assert write_actions(emulator.requests()) == []
