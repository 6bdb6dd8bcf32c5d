#!/usr/bin/env bash
# Create or reuse the virtualenv of one entry of the test matrix and print its directory.
#   scripts/core-venv.sh 2.17             ansible-core 2.17.x + tests/requirements-core.txt
#   scripts/core-venv.sh galaxy-importer  galaxy-importer (tests/requirements-galaxy-importer.txt)
#   scripts/core-venv.sh nox              nox, the session runner of `make matrix` (noxfile.py)
# Virtualenvs live in .cache/venvs/<name> (ignored by git, left out of the collection tarball) and are
# reused while their stamp matches: the requirement file, the core series and the interpreter's version.
# Each core gets a Python it supports as a controller, the first one found of its preference list
# (pyenv versions first, then python3.X and python3 on PATH); PYTHON=/path/to/python overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/core-venv.sh CORE|galaxy-importer|nox}

case "$name" in
    # Controller Pythons per core: 2.17 3.10-3.12, 2.18/2.19 3.11-3.13, 2.20/2.21 3.12-3.14.
    # The preferred one first, so that the matrix covers 3.10 to 3.13 between them.
    2.17) pythons="3.10 3.12 3.11" ;;
    2.18) pythons="3.11 3.13 3.12" ;;
    2.19) pythons="3.12 3.11 3.13" ;;
    2.20) pythons="3.12 3.13 3.14" ;;
    2.21) pythons="3.13 3.12 3.14" ;;
    galaxy-importer) pythons="3.12 3.11 3.13" ;;
    nox) pythons="3.12 3.13 3.11 3.10" ;;
    *) echo "core-venv: unknown matrix entry '$name' (2.17 ... 2.21, galaxy-importer, nox)" >&2; exit 2 ;;
esac
case "$name" in
    galaxy-importer|nox) req="tests/requirements-$name.txt"; pin="" ;;
    *) req=tests/requirements-core.txt; pin="ansible-core==$name.*" ;;
esac

find_python() {  # the first interpreter of $pythons that can make a venv
    local root="" minor ver cand
    if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
    if command -v pyenv >/dev/null 2>&1; then root=$(pyenv root 2>/dev/null || true); fi
    for minor in $pythons; do
        if [ -n "$root" ] && [ -d "$root/versions" ]; then
            # The interpreter itself, not the pyenv shim (shims fail unless PYENV_VERSION is set).
            ver=$(ls "$root/versions" 2>/dev/null | grep -E "^${minor//./\\.}\.[0-9]+$" | sort -V | tail -n 1 || true)
            cand="$root/versions/$ver/bin/python$minor"
            if [ -n "$ver" ] && "$cand" -c 'import venv, ensurepip' >/dev/null 2>&1; then echo "$cand"; return; fi
        fi
        for cand in "python$minor" python3; do
            if command -v "$cand" >/dev/null 2>&1 && \
               [ "$("$cand" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$minor" ] && \
               "$cand" -c 'import venv, ensurepip' >/dev/null 2>&1; then
                command -v "$cand"; return
            fi
        done
    done
    echo "core-venv: no Python of $pythons on this machine for $name" >&2
    return 1
}

py=$(find_python)
pyver=$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
venv=".cache/venvs/$name"
stamp="$( (cat "$req"; echo "$pin"; echo "$pyver") | sha256sum | cut -c1-16)"
if [ -x "$venv/bin/python" ] && [ -f "$venv/.stamp" ] && [ "$(cat "$venv/.stamp")" = "$stamp" ]; then
    echo "$PWD/$venv"
    exit 0
fi
echo "core-venv: creating $venv with Python $pyver ($py)${pin:+, $pin}" >&2
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
"$py" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip >&2 2>/dev/null || true
# shellcheck disable=SC2086
"$venv/bin/python" -m pip install --quiet -r "$req" $pin 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
case "$name" in
    galaxy-importer) "$venv/bin/python" -c 'import galaxy_importer' ;;
    nox) "$venv/bin/python" -c 'import nox' ;;
    *) "$venv/bin/python" -c 'import ansible, requests, pytest, xdist'
       got=$("$venv/bin/python" -c 'from ansible.release import __version__ as v; print(v)')
       case "$got" in "$name".*) ;; *) echo "core-venv: wanted ansible-core $name, got $got" >&2; exit 1 ;; esac ;;
esac
echo "$stamp" > "$venv/.stamp"
echo "$PWD/$venv"
