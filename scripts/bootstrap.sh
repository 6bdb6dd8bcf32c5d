#!/usr/bin/env bash
# Create or refresh .venv with everything the demo and the tests need.
# Picks the newest Python on the machine that ansible-core supports, falling back to python3.
set -euo pipefail
cd "$(dirname "$0")/.."
REQ=tests/requirements.txt
VENV=.venv

pick_python() {
    # pyenv shims (python3.13, python3.12) fail unless PYENV_VERSION names an installed version.
    local root="" minor ver
    if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root 2>/dev/null || true); fi
    for minor in 3.13 3.12; do
        if [ -n "$root" ] && [ -d "$root/versions" ]; then
            ver=$(ls "$root/versions" 2>/dev/null | grep -E "^${minor//./\\.}\.[0-9]+$" | sort -V | tail -n 1 || true)
            if [ -n "$ver" ] && PYENV_VERSION="$ver" "python$minor" -c 'import venv, ensurepip' >/dev/null 2>&1; then
                echo "PYENV_VERSION=$ver python$minor"; return
            fi
        fi
        if command -v "python$minor" >/dev/null 2>&1 && "python$minor" -c 'import venv, ensurepip' >/dev/null 2>&1; then
            echo "python$minor"; return
        fi
    done
    echo python3
}

stamp="$(sha256sum "$REQ" | cut -c1-16)"
if [ -x "$VENV/bin/python" ] && [ -f "$VENV/.stamp" ] && [ "$(cat "$VENV/.stamp")" = "$stamp" ]; then
    exit 0
fi
py=$(pick_python)
echo "bootstrap: creating $VENV with: $py" >&2
rm -rf "$VENV"
env $py -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip >&2 2>/dev/null || true
"$VENV/bin/python" -m pip install --quiet -r "$REQ" 2>&1 | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
"$VENV/bin/python" -c 'import ansible, requests, pytest' # fail loudly if the install did not work
echo "$stamp" > "$VENV/.stamp"
"$VENV/bin/ansible" --version | sed -n 1p >&2  # sed reads all input: no broken pipe
