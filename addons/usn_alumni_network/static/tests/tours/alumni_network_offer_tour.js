/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("usn_alumni_network_offer_tour", {
    url: "/my/alumni/offers/new",
    steps: () => [
        {
            content: "Give the offer a title",
            trigger: "form.o_alumni_network_offer_form input[name=name]",
            run: "edit Mentor for data students",
        },
        {
            content: "Offer mentoring",
            trigger: "form.o_alumni_network_offer_form select[name=kind]",
            run: "selectByLabel Mentoring",
        },
        {
            content: "Describe it",
            trigger: "form.o_alumni_network_offer_form textarea[name=description]",
            run: "edit An hour a month, online, for students who start in analytics.",
        },
        {
            content: "Save and publish",
            trigger: "form.o_alumni_network_offer_form button.o_alumni_network_offer_save_publish",
            run: "click",
        },
        {
            content: "Published, in the list of own offers",
            trigger:
                ".o_alumni_network_my_offers:has(.o_alumni_network_offer_published) .o_alumni_network_offer_table a:contains(Mentor for data students)",
            run: "click",
        },
        {
            content: "The offer's page, as others see it",
            trigger: ".o_alumni_network_offer h1:contains(Mentor for data students)",
        },
    ],
});

registry.category("web_tour.tours").add("usn_alumni_network_group_join_tour", {
    url: "/alumni/groups",
    steps: () => [
        {
            content: "Open the health professionals' group",
            trigger: ".o_alumni_network_group_entry:contains(Health professionals)",
            run: "click",
        },
        {
            content: "Join it",
            trigger: ".o_alumni_network_group button.o_alumni_network_group_join",
            run: "click",
        },
        {
            content: "In the group, and able to leave it",
            trigger:
                ".o_alumni_network_group:has(.o_alumni_network_group_welcome) button.o_alumni_network_group_leave",
        },
    ],
});

registry.category("web_tour.tours").add("usn_alumni_network_volunteer_pool_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Alumni app",
            trigger: '.o_app[data-menu-xmlid="usn_alumni_base.menu_alumni_root"]',
            run: "click",
        },
        {
            content: "Open the Network menu",
            trigger: 'button[data-menu-xmlid="usn_alumni_network.menu_alumni_network"]',
            run: "click",
        },
        {
            content: "Open the volunteer pool",
            trigger:
                '.dropdown-item[data-menu-xmlid="usn_alumni_network.alumni_network_offer_menu_volunteers"]',
            run: "click",
        },
        {
            content: "The volunteers who studied IT",
            trigger: '.o_list_view .o_group_name:contains("Bachelor in IT (2)")',
            run: "click",
        },
        {
            content: "by employer: Bjørn's",
            trigger: '.o_list_view .o_group_name:contains("Drammen Data AS (1)")',
            run: "click",
        },
        {
            content: "His guest lecture",
            trigger: '.o_list_view .o_data_row:contains("Guest lecture on data analysis")',
        },
        {
            content: "Open the Network menu again",
            trigger: 'button[data-menu-xmlid="usn_alumni_network.menu_alumni_network"]',
            run: "click",
        },
        {
            content: "Open the groups",
            trigger: '.dropdown-item[data-menu-xmlid="usn_alumni_network.alumni_network_group_menu"]',
            run: "click",
        },
        {
            content: "Make a group",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit USN alumni in Bergen",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
