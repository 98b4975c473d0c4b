/** @odoo-module **/

import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {IntegerField, integerField} from "@web/views/fields/integer/integer_field";

/**
 * A year, as people write it: 2009, never "2,009", and nothing at all when
 * there is no year (an integer field stores that as 0).
 *
 * @param {number|false} value
 * @returns {string}
 */
export function formatYear(value) {
    return value ? String(value) : "";
}

export class AlumniYearField extends IntegerField {
    get formattedValue() {
        return formatYear(this.value);
    }
}

export const alumniYearField = {
    ...integerField,
    component: AlumniYearField,
    displayName: _t("Year"),
    supportedOptions: [],
    isEmpty: (record, fieldName) => !record.data[fieldName],
    extractProps: ({attrs}) => ({placeholder: attrs.placeholder}),
};

registry.category("fields").add("alumni_year", alumniYearField);
registry.category("formatters").add("alumni_year", formatYear);
