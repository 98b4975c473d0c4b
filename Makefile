# The two commands of the quick start, for an installed Odoo 18
# (the `odoo` command on PATH, or ODOO_BIN=...). See README.md.
.PHONY: demo test requirements

## Serve the suite with the demo university on http://localhost:8069
demo:
	bash scripts/demo.sh

## Run every test in a fresh, throwaway database
test:
	bash scripts/test.sh

## Install the suite's Python requirements into Odoo's interpreter
requirements:
	bash scripts/install-requirements.sh
