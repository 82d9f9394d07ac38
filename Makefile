# `make run` and `make test` each build the same .venv on a fresh machine first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test bench lint score clean postgresql

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tapsyrma ingest --quiet $(SHARED)/corpus/seeds
	$(BIN)/tapsyrma directives

test: $(STAMP) postgresql
	$(BIN)/ruff check tapsyrma tests bench
	$(BIN)/mypy tapsyrma
	TAPSYRMA_REQUIRE_POSTGRES=1 $(BIN)/pytest

# The store tests run against a real PostgreSQL server, which the tests start and stop
# themselves (tests/postgres.py); here it is installed from Debian's packages when missing.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# Every labelled set: the seeds, kaznerd-dev, our written held-out sets, and the real-news sets
# whose texts are fetched (../shared/eval/news-dev to /tmp/news-dev, tests/data/real to
# /tmp/real-texts; DEVELOPERS.md, "Real news"); the others are skipped with a line saying so.
score: $(STAMP)
	$(BIN)/python -m bench.score --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python -m bench.extract_bench --shared $(SHARED)
	$(BIN)/python -m bench.ingest_bench --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check tapsyrma tests bench
	$(BIN)/mypy tapsyrma

clean:
	rm -rf $(VENV) build *.egg-info
