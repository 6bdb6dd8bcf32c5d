"""What one item of a ``loop:`` costs, module by module: a 50-item loop of ``dnspod_domain``,
``dnspod_group_info`` and ``dnspod_record`` (each converged: the domains, groups and record sets are
there), as the collection runs them on the controller and as module processes
(``dnspod_module_process=true``), side by side with ``ansible.builtin.ping`` (a module process that
does nothing). Run on demand, not a test:

    .venv/bin/python benchmarks/loops.py                 # 50 items, best of 3 rounds
    .venv/bin/python benchmarks/loops.py --items 20 --rounds 1

Each case runs the same playbook twice per round, with the loop empty and with the items; the cost
of an item is the difference over the number of items (so the start of ansible-playbook, the
inventory and the play are left out). The rounds alternate the cases and the fastest run of each
is kept, the usual way to measure on a shared machine. The collection is built and installed from
its tarball, against the emulator (benchmarks/run.py, whose helpers this uses).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# pylint: disable=wrong-import-position
from run import BIN, TOKEN, TOKEN_ID, Emulator, playbook_env, run_measured, versions  # noqa: E402

DOMAIN = 'example.com'

# (label, module, arguments (item: the loop item), module process?)
CASES = [
    ('ansible.builtin.ping', 'ansible.builtin.ping', {}, None),
    ('dnspod_domain', 'dnspod.dnspod.dnspod_domain', {'domain': '{{ item }}'}, False),
    ('dnspod_domain', 'dnspod.dnspod.dnspod_domain', {'domain': '{{ item }}'}, True),
    ('dnspod_group_info', 'dnspod.dnspod.dnspod_group_info', {'name': '{{ item }}'}, False),
    ('dnspod_group_info', 'dnspod.dnspod.dnspod_group_info', {'name': '{{ item }}'}, True),
    ('dnspod_record', 'dnspod.dnspod.dnspod_record',
     {'domain': DOMAIN, 'sub_domain': '{{ item }}', 'record_type': 'A', 'value': ['192.0.2.1'], 'replace': True},
     False),
    ('dnspod_record', 'dnspod.dnspod.dnspod_record',
     {'domain': DOMAIN, 'sub_domain': '{{ item }}', 'record_type': 'A', 'value': ['192.0.2.1'], 'replace': True},
     True),
]


def seed(items):
    """A paid account (groups need one) holding every item: the domains, the groups and, in
    example.com, one A record per item."""
    domains = [{'name': DOMAIN, 'records': [{'sub_domain': 'host%02d' % i, 'record_type': 'A', 'value': '192.0.2.1'}
                                            for i in range(items)]}]
    domains += [{'name': 'loop%02d.example' % i, 'records': []} for i in range(items)]
    return {'settings': {'rate_limit_per_hour': 0},
            'accounts': [{'user_id': int(TOKEN_ID), 'email': 'api@example.com', 'login_token': '%s,%s' % (TOKEN_ID, TOKEN),
                          'grade': 'DP_Plus', 'domains': domains,
                          'groups': [{'group_id': 2000 + i, 'group_name': 'group%02d' % i} for i in range(items)]}]}


def items_of(label, count):
    if label == 'dnspod_domain':
        return ['loop%02d.example' % i for i in range(count)]
    if label == 'dnspod_group_info':
        return ['group%02d' % i for i in range(count)]
    return ['host%02d' % i for i in range(count)]


def playbook(work, module, arguments):
    path = os.path.join(work, 'loop-%s.yml' % module.rsplit('.', 1)[-1])
    play = [{'name': 'Loop benchmark', 'hosts': 'localhost', 'gather_facts': False,
             'tasks': [{'name': 'One task per item', module: arguments, 'loop': '{{ items }}'}]}]
    with open(path, 'w', encoding='utf-8') as handle:
        json.dump(play, handle)  # JSON is YAML
    return path


def how(module_process):
    if module_process is None:
        return 'module process'
    return 'module process (dnspod_module_process=true)' if module_process else 'as it runs on the controller'


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--items', type=int, default=50, help='items of each loop (default %(default)s)')
    parser.add_argument('--rounds', type=int, default=3, help='rounds; the fastest run is kept (default %(default)s)')
    parser.add_argument('--output', help='also write the markdown table to this file')
    args = parser.parse_args(argv)

    work = tempfile.mkdtemp(prefix='dnspod-loops-')
    emulator = Emulator()
    best = {}
    failed = []
    try:
        env = playbook_env(work, emulator)
        info = versions(None)
        for round_number in range(args.rounds):
            for index, (label, module, arguments, module_process) in enumerate(CASES):
                for count in (0, args.items):
                    emulator._open('/_emulator/reset', seed(args.items))  # pylint: disable=protected-access
                    extra = {'items': items_of(label, count)}
                    if module_process:
                        extra['dnspod_module_process'] = True
                    cmd = [os.path.join(BIN, 'ansible-playbook'), playbook(work, module, arguments),
                           '-e', json.dumps(extra)]
                    log = os.path.join(work, 'case%d-%d-round%d.log' % (index, count, round_number))
                    code, wall, _cpu, _rss = run_measured(cmd, env, log)
                    calls = emulator.requests()
                    if code != 0 or [c for c in calls if c.get('write_action')]:
                        failed.append(log)
                    key = (index, count)
                    if key not in best or wall < best[key][0]:
                        best[key] = (wall, len(calls))
                    sys.stderr.write('round %d %-20s %-45s %3d items rc=%d %6.2fs %4d calls\n' % (
                        round_number + 1, label, how(module_process), count, code, wall, len(calls)))
    finally:
        emulator.stop()
    lines = ['%s: %s  ' % item for item in info.items()] + [
        '', '%d-item loops, converged, best of %d rounds; per item: (loop of %d - empty loop) / %d' % (
            args.items, args.rounds, args.items, args.items), '',
        '| module | how it ran | s per item | API calls per item | s, whole %d-item run |' % args.items,
        '| --- | --- | ---: | ---: | ---: |']
    for index, (label, module, arguments, module_process) in enumerate(CASES):
        full, calls = best[(index, args.items)]
        empty = best[(index, 0)][0]
        per_item = (full - empty) / args.items
        row = (label, how(module_process), per_item, calls / float(args.items), full)
        lines.append('| `%s` | %s | %.3f | %g | %.2f |' % row)
    text = '\n'.join(lines) + '\n'
    if args.output:
        with open(args.output, 'w', encoding='utf-8') as handle:
            handle.write(text)
    print(text)
    if failed:
        sys.stderr.write('failed or wrote (a converged loop writes nothing): %s\n' % ' '.join(failed))
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
