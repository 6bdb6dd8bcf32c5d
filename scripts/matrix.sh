#!/usr/bin/env bash
# `make matrix`: every session of noxfile.py (unit, parity and sanity on ansible-core 2.17 to 2.21, then
# galaxy-importer on the built tarball), then a table of what ran on which core, how it went and how long
# it took. Arguments go to nox: scripts/matrix.sh -s unit-2.17 parity-2.17
set -uo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
nox_venv=$(scripts/core-venv.sh nox) || exit 1
rm -f .cache/matrix/*.json
"$nox_venv/bin/nox" -f noxfile.py --no-color "$@"
rc=$?
"$nox_venv/bin/python" - "$(( $(date +%s) - start ))" <<'PY'
import glob, json, sys
records = [json.load(open(p)) for p in sorted(glob.glob('.cache/matrix/*.json'))]
print('\nmatrix (%ss in all)' % sys.argv[1])
print('%-16s %-6s %-8s %-7s %s' % ('session', 'core', 'result', 'seconds', 'versions'))
for r in sorted(records, key=lambda r: (r['core'] or '9', r['kind'])):
    print('%-16s %-6s %-8s %7.1f %s' % (r['session'], r['core'] or '-', 'passed' if r['passed'] else 'FAILED',
                                        r['seconds'], r['versions'] or ''))
PY
exit $rc
