"""The demo through ansible-runner, the way AWX / Automation Controller runs a job: a private data
directory with the project, an inventory, extra vars, and the credential injected as environment
variables by the custom credential type of docs/awx/credential_type.yml. Two ansible-runner jobs
(two ansible-playbook runs): the first succeeds, the second changes nothing; no secret in the job events.

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
import yaml

from seeds import TOKEN as DEFAULT_TOKEN

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.dirname(sys.executable)
SECRET = DEFAULT_TOKEN.split(',')[1]


def credential_env(inputs):
    """Render the injectors of the credential type as AWX does (Jinja2 over the credential's inputs)."""
    with open(os.path.join(REPO, 'docs', 'awx', 'credential_type.yml'), encoding='utf-8') as fh:
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


def test_demo_through_ansible_runner(collections_path, emulator, tmp_path):
    root = str(tmp_path / 'job')
    cred = credential_env({'login_token': DEFAULT_TOKEN, 'api_url': emulator.url})
    assert cred['DNSPOD_LOGIN_TOKEN'] == DEFAULT_TOKEN and cred['DNSPOD_USER_ID'] == ''
    make_private_data_dir(root, collections_path, cred)
    # The job's own environment: nothing of the caller's DNSPOD_*/ANSIBLE_* settings.
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('DNSPOD_', 'ANSIBLE_')))
    env['PATH'] = BIN + os.pathsep + env.get('PATH', '')

    proc, status, events = run_job(root, 'job1', env)
    assert status == 'successful', proc.stdout[-4000:] + proc.stderr[-2000:]
    first = stats(events)
    assert first['failures'] == {} and first['changed'].get('localhost', 0) > 0
    writes = len(emulator.writes())
    assert writes > 0

    proc, status, events2 = run_job(root, 'job2', env)
    assert status == 'successful', proc.stdout[-4000:]
    second = stats(events2)
    assert second['changed'].get('localhost', 0) == 0 and second['ok']['localhost'] > 0
    assert len(emulator.writes()) == writes

    # No secret in what the job reports: events and stdout.
    for path, text in events + events2:
        assert SECRET not in text, path
    for ident in ('job1', 'job2'):
        with open(os.path.join(root, 'artifacts', ident, 'stdout'), encoding='utf-8') as fh:
            assert SECRET not in fh.read()
    # What ansible-runner writes itself: the job's environment, injected credential included, in `command`.
    holders = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, '**', '*'), recursive=True)
                     if os.path.isfile(p) and SECRET in open(p, encoding='utf-8', errors='replace').read())
    assert holders == ['artifacts/job1/command', 'artifacts/job2/command', 'env/envvars'], holders
