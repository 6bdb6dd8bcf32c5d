# The two commands of the README: `make demo` and `make test`. Both set up .venv themselves.
# `make demo API=tencentcloud`: the same demo over Tencent Cloud API 3.0 (a key pair only).
# `make matrix`: unit, parity and sanity on every supported ansible-core, and galaxy-importer (docs/testing.md).
.PHONY: demo test matrix venv unit e2e sanity lint build docs clean bench

demo:
	scripts/demo.sh $(API)

test:
	scripts/run-tests.sh

matrix:
	scripts/matrix.sh $(MATRIX_ARGS)

venv:
	scripts/bootstrap.sh

unit: venv
	.venv/bin/python -m pytest -p no:cacheprovider -p no:pytest-ansible tests/unit

e2e: venv
	.venv/bin/python -m pytest -p no:cacheprovider -p no:pytest-ansible tests/e2e

sanity:
	scripts/sanity.sh

lint: venv
	mkdir -p .cache/lint-collections/ansible_collections/dnspod
	ln -sfn "$(CURDIR)" .cache/lint-collections/ansible_collections/dnspod/dnspod
	ANSIBLE_COLLECTIONS_PATH="$(CURDIR)/.cache/lint-collections" .venv/bin/ansible-lint --nocolor

# On demand, not part of `make test`: API calls, writes, time and memory of dnspod_records, a loop of
# dnspod_record tasks and dns-lexicon against the emulator (docs/performance.md). BENCH_ARGS=--help
bench: venv
	.venv/bin/python benchmarks/run.py $(BENCH_ARGS)

build: venv
	.venv/bin/ansible-galaxy collection build --output-path dist --force

docs:
	scripts/docs.sh

clean:
	rm -rf .venv .cache dist tests/output
