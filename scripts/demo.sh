#!/usr/bin/env bash
# The README's demo command: set up .venv, start the DNSPod emulator, install the collection from
# its tarball, run playbooks/demo.yml twice and show that the second run changes nothing.
#   scripts/demo.sh                   the traditional DNSPod API, with the emulator's API token
#   scripts/demo.sh tencentcloud      Tencent Cloud API 3.0, with the emulator's key pair only
# (`make demo API=tencentcloud`). The playbook is the same: the credentials choose the API.
set -euo pipefail
api="${1:-${API:-dnspod}}"
case "$api" in
    dnspod|tencentcloud) ;;
    *) echo "demo: unknown API '$api' (dnspod or tencentcloud)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
VENV="$PWD/.venv"
work="$PWD/.cache/demo"
rm -rf "$work" && mkdir -p "$work"

"$VENV/bin/ansible-galaxy" collection build --output-path "$work/dist" --force >/dev/null
"$VENV/bin/ansible-galaxy" collection install "$work"/dist/dnspod-dnspod-*.tar.gz -p "$work/collections" \
    --offline --force >/dev/null

"$VENV/bin/python" tests/emulator/serve.py --port 0 >"$work/emulator.out" 2>"$work/emulator.err" &
emu=$!
trap 'kill $emu 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/emulator.out" ] && break; sleep 0.1; done
url=$(head -n 1 "$work/emulator.out")
echo "DNSPod emulator at $url"

export ANSIBLE_COLLECTIONS_PATH="$work/collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export ANSIBLE_PYTHON_INTERPRETER="$VENV/bin/python" ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false ANSIBLE_LOCAL_TEMP="$work/tmp"
export DNSPOD_API_URL="$url"
unset DNSPOD_LOGIN_TOKEN DNSPOD_LOGIN_EMAIL DNSPOD_LOGIN_PASSWORD DNSPOD_API_BACKEND
unset TENCENTCLOUD_SECRET_ID TENCENTCLOUD_SECRET_KEY TENCENTCLOUD_SESSION_TOKEN TENCENTCLOUD_SECURITY_TOKEN
if [ "$api" = tencentcloud ]; then
    # Only a key pair: the modules choose Tencent Cloud API 3.0 from the credentials given.
    export TENCENTCLOUD_SECRET_ID=AKID10000EMULATOR TENCENTCLOUD_SECRET_KEY=emulator-secret-key-10000
else
    export DNSPOD_LOGIN_TOKEN='10000,0123456789abcdef0123456789abcdef'
fi
echo "API: $api"

count() {  # API calls and writes logged by the emulator since entry $1
    "$VENV/bin/python" - "$url" "$1" <<'PY'
import json, sys, urllib.request
log = json.load(urllib.request.urlopen(sys.argv[1] + '/_emulator/requests'))[int(sys.argv[2]):]
print('%d %d' % (len(log), sum(1 for r in log if r['write'])))
PY
}

for run in 1 2; do
    before=$(count 0 | cut -d' ' -f1)
    echo; echo "=== run $run of playbooks/demo.yml"
    "$VENV/bin/ansible-playbook" playbooks/demo.yml | tee "$work/run$run.log"
    read -r calls writes <<<"$(count "$before")"
    echo "run $run: $calls API calls, $writes writes"
    eval "calls$run=$calls writes$run=$writes"
done

changed2=$(grep -m1 -Eo 'changed=[0-9]+' "$work/run2.log" | cut -d= -f2)
echo
echo "first run:  ${calls1} API calls, ${writes1} writes"
echo "second run: ${calls2} API calls, ${writes2} writes, changed=${changed2}"
if [ "$writes2" != 0 ] || [ "$changed2" != 0 ]; then
    echo "FAIL: the second run was expected to change nothing" >&2
    exit 1
fi
echo "The second run changed nothing: the demo is idempotent."
