# docket — the two commands of the quick start are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# The fixed instant the sample workspace is shown at, so the demo never goes
# stale: a Wednesday, 14:00 in Berlin. Override: make run DEMO_NOW=…
DEMO_NOW ?= 2026-03-18T13:00:00Z
RELEASE_BIN := .build/release/docket

.PHONY: run test setup setup-test build release bench validate fmt clean reset-sample

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

validate: release
	$(RELEASE_BIN) validate --workspace data

fmt: release
	$(RELEASE_BIN) fmt --workspace data

## reset-sample: put data/ back as committed (make run applies its queued edits)
reset-sample:
	git checkout -- data && git clean -fdq data

clean:
	rm -rf .build public/*
	touch public/.gitkeep

## bench: docket vs Hugo vs the floor at 10,000 and 100,000 tasks (writes docs/performance.md)
bench: setup release
	python3 scripts/bench.py
