#!/usr/bin/env bash
# Runs the continuing-education matching benchmark with the located Odoo (see
# README.md). Not a test: it prints its figures. Arguments go to
# evu_benchmark.py (e.g. --people 100000, --keep).
set -euo pipefail
# shellcheck source=../scripts/odoo-env.sh
source "$(dirname "$0")/../scripts/odoo-env.sh"
find_odoo
# --campaign first: the campaigns' benchmark on the same population
# (evu_campaign_benchmark.py: recipient lists, queueing 5,000 and 50,000).
script=evu_benchmark.py
if [ "${1:-}" = "--campaign" ]; then
    shift
    script=evu_campaign_benchmark.py
fi
exec "$ODOO_PYTHON" "$PROJECT_DIR/benchmarks/$script" \
    --addons-path="$ADDONS_PATH" --odoo-bin="$ODOO_BIN" "$@"
