"""The roles zone, ddns and acme_dns01 against the emulator: one ansible-playbook run
(playbooks/ecosystem_roles.yml) whose plays count the emulator's writes between their steps; this
test checks the request log and the --diff output on top."""
import os

import pytest

from seeds import domain, record, seed, write_actions

PLAYBOOKS = os.path.join(os.path.dirname(__file__), 'playbooks')
INVENTORY = os.path.join(PLAYBOOKS, 'inventory', 'ecosystem.yml')


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_roles(play, emulator, api_names):
    emulator.reset(seed(domain(
        'example.com',
        record('www', 'A', '192.0.2.99'),
        record('old', 'A', '192.0.2.2'),
        record('_acme-challenge', 'TXT', 'keep-me'),
    ), domain('example.net', record('web2', 'A', '198.51.100.1'))))
    result = play('ecosystem_roles.yml', args=['-i', INVENTORY])
    assert result.stat('failed') == 0
    for host in ('web1', 'web2', 'v6host', 'factshost', 'ddnsmod'):
        assert result.stat('failed', host) == 0, result

    # The dry run showed zone-file lines: the set that goes, and the value that comes.
    out = result.stdout
    assert '-old 600 IN A 192.0.2.2 ; line=默认' in out, result
    assert '+www 600 IN A 192.0.2.11 ; line=默认' in out, result

    writes = write_actions(emulator.requests())
    assert writes.count(api_names.action('Domain.Create')) == 1  # example.org, once: the dry run and the second run created nothing
    # ddns: web2's record modified in place, the three others created
    modified = [api_names.param(r, 'sub_domain') for r in emulator.requests()
                if r['write'] and r['action'] == api_names.action('Record.Modify')]
    assert 'web2' in modified and not {'web1', 'v6host', 'factshost'} & set(modified)
    assert writes.count(api_names.action('Record.Remove')) == 1 + 3  # old (purge) + the three challenge values
    state = emulator.state()['accounts'][0]['domains']
    com = [d for d in state if d['name'] == 'example.com'][0]
    net = [d for d in state if d['name'] == 'example.net'][0]
    values = sorted((r['sub_domain'], r['record_type'], r['value']) for r in com['records'] + net['records']
                    if r['record_type'] in ('A', 'AAAA', 'TXT'))
    assert ('web1', 'A', '192.0.2.41') in values
    assert ('web2', 'A', '198.51.100.7') in values
    assert ('v6host', 'AAAA', '2001:db8::7') in values
    assert ('ddnsmod', 'A', '203.0.113.9') in values  # through dnspod_ddns (ddns_module: ddns)
    assert ('_acme-challenge', 'TXT', 'keep-me') in values
    assert not [v for v in values if v[0] == 'old' or v[2].startswith('tok-')]
    assert [v for v in values if v[0] == 'factshost' and v[1] == 'A'], values
