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

score: $(STAMP)
	$(BIN)/tapsyrma extract $(SHARED)/corpus/seeds --format jsonl --out /tmp/tapsyrma-seeds.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py $(SHARED)/eval/seeds-gold.jsonl /tmp/tapsyrma-seeds.jsonl
	$(BIN)/tapsyrma extract $(SHARED)/eval/kaznerd-dev/input.jsonl --format jsonl --out /tmp/tapsyrma-kv.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py $(SHARED)/eval/kaznerd-dev/gold.jsonl /tmp/tapsyrma-kv.jsonl
	$(BIN)/tapsyrma extract tests/data/heldout/input.jsonl --format jsonl --out /tmp/tapsyrma-heldout.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py tests/data/heldout/gold.jsonl /tmp/tapsyrma-heldout.jsonl
	rm -f /tmp/tapsyrma-score.db*
	$(BIN)/tapsyrma ingest --quiet --db /tmp/tapsyrma-score.db tests/data/registry-heldout/input.jsonl
	$(BIN)/tapsyrma stories --db /tmp/tapsyrma-score.db --format jsonl --out /tmp/tapsyrma-stories.jsonl
	$(BIN)/python $(SHARED)/eval/score_stories.py tests/data/registry-heldout/stories-gold.jsonl /tmp/tapsyrma-stories.jsonl
	$(BIN)/tapsyrma directives --db /tmp/tapsyrma-score.db --format jsonl --out /tmp/tapsyrma-registry.jsonl
	$(BIN)/python $(SHARED)/eval/score_followups.py tests/data/registry-heldout/followups-gold.jsonl /tmp/tapsyrma-registry.jsonl

bench: $(STAMP)
	$(BIN)/python -m bench.extract_bench --shared $(SHARED)
	$(BIN)/python -m bench.ingest_bench --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check tapsyrma tests bench
	$(BIN)/mypy tapsyrma

clean:
	rm -rf $(VENV) build *.egg-info
