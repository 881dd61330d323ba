# Both main targets create or reuse .venv in the repository.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

## run: extract events from the bundled sample corpus and print a summary table
run: $(STAMP)
	mkdir -p out
	$(BIN)/marsad extract tests/corpus/docs.jsonl -o out/sample.jsonl --summary
	$(BIN)/marsad eval tests/corpus/gold.jsonl out/sample.jsonl

## test: lint and run the whole test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py

clean:
	rm -rf $(VENV) out .pytest_cache
