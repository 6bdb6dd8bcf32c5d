"""The demo through ansible-runner, the way AWX / Automation Controller runs a job: a private data
directory with the project, an inventory, extra vars, and the credential injected as environment
variables by a custom credential type of docs/awx/: credential_type.yml (a DNSPod token, the traditional
API) or credential_type_tencentcloud.yml (a Tencent Cloud key pair, API 3.0 of the emulator). Two
ansible-runner jobs (two ansible-playbook runs): the first succeeds, the second changes nothing; no secret
in the job events.

What ansible-runner itself writes (see docs/docsite/rst/awx.rst): artifacts/<ident>/ holds `command`
(the command line, the working directory and the whole environment of the job, injected credentials
included: it is written by ansible-runner, not by the collection), `env` is not written, `job_events/`
(one JSON file per event: task results, which the collection keeps free of secrets), `stdout`,
`status`, `rc` and `fact_cache/`."""
import glob
import json
import os
import shutil
import subprocess
import sys

import jinja2
import pytest
import yaml

from seeds import TOKEN as DEFAULT_TOKEN

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.dirname(sys.executable)
SECRET = DEFAULT_TOKEN.split(',')[1]
# The key pair of the emulator's default account (docs/emulator.md).
SECRET_ID, SECRET_KEY = 'AKID10000EMULATOR', 'emulator-secret-key-10000'
# credential type -> (its inputs but the API URL, the secret no job event may show, the variables it must inject)
CREDENTIALS = {
    'credential_type.yml': ({'login_token': DEFAULT_TOKEN}, SECRET, {'DNSPOD_LOGIN_TOKEN': DEFAULT_TOKEN, 'DNSPOD_USER_ID': ''}),
    'credential_type_tencentcloud.yml': ({'secret_id': SECRET_ID, 'secret_key': SECRET_KEY}, SECRET_KEY,
                                         {'TENCENTCLOUD_SECRET_ID': SECRET_ID, 'TENCENTCLOUD_SECRET_KEY': SECRET_KEY,
                                          'TENCENTCLOUD_SESSION_TOKEN': ''}),
}


def credential_env(inputs, name='credential_type.yml'):
    """Render the injectors of the credential type as AWX does (Jinja2 over the credential's inputs)."""
    with open(os.path.join(REPO, 'docs', 'awx', name), encoding='utf-8') as fh:
        cred_type = yaml.safe_load(fh)
    fields = [f['id'] for f in cred_type['inputs']['fields']]
    assert set(cred_type['inputs']['required']) <= set(fields)
    assert set(inputs) <= set(fields)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return dict((name, env.from_string(template).render(**inputs))
                for name, template in cred_type['injectors']['env'].items())


def make_private_data_dir(root, collections_path, env):
    os.makedirs(os.path.join(root, 'project'))
    os.makedirs(os.path.join(root, 'inventory'))
    os.makedirs(os.path.join(root, 'env'))
    shutil.copy(os.path.join(REPO, 'playbooks', 'demo.yml'), os.path.join(root, 'project', 'demo.yml'))
    with open(os.path.join(root, 'inventory', 'hosts'), 'w') as fh:
        fh.write('localhost ansible_connection=local ansible_python_interpreter=%s\n' % sys.executable)
    with open(os.path.join(root, 'env', 'extravars'), 'w') as fh:
        yaml.safe_dump({'demo_domain': 'runner-example.com'}, fh)
    with open(os.path.join(root, 'env', 'envvars'), 'w') as fh:
        yaml.safe_dump(dict(env, ANSIBLE_COLLECTIONS_PATH=collections_path, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false',
                            ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_NOCOLOR='1',
                            ANSIBLE_LOCAL_TEMP=os.path.join(root, 'tmp')), fh)


def run_job(root, ident, env):
    proc = subprocess.run([os.path.join(BIN, 'ansible-runner'), 'run', root, '-p', 'demo.yml', '--ident', ident],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    artifacts = os.path.join(root, 'artifacts', ident)
    with open(os.path.join(artifacts, 'status')) as fh:
        status = fh.read().strip()
    events = []
    for path in sorted(glob.glob(os.path.join(artifacts, 'job_events', '*.json'))):
        with open(path, encoding='utf-8') as fh:
            events.append((path, fh.read()))
    return proc, status, events


def stats(events):
    for _path, text in events:
        event = json.loads(text)
        if event.get('event') == 'playbook_on_stats':
            return event['event_data']
    raise AssertionError('no playbook_on_stats event')


@pytest.mark.parametrize('cred_type', sorted(CREDENTIALS))
def test_demo_through_ansible_runner(collections_path, emulator, tmp_path, cred_type):
    inputs, secret, injected = CREDENTIALS[cred_type]
    root = str(tmp_path / 'job')
    cred = credential_env(dict(inputs, api_url=emulator.url), cred_type)
    assert dict((k, cred[k]) for k in injected) == injected and cred['DNSPOD_API_URL'] == emulator.url
    make_private_data_dir(root, collections_path, cred)
    # The job's own environment: nothing of the caller's DNSPOD_*/TENCENTCLOUD_*/ANSIBLE_* settings.
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('DNSPOD_', 'TENCENTCLOUD_', 'ANSIBLE_')))
    env['PATH'] = BIN + os.pathsep + env.get('PATH', '')

    proc, status, events = run_job(root, 'job1', env)
    assert status == 'successful', proc.stdout[-4000:] + proc.stderr[-2000:]
    first = stats(events)
    assert first['failures'] == {} and first['changed'].get('localhost', 0) > 0
    writes = len(emulator.writes())
    assert writes > 0
    # The API the credentials select: API 3.0 actions (DescribeRecordList) for a key pair, the
    # traditional ones (Record.List) for a token; never both.
    actions = set(r['action'] for r in emulator.requests())
    expected = 'DescribeRecordList' if 'secret_id' in inputs else 'Record.List'
    assert expected in actions and all(('.' in a) == ('.' in expected) for a in actions), sorted(actions)

    proc, status, events2 = run_job(root, 'job2', env)
    assert status == 'successful', proc.stdout[-4000:]
    second = stats(events2)
    assert second['changed'].get('localhost', 0) == 0 and second['ok']['localhost'] > 0
    assert len(emulator.writes()) == writes

    # No secret in what the job reports: events and stdout.
    for path, text in events + events2:
        assert secret not in text, path
    for ident in ('job1', 'job2'):
        with open(os.path.join(root, 'artifacts', ident, 'stdout'), encoding='utf-8') as fh:
            assert secret not in fh.read()
    # What ansible-runner writes itself: the job's environment, injected credential included, in `command`.
    holders = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, '**', '*'), recursive=True)
                     if os.path.isfile(p) and secret in open(p, encoding='utf-8', errors='replace').read())
    assert holders == ['artifacts/job1/command', 'artifacts/job2/command', 'env/envvars'], holders
