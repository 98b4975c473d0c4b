/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// The test (tests/test_ui_campaign.py) prepares three people the offer
// reaches and checks, before the tour, that the matching predicts three.
registry.category("web_tour.tours").add("alumni_evu_campaign_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Email Marketing",
            trigger: '.o_app[data-menu-xmlid="mass_mailing.mass_mailing_menu_root"]',
            run: "click",
        },
        {
            content: "Open the continuing-education offers",
            trigger: '.o_main_navbar [data-menu-xmlid="usn_alumni_evu.alumni_evu_offer_menu_marketing"]',
            run: "click",
        },
        {
            content: "Open the offer",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Tour Wound Care')",
            run: "click",
        },
        {
            content: "Create the mailing from the offer",
            trigger: ".o_form_statusbar button[name='action_open_new_mailing']",
            run: "click",
        },
        {
            content: "The mailing is open, on the offer",
            trigger: ".o_form_view .o_field_widget[name='alumni_evu_offer_ids'] .o_tag:contains('Tour Wound Care')",
        },
        {
            content: "The mailing reaches the people the matching predicted",
            trigger: ".o_alumni_evu_recipient_count:contains('3 recipients')",
        },
        {
            content: "One of them is at their monthly limit now",
            trigger: ".o_alumni_over_cap:contains('monthly limit'):contains('1')",
        },
    ],
});
