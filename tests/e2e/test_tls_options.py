"""validate_certs: false gives a warning in the task result on both execution paths, and with
ca_path beside it the result says that ca_path applies (docs/reliability.md, "Credentials go to
api_url and nowhere else")."""
import json
import os
import subprocess
import sys

import pytest

from seeds import domain, record, seed

MODULE_PROCESS_MARK = 'AnsiballZ_dnspod_record.py'


@pytest.mark.parametrize('module_process', [False, True], ids=['worker', 'module-process'])
def test_validate_certs_false_is_reported_in_the_result(play, emulator, tmp_path, module_process):
    emulator.reset(seed(domain('example.com', record('www', 'A', '192.0.2.10'))))
    result_file = tmp_path / 'results.json'
    extra = {'result_file': str(result_file)}
    if module_process:
        extra['dnspod_module_process'] = True
    outcome = play('tls_options.yml', extra)
    assert (MODULE_PROCESS_MARK in outcome.stdout) is module_process
    results = json.loads(result_file.read_text())
    for name in ('record_off', 'info_off'):
        warnings = results[name].get('warnings') or []
        assert [w for w in warnings if 'validate_certs=false' in w and 'not verified' in w], (name, warnings)
    both = results['record_both'].get('warnings') or []
    assert [w for w in both if 'ignored because ca_path is set' in w and 'private-ca.pem' in w], both
    assert not [w for w in results['record_on'].get('warnings') or [] if 'validate_certs' in w]
    assert 'InsecureRequestWarning' not in outcome.stdout + outcome.stderr
    assert not emulator.writes()


@pytest.fixture
def other_origin(emulator):
    """A second emulator (the same client class as the `emulator` fixture's): the place a redirect
    points to."""
    serve = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'emulator', 'serve.py')
    proc = subprocess.Popen([sys.executable, serve, '--port', '0'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith('http://127.0.0.1:'), url
    yield type(emulator)(proc, url)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.parametrize('status', [302, 307, 308])
@pytest.mark.parametrize('module_process', [False, True], ids=['worker', 'module-process'])
def test_a_redirect_fails_the_task_and_nothing_reaches_the_other_origin(play, emulator, other_origin, status,
                                                                        module_process):
    emulator.reset(seed(domain('example.com')))
    emulator.faults([{'kind': 'redirect', 'status': status, 'location': other_origin.url + '/Record.List',
                      'times': 0}])
    extra = {'other_origin': other_origin.url}
    if module_process:
        extra['dnspod_module_process'] = True
    play('redirect.yml', extra)
    assert [(r['action'], r.get('fault')) for r in emulator.requests()] == [('Record.List', 'redirect %d' % status)]
    assert other_origin.requests() == []
