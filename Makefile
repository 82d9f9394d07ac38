# `make run` and `make test` each build the same .venv on a fresh machine first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test bench lint score clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tapsyrma extract $(SHARED)/corpus/seeds

test: $(STAMP)
	$(BIN)/ruff check tapsyrma tests bench
	$(BIN)/mypy tapsyrma
	$(BIN)/pytest

score: $(STAMP)
	$(BIN)/tapsyrma extract $(SHARED)/corpus/seeds --format jsonl --out /tmp/tapsyrma-seeds.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py $(SHARED)/eval/seeds-gold.jsonl /tmp/tapsyrma-seeds.jsonl
	$(BIN)/tapsyrma extract $(SHARED)/eval/kaznerd-dev/input.jsonl --format jsonl --out /tmp/tapsyrma-kv.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py $(SHARED)/eval/kaznerd-dev/gold.jsonl /tmp/tapsyrma-kv.jsonl
	$(BIN)/tapsyrma extract tests/data/heldout/input.jsonl --format jsonl --out /tmp/tapsyrma-heldout.jsonl
	$(BIN)/python $(SHARED)/eval/score_directives.py tests/data/heldout/gold.jsonl /tmp/tapsyrma-heldout.jsonl

bench: $(STAMP)
	$(BIN)/python -m bench.extract_bench --shared $(SHARED)

lint: $(STAMP)
	$(BIN)/ruff check tapsyrma tests bench
	$(BIN)/mypy tapsyrma

clean:
	rm -rf $(VENV) build *.egg-info
