/** @odoo-module **/

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("usn_alumni_person_lifecycle", {
    url: "/odoo/action-usn_alumni_base.res_partner_action_alumni",
    steps: () => [
        {
            content: "Open the prospect from the People list",
            trigger: '.o_list_view .o_data_cell:contains("Tora Tour")',
            run: "click",
        },
        {
            content: "The stage badge says Prospect",
            trigger: 'div[name="alumni_stage"] .badge:contains("Prospect")',
        },
        {
            content: "Open the Student Lifecycle page",
            trigger: 'a.nav-link:contains("Student Lifecycle")',
            run: "click",
        },
        {
            content: "The timeline shows the information request",
            trigger:
                '.o_field_widget[name="lifecycle_event_ids"] .o_data_cell:contains("Information request")',
        },
        {
            content: "Add an enrolment",
            trigger: '.o_field_widget[name="enrollment_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Choose the programme",
            trigger:
                '.o_field_widget[name="enrollment_ids"] .o_data_row .o_field_widget[name="programme_id"] input',
            run: "edit TOURNUR",
        },
        {
            content: "Pick it from the list",
            trigger: '.o-autocomplete--dropdown-item:contains("Tour Nursing")',
            run: "click",
        },
        {
            content: "Set the start date",
            trigger:
                '.o_field_widget[name="enrollment_ids"] .o_data_row .o_field_widget[name="start_date"] input',
            run: "edit 08/15/2025",
        },
        {
            content: "Save the person",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The stage badge now says Student",
            trigger: 'div[name="alumni_stage"] .badge:contains("Student")',
        },
        {
            content: "The form is saved",
            trigger: ".o_form_saved",
        },
    ],
});
