#!/usr/bin/env bash
# Runs the alumni network's directory benchmark with the located Odoo (see
# README.md): 8 clients against an Odoo with 2 workers, the directory's p95
# against the p95 of Odoo's /web/login. Not a test: it prints its figures.
# Arguments go to network_benchmark.py (e.g. --members 100000, --keep).
set -euo pipefail
# shellcheck source=../scripts/odoo-env.sh
source "$(dirname "$0")/../scripts/odoo-env.sh"
find_odoo
exec "$ODOO_PYTHON" "$PROJECT_DIR/benchmarks/network_benchmark.py" \
    --addons-path="$ADDONS_PATH" --odoo-bin="$ODOO_BIN" "$@"
