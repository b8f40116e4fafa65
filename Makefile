# Two commands do all set-up: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve clean golden schema translations new-locale bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## site: install into .venv if needed, generate every text and build the sites
site: $(STAMP)
	$(BIN)/shop-policy build

## test: the whole suite, with the linter
test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests

## serve: live preview on http://127.0.0.1:8000/ that rebuilds when you save
serve: $(STAMP)
	$(BIN)/shop-policy serve

## bench: time generation, builds, scaling and the live preview; prints a table
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m tests.bench

## golden: regenerate the expected outputs the tests compare against
golden: $(STAMP)
	$(BIN)/python -m tests.golden

## schema: rewrite the JSON Schema the policy file points at
schema: $(STAMP)
	$(BIN)/shop-policy schema --output policies/shop-policy.schema.json

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
	rm -rf build .pytest_cache .ruff_cache
