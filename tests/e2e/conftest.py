"""End-to-end harness: the collection is built and installed from its tarball, the DNSPod emulator
runs as a real HTTP server, and playbooks run through ansible-playbook with real module execution.

Tests assert three things: the playbook's own assertions (module results), the PLAY RECAP, and the
emulator's request log (which calls and writes the collection sent).
"""
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.request

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PLAYBOOKS = os.path.join(os.path.dirname(__file__), 'playbooks')
BIN = os.path.dirname(sys.executable)
DEFAULT_TOKEN = '10000,0123456789abcdef0123456789abcdef'
# The emulator's default key pair (Tencent Cloud API 3.0): docs/emulator.md.
DEFAULT_SECRET_ID = 'AKID10000EMULATOR'
DEFAULT_SECRET_KEY = 'emulator-secret-key-10000'
# What a playbook run gets in its environment on each backend: only that backend's credentials, so
# the modules choose the API from them (api_backend: auto), as a user's job would.
BACKEND_ENV = {
    'dnspod': {'DNSPOD_LOGIN_TOKEN': DEFAULT_TOKEN},
    'tencentcloud': {'TENCENTCLOUD_SECRET_ID': DEFAULT_SECRET_ID, 'TENCENTCLOUD_SECRET_KEY': DEFAULT_SECRET_KEY},
}
RECAP = re.compile(r'^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+'
                   r'skipped=(\d+)\s+rescued=(\d+)\s+ignored=(\d+)', re.M)


def _run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)
    if proc.returncode != 0:
        raise AssertionError('%s failed (%d):\n%s\n%s' % (' '.join(cmd), proc.returncode, proc.stdout, proc.stderr))
    return proc


@pytest.fixture(scope='session')
def collections_path(tmp_path_factory):
    """Build the collection tarball and install it offline: e2e tests run against what users install."""
    work = tmp_path_factory.mktemp('collection')
    dist = work / 'dist'
    installed = work / 'installed'
    _run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', REPO, '--output-path', str(dist), '--force'])
    tarballs = glob.glob(str(dist / 'dnspod-dnspod-*.tar.gz'))
    assert len(tarballs) == 1, tarballs
    _run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', tarballs[0], '-p', str(installed),
          '--offline', '--force'])
    assert os.path.isfile(str(installed / 'ansible_collections' / 'dnspod' / 'dnspod' / 'MANIFEST.json'))
    return str(installed)


# Keys whose values are secrets, in seeds and extra vars: checked by `play` (see _leaks).
SECRET_KEYS = frozenset(['login_token', 'user_token', 'password', 'login_password', 'login_code', 'dtoken_code',
                         'secret_key', 'session_token',
                         'old_password', 'new_password', 'lock_code', 'callback_key', 'verify_code'])
SECRET_ENV = ('DNSPOD_LOGIN_TOKEN', 'DNSPOD_LOGIN_PASSWORD', 'DNSPOD_LOGIN_CODE', 'TENCENTCLOUD_SECRET_KEY',
              'TENCENTCLOUD_SESSION_TOKEN')
DEFAULT_SEED_SECRETS = (DEFAULT_TOKEN, 'emulator-password', DEFAULT_SECRET_KEY)
DEFAULT_SECRETS = {'login_token': DEFAULT_TOKEN, 'password': 'emulator-password', 'secret_key': DEFAULT_SECRET_KEY}


def secrets_in(value, key=None, found=None):
    """{secret value: key} of every secret-looking key in a seed or extra vars (4+ characters);
    a token `ID,TOKEN` also gives its TOKEN part."""
    found = {} if found is None else found
    if isinstance(value, dict):
        for k, v in value.items():
            secrets_in(v, str(k), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            secrets_in(item, key, found)
    elif isinstance(value, str) and key is not None and (key in SECRET_KEYS or key.endswith(('_password', '_token'))):
        for part in (value, value.split(',', 1)[-1]):
            if len(part.strip()) >= 4:
                found[part.strip()] = key
    return found


def _leaks(secrets, texts):
    """[(key, place)] of the secrets found in texts ({place: text}), as whole words."""
    leaks = []
    for secret, key in secrets.items():
        pattern = re.compile(r'(?<![0-9A-Za-z])%s(?![0-9A-Za-z])' % re.escape(secret))
        for place, text in texts.items():
            if pattern.search(text):
                leaks.append((key, place))
    return leaks


# What the secret scan of `play` covered in this pytest session (written to
# .cache/reliability/secrets.json at the end; docs/reliability.md quotes it).
SCAN_STATS = {'playbook runs at -vvv': 0, 'distinct secret values checked': 0, 'output characters scanned': 0,
              'request-log entries scanned': 0, 'leaks': 0}
_SCANNED_SECRETS = set()


# DNSPOD_FIGURES_DIR: where the matrix's runs on other cores put theirs (noxfile.py), so that they
# leave the figures of the full run, which docs/reliability.md quotes, alone.
FIGURES_DIR = os.environ.get('DNSPOD_FIGURES_DIR') or os.path.join(REPO, '.cache', 'reliability')
COUNTED = ('playbook runs at -vvv', 'output characters scanned', 'request-log entries scanned', 'leaks')


def _xdist_worker():
    return os.environ.get('PYTEST_XDIST_WORKER')


def _scan_parts():
    return glob.glob(os.path.join(FIGURES_DIR, 'secrets-part-*.json'))


def pytest_sessionstart(session):  # pylint: disable=unused-argument
    if not _xdist_worker():
        for part in _scan_parts():
            os.remove(part)


def pytest_terminal_summary(terminalreporter):
    """Sum the figures of every process (pytest-xdist workers each scan their own playbook runs)."""
    if _xdist_worker():
        return
    totals = dict((key, 0) for key in COUNTED)
    hashes = set()
    for part in _scan_parts():
        with open(part, encoding='utf-8') as handle:
            figures = json.load(handle)
        for key in COUNTED:
            totals[key] += figures[key]
        hashes.update(figures['secret sha256'])
    if not totals['playbook runs at -vvv']:
        return
    totals['distinct secret values checked'] = len(hashes)
    with open(os.path.join(FIGURES_DIR, 'secrets.json'), 'w', encoding='utf-8') as handle:
        json.dump(totals, handle, indent=1, sort_keys=True)
    terminalreporter.write_line('e2e secret scan: %s' % json.dumps(totals, sort_keys=True))


@pytest.fixture(scope='session', autouse=True)
def _secret_scan_figures():
    """This process's figures, as a part file the summary adds up (hashes, never the secrets)."""
    yield
    if SCAN_STATS['playbook runs at -vvv']:
        os.makedirs(FIGURES_DIR, exist_ok=True)
        figures = dict((key, SCAN_STATS[key]) for key in COUNTED)
        figures['secret sha256'] = sorted(hashlib.sha256(secret.encode('utf-8')).hexdigest()
                                          for secret in _SCANNED_SECRETS)
        name = 'secrets-part-%s.json' % (_xdist_worker() or 'main')
        with open(os.path.join(FIGURES_DIR, name), 'w', encoding='utf-8') as handle:
            json.dump(figures, handle, indent=1, sort_keys=True)


class Emulator:
    def __init__(self, proc, base_url):
        self.proc = proc
        self.url = base_url
        self.secrets = secrets_in(DEFAULT_SECRETS)

    def _open(self, path, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        req = urllib.request.Request(self.url + path, data=data, method='POST' if body is not None else 'GET',
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read().decode('utf-8') or 'null')

    def reset(self, seed=None):
        """Replace the whole state with `seed` (default: the built-in account) and clear the log."""
        self._open('/_emulator/reset', seed if seed is not None else {})
        self.secrets = secrets_in(DEFAULT_SECRETS)
        secrets_in(seed or {}, None, self.secrets)

    def add_secrets(self, doc):
        """Also scan the playbook runs for the secrets of ``doc`` (a seed the playbook itself loads)."""
        secrets_in(doc, None, self.secrets)

    def faults(self, rules):
        """Make the emulator misbehave (rules: docs/emulator.md "Fault injection"); [] clears.
        Returns the report of GET /_emulator/faults."""
        return self._open('/_emulator/faults', list(rules))

    def fault_report(self):
        """{'injected': n, 'faults': [rule with its 'matched'/'spoiled' counts]}."""
        return self._open('/_emulator/faults')

    def requests(self):
        return self._open('/_emulator/requests')

    def writes(self):
        return [r for r in self.requests() if r['write']]

    def state(self):
        return self._open('/_emulator/state')


@pytest.fixture(scope='session')
def emulator_server():
    proc = subprocess.Popen([sys.executable, os.path.join(REPO, 'tests', 'emulator', 'serve.py'), '--port', '0'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base_url = proc.stdout.readline().strip()
    assert base_url.startswith('http://127.0.0.1:'), base_url + proc.stderr.read()
    yield Emulator(proc, base_url)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def emulator(emulator_server):
    emulator_server.reset()
    return emulator_server


class PlaybookResult:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.hosts = {}
        for match in RECAP.finditer(proc.stdout):
            keys = ('ok', 'changed', 'unreachable', 'failed', 'skipped', 'rescued', 'ignored')
            self.hosts[match.group(1)] = dict(zip(keys, (int(g) for g in match.groups()[1:])))

    def stat(self, key, host='localhost'):
        return self.hosts[host][key]

    def __repr__(self):
        return 'rc=%s\n--- stdout\n%s\n--- stderr\n%s' % (self.rc, self.stdout[-6000:], self.stderr[-3000:])


def pytest_configure(config):
    config.addinivalue_line('markers', 'backends(*names): run the test once per API backend named '
                                       '(dnspod, tencentcloud); unmarked tests run on dnspod')


def pytest_generate_tests(metafunc):
    marker = metafunc.definition.get_closest_marker('backends')
    if marker is not None and 'backend' in metafunc.fixturenames:
        metafunc.parametrize('backend', list(marker.args), indirect=True)


@pytest.fixture
def backend(request):
    """The API the playbook runs use: 'dnspod' (the traditional API, with the emulator's token) or
    'tencentcloud' (API 3.0, with the emulator's key pair only). See the ``backends`` marker."""
    return getattr(request, 'param', 'dnspod')


# The API 3.0 action behind each traditional action the backend-neutral tests name (the second
# column of docs/endpoints.md), and the parameter names they read from the request log.
TENCENTCLOUD_ACTIONS = {
    'Domain.Info': 'DescribeDomain', 'Domain.List': 'DescribeDomainList', 'Domain.Create': 'CreateDomain',
    'Domain.Remove': 'DeleteDomain', 'Domain.Remark': 'ModifyDomainRemark', 'Domain.Status': 'ModifyDomainStatus',
    'Domain.Changegroup': 'ModifyDomainToGroup',
    'Record.List': 'DescribeRecordList', 'Record.Create': 'CreateRecord', 'Record.Modify': 'ModifyRecord',
    'Record.Remove': 'DeleteRecord', 'Record.Status': 'ModifyRecordStatus', 'Record.Remark': 'ModifyRecordRemark',
    'Record.Ddns': 'ModifyDynamicDNS',
}
TENCENTCLOUD_PARAMS = {'sub_domain': 'SubDomain', 'value': 'Value', 'domain': 'Domain', 'record_type': 'RecordType'}


class BackendNames:
    """The names a test reads in the emulator's request log, on the backend of its playbook runs:
    ``names.action('Record.Create')`` is 'CreateRecord' on tencentcloud."""

    def __init__(self, backend):
        self.backend = backend

    def action(self, name):
        return TENCENTCLOUD_ACTIONS[name] if self.backend == 'tencentcloud' else name

    def actions(self, *names):
        return [self.action(name) for name in names]

    def param(self, entry, name):
        key = TENCENTCLOUD_PARAMS[name] if self.backend == 'tencentcloud' else name
        return entry['params'].get(key)


@pytest.fixture
def api_names(backend):
    return BackendNames(backend)


@pytest.fixture
def ansible_env(collections_path, emulator, tmp_path_factory, backend):
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(('DNSPOD_', 'ANSIBLE_', 'TENCENTCLOUD_')):
            del env[key]
    env.update(
        ANSIBLE_COLLECTIONS_PATH=collections_path,
        ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false',
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_NOCOLOR='1',
        ANSIBLE_LOCALHOST_WARNING='false',
        ANSIBLE_INVENTORY_UNPARSED_WARNING='false',
        ANSIBLE_RETRY_FILES_ENABLED='false',
        ANSIBLE_DEPRECATION_WARNINGS='false',
        ANSIBLE_LOCAL_TEMP=os.path.join(os.path.dirname(collections_path), 'tmp'),
        DNSPOD_API_URL=emulator.url,
        # The client's cross-task refused-login marker (client.LoginLatch): one directory per test,
        # so a test never sees a marker another test left.
        DNSPOD_LOGIN_LATCH_DIR=str(tmp_path_factory.mktemp('login-latch')),
    )
    env.update(BACKEND_ENV[backend])
    return env


@pytest.fixture
def play(ansible_env, emulator):
    """Run a playbook of tests/e2e/playbooks; returns a PlaybookResult.

    Every run is at -vvv at least, and fails the test when a secret (of the seed last given to
    `emulator.reset`, of the extra vars, or of the DNSPOD_* credential variables) appears in its
    output or in the emulator's request log (the secrets row of docs/reliability.md)."""
    def run(name, extra_vars=None, check=False, diff=False, env=None, verbosity=3, expect_failure=False, args=()):
        cmd = [os.path.join(BIN, 'ansible-playbook'), os.path.join(PLAYBOOKS, name)]
        if extra_vars:
            cmd += ['-e', json.dumps(extra_vars)]
        if check:
            cmd.append('--check')
        if diff:
            cmd.append('--diff')
        cmd.append('-' + 'v' * max(3, verbosity or 0))
        cmd += list(args)
        run_env = dict(ansible_env)
        run_env.update(env or {})
        proc = subprocess.run(cmd, capture_output=True, text=True, env=run_env, cwd=PLAYBOOKS, timeout=600,
                              check=False)
        result = PlaybookResult(proc)
        secrets = dict(emulator.secrets)
        secrets_in(extra_vars or {}, None, secrets)
        secrets_in(dict((key.lower().split('_', 1)[1], run_env[key]) for key in SECRET_ENV if run_env.get(key)),
                   None, secrets)
        request_log = emulator.requests()
        leaks = _leaks(secrets, {'stdout': proc.stdout, 'stderr': proc.stderr,
                                 'the emulator request log': json.dumps(request_log, ensure_ascii=False)})
        SCAN_STATS['playbook runs at -vvv'] += 1
        SCAN_STATS['output characters scanned'] += len(proc.stdout) + len(proc.stderr)
        SCAN_STATS['request-log entries scanned'] += len(request_log)
        SCAN_STATS['leaks'] += len(leaks)
        _SCANNED_SECRETS.update(secrets)
        SCAN_STATS['distinct secret values checked'] = len(_SCANNED_SECRETS)
        assert not leaks, 'secrets leaked (key, where): %s\n%r' % (leaks, result)
        if expect_failure:
            assert result.rc != 0, result
        elif expect_failure is not None:  # None: the caller checks the outcome itself
            assert result.rc == 0, result
        return result
    return run
