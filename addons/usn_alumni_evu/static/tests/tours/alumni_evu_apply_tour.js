/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("alumni_evu_apply_tour", {
    url: "/alumni/evu",
    steps: () => [
        {
            content: "Both courses are listed",
            trigger: ".o_alumni_evu_offer_card:contains(Python for Engineers)",
        },
        {
            content: "Open the faculty filter",
            trigger: ".o_alumni_evu_filter_faculty button.dropdown-toggle",
            run: "click",
        },
        {
            content: "Keep the Faculty of Health",
            trigger: ".o_alumni_evu_filter_faculty .dropdown-menu a:contains(Faculty of Health)",
            run: "click",
        },
        {
            content: "Only the Health course is left",
            trigger:
                ".o_alumni_evu_index:not(:has(.o_alumni_evu_offer_card:contains(Python for Engineers))) .o_alumni_evu_filter_faculty button:contains(Faculty of Health)",
        },
        {
            content: "Open the course",
            trigger: ".o_alumni_evu_offer_card a.o_alumni_evu_offer_link:contains(Clinical Supervision)",
            run: "click",
        },
        {
            content: "The page explains the alumni price",
            trigger: ".o_alumni_evu_benefits:contains(Former students of the university pay)",
        },
        {
            content: "Write the name",
            trigger: "form.o_alumni_evu_apply_form input[name=name]",
            run: "edit Berit Graduate",
        },
        {
            content: "Write the e-mail address the university knows, in other letters",
            trigger: "form.o_alumni_evu_apply_form input[name=email]",
            run: "edit Berit.Graduate@Example.COM",
        },
        {
            content: "Write the phone",
            trigger: "form.o_alumni_evu_apply_form input[name=phone]",
            run: "edit 912 34 567",
        },
        {
            content: "Apply",
            trigger: "form.o_alumni_evu_apply_form button[type=submit]",
            run: "click",
        },
        {
            content: "Thanked, with the alumni price",
            trigger: ".o_alumni_evu_thanks .o_alumni_evu_benefit[data-benefit=alumni_price]:contains(You pay the alumni price)",
        },
    ],
});
