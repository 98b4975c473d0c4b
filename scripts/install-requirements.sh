#!/usr/bin/env bash
# Installs the suite's Python requirements (and, with --test, what the test
# command needs) into the interpreter the located Odoo runs in.
set -euo pipefail
# shellcheck source=odoo-env.sh
source "$(dirname "$0")/odoo-env.sh"
find_odoo

requirements="$PROJECT_DIR/requirements.txt"
[ "${1:-}" = "--test" ] && requirements="$PROJECT_DIR/requirements-test.txt"

pip_args=(--quiet --disable-pip-version-check)
# Debian and Ubuntu interpreters (the official Odoo image) are marked as
# externally managed; the suite installs next to Odoo's own packages there.
if "$ODOO_PYTHON" -c 'import sys, sysconfig, os; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) and sys.prefix == sys.base_prefix else 1)'; then
    pip_args+=(--break-system-packages)
fi
echo "Installing $(basename "$requirements") into $ODOO_PYTHON"
"$ODOO_PYTHON" -m pip install "${pip_args[@]}" -r "$requirements"
