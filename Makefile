# Two commands do all set-up: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_STAMP := $(VENV)/.test-tools-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve clean golden schema translations new-locale bench catalogs

# What building needs (make site), and the test tools on top (make test).
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## catalogs: compile the translation catalogs that changed (the package build does it too)
catalogs: $(STAMP)
	$(BIN)/python -m shop_policy.text.catalogs generator/shop_policy/locales

## site: install into .venv if needed, generate every text and build the sites
site: $(STAMP) catalogs
	$(BIN)/shop-policy build

## test: the whole suite, with the linter; it also builds and installs the wheel
test: $(TEST_STAMP) catalogs
	$(BIN)/ruff check generator tests setup.py
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests setup.py

## serve: live preview on http://127.0.0.1:8000/ that rebuilds when you save
serve: $(STAMP) catalogs
	$(BIN)/shop-policy serve

## bench: time generation, builds, scaling and the live preview; prints a table
bench: $(TEST_STAMP) catalogs
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m tests.bench

## golden: regenerate the expected outputs the tests compare against
golden: $(TEST_STAMP) catalogs
	$(BIN)/python -m tests.golden

## schema: rewrite the JSON Schema the policy file points at (and the one the package ships)
schema: $(STAMP)
	$(BIN)/shop-policy schema --output policies/shop-policy.schema.json
	cp policies/shop-policy.schema.json generator/shop_policy/data/shop-policy.schema.json

## translations: extract the texts of every template and update every catalog
EXTRACT := $(BIN)/pybabel extract -F babel.cfg -k N_ -k NP_:1,2 --no-location --sort-output \
	--project shop-policy --copyright-holder "shop-policy" -o generator/shop_policy/locales/messages.pot .
translations: $(STAMP)
	$(EXTRACT)
	ls generator/shop_policy/locales/*/LC_MESSAGES/messages.po >/dev/null 2>&1 || exit 0; \
	$(BIN)/pybabel update -i generator/shop_policy/locales/messages.pot -d generator/shop_policy/locales \
		--no-fuzzy-matching --ignore-obsolete

## new-locale: start a catalog for another language, e.g. make new-locale LOCALE=it
new-locale: $(STAMP)
	@test -n "$(LOCALE)" || { echo "usage: make new-locale LOCALE=xx"; exit 2; }
	$(EXTRACT)
	$(BIN)/pybabel init -i generator/shop_policy/locales/messages.pot -d generator/shop_policy/locales -l $(LOCALE)

## clean: remove the generated files and built sites nobody edited (your own files stay)
clean:
	test ! -x $(BIN)/shop-policy || $(BIN)/shop-policy clean
	rm -rf build dist .pytest_cache .ruff_cache
