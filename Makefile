# The two commands of the README.  Both set up .venv on a fresh machine
# (Python 3.11 and make; packages from PyPI only) and are idempotent.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.policyie-installed

.PHONY: demo test setup benchmark clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/policyie extract --input examples/reports.jsonl --format table

test: $(STAMP)
	$(BIN)/python -m pytest

# On demand, not part of `make test`: peers (jieba, JioNLP, cpca) get a venv of
# their own so their dependencies never mix with policyie's.
PEERS := benchmarks/.venv-peers
BENCH_ARGS ?=

$(PEERS)/.installed:
	test -x $(PEERS)/bin/python || $(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet --disable-pip-version-check jieba==0.42.1 jionlp==1.5.31 cpca==0.5.5
	touch $@

benchmark: $(STAMP) $(PEERS)/.installed
	$(BIN)/python benchmarks/run.py --peers-python $(PEERS)/bin/python $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
