"""The execution environment definition: `ansible-builder create` turns meta/execution-environment.yml
into a build context (no image is built here: there is no container runtime), and the AWX credential
types of docs/awx/ inject the variables the modules read."""
import os
import re
import subprocess
import sys

import jinja2
import pytest
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BUILDER = os.path.join(os.path.dirname(sys.executable), 'ansible-builder')


def read(*parts):
    with open(os.path.join(*parts), encoding='utf-8') as fh:
        return fh.read()


def requirement_names(text):
    return sorted(re.split(r'[<>=!~ ;\[]', line.strip())[0].lower() for line in text.splitlines()
                  if line.strip() and not line.strip().startswith('#'))


def test_ansible_builder_create(tmp_path):
    context = tmp_path / 'context'
    proc = subprocess.run([BUILDER, 'create', '-f', os.path.join(REPO, 'meta', 'execution-environment.yml'),
                           '-c', str(context), '--output-filename', 'Containerfile', '-v', '1'],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    containerfile = (context / 'Containerfile').read_text()
    assert 'FROM' in containerfile and 'quay.io/centos/centos:stream9' in containerfile
    assert 'ansible-galaxy collection install' in containerfile or 'install-from-bindep' in containerfile
    build = context / '_build'
    # The Python and system requirements and the collections are copied into the context as given.
    assert requirement_names((build / 'requirements.txt').read_text()) == ['dnspython', 'requests']
    assert 'python3.11' in (build / 'bindep.txt').read_text()
    galaxy = yaml.safe_load((build / 'requirements.yml').read_text())
    assert [c['name'] for c in galaxy['collections']] == ['dnspod.dnspod', 'community.crypto']


def test_ee_requirements_cover_the_plugins():
    names = requirement_names(read(REPO, 'meta', 'ee-requirements.txt'))
    assert 'requests' in names  # every module
    assert 'dnspython' in names  # plugins/filter/zone_file.py
    assert 'import dns.' in read(REPO, 'plugins', 'filter', 'zone_file.py')


def test_no_tencent_sdk_on_the_execution_environment():
    """API 3.0 requests are signed by the collection itself (TC3-HMAC-SHA256): no plugin imports
    Tencent's SDK, so the execution environment does not install it (it is a test dependency only)."""
    assert [n for n in requirement_names(read(REPO, 'meta', 'ee-requirements.txt')) if n.startswith('tencentcloud')] == []
    importers = []
    for directory, _dirs, files in os.walk(os.path.join(REPO, 'plugins')):
        for name in files:
            if name.endswith('.py'):
                text = read(directory, name)
                if re.search(r'^\s*(import|from)\s+tencentcloud\b', text, re.M):
                    importers.append(os.path.relpath(os.path.join(directory, name), REPO))
    assert importers == []


def fragment_env_vars():
    text = read(REPO, 'plugins', 'doc_fragments', 'dnspod.py')
    return set(re.findall(r'\b(?:DNSPOD|TENCENTCLOUD)_[A-Z_]+', text))


CREDENTIAL_TYPES = ['credential_type.yml', 'credential_type_email.yml', 'credential_type_tencentcloud.yml']


def test_the_credential_types_are_all_there():
    assert sorted(os.listdir(os.path.join(REPO, 'docs', 'awx'))) == sorted(CREDENTIAL_TYPES)
    playbook = read(REPO, 'playbooks', 'awx_credential_type.yml')
    assert [name for name in CREDENTIAL_TYPES if 'docs/awx/%s' % name not in playbook] == []


@pytest.mark.parametrize('name', CREDENTIAL_TYPES)
def test_awx_credential_types(name):
    cred = yaml.safe_load(read(REPO, 'docs', 'awx', name))
    assert set(cred) >= {'name', 'kind', 'inputs', 'injectors'}
    fields = dict((f['id'], f) for f in cred['inputs']['fields'])
    for secret in ('login_token', 'login_password', 'login_code', 'secret_key', 'session_token'):
        if secret in fields:
            assert fields[secret].get('secret') is True, secret
    env = cred['injectors']['env']
    assert not [k for k in env if k.startswith('ANSIBLE_')]  # reserved by AWX
    # Every injected variable is one the modules read.
    assert set(env) <= fragment_env_vars()
    # Every template names an input of the type.
    for template in env.values():
        assert re.match(r'^\{\{ (\w+)', template).group(1) in fields
    # A token, an e-mail and a key pair: never two of them injected together (the modules refuse both
    # at once).
    kinds = [kind for kind in ('DNSPOD_LOGIN_TOKEN', 'DNSPOD_LOGIN_EMAIL', 'TENCENTCLOUD_SECRET_ID') if kind in env]
    assert len(kinds) == 1, kinds
    # Given the required inputs only, the API URL is the default of the API the credentials select:
    # the traditional API's, or empty (unset) for a key pair, whose default is Tencent Cloud's.
    required = dict((field, 'x') for field in cred['inputs']['required'])
    rendered = dict((var, jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(template).render(**required))
                    for var, template in env.items())
    expected_url = '' if kinds == ['TENCENTCLOUD_SECRET_ID'] else 'https://dnsapi.cn'
    assert rendered['DNSPOD_API_URL'] == expected_url
