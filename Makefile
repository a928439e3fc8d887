# Two commands on a fresh machine (Python 3.11+ only):
#   make demo   set up .venv, serve the bundled sample portal on 127.0.0.1, crawl, extract, print
#   make test   set up .venv with the dev extras and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench bench-reports fuzz setup setup-dev clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Rapor needs Python 3.11+, this is " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The stamp files re-run pip only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

demo: setup
	$(BIN)/rapor demo

test: setup-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The extraction contract fuzzed with 10,000 seeded inputs (FUZZ_SEED for others): crashes,
# contract violations and the slowest input are printed; any crash fails it.
FUZZ_COUNT ?= 10000
FUZZ_SEED ?= 1
fuzz: setup-dev
	$(BIN)/python -m tests.fuzz --count $(FUZZ_COUNT) --seed $(FUZZ_SEED)

# The benchmark: 1,000 pages by default; BENCH_SIZES="1000 10000" for the memory and parallel
# comparison; the audit at 10,000 and 100,000 articles; BENCH_QUERY_ROWS="1000000 10000000"
# adds query latency at 10M evaluations (populating them takes a while).
BENCH_SIZES ?= 1000
BENCH_AUDIT_SIZES ?= 10000 100000
BENCH_QUERY_ROWS ?= 1000000
bench: setup-dev
	$(BIN)/pip install -q 'newspaper4k>=0.9' || echo "newspaper4k not installed: its comparison is skipped"
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES) --audit-sizes $(BENCH_AUDIT_SIZES) --query-rows $(BENCH_QUERY_ROWS)

# Report readers: pages/s for text PDFs and for OCR, against their floors.
bench-reports: setup-dev
	$(BIN)/python -m bench.reports

clean:
	rm -rf $(VENV) data/rapor.db data/rapor.db-wal data/rapor.db-shm .pytest_cache
