"""Make the collection importable as ansible_collections.dnspod.dnspod for unit tests."""
import os
import sys

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
COLLECTIONS = os.path.join(REPO, '.cache', 'unit-collections')


def _link_collection():
    parent = os.path.join(COLLECTIONS, 'ansible_collections', 'dnspod')
    link = os.path.join(parent, 'dnspod')
    os.makedirs(parent, exist_ok=True)
    if not os.path.islink(link):
        os.symlink(REPO, link)
    if COLLECTIONS not in sys.path:
        sys.path.insert(0, COLLECTIONS)


_link_collection()


@pytest.fixture(autouse=True)
def _no_cross_task_login_latch(monkeypatch):
    """The client's refused-login marker (client.LoginLatch) lives in a per-user directory shared
    by every process; unit tests must neither read one left by another test nor leave one behind.
    Tests of the latch pass ``login_latch_dir`` explicitly."""
    monkeypatch.setenv('DNSPOD_LOGIN_LATCH_DIR', 'off')
