# Two commands do all the set-up: `make run` and `make test` (see README.md).
# Settings: copy .env.example to .env and edit it; make exports what it sets (one KEY=value a line).
ifneq (,$(wildcard .env))
include .env
export
endif

# Python 3.11, 3.12 or 3.13 (`make run PYTHON=python3.13`; `make clean` first to change an existing .venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium-headless-shell
# Behind a reverse proxy, its address(es), comma separated: only then are X-Forwarded-For and
# X-Forwarded-Proto believed. Empty (the default): every client is the address it connects from.
FORWARDED_ALLOW_IPS ?=
PROXY_HEADERS = $(if $(strip $(FORWARDED_ALLOW_IPS)),--proxy-headers --forwarded-allow-ips $(FORWARDED_ALLOW_IPS),--no-proxy-headers)

.PHONY: run lint test test-python test-e2e test-repeat test-property install lock migrate demo messages chromium backup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exactly the versions in requirements.lock, each checked against its hashes, then the project itself
# (its dependencies are all in the lock). Reinstalled whenever the lock or pyproject.toml changes.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# After changing a dependency in pyproject.toml: pin the newest versions its ranges allow, on every
# supported Python, with their hashes (uv's resolver; `make lock` installs uv into .venv for it).
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet 'uv>=0.9,<1'
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes --quiet --output-file requirements.lock

install: $(VENV)/.installed

migrate: install
	$(BIN)/piccolo migrations forwards all

demo: migrate
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m jobcenter.demo

run: demo
	$(BIN)/uvicorn --factory jobcenter.app:create_app_from_env --host $(HOST) --port $(PORT) $(PROXY_HEADERS)

# Debian's Chromium drives the end-to-end tests (Playwright cannot download its own browser here), as
# its headless shell: the same Blink without the desktop browser around it, which Playwright itself
# runs headless; it takes some 40% less CPU than `chromium --headless` (the suite: 342 against 561
# CPU-seconds). A Korean font makes layout checks (320 px, zoom) measure real Hangul glyphs.
chromium:
	@{ test -x $(CHROMIUM) && fc-list :lang=ko | grep -q .; } || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium-headless-shell fonts-nanum; }

# Lint and import order (ruff), then type checking (mypy); both configured in pyproject.toml.
# CI runs it before the tests.
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# The Python tests and the end-to-end tests use their own databases and are each mostly one process:
# they run side by side on the two cores, the Python tests' output shown once both are done. So the
# end-to-end tests must hold with another suite busy beside them (`make test-repeat` shows whether).
test: install chromium
	@log=$$(mktemp); \
	$(MAKE) --no-print-directory test-python > $$log 2>&1 & python=$$!; \
	$(MAKE) --no-print-directory test-e2e; e2e=$$?; \
	wait $$python; python_status=$$?; \
	echo "== Python tests =="; cat $$log; rm -f $$log; \
	exit $$(( e2e || python_status ))

# The load tests are marked: a plain `pytest` leaves them out, this target and CI run them. Both suites
# list their 15 slowest steps, so a CI log shows where its time goes.
test-python:
	$(BIN)/pytest tests -m 'load or not load' --durations=15

# Sync Playwright and pytest-asyncio do not mix in one run: e2e/ is its own pytest run.
# A failing test leaves a screenshot of the whole page in test-results/ (what the person saw).
test-e2e:
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest e2e -p no:asyncio -W ignore::pytest.PytestConfigWarning --screenshot only-on-failure --full-page-screenshot --output test-results --durations=15

# Every form and query parameter walked with 1,000 new generated values per field (CI sends the same 10
# each run, so that CI fails only for a change in the code; this is where new odd input is found).
test-property: install
	PROPERTY_EXAMPLES=1000 PROPERTY_RANDOM=1 $(BIN)/pytest tests/property

# Flaky tests show up here before CI finds them: the end-to-end suite RUNS times (5) beside HOG
# busy cores (1), every failure listed (.ci/repeat runs any other command the same way).
test-repeat: install chromium
	.ci/repeat $(MAKE) test-e2e

# Extract msgids and merge them into the Korean catalog; translate what it adds.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --omit-header -o site/jobcenter/translations/messages.pot .
	$(BIN)/pybabel update -i site/jobcenter/translations/messages.pot -d site/jobcenter/translations -l ko --no-fuzzy-matching --ignore-obsolete --width 120

# An online backup of the SQLite database into data/backups/ (safe while the site runs).
backup: install
	$(BIN)/python -m jobcenter.backup create data/backups/jobcenter-$$(date +%Y%m%d-%H%M%S).sqlite3

clean:
	rm -rf $(VENV) .pytest_cache
