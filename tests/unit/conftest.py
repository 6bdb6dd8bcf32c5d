"""Make the collection importable as ansible_collections.dnspod.dnspod for unit tests."""
import os
import sys

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
