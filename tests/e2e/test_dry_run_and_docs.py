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
import yaml

from seeds import TOKEN, domain, seed, write_actions

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


# --- the documented examples, extracted verbatim ----------------------------------------------------------

def markdown_block(path, heading, language='yaml'):
    """The first fenced ``language`` block after the line ``heading`` of a Markdown file."""
    with open(path, encoding='utf-8') as handle:
        text = handle.read()
    start = text.index('\n' + heading + '\n')
    match = re.compile(r'^```%s\n(.*?)^```' % language, re.M | re.S).search(text, start)
    assert match, 'no %s block after %r in %s' % (language, heading, path)
    return match.group(1)


def rst_block(path, after, language='yaml'):
    """The first ``.. code-block:: language`` after the text ``after`` of an RST file, unindented."""
    with open(path, encoding='utf-8') as handle:
        text = handle.read()
    start = text.index(after)
    head = text.index('.. code-block:: %s\n' % language, start)
    body = []
    for line in text[head:].split('\n')[1:]:
        if line.strip() and not line.startswith('   '):
            break
        body.append(line[3:])
    return '\n'.join(body).strip('\n') + '\n'


def write_playbook(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return str(path)


def test_readme_example_runs_as_written(play, emulator, ansible_env, tmp_path):
    """The Example of README.md, taken from the file: the token only in the variable the example names
    (as a vault would give it), the API URL in DNSPOD_API_URL; no DNSPOD_LOGIN_TOKEN in the environment,
    so the lookup must find the token where the example puts it."""
    emulator.reset(seed())
    playbook = write_playbook(tmp_path, 'dns.yml', markdown_block(os.path.join(REPO, 'README.md'), '## Example'))
    ansible_env.pop('DNSPOD_LOGIN_TOKEN')
    token = {'vault_dnspod_token': TOKEN}

    dry = play(playbook, token, check=True, diff=True)
    assert write_actions(emulator.requests()) == []
    assert 'domain: example.com is not in this DNSPod account yet' in dry.stdout + dry.stderr
    assert '+api 600 IN A 192.0.2.31' in dry.stdout, dry

    real = play(playbook, token)
    assert real.stat('failed') == 0 and real.stat('changed') == 3
    assert write_actions(emulator.requests()) == ['Domain.Create', 'Domain.Remark'] + ['Record.Create'] * 5
    assert records_of(emulator, 'example.com') == [
        ('@', 'A', '192.0.2.10'), ('@', 'MX', 'mail.example.com.'), ('api', 'A', '192.0.2.31'),
        ('api', 'A', '192.0.2.32'), ('www', 'CNAME', 'example.com.')]
    # The lookup's answer, printed by the last task.
    assert re.search(r'"msg": \[\s*"192\.0\.2\.31",\s*"192\.0\.2\.32"\s*\]', real.stdout), real

    before = len(emulator.requests())
    again = play(playbook, token)
    assert again.stat('changed') == 0 and write_actions(emulator.requests()[before:]) == []


def test_quick_start_runs_as_written(play, emulator, tmp_path):
    """The quick start's first playbook and its three commands: --check --diff, the run, the converged run
    (changed=0, no write), with the token and the emulator's URL exported as the guide says."""
    emulator.reset(seed())
    guide = os.path.join(REPO, 'docs', 'docsite', 'rst', 'guide_quickstart.rst')
    playbook = write_playbook(tmp_path, 'dns.yml', rst_block(guide, 'A first playbook'))

    dry = play(playbook, check=True, diff=True)
    assert write_actions(emulator.requests()) == [] and dry.stat('changed') == 2
    assert '+www 600 IN CNAME example.com.' in dry.stdout, dry
    play(playbook)
    assert write_actions(emulator.requests()) == ['Domain.Create'] + ['Record.Create'] * 3
    before = len(emulator.requests())
    again = play(playbook)
    assert again.stat('changed') == 0 and write_actions(emulator.requests()[before:]) == []


# --- the zone-file playbooks, run from the installed collection ----------------------------------------

ZONE = os.path.join(os.path.dirname(__file__), 'playbooks', 'files', 'ecosystem-import.zone')


def installed_playbook(collections_path, name):
    return os.path.join(collections_path, 'ansible_collections', 'dnspod', 'dnspod', 'playbooks', name)


def files_under(path):
    return sorted(os.path.relpath(os.path.join(root, name), path)
                  for root, _dirs, names in os.walk(path) for name in names)


def test_import_dry_run_into_a_new_domain(play, emulator, collections_path, tmp_path):
    """import.yml --check --diff into a domain the account does not hold: the file's sets predicted
    (not silently skipped), a warning naming the domain, zero writes; the real run writes them."""
    emulator.reset(seed(domain('example.com')))
    source = tmp_path / 'example-import.com.zone'
    source.write_text(open(ZONE, encoding='utf-8').read(), encoding='utf-8')
    extra = {'import_domain': 'example-import.com', 'import_file': str(source)}

    dry = play(installed_playbook(collections_path, 'import.yml'), extra, check=True, diff=True)
    assert write_actions(emulator.requests()) == []
    assert 'domain: example-import.com is not in this DNSPod account yet' in dry.stdout + dry.stderr, dry
    added = diff_added(dry.stdout)
    for expected in ('api 3600 IN A 192.0.2.31', 'api 3600 IN A 192.0.2.32', '*.apps 600 IN A 192.0.2.99',
                     '@ 3600 IN TXT "v=spf1 mx -all"', '_sip._tcp 3600 IN SRV'):
        assert [line for line in added if line.startswith(expected)], (expected, '\n'.join(added))
    assert len([line for line in added if ' IN ' in line]) == 12, '\n'.join(added)

    play(installed_playbook(collections_path, 'import.yml'), extra)
    assert write_actions(emulator.requests()) == ['Domain.Create'] + ['Record.Create'] * 12


def test_export_never_overwrites_the_imported_file_nor_writes_into_the_collection(
        play, emulator, collections_path, tmp_path):
    emulator.reset(seed(domain('example.com')))
    source = tmp_path / 'example-import.com.zone'
    original = open(ZONE, encoding='utf-8').read()
    source.write_text(original, encoding='utf-8')
    collection = os.path.join(collections_path, 'ansible_collections', 'dnspod', 'dnspod')
    shipped = files_under(collection)

    # The documented commands, run in one directory (import_file=$PWD/<domain>.zone, export_dir=$PWD).
    play(installed_playbook(collections_path, 'import.yml'),
         {'import_domain': 'example-import.com', 'import_file': str(source)})
    play(installed_playbook(collections_path, 'export.yml'),
         {'export_domain': 'example-import.com', 'export_dir': str(tmp_path)})
    assert source.read_text(encoding='utf-8') == original
    exported = (tmp_path / 'example-import.com.export.zone').read_text(encoding='utf-8')
    assert exported.startswith('; Zone example-import.com exported from DNSPod by dnspod.dnspod.to_zone_file.\n')
    assert '\napi ' in exported

    # An earlier export of the same domain is replaced (a nightly export stays a one-liner) ...
    (tmp_path / 'example-import.com.export.zone').write_text(exported.replace('\napi ', '\nold '), encoding='utf-8')
    play(installed_playbook(collections_path, 'export.yml'),
         {'export_domain': 'example-import.com', 'export_dir': str(tmp_path)})
    assert (tmp_path / 'example-import.com.export.zone').read_text(encoding='utf-8') == exported

    # ... but a zone file that is not an export of this domain, such as the one import.yml read, never is.
    for target in (source, tmp_path / 'example-import.com.export.zone'):
        extra = {'export_domain': 'example.com', 'export_file': str(target)}
        before = target.read_text(encoding='utf-8')
        refused = play(installed_playbook(collections_path, 'export.yml'), extra, expect_failure=True)
        assert 'is there and is not an earlier export of example.com' in refused.stdout, refused
        assert target.read_text(encoding='utf-8') == before
    # Nor the file import.yml reads in the same play run, whatever it holds.
    same = {'export_domain': 'example-import.com', 'export_file': str(tmp_path / 'example-import.com.export.zone'),
            'import_file': str(tmp_path / 'example-import.com.export.zone')}
    play(installed_playbook(collections_path, 'export.yml'), same, expect_failure=True)

    # No directory given: the play stops before any call and writes nothing into the collection.
    before = len(emulator.requests())
    missing = play(installed_playbook(collections_path, 'export.yml'), {'export_domain': 'example-import.com'},
                   expect_failure=True)
    assert 'set export_domain, and export_dir' in missing.stdout, missing
    assert emulator.requests()[before:] == []
    assert files_under(collection) == shipped


def test_acme_keys_never_default_into_the_collection(play, emulator, collections_path):
    """The certificate flow needs acme_dir: without it the play stops before any key is made."""
    emulator.reset(seed(domain('example.com')))
    collection = os.path.join(collections_path, 'ansible_collections', 'dnspod', 'dnspod')
    shipped = files_under(collection)
    result = play(installed_playbook(collections_path, 'acme.yml'),
                  {'acme_zone': 'example.com', 'acme_names': ['example.com'], 'acme_email': 'hostmaster@example.com'},
                  expect_failure=True)
    assert 'set acme_dir to an absolute path' in result.stdout, result
    assert files_under(collection) == shipped
    assert not os.path.exists(os.path.join(collection, 'playbooks', 'acme'))
    assert emulator.requests() == []


# --- the role READMEs name every variable ------------------------------------------------------------

@pytest.mark.parametrize('role', sorted(os.listdir(os.path.join(REPO, 'roles'))))
def test_role_readme_lists_every_default_variable(role):
    """Each variable of a role's defaults/main.yml is in its README's table (the ddns README lacked
    ddns_module and ddns_ip_lookup_url)."""
    with open(os.path.join(REPO, 'roles', role, 'defaults', 'main.yml'), encoding='utf-8') as handle:
        defaults = yaml.safe_load(handle) or {}
    with open(os.path.join(REPO, 'roles', role, 'README.md'), encoding='utf-8') as handle:
        rows = [line for line in handle.read().splitlines() if line.startswith('| `')]
    listed = set(name for line in rows for name in re.findall(r'`([^`]+)`', line.split('|')[1]))
    assert sorted(set(defaults) - listed) == []
