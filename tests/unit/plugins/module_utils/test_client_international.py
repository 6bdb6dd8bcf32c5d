"""DNSPodClient on the international service (api.dnspod.com), against the scripted fake endpoint
(conftest.py): an API token is a login_token there too, writes send the default line as `default`,
Record.* take domain_id (a name is looked up once), listing pages are at most 500 long.

Evidence: NewFuture/DDNS issue 286 and commit d4b397d (token as user_token answered 20004), commit
b2d3a5f (`Default` from Record.List sent back is refused); acme.sh dnsapi/dns_dpi.sh; the
international documents (docs.dnspod.com: Record.* mark domain_id mandatory, a listing gives at
most 500 items)."""
import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils import client as client_module
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import DNSPodAPIError

SECRET = '0123456789abcdef0123456789abcdef'
TOKEN = '77001,' + SECRET
DOMAIN_ID = '2317346'


def intl(fake_api, **kwargs):
    options = dict(api_url=fake_api.url, login_token=TOKEN, international=True, sleep=lambda s: None, timeout=5)
    options.update(kwargs)
    return DNSPodClient(**options)


def record(i, line='Default', name='www', value='192.0.2.1'):
    return dict(id=str(i), name=name, line=line, type='A', ttl='600', value=value, mx='0', enabled='1',
                status='enabled', remark='', weight=None, monitor_status='', updated_on='2026-12-04 10:00:00')


def domain_info(domain_id=DOMAIN_ID, name='example.com'):
    return dict(domain=dict(id=domain_id, name=name, punycode=name, grade='DP_Free', status='enable'))


def listing(records, total=None, domain_id=DOMAIN_ID):
    return dict(domain=dict(id=domain_id, name='example.com', punycode='example.com', grade='DP_Free',
                            owner='api@example.com'),
                info=dict(record_total=str(len(records) if total is None else total)), records=records)


# ---- credentials ------------------------------------------------------------------------------

def test_api_token_is_sent_as_login_token(fake_api):
    client = intl(fake_api)
    fake_api.ok()
    client.call('Info.Version')
    form = fake_api.requests[0]['form']
    assert form['login_token'] == TOKEN
    assert 'user_token' not in form
    assert fake_api.actions() == ['Info.Version']


def test_email_login_still_trades_for_a_user_token(fake_api):
    client = intl(fake_api, login_token=None, login_email='a@example.com', login_password='pw-Secret-4711')
    fake_api.ok(user_token='730060,e1a8a$f14dc5dcbafd83680b3d2a553c4d553d')
    fake_api.ok()
    client.call('Info.Version')
    assert fake_api.actions() == ['Auth', 'Info.Version']
    assert fake_api.requests[1]['form']['user_token'] == '730060,e1a8a$f14dc5dcbafd83680b3d2a553c4d553d'
    assert 'login_token' not in fake_api.requests[1]['form']


def test_a_refusal_recorded_for_the_user_token_form_does_not_hold_back_the_login_token_form(fake_api, tmp_path):
    """A marker the earlier (user_token) form left for the same token is another key now."""
    latch_dir = str(tmp_path / 'latch')
    old = client_module.LoginLatch(latch_dir, fake_api.url, ('international', TOKEN, None, None, None))
    old.write(DNSPodAPIError('Domain.Info', '20004', 'user token validate failed'))
    assert old.read() is not None
    client = intl(fake_api, login_latch_dir=latch_dir)
    fake_api.ok()
    client.call('Info.Version')
    assert fake_api.actions() == ['Info.Version']


# ---- the default line -------------------------------------------------------------------------

@pytest.mark.parametrize('line', ['Default', 'DEFAULT', 'default', ' Default '])
def test_writes_send_the_default_line_as_default(fake_api, line):
    client = intl(fake_api)
    fake_api.ok(record={'id': '9', 'name': 'www', 'status': 'enabled'})
    fake_api.ok(record={'id': 9, 'name': 'www', 'status': 'enable'})
    Records(client).create(DOMAIN_ID, 'www', 'A', line, '192.0.2.1')
    Records(client).modify(DOMAIN_ID, '9', 'www', 'A', line, '192.0.2.2', ttl=600)
    assert [r['form']['record_line'] for r in fake_api.requests] == ['default', 'default']


def test_other_lines_are_sent_as_given(fake_api):
    client = intl(fake_api)
    fake_api.ok(record={'id': '9', 'name': 'www', 'status': 'enabled'})
    Records(client).create(DOMAIN_ID, 'www', 'A', 'China Telecom', '192.0.2.1')
    assert fake_api.requests[0]['form']['record_line'] == 'China Telecom'


def test_dnsapi_cn_sends_lines_unchanged(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_token=TOKEN, sleep=lambda s: None, timeout=5)
    fake_api.ok(record={'id': '9', 'name': 'www', 'status': 'enabled'})
    Records(client).create(DOMAIN_ID, 'www', 'A', 'Default', '192.0.2.1')
    form = fake_api.requests[0]['form']
    assert form['record_line'] == 'Default' and form['login_token'] == TOKEN


def test_listing_keeps_the_line_as_the_api_names_it(fake_api):
    client = intl(fake_api)
    fake_api.ok(**listing([record(1)]))
    records = Records(client).list(DOMAIN_ID, sub_domain='www', record_line='default')
    assert [r['record_line'] for r in records] == ['Default']
    assert fake_api.requests[0]['form']['record_line'] == 'default'


# ---- domain_id on Record.* ---------------------------------------------------------------------

def test_record_list_by_name_looks_the_domain_up_once(fake_api):
    client = intl(fake_api)
    fake_api.ok(**domain_info())
    fake_api.ok(**listing([record(1)]))
    fake_api.ok(**listing([record(1)]))
    area = Records(client)      # one per task (dnspod_api.DNSPodAPI): the name is looked up once
    block, records = area.list_with_domain('Example.COM', sub_domain='www', record_type='A')
    area.list_with_domain('example.com')
    assert fake_api.actions() == ['Domain.Info', 'Record.List', 'Record.List']
    assert fake_api.requests[0]['form']['domain'] == 'example.com'
    for request in fake_api.requests[1:]:
        assert request['form']['domain_id'] == DOMAIN_ID
        assert 'domain' not in request['form']
    assert block['id'] == DOMAIN_ID and [r['id'] for r in records] == ['1']


def test_record_list_by_id_sends_no_lookup(fake_api):
    client = intl(fake_api)
    fake_api.ok(**listing([record(1)]))
    Records(client).list_with_domain(DOMAIN_ID)
    assert fake_api.actions() == ['Record.List']
    assert fake_api.requests[0]['form']['domain_id'] == DOMAIN_ID


@pytest.mark.parametrize('code', ['6', '13'])
def test_unknown_domain_raises_the_lookups_code(fake_api, code):
    client = intl(fake_api)
    fake_api.answer(code=code)
    with pytest.raises(DNSPodAPIError) as info:
        Records(client).list_with_domain('missing.example')
    assert info.value.code == code and info.value.action == 'Domain.Info'
    assert fake_api.actions() == ['Domain.Info']


def test_record_line_by_domain_name_is_sent_by_id(fake_api):
    client = intl(fake_api)
    fake_api.ok(**domain_info())
    fake_api.ok(lines=['Default', 'China Telecom'])
    assert Records(client).lines('DP_Free', 'example.com') == ['Default', 'China Telecom']
    assert fake_api.requests[1]['form']['domain_id'] == DOMAIN_ID and 'domain' not in fake_api.requests[1]['form']


def test_domain_actions_keep_the_name(fake_api):
    client = intl(fake_api)
    fake_api.ok(**domain_info())
    Domains(client).get('example.com')
    assert fake_api.actions() == ['Domain.Info']
    assert fake_api.requests[0]['form']['domain'] == 'example.com'


def test_dnsapi_cn_lists_by_name_without_a_lookup(fake_api):
    client = DNSPodClient(api_url=fake_api.url, login_token=TOKEN, sleep=lambda s: None, timeout=5)
    fake_api.ok(**listing([record(1, line='默认')]))
    Records(client).list_with_domain('example.com')
    assert fake_api.actions() == ['Record.List']
    assert fake_api.requests[0]['form']['domain'] == 'example.com'
    assert fake_api.requests[0]['form']['length'] == '3000'


# ---- pages of at most 500 ----------------------------------------------------------------------

def test_pages_are_at_most_500_long(fake_api):
    client = intl(fake_api)
    assert client.page_size == 500
    assert intl(fake_api, page_size=200).page_size == 200
    for start, count in ((0, 500), (500, 500), (1000, 201)):
        page = [record(i, value='10.0.%d.%d' % (i // 250, i % 250)) for i in range(start, start + count)]
        fake_api.ok(**listing(page, total=1201))
    records = Records(client).list(DOMAIN_ID)
    assert len(records) == 1201 and len(set(r['id'] for r in records)) == 1201
    assert [(r['form']['offset'], r['form']['length']) for r in fake_api.requests] == [
        ('0', '500'), ('500', '500'), ('1000', '500')]


def test_a_client_asking_more_pages_on_what_the_server_gives(fake_api):
    """A server that cuts `length` at 500: a client forced to ask 3000 (international=False on the
    international host) still gets every record, the next offset being what it received."""
    client = intl(fake_api, international=False)
    assert client.page_size == 3000
    for start, count in ((0, 500), (500, 500), (1000, 100)):
        fake_api.ok(**listing([record(i) for i in range(start, start + count)], total=1100))
    assert len(Records(client).list(DOMAIN_ID)) == 1100
    assert [r['form']['offset'] for r in fake_api.requests] == ['0', '500', '1000']
