# planverk: `make site` builds the three outputs, `make test` runs every test.
# Both do their own set-up on a fresh machine (Python 3.11 and make are all you need).

PYTHON_BIN ?= python3.11
VENV       := .venv
PY         := $(VENV)/bin/python
MKDOCS     := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP      := $(VENV)/.installed
EPOCH      := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH := $(EPOCH)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site public internal offline test fidelity check lint serve bench lock browser tools clean golden

site: public internal offline

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test,lint]"
	touch $@

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --silent
	touch $@

tools: tools/node_modules/.installed

check: $(STAMP)
	$(VENV)/bin/planverk check --data data

public: $(STAMP)
	$(MKDOCS) build --strict --clean -f mkdocs.yml

internal: $(STAMP)
	$(MKDOCS) build --strict --clean -f mkdocs.internal.yml

offline: $(STAMP)
	$(MKDOCS) build --strict --clean -f mkdocs.offline.yml
	$(PY) scripts/zip_offline.py site/offline site/offline.zip

serve: $(STAMP)
	$(MKDOCS) serve -f mkdocs.yml

# Browser tests drive Debian's Chromium; install it when it is missing and we may (root).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing; install the Debian package 'chromium'" >&2; fi; }

test: $(STAMP) tools browser
	$(PY) -m pytest

# Style and types: ruff (rules in pyproject.toml) on the code and tests, mypy --strict on hooks/.
lint: $(STAMP)
	$(VENV)/bin/ruff check hooks scripts tests
	$(VENV)/bin/mypy

# The content checks alone: the data against the source texts in data/sources/ (tests/fidelity;
# `make test` runs them too). PLANVERK_DATA=<folder> checks another data folder.
fidelity: $(STAMP)
	$(PY) -m pytest tests/fidelity

# Regenerate the golden pages (tests/golden/) after an intended change to what pages show; read the diff.
golden: $(STAMP)
	PLANVERK_GOLDEN=update $(PY) -m pytest -q tests/unit/test_golden.py

# The four size lines on stdout; search online and offline at 1,000 and 10,000 measures and the
# serve measurement after them. Errors and timeouts are printed (stderr), never hidden.
# One work folder: search and status measure the public sites bench.py built, not builds of their own.
BENCH_WORK ?= /tmp/planverk-bench-work
bench: $(STAMP) tools browser
	rm -rf $(BENCH_WORK)
	$(PY) scripts/bench.py --work $(BENCH_WORK)
	$(PY) scripts/bench_search.py --measures 1000,10000 --work $(BENCH_WORK)
	$(PY) scripts/bench_serve.py
	$(PY) scripts/bench_status.py --work $(BENCH_WORK)
	rm -rf $(BENCH_WORK)

lock:
	$(PYTHON_BIN) -m venv /tmp/planverk-lock && /tmp/planverk-lock/bin/pip install --quiet ".[test,lint]" && \
	  { echo "# Exact versions resolved for planverk; pip install -c constraints.txt keeps installs reproducible."; \
	    echo "# Regenerate with: make lock"; /tmp/planverk-lock/bin/pip freeze --exclude planverk | sort -f; } > constraints.txt

clean:
	rm -rf site .pytest_cache test-artifacts
