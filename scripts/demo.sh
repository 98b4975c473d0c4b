#!/usr/bin/env bash
# Serves the suite with its demo university on http://localhost:8069.
# Creates the database (with demo data) when it does not exist yet,
# otherwise updates the suite's addons in it. Extra arguments go to odoo.
#
#   DB         database name (default: usn_alumni_demo)
#   HTTP_PORT  port to serve on (default: 8069)
set -euo pipefail
# shellcheck source=odoo-env.sh
source "$(dirname "$0")/odoo-env.sh"
find_odoo

DB="${DB:-usn_alumni_demo}"
HTTP_PORT="${HTTP_PORT:-8069}"

if "$ODOO_PYTHON" - "$DB" <<'PY'
import sys
from odoo.tools import config
from odoo.service.db import exp_db_exist
config.parse_config([])
sys.exit(0 if exp_db_exist(sys.argv[1]) else 1)
PY
then
    echo "Updating the suite in database $DB"
    action=(-u "$SUITE_ADDONS")
else
    echo "Creating database $DB with the demo university"
    action=(-i "$SUITE_ADDONS")
fi

exec "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^${DB}\$" \
    --http-port="$HTTP_PORT" "${action[@]}" "$@"
