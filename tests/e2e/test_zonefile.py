"""Zone-file round trip against the emulator: import a BIND zone file (dnspod.dnspod.from_zone_file),
sync it with dnspod_records, export the domain (dnspod.dnspod.to_zone_file), compare. One ansible-playbook run,
with the credentials set by module_defaults for group/dnspod.dnspod.dnspod."""
import os

from seeds import TOKEN as DEFAULT_TOKEN, seed, write_actions

PLAYBOOKS = os.path.join(os.path.dirname(__file__), 'playbooks')
FILES = os.path.join(PLAYBOOKS, 'files')


def test_zone_file_round_trip(play, emulator, tmp_path):
    emulator.reset(seed())
    export_file = tmp_path / 'export.zone'
    result = play('ecosystem_zonefile.yml', {
        'zone_file': os.path.join(FILES, 'ecosystem-import.zone'),
        'expected_file': os.path.join(FILES, 'ecosystem-roundtrip.expected.zone'),
        'export_file': str(export_file),
        'rt_token': DEFAULT_TOKEN,
    }, env={'DNSPOD_LOGIN_TOKEN': '10000,ffffffffffffffffffffffffffffffff'})  # module_defaults must win
    # The dry run printed the plan as zone-file lines, with the line as a comment.
    assert '+api 3600 IN A 192.0.2.31 ; line=默认' in result.stdout, result
    assert '+@ 3600 IN MX 10 mail.example-import.com. ; line=默认' in result.stdout, result
    with open(os.path.join(FILES, 'ecosystem-roundtrip.expected.zone'), encoding='utf-8') as fh:
        assert export_file.read_text(encoding='utf-8') == fh.read()
    # 12 records created once (dry run, re-sync: no writes), nothing else.
    assert write_actions(emulator.requests()) == ['Domain.Create'] + ['Record.Create'] * 12
    # Every call logged in with the token of module_defaults, none with the environment's wrong one.
    assert not {r['code'] for r in emulator.requests()} & {'-1', '10002', '20004'}
    assert emulator.requests()[0]['user_id'] == 10000
