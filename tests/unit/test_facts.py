"""One source for each fact: the collection's version (galaxy.yml, the User-Agent's constant, the
changelog), the connection defaults (constants.py and the doc fragment), the changelog's markup and
the docs' links (nothing outside the repository)."""
import glob
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from ansible_collections.dnspod.dnspod.plugins.doc_fragments.dnspod import ModuleDocFragment
from ansible_collections.dnspod.dnspod.plugins.module_utils import constants

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
ANTSIBULL_CHANGELOG = os.path.join(os.path.dirname(sys.executable), 'antsibull-changelog')

# Ansible's markup: C(), O(), V(), M() and the like render in plugin docs, not in a changelog (RST).
ANSIBLE_MARKUP = re.compile(r'\b(?:B|C|E|I|L|M|O|P|R|RV|U|V)\([^)]*\)')


def load_yaml(*parts):
    with open(os.path.join(REPO, *parts), encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def galaxy_version():
    return load_yaml('galaxy.yml')['version']


def release_versions():
    releases = load_yaml('changelogs', 'changelog.yaml').get('releases') or {}
    return sorted(releases, key=lambda v: tuple(int(part) for part in v.split('.')))


def git_files(*patterns):
    out = subprocess.run(['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--'] + list(patterns),
                         cwd=REPO, check=True, capture_output=True).stdout.decode()
    return [f for f in out.split('\0') if f and os.path.isfile(os.path.join(REPO, f))]


# ---- the version ----------------------------------------------------------------------------

def test_user_agent_version_is_galaxy_version():
    assert constants.COLLECTION_VERSION == galaxy_version()


def test_galaxy_version_is_the_newest_release_of_the_changelog():
    versions = release_versions()
    assert versions, 'changelogs/changelog.yaml has no release'
    assert versions[-1] == galaxy_version()


def test_changelog_rst_starts_with_galaxy_version():
    with open(os.path.join(REPO, 'CHANGELOG.rst'), encoding='utf-8') as handle:
        headings = re.findall(r'^v(\d+\.\d+\.\d+)\n=+$', handle.read(), re.M)
    assert headings and headings[0] == galaxy_version()


def test_every_version_added_is_a_release():
    """No plugin, option or role says it came with a version that was never released."""
    versions = set(release_versions())
    found = {}
    for path in git_files('plugins', 'roles'):
        if path.endswith(('.py', '.yml', '.yaml')):
            with open(os.path.join(REPO, path), encoding='utf-8') as handle:
                for value in re.findall(r'^\s*version_added:\s*[\'"]?([0-9][^\s\'"]*)', handle.read(), re.M):
                    found.setdefault(value, []).append(path)
    assert found, 'no version_added found: the pattern is wrong'
    assert {v: paths for v, paths in found.items() if v not in versions} == {}


@pytest.mark.skipif(not os.path.exists(ANTSIBULL_CHANGELOG), reason='antsibull-changelog is not installed')
def test_changelog_rst_is_generated_from_changelog_yaml(tmp_path):
    """CHANGELOG.rst is what antsibull-changelog makes of changelogs/changelog.yaml (scripts/docs.sh --changelog)."""
    shutil.copy(os.path.join(REPO, 'galaxy.yml'), str(tmp_path))
    (tmp_path / 'changelogs').mkdir()
    for name in ('config.yaml', 'changelog.yaml'):
        shutil.copy(os.path.join(REPO, 'changelogs', name), str(tmp_path / 'changelogs'))
    subprocess.run([ANTSIBULL_CHANGELOG, 'generate'], cwd=str(tmp_path), check=True, capture_output=True, timeout=120)
    with open(os.path.join(REPO, 'CHANGELOG.rst'), encoding='utf-8') as handle:
        assert (tmp_path / 'CHANGELOG.rst').read_text(encoding='utf-8') == handle.read(), (
            'CHANGELOG.rst is not current: run scripts/docs.sh --changelog')


def test_changelog_uses_rst_markup_not_ansible_markup():
    texts = {'changelogs/changelog.yaml': load_yaml('changelogs', 'changelog.yaml')}
    for path in glob.glob(os.path.join(REPO, 'changelogs', 'fragments', '*.y*ml')):
        with open(path, encoding='utf-8') as handle:
            texts[os.path.relpath(path, REPO)] = yaml.safe_load(handle)

    def strings(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)
        elif isinstance(node, str):
            yield node

    found = dict((path, ANSIBLE_MARKUP.findall(' '.join(strings(doc)))) for path, doc in texts.items())
    assert dict((path, marks) for path, marks in found.items() if marks) == {}


def test_ansible_markup_pattern_finds_ansible_markup():
    assert ANSIBLE_MARKUP.findall('one C(Record.List) in O(sub_domain), not ``Domain.Info``') == [
        'C(Record.List)', 'O(sub_domain)']


# ---- the defaults ---------------------------------------------------------------------------

def test_doc_fragment_states_the_defaults_of_constants():
    """The lookup takes its defaults from the doc fragment, the modules from the argument spec
    (which ansible-test's validate-modules checks against the same fragment)."""
    options = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)['options']
    # api_url's default depends on the backend (backends.default_api_url): the description names each.
    assert 'default' not in options['api_url']
    described = ' '.join(options['api_url']['description'])
    for url in (constants.DEFAULT_API_URL, constants.DEFAULT_TENCENTCLOUD_API_URL,
                constants.DEFAULT_TENCENTCLOUD_INTL_API_URL):
        assert 'V(%s)' % url in described
    assert options['api_backend']['default'] == 'auto'
    assert options['contact']['default'] == constants.DEFAULT_CONTACT
    assert options['lang']['default'] == constants.DEFAULT_LANG
    assert options['timeout']['default'] == constants.DEFAULT_TIMEOUT
    assert options['retries']['default'] == constants.DEFAULT_RETRIES
    assert options['retry_max_time']['default'] == constants.DEFAULT_RETRY_MAX_TIME
    assert options['validate_certs']['default'] == constants.DEFAULT_VALIDATE_CERTS


def test_defaults_are_declared_in_constants_only():
    """A default written out again in module_utils (as client.py and common.py once both had
    DEFAULT_CONTACT) is a second source that can drift."""
    again = {}
    for path in git_files('plugins'):
        if path.endswith('.py') and not path.endswith('module_utils/constants.py'):
            with open(os.path.join(REPO, path), encoding='utf-8') as handle:
                text = handle.read()
            for value in (constants.DEFAULT_API_URL, constants.DEFAULT_CONTACT, constants.COLLECTION_VERSION):
                for line in text.splitlines():
                    if "'%s'" % value in line or '"%s"' % value in line:
                        again.setdefault(path, []).append(line.strip())
    assert again == {}


# ---- the docs' links ------------------------------------------------------------------------

MD_LINK = re.compile(r'\]\(([^)\s]+)\)')
RST_LINK = re.compile(r'<([^<>\s]+)>`_')
# A path into the material the project was built from, which is not part of the repository.
OUTSIDE = re.compile(r'(?:^|[\s`(\'"])(?:\.\./)+shared/|\bshared/(?:dnspod-api|tencentcloud-api)\b|/work/')


def doc_files():
    return [f for f in git_files() if f.endswith(('.md', '.rst'))]


def link_problems(path, text):
    problems = []
    for target in MD_LINK.findall(text) + RST_LINK.findall(text):
        if re.match(r'^(?:[a-z][a-z0-9+.-]*:|#)', target):   # https:, mailto:, an anchor of the page
            continue
        resolved = os.path.normpath(os.path.join(REPO, os.path.dirname(path), target.split('#', 1)[0]))
        if os.path.relpath(resolved, REPO).startswith('..'):
            problems.append('%s: link outside the repository: %s' % (path, target))
        elif not os.path.exists(resolved):
            problems.append('%s: link to a missing file: %s' % (path, target))
    for line in text.splitlines():
        if OUTSIDE.search(line):
            problems.append('%s: names a path outside the repository: %s' % (path, line.strip()))
    return problems


def test_docs_link_nothing_outside_the_repository():
    files = doc_files()
    assert 'docs/endpoints.md' in files and 'README.md' in files
    problems = []
    for path in files:
        with open(os.path.join(REPO, path), encoding='utf-8') as handle:
            problems.extend(link_problems(path, handle.read()))
    assert problems == []


@pytest.mark.parametrize('text, expected', [
    ('see [the docs](docs/emulator.md)', []),
    ('see [here](https://example.com/x) and [up](#top)', []),
    ('see [API](../shared/dnspod-api/README.md)', ['link outside the repository', 'names a path outside the repository']),
    ('see [gone](docs/nothing-here.md)', ['link to a missing file']),
    ('the documents in `../shared/dnspod-api/`', ['names a path outside the repository']),
    ('the documents in `shared/dnspod-api/`', ['names a path outside the repository']),
    ('`dnspython <https://www.dnspython.org/>`_', []),
])
def test_link_problems_finds_links_outside(text, expected):
    found = [problem.split(': ')[1] for problem in link_problems('README.md', text)]
    assert found == expected
