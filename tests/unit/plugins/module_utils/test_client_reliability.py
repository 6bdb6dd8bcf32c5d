"""The client against the real emulator (in a thread): refused logins and D-Token demands send one
call and are never retried, the cross-task refused-login marker (LoginLatch), and TLS with a test CA."""
import datetime
import ipaddress
import json
import os
import stat
import sys
import threading

import pytest

from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.domains import Domains
from ansible_collections.dnspod.dnspod.plugins.module_utils.client import DNSPodClient, LoginLatch
from ansible_collections.dnspod.dnspod.plugins.module_utils.dnspod_api.records import Records
from ansible_collections.dnspod.dnspod.plugins.module_utils.errors import (
    DNSPodAPIError, DNSPodConfigError, DNSPodTransportError)

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

import emulator  # noqa: E402  pylint: disable=wrong-import-position

TOKEN = '10000,0123456789abcdef0123456789abcdef'
SECRET = TOKEN.split(',')[1]
PASSWORD = 'emulator-password'
DTOKEN = '424242'


def account_seed(**settings):
    return {'settings': settings, 'accounts': [
        {'user_id': 10000, 'email': 'api@example.com', 'login_token': TOKEN, 'password': PASSWORD,
         'domains': [{'name': 'example.com', 'id': 1001}]},
        {'user_id': 10001, 'email': 'dtoken@example.com', 'password': PASSWORD, 'dtoken': True,
         'dtoken_code': DTOKEN, 'domains': [{'name': 'example.org', 'id': 1002}]}]}


class Running(object):
    def __init__(self, server):
        self.server = server
        self.url = server.base_url

    def log(self):
        with self.server.state.lock:
            return [dict(e) for e in self.server.state.requests]


@pytest.fixture
def start():
    servers = []

    def run(seed=None, tls=None):
        server = emulator.make_server(seed=seed if seed is not None else account_seed(), port=0, tls=tls)
        thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
        thread.daemon = True
        thread.start()
        servers.append((server, thread))
        return Running(server)

    yield run
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(5)


def new_task(emu, latch_dir, **kwargs):
    """A client as one Ansible task builds it (a new process: only the marker directory is shared)."""
    kwargs.setdefault('login_token', TOKEN)
    return DNSPodClient(api_url=emu.url, sleep=lambda s: None, login_latch_dir=str(latch_dir), **kwargs)


# ---- one call, no retry, a hint; latched across tasks for the refused logins -------------------

LOGIN_CASES = [
    # (case, client kwargs, fault rule or None, code, latched across tasks, words of the hint)
    ('wrong password', dict(login_token=None, login_email='api@example.com', login_password='wrong-password'),
     None, '-1', True, 'login_token'),
    ('invalid token', dict(login_token='10000,ffffffffffffffffffffffffffffffff'), None, '10002', True, 'login_token'),
    ('unknown token id', dict(login_token='99999,ffffffffffffffffffffffffffffffff'), None, '10002', True,
     'login_token'),
    ('locked account', {}, {'kind': 'code', 'code': '-8', 'times': 0}, '-8', True, 'hour'),
    ('D-Token code needed', dict(login_token=None, login_email='dtoken@example.com', login_password=PASSWORD),
     None, '50', True, 'login_code'),
    ('D-Token not enabled', {}, {'kind': 'code', 'code': '51', 'times': 0}, '51', False, 'login_code'),
    ('wrong D-Token code', dict(login_token=None, login_email='dtoken@example.com', login_password=PASSWORD,
                                login_code='000000'), None, '52', True, 'fresh code'),
    ('D-Token already on', {}, {'kind': 'code', 'code': '53', 'times': 0}, '53', False, 'D-Token'),
    ('owner has D-Token', {}, {'kind': 'code', 'code': '54', 'times': 0}, '54', False, 'enable D-Token'),
    ('logged in elsewhere', {}, {'kind': 'code', 'code': '85', 'times': 0}, '85', False, 'credentials'),
    ('function paused', {}, {'kind': 'code', 'code': '-99', 'times': 0}, '-99', False, 'later'),
]


@pytest.mark.parametrize('case, kwargs, fault, code, latched, hint', LOGIN_CASES, ids=[c[0] for c in LOGIN_CASES])
def test_refusals_send_one_call_and_say_what_to_do(start, tmp_path, case, kwargs, fault, code, latched, hint):
    emu = start()
    if fault:
        emu.server.faults.replace([fault])
    first = new_task(emu, tmp_path, **kwargs)
    with pytest.raises(DNSPodAPIError) as info:
        Domains(first).get('example.com')
    assert info.value.code == code, case
    assert hint in str(info.value), str(info.value)
    assert len(emu.log()) == 1 and first.calls == 1, case
    with pytest.raises(DNSPodAPIError):          # the same task again: in-process latch or one more try
        Records(first).list('1001')
    # thirty later tasks with the same credentials
    for _attempt in range(30):
        later = new_task(emu, tmp_path, **kwargs)
        with pytest.raises(DNSPodAPIError) as again:
            Domains(later).get('example.com')
        assert again.value.code == code
    sent = len(emu.log())
    if latched:
        assert sent == 1, (case, sent)
        assert 'not sent' in str(again.value) and 'delete' in str(again.value)
    else:
        assert sent == 1 + 1 + 30, (case, sent)        # one call per task, never a retry
    for secret in (SECRET, PASSWORD, '000000'):
        assert all(secret not in name for name in os.listdir(str(tmp_path)))
    assert emu.server.state.accounts[0].locked_until == 0 or code == '-8'
    save_figures(case, {'code': code, 'tasks': 31, 'calls sent': sent, 'retries': 0, 'latched across tasks': latched})


def save_figures(case, figures):
    """One line per refusal kind in .cache/reliability/login_codes.json (docs/reliability.md)."""
    path = os.path.join(TESTS_DIR, '..', '.cache', 'reliability', 'login_codes.json')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding='utf-8') as handle:
            table = json.load(handle)
    except (OSError, ValueError):
        table = {}
    table[case] = figures
    with open(path, 'w', encoding='utf-8') as handle:
        json.dump(table, handle, indent=1, sort_keys=True)


def test_thirty_failed_tasks_do_not_lock_the_account(start, tmp_path):
    emu = start(account_seed(lockout_failures=3))
    for _attempt in range(30):
        with pytest.raises(DNSPodAPIError):
            Domains(new_task(emu, tmp_path, login_token='10000,ffffffffffffffffffffffffffffffff')).get('example.com')
    assert [e['code'] for e in emu.log()] == ['10002']
    assert Domains(new_task(emu, tmp_path)).get('example.com')['name'] == 'example.com'
    # without the marker the same thirty tasks lock it
    for _attempt in range(30):
        with pytest.raises(DNSPodAPIError):
            Domains(DNSPodClient(api_url=emu.url, login_token='10000,ffffffffffffffffffffffffffffffff',
                                 login_latch_dir=False)).get('example.com')
    with pytest.raises(DNSPodAPIError) as info:
        Domains(new_task(emu, tmp_path / 'other')).get('example.com')
    assert info.value.code == '-8'


def test_a_new_credential_is_tried_at_once(start, tmp_path):
    emu = start()
    dtoken = dict(login_token=None, login_email='dtoken@example.com', login_password=PASSWORD)
    with pytest.raises(DNSPodAPIError) as info:
        Domains(new_task(emu, tmp_path, **dtoken)).get('example.org')
    assert info.value.code == '50'
    assert Domains(new_task(emu, tmp_path, login_code=DTOKEN, **dtoken)).get('example.org')['id'] == '1002'
    assert [e['code'] for e in emu.log()] == ['50', '1']


def test_success_is_never_latched(start, tmp_path):
    emu = start()
    client = new_task(emu, tmp_path)
    Domains(client).get('example.com')
    emu.server.faults.replace([{'kind': 'code', 'code': '-1'}])
    with pytest.raises(DNSPodAPIError):
        Domains(client).get('example.com')       # after a success: a -1 is not a verdict on the credentials
    assert [name for name in os.listdir(str(tmp_path)) if name.endswith('.json')] == []


# ---- the marker itself -----------------------------------------------------------------------

def test_latch_file_expiry_and_permissions(tmp_path):
    now = [1000.0]
    directory = tmp_path / 'latch'
    latch = LoginLatch(str(directory), 'https://dnsapi.cn', ('cn', TOKEN, None, None, None), clock=lambda: now[0])
    latch.write(DNSPodAPIError('Domain.Info', '10002', 'The login token ID is invalid'))
    assert stat.S_IMODE(os.stat(str(directory)).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(latch.path).st_mode) == 0o600
    text = open(latch.path).read()
    assert SECRET not in text and SECRET not in latch.path and '10000' not in os.path.basename(latch.path)
    assert json.loads(text)['code'] == '10002'
    assert latch.read()['code'] == '10002'
    now[0] += 299
    assert latch.read() is not None
    now[0] += 2
    assert latch.read() is None and not os.path.exists(latch.path)
    latch.write(DNSPodAPIError('Domain.Info', '-8', 'account locked after too many login failures'))
    now[0] += 3599
    assert latch.read()['code'] == '-8'
    other_url = LoginLatch(str(directory), 'https://api.dnspod.com', ('cn', TOKEN, None, None, None))
    other_token = LoginLatch(str(directory), 'https://dnsapi.cn', ('cn', TOKEN + 'x', None, None, None))
    assert len({latch.path, other_url.path, other_token.path}) == 3


def test_latch_ignores_an_unsafe_directory(tmp_path):
    directory = tmp_path / 'shared'
    directory.mkdir()
    os.chmod(str(directory), 0o777)
    latch = LoginLatch(str(directory), 'https://dnsapi.cn', ('cn', TOKEN, None, None, None))
    latch.write(DNSPodAPIError('Domain.Info', '-1', 'Login fail'))
    assert os.listdir(str(directory)) == []
    with open(latch.path, 'w') as handle:          # planted by someone else: not believed
        json.dump({'code': '-1', 'expires': 9e12}, handle)
    assert latch.read() is None


def test_latch_off_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv('DNSPOD_LOGIN_LATCH_DIR', 'off')
    assert DNSPodClient(api_url='http://127.0.0.1:1', login_token=TOKEN)._latch is None
    monkeypatch.setenv('DNSPOD_LOGIN_LATCH_DIR', str(tmp_path))
    assert DNSPodClient(api_url='http://127.0.0.1:1', login_token=TOKEN)._latch.directory == str(tmp_path)


# ---- TLS with a test CA ----------------------------------------------------------------------

def make_ca_and_server_cert(directory):
    """A throw-away CA and a certificate for 127.0.0.1/localhost signed by it (PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def name(common):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (x509.CertificateBuilder().subject_name(name('dnspod.dnspod test CA')).issuer_name(name('dnspod.dnspod test CA'))
               .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(hours=1))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                            crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
               .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name('localhost')).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName('localhost'),
                                                        x509.IPAddress(ipaddress.ip_address('127.0.0.1'))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = {}
    for label, data in (('ca', ca_cert.public_bytes(serialization.Encoding.PEM)),
                        ('cert', cert.public_bytes(serialization.Encoding.PEM)),
                        ('key', key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))):
        paths[label] = str(directory / ('%s.pem' % label))
        with open(paths[label], 'wb') as handle:
            handle.write(data)
    return paths


@pytest.fixture
def tls_emulator(start, tmp_path):
    pytest.importorskip('cryptography')
    paths = make_ca_and_server_cert(tmp_path)
    emu = start(tls=(paths['cert'], paths['key']))
    assert emu.url.startswith('https://127.0.0.1:')
    return emu, paths


def test_tls_rejected_without_the_ca_bundle(tls_emulator, tmp_path, monkeypatch):
    emu, _paths = tls_emulator
    for variable in ('REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'SSL_CERT_FILE'):
        monkeypatch.delenv(variable, raising=False)
    client = new_task(emu, tmp_path)
    with pytest.raises(DNSPodTransportError) as info:
        Domains(client).get('example.com')
    assert 'TLS' in str(info.value) and info.value.attempts == 1
    assert emu.log() == [] and client.calls == 1


def test_tls_accepted_with_the_ca_bundle(tls_emulator, tmp_path):
    emu, paths = tls_emulator
    for url in (emu.url, emu.url.replace('127.0.0.1', 'localhost')):
        client = DNSPodClient(api_url=url, login_token=TOKEN, ca_path=paths['ca'], login_latch_dir=False)
        assert Domains(client).get('example.com')['name'] == 'example.com'
    assert [e['code'] for e in emu.log()] == ['1', '1']


@pytest.mark.parametrize('url', ['http://192.0.2.10', 'http://dnsapi.cn', 'http://example.com:8080/',
                                 'http://[2001:db8::1]', 'http://127.0.0.1.example.com'])
def test_plain_http_to_a_remote_host_is_refused(url):
    with pytest.raises(DNSPodConfigError) as info:
        DNSPodClient(api_url=url, login_token=TOKEN)
    assert 'https' in str(info.value) and SECRET not in str(info.value)


@pytest.mark.parametrize('url', ['http://127.0.0.1:8080', 'http://localhost', 'http://[::1]:9000', 'https://dnsapi.cn'])
def test_https_or_loopback_http_is_accepted(url):
    assert DNSPodClient(api_url=url, login_token=TOKEN, login_latch_dir=False).calls == 0


def test_validate_certs_false_prints_no_urllib3_warning(tls_emulator):
    """The task result says it once (common.tls_warnings); urllib3's InsecureRequestWarning on
    stderr, which the worker run used to print for every request, stays silent."""
    import warnings
    emu, _paths = tls_emulator
    client = DNSPodClient(api_url=emu.url, login_token=TOKEN, validate_certs=False, login_latch_dir=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        assert Domains(client).get('example.com')['name'] == 'example.com'
    assert [str(w.category.__name__) for w in caught] == []
