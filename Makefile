# The two commands of the quick start, for an installed Odoo 18
# (the `odoo` command on PATH, or ODOO_BIN=...). See README.md.
.PHONY: demo test requirements screenshots

## Serve the suite with the demo university on http://localhost:8069
demo:
	bash scripts/demo.sh

## Run every test in a fresh, throwaway database
test:
	bash scripts/test.sh

## Install the suite's Python requirements into Odoo's interpreter
requirements:
	bash scripts/install-requirements.sh

## Retake the README's screenshots (docs/screenshots/) of the demo that
## `make demo` serves (HTTP_PORT as there; needs Chromium)
screenshots:
	bash -c 'source scripts/odoo-env.sh && find_odoo && exec "$$ODOO_PYTHON" \
		scripts/screenshots.py --url "http://localhost:$${HTTP_PORT:-8069}"'
