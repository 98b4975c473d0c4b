#!/usr/bin/env bash
# Serves the suite with its demo university on http://localhost:8069.
# On first start, creates the database with the suite's four addons and
# generates the demo university (odoo alumni-demo, DEMO_SIZE people); on
# later starts, reuses the database (the suite's addons are updated in it).
# Prints the URL and the demo logins, then serves. Extra arguments go to odoo.
#
#   DB         database name (default: usn_alumni_demo)
#   HTTP_PORT  port to serve on (default: 8069)
#   DEMO_SIZE  people in the demo university (default: 10000)
set -euo pipefail
# shellcheck source=odoo-env.sh
source "$(dirname "$0")/odoo-env.sh"
find_odoo

DB="${DB:-usn_alumni_demo}"
HTTP_PORT="${HTTP_PORT:-8069}"
DEMO_SIZE="${DEMO_SIZE:-10000}"

if "$ODOO_PYTHON" - "$DB" <<'PY'
import sys
from odoo.tools import config
from odoo.service.db import exp_db_exist
config.parse_config([])
sys.exit(0 if exp_db_exist(sys.argv[1]) else 1)
PY
then
    echo "Reusing database $DB (updating the suite's addons in it)"
    action=(-u "$SUITE_ADDONS")
else
    echo "Creating database $DB with the demo university of $DEMO_SIZE people"
    action=()
fi

# Creates the database and generates the university when they are missing
# (it adds nothing to a database that has them), and prints the logins.
"$ODOO_BIN" --addons-path="$ADDONS_PATH" alumni-demo -d "$DB" --size "$DEMO_SIZE"
echo
echo "The demo university: http://localhost:${HTTP_PORT}/web/login (portal: /my/alumni)"
echo

exec "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^${DB}\$" \
    --http-port="$HTTP_PORT" ${action[@]+"${action[@]}"} "$@"
