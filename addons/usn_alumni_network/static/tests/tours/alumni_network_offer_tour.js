/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

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
