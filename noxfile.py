"""The test matrix: every ansible-core that meta/runtime.yml supports (docs/testing.md).

    make matrix                          every session below (scripts/matrix.sh)
    .cache/venvs/nox/bin/nox -l          list the sessions
    .cache/venvs/nox/bin/nox -s unit-2.17 parity-2.17

Sessions, for each core of CORES:
  unit-<core>     the collection's unit tests (tests/unit/plugins)
  parity-<core>   the worker/module-process parity e2e tests (tests/e2e/test_*_worker.py) and the
                  bad-input cases, against the emulator with the collection installed from its tarball
  sanity-<core>   ansible-test sanity (scripts/sanity.sh)
and once:
  galaxy-importer the checks Galaxy runs on an uploaded collection, on the built tarball

Each core's virtualenv is .cache/venvs/<core>, made by scripts/core-venv.sh on a Python that core
supports and reused while its requirement stamp matches; nox itself makes no virtualenv
(venv_backend 'none'). Every session records its outcome and time in .cache/matrix/<session>.json,
which scripts/matrix.sh sums up.
"""
import glob
import json
import os
import subprocess
import sys
import time

import nox

REPO = os.path.dirname(os.path.abspath(__file__))
CORES = ('2.17', '2.18', '2.19', '2.20', '2.21')
RESULTS = os.path.join(REPO, '.cache', 'matrix')
WORKERS = os.environ.get('PYTEST_WORKERS', '2')
PYTEST = ['-m', 'pytest', '-p', 'no:cacheprovider', '-n', WORKERS]

nox.options.sessions = ['%s-%s' % (kind, core) for core in CORES for kind in ('unit', 'parity', 'sanity')]
nox.options.sessions.append('galaxy-importer')
nox.options.error_on_external_run = False


def venv_of(name):
    """The virtualenv of a matrix entry (scripts/core-venv.sh makes or reuses it)."""
    return subprocess.run([os.path.join(REPO, 'scripts', 'core-venv.sh'), name], check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip().splitlines()[-1]


def versions(venv):
    return subprocess.run([os.path.join(venv, 'bin', 'python'), '-c',
                           'import sys; from ansible.release import __version__ as v; '
                           'print("ansible-core %s, Python %d.%d.%d" % ((v,) + sys.version_info[:3]))'],
                          check=True, stdout=subprocess.PIPE, text=True).stdout.strip()


def recorded(kind, core):
    """Run the session's body, then write its outcome and time to .cache/matrix/<session>.json."""
    def wrap(body):
        def session(session):
            name = '%s-%s' % (kind, core) if core else kind
            os.makedirs(RESULTS, exist_ok=True)
            path = os.path.join(RESULTS, name + '.json')
            if os.path.exists(path):
                os.remove(path)
            start = time.time()
            venv = venv_of(core or kind)
            record = {'session': name, 'kind': kind, 'core': core, 'versions': None, 'passed': False}
            try:
                record['versions'] = versions(venv) if core else None
                if record['versions']:
                    session.log(record['versions'])
                body(session, venv)
                record['passed'] = True
            finally:
                record['seconds'] = round(time.time() - start, 1)
                with open(path, 'w', encoding='utf-8') as handle:
                    json.dump(record, handle, indent=1, sort_keys=True)
        session.__name__ = ('%s_%s' % (kind, core or '')).replace('.', '_').replace('-', '_')
        session.__doc__ = body.__doc__
        return nox.session(name='%s-%s' % (kind, core) if core else kind, venv_backend='none')(session)
    return wrap


def pytest_env(venv, core):
    env = {'PATH': os.path.join(venv, 'bin') + os.pathsep + os.environ.get('PATH', ''),
           # The e2e figures of this core's run go beside the matrix's records, not over the full run's.
           'DNSPOD_FIGURES_DIR': os.path.join(RESULTS, core, 'reliability')}
    return env


def parity_tests():
    return sorted(glob.glob(os.path.join('tests', 'e2e', 'test_*_worker.py'))) + ['tests/e2e/test_bad_input.py']


for _core in CORES:
    @recorded('unit', _core)
    def _unit(session, venv, core=_core):
        """The collection's unit tests (tests/unit/plugins) on this core."""
        session.run(os.path.join(venv, 'bin', 'python'), *PYTEST, 'tests/unit/plugins', *session.posargs,
                    env=pytest_env(venv, core), external=True)

    @recorded('parity', _core)
    def _parity(session, venv, core=_core):
        """The worker/module-process parity e2e tests and the bad-input cases on this core."""
        session.run(os.path.join(venv, 'bin', 'python'), *PYTEST, *parity_tests(), *session.posargs,
                    env=pytest_env(venv, core), external=True)

    @recorded('sanity', _core)
    def _sanity(session, venv, core=_core):  # pylint: disable=unused-argument
        """ansible-test sanity of this core, on the Python of its virtualenv."""
        session.run(os.path.join(REPO, 'scripts', 'sanity.sh'), *session.posargs, env={'SANITY_VENV': venv},
                    external=True)


@recorded('galaxy-importer', None)
def _galaxy_importer(session, venv):
    """galaxy-importer on the tarball `ansible-galaxy collection build` makes, with the checks of an
    upload to Galaxy (ansible-doc, ansible-lint, the changelog, a standard tag)."""
    work = os.path.join(REPO, '.cache', 'galaxy-importer')
    session.run('rm', '-rf', work, external=True)
    os.makedirs(os.path.join(work, 'dist'))
    session.run(os.path.join(venv, 'bin', 'ansible-galaxy'), 'collection', 'build', REPO, '--output-path',
                os.path.join(work, 'dist'), '--force', external=True)
    tarball = glob.glob(os.path.join(work, 'dist', 'dnspod-dnspod-*.tar.gz'))[0]
    env = {'PATH': os.path.join(venv, 'bin') + os.pathsep + os.environ.get('PATH', ''),
           'GALAXY_IMPORTER_CHECK_REQUIRED_TAGS': 'true', 'GALAXY_IMPORTER_CHECK_CHANGELOG': 'true',
           'GALAXY_IMPORTER_RUN_ANSIBLE_DOC': 'true', 'GALAXY_IMPORTER_RUN_ANSIBLE_LINT': 'true',
           'GALAXY_IMPORTER_OFFLINE_ANSIBLE_LINT': 'true', 'GALAXY_IMPORTER_TMP_ROOT_DIR': work,
           'GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP': os.path.join(work, 'ansible-tmp')}
    # It writes importer_result.json into the current directory.
    session.chdir(work)
    try:
        log = session.run(os.path.join(venv, 'bin', 'python'), '-m', 'galaxy_importer.main', tarball, env=env,
                          external=True, silent=True)
    finally:
        session.chdir(REPO)
    with open(os.path.join(work, 'importer.log'), 'w', encoding='utf-8') as handle:
        handle.write(log)
    lines = log.splitlines()
    for line in lines:
        if line.startswith(('WARNING', 'ERROR')) or 'Importer processing completed' in line:
            session.log(line)
    # Galaxy accepts an upload with warnings and shows them on the collection's page. An ERROR line
    # (ansible-doc or ansible-lint failing, or ansible-lint exceeding galaxy-importer's 180 s) fails
    # the session, although the importer still says it completed.
    errors = [line for line in lines if line.startswith('ERROR')]
    if errors or not any('Importer processing completed successfully' in line for line in lines):
        session.error('galaxy-importer: %s; see %s' % ('; '.join(errors) or 'did not complete',
                                                       os.path.join(work, 'importer.log')))


if __name__ == '__main__':
    sys.exit('run the sessions with nox: make matrix, or .cache/venvs/nox/bin/nox -l')
