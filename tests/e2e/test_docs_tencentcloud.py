"""The migration guide (docs/docsite/rst/guide_tencentcloud.rst) as written: its playbook, taken from
the guide, run once with the DNSPod token it replaces and once with the key pair it shows, against the
emulator's two APIs. "The same playbook, other credentials": a zone converged over one API is
converged over the other (same domains and records, no write), and each run speaks only its own API."""
import os
import re

import pytest

from seeds import TOKEN, write_actions

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
GUIDE = os.path.join(REPO, 'docs', 'docsite', 'rst', 'guide_tencentcloud.rst')
# The key pair of the emulator's default account (docs/emulator.md).
KEYS = {'vault_tencentcloud_secret_id': 'AKID10000EMULATOR', 'vault_tencentcloud_secret_key': 'emulator-secret-key-10000'}
KEY_LINES = re.compile(r'^(\s*)secret_id: "\{\{ vault_tencentcloud_secret_id \}\}"\n\s*secret_key: "\{\{ vault_tencentcloud_secret_key \}\}"\n',
                       re.M)


def guide_block(after, language='yaml'):
    """The first ``.. code-block:: language`` after the text ``after`` of the guide, unindented."""
    with open(GUIDE, encoding='utf-8') as handle:
        text = handle.read()
    head = text.index('.. code-block:: %s\n' % language, text.index(after))
    lines = text[text.rindex('\n', 0, head) + 1:].split('\n')
    indent = len(lines[0]) - len(lines[0].lstrip())
    body = []
    for line in lines[1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    width = min(len(line) - len(line.lstrip()) for line in body if line.strip())
    return '\n'.join(line[width:] for line in body).strip('\n') + '\n'


def versions():
    """The guide's playbook (key pair) and the same playbook with the token of its ``# was:`` line."""
    keypair = guide_block('Moving a playbook from a DNSPod token to a key pair')
    was = re.search(r'# was: (login_token: "\{\{ vault_dnspod_token \}\}")', keypair)
    assert was and KEY_LINES.search(keypair), keypair
    token = KEY_LINES.sub(lambda m: m.group(1) + was.group(1) + '\n', keypair)
    assert 'secret_id' not in token and 'secret_key' not in token
    return {'dnspod': (token, {'vault_dnspod_token': TOKEN}), 'tencentcloud': (keypair, KEYS)}


def traditional(action):
    return '.' in action   # Record.List; API 3.0 actions are DescribeRecordList


@pytest.mark.parametrize('first, second', [('dnspod', 'tencentcloud'), ('tencentcloud', 'dnspod')])
def test_the_same_playbook_with_other_credentials(play, emulator, ansible_env, tmp_path, first, second):
    emulator.reset()
    ansible_env.pop('DNSPOD_LOGIN_TOKEN', None)
    for key in [k for k in ansible_env if k.startswith('TENCENTCLOUD_')]:
        ansible_env.pop(key)
    playbooks = versions()
    paths = {}
    for backend, (text, _vars) in playbooks.items():
        paths[backend] = str(tmp_path / ('dns-%s.yml' % backend))
        with open(paths[backend], 'w', encoding='utf-8') as handle:
            handle.write(text)

    created = play(paths[first], playbooks[first][1])
    assert created.rc == 0 and created.stat('changed') == 2, created
    requests = emulator.requests()
    assert requests and all(traditional(r['action']) == (first == 'dnspod') for r in requests), requests
    assert len(write_actions(requests)) >= 4  # the domain, its remark, two records

    start = len(requests)
    dry = play(paths[second], playbooks[second][1], check=True, diff=True)
    again = play(paths[second], playbooks[second][1])
    assert dry.stat('changed') == 0 and again.rc == 0 and again.stat('changed') == 0, again
    after = emulator.requests()[start:]
    assert after and all(traditional(r['action']) == (second == 'dnspod') for r in after), after
    assert write_actions(after) == []
