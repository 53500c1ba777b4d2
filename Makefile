# Quick start: `make run` builds and runs the default pipeline over seeds/;
# `make test` installs the test readers and runs the whole test suite.
SWIFT ?= swift
PIPELINE ?= Pipelines/hanoi-convention.yaml

.PHONY: setup setup-test build run test clean

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

build: setup
	$(SWIFT) build -c release --product briefing

run: build
	.build/release/briefing run $(PIPELINE)

test: setup-test
	$(SWIFT) test

clean:
	rm -rf .build out/hanoi-convention
