"""dnspod_domain and dnspod_domain_info against the emulator."""
import pytest

from seeds import domain, record, seed, write_actions

BOTH = pytest.mark.backends('dnspod', 'tencentcloud')


@BOTH
def test_create_then_converged(play, emulator, backend, api_names):
    emulator.reset(seed())
    settings = {'remark': 'managed by ansible', 'is_mark': True}
    if backend == 'tencentcloud':
        del settings['is_mark']     # API 3.0 cannot write the star mark: test_api3_refuses_what_it_cannot_write
    first = play('domain_present.yml', {'domain_settings': settings})
    assert first.stat('changed') == 1
    assert write_actions(emulator.requests()) == api_names.actions('Domain.Create', 'Domain.Remark')
    names = [d['name'] for d in emulator.state()['accounts'][0]['domains']]
    assert names == ['example.com']

    before = len(emulator.requests())
    second = play('domain_present.yml', {'domain_settings': settings})
    assert second.stat('changed') == 0
    again = emulator.requests()[before:]
    assert write_actions(again) == []
    assert [r['action'] for r in again] == api_names.actions('Domain.Info')


@BOTH
def test_check_mode_sends_no_write(play, emulator):
    emulator.reset(seed(domain('example.com')))
    result = play('domain_present.yml', {'domain_settings': {'status': 'disabled', 'remark': 'x'}}, check=True, diff=True)
    assert result.stat('changed') == 1
    assert write_actions(emulator.requests()) == []
    assert '"status": "disabled"' in result.stdout or "status: disabled" in result.stdout or '+    "status": "disabled"' in result.stdout


@BOTH
def test_settings_change_writes_only_the_difference(play, emulator, api_names):
    emulator.reset(seed(domain('example.com', remark='old', status='enable')))
    result = play('domain_present.yml', {'domain_settings': {'remark': 'old', 'status': 'disabled'}})
    assert result.stat('changed') == 1
    assert write_actions(emulator.requests()) == api_names.actions('Domain.Status')
    state = emulator.state()['accounts'][0]['domains'][0]
    assert state['status'] in ('pause', 'disable')


@BOTH
def test_absent_refuses_a_domain_with_records_unless_forced(play, emulator, api_names):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.1'))))
    refused = play('domain_absent.yml', expect_failure=True)
    assert 'force' in refused.stdout
    assert write_actions(emulator.requests()) == []

    play('domain_absent.yml', {'force': True})
    assert write_actions(emulator.requests()) == api_names.actions('Domain.Remove')
    assert emulator.state()['accounts'][0]['domains'] == []

    before = len(emulator.requests())
    again = play('domain_absent.yml')
    assert again.stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


@BOTH
def test_absent_removes_a_domain_with_only_system_records(play, emulator, api_names):
    emulator.reset(seed(domain('example.com')))
    result = play('domain_absent.yml')
    assert result.stat('changed') == 1
    assert write_actions(emulator.requests()) == api_names.actions('Domain.Remove')


def test_group_and_search_engine_push_by_id(play, emulator):
    emulator.reset(seed(domain('example.com', grade='DP_Plus'), grade='DP_Plus'))
    settings = {'group': '2', 'searchengine_push': False}
    play('domain_present.yml', {'domain_settings': settings})
    assert write_actions(emulator.requests()) == ['Domain.Changegroup', 'Domain.Searchenginepush']
    state = emulator.state()['accounts'][0]['domains'][0]
    assert str(state['group_id']) == '2' and state['searchengine_push'] in (False, 'no')
    before = len(emulator.requests())
    assert play('domain_present.yml', {'domain_settings': settings}).stat('changed') == 0
    assert write_actions(emulator.requests()[before:]) == []


def test_empty_credential_variables_count_as_unset(play, emulator):
    # AWX exports every variable of a credential type, empty ones too: an empty
    # DNSPOD_LOGIN_EMAIL beside the token must not collide with it (mutually exclusive options).
    emulator.reset(seed(domain('example.com')))
    result = play('domain_present.yml', {'domain_settings': {}},
                  env={'DNSPOD_LOGIN_EMAIL': '', 'DNSPOD_LOGIN_PASSWORD': '', 'DNSPOD_LOGIN_CODE': '', 'DNSPOD_USER_ID': ''})
    assert result.stat('failed') == 0
    assert [r['action'] for r in emulator.requests()] == ['Domain.Info']
    assert 'user_id' not in emulator.requests()[0]['params']


@pytest.mark.backends('tencentcloud')
def test_api3_group_by_id_and_a_refused_setting_before_any_call(play, emulator):
    emulator.reset(seed(domain('example.com', grade='DP_Plus'), grade='DP_Plus'))
    play('domain_present.yml', {'domain_settings': {'group': '2'}})
    assert write_actions(emulator.requests()) == ['ModifyDomainToGroup']
    assert str(emulator.state()['accounts'][0]['domains'][0]['group_id']) == '2'
    before = len(emulator.requests())
    # API 3.0 has no action for the search-engine push or the star mark of a domain: the task fails
    # before any call, naming the backend and the alternative.
    for setting in ({'searchengine_push': False}, {'is_mark': True}):
        refused = play('domain_present.yml', {'domain_settings': setting}, expect_failure=True)
        assert 'tencentcloud' in refused.stdout and 'login_token' in refused.stdout
    assert emulator.requests()[before:] == []
