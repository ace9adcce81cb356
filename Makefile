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
FUZZ_SMOKE_SECONDS ?= 20

.PHONY: all deps test-deps fuzz-smoke bench-deps build test lint check report report-pdf check-office sample nightly bench bench-province bench-history fuzz test-slurm bench-scale clean

all: report

# System libraries the build needs (SQLite for the warehouse, libxlsxwriter for the workbook, OpenSSL's
# libcrypto for the household key's HMAC).
SYSTEM_LIBRARIES := libsqlite3-dev libxlsxwriter-dev libssl-dev
PYTHON_PACKAGES := .build/python-packages

deps:
	@missing=""; for package in $(SYSTEM_LIBRARIES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing" >&2; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Tools the tests need: strace kills a real run at chosen system calls (fault-injection tests);
# openpyxl, the independent reader the workbook tests check the .xlsx with.
test-deps: deps
	@if ! command -v strace >/dev/null 2>&1; then \
		echo "installing strace" >&2; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace; \
	fi
	@PYTHONPATH=$(PYTHON_PACKAGES) python3 -c 'import openpyxl' 2>/dev/null || { \
		echo "installing openpyxl into $(PYTHON_PACKAGES)" >&2; \
		python3 -m pip install --quiet --disable-pip-version-check --target $(PYTHON_PACKAGES) openpyxl; }

build: deps
	$(SWIFT) build -c release --product bottomline

test: test-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2
	$(MAKE) fuzz-smoke
	$(MAKE) test-slurm

# A short fuzz run: the fuzz target is built with the package (a target that no longer builds fails
# the build), replays fuzz/corpus/ and mutates it at random for FUZZ_SMOKE_SECONDS. `make fuzz` runs libFuzzer.
fuzz-smoke:
	$$($(SWIFT) build --show-bin-path)/BottomlineFuzz fuzz/corpus --seconds $(FUZZ_SMOKE_SECONDS)

# The Slurm deployment (deploy/slurm) on a real single-node cluster started on this machine
# (slurm-wlm and munge installed when missing): 4 shards of two generated provinces, the merge,
# a cancelled shard rerun; the merged figures are compared with one run. Uses the debug build.
test-slurm: deps
	$(SWIFT) build --product bottomline
	bash deploy/slurm/test-cluster.sh "$$($(SWIFT) build --show-bin-path)/bottomline"

# Style check against .swift-format (4 spaces, 120 columns). Warnings are listed, not fatal;
# a broken configuration or a file swift-format cannot parse fails.
lint:
	@mkdir -p .build
	@$(SWIFT) format lint --recursive Sources Tests > .build/format-lint.txt 2>&1; status=$$?; \
		echo "swift format lint: $$(grep -c 'warning:' .build/format-lint.txt) warnings (listed in .build/format-lint.txt)"; \
		exit $$status

check: build
	$(BIN) check --pipeline $(PIPELINE) --data $(SAMPLE) --date $(SAMPLE_DATE) --out out/check

report: build
	$(BIN) run --pipeline $(PIPELINE) --data $(SAMPLE) --date $(SAMPLE_DATE) --out out/sample --warehouse $(WAREHOUSE)
	@echo "Wrote out/sample/ (open out/sample/report.html) and $(WAREHOUSE)"

# report.pdf from the sample's report.html, through headless Chromium (installed when missing).
report-pdf: report
	bash tools/report_pdf.sh out/sample/report.html out/sample/report.pdf

# Opens the sample's outputs in LibreOffice and Chromium (installed when missing; minutes the
# first time, so not part of `make test`): workbook sheets and charts, numeric CSV, report maps.
check-office: report test-deps
	bash tools/check_office.sh out/sample

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

# The household history's time and growth per night (BENCH_HISTORY_PERSONS, default 17,000,000).
bench-history: build
	bash bench/history.sh

# Shard runs, partial sizes and the merge, measured for docs/scale.md (SCALE_PERSONS, SCALE_SHARDS).
bench-scale: build
	bash bench/scale.sh

fuzz: deps
	bash fuzz/run.sh $(SECONDS)

clean:
	rm -rf .build out
