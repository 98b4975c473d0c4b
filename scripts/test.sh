#!/usr/bin/env bash
# Runs every test of the suite: installs the four addons in a fresh,
# throwaway database, runs all their tests through pytest-odoo with an HTTP
# server (so HttpCase and browser tours run), and the static checks in tests/.
# Fails when anything fails or is skipped. Extra arguments go to pytest.
#
#   TEST_DB    database name (default: usn_alumni_test_<pid>; dropped afterwards)
#   KEEP_DB=1  keep the database after the run
set -euo pipefail
# shellcheck source=odoo-env.sh
source "$(dirname "$0")/odoo-env.sh"
find_odoo
cd "$PROJECT_DIR"

TEST_DB="${TEST_DB:-usn_alumni_test_$$}"
LOG_DIR="${LOG_DIR:-$PROJECT_DIR/.test-logs}"
mkdir -p "$LOG_DIR"

drop_db() {
    "$ODOO_BIN" db --addons-path="$ADDONS_PATH" drop "$TEST_DB" >/dev/null 2>&1 || true
}
cleanup() {
    [ "${KEEP_DB:-0}" = 1 ] || drop_db
}
trap cleanup EXIT

drop_db
echo "Installing $SUITE_ADDONS in a fresh database $TEST_DB (log: $LOG_DIR/install.log)"
if ! "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$TEST_DB" -i "$SUITE_ADDONS" \
        --stop-after-init --log-level=warn --logfile="$LOG_DIR/install.log" --http-port=0; then
    tail -n 50 "$LOG_DIR/install.log" >&2
    die "installing the addons failed"
fi
if grep -E ' (ERROR|CRITICAL) ' "$LOG_DIR/install.log" >&2; then
    die "installing the addons logged errors (see $LOG_DIR/install.log)"
fi

echo "Running the tests"
"$ODOO_PYTHON" -m pytest \
    --odoo-database="$TEST_DB" \
    --odoo-addons-path="$ADDONS_PATH" \
    --odoo-http \
    --odoo-log-level=warn \
    addons tests "$@"
