# Both main targets create or reuse .venv in the repository.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean web serve chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

## web: build the dashboard (npm ci + esbuild) into src/marsad/web/static/ (generated, not committed)
WEB_STAMP := src/marsad/web/static/.built
web: $(WEB_STAMP)
$(WEB_STAMP): web/package.json web/package-lock.json web/build.mjs web/index.html $(wildcard web/src/*.js web/src/*.css web/src/locales/*.json)
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $@

## chromium: the browser of the end-to-end tests (Debian's package; installed only as root with apt-get)
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium (Debian package) for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

## serve: ingest the sample corpus into out/sample.db and open the dashboard on http://127.0.0.1:8000/
serve: $(STAMP) web
	mkdir -p out
	$(BIN)/marsad ingest tests/corpus/docs.jsonl --db out/sample.db
	$(BIN)/marsad serve --db out/sample.db

## run: extract events from the bundled sample corpus and print a summary table
run: $(STAMP) web
	mkdir -p out
	$(BIN)/marsad extract tests/corpus/docs.jsonl -o out/sample.jsonl --summary
	$(BIN)/marsad eval tests/corpus/gold.jsonl out/sample.jsonl

## test: lint and run the whole test suite
test: $(STAMP) web chromium
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) out .pytest_cache
