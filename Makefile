# Quick start: `make run` builds and runs the default pipeline over seeds/;
# `make test` installs the test readers and runs the whole test suite.
SWIFT ?= swift
PIPELINE ?= Pipelines/hanoi-convention.yaml

.PHONY: setup setup-test build run test score bench clean

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

# Precision and recall per table and language: the development set, the held-out articles, the seeds.
score: build
	.build/release/briefing score Pipelines/devset.yaml
	BRIEFING_CORPUS=Tests/BriefingKitTests/Fixtures/heldout/articles .build/release/briefing score Pipelines/devset.yaml
	.build/release/briefing score --gold Tests/BriefingKitTests/Fixtures/seeds-expected.json Pipelines/hanoi-convention.yaml

# briefing and the pandas peer side by side (scripts/bench.sh): BENCH_SIZES="1000 10000 100000" make bench
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build out/hanoi-convention
