/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

// Maja, on Bjørn's page, asks him to get in touch.
registry.category("web_tour.tours").add("usn_alumni_network_contact_send_tour", {
    steps: () => [
        {
            content: "Write to Bjørn",
            trigger: "form.o_alumni_network_contact_form textarea[name=message]",
            run: "edit Hello Bjørn, I am moving to Drammen. Coffee?",
        },
        {
            content: "Send the request",
            trigger: "form.o_alumni_network_contact_form button[type=submit]",
            run: "click",
        },
        {
            content: "The request is sent and waits for his answer",
            trigger:
                ".o_alumni_network_contact_page:has(.o_alumni_network_saved):has(.o_alumni_network_contact_message:contains(Coffee?))",
        },
        {
            content: "No address before he accepts",
            trigger: ".o_alumni_network_contact_page:not(:has(.o_alumni_network_contact_email))",
        },
    ],
});

// Bjørn accepts in the portal and answers in the discussion.
registry.category("web_tour.tours").add("usn_alumni_network_contact_accept_tour", {
    steps: () => [
        {
            content: "Open Maja's request",
            trigger: ".o_alumni_network_contact_row a:contains(Maja Member)",
            run: "click",
        },
        {
            content: "Her message",
            trigger: ".o_alumni_network_contact_message:contains(Coffee?)",
        },
        {
            content: "Accept",
            trigger: "button.o_alumni_network_accept",
            run: "click",
        },
        {
            content: "Her e-mail address is shown",
            trigger: ".o_alumni_network_contact_email:contains(maja_member@example.com)",
        },
        {
            content: "Write in the discussion",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Welcome to Drammen! Thursday?",
        },
        {
            content: "Send",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The message is in the discussion",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Thursday?)",
        },
    ],
});
