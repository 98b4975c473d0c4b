#!/usr/bin/env bash
# Sourced by the other scripts: locates the Odoo 18 installation the suite
# runs on and sets ODOO_BIN, ODOO_PYTHON and ADDONS_PATH.
#
#   ODOO_BIN     the odoo command (default: `odoo` on PATH)
#   ODOO_PYTHON  the interpreter Odoo runs in (default: read from ODOO_BIN)
#   ADDONS_PATH  the project's addons followed by Odoo's own addons path

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_DIR

die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

find_odoo() {
    if [ -n "${ODOO_BIN:-}" ]; then
        [ -x "$ODOO_BIN" ] || ODOO_BIN="$(command -v "$ODOO_BIN" 2>/dev/null || true)"
    else
        ODOO_BIN="$(command -v odoo 2>/dev/null || true)"
    fi
    if [ -z "$ODOO_BIN" ] || [ ! -x "$ODOO_BIN" ]; then
        die "no Odoo 18 found. Put the 'odoo' command of an installed Odoo 18.0 on PATH, \
or set ODOO_BIN=/path/to/odoo-bin (and ODOO_PYTHON if its interpreter is not in the \
script's first line). With Docker, use 'docker compose run --rm tests' instead (see README.md)."
    fi
    export ODOO_BIN

    if [ -z "${ODOO_PYTHON:-}" ]; then
        local shebang
        shebang="$(head -n 1 "$ODOO_BIN" 2>/dev/null | tr -d '\r')"
        case "$shebang" in
            "#!"*/env\ *) ODOO_PYTHON="$(command -v "${shebang##* }" || true)" ;;
            "#!"*python*) ODOO_PYTHON="${shebang#\#!}"; ODOO_PYTHON="${ODOO_PYTHON%% *}" ;;
            *) ODOO_PYTHON="$(command -v python3 || true)" ;;
        esac
    fi
    if [ -z "$ODOO_PYTHON" ] || ! "$ODOO_PYTHON" -c "import odoo" >/dev/null 2>&1; then
        die "cannot find the Python interpreter of $ODOO_BIN; set ODOO_PYTHON to it."
    fi
    export ODOO_PYTHON

    local version
    version="$("$ODOO_PYTHON" -c "import odoo.release as r; print(r.serie)")"
    [ "$version" = "18.0" ] || die "$ODOO_BIN is Odoo $version; the suite needs Odoo 18.0."

    # Odoo's own addons path (from its configuration file, or its default),
    # with the project's addons in front.
    local odoo_path
    odoo_path="$("$ODOO_PYTHON" - <<'PY'
from odoo.tools import config
config.parse_config([])
print(config["addons_path"])
PY
)"
    ADDONS_PATH="$PROJECT_DIR/addons"
    local path
    IFS=',' read -r -a paths <<<"$odoo_path"
    for path in "${paths[@]}"; do
        [ -n "$path" ] && [ "$(realpath -m "$path")" != "$PROJECT_DIR/addons" ] && ADDONS_PATH="$ADDONS_PATH,$path"
    done
    export ADDONS_PATH
}

# The suite's addons, in dependency order.
SUITE_ADDONS="usn_alumni_base,usn_alumni_events,usn_alumni_evu,usn_alumni_network"
export SUITE_ADDONS
