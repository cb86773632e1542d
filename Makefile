# One task runner. `make demo` and `make test` set everything up themselves on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := tests/fixtures/2024_budget_shanxi-xiaoyi_renshe.txt

.PHONY: demo test lint bench schema docs clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,ocr]'
	touch $@

# The main job: check the bundled sample and show the report (exit 1 = the sample has errors, as it does).
demo: $(BIN)/.installed
	$(BIN)/yusuan check $(SAMPLE) || [ $$? -eq 1 ]

test: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(BIN)/.installed
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/pdf.py

schema: $(BIN)/.installed
	$(BIN)/python -m yusuan.schema > src/yusuan/schema/disclosure.schema.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
