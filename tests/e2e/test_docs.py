"""ansible-doc renders every plugin of the installed collection; the action group lists every module."""
import os
import subprocess
import sys

import pytest
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
MODULES = sorted(f[:-3] for f in os.listdir(os.path.join(REPO, 'plugins', 'modules')) if f.endswith('.py'))


def ansible_doc(collections_path, *args):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_NOCOLOR='1')
    return subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-doc')] + list(args),
                          capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize('module', MODULES)
def test_module_docs_render(collections_path, module):
    proc = ansible_doc(collections_path, 'dnspod.dnspod.' + module)
    assert proc.returncode == 0, proc.stderr
    assert 'EXAMPLES' in proc.stdout and 'RETURN VALUES' in proc.stdout
    for option in ('login_token', 'api_url', 'validate_certs'):
        assert option in proc.stdout


def test_lookup_docs_render(collections_path):
    proc = ansible_doc(collections_path, '-t', 'lookup', 'dnspod.dnspod.dnspod_record')
    assert proc.returncode == 0, proc.stderr
    assert 'DNSPOD_LOGIN_TOKEN' in proc.stdout


def test_action_group_lists_every_module():
    with open(os.path.join(REPO, 'meta', 'runtime.yml')) as fh:
        runtime = yaml.safe_load(fh)
    assert sorted(runtime['action_groups']['dnspod']) == MODULES
