# Copyright (c) dnspod.dnspod contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the CAM permission table and the example policies of the user guide from docs/tencentcloud-cam.yml.

    python scripts/gen_cam_docs.py           rewrite the generated parts of the guide when they are not current
    python scripts/gen_cam_docs.py --check   only say whether they are; exit 1 when not

A generated part sits in docs/docsite/rst/guide_tencentcloud_cam.rst between the RST comments
``.. BEGIN generated <name> ...`` and ``.. END generated <name>``; the text between them is replaced.
Parts: ``cam-table`` (module -> actions), ``policy-all`` (every action the collection can send),
``policy-read`` (the actions of the read-only modules and the lookup)."""

import argparse
import json
import os
import re
import sys

import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
SOURCE = os.path.join(REPO, 'docs', 'tencentcloud-cam.yml')
GUIDE = os.path.join(REPO, 'docs', 'docsite', 'rst', 'guide_tencentcloud_cam.rst')
BLOCK = re.compile(r'^\.\. BEGIN generated (?P<name>[a-z-]+)\b[^\n]*\n(?P<body>.*?)^\.\. END generated (?P=name)\n', re.M | re.S)


def load(path=SOURCE):
    with open(path, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def entries(data):
    """(FQCN or plugin name, entry) for every module, then every plugin, in file order."""
    for name, entry in data['modules'].items():
        yield 'dnspod.dnspod.%s' % name, entry
    for name, entry in data['plugins'].items():
        kind, short = name.split('/')
        yield 'dnspod.dnspod.%s (%s)' % (short, kind), entry


def policy(actions):
    """A CAM policy (syntax version 2.0) allowing ``actions`` on every resource, as JSON text."""
    doc = {'version': '2.0', 'statement': [{'effect': 'allow', 'action': ['dnspod:%s' % a for a in actions],
                                            'resource': ['*']}]}
    return json.dumps(doc, indent=2, ensure_ascii=False)


def all_actions(data, read_only=False):
    """The actions of every entry (of the read-only ones only), each once, sorted."""
    return sorted(set(action for _name, entry in entries(data) for action in entry.get('actions') or {}
                      if entry.get('read_only') or not read_only))


def _cell(entry):
    if 'traditional_api_only' in entry:
        return ['traditional API only: %s' % entry['traditional_api_only']]
    lines = ['* ``%s``: %s' % (action, when) for action, when in entry['actions'].items()]
    for case in entry.get('not_on_tencentcloud') or []:
        lines.append('* not on API 3.0: %s' % case)
    return lines


def table(data):
    out = ['.. list-table::', '   :header-rows: 1', '   :widths: 25 10 65', '',
           '   * - Module or plugin', '     - Read-only', '     - Actions (``dnspod:<Action>`` in a policy) and when they are sent']
    for name, entry in entries(data):
        read_only = 'n/a' if 'traditional_api_only' in entry else ('yes' if entry.get('read_only') else 'no')
        cell = _cell(entry)
        out += ['   * - ``%s``' % name, '     - %s' % read_only, '     - %s' % cell[0]]
        out += ['       %s' % line for line in cell[1:]]
    return '\n'.join(out) + '\n'


def code_block(text):
    return '.. code-block:: json\n\n' + ''.join('   %s\n' % line for line in text.splitlines())


def parts(data):
    return {'cam-table': table(data),
            'policy-all': code_block(policy(all_actions(data))),
            'policy-read': code_block(policy(all_actions(data, read_only=True)))}


def render(text, data):
    """``text`` with every generated part replaced; KeyError for an unknown part."""
    wanted = parts(data)

    def replace(match):
        return match.group(0)[:match.start('body') - match.start(0)] + '\n' + wanted[match.group('name')] + '\n' + \
            '.. END generated %s\n' % match.group('name')
    return BLOCK.sub(replace, text)


def generated_names(text):
    return [m.group('name') for m in BLOCK.finditer(text)]


def stale(path=GUIDE, data=None):
    """True when the guide's generated parts differ from what the YAML file gives."""
    with open(path, encoding='utf-8') as handle:
        text = handle.read()
    return render(text, data or load()) != text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true', help='only check; exit 1 when the guide is not current')
    args = parser.parse_args(argv)
    with open(GUIDE, encoding='utf-8') as handle:
        text = handle.read()
    new = render(text, load())
    if new == text:
        print('%s is current' % os.path.relpath(GUIDE, REPO))
        return 0
    if args.check:
        print('%s is not current: run python scripts/gen_cam_docs.py' % os.path.relpath(GUIDE, REPO))
        return 1
    with open(GUIDE, 'w', encoding='utf-8') as handle:
        handle.write(new)
    print('rewrote %s' % os.path.relpath(GUIDE, REPO))
    return 0


if __name__ == '__main__':
    sys.exit(main())
