# Quick start: `make run` builds and runs the default pipeline over seeds/;
# `make test` installs the test readers, runs the whole test suite, then fuzzes each target for 30 s.
SWIFT ?= swift
PIPELINE ?= Pipelines/hanoi-convention.yaml

.PHONY: setup setup-test setup-spark build run spark test test-asan test-tsan fuzz fuzz-build score bench clean

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

setup-spark:
	@bash scripts/setup.sh --spark

build: setup
	$(SWIFT) build -c release --product briefing

run: build
	.build/release/briefing run $(PIPELINE)

# The same pipeline on Apache Spark in local mode (README, "Running on Apache Spark"): shards on every
# core, the duplicate keys shuffled by Spark, merged and published under out/<pipeline>/ like `make run`.
spark: build setup-spark
	bash scripts/spark.sh $(PIPELINE)

# make test ends with a short fuzz run of every target (TEST_FUZZ_SECONDS each, 0 to skip): measured
# 4 min 21 s for the fuzz build and the seven 30-second runs from a clean .build-fuzz on the 2-core machine.
TEST_FUZZ_SECONDS ?= 30
test: setup-test
	$(SWIFT) test
	@if [ "$(TEST_FUZZ_SECONDS)" != 0 ]; then FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) bash scripts/fuzz.sh; fi

# The test suite under AddressSanitizer (with LeakSanitizer) and under ThreadSanitizer, each in its own
# scratch folder. The toolchain ships the sanitizer runtimes (lib/swift/clang/lib/linux); nothing to install.
# Fuzz/lsan.supp silences a leak inside swift-foundation (reading an empty file), not Briefing's.
SANITIZER_ENV = SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp
test-asan: setup-test
	$(SANITIZER_ENV) $(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: setup-test
	$(SANITIZER_ENV) TSAN_OPTIONS=halt_on_error=0 $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer + ASan on every fuzz target (Fuzz/README.md), FUZZ_SECONDS each; fails on a crash, leak,
# timeout or out-of-memory and prints where the reproducer is. FUZZ_TARGETS="parse cron" for some only.
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

fuzz-build: setup
	bash scripts/fuzz.sh --build-only

# Precision and recall per table and language: the development set, the held-out articles, the seeds.
score: build
	.build/release/briefing score Pipelines/devset.yaml
	BRIEFING_CORPUS=Tests/BriefingKitTests/Fixtures/heldout/articles .build/release/briefing score Pipelines/devset.yaml
	BRIEFING_CORPUS=Tests/BriefingKitTests/Fixtures/heldout3/articles .build/release/briefing score Pipelines/devset.yaml
	.build/release/briefing score --gold Tests/BriefingKitTests/Fixtures/seeds-expected.json Pipelines/hanoi-convention.yaml

# briefing and the pandas peer side by side (scripts/bench.sh): BENCH_SIZES="1000 10000 100000" make bench
bench: build
	bash scripts/bench.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan out/hanoi-convention
