#!/usr/bin/env bash
# The README's test command: every test of the project, from a fresh clone.
#   1. Python 3.9 compatibility of everything that runs as a module
#   2. pytest: unit tests and end-to-end playbook tests against the emulator, on the newest ansible-core
#      (the e2e fixture builds the collection tarball and installs it offline)
#   2b. the oldest supported ansible-core (meta/runtime.yml): unit and worker/module-process parity tests
#      (noxfile.py sessions; `make matrix` runs every core, docs/testing.md)
#   3. ansible-test sanity on a copy under ansible_collections/dnspod/dnspod
#   4. ansible-lint, production profile
#   5. docs: antsibull-docs lint-collection-docs, then the docs site built with antsibull-docs + Sphinx
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/bootstrap.sh
VENV="$PWD/.venv"
export PATH="$VENV/bin:$PATH"

step() { printf '\n=== %s (%ss elapsed)\n' "$1" "$(( $(date +%s) - start ))"; }

step "Python 3.9 compatibility of plugins/"
py39=""
if command -v pyenv >/dev/null 2>&1; then
    v=$(ls "$(pyenv root)/versions" 2>/dev/null | grep -E '^3\.9\.[0-9]+$' | sort -V | tail -n 1 || true)
    [ -n "$v" ] && py39="env PYENV_VERSION=$v python3.9"
fi
if [ -n "$py39" ] && $py39 -c 'pass' 2>/dev/null; then
    # compile() checks syntax without writing byte code next to the sources.
    find plugins -name '*.py' -print0 | xargs -0 $py39 -c '
import sys
for f in sys.argv[1:]:
    with open(f, "rb") as fh:
        compile(fh.read(), f, "exec")
print("compiled %d files with Python %s" % (len(sys.argv) - 1, sys.version.split()[0]))'
else
    echo "no Python 3.9 interpreter on this machine: compatibility is covered by ansible-test compile only"
fi

step "pytest: unit and end-to-end"
# Two workers (pytest-xdist): most of the time is ansible-playbook runs, one core each; every worker
# has its own emulator and installed collection. PYTEST_WORKERS=0 runs in one process. loadgroup:
# the tests of one xdist_group (a file whose tests share one cached playbook run) go to one worker.
python -m pytest -p no:cacheprovider -p no:pytest-ansible -n "${PYTEST_WORKERS:-2}" --dist loadgroup tests/unit tests/e2e "$@"

oldest=$(sed -n "s/^requires_ansible: *['\"]>=\([0-9]*\.[0-9]*\).*/\1/p" meta/runtime.yml)
step "oldest supported ansible-core ($oldest): unit and parity tests"
scripts/matrix.sh -s "unit-$oldest" "parity-$oldest"

step "ansible-test sanity"
scripts/sanity.sh

step "ansible-lint (production profile)"
# Offline, ansible-lint cannot install the collection it lints: give it a path where it is found.
mkdir -p .cache/lint-collections/ansible_collections/dnspod
ln -sfn "$PWD" .cache/lint-collections/ansible_collections/dnspod/dnspod
ANSIBLE_COLLECTIONS_PATH="$PWD/.cache/lint-collections" ansible-lint --nocolor

step "docs: antsibull-docs lint-collection-docs and the static docs site (Sphinx, warnings are errors)"
scripts/docs.sh

step "all tests passed in $(( $(date +%s) - start ))s"
