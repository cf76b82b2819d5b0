# docket — the two commands of the quick start are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# The fixed instant the sample workspace is shown at, so the demo never goes
# stale: a Wednesday, 14:00 in Berlin. Override: make run DEMO_NOW=…
DEMO_NOW ?= 2026-03-18T13:00:00Z
RELEASE_BIN := .build/release/docket
# make install [PREFIX=/usr/local] [DESTDIR=…]: one file, PREFIX/bin/docket.
# The theme is compiled into it, so it renders from any folder.
PREFIX ?= /usr/local
STATIC_BIN := .build-static/release/docket

.PHONY: run test setup setup-test build release static install uninstall fuzz bench validate fmt clean reset-sample

## run: install what is missing, build (release), render data/ into public/
run: setup release
	$(RELEASE_BIN) build --workspace data --out public --now $(DEMO_NOW)
	@echo
	@echo "Open the dashboard: file://$(CURDIR)/public/index.html"

## test: the whole suite (unit, end-to-end on the built binary, browser)
test: setup-test
	$(SWIFT) build --product docket
	$(SWIFT) test

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	$(SWIFT) build --product docket

release: setup
	$(SWIFT) build -c release --product docket

## install: build (release) and copy the one docket file to $(PREFIX)/bin
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/docket"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/docket; try: docket init --help"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/docket"

## static: a single-file docket with the Swift runtime linked in, for CI runners
## that have no Swift (needs only glibc, libcmark and libmimalloc): .build-static/release/docket
static: setup
	$(SWIFT) build -c release --product docket --static-swift-stdlib --scratch-path .build-static
	strip $(STATIC_BIN)
	@ls -l $(STATIC_BIN) | awk '{printf "Built %s (%.1f MB)\n", $$9, $$5/1048576}'

validate: release
	$(RELEASE_BIN) validate --workspace data

fmt: release
	$(RELEASE_BIN) fmt --workspace data

## reset-sample: put data/ back as committed (make run applies its queued edits)
reset-sample:
	git checkout -- data && git clean -fdq data

clean:
	rm -rf .build .build-static public/*
	touch public/.gitkeep

## fuzz: the mutation fuzzer on every parser, long (make test runs it short).
## FUZZ_ITERATIONS inputs per target, FUZZ_SEED to vary them.
FUZZ_ITERATIONS ?= 200000
FUZZ_SEED ?= 1
fuzz: setup
	DOCKET_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) DOCKET_FUZZ_SEED=$(FUZZ_SEED) $(SWIFT) test --filter FuzzTests

## bench: docket vs Hugo vs the floor at 10,000 and 100,000 tasks (writes docs/performance.md)
bench: setup release
	python3 scripts/bench.py
