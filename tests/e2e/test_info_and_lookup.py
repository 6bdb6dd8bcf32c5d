"""Info modules and the lookup read without writing."""
import pytest

from seeds import domain, record, seed, write_actions


@pytest.mark.backends('dnspod', 'tencentcloud')
def test_info_modules_and_lookup(play, emulator, api_names):
    emulator.reset(seed(
        domain('example.com', record('www', 'A', '192.0.2.1'), record('www', 'A', '192.0.2.2'),
               record('mail', 'CNAME', 'mx.example.net')),
        domain('example.net'),
    ))
    play('info.yml')
    calls = emulator.requests()
    assert write_actions(calls) == []
    # Three lookups in one task: the account's domains are listed once, then one filtered listing each.
    lookup_calls = [c['action'] for c in calls][-4:]
    assert lookup_calls == api_names.actions('Domain.List', 'Record.List', 'Record.List', 'Record.List')
    assert all(api_names.param(c, 'record_type') for c in calls[-3:])


def test_module_defaults_group_sets_credentials_once(play, emulator, ansible_env):
    emulator.reset(seed(domain('example.com')))
    token = ansible_env['DNSPOD_LOGIN_TOKEN']
    env = {'DNSPOD_LOGIN_TOKEN': '', 'DNSPOD_API_URL': ''}
    play('module_defaults.yml', {'emulator_url': emulator.url, 'token': token}, env=env)
    assert write_actions(emulator.requests()) == ['Record.Create']
