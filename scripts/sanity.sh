#!/usr/bin/env bash
# Run ansible-test sanity on a copy of the collection placed under ansible_collections/dnspod/dnspod
# (ansible-test refuses symlinked paths), with an offline pip bootstrap for its virtualenvs.
# The ansible-test (and so the ansible-core) of .venv; SANITY_VENV=DIR takes another virtualenv's, as the
# matrix does with each core's (noxfile.py, scripts/core-venv.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${SANITY_VENV:-}" ]; then
    VENV=$(cd "$SANITY_VENV" && pwd)
else
    scripts/bootstrap.sh
    VENV="$PWD/.venv"
fi
pipver=$("$VENV/bin/python" - <<'PY'
import os, re, ansible_test
p = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
print(re.search(r"pip='([^']+)'", open(p).read()).group(1))
PY
)
cache="$HOME/.ansible/test/cache/get_pip_${pipver//./_}.py"
mkdir -p "$(dirname "$cache")"
cp scripts/offline_get_pip.py "$cache"

top=$(mktemp -d /tmp/dnspod-sanity.XXXXXX)
trap 'rm -rf "$top"' EXIT
dest="$top/ansible_collections/dnspod/dnspod"
mkdir -p "$dest"
"$VENV/bin/python" - "$dest" <<'PY'
import os, shutil, subprocess, sys
dest = sys.argv[1]
files = subprocess.run(['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
                       check=True, capture_output=True).stdout.decode().split('\0')
for f in filter(None, files):
    if os.path.isfile(f):
        os.makedirs(os.path.join(dest, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(f, os.path.join(dest, f))
PY
# ansible-test wants a git tree or it lists files by walking; a fresh repo keeps it to our files.
(cd "$dest" && git init -q && git add -A && git -c user.email=ci@localhost -c user.name=ci commit -qm sanity)
pyver=$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
cd "$dest"
PATH="$VENV/bin:$PATH" ansible-test sanity --venv --python "$pyver" --color no "$@"
