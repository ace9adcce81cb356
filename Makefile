# Bottomline — the nightly monitoring job. `make report` runs the sample; `make test` runs the tests.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/bottomline
PIPELINE ?= Pipelines/guizhou.yaml
SAMPLE := SampleData/guizhou
SAMPLE_DATE := 2026-11-28
SAMPLE_SEED := 20261129
SAMPLE_PERSONS := 20000
DATE ?= $(shell date +%F)
DATA ?= $(SAMPLE)
WAREHOUSE ?= out/warehouse.sqlite
SECONDS ?= 60

.PHONY: all deps bench-deps build test check report sample nightly bench bench-province fuzz clean

all: report

# System libraries the build needs (SQLite for the warehouse).
deps:
	@if ! dpkg -s libsqlite3-dev >/dev/null 2>&1; then \
		echo "installing libsqlite3-dev" >&2; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build -c release --product bottomline

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

check: build
	$(BIN) check --pipeline $(PIPELINE) --data $(SAMPLE) --date $(SAMPLE_DATE) --out out/check

report: build
	$(BIN) run --pipeline $(PIPELINE) --data $(SAMPLE) --date $(SAMPLE_DATE) --out out/sample --warehouse $(WAREHOUSE)
	@echo "Wrote out/sample/ (open out/sample/report.html) and $(WAREHOUSE)"

sample: build
	rm -rf $(SAMPLE)/*.csv $(SAMPLE)/dirty_manifest.csv
	$(BIN) generate --persons $(SAMPLE_PERSONS) --seed $(SAMPLE_SEED) --dirty --out $(SAMPLE)

nightly: build
	$(BIN) run --pipeline $(PIPELINE) --data $(DATA) --date $(DATE) --out out/$(DATE) --warehouse $(WAREHOUSE)

# Python packages of the DuckDB reference and its tests (bench/ only; `make test` needs none).
bench-deps:
	@python3 -c 'import duckdb, pytest' 2>/dev/null || python3 -m pip install --quiet duckdb pytest

bench: build bench-deps
	bash bench/bench.sh

bench-province: build bench-deps
	bash bench/bench_province.sh

fuzz: deps
	bash fuzz/run.sh $(SECONDS)

clean:
	rm -rf .build out
