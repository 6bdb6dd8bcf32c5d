"""The test tree itself: pytest imports test files by their base name (rootdir-relative packages are
not used here), so two test files with one name in different folders break the whole run."""
import collections
import os

TESTS = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))


def test_every_test_file_has_its_own_name():
    seen = collections.defaultdict(list)
    for directory, _dirs, files in os.walk(TESTS):
        if 'output' in os.path.relpath(directory, TESTS).split(os.sep):
            continue
        for name in files:
            if name.startswith('test_') and name.endswith('.py'):
                seen[name].append(os.path.relpath(os.path.join(directory, name), TESTS))
    assert len(seen) > 50
    assert [paths for paths in seen.values() if len(paths) > 1] == []
