/** @odoo-module **/

import {registry} from "@web/core/registry";

function yearCell(person) {
    return `.o_data_row:has(.o_data_cell[name=partner_id]:contains("${person}")) .o_data_cell[name=graduation_year]`;
}

function assertText(element, expected) {
    const text = (element.value ?? element.textContent).trim();
    if (text !== expected) {
        throw new Error(`expected "${expected}", got "${text}"`);
    }
}

registry.category("web_tour.tours").add("usn_alumni_year_field", {
    url: "/odoo/action-usn_alumni_base.alumni_enrollment_action",
    steps: () => [
        {
            content: "A graduate's cohort is written as a year",
            trigger: `${yearCell("Yngve Year")}:contains("2009")`,
            run() {
                assertText(this.anchor, "2009");
            },
        },
        {
            content: "A student without a cohort shows no year, not 0",
            trigger: yearCell("Ylva Year"),
            run() {
                assertText(this.anchor, "");
            },
        },
        {
            content: "Open the applications",
            trigger: ".o_menu_sections a:contains('Academic'), .o_menu_sections button:contains('Academic')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Applications')",
            run: "click",
        },
        {
            content: "The intake is written as a year",
            trigger: ".o_data_row .o_data_cell[name=intake_year]:contains('2009')",
            run() {
                assertText(this.anchor, "2009");
            },
        },
        {
            trigger: ".o_data_row .o_data_cell[name=partner_id]",
            run: "click",
        },
        {
            content: "The application's form writes the intake as a year too",
            trigger: ".o_form_view .o_field_widget[name=intake_year] input",
            run() {
                assertText(this.anchor, "2009");
            },
        },
    ],
});
