/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("usn_alumni_network_join_tour", {
    url: "/alumni/join",
    steps: () => [
        {
            content: "Write the graduate's name",
            trigger: "form.o_alumni_network_join_form input[name=name]",
            run: "edit Hanna Graduate",
        },
        {
            content: "Write the address on record",
            trigger: "form.o_alumni_network_join_form input[name=email]",
            run: "edit hanna.graduate@example.com",
        },
        {
            content: "Write the student number",
            trigger: "form.o_alumni_network_join_form input[name=student_number]",
            run: "edit 100200",
        },
        {
            content: "Write the birth date",
            trigger: "form.o_alumni_network_join_form input[name=birth_date]",
            run() {
                // A date input takes its value whole, not typed key by key.
                this.anchor.value = "1995-04-12";
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Ask to join",
            trigger: "form.o_alumni_network_join_form button[type=submit]",
            run: "click",
        },
        {
            content: "Thanked",
            trigger: ".o_alumni_network_visitor_done",
        },
    ],
});
