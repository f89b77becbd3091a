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

.PHONY: install run test summary query report bench bench-tag syntax-model clean

# The tagger's compiled module, under the name this Python gives extension modules.
TOKEN_STRUCTS := extract/tagger/token_structs$(shell $(PYTHON_BIN) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')

install: $(VENV)/.requirements $(TOKEN_STRUCTS)

$(VENV)/.requirements: requirements.txt
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	@echo "Installing requirements into $(VENV) (log: $(VENV)/pip-install.log)"
	@($(PY) -m pip install --upgrade pip && $(PY) -m pip install -r requirements.txt) \
	  > $(VENV)/pip-install.log 2>&1 || (tail -40 $(VENV)/pip-install.log; exit 1)
	touch $@

# The package itself, without build isolation: its compiled module is built against the spaCy
# just installed, whose C structs it reads. The target is the module, not a stamp, so a clean of
# the work tree (`git clean -xfd -e .venv`) makes the next `make` build it again.
$(TOKEN_STRUCTS): $(VENV)/.requirements pyproject.toml setup.py extract/tagger/token_structs.pyx
	@echo "Building the package and its compiled module (log: $(VENV)/pip-install.log)"
	@$(PY) -m pip install --no-build-isolation -e . >> $(VENV)/pip-install.log 2>&1 \
	  || (tail -40 $(VENV)/pip-install.log; exit 1)
	touch $@

# Run the DAG once, end to end, on SOURCES (default: the shipped sample corpus).
run: install
	$(AIRFLOW) db migrate > $(VENV)/airflow-migrate.log 2>&1 || (cat $(VENV)/airflow-migrate.log; exit 1)
	@echo "Running commitments_etl on $(SOURCES) (full Airflow log: $(AIRFLOW_HOME)/last_run.log)"
	$(AIRFLOW) dags test commitments_etl -c '{"sources": "$(SOURCES)"}' 2>&1 \
	  | tee $(AIRFLOW_HOME)/last_run.log \
	  | sed -u -n -E -e 's/.*\[DAG TEST\] end task task_id=([^ ]+).*/  done: \1/p' \
	      -e 's/^[^ ]+ \[[a-z]+ *\] ((extract|tag|load|stage|validate|publish|report|lease)[: ].*) \[extract\.[a-z_.]+\].*/\1/p' \
	      -e 's/.*DagRun Finished.* state=([a-z]+).*/DAG run finished: \1/p' -e '/Traceback|ValidationFailed|Error:/p'
	$(VENV)/bin/commitments summary

summary: install
	$(VENV)/bin/commitments summary

# A quick question to the published warehouse: make query SQL="select * from dim_sector"
query: install
	@test -n "$(SQL)" || (echo 'usage: make query SQL="select ..."'; exit 2)
	@$(VENV)/bin/commitments query "$(SQL)"

# Rebuild published/report.html and check it in headless Chromium (screenshot: report.png).
report: install
	$(VENV)/bin/commitments report --check

# Whole DAG runs on 1,000 and 10,000 generated articles, then the incremental case (~10 min).
bench: install
	$(PY) -m bench pipeline $(if $(SIZES),--sizes $(SIZES))

# Tagger throughput on a generated corpus, against spaCy's tokenizer alone (ARTICLES=2000).
bench-tag: install
	$(PY) -m bench tag --articles $(or $(ARTICLES),2000)

# Retrain the tagger's syntax model (extract/tagger/syntax/: part-of-speech tagger, lemmatizer and
# dependency parser) from the UD English Web Treebank beside the project (~30 min on one core; log:
# /tmp/syntax-train.log). The model is versioned, so a fresh clone needs no training.
UD_EWT ?= $(CURDIR)/../shared/ud/en_ewt
SYNTAX_MODEL := extract/tagger/syntax

syntax-model: $(SYNTAX_MODEL)/meta.json

$(SYNTAX_MODEL)/meta.json: training/syntax.cfg training/train_syntax.py $(wildcard $(UD_EWT)/*.conllu) | $(VENV)/.requirements
	nice -n 10 $(PY) training/train_syntax.py --ud-dir $(UD_EWT)

test: install
	$(VENV)/bin/ruff check extract dags tests bench training
	$(PY) -m pytest

clean:
	rm -rf warehouse published .airflow
