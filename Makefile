# The two commands of the README: `make run` and `make test`. Everything runs from the project's
# own virtualenv (.venv) and a project-local Airflow home with SQLite metadata.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON_BIN ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
AIRFLOW := $(VENV)/bin/airflow
SOURCES ?= $(CURDIR)/samples

export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export AIRFLOW_HOME ?= $(CURDIR)/.airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__COSMOS__ENABLE_TELEMETRY := False
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export GX_ANALYTICS_ENABLED := False
export COMMITMENTS_WAREHOUSE ?= $(CURDIR)/warehouse/commitments.duckdb

.PHONY: install run test summary query report bench bench-tag clean

install: $(VENV)/.installed

# The package comes last, without build isolation: its compiled module (extract/tagger/*.pyx) is
# built against the spaCy just installed, whose C structs it reads.
$(VENV)/.installed: requirements.txt pyproject.toml setup.py $(wildcard extract/tagger/*.pyx)
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	@echo "Installing requirements into $(VENV) (log: $(VENV)/pip-install.log)"
	@($(PY) -m pip install --upgrade pip && $(PY) -m pip install -r requirements.txt \
	  && $(PY) -m pip install --no-build-isolation -e .) \
	  > $(VENV)/pip-install.log 2>&1 || (tail -40 $(VENV)/pip-install.log; exit 1)
	touch $@

# Run the DAG once, end to end, on SOURCES (default: the shipped sample corpus).
run: install
	$(AIRFLOW) db migrate > $(VENV)/airflow-migrate.log 2>&1 || (cat $(VENV)/airflow-migrate.log; exit 1)
	@echo "Running commitments_etl on $(SOURCES) (full Airflow log: $(AIRFLOW_HOME)/last_run.log)"
	$(AIRFLOW) dags test commitments_etl -c '{"sources": "$(SOURCES)"}' 2>&1 \
	  | tee $(AIRFLOW_HOME)/last_run.log \
	  | sed -u -n -E -e 's/.*\[DAG TEST\] end task task_id=([^ ]+).*/  done: \1/p' \
	      -e '/^(extract|tag|load|stage|validate|publish|report)[: ]/p' \
	      -e 's/.*DagRun Finished.* state=([a-z]+).*/DAG run finished: \1/p' -e '/Traceback|ValidationFailed|Error:/p'
	$(PY) -m extract summary

summary: install
	$(PY) -m extract summary

# A quick question to the published warehouse: make query SQL="select * from dim_sector"
query: install
	@test -n "$(SQL)" || (echo 'usage: make query SQL="select ..."'; exit 2)
	@$(PY) -m extract query "$(SQL)"

# Rebuild published/report.html and check it in headless Chromium (screenshot: report.png).
report: install
	$(PY) -m extract report --check

# Whole DAG runs on 1,000 and 10,000 generated articles, then the incremental case (~10 min).
bench: install
	$(PY) -m extract bench $(if $(SIZES),--sizes $(SIZES))

# Tagger throughput on a generated corpus, against spaCy's tokenizer alone (ARTICLES=2000).
bench-tag: install
	$(PY) -m extract bench-tag --articles $(or $(ARTICLES),2000)

test: install
	$(VENV)/bin/ruff check extract dags tests
	$(PY) -m pytest

clean:
	rm -rf warehouse published .airflow
