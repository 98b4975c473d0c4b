/** @odoo-module **/

import {registry} from "@web/core/registry";

const COMPARISON = ".o_form_view .o_alumni_duplicate_comparison";

registry.category("web_tour.tours").add("usn_alumni_duplicate_merge", {
    url: "/odoo/action-usn_alumni_base.alumni_duplicate_candidate_action",
    steps: () => [
        {
            content: "Open the likely duplicate of Tiril Turbo",
            trigger: '.o_list_view .o_data_row td[name="partner_id"]:contains("Tiril Turbo")',
            run: "click",
        },
        {
            content: "The two people are compared side by side, the differences highlighted",
            trigger: `${COMPARISON} tr.o_alumni_duplicate_differs[data-row="name"]`,
        },
        {
            content: "The programme of one of them is shown",
            trigger: `${COMPARISON} tr[data-row="enrollments"]:contains("Tour Nursing")`,
        },
        {
            content: "Keep the record with her new surname",
            trigger:
                '.o_field_widget[name="kept_partner_id"] .o_radio_item:contains("Tiril Turbo Hansen") input',
            run: "click",
        },
        {
            content: "The comparison marks her new record as the one kept",
            trigger: `${COMPARISON} th.table-success:contains("Tiril Turbo Hansen") .o_alumni_duplicate_kept`,
        },
        {
            content: "Merge",
            trigger: '.o_form_view .o_form_statusbar button[name="action_merge"]',
            run: "click",
        },
        {
            content: "Confirm the merge",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The person kept opens, with the records of both",
            trigger: '.o_form_view .o_field_widget[name="name"] input:value("Tiril Turbo Hansen")',
        },
    ],
});
