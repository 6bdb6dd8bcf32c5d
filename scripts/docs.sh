#!/usr/bin/env bash
# The docs build step: lint the collection's docs with antsibull-docs, then build the static docs site
# (antsibull-docs + Sphinx, warnings are errors) from the installed collection into dist/docsite/.
#   scripts/docs.sh            lint and build
#   scripts/docs.sh --lint     lint only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
VENV="$PWD/.venv"
export PATH="$VENV/bin:$PATH"
start=$(date +%s)

work=$(mktemp -d /tmp/dnspod-docs.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
export ANSIBLE_COLLECTIONS_PATH="$work/collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false ANSIBLE_NOCOLOR=1
ansible-galaxy collection build --output-path "$work/dist" --force >/dev/null
ansible-galaxy collection install "$work"/dist/dnspod-dnspod-*.tar.gz -p "$work/collections" --offline --force >/dev/null

echo "docs: antsibull-docs lint-collection-docs --plugin-docs"
antsibull-docs lint-collection-docs --plugin-docs --skip-rstcheck --check-extra-docs-refs "$work/collections/ansible_collections/dnspod/dnspod"
echo "docs: lint clean ($(( $(date +%s) - start ))s)"
[ "${1:-}" = "--lint" ] && exit 0

site="$work/site"
mkdir -m 700 "$site"
antsibull-docs sphinx-init --use-current --squash-hierarchy --fail-on-error --no-add-antsibull-docs-version \
    --dest-dir "$site" --project dnspod.dnspod --title "DNSPod collection (dnspod.dnspod)" \
    --copyright "dnspod.dnspod contributors" dnspod.dnspod >/dev/null
cat docs/docsite/sphinx/conf-extra.py >> "$site/conf.py"
chmod 700 "$site/rst"
antsibull-docs --config-file "$site/antsibull-docs.cfg" collection --cleanup everything --fail-on-error \
    --use-current --squash-hierarchy --dest-dir "$site/rst" dnspod.dnspod >/dev/null
cp docs/docsite/sphinx/ansible_references.rst "$site/rst/"
sphinx-build -q -b html -c "$site" -W --keep-going "$site/rst" "$site/build/html"
rm -rf dist/docsite && mkdir -p dist && cp -r "$site/build/html" dist/docsite
echo "docs: site built without warnings in dist/docsite/index.html ($(( $(date +%s) - start ))s)"
