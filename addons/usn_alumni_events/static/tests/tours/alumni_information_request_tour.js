/** @odoo-module **/
// Copyright 2026 University of South-Eastern Norway
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("usn_alumni_information_request_tour", {
    url: "/alumni/information",
    steps: () => [
        {
            content: "Write the visitor's name",
            trigger: "form.o_alumni_information_form input[name=name]",
            run: "edit Tora Tour",
        },
        {
            content: "Write the visitor's e-mail address",
            trigger: "form.o_alumni_information_form input[name=email]",
            run: "edit Tour.Visitor@Example.com",
        },
        {
            content: "Choose Nursing",
            trigger: "form.o_alumni_information_form label:contains(Bachelor in Nursing)",
            run: "click",
        },
        {
            content: "Choose the Open Day",
            trigger: "form.o_alumni_information_form select[name=preferred_event_id]",
            run: "selectByLabel Open Day Campus Bø",
        },
        {
            content: "Send the request",
            trigger: "form.o_alumni_information_form button[type=submit]",
            run: "click",
        },
        {
            content: "Thanked, open the Open Day",
            trigger: ".o_alumni_information_thanks a.o_alumni_information_open_day",
            run: "click",
        },
        {
            content: "Open the registration",
            trigger: ".o_wevent_event_main_cta_block button:contains(Register), #o_wevent_event_main_sidebar button:contains(Register)",
            run: "click",
        },
        {
            content: "One registration",
            trigger: "#modal_ticket_registration.show select[name^=nb_register]",
            run: "select 1",
        },
        {
            content: "Go to the attendee details",
            trigger: "#modal_ticket_registration.show .modal-footer button[type=submit]:enabled",
            run: "click",
        },
        {
            content: "Wait for the attendee details",
            trigger: ".modal.modal_shown.show form#attendee_registration",
        },
        {
            trigger: "form#attendee_registration input[name^='1-name']",
            run: "edit Tora Tour",
        },
        {
            trigger: "form#attendee_registration input[name^='1-email']",
            run: "edit tour.visitor@example.com",
        },
        {
            content: "Pick the Nursing session",
            trigger: "form#attendee_registration .o_alumni_sessions label:contains(Nursing: meet the students)",
            run: "click",
        },
        {
            trigger: "form#attendee_registration input[name*='-alumni_session-']:checked",
        },
        {
            trigger:
                ".modal#modal_attendees_registration:not(.o_inactive_modal) button[type=submit].btn-primary",
            run: "click",
        },
        {
            content: "Registration confirmed",
            trigger: ".o_wereg_confirmed",
        },
    ],
});
