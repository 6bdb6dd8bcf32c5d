"""dnspod_domain transfer_to, dnspod_domain_info include_log/include_purview and
dnspod_domain_acquire against the emulator (one playbook run; the playbook reads the emulator's
request log between tasks to show zero writes on reruns and in check mode)."""
from seeds import account, domain, record

ACQUIRE_CODE = '424242'


def write_actions(requests):
    return [r['action'] for r in requests if r['write_action']]


def extra_seed():
    me = account(domain('example.com', record('www', 'A', '192.0.2.1')),
                 domain('sold.example', record('www', 'A', '192.0.2.2')))
    them = dict(user_id=20000, email='them@example.com', login_token='20000,fedcba9876543210fedcba9876543210',
                grade='DP_Free', domains=[domain('theirs.example', record('mail', 'A', '192.0.2.3'), acquire={
                    'emails': ['owner@registrant.example', 'privacy@whois.example'], 'code': ACQUIRE_CODE})])
    return {'accounts': [me, them]}


def test_log_purview_transfer_and_acquire(play, emulator):
    emulator.reset(extra_seed())
    # something for Domain.Log to show (the emulator logs API changes)
    play('domain_present.yml', {'domain_settings': {'remark': 'logged'}})
    emulator_log_start = len(emulator.requests())
    play('domain_extra.yml', {'acquire_code': ACQUIRE_CODE})
    requests = emulator.requests()[emulator_log_start:]
    assert write_actions(requests) == [
        'Domain.Transfer', 'Domain.Transfer', 'Domain.Acquiresend',
        'Domain.Acquirevalidate', 'Domain.Acquirevalidate']
    assert [r['code'] for r in requests if r['write_action']] == ['1', '8', '1', '15', '1']
    # listing the registrant's addresses is a read
    assert [r['code'] for r in requests if r['action'] == 'Domain.Acquire'] == ['1']
    assert all(r['params'].get('code') in (None, '***') for r in requests)
    owners = dict((d['name'], a['email']) for a in emulator.state()['accounts'] for d in a['domains'])
    assert owners == {'example.com': 'api@example.com', 'sold.example': 'them@example.com',
                      'theirs.example': 'api@example.com'}
    # the domains moved with their records
    mine = dict((d['name'], d) for d in emulator.state()['accounts'][0]['domains'])
    assert [r['value'] for r in mine['theirs.example']['records'] if not r.get('hold')] == ['192.0.2.3']
