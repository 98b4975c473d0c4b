/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("alumni_event_check_in_tour", {
    url: "/odoo/action-event.action_event_view",
    steps: () => [
        {
            content: "Open the Open Day",
            trigger: ".o_kanban_record:contains('Open Day Bø 2026')",
            run: "click",
        },
        {
            content: "The event form is open",
            trigger: ".o_form_view .o_breadcrumb:contains('Open Day Bø 2026')",
        },
        {
            content: "Open the check-in at the door",
            trigger: ".o_form_statusbar button:contains('Check-in at the Door')",
            run: "click",
        },
        {
            content: "The check-in page counts who is expected",
            trigger: ".o_alumni_check_in .o_alumni_check_in_expected:contains('2')",
        },
        {
            content: "Type the name of the person at the door",
            trigger: ".o_alumni_check_in_search input[name='search']",
            run: "edit Ingrid",
        },
        {
            content: "Search",
            trigger: ".o_alumni_check_in_search button[type='submit']",
            run: "click",
        },
        {
            content: "Only the person searched for is listed",
            trigger: ".o_alumni_check_in_list:not(:has(.o_alumni_check_in_registration:contains('Per Olsen')))",
        },
        {
            content: "Check her in",
            trigger: ".o_alumni_check_in_registration:contains('Ingrid Hansen') .o_alumni_check_in_button",
            run: "click",
        },
        {
            content: "The page confirms the check-in",
            trigger: ".o_alumni_check_in_done:contains('Ingrid Hansen is checked in')",
        },
        {
            content: "The count went up",
            trigger: ".o_alumni_check_in_checked:contains('1')",
        },
    ],
});
