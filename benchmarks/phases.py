"""Where a converged ``dnspod_records`` run spends its time: phases timed inside Ansible's worker
process and the controller, optionally with cProfile in the worker. Run on demand, not a test:

    .venv/bin/python benchmarks/phases.py --sets 10000              # phase times, 3 runs
    .venv/bin/python benchmarks/phases.py --sets 10000 --profile 40 # and the worker's top 40 (cumulative)
    .venv/bin/python benchmarks/phases.py --sets 5000 --first --backend tencentcloud  # first runs on API 3.0

The emulator is seeded with N record sets as a first run leaves them (benchmarks/run.py's sets), so
every run is converged; with ``--first`` each run starts from an empty domain instead (the first
run, which creates every set). ``--backend tencentcloud`` runs the task with only the API 3.0 key
pair in its environment (benchmarks/run.py's), so the modules use API 3.0. The collection is used from this working tree (a symlink under a temporary
ANSIBLE_COLLECTIONS_PATH), not built. Each phase is printed with its wall and CPU seconds:

* ``task args``: Ansible finalizing the task's arguments (templating ``{{ sets }}``; for this
  collection's action plugin plugins/plugin_utils/task_args.py's plain copy);
* ``validate``: the argument spec validation in the worker (WorkerModule);
* ``desired sets``, ``read`` (the paged Record.List and normalisation), ``plan``: the module's work;
* ``result``: the result made JSON-clean (WorkerModule._formatted);
* ``send result``: pickling the result back to the controller;
* ``worker``: the worker process from its start to its end;
* ``controller result``: the controller turning the result into the callback's (transform to
  native types, callbacks);
* ``controller``: the whole ansible-playbook run (the wall time the benchmark measures).
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

PHASES = [
    # (label, module, attribute path)
    ('task args', 'ansible.playbook.task', 'Task.post_validate'),
    ('validate', 'ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module', 'WorkerModule.__init__'),
    ('desired sets', 'ansible_collections.dnspod.dnspod.plugins.module_utils.record_module', 'zone_before_reading'),
    ('read', 'ansible_collections.dnspod.dnspod.plugins.module_utils.record_module', 'read_records'),
    ('plan', 'ansible_collections.dnspod.dnspod.plugins.module_utils.recordset', 'plan_domain'),
    ('prechecks', 'ansible_collections.dnspod.dnspod.plugins.module_utils.record_module', 'check_writes'),
    ('write', 'ansible_collections.dnspod.dnspod.plugins.module_utils.record_module', 'apply'),
    ('result', 'ansible_collections.dnspod.dnspod.plugins.plugin_utils.worker_module', 'WorkerModule._formatted'),
    ('send result', 'ansible.executor.task_queue_manager', 'FinalQueue.send_task_result'),
    ('worker', 'ansible.executor.process.worker', 'WorkerProcess._run'),
    ('controller result', 'ansible.plugins.strategy', 'StrategyBase._process_pending_results'),
]


def child(log_path, profile, collections):
    """Inside ansible-playbook: time the phases (appended to log_path as JSON lines), then run it."""
    import importlib

    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder
    _AnsibleCollectionFinder(paths=[collections], scan_sys_paths=False)._install()

    def write(**entry):
        with open(log_path, 'a') as handle:
            handle.write(json.dumps(entry) + '\n')

    def timed(label, owner, name):
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            profiler = None
            if label == 'worker' and profile:
                import cProfile
                profiler = cProfile.Profile()
                profiler.enable()
            try:
                return original(*args, **kwargs)
            finally:
                if profiler is not None:
                    profiler.disable()
                    profiler.dump_stats(log_path + '.prof')
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                if wall >= 0.002:
                    write(phase=label, wall=wall, cpu=cpu, pid=os.getpid())
        setattr(owner, name, wrapper)

    for label, module_name, path in PHASES:
        owner = importlib.import_module(module_name)
        parts = path.split('.')
        for part in parts[:-1]:
            owner = getattr(owner, part)
        timed(label, owner, parts[-1])

    from ansible.cli.playbook import main
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        main()
    finally:
        write(phase='controller', wall=time.perf_counter() - wall, cpu=time.process_time() - cpu, pid=os.getpid())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--sets', type=int, default=10000, help='number of record sets (default %(default)s)')
    parser.add_argument('--runs', type=int, default=3, help='timed runs after one to warm up (default %(default)s)')
    parser.add_argument('--profile', type=int, default=0, metavar='LINES',
                        help='also profile the worker of the last run with cProfile and print this many lines')
    parser.add_argument('--module-process', action='store_true', help='run the task as a module process')
    parser.add_argument('--first', action='store_true',
                        help='time the first run (an empty domain before each run) instead of the converged one')
    parser.add_argument('--backend', choices=('dnspod', 'tencentcloud'), default='dnspod',
                        help='the API: dnspod (a login token, default) or tencentcloud (API 3.0, a key pair only)')
    parser.add_argument('--child', nargs=3, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.child:
        sys.argv = ['ansible-playbook'] + rest
        return child(args.child[0], args.child[1] == 'profile', args.child[2])

    import run  # benchmarks/run.py: the emulator, the record sets
    work = tempfile.mkdtemp(prefix='dnspod-phases-')
    collections = os.path.join(work, 'collections')
    os.makedirs(os.path.join(collections, 'ansible_collections', 'dnspod'))
    os.symlink(REPO, os.path.join(collections, 'ansible_collections', 'dnspod', 'dnspod'))
    sets = run.record_sets(args.sets)
    vars_file = os.path.join(work, 'sets.json')
    with open(vars_file, 'w') as handle:
        json.dump({'domain_name': run.DOMAIN, 'sets': sets}, handle)
    emulator = run.Emulator()
    try:
        emulator.reset(run.seeded(sets))
        env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('ANSIBLE_', 'DNSPOD_', 'TENCENTCLOUD_')))
        env.update(ANSIBLE_COLLECTIONS_PATH=collections, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false',
                   ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_NOCOLOR='1', ANSIBLE_LOCALHOST_WARNING='false',
                   ANSIBLE_INVENTORY_UNPARSED_WARNING='false', ANSIBLE_RETRY_FILES_ENABLED='false',
                   ANSIBLE_LOCAL_TEMP=os.path.join(work, 'tmp'), DNSPOD_API_URL=emulator.url,
                   DNSPOD_LOGIN_TOKEN='%s,%s' % (run.TOKEN_ID, run.TOKEN))
        if args.backend == 'tencentcloud':
            del env['DNSPOD_LOGIN_TOKEN']
            env.update(TENCENTCLOUD_SECRET_ID=run.SECRET_ID, TENCENTCLOUD_SECRET_KEY=run.SECRET_KEY)
        extra = ['-e', 'dnspod_module_process=true'] if args.module_process else []
        for index in range(args.runs + 1):
            log_path = os.path.join(work, 'phases-%d.jsonl' % index)
            profile = 'profile' if args.profile and index == args.runs else 'no'
            if args.first:
                emulator.reset([])
            cmd = [sys.executable, '-W', 'ignore', os.path.abspath(__file__), '--child', log_path, profile, collections,
                   os.path.join(run.PLAYBOOKS, 'bulk.yml'), '-e', 'bench_vars=%s' % vars_file] + extra
            done = subprocess.run(cmd, cwd=run.PLAYBOOKS, env=env, capture_output=True, text=True, check=False)
            if done.returncode:
                sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
                return done.returncode
            if index == 0:
                continue  # warm-up
            with open(log_path) as handle:
                entries = [json.loads(line) for line in handle]
            print('run %d, N=%d, %s run on %s, load average %s' % (
                index, args.sets, 'first' if args.first else 'converged', args.backend,
                ' '.join('%.2f' % x for x in os.getloadavg())))
            totals = {}
            for entry in entries:
                total = totals.setdefault(entry['phase'], [0.0, 0.0])
                total[0] += entry['wall']
                total[1] += entry['cpu']
            for phase, (wall, cpu) in totals.items():
                print('  %-18s %6.3f s wall %6.3f s CPU' % (phase, wall, cpu))
        if args.profile:
            import pstats
            pstats.Stats(log_path + '.prof').sort_stats('cumulative').print_stats(args.profile)
    finally:
        emulator.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
