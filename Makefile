# The two commands users run: `make build` and `make test`. Everything runs from the project root.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
ROWS ?= 100000
BENCH_ARGS ?=
DEST ?=
DOCS_PORT ?= 8080
BENCHMARK ?= data/benchmark/benchmark.parquet
PRIVACY_OUTPUT_DIR ?= output

export DBT_PROFILES_DIR := $(CURDIR)

.PHONY: help install deps build evaluate test lint lint-python lint-sql pytest docs browser export bench bench-env bench-sweep clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

install: $(BIN)/.installed ## Create .venv and install the pinned requirements

deps: install ## Link the local dbt packages (packages/) into dbt_packages/
	$(DBT) deps --quiet

build: deps ## Seed, run and test the whole pipeline; writes output/curated_training_data.parquet
	$(DBT) build

evaluate: install ## Train the baseline classifiers on the export (after make build); writes output/evaluation/
	$(BIN)/python scripts/evaluate.py \
		--export "$(PRIVACY_OUTPUT_DIR)/curated_training_data.parquet" \
		--manifest "$(PRIVACY_OUTPUT_DIR)/curated_training_data.manifest.json" \
		--benchmark "$(BENCHMARK)" \
		--output "$(PRIVACY_OUTPUT_DIR)/evaluation"

lint-python: install ## ruff: lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lint-sql: deps ## sqlfluff on every model, macro-rendered, on the in-memory lint target
	$(BIN)/sqlfluff lint models python_models analyses tests

lint: lint-python lint-sql ## All linters

pytest: deps browser ## pytest: unit tests and real dbt builds on temporary databases
	$(BIN)/pytest

test: lint pytest ## The whole suite, as CI runs it

docs: deps ## Generate the docs site and serve it on http://127.0.0.1:8080 (DOCS_PORT=...)
	$(DBT) docs generate
	$(DBT) docs serve --host 127.0.0.1 --port $(DOCS_PORT) --no-browser

browser: ## Install Debian's chromium (for the docs-site test) when it is missing; needs root
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } \
			|| echo "apt-get could not install chromium: the docs-site test will be skipped"; \
	else \
		echo "chromium is missing and this is not root: run 'sudo apt-get install chromium' (the docs-site test is skipped)"; \
	fi

export: install ## Hand the dataset over: copy Parquet, manifest and card to DEST and verify the sha256
	@test -n "$(DEST)" || { echo "usage: make export DEST=<training project's data folder>"; exit 2; }
	$(BIN)/python scripts/export_dataset.py "$(DEST)" --source "$(PRIVACY_OUTPUT_DIR)"

# The bench-only environment: datatrove, the benchmark's MinHash peer. `make build` never needs it; when
# it cannot be installed (no registry), the bench runs without datatrove and says so.
BENCH_VENV := .venv-bench
SWEEP_ROWS ?= 100000 1000000 3000000 10000000

$(BENCH_VENV)/bin/.installed: requirements-bench.txt
	@{ $(PYTHON) -m venv $(BENCH_VENV) \
		&& $(BENCH_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-bench.txt \
		&& touch $@; } \
		|| { rm -rf $(BENCH_VENV); echo "could not install $(BENCH_VENV): the bench runs without datatrove"; }

bench-env: $(BENCH_VENV)/bin/.installed ## Create .venv-bench (datatrove, for the bench only)

bench: deps bench-env ## Benchmark each layer on ROWS messages, datatrove side by side (make bench ROWS="100000 1000000"; BENCH_ARGS=--whole)
	$(BIN)/python scripts/bench.py --rows $(ROWS) $(BENCH_ARGS)

bench-sweep: deps bench-env ## The bench at 100k, 1M, 3M and 10M messages (SWEEP_ROWS=...); appends bench/results.csv
	$(BIN)/python scripts/bench.py --rows $(SWEEP_ROWS) $(BENCH_ARGS)

clean: ## Remove dbt artefacts, the local database and exports (keeps .venv)
	rm -rf target dbt_packages logs package-lock.yml privacy_curation.duckdb privacy_curation.duckdb.wal privacy_curation.duckdb.tmp
	rm -rf output
