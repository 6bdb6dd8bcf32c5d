"""Benchmark against the emulator: API calls, writes, wall time and peak memory of

* one ``dnspod_records`` task (first run, then the converged run), on the traditional API
  (``dnspod``, a login token) and on Tencent Cloud API 3.0 (``tencentcloud``, a key pair only, so
  the modules choose API 3.0 and its batch jobs): ``--backends`` (default both),
* a loop of ``dnspod_record`` tasks over the same record sets (what users do with other DNS modules),
  in the worker as on any controller task, and with ``--loop-module-process`` as module processes,
* the same sets managed with dns-lexicon's DNSPod provider (benchmarks/lexicon_sync.py),
* Ansible's own floor: the same playbook with one ``ansible.builtin.ping`` task in its place,
* and the floor without a module process: ``ansible.builtin.debug`` in its place (an action that runs
  in Ansible's worker process, as ``dnspod_records`` does on the controller),

for N record sets (default 10, 100, 1,000, 5,000 and 10,000). Run on demand, not a test:

    make bench                                   # or: .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --sizes 10,1000 --loop-max 100 --output /tmp/table.md
    .venv/bin/python benchmarks/run.py --sizes 1000,5000 --backends dnspod,tencentcloud --loop-max 0 --no-lexicon

The collection is built and installed from its tarball like the e2e tests do. dns-lexicon is
installed into its own virtual environment (.cache/bench-venv, from benchmarks/requirements.txt).
Peak memory is the largest resident set of any process of the run (``wait4`` of the child, which
covers its waited-for descendants: ansible-playbook, its workers and the modules).

The loop and lexicon send one or more calls per set and take minutes at N=1,000; above
``--loop-max`` / ``--lexicon-max`` they are not run, and the table says so (``not run``).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BIN = os.path.dirname(sys.executable)
PLAYBOOKS = os.path.join(HERE, 'playbooks')
TOKEN_ID = '10000'
TOKEN = '0123456789abcdef0123456789abcdef'
# The emulator's default account's API 3.0 key pair (docs/emulator.md); the seed below declares it.
SECRET_ID = 'AKID10000EMULATOR'
SECRET_KEY = 'emulator-secret-key-10000'
BACKENDS = ('dnspod', 'tencentcloud')
DOMAIN = 'example.com'


class Emulator(object):
    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(os.path.dirname(HERE), 'tests', 'emulator', 'serve.py'), '--port', '0'],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith('http://127.0.0.1:'):
            raise SystemExit('the emulator did not start: %r' % self.url)

    def _open(self, path, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        req = urllib.request.Request(self.url + path, data=data, method='POST' if body is not None else 'GET',
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=120) as resp:
            return json.loads(resp.read().decode('utf-8') or 'null')

    def reset(self, records, **settings):
        # No hourly call limit here: the loop and lexicon need more than the live 3,600 calls an
        # hour at N=5,000 (see docs/performance.md).
        settings.setdefault('rate_limit_per_hour', 0)
        self._open('/_emulator/reset', {
            'settings': settings,
            'accounts': [{'user_id': int(TOKEN_ID), 'email': 'api@example.com',
                          'login_token': '%s,%s' % (TOKEN_ID, TOKEN), 'grade': 'DP_Free',
                          'key_pairs': [{'secret_id': SECRET_ID, 'secret_key': SECRET_KEY}],
                          'domains': [{'name': DOMAIN, 'records': records}]}],
        })

    def requests(self):
        return self._open('/_emulator/requests')

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def record_sets(count):
    return [{'sub_domain': 'host%05d' % i, 'record_type': 'A',
             'value': ['10.%d.%d.%d' % (i // 62500, (i // 250) % 250, i % 250 + 1)]} for i in range(count)]


def seeded(sets):
    return [{'sub_domain': s['sub_domain'], 'record_type': s['record_type'], 'value': s['value'][0]}
            for s in sets]


def action_counts(calls):
    """'Action x count, ...' of request-log entries, in the order first sent."""
    counts = {}
    for call in calls:
        counts[call.get('action')] = counts.get(call.get('action'), 0) + 1
    return ', '.join('%s x %d' % item for item in counts.items())


def bulk_tool(backend):
    """The table's label of one dnspod_records task on ``backend``: the traditional API keeps the
    label of the earlier tables."""
    return 'dnspod_records (1 task)' if backend == 'dnspod' else 'dnspod_records (1 task, %s)' % backend


def run_measured(cmd, env, log_path):
    """Run ``cmd``; (return code, wall seconds, CPU seconds (user + system) of its process tree,
    peak RSS in MiB of the largest process of its tree)."""
    with open(log_path, 'w') as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=PLAYBOOKS)
        status, usage = os.wait4(proc.pid, 0)[1:]
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def install_collection(work):
    dist = os.path.join(work, 'dist')
    installed = os.path.join(work, 'installed')
    galaxy = os.path.join(BIN, 'ansible-galaxy')
    subprocess.run([galaxy, 'collection', 'build', REPO, '--output-path', dist, '--force'],
                   check=True, capture_output=True)
    tarball = glob.glob(os.path.join(dist, 'dnspod-dnspod-*.tar.gz'))[0]
    subprocess.run([galaxy, 'collection', 'install', tarball, '-p', installed, '--offline', '--force'],
                   check=True, capture_output=True)
    return installed


def playbook_env(work, emulator):
    """The environment of a measured ansible-playbook run: the collection installed from its tarball
    under ``work``, the emulator's URL and its login token, none of the caller's ANSIBLE_, DNSPOD_ or
    TENCENTCLOUD_ variables."""
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('ANSIBLE_', 'DNSPOD_', 'TENCENTCLOUD_')))
    env.update(
        ANSIBLE_COLLECTIONS_PATH=install_collection(work),
        ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false',
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_NOCOLOR='1',
        ANSIBLE_LOCALHOST_WARNING='false',
        ANSIBLE_INVENTORY_UNPARSED_WARNING='false',
        ANSIBLE_RETRY_FILES_ENABLED='false',
        ANSIBLE_LOCAL_TEMP=os.path.join(work, 'tmp'),
        DNSPOD_API_URL=emulator.url,
        DNSPOD_LOGIN_TOKEN='%s,%s' % (TOKEN_ID, TOKEN),
    )
    return env


def lexicon_python():
    """The Python of .cache/bench-venv with dns-lexicon installed, or None (then lexicon is skipped)."""
    venv = os.path.join(REPO, '.cache', 'bench-venv')
    python = os.path.join(venv, 'bin', 'python')
    probe = [python, '-c', 'import lexicon._private.providers.dnspod']
    if os.path.exists(python) and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python
    try:
        subprocess.run([sys.executable, '-m', 'venv', venv], check=True, capture_output=True)
        subprocess.run([python, '-m', 'pip', 'install', '-q', '-r', os.path.join(HERE, 'requirements.txt')],
                       check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        sys.stderr.write('dns-lexicon could not be installed, its rows are skipped: %s\n'
                         % (exc.stderr or b'').decode('utf-8', 'replace')[-500:])
        return None
    return python if subprocess.run(probe, capture_output=True, check=False).returncode == 0 else None


def versions(lexicon):
    ansible = subprocess.run([os.path.join(BIN, 'ansible'), '--version'], capture_output=True, text=True,
                             check=False).stdout.splitlines()[0]
    lex = 'not installed'
    if lexicon:
        lex = subprocess.run([lexicon, '-c', 'import importlib.metadata as m; print(m.version("dns-lexicon"))'],
                             capture_output=True, text=True, check=False).stdout.strip()
    with open(os.path.join(REPO, 'galaxy.yml')) as handle:
        collection = [line.split(':', 1)[1].strip() for line in handle if line.startswith('version:')][0]
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as handle:
            models = [line.split(':', 1)[1].strip() for line in handle if line.startswith('model name')]
        if models:
            cpu = '%s x %d' % (models[0], len(models))
    except OSError:
        pass
    return {
        'machine': '%s, %s, %s' % (platform.system(), platform.release(), cpu),
        'python': platform.python_version(),
        'ansible': ansible,
        'dnspod.dnspod': collection,
        'dns-lexicon': lex,
        'load average': ' '.join('%.2f' % x for x in os.getloadavg()),
    }


class Bench(object):
    def __init__(self, emulator, env, work, lexicon, backend_env=None):
        self.emulator = emulator
        self.env = env
        # backend name -> the environment of its playbook runs (only that backend's credentials)
        self.backend_env = backend_env or {}
        self.work = work
        self.lexicon = lexicon
        self.rows = []
        self.logs = 0

    def measure(self, size, tool, run, cmd, backend=None):
        before = len(self.emulator.requests())
        self.logs += 1
        log_path = os.path.join(self.work, '%s-%s-%s-%d.log' % (size, tool.split()[0], run.split()[0], self.logs))
        code, wall, cpu, rss = run_measured(cmd, self.backend_env.get(backend, self.env), log_path)
        calls = self.emulator.requests()[before:]
        # Both APIs' entries carry `write_action` (docs/emulator.md, request log); a batch job is one
        # entry, however many records it writes. Success is code 1 (traditional) or "Success" (API 3.0).
        row = dict(size=size, tool=tool, run=run, rc=code, wall=wall, cpu=cpu, rss=rss, calls=len(calls),
                   writes=len([c for c in calls if c.get('write_action')]),
                   errors=len([c for c in calls if str(c.get('code')) not in ('1', 'Success')]),
                   apis=sorted(set(c.get('api', 'dnspod') for c in calls)),
                   actions=action_counts(calls))
        self.rows.append(row)
        sys.stderr.write('N=%-5d %-38s %-10s rc=%d %8.2fs %7.2fs CPU %6d calls %6d writes %7.1f MiB%s\n' % (
            size, tool, run, code, wall, cpu, row['calls'], row['writes'], rss,
            '' if code == 0 else '  (failed, see %s)' % log_path))
        return row

    def keep_fastest(self, rows):
        """Of repeated runs keep the one with the least wall time; note how many there were."""
        if len(rows) < 2:
            return
        best = min(rows, key=lambda r: r['wall'])
        for row in rows:
            if row is not best:
                self.rows.remove(row)
        best['run'] += ' (best of %d)' % len(rows)

    def skipped(self, size, tool, run, why):
        self.rows.append(dict(size=size, tool=tool, run=run, skipped=why))
        sys.stderr.write('N=%-5d %-38s %-10s not run: %s\n' % (size, tool, run, why))

    def playbook(self, name, vars_file):
        return [os.path.join(BIN, 'ansible-playbook'), os.path.join(PLAYBOOKS, name), '-e', 'bench_vars=%s' % vars_file]


def run_size(bench, size, args):
    sets = record_sets(size)
    vars_file = os.path.join(bench.work, 'sets-%d.json' % size)
    with open(vars_file, 'w') as handle:
        json.dump({'domain_name': DOMAIN, 'sets': sets}, handle)
    emulator = bench.emulator

    # Each backend's first run starts from an empty domain; the converged runs of all backends
    # then run on what the last first run left (a converged run on one backend of what the other
    # created: the writes column shows it is converged for both).
    if 'first' in args.bulk_runs:
        emulator.reset([])
        floor = [bench.measure(size, 'ansible.builtin.ping (floor)', 'floor', bench.playbook('ping.yml', vars_file))]
        for index, backend in enumerate(args.backends):
            if index:
                emulator.reset([])
            bench.measure(size, bulk_tool(backend), 'first', bench.playbook('bulk.yml', vars_file), backend)
    else:
        emulator.reset(seeded(sets))
        floor = []
        for backend in args.backends:
            bench.skipped(size, bulk_tool(backend), 'first', '--bulk-runs converged')
    converged = dict((backend, []) for backend in args.backends)
    module_process, worker_floor = [], []
    # The floors and the converged run change nothing: with --repeat they alternate and the
    # fastest of each is kept (the least disturbed by other work on the machine). The task runs on
    # the controller, so dnspod_records runs in Ansible's worker process; the same task as a module
    # process (dnspod_module_process=true) is measured beside it. The ping floor pays for a module
    # process, the worker run does not: its own share is measured over the debug floor, which
    # runs in the worker too.
    for index in range(args.repeat):
        if index or not floor:
            floor.append(bench.measure(size, 'ansible.builtin.ping (floor)', 'floor',
                                       bench.playbook('ping.yml', vars_file)))
        worker_floor.append(bench.measure(size, 'ansible.builtin.debug (floor)', 'floor',
                                          bench.playbook('debug.yml', vars_file)))
        for backend in args.backends:
            converged[backend].append(bench.measure(size, bulk_tool(backend), 'converged',
                                                    bench.playbook('bulk.yml', vars_file), backend))
        if not args.no_module_process:
            module_process.append(bench.measure(
                size, 'dnspod_records (module process)', 'converged',
                bench.playbook('bulk.yml', vars_file) + ['-e', 'dnspod_module_process=true']))
    bench.keep_fastest(floor)
    bench.keep_fastest(worker_floor)
    for rows in converged.values():
        bench.keep_fastest(rows)
    bench.keep_fastest(module_process)

    # The loop runs in the worker too (dnspod_record has the same action plugin); with
    # --loop-module-process it is measured again as module processes, one per item.
    loops = [('dnspod_record (loop)', [])]
    if args.loop_module_process:
        loops.append(('dnspod_record (loop, module process)', ['-e', 'dnspod_module_process=true']))
    for tool, extra in loops:
        if size > args.loop_max:
            bench.skipped(size, tool, 'first', '--loop-max %d' % args.loop_max)
            bench.skipped(size, tool, 'converged', '--loop-max %d' % args.loop_max)
            continue
        if 'first' in args.loop_runs:
            emulator.reset([])
            bench.measure(size, tool, 'first', bench.playbook('loop.yml', vars_file) + extra)
        else:
            # Only the converged run: the sets are seeded as the first run would have left them.
            emulator.reset(seeded(sets))
            bench.skipped(size, tool, 'first', '--loop-runs converged')
        bench.measure(size, tool, 'converged', bench.playbook('loop.yml', vars_file) + extra)

    lex_why = None
    if args.no_lexicon:
        lex_why = '--no-lexicon'
    elif not bench.lexicon:
        lex_why = 'dns-lexicon could not be installed'
    elif size > args.lexicon_max:
        lex_why = '--lexicon-max %d' % args.lexicon_max
    elif size + 2 > 3000:
        lex_why = 'lexicon reads one page of Record.List only (3,000 records at most)'
    if lex_why:
        bench.skipped(size, 'dns-lexicon', 'first', lex_why)
        bench.skipped(size, 'dns-lexicon', 'converged', lex_why)
        return
    # Lexicon sends no `length`: on the live API its one page is 100 records (the emulator's
    # default_page_size), so past 100 records it cannot see what is there. Give it the
    # documented 3,000 so that it works at all.
    emulator.reset([], default_page_size=3000)
    cmd = [bench.lexicon, os.path.join(HERE, 'lexicon_sync.py'), emulator.url, DOMAIN, TOKEN_ID, TOKEN, vars_file]
    bench.measure(size, 'dns-lexicon', 'first', cmd)
    bench.measure(size, 'dns-lexicon', 'converged', cmd)


def table(rows):
    lines = ['| N | tool | run | API calls | writes | wall s | over ping floor s | over debug floor s | CPU s | peak MiB |',
             '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    for r in rows:
        if 'skipped' in r:
            lines.append('| %d | %s | %s | not run | | | | | | (%s) |' % (r['size'], r['tool'], r['run'], r['skipped']))
            continue
        over = []
        for floor_tool in ('ansible.builtin.ping', 'ansible.builtin.debug'):
            floor = find(rows, r['size'], floor_tool, 'floor')
            over.append('%.2f' % (r['wall'] - floor['wall'])
                        if floor is not None and not r['run'].startswith('floor') else '')
        status = '' if r['rc'] == 0 else ' (failed rc=%d)' % r['rc']
        lines.append('| %d | %s | %s%s | %d | %d | %.2f | %s | %s | %.2f | %.0f |' % (
            r['size'], r['tool'], r['run'], status, r['calls'], r['writes'], r['wall'], over[0], over[1], r['cpu'],
            r['rss']))
    return '\n'.join(lines)


TOOL_NAMES = {
    'ansible.builtin.ping': 'ansible.builtin.ping (floor)',
    'ansible.builtin.debug': 'ansible.builtin.debug (floor)',
    'dnspod_records': 'dnspod_records (1 task)',
    'dnspod_records (tencentcloud)': bulk_tool('tencentcloud'),
    'dnspod_records (module process)': 'dnspod_records (module process)',
    'dnspod_record': 'dnspod_record (loop)',
    'dnspod_record (module process)': 'dnspod_record (loop, module process)',
    'dns-lexicon': 'dns-lexicon',
}


# The floor a run's own share is measured over: the one that pays for the same kind of process.
SHARE_FLOOR = {
    'dnspod_records': 'ansible.builtin.debug',
    'dnspod_records (module process)': 'ansible.builtin.ping',
}


def find(rows, size, tool, run):
    for r in rows:
        if r['size'] == size and r['tool'] == TOOL_NAMES[tool] and r['run'].split(' ')[0] == run and 'skipped' not in r:
            return r
    return None


def ratios(rows, sizes):
    """The targets of docs/performance.md, computed from this run."""
    out = []
    for size in sizes:
        floor = find(rows, size, 'ansible.builtin.ping', 'floor')
        bulk = find(rows, size, 'dnspod_records', 'converged')
        first = find(rows, size, 'dnspod_records', 'first')
        if floor and bulk:
            out.append('- N=%d converged dnspod_records: %d API calls, %.2f s = %.2f x the ping floor (%.2f s); '
                       'CPU %.2f s = %.2f x the floor\'s %.2f s'
                       % (size, bulk['calls'], bulk['wall'], bulk['wall'] / floor['wall'], floor['wall'],
                          bulk['cpu'], bulk['cpu'] / floor['cpu'], floor['cpu']))
        module_process = find(rows, size, 'dnspod_records (module process)', 'converged')
        if floor and module_process:
            out.append('- N=%d converged dnspod_records as a module process (dnspod_module_process=true): %.2f s = '
                       '%.2f x the ping floor; CPU %.2f x'
                       % (size, module_process['wall'], module_process['wall'] / floor['wall'],
                          module_process['cpu'] / floor['cpu']))
        for tool in ('dnspod_record', 'dnspod_record (module process)', 'dns-lexicon'):
            for run, mine in (('first', first), ('converged', bulk)):
                other = find(rows, size, tool, run)
                if other and mine:
                    out.append('- N=%d %s run: %s takes %.1f x the time and %.0f x the API calls of dnspod_records'
                               % (size, run, tool, other['wall'] / mine['wall'],
                                  other['calls'] / float(max(mine['calls'], 1))))
    # The largest size against the smallest of 1,000 or more (10,000 or 5,000 sets against 1,000).
    big = max(sizes)
    small = min([size for size in sizes if 1000 <= size < big] or [None], key=lambda size: size or 0)
    for tool in ('dnspod_records', 'dnspod_records (module process)') if small else ():
        floor_tool = SHARE_FLOOR[tool]
        a, b = find(rows, small, tool, 'converged'), find(rows, big, tool, 'converged')
        fa, fb = find(rows, small, floor_tool, 'floor'), find(rows, big, floor_tool, 'floor')
        if a and b and fa and fb:
            for what in ('wall', 'cpu'):
                own_a, own_b = a[what] - fa[what], b[what] - fb[what]
                out.append('- %s, collection share (converged run minus the %s floor, %s): N=%d %.2f s, N=%d %.2f s: '
                           '%.1f x for %.0f x the sets' % (
                               TOOL_NAMES[tool], floor_tool.rsplit('.', maxsplit=1)[-1],
                               'wall time' if what == 'wall' else 'CPU time', small, own_a, big, own_b,
                               own_b / own_a if own_a > 0 else float('inf'), big / float(small)))
    for tool in ('dnspod_records', 'dnspod_records (module process)'):
        line = share_line(rows, sizes, tool)
        if line:
            out.append(line)
    return '\n'.join(out)


def find_bulk(rows, size, backend, run):
    for r in rows:
        if r['size'] == size and r['tool'] == bulk_tool(backend) and r['run'].split(' ')[0] == run and 'skipped' not in r:
            return r
    return None


def backends_table(rows, sizes, backends):
    """dnspod_records on each backend side by side: the first and the converged run of each N, the
    API the request log saw (proving which backend the modules chose), the actions sent, and the
    ratios of API 3.0 to the traditional API."""
    if len(backends) < 2 and backends != ['tencentcloud']:
        return ''
    lines = ['| N | backend | API in the log | first: calls | first: writes | first: wall s | first: CPU s '
             '| converged: calls | converged: writes | converged: wall s | converged: CPU s |',
             '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    notes = []

    def cells(row, keys):
        if row is None:
            return ['not run'] + [''] * (len(keys) - 1)
        status = '' if row['rc'] == 0 else ' (failed rc=%d)' % row['rc']
        rest = [('%.2f' % row[k]) if isinstance(row[k], float) else str(row[k]) for k in keys[1:]]
        return ['%d%s' % (row['calls'], status)] + rest

    for size in sizes:
        for backend in backends:
            first, converged = find_bulk(rows, size, backend, 'first'), find_bulk(rows, size, backend, 'converged')
            apis = sorted(set((first or {}).get('apis', []) + (converged or {}).get('apis', [])))
            lines.append('| %d | %s | %s | %s | %s |' % (
                size, backend, ', '.join(apis), ' | '.join(cells(first, ['calls', 'writes', 'wall', 'cpu'])),
                ' | '.join(cells(converged, ['calls', 'writes', 'wall', 'cpu']))))
            for run, row in (('first', first), ('converged', converged)):
                if row is not None:
                    notes.append('- N=%d %s %s run sent: %s' % (size, backend, run, row['actions'] or 'nothing'))
        old, new = (find_bulk(rows, size, 'dnspod', 'first'), find_bulk(rows, size, 'tencentcloud', 'first'))
        if old and new:
            notes.append('- N=%d first run: API 3.0 sends %d calls (%d writing) against %d (%d writing) on the '
                         'traditional API, %.0f x fewer; %.2f s against %.2f s wall (%.2f x), CPU %.2f x'
                         % (size, new['calls'], new['writes'], old['calls'], old['writes'],
                            old['calls'] / float(max(new['calls'], 1)), new['wall'], old['wall'],
                            new['wall'] / old['wall'], new['cpu'] / old['cpu']))
        old, new = (find_bulk(rows, size, 'dnspod', 'converged'), find_bulk(rows, size, 'tencentcloud', 'converged'))
        if old and new:
            notes.append('- N=%d converged run: API 3.0 %d calls, %d writes against %d, %d; %.2f s against %.2f s '
                         'wall (%.2f x), CPU %.2f x'
                         % (size, new['calls'], new['writes'], old['calls'], old['writes'], new['wall'], old['wall'],
                            new['wall'] / old['wall'], new['cpu'] / old['cpu']))
    return '\n'.join(lines) + '\n\n' + '\n'.join(notes)


def share_line(rows, sizes, tool):
    """The collection's share (converged run minus its floor, SHARE_FLOOR, CPU time) against N,
    fitted to a line ``a + b * N`` by least squares: the fixed part ``a``, the cost per set ``b``,
    and the largest distance of a measured share from the line. With three sizes or more this
    shows whether the growth is linear."""
    points = []
    for size in sorted(sizes):
        run, floor = find(rows, size, tool, 'converged'), find(rows, size, SHARE_FLOOR[tool], 'floor')
        if run and floor:
            points.append((size, run['cpu'] - floor['cpu']))
    if len(points) < 3:
        return None
    count = float(len(points))
    mean_n = sum(n for n, _share in points) / count
    mean_s = sum(share for _n, share in points) / count
    slope = sum((n - mean_n) * (share - mean_s) for n, share in points) / sum((n - mean_n) ** 2 for n, _share in points)
    fixed = mean_s - slope * mean_n
    worst = max(abs(share - (fixed + slope * n)) for n, share in points)
    steps = ', '.join('%d to %d: %.3f ms' % (n1, n2, (s2 - s1) * 1000 / (n2 - n1))
                      for (n1, s1), (n2, s2) in zip(points, points[1:]))
    measured = ', '.join('N=%d %.2f s' % point for point in points)
    return ('- %s, collection share (CPU, over the %s floor) against N: %s; fitted %.3f s + %.3f ms per set, '
            'largest distance of a point from the line %.3f s; cost per added set, %s' % (
                TOOL_NAMES[tool], SHARE_FLOOR[tool].rsplit('.', maxsplit=1)[-1], measured, fixed, slope * 1000, worst,
                steps))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--sizes', default='10,100,1000,5000,10000', help='numbers of record sets (default %(default)s)')
    parser.add_argument('--loop-max', type=int, default=1000,
                        help='largest N for the dnspod_record loop (default %(default)s)')
    parser.add_argument('--lexicon-max', type=int, default=1000,
                        help='largest N for dns-lexicon (default %(default)s)')
    parser.add_argument('--loop-runs', default='first,converged',
                        help='runs of the loop: first,converged (default) or converged (seeded, half the time)')
    parser.add_argument('--bulk-runs', default='first,converged',
                        help='runs of dnspod_records: first,converged (default) or converged (seeded)')
    parser.add_argument('--repeat', type=int, default=1,
                        help='run the floor and the converged dnspod_records this many times, keep the fastest')
    parser.add_argument('--loop-module-process', action='store_true',
                        help='measure the dnspod_record loop as module processes too (dnspod_module_process=true)')
    parser.add_argument('--no-lexicon', action='store_true', help='do not install or run dns-lexicon')
    parser.add_argument('--no-module-process', action='store_true',
                        help='do not measure the converged dnspod_records as a module process beside the default run')
    parser.add_argument('--backends', default=','.join(BACKENDS),
                        help='the APIs dnspod_records is measured on (first and converged runs): dnspod (the '
                        'traditional API, a login token), tencentcloud (API 3.0, a key pair only); default '
                        '%(default)s. The loop, lexicon and module process rows are the traditional API\'s '
                        'whatever this says (--loop-max 0, --no-lexicon, --no-module-process leave them out)')
    parser.add_argument('--output', help='also write the markdown (versions, table, ratios) to this file')
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(',') if s.strip()]
    args.backends = [b.strip() for b in args.backends.split(',') if b.strip()]
    unknown = [b for b in args.backends if b not in BACKENDS]
    if unknown or not args.backends:
        parser.error('--backends: choose from %s (got %s)' % (', '.join(BACKENDS), ', '.join(unknown) or 'none'))

    lexicon = None if args.no_lexicon else lexicon_python()
    work = tempfile.mkdtemp(prefix='dnspod-bench-')
    emulator = Emulator()
    try:
        env = playbook_env(work, emulator)
        env['PATH'] = BIN + os.pathsep + env.get('PATH', '')
        # API 3.0: only the key pair, no login token, so that the modules choose the backend from the
        # credentials (api_backend auto), as a user holding only Tencent Cloud keys runs them.
        tc_env = dict((k, v) for k, v in env.items() if k != 'DNSPOD_LOGIN_TOKEN')
        tc_env.update(TENCENTCLOUD_SECRET_ID=SECRET_ID, TENCENTCLOUD_SECRET_KEY=SECRET_KEY)
        bench = Bench(emulator, env, work, lexicon, backend_env={'dnspod': env, 'tencentcloud': tc_env})
        info = versions(lexicon)
        start_load = info['load average']
        for index, size in enumerate(sizes):
            run_size(bench, size, args)
            info['load average'] = '%s (start), %s (%s)' % (
                start_load, ' '.join('%.2f' % x for x in os.getloadavg()),
                'end' if index == len(sizes) - 1 else 'after N=%d' % size)
            text = '\n'.join(['%s: %s  ' % item for item in info.items()]) + '\n\n' + table(bench.rows) + \
                '\n\n' + ratios(bench.rows, sizes[:index + 1]) + '\n'
            side_by_side = backends_table(bench.rows, sizes[:index + 1], args.backends)
            if side_by_side:
                text += '\nBackends side by side (dnspod_records, one task):\n\n' + side_by_side + '\n'
            if args.output:
                # Written after each N, so that a long run can be read while it goes on.
                with open(args.output, 'w') as handle:
                    handle.write(text)
    finally:
        emulator.stop()
    print(text)
    failed = [r for r in bench.rows if r.get('rc') not in (None, 0)]
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
    else:
        sys.stderr.write('logs of the failed runs are kept in %s\n' % work)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
