"""dnspod_agent_user, dnspod_agent_user_info, dnspod_upgrade and dnspod_product_info against the
emulator; an agent manages its user's record with dnspod_record and user_id.

ansible-playbook runs: 7 (agent.yml x3, upgrade.yml x3, agent_bad_input.yml x1).
"""
import datetime

from seeds import TOKEN, write_actions

PLAIN_TOKEN = '700,plain-secret'
NEW_PASSWORD = 'Pa55-word-xyz'
NEW_USER = {'email': 'new@example.com', 'password': NEW_PASSWORD, 'real_name': 'Zhang San',
            'telephone': '13800138000', 'ip_addr': '203.0.113.7', 'verify_email': True,
            'verify_telephone': True}
AGENT_VARS = {'new_user': NEW_USER, 'transfer': {'email': 'sub2@example.com', 'agent_id': '600'},
              'sub_record': {'user_id': '501', 'domain': 'sub1.com', 'sub_domain': 'www', 'value': '192.0.2.10'}}


def beijing_day(offset):
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    return (today + datetime.timedelta(days=offset)).isoformat()


def agent_seed(balance=5000):
    return {'accounts': [
        {'user_id': 10000, 'email': 'agent@example.com', 'login_token': TOKEN, 'agent': True,
         'balance': balance, 'sub_users': [501, 502]},
        {'user_id': 501, 'email': 'sub1@example.com', 'email_verified': True, 'domains': [
            {'id': 51, 'name': 'sub1.com'},
            {'id': 52, 'name': 'free.example'},
            {'id': 53, 'name': 'ending.example', 'grade': 'D_Plus', 'grade_expire': beijing_day(10),
             'grade_start': beijing_day(-355)},
            {'id': 54, 'name': 'paid.example', 'grade': 'D_Plus', 'grade_expire': beijing_day(200)}]},
        {'user_id': 502, 'email': 'sub2@example.com'},
        {'user_id': 600, 'email': 'other-agent@example.com', 'agent': True, 'sub_users': [601]},
        {'user_id': 601, 'email': 'theirs@example.com'},
        {'user_id': 700, 'email': 'plain@example.com', 'login_token': PLAIN_TOKEN},
    ]}


def accounts(emulator):
    return dict((a['user_id'], a) for a in emulator.state()['accounts'])


def domains(account):
    return dict((d['name'], d) for d in account['domains'])


def test_agent_user_create_verify_transfer_and_sub_user_record(play, emulator):
    emulator.reset(agent_seed())
    first = play('agent.yml', AGENT_VARS, diff=True, verbosity=1)
    assert first.stat('changed') == 3
    assert NEW_PASSWORD not in first.stdout and NEW_PASSWORD not in first.stderr
    requests = emulator.requests()
    assert write_actions(requests) == ['User.Create', 'Verify.Email', 'Verify.Telephone', 'User.Transfer',
                                       'Record.Create']
    assert not [r for r in requests if r['action'] == 'User.Create' and r['params']['password'] != '***']
    # the record call acted as the user 501
    record_calls = [r for r in requests if r['action'].startswith('Record.')]
    assert record_calls and set(r['user_id'] for r in record_calls) == {501}
    state = accounts(emulator)
    new = [a for a in state.values() if a['email'] == 'new@example.com'][0]
    assert state[10000]['sub_users'] == [501, new['user_id']]
    assert state[600]['sub_users'] == [502, 601]
    assert (new['real_name'], new['telephone'], new['email_verified'], new['telephone_verified']) \
        == ('Zhang San', '13800138000', True, True)
    www = [r for r in domains(state[501])['sub1.com']['records'] if r['sub_domain'] == 'www']
    assert [(r['record_type'], r['value']) for r in www] == [('A', '192.0.2.10')]

    before = len(emulator.requests())
    second = play('agent.yml', dict(AGENT_VARS, expect_changed=False))
    assert second.stat('changed') == 0
    again = emulator.requests()[before:]
    assert write_actions(again) == []
    assert not [r for r in again if r['write_action']]
    # the existing users were read, not created: User.List per task, User.Detail for verification
    assert 'User.List' in [r['action'] for r in again] and 'User.Create' not in [r['action'] for r in again]


def test_agent_user_check_mode_and_diff(play, emulator):
    emulator.reset(agent_seed())
    before = emulator.state()
    result = play('agent.yml', AGENT_VARS, check=True, diff=True)
    assert result.stat('changed') == 3
    assert not [r for r in emulator.requests() if r['write_action']]
    assert emulator.state() == before
    assert '"User.Create"' in result.stdout and '"under_agent": false' in result.stdout
    assert '192.0.2.10' in result.stdout      # the record's diff


def test_upgrade_renew_and_converge(play, emulator):
    emulator.reset(agent_seed())
    first = play('upgrade.yml', diff=True)
    assert first.stat('changed') == 2
    assert write_actions(emulator.requests()) == ['Domain.Upgrade', 'Domain.Upgrade']
    state = accounts(emulator)
    assert state[10000]['balance'] == 5000 - 698 - 1396
    doms = domains(state[501])
    assert (doms['free.example']['grade'], doms['free.example']['grade_expire']) == ('D_Plus', beijing_day(364))
    assert doms['ending.example']['grade_expire'] == beijing_day(10 + 730)
    assert doms['ending.example']['grade_start'] == beijing_day(-355)
    assert doms['paid.example']['grade_expire'] == beijing_day(200)
    assert '"vip_end_at": "%s"' % beijing_day(364) in first.stdout   # the diff of the upgrade

    before = len(emulator.requests())
    second = play('upgrade.yml', {'expect_changed': False})
    assert second.stat('changed') == 0
    again = emulator.requests()[before:]
    assert not [r for r in again if r['write_action']]
    assert accounts(emulator)[10000]['balance'] == 5000 - 698 - 1396


def test_upgrade_check_mode_reports_the_price_and_buys_nothing(play, emulator):
    emulator.reset(agent_seed())
    before = emulator.state()
    result = play('upgrade.yml', check=True, diff=True)
    assert result.stat('changed') == 2
    assert not [r for r in emulator.requests() if r['write_action']]
    assert emulator.state() == before
    assert '"vip_end_at": "%s"' % beijing_day(10 + 730) in result.stdout


def test_bad_input_fails_naming_the_option_and_writes_nothing(play, emulator):
    emulator.reset(agent_seed(balance=3000))
    result = play('agent_bad_input.yml', {'plain_token': PLAIN_TOKEN})
    assert result.stat('failed') == 0 and result.stat('ignored') == 11
    requests = emulator.requests()
    assert write_actions(requests) == []
    # the only write sent is the upgrade the API refused for the balance (code 13)
    assert [(r['action'], r['code']) for r in requests if r['write_action']] == [('Domain.Upgrade', '13')]
    assert accounts(emulator)[10000]['balance'] == 3000
