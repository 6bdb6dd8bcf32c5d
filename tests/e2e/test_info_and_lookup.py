"""Info modules and the lookup read without writing."""
import pytest

from seeds import KEY_PAIR, domain, record, seed, write_actions


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


def test_module_defaults_group_sets_a_key_pair_once(play, emulator):
    # No credential in the environment: the group's key pair alone makes every module use API 3.0.
    emulator.reset(seed(domain('example.com')))
    env = {'DNSPOD_LOGIN_TOKEN': '', 'DNSPOD_API_URL': ''}
    play('module_defaults_keys.yml', {'emulator_url': emulator.url, 'secret_id': KEY_PAIR['secret_id'],
                                      'secret_key': KEY_PAIR['secret_key']}, env=env)
    assert write_actions(emulator.requests()) == ['CreateRecord']
    assert {r.get('api') for r in emulator.requests()} == {'tencentcloud'}
