"""No secret reaches the output of a -vvv run, the module results or the emulator's request log."""
from seeds import TOKEN, domain, seed

A_SET = {'sub_domain': 'www', 'record_type': 'A', 'value': ['192.0.2.1']}


def test_token_never_shown_at_vvv(play, emulator):
    emulator.reset(seed(domain('example.com')))
    secret_part = TOKEN.split(',')[1]
    result = play('record.yml', {'record': A_SET}, verbosity=3)
    assert secret_part not in result.stdout + result.stderr
    log = emulator.requests()
    assert log and all(secret_part not in repr(entry) for entry in log)


def test_failed_login_is_sent_once_and_explained(play, emulator):
    emulator.reset(seed(domain('example.com')))
    bad = '10000,ffffffffffffffffffffffffffffffff'
    result = play('record.yml', {'record': A_SET}, env={'DNSPOD_LOGIN_TOKEN': bad}, verbosity=3,
                  expect_failure=True)
    assert 'ffffffffffffffffffffffffffffffff' not in result.stdout + result.stderr
    log = emulator.requests()
    assert len(log) == 1
    assert log[0]['code'] in ('-1', '10002')
    assert 'code %s' % log[0]['code'] in result.stdout
