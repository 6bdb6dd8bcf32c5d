"""The error classes: text format, hints a person can act on, which codes count as refused logins."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api import codes
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAlreadyDoneError, DNSPodAPIError, DNSPodConfigError, DNSPodError, DNSPodTransportError)


def test_hierarchy():
    for cls in (DNSPodAPIError, DNSPodConfigError, DNSPodTransportError, DNSPodAlreadyDoneError):
        assert issubclass(cls, DNSPodError)
    assert issubclass(DNSPodAlreadyDoneError, DNSPodAPIError)
    assert issubclass(DNSPodError, Exception)


def test_api_error_text_and_fields():
    exc = DNSPodAPIError('Record.Create', 25, 'Too many records')
    assert exc.code == '25' and exc.action == 'Record.Create' and exc.message == 'Too many records'
    assert exc.hint is None
    assert str(exc) == 'DNSPod API error on Record.Create: code 25: Too many records'


def test_api_error_with_hint():
    exc = DNSPodAPIError('Domain.Info', '-1', 'Login fail, please check login info')
    assert str(exc) == ('DNSPod API error on Domain.Info: code -1: Login fail, please check login info. '
                        + exc.hint)
    assert str(DNSPodAPIError('Info.Version', '-2', 'API usage is limited.')).count('..') == 0


def test_api_error_without_message():
    exc = DNSPodAPIError('Info.Version', '3', None)
    assert exc.message == '' and str(exc) == 'DNSPod API error on Info.Version: code 3'


@pytest.mark.parametrize('code, words', [
    ('-1', ['login_token', 'not retry', 'lock']),
    ('-2', ['rate limit', 'wait']),
    ('-7', ['permission']),
    ('-8', ['locked', 'hour']),
    ('-99', ['paused']),
    ('50', ['D-Token', 'login_code']),
    ('51', ['not enabled', 'login_code']),
    ('52', ['login_code', 'wrong']),
    ('53', ['already enabled']),
    ('54', ['owner', 'D-Token']),
    ('85', ['another place']),
    ('10002', ['login_token', 'ID,TOKEN']),
    ('20004', ['login_token']),
])
def test_hints_for_known_codes(code, words):
    hint = DNSPodAPIError('Info.Version', code, 'whatever').hint
    for word in words:
        assert word in hint
    assert hint in str(DNSPodAPIError('Info.Version', code, 'whatever'))


def test_code_8_hint_only_for_the_email_refusal():
    refused = DNSPodAPIError('Domain.List', '8', 'Prohibit req by email, Request by token')
    assert 'login_token' in refused.hint and 'login_token' in str(refused)
    record = DNSPodAPIError('Record.Info', '8', '记录编号错误')
    assert record.hint is None


@pytest.mark.parametrize('code, message, expected', [
    ('-1', 'Login fail', True), ('10002', '', True), ('20004', '', True), ('50', '', True), ('52', '', True),
    ('8', 'Prohibit req by email, Request by token', True),
    ('-8', 'domain must be upgraded', False), ('51', '', False), ('53', '', False), ('-2', '', False),
    ('8', 'Record id invalid', False), ('104', '', False), ('1', '', False),
])
def test_login_failures(code, message, expected):
    assert codes.is_login_failure(code, message) is expected


def test_never_retry_and_retry_codes_are_disjoint():
    assert codes.RETRY_CODES == frozenset(['-2'])
    assert not codes.RETRY_CODES & codes.NEVER_RETRY_CODES
    assert codes.LOGIN_FAILURE_CODES <= codes.NEVER_RETRY_CODES


def test_already_done_text_says_what_happened():
    exc = DNSPodAlreadyDoneError('Record.Create', '104', 'Domain record already exists')
    assert exc.code == '104' and 'transport fault' in str(exc) and 'code 104' in str(exc)


def test_transport_error_text():
    exc = DNSPodTransportError('Record.List', 'HTTP 502', 3)
    assert (exc.action, exc.detail, exc.attempts) == ('Record.List', 'HTTP 502', 3)
    assert str(exc) == 'DNSPod API call Record.List failed after 3 attempt(s): HTTP 502'


def test_hints_hold_no_placeholder_or_secret_words():
    for hint in list(codes.HINTS.values()) + [codes.EMAIL_LOGIN_HINT]:
        assert '%' not in hint and '{' not in hint
        assert hint.endswith('.')


# Code 8 on the actions that take an e-mail parameter is "that e-mail has no account" (the English
# documents: Domainshare.Create "The target email address not exists", Domain.Transfer "Email
# address not exists"; the emulator's Useremail.Modify "Old email is wrong"), not a refused login.
@pytest.mark.parametrize('action, message', [
    ('Domainshare.Create', 'The target email address not exists'),
    ('Domainshare.Modify', 'The email address not exists'),
    ('Domainshare.Remove', 'The target email address not exists'),
    ('Domain.Transfer', 'Email address not exists'),
    ('Useremail.Modify', 'Old email is wrong'),
])
def test_code_8_about_an_email_parameter_is_not_a_login_failure(action, message):
    assert codes.is_login_failure('8', message, action) is False
    assert DNSPodAPIError(action, '8', message).hint is None


@pytest.mark.parametrize('action', ['Domainshare.Create', 'Domain.Transfer', 'Useremail.Modify', 'Domain.List',
                                    'Record.List', None])
def test_code_8_email_login_refusal_is_a_login_failure_on_every_action(action):
    message = 'Prohibit req by email, Request by token'
    assert codes.is_login_failure('8', message, action) is True
    assert 'login_token' in DNSPodAPIError(action or 'Info.Version', '8', message).hint


@pytest.mark.parametrize('action, message', [
    ('Domainshare.Create', 'The target email address not exists'),
    ('Useremail.Modify', 'Old email is wrong'),
])
def test_client_keeps_calling_after_code_8_about_an_email_parameter(fake_api, tmp_path, action, message):
    from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
    latch_dir = tmp_path / 'latch'
    client = DNSPodClient(api_url=fake_api.url, login_token='10000,0123456789abcdef', login_latch_dir=str(latch_dir),
                          sleep=lambda s: None, timeout=5)
    fake_api.answer(body={'status': {'code': '8', 'message': message, 'created_at': '2026-12-04 10:00:00'}})
    fake_api.ok()
    with pytest.raises(DNSPodAPIError) as info:
        client.call(action, {'email': 'nobody@example.com'})
    assert info.value.code == '8'
    client.call('Info.Version')
    assert fake_api.actions() == [action, 'Info.Version']
    assert not latch_dir.exists() or not list(latch_dir.glob('*.json'))   # no refusal marker (a .lock, .ok may be there)
    # A fresh client (the next task) is not held back either.
    fake_api.ok()
    DNSPodClient(api_url=fake_api.url, login_token='10000,0123456789abcdef', login_latch_dir=str(latch_dir),
                 timeout=5).call('Info.Version')
    assert fake_api.actions() == [action, 'Info.Version', 'Info.Version']
