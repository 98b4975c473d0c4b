#!/usr/bin/env bash
# Refreshes each addon's i18n/<addon>.pot from a database where the suite is
# installed, and merges the new terms into i18n/nb.po (Norwegian Bokmål).
#
#   DB  database with the four addons installed (default: usn_alumni_i18n,
#       created when missing and dropped afterwards)
set -euo pipefail
# shellcheck source=odoo-env.sh
source "$(dirname "$0")/odoo-env.sh"
find_odoo
command -v msgmerge >/dev/null || die "msgmerge (GNU gettext) is needed."

DB="${DB:-usn_alumni_i18n}"
created=0
if [ "$DB" = usn_alumni_i18n ]; then
    "$ODOO_BIN" db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null 2>&1 || true
    "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" -i "$SUITE_ADDONS" --without-demo=all \
        --stop-after-init --log-level=warn
    created=1
fi

IFS=',' read -r -a addons <<<"$SUITE_ADDONS"
for addon in "${addons[@]}"; do
    i18n="$PROJECT_DIR/addons/$addon/i18n"
    mkdir -p "$i18n"
    "$ODOO_BIN" --addons-path="$ADDONS_PATH" -d "$DB" --log-level=warn \
        --i18n-export="$i18n/$addon.pot" --modules="$addon"
    if [ -f "$i18n/nb.po" ]; then
        msgmerge --quiet --no-fuzzy-matching --no-wrap --update --backup=none \
            "$i18n/nb.po" "$i18n/$addon.pot"
    else
        msginit --no-translator --no-wrap --locale=nb_NO.UTF-8 \
            --input="$i18n/$addon.pot" --output-file="$i18n/nb.po"
    fi
    # the layout the OCA's po checks expect
    "$(dirname "$ODOO_PYTHON")/oca-checks-po" --fix --no-verbose --no-exit \
        "$i18n/nb.po" "$i18n/$addon.pot" >/dev/null || true
    echo "$addon: $(msgattrib --untranslated "$i18n/nb.po" | grep -c '^msgid ' || true) untranslated"
done

[ "$created" = 1 ] && "$ODOO_BIN" db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null
