/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("usn_alumni_network_profile_tour", {
    url: "/my/alumni",
    steps: () => [
        {
            content: "Write a presentation",
            trigger: "form.o_alumni_network_profile_form textarea[name=alumni_bio]",
            run: "edit I build robots and mentor students.",
        },
        {
            content: "Hide the employer from everyone",
            trigger: "form.o_alumni_network_profile_form select[name=visibility_employer]",
            run: "selectByLabel Nobody",
        },
        {
            content: "Save",
            trigger: "form.o_alumni_network_profile_form button[type=submit]",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_alumni_network_saved",
        },
    ],
});

registry.category("web_tour.tours").add("usn_alumni_network_employer_hidden_tour", {
    url: "/alumni/directory",
    steps: () => [
        {
            content: "Maja is listed, without her employer",
            trigger:
                ".o_alumni_network_entry:contains(Maja Member):not(:has(.o_alumni_network_employer))",
        },
        {
            content: "Open her page",
            trigger: ".o_alumni_network_entry:contains(Maja Member)",
            run: "click",
        },
        {
            content: "Her presentation, no employer",
            trigger:
                ".o_alumni_network_member:has(.o_alumni_network_bio:contains(I build robots)):not(:has(.o_alumni_network_employer))",
        },
    ],
});
