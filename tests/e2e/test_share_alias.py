"""dnspod_share, dnspod_share_info, dnspod_alias and dnspod_alias_info against the emulator.

Five ansible-playbook runs: each playbook holds many tasks with their own asserts; the tests here
check the emulator's request log (every call, and which were writes) and its state.
"""
import pytest

from seeds import account, domain


BOTH = pytest.mark.backends('dnspod', 'tencentcloud')
FRIEND = 'friend@example.com'


def share_seed(shares=None, grade='DP_Free'):
    dom = domain('example.com', id=1001, grade=grade)
    if shares is not None:
        dom['shares'] = shares
    # share_list_sub_domain: Domainshare.List shows the shared part, which no document shows (the
    # documented answer: tests/e2e/test_prechecks.py), so these tests can follow the five Modify cases.
    return {'settings': {'share_list_sub_domain': True},
            'accounts': [account(dom),
                         {'user_id': 10001, 'email': FRIEND},
                         {'user_id': 10002, 'email': 'other@example.com'},
                         {'user_id': 10003, 'email': 'third@example.com'}]}


def alias_seed(aliases):
    return {'accounts': [account(domain('example.com', id=1001, grade='DP_Plus', aliases=aliases))]}


def calls(requests):
    return [(r['action'], r['write']) for r in requests]


def read(action):
    return [('Domain.Info', False), (action, False)]


def write(list_action, *actions):
    return read(list_action) + [(action, True) for action in actions]


def share_write(action):
    return write('Domainshare.List', action)


def alias_write(*actions):
    return write('Domainalias.List', *actions)


def test_share_lifecycle_five_modify_cases_and_idempotence(play, emulator):
    emulator.reset(share_seed())
    result = play('share.yml', diff=True)
    assert result.stat('failed') == 0
    log = emulator.requests()
    expected = (share_write('Domainshare.Create')
                + read('Domainshare.List')                      # the same share again: no write
                + share_write('Domainshare.Modify') * 5          # cases 3, 2, 5, 4, 1
                + read('Domainshare.List')                      # e-mail in other case: no write
                + read('Domainshare.List') * 2                  # two info tasks
                + read('Domainshare.List')                      # absent for another part: no write
                + share_write('Domainshare.Remove')
                + read('Domainshare.List')                      # removed again: no write
                + read('Domainshare.List') + [('Domainshare.Create', False)])   # code 8
    assert calls(log) == expected
    modifies = [r['params'] for r in log if r['action'] == 'Domainshare.Modify']
    combos = [(p.get('old_sub_domain'), p.get('new_sub_domain'), p['mode']) for p in modifies]
    assert combos == [(None, 'www', 'rw'), ('www', 'www', 'r'), ('www', 'bbs', 'r'), ('bbs', None, 'r'),
                      (None, None, 'rw')]
    assert all(p['domain_id'] == '1001' and p['email'] == FRIEND for p in modifies)
    assert log[-1]['code'] == '8'
    assert emulator.state()['accounts'][0]['domains'][0]['shares'] == []
    # diff mode output
    assert '--- before' in result.stdout and '"sub_domain": "www"' in result.stdout


def test_share_check_mode_sends_no_write(play, emulator):
    shares = [{'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}, {'email': 'third@example.com'}]
    emulator.reset(share_seed(shares, grade='DP_Plus'))
    result = play('share_check.yml', check=True, diff=True)
    assert result.stat('changed') == 3
    log = emulator.requests()
    assert [r for r in log if r['write_action']] == []
    assert calls(log) == read('Domainshare.List') * 3
    assert emulator.state()['accounts'][0]['domains'][0]['shares'] == [
        {'email': FRIEND, 'mode': 'rw', 'sub_domain': 'www'}, {'email': 'third@example.com', 'mode': 'r'}]
    assert '"mode": "rw"' in result.stdout and '"mode": "r"' in result.stdout


@BOTH
def test_bad_input_fails_before_any_call(play, emulator):
    emulator.reset(share_seed())
    result = play('share_alias_bad_input.yml')
    assert result.stat('failed') == 0 and result.stat('ignored') == 8
    assert emulator.requests() == []


# The alias actions on each backend: domain read, list, create, remove, and the code of the
# refusal over the grade's quota.
ALIAS_NAMES = {
    'dnspod': ('Domain.Info', 'Domainalias.List', 'Domainalias.Create', 'Domainalias.Remove', '10'),
    'tencentcloud': ('DescribeDomain', 'DescribeDomainAliasList', 'CreateDomainAlias', 'DeleteDomainAlias',
                     'LimitExceeded.DomainAliasNumberLimit'),
}


@BOTH
def test_alias_lifecycle_purge_and_idempotence(play, emulator, backend):
    emulator.reset(alias_seed(['old.example']))
    result = play('alias.yml', {'backend': backend}, diff=True)
    assert result.stat('ignored') == 1
    log = emulator.requests()
    info, listing, create, remove, quota_code = ALIAS_NAMES[backend]

    def read_list():
        return [(info, False), (listing, False)]

    def writes(*actions):
        return read_list() + [(action, True) for action in actions]

    expected = (writes(create, create)
                + read_list()                                       # again: no write
                + writes(remove, remove, create)                    # purge
                + writes(remove)
                + read_list()                                       # again: no write
                + read_list()                                       # info
                + writes(create, create) + [(create, False)])
    assert calls(log) == expected
    creates = [r['params'] for r in log if r['action'] == create]
    if backend == 'dnspod':
        # Create names the domain by ID only: its `domain` parameter is the alias
        assert [p['domain'] for p in creates] == ['example.net', 'xn--bcher-kva.example', 'example.org',
                                                  'a.example', 'b.example', 'c.example']
        assert all(p['domain_id'] == '1001' for p in creates)
    else:
        # API 3.0: the alias is DomainAlias, the domain Domain (required) and DomainId
        assert [p['DomainAlias'] for p in creates] == ['example.net', 'xn--bcher-kva.example', 'example.org',
                                                       'a.example', 'b.example', 'c.example']
        assert all((p['Domain'], p['DomainId']) == ('example.com', 1001) for p in creates)
        removes = [r['params'] for r in log if r['action'] == remove]
        assert all(isinstance(p['DomainAliasId'], int) for p in removes) and len(removes) == 3
    assert log[-1]['code'] == quota_code
    dumped = emulator.state()['accounts'][0]['domains'][0]['aliases']
    assert sorted(a['domain'] for a in dumped) == ['a.example', 'b.example', 'example.net']
    assert '+example.org' in result.stdout or '+xn--bcher-kva.example' in result.stdout


@BOTH
def test_alias_check_mode_sends_no_write(play, emulator, backend):
    emulator.reset(alias_seed(['old.example']))
    result = play('alias_check.yml', check=True, diff=True)
    assert result.stat('changed') == 2
    log = emulator.requests()
    assert [r for r in log if r['write_action']] == []
    info, listing = ALIAS_NAMES[backend][:2]
    # the first task names the domain by its ID: API 3.0 wants the name (Domain) too, which one
    # DescribeDomainList gives
    by_id = [('DescribeDomainList', False)] if backend == 'tencentcloud' else []
    assert calls(log) == by_id + [(info, False), (listing, False)] * 3
    assert emulator.state()['accounts'][0]['domains'][0]['aliases'] == [{'id': 18737, 'domain': 'old.example'}]
    assert '-old.example' in result.stdout and '+example.net' in result.stdout
