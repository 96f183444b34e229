# Winloss: `make run` and `make test` set up everything they need on a fresh
# Debian machine, and skip what is already installed at the right version.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# wasm-bindgen-cli must match the wasm-bindgen library exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TRUNK_SERIES := 0.21
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
TRUNK_OFFLINE := --offline=true
BROWSER_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: run build single-file bench test test-native test-browser test-e2e setup setup-test \
	wasm-target trunk wasm-bindgen check-pins chromium clean

## run: install what is missing, build, serve on http://127.0.0.1:8080
run: setup
	trunk serve --release --no-autoreload $(TRUNK_OFFLINE)

## build: release build into dist/, deployable to any static host as is
build: setup
	trunk build --release $(TRUNK_OFFLINE)
	@printf 'app wasm + JS, gzipped: %s bytes; charts library (ECharts), gzipped: %s bytes\n' \
		"$$(cat dist/winloss-*.wasm dist/winloss-*.js | gzip -9 | wc -c)" "$$(cat dist/echarts*.js | gzip -9 | wc -c)"

## single-file: dist/winloss.html, the whole app in one file that opens from disk
single-file: build
	node scripts/single-file.mjs
	@printf 'dist/winloss.html: %s bytes (%s gzipped)\n' "$$(wc -c < dist/winloss.html)" "$$(gzip -9 < dist/winloss.html | wc -c)"

## bench: figures at 10k and 100k deals beside same-run baselines (BENCH_FULL=1 adds 1M)
bench: setup-test build
	node bench/run.mjs

## test: native tests, browser tests (IndexedDB), end-to-end journeys
test: setup-test test-native test-browser test-e2e

test-native:
	cargo test --quiet

test-browser: setup-test
	$(BROWSER_TEST_ENV) cargo test --target wasm32-unknown-unknown --test indexed_db

test-e2e: setup-test build single-file
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

setup: wasm-target trunk wasm-bindgen node_modules/.package-lock.json check-pins

setup-test: setup chromium

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown

# Building trunk takes about 15 minutes on two cores: only when missing.
trunk:
	@trunk --version 2>/dev/null | grep -q '^trunk $(TRUNK_SERIES)\.' \
		|| cargo install trunk --version '^$(TRUNK_SERIES)' --locked

# Not --locked: one dependency version in its lock file is no longer published.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo 'wasm-bindgen is missing from Cargo.lock' >&2; exit 1; }
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
		|| cargo install wasm-bindgen-cli --version '=$(WASM_BINDGEN_VERSION)'

# wasm-opt comes from npm's binaryen; Debian's is too old for this output.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

check-pins:
	@grep -q '^wasm_bindgen = "$(WASM_BINDGEN_VERSION)"$$' Trunk.toml \
		|| { echo 'Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION), as in Cargo.lock' >&2; exit 1; }
	@wasm-opt --version | grep -q 'version 132' \
		|| { echo 'wasm-opt 132 (npm binaryen) is not first on PATH' >&2; exit 1; }

chromium:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		|| { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

clean:
	cargo clean
	rm -rf dist
