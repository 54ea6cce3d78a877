# Every target installs what it needs: `make translate` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The light install (no torch, stanza, spaCy or transformers): argostranslate goes in without
# its declared stack, which only its own sentence splitter uses; pyproject.toml lists what the
# toolkit imports. EXTRAS=dev,opusmt adds the Hugging Face converter (torch, transformers).
ARGOS_SPEC ?= argostranslate>=1.9,<2
EXTRAS ?= dev
PIP := $(BIN)/python -m pip install -q --disable-pip-version-check
# The bench anchor (argostranslate's own translate()) needs its full stack, torch included:
# the small CPU build is enough. Override with TORCH_SPEC=torch where that wheel is not at hand.
TORCH_SPEC ?= torch==2.13.0
SOURCES ?= $(wildcard seeds/*.txt)
LOCALES ?= locales

.PHONY: install translate test lint bench bench-quick check stats clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --no-deps "$(ARGOS_SPEC)"
	$(PIP) -e ".[$(EXTRAS)]"
	touch $@

# Without an installed vi→en package the catalogues are still written (empty translations), and
# the last lines say where a model was looked for and how to get one; the next run fills them in.
translate: install
	$(BIN)/translate run --from vi --to en --if-no-model no-mt --output-dir $(LOCALES) $(SOURCES)

# Translate Toolkit (GPL; its import name is also `translate`) never enters our venv: the
# editor round-trip tests save catalogues with it, as Weblate does, from a venv of its own.
TTK_VENV := .venv-ttk
TTK_SPEC ?= translate-toolkit>=3.13,<4
TRANSLATE_TOOLKIT_PYTHON ?= $(CURDIR)/$(TTK_VENV)/bin/python
export TRANSLATE_TOOLKIT_PYTHON

$(TTK_VENV)/.installed: Makefile
	test -x $(TTK_VENV)/bin/python || $(PYTHON) -m venv $(TTK_VENV)
	$(TTK_VENV)/bin/python -m pip install -q --disable-pip-version-check "$(TTK_SPEC)"
	touch $@

test: install $(TTK_VENV)/.installed
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check translate tests bench
	$(BIN)/ruff format --check translate tests bench
	$(BIN)/mypy

bench: install
	$(PIP) "$(TORCH_SPEC)"
	$(PIP) -e ".[$(EXTRAS),bench]"
	$(BIN)/python -m bench

bench-quick: install
	$(PIP) "$(TORCH_SPEC)"
	$(PIP) -e ".[$(EXTRAS),bench]"
	$(BIN)/python -m bench --quick

check: install
	$(BIN)/translate check $(LOCALES)

stats: install
	$(BIN)/translate stats $(LOCALES)

clean:
	rm -rf $(VENV) $(TTK_VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -rf .bench-cache bench/out
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
