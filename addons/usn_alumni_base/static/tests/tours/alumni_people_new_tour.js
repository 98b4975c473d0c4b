/** @odoo-module **/

import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("usn_alumni_people_new", {
    url: "/odoo/action-usn_alumni_base.res_partner_action_alumni",
    steps: () => [
        {
            content: "Add a person from the People list",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The form opens on the Student Lifecycle page",
            trigger: 'a.nav-link.active:contains("Student Lifecycle")',
        },
        {
            content: "Type the person's name",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Nils Newcomer",
        },
        {
            content: "Type the student number",
            trigger: ".o_field_widget[name='student_number'] input",
            run: "edit N1001",
        },
        {
            content: "Save the person",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The form is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Go back to People",
            trigger: '.o_breadcrumb a:contains("People")',
            run: "click",
        },
        {
            content: "Search for the new person",
            trigger: ".o_searchview_input",
            run: "edit Nils Newcomer && press Enter",
        },
        {
            content: "The new person is in People",
            trigger: '.o_list_view .o_data_cell:contains("Nils Newcomer")',
        },
    ],
});
