# Two commands do everything: `make report` and `make test` (both create .venv from the lock first).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

.DEFAULT_GOAL := help
.PHONY: help env report corpus test test-fast lab lint format notebooks bench lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m pip check --disable-pip-version-check  # the lock is complete: --no-deps, then check
	@touch $@

env: $(STAMP) ## create .venv from requirements.lock (only when missing or stale)

report: $(STAMP) ## run every event of data/raw: notebooks, HTML, figures, tables
	$(BIN)/python -m analysis run

CORPUS ?= ../shared/corpora/basil-dev
corpus: $(STAMP) ## run a corpus (CORPUS=PATH, default BASIL): Parquet tables, corpus notebook, figures
	$(BIN)/python -m analysis run --corpus $(CORPUS)

NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
test: $(STAMP) ## the full suite (what CI runs): lint, every test, strict nbval on the notebooks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests
	$(BIN)/python -m pytest $(NBVAL)

# markers (tests/conftest.py): fault = killed runs, full disks, locks; browser = headless Chromium;
# corpus = ../shared/corpora and corpus runs; slow = whole notebook runs, property tests
test-fast: $(STAMP) ## lint, unit tests and nbval, without fault, browser, corpus or slow tests
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests
	$(BIN)/python -m pytest -q $(NBVAL) -m "not fault and not browser and not corpus and not slow"

lab: $(STAMP) ## JupyterLab on 127.0.0.1 in notebooks/ with the project kernel (seed event)
	$(BIN)/python -m analysis lab $(LAB_ARGS)

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests

format: $(STAMP) ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format src tests

notebooks: $(STAMP) ## re-execute notebooks/ in place on the seed event (refresh stored outputs)
	$(BIN)/python -m analysis refresh-notebooks

bench: $(STAMP) ## run the speed benchmarks (benchmarks/run_benchmarks.py), rewrite benchmarks/README.md
	$(BIN)/python benchmarks/run_benchmarks.py

lock: $(STAMP) ## re-resolve requirements.lock from pyproject.toml (needs the package index)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header --annotation-style line -o requirements.lock

clean: ## remove generated outputs (reports/, data/processed/ tables); keeps .venv
	rm -rf reports
	find data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
