"""The playbooks of playbooks/ (demo, zone sync, import, export, DDNS, ACME) against the emulator: two
ansible-playbook runs of playbooks/ecosystem_playbooks.yml, the second one converged (changed=0, zero
writes in the emulator's request log)."""
import os

import pytest

from seeds import domain, record, seed, write_actions

PLAYBOOKS = os.path.join(os.path.dirname(__file__), 'playbooks')
INVENTORY = os.path.join(PLAYBOOKS, 'inventory', 'ecosystem.yml')


def records_of(emulator, name):
    for item in emulator.state()['accounts'][0]['domains']:
        if item['name'] == name:
            return sorted((r['sub_domain'], r['record_type'], r['value']) for r in item['records'])
    raise AssertionError('no domain %s' % name)


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_playbooks_run_and_converge(play, emulator, tmp_path, api_names):
    emulator.reset(seed(domain('example.net', record('web2', 'A', '198.51.100.1'),
                               record('_acme-challenge', 'TXT', 'other-value'))))
    extra = {'import_file': os.path.join(PLAYBOOKS, 'files', 'ecosystem-import.zone'), 'export_dir': str(tmp_path)}
    first = play('ecosystem_playbooks.yml', extra, args=['-i', INVENTORY])
    assert first.stat('changed') > 0
    writes = write_actions(emulator.requests())
    assert writes.count(api_names.action('Domain.Create')) == 3  # demo-example.com, example-zone-sync.com, example-import.com

    # zone_sync.yml: the vars file's records
    assert ('mail', 'A', '192.0.2.81') in records_of(emulator, 'example-zone-sync.com')
    # import.yml: the file's records, and a report of what was left out (SOA, apex NS, PTR)
    imported = records_of(emulator, 'example-import.com')
    assert ('api', 'A', '192.0.2.31') in imported and ('api', 'A', '192.0.2.32') in imported
    assert ('*.apps', 'A', '192.0.2.99') in imported
    assert not [r for r in imported if r[1] in ('SOA', 'PTR', 'CAA')]
    assert '5 record(s) not imported' in first.stdout, first  # SOA, 2 apex NS, PTR, CAA (not on the free grade)
    assert 'type PTR cannot be held by DNSPod' in first.stdout
    # export.yml: the zone file, in a stable order
    exported = (tmp_path / 'example-import.com.export.zone').read_text()
    assert '$ORIGIN example-import.com.' in exported
    assert exported.index('\napi ') < exported.index('\nmail ') < exported.index('\nwww ')
    # ddns.yml: one record per host of the inventory
    net = records_of(emulator, 'example.net')
    assert ('web1', 'A', '192.0.2.41') in net and ('web2', 'A', '198.51.100.7') in net
    # acme.yml: the challenge values were created and are gone again; the other value stayed
    created = [api_names.param(r, 'value') for r in emulator.requests()
               if r['write'] and r['action'] == api_names.action('Record.Create')]
    assert 'tok-acme-1' in created and 'tok-acme-2' in created
    assert [r for r in net if r[1] == 'TXT'] == [('_acme-challenge', 'TXT', 'other-value')]

    before = len(emulator.requests())
    second = play('ecosystem_playbooks.yml', extra, args=['-i', INVENTORY, '--skip-tags', 'acme'])
    for host, stats in second.hosts.items():
        assert stats['changed'] == 0, (host, second)
    assert write_actions(emulator.requests()[before:]) == []
    assert (tmp_path / 'example-import.com.export.zone').read_text() == exported
