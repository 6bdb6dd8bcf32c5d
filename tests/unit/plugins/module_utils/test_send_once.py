"""Send-once writes (``once=True``, dnspod_api.SEND_ONCE): after a fault that may come after the server acted
they are not sent again (DNSPodOutcomeUnknownError); faults before the request left, HTTP 429 and
-2 are still retried; the other writes keep their retries. docs/reliability.md, "Lost answers"."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils import readback
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient, WRITE_ACTIONS
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.codes import SEND_ONCE
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError,
    DNSPodOutcomeUnknownError,
    DNSPodTransportError,
)

TOKEN = '10000,0123456789abcdef0123456789abcdef'


def client_for(url, **extra):
    return DNSPodClient(api_url=url, login_token=TOKEN, sleep=lambda s: None, login_latch_dir=False, **extra)


def test_the_send_once_list_holds_writes_and_reaches_the_task_client():
    # the areas in the API layer pass once=True themselves (test_domains, test_account, test_products,
    # test_groups); these are the others', until their areas come
    assert SEND_ONCE <= WRITE_ACTIONS
    for action in ('Domain.Lock', 'Domain.Unlock', 'User.Create', 'User.Transfer', 'Verify.Email',
                   'Verify.Telephone', 'Monitor.Create'):
        assert action in SEND_ONCE
    assert DNSPodClient(api_url='https://dnsapi.cn', login_token=TOKEN).send_once == SEND_ONCE
    assert DNSPodClient(api_url='https://dnsapi.cn', login_token=TOKEN, send_once=()).send_once == frozenset()


@pytest.mark.parametrize('fault', ['drop', 'http502', 'html'])
def test_a_send_once_write_is_not_sent_again_after_a_lost_answer(fake_api, fault):
    if fault == 'drop':
        fake_api.drop()
    elif fault == 'http502':
        fake_api.answer(body='<html>bad gateway</html>', status=502)
    else:
        fake_api.answer(body='<html>portal</html>')
    fake_api.ok()
    client = client_for(fake_api.url)
    with pytest.raises(DNSPodOutcomeUnknownError) as info:
        client.call('Domain.Upgrade', {'domain': 'example.com'}, once=True)
    assert fake_api.actions() == ['Domain.Upgrade']
    assert info.value.action == 'Domain.Upgrade' and info.value.attempts == 1
    assert 'not sent again' in str(info.value) and 'outcome is unknown' in str(info.value)
    assert client.writes == 0 and client.calls == 1
    assert isinstance(info.value, DNSPodTransportError)


def test_once_can_be_asked_for_any_action_and_a_safe_write_is_retried(fake_api):
    fake_api.answer(body='<html>bad gateway</html>', status=502)
    fake_api.ok()
    client = client_for(fake_api.url)
    client.call('Record.Modify', {'record_id': '1'})
    assert fake_api.actions() == ['Record.Modify', 'Record.Modify'] and client.writes == 1
    fake_api.answer(body='<html>bad gateway</html>', status=502)
    with pytest.raises(DNSPodOutcomeUnknownError):
        client.call('Record.Modify', {'record_id': '1'}, once=True)
    assert fake_api.actions()[2:] == ['Record.Modify']


def test_rate_limit_and_429_are_retried_for_send_once_writes(fake_api):
    # -2 and HTTP 429 mean the request was not carried out: retrying cannot charge twice
    fake_api.answer(code='-2')
    fake_api.answer(body='slow down', status=429)
    fake_api.ok()
    client = client_for(fake_api.url)
    client.call('Domain.Upgrade', {'domain': 'example.com'}, once=True)
    assert fake_api.actions() == ['Domain.Upgrade'] * 3 and client.writes == 1


def test_a_refused_connection_is_retried_for_send_once_writes(closed_port):
    # nothing left this machine: the server cannot have acted
    client = client_for('http://127.0.0.1:%d' % closed_port, max_retries=2, timeout=2)
    with pytest.raises(DNSPodTransportError) as info:
        client.call('Domain.Lock', {'domain_id': '1', 'days': '3'})
    assert not isinstance(info.value, DNSPodOutcomeUnknownError)
    assert info.value.attempts == 3 and client.calls == 3


def test_settle_reports_done_not_done_and_unknown(fake_api):
    client = client_for(fake_api.url)
    lost = DNSPodOutcomeUnknownError('Domain.Lock', 'ConnectionError', 1)
    assert readback.settle(client, lost, lambda: {'locked': True}, lambda s: (True, 'locked'), 'X') == {'locked': True}
    assert client.writes == 1
    with pytest.raises(DNSPodOutcomeUnknownError) as info:
        readback.settle(client, lost, lambda: {}, lambda s: (False, 'Domain.Lockstatus shows it unlocked'), 'X')
    assert 'Domain.Lockstatus shows it unlocked: it was not carried out. Run the task again.' in str(info.value)
    with pytest.raises(DNSPodOutcomeUnknownError) as info:
        readback.settle(client, lost, lambda: {}, lambda s: (None, 'Domain.Info cannot tell'), 'the balance')
    assert 'The outcome is unknown: Domain.Info cannot tell. Check the balance before running' in str(info.value)

    def failing():
        raise DNSPodAPIError('Domain.Lockstatus', '-99', 'paused')
    with pytest.raises(DNSPodOutcomeUnknownError) as info:
        readback.settle(client, lost, failing, lambda s: (True, ''), 'Domain.Lockstatus')
    assert 'reading the state back failed too' in str(info.value) and 'code -99' in str(info.value)
    assert client.writes == 1
