"""Primary and backup MX (issue 13, part 2): one MX set at '@' holding mx1 at priority 10 and mx2 at
priority 20, through the four paths a user writes it: dnspod_record, dnspod_records, the zone role,
and a zone file imported with from_zone_file and exported with to_zone_file. Each path is run again
(no write) and purged (both MX records stay)."""
import json
import os

from seeds import domain, record, seed, write_actions

PLAYBOOKS = os.path.join(os.path.dirname(__file__), 'playbooks')
ZONE_FILE = os.path.join(PLAYBOOKS, 'files', 'mx-priorities.zone')
BOTH = [('mx1.example.com.', 10), ('mx2.example.com.', 20)]
CARRIED = ['10 mx1.example.com', '20 mx2.example.com']
# The same set as two dnspod_records items that differ by mx.
ITEMS = [{'sub_domain': '@', 'record_type': 'MX', 'mx': 10, 'value': ['mx1.example.com']},
         {'sub_domain': '@', 'record_type': 'MX', 'mx': 20, 'value': ['mx2.example.com']}]


def mx_records(emulator):
    """(value, priority) of the MX records at '@' of example.com, from the emulator's state."""
    records = emulator.state()['accounts'][0]['domains'][0]['records']
    return sorted((r['value'], r['mx']) for r in records if r['record_type'] == 'MX' and r['sub_domain'] == '@')


def new_writes(emulator, since):
    return write_actions(emulator.requests()[since:])


def run(play, emulator, tmp_path, playbook, variables, **kwargs):
    """Run a playbook; returns (its result file, the writes it sent)."""
    since = len(emulator.requests())
    result_file = tmp_path / 'result.json'
    if result_file.exists():
        result_file.unlink()
    outcome = play(playbook, dict(variables, result_file=str(result_file)), **kwargs)
    return outcome, json.loads(result_file.read_text(encoding='utf-8')), new_writes(emulator, since)


def purge_with(play, emulator, tmp_path, sets):
    """dnspod_records with purge listing `sets`: the writes it sent."""
    return run(play, emulator, tmp_path, 'records.yml', {'sets': sets, 'purge': True})[2]


def test_dnspod_record_primary_and_backup(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com')))
    task = {'record_type': 'MX', 'value': CARRIED}

    # Dry run: both records, each with its own priority in the diff; nothing written.
    outcome, result, writes = run(play, emulator, tmp_path, 'mx_record.yml', {'record': task}, check=True, diff=True)
    assert writes == []
    assert '+@ 600 IN MX 10 mx1.example.com. ; line=默认' in outcome.stdout, outcome
    assert '+@ 600 IN MX 20 mx2.example.com. ; line=默认' in outcome.stdout, outcome

    outcome, result, writes = run(play, emulator, tmp_path, 'mx_record.yml', {'record': task})
    assert writes == ['Record.Create', 'Record.Create']
    assert mx_records(emulator) == BOTH
    assert sorted((r['value'], r['mx']) for r in result['records']) == BOTH

    # Converged: no write.
    outcome, result, writes = run(play, emulator, tmp_path, 'mx_record.yml', {'record': task})
    assert writes == [] and outcome.stat('changed') == 0 and result['changed'] is False

    # The backup given on its own, with mx: the same set, no write.
    alone = {'record_type': 'MX', 'value': ['mx2.example.com'], 'mx': 20}
    assert run(play, emulator, tmp_path, 'mx_record.yml', {'record': alone})[2] == []

    # A purge that lists the set keeps both records.
    assert purge_with(play, emulator, tmp_path, [{'record_type': 'MX', 'value': CARRIED}]) == []
    assert mx_records(emulator) == BOTH

    # state=absent with a value that carries a priority removes that record only when it has it.
    wrong = {'record_type': 'MX', 'value': ['10 mx2.example.com'], 'state': 'absent'}
    assert run(play, emulator, tmp_path, 'mx_record.yml', {'record': wrong})[2] == []
    assert mx_records(emulator) == BOTH
    right = {'record_type': 'MX', 'value': ['20 mx2.example.com'], 'state': 'absent'}
    assert run(play, emulator, tmp_path, 'mx_record.yml', {'record': right})[2] == ['Record.Remove']
    assert mx_records(emulator) == BOTH[:1]


def test_dnspod_records_primary_and_backup(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com', record('old', 'A', '192.0.2.2'))))
    sets = ITEMS + [{'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.10']}]

    outcome, result, writes = run(play, emulator, tmp_path, 'records.yml', {'sets': sets, 'purge': True})
    assert writes == ['Record.Create'] * 3 + ['Record.Remove']     # mx1, mx2, www; old purged
    assert mx_records(emulator) == BOTH
    assert sorted((op['after']['value'], op['after']['mx']) for op in result['operations']
                  if op['action'] == 'create' and op['after']['record_type'] == 'MX') == BOTH

    # Converged, in both forms: the items that differ by mx, and one item whose values carry theirs.
    outcome, result, writes = run(play, emulator, tmp_path, 'records.yml', {'sets': sets, 'purge': True})
    assert writes == [] and outcome.stat('changed') == 0 and result['api']['writes'] == 0
    carried = [{'sub_domain': '@', 'record_type': 'MX', 'value': CARRIED}] + sets[2:]
    assert purge_with(play, emulator, tmp_path, carried) == []
    assert mx_records(emulator) == BOTH

    # A new priority for the backup: one Modify of that record.
    moved = [ITEMS[0], dict(ITEMS[1], mx=15)] + sets[2:]
    assert purge_with(play, emulator, tmp_path, moved) == ['Record.Modify']
    assert mx_records(emulator) == [('mx1.example.com.', 10), ('mx2.example.com.', 15)]


def test_dnspod_records_refuses_items_of_one_mx_set_that_disagree(play, emulator):
    emulator.reset(seed(domain('example.com')))
    sets = [dict(ITEMS[0], ttl=600), dict(ITEMS[1], ttl=3600)]
    outcome = play('records.yml', {'sets': sets}, expect_failure=True)
    assert 'records[0] and records[1] are parts of the same MX set' in outcome.stdout, outcome
    assert 'different ttl (600 and 3600)' in outcome.stdout, outcome
    clash = [ITEMS[0], dict(ITEMS[1], value=['mx1.example.com'])]
    outcome = play('records.yml', {'sets': clash}, expect_failure=True)
    assert 'the priorities 10 and 20' in outcome.stdout, outcome
    assert emulator.requests() == []      # refused before the first call


def test_zone_role_primary_and_backup(play, emulator, tmp_path):
    # mx2 at 20 exists already (as dnspod_record created it), and a set the role does not list.
    emulator.reset(seed(domain('example.com', record('@', 'MX', 'mx2.example.com', mx=20),
                               record('old', 'A', '192.0.2.2'))))
    zone = {'zone_domains': [{'domain': 'example.com', 'purge': True, 'records': ITEMS}]}

    outcome, results, writes = run(play, emulator, tmp_path, 'mx_role.yml', zone)
    assert writes == ['Record.Create', 'Record.Remove']             # mx1 added, old purged; mx2 kept
    assert mx_records(emulator) == BOTH
    assert [(op['action'], op['after']['value'], op['after']['mx']) for op in results['results'][0]['operations']
            if op['action'] == 'create'] == [('create', 'mx1.example.com.', 10)]

    # Converged, purge included.
    outcome, results, writes = run(play, emulator, tmp_path, 'mx_role.yml', zone)
    assert writes == [] and outcome.stat('changed') == 0
    assert mx_records(emulator) == BOTH


def test_zone_file_import_and_export_primary_and_backup(play, emulator, tmp_path):
    emulator.reset(seed(domain('example.com')))
    export_file = tmp_path / 'example.com.zone'
    files = {'zone_file': ZONE_FILE, 'export_file': str(export_file)}

    outcome, result, writes = run(play, emulator, tmp_path, 'mx_zonefile.yml', files)
    # Both MX records imported, each with its priority; only the SOA and the apex NS left out.
    assert sorted(s['record_type'] for s in result['zone']['skipped']) == ['NS', 'SOA']
    assert writes == ['Record.Create'] * 5                           # @ A, mx1, mx2, mx1 A, mx2 A
    assert mx_records(emulator) == BOTH
    exported = export_file.read_text(encoding='utf-8').splitlines()
    assert '@      600 IN MX    10 mx1.example.com.' in exported
    assert '@      600 IN MX    20 mx2.example.com.' in exported

    # Import again (purge: true): nothing to write, both MX records stay.
    outcome, result, writes = run(play, emulator, tmp_path, 'mx_zonefile.yml', files)
    assert writes == [] and result['sync']['changed'] is False
    # The export read back is the same zone: importing it writes nothing either.
    again = {'zone_file': str(export_file), 'export_file': str(tmp_path / 'again.zone')}
    outcome, result, writes = run(play, emulator, tmp_path, 'mx_zonefile.yml', again)
    assert writes == [] and result['zone']['skipped'] == []
    assert (tmp_path / 'again.zone').read_text(encoding='utf-8') == export_file.read_text(encoding='utf-8')
    assert mx_records(emulator) == BOTH
