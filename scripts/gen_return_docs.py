# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the shared parts of the modules' RETURN blocks from scripts/shared_return_docs.yml.

    python scripts/gen_return_docs.py           rewrite every module whose shared blocks are not current
    python scripts/gen_return_docs.py --check   only list them; exit 1 when there is one

A shared block sits in a module's RETURN between ``# BEGIN shared <name> (...)`` and
``# END shared <name>``, each at the start of its line; the text between them is replaced by the
block <name> of the source file. Nothing else of the module is touched."""

import argparse
import glob
import json
import os
import re
import sys

import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
SOURCE = os.path.join(REPO, 'scripts', 'shared_return_docs.yml')
MODULES = os.path.join(REPO, 'plugins', 'modules', '*.py')
BEGIN = '# BEGIN shared %s (from scripts/shared_return_docs.yml: edit there, run scripts/gen_return_docs.py)\n'
END = '# END shared %s\n'
BLOCK = re.compile(r'^# BEGIN shared (?P<name>[a-z0-9_]+)\b[^\n]*\n(?P<body>.*?)^# END shared (?P=name)\n', re.M | re.S)
WIDTH = 120


def _mark_samples(node, samples):
    """``node`` with each sample replaced by a placeholder, written afterwards as JSON (valid YAML,
    as the modules write samples by hand)."""
    if isinstance(node, dict):
        marked = {}
        for key, value in node.items():
            if key == 'sample':
                samples.append(value)
                marked[key] = '@@SAMPLE%d@@' % (len(samples) - 1)
            else:
                marked[key] = _mark_samples(value, samples)
        return marked
    if isinstance(node, list):
        return [_mark_samples(value, samples) for value in node]
    return node


def load_source(path=SOURCE):
    with open(path, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def expand(source, name):
    """Block ``name`` as RETURN entries: a dict of return value name -> its documentation."""
    entries = {}
    for key, doc in source['blocks'][name].items():
        doc = dict(doc)
        fields = doc.pop('contains_fields', None)
        if fields is not None:
            doc['contains'] = dict((field, dict(source['record_fields'][field])) for field in fields)
        entries[key] = doc
    return entries


def render(source, name):
    """The text of block ``name`` between its markers."""
    samples = []
    text = yaml.safe_dump(_mark_samples(expand(source, name), samples), sort_keys=False, allow_unicode=True,
                          default_flow_style=False, width=WIDTH, indent=2)
    return re.sub(r"'?@@SAMPLE(\d+)@@'?", lambda m: json.dumps(samples[int(m.group(1))], ensure_ascii=False), text)


def rewrite(text, source):
    """``text`` with every shared block written from ``source``; KeyError for an unknown block."""
    def replace(match):
        name = match.group('name')
        return BEGIN % name + render(source, name) + END % name
    return BLOCK.sub(replace, text)


def shared_names(text):
    return [match.group('name') for match in BLOCK.finditer(text)]


def stale_modules(source=None, pattern=MODULES):
    """The module files whose shared blocks differ from what the source gives, with the new text."""
    source = source or load_source()
    stale = {}
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding='utf-8') as handle:
            text = handle.read()
        new = rewrite(text, source)
        if new != text:
            stale[path] = new
    return stale


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true', help='only report the modules that are not current')
    args = parser.parse_args(argv)
    stale = stale_modules()
    for path, new in stale.items():
        print('%s %s' % ('not current:' if args.check else 'rewritten:', os.path.relpath(path, REPO)))
        if not args.check:
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(new)
    return 1 if args.check and stale else 0


if __name__ == '__main__':
    sys.exit(main())
