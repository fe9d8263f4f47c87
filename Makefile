# sitrep — every install step lives here. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= sitrep.db
SAMPLES := src/sitrep/samples

.PHONY: run test install chromium bench docs clean lock lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# the venv is (re)built when pyproject.toml or the lock changes; constraints.txt pins every
# transitive version (regenerate with `make lock` after changing a dependency)
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[web,parquet,test]"
	touch $@

install: $(VENV)/.installed

## run: set up, ingest the bundled sample articles into $(DB), list the events
run: install
	$(BIN)/sitrep ingest $(SAMPLES) --db $(DB)
	$(BIN)/sitrep events --db $(DB) --limit 40
	@echo
	@echo "Browse:  $(BIN)/sitrep show EVENT_ID --db $(DB)     |  map + API: $(BIN)/sitrep serve --db $(DB)  (http://127.0.0.1:8000)"
	@echo "Export:  $(BIN)/sitrep export --db $(DB) --format acled -o events.csv   (or jsonl, geojson, parquet)"

## chromium: Debian's browser for the page tests (no browser download)
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

## test: set up and run the whole suite (lint first: pyflakes errors never land)
test: install chromium lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/throughput.py

docs: install
	$(BIN)/sitrep cli-docs -o docs/cli.md

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v -i -E "^(mypy|mypy_extensions|pathspec|librt)==" > constraints.txt

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
