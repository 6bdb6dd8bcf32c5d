#!/usr/bin/env bash
# The docs build step: lint the collection's docs with antsibull-docs, then build the static docs site
# (antsibull-docs + Sphinx, warnings are errors) from the installed collection into dist/docsite/.
#   scripts/docs.sh            lint and build
#   scripts/docs.sh --lint     lint only
#   scripts/docs.sh --changelog  fold the fragments into the release of galaxy.yml's version in
#                                changelogs/changelog.yaml (antsibull-changelog release, --update-existing while
#                                that release is not published), remove them, and regenerate CHANGELOG.rst
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

if [ "${1:-}" = "--changelog" ]; then
    # antsibull-changelog finds the plugins in an installed-looking tree: work on a copy, then take back
    # changelog.yaml and CHANGELOG.rst and remove the fragments the release took in.
    copy="$work/changelog/ansible_collections/dnspod/dnspod"
    mkdir -p "$copy"
    git ls-files -z | xargs -0 -I{} cp --parents {} "$copy"/
    rm -rf "$copy/changelogs" && cp -r changelogs "$copy"/   # fragments not committed yet too
    version=$(python -c 'import yaml; print(yaml.safe_load(open("galaxy.yml"))["version"])')
    flags=(--cummulative-release)
    if python -c 'import sys, yaml; sys.exit(sys.argv[1] not in (yaml.safe_load(open("changelogs/changelog.yaml"))["releases"] or {}))' "$version"; then
        flags+=(--update-existing)
    fi
    (cd "$copy" && antsibull-changelog lint && antsibull-changelog release --version "$version" "${flags[@]}" >/dev/null)
    cp "$copy/changelogs/changelog.yaml" changelogs/changelog.yaml
    cp "$copy/CHANGELOG.rst" CHANGELOG.rst
    for fragment in changelogs/fragments/*; do
        if [ -e "$fragment" ] && [ ! -e "$copy/$fragment" ]; then rm "$fragment"; fi
    done
    echo "docs: changelogs/changelog.yaml and CHANGELOG.rst hold the fragments of release $version"
    exit 0
fi

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
