# The two commands of the README: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The development server runs with DEBUG on; DEBUG is off unless set (see .env.example).
# Django's "development server" banner is left out: `make run` is for trying the portal.
# Final Notulas are sealed with a self-signed demo certificate, made on the first `make run`.
DEMO_SEAL ?= var/seal/demo-seal.p12
DEV_ENV := DEBUG=1 DJANGO_RUNSERVER_HIDE_WARNING=true DOCUMENT_SEAL_P12=$(DEMO_SEAL)

.PHONY: run test lint messages translations clean python-version

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'

$(VENV)/.runtime: requirements.txt | python-version
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Compiled catalogues (.mo) are build output, made from the committed .po files.
translations: $(VENV)/.runtime
	$(VENV)/bin/pybabel compile --domain=django --directory=locale --statistics

run: $(VENV)/.runtime translations
	$(DEV_ENV) $(PY) manage.py seal_certificate
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_demo
	@echo "Serving http://127.0.0.1:$(PORT)/ with a document worker beside it (Ctrl+C stops both)"
	$(DEV_ENV) $(PY) manage.py db_worker --queue-name documents,prerender --no-startup-delay & \
	worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.dev translations lint
	$(PY) manage.py makemigrations --check --dry-run --settings=pilkada_portal.settings.test
	$(VENV)/bin/pytest

# Refresh the Indonesian catalogue after changing translatable strings (needs GNU gettext).
messages: $(VENV)/.runtime
	$(DEV_ENV) $(PY) manage.py makemessages --locale=id --no-obsolete --ignore='.venv/*' --ignore='staticfiles/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
	find . -name '*.mo' -delete
