#!/usr/bin/env bash
# Runs the continuing-education matching benchmark with the located Odoo (see
# README.md). Not a test: it prints its figures. Arguments go to
# evu_benchmark.py (e.g. --people 100000, --keep).
set -euo pipefail
# shellcheck source=../scripts/odoo-env.sh
source "$(dirname "$0")/../scripts/odoo-env.sh"
find_odoo
exec "$ODOO_PYTHON" "$PROJECT_DIR/benchmarks/evu_benchmark.py" \
    --addons-path="$ADDONS_PATH" --odoo-bin="$ODOO_BIN" "$@"
