# Every target installs what it needs: `make translate` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# argostranslate pulls in stanza and so torch; the toolkit never imports either, so the small
# CPU build is enough. Override with TORCH_SPEC=torch (any build) where that wheel is not at hand.
TORCH_SPEC ?= torch==2.13.0
EXTRAS ?= dev,opusmt
SOURCES ?= $(wildcard seeds/*.txt)
LOCALES ?= locales

.PHONY: install translate test lint bench bench-quick check stats clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check "$(TORCH_SPEC)"
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[$(EXTRAS)]"
	touch $@

translate: install
	$(BIN)/translate models ensure --from vi --to en
	$(BIN)/translate run --from vi --to en --output-dir $(LOCALES) $(SOURCES)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check translate tests bench
	$(BIN)/ruff format --check translate tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[$(EXTRAS),bench]"
	$(BIN)/python -m bench

bench-quick: install
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[$(EXTRAS),bench]"
	$(BIN)/python -m bench --quick

check: install
	$(BIN)/translate check $(LOCALES)

stats: install
	$(BIN)/translate stats $(LOCALES)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
