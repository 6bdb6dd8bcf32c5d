"""The return values several modules share (``api``, the ``domain`` reference, the record fields)
come from scripts/shared_return_docs.yml: every module's copy is what scripts/gen_return_docs.py
writes, and no module documents them by hand."""
import glob
import os
import re
import sys

import pytest
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(REPO, 'scripts'))
import gen_return_docs  # noqa: E402  pylint: disable=wrong-import-position

MODULES = sorted(glob.glob(os.path.join(REPO, 'plugins', 'modules', '*.py')))


def read(path):
    with open(path, encoding='utf-8') as handle:
        return handle.read()


def return_doc(text):
    return yaml.safe_load(re.search(r"^RETURN = r'''\n(.*?)^'''", text, re.S | re.M).group(1))


def test_every_module_is_current():
    stale = [os.path.relpath(path, REPO) for path in gen_return_docs.stale_modules()]
    assert stale == [], 'run: python scripts/gen_return_docs.py'


@pytest.mark.parametrize('path', MODULES, ids=os.path.basename)
def test_shared_blocks_are_in_return_and_say_what_the_source_says(path):
    text = read(path)
    source = gen_return_docs.load_source()
    names = gen_return_docs.shared_names(text)
    assert names, 'a module with no shared block'
    start, end = text.index("RETURN = r'''"), text.index("'''", text.index("RETURN = r'''") + 13)
    for match in gen_return_docs.BLOCK.finditer(text):
        assert start < match.start() < match.end() <= end, 'shared block %s outside RETURN' % match.group('name')
    documented = return_doc(text)
    for name in names:
        for key, doc in gen_return_docs.expand(source, name).items():
            assert documented[key] == doc


@pytest.mark.parametrize('path', MODULES, ids=os.path.basename)
def test_api_is_never_documented_by_hand(path):
    text = read(path)
    names = gen_return_docs.shared_names(text)
    assert len([name for name in names if name.startswith('api_')]) == 1
    assert ('api_read' in names) == os.path.basename(path).endswith('_info.py')


def test_a_changed_copy_is_found_and_rewritten(tmp_path):
    original = read(os.path.join(REPO, 'plugins', 'modules', 'dnspod_record_info.py'))
    edited = original.replace('      description: Line ID when the API gives it.\n',
                              '      description: Line ID.\n', 1)
    assert edited != original
    module = tmp_path / 'dnspod_x.py'
    module.write_text(edited, encoding='utf-8')
    source = gen_return_docs.load_source()
    stale = gen_return_docs.stale_modules(source, str(tmp_path / '*.py'))
    assert list(stale) == [str(module)]
    assert stale[str(module)] == original


def test_the_source_changes_every_copy():
    source = gen_return_docs.load_source()
    source['record_fields']['ttl']['description'] = 'Time to live, in seconds.'
    stale = gen_return_docs.stale_modules(source)
    assert sorted(os.path.basename(path) for path in stale) == [
        'dnspod_record.py', 'dnspod_record_info.py', 'dnspod_records.py']
    assert all('      description: Time to live, in seconds.\n' in text for text in stale.values())


def test_an_unknown_block_is_an_error():
    with pytest.raises(KeyError):
        gen_return_docs.rewrite("# BEGIN shared no_such_block\n# END shared no_such_block\n",
                                gen_return_docs.load_source())
