"""End-to-end harness: the collection is built and installed from its tarball, the DNSPod emulator
runs as a real HTTP server, and playbooks run through ansible-playbook with real module execution.

Tests assert three things: the playbook's own assertions (module results), the PLAY RECAP, and the
emulator's request log (which calls and writes the collection sent).
"""
import glob
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


class Emulator:
    def __init__(self, proc, base_url):
        self.proc = proc
        self.url = base_url

    def _open(self, path, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        req = urllib.request.Request(self.url + path, data=data, method='POST' if body is not None else 'GET',
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read().decode('utf-8') or 'null')

    def reset(self, seed=None):
        """Replace the whole state with `seed` (default: the built-in account) and clear the log."""
        self._open('/_emulator/reset', seed if seed is not None else {})

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


@pytest.fixture
def ansible_env(collections_path, emulator):
    env = dict(os.environ)
    for key in list(env):
        if key.startswith('DNSPOD_') or key.startswith('ANSIBLE_'):
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
        DNSPOD_LOGIN_TOKEN=DEFAULT_TOKEN,
    )
    return env


@pytest.fixture
def play(ansible_env):
    """Run a playbook of tests/e2e/playbooks; returns a PlaybookResult."""
    def run(name, extra_vars=None, check=False, diff=False, env=None, verbosity=0, expect_failure=False, args=()):
        cmd = [os.path.join(BIN, 'ansible-playbook'), os.path.join(PLAYBOOKS, name)]
        if extra_vars:
            cmd += ['-e', json.dumps(extra_vars)]
        if check:
            cmd.append('--check')
        if diff:
            cmd.append('--diff')
        if verbosity:
            cmd.append('-' + 'v' * verbosity)
        cmd += list(args)
        run_env = dict(ansible_env)
        run_env.update(env or {})
        proc = subprocess.run(cmd, capture_output=True, text=True, env=run_env, cwd=PLAYBOOKS, timeout=600,
                              check=False)
        result = PlaybookResult(proc)
        if expect_failure:
            assert result.rc != 0, result
        else:
            assert result.rc == 0, result
        return result
    return run
