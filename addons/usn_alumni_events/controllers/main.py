# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.http import request
from odoo.tools import email_normalize

from odoo.addons.website_event.controllers.main import WebsiteEventController

# "<attendee>-alumni_session-<session id>": one checkbox per session and
# attendee in the attendee details of the registration.
SESSION_KEY = re.compile(r"^(\d+)-alumni_session-(\d+)$")


class AlumniInformationRequestController(http.Controller):
    """The website's information request form."""

    @http.route(
        "/alumni/information",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=True,
    )
    def alumni_information(self, **post):
        """GET: the form. POST (Odoo's http checks the CSRF token): the
        request is stored and answered, then the thank-you page; on bad input
        the form again, with the message and what the visitor wrote."""
        if request.httprequest.method != "POST":
            values = {
                "programme_ids": [int(post["programme_id"])]
                if str(post.get("programme_id", "")).isdigit()
                else [],
                "preferred_event_id": int(post["event_id"])
                if str(post.get("event_id", "")).isdigit()
                else False,
            }
            return self._render_information_form(values)
        form = request.httprequest.form
        values = {
            "name": (post.get("name") or "").strip(),
            "email": (post.get("email") or "").strip(),
            "phone": (post.get("phone") or "").strip(),
            "programme_ids": [int(pid) for pid in form.getlist("programme_ids") if pid.isdigit()],
            "preferred_event_id": int(post["preferred_event_id"])
            if str(post.get("preferred_event_id", "")).isdigit()
            else False,
        }
        try:
            open_days = self._information_open_days()
            if values["preferred_event_id"] and values["preferred_event_id"] not in open_days.ids:
                raise UserError(
                    request.env._(
                        "Choose one of the Open Days of the list (field “Preferred Open Day”)."
                    )
                )
            # As superuser: a visitor may not read or create requests. The
            # model checks every value (published programmes only, valid
            # e-mail address and phone) and finds the person; nothing else
            # is read or written here.
            with request.env.cr.savepoint():
                information_request = (
                    request.env["alumni.information.request"]
                    .sudo()
                    .create(
                        {
                            "name": values["name"],
                            "email": values["email"],
                            "phone": values["phone"],
                            "programme_ids": [Command.set(values["programme_ids"])],
                            "preferred_event_id": values["preferred_event_id"],
                        }
                    )
                )
        except UserError as error:
            return self._render_information_form(values, error=error.args[0])
        return request.render(
            "usn_alumni_events.information_request_thanks",
            {
                "name": information_request.name,
                "programmes": information_request.programme_ids,
                "preferred_event": open_days.browse(values["preferred_event_id"]),
                "open_days": open_days,
            },
        )

    def _render_information_form(self, values, error=None):
        return request.render(
            "usn_alumni_events.information_request_form",
            {
                "values": values,
                "error": error,
                "programmes": request.env["alumni.programme"]._website_information_programmes(),
                "open_days": self._information_open_days(),
            },
        )

    def _information_open_days(self):
        """The upcoming Open Days the visitor may see (searched as the
        visitor: the website's rules hide unpublished events)."""
        return request.env["event.event"].search(
            [
                ("alumni_event_kind", "=", "open_day"),
                ("date_end", ">", fields.Datetime.now()),
                ("website_id", "in", [False, request.website.id]),
            ],
            order="date_begin, id",
        )


class AlumniWebsiteEventController(WebsiteEventController):
    """Registration on the website: a choice of sessions per attendee,
    attendees registered by someone else matched to their own person, a
    waiting list for full events and refusals shown as messages."""

    @http.route()
    def registration_new(self, event, **post):
        """A full event with a waiting list still takes attendees: they
        wait for a seat instead of being told there are too few."""
        if not (event.alumni_waitlist and event.seats_limited):
            return super().registration_new(event, **post)
        tickets = self._process_tickets_form(event, post)
        if not tickets:
            return False
        # The same first attendee as website_event proposes.
        default_first_attendee = {}
        if not request.env.user._is_public():
            default_first_attendee = {
                "name": request.env.user.name,
                "email": request.env.user.email,
                "phone": request.env.user.mobile or request.env.user.phone,
            }
        else:
            visitor = request.env["website.visitor"]._get_visitor_from_request()
            if visitor.email:
                default_first_attendee = {
                    "name": visitor.display_name,
                    "email": visitor.email,
                    "phone": visitor.mobile,
                }
        return request.env["ir.ui.view"]._render_template(
            "website_event.registration_attendee_details",
            {
                "tickets": tickets,
                "event": event,
                "availability_check": True,
                "default_first_attendee": default_first_attendee,
            },
        )

    def _process_attendees_form(self, event, form_details):
        """Carry the sessions each attendee chose into alumni_session_ids."""
        form_details = dict(form_details)
        chosen = {}
        for key in [key for key in form_details if SESSION_KEY.match(key)]:
            value = form_details.pop(key)
            index, session_id = SESSION_KEY.match(key).groups()
            if value:
                chosen.setdefault(index, []).append(int(session_id))
        registrations = super()._process_attendees_form(event, form_details)
        if not chosen:
            return registrations
        # website_event returns the attendees in the order their fields come
        # in the form (the index before the first "-" of each field name;
        # 0 holds the questions asked once per order).
        indexes = list(
            dict.fromkeys(
                key.split("-", 1)[0]
                for key, value in form_details.items()
                if value
                and "-" in key
                and key.split("-", 1)[0].isdigit()
                and key.split("-", 1)[0] != "0"
            )
        )
        valid = set(event.alumni_session_ids.ids)
        for index, values in zip(indexes, registrations, strict=False):
            session_ids = [sid for sid in chosen.get(index, []) if sid in valid]
            if session_ids:
                values["alumni_session_ids"] = [Command.set(session_ids)]
        return registrations

    def _create_attendees_from_registration_post(self, event, registration_data):
        """An attendee registered by a logged-in user under another e-mail
        address is someone else: website_event would give them the user's
        own person; they are created without one so that the registration
        finds (or makes) their own."""
        user = request.env.user
        if user._is_public():
            return super()._create_attendees_from_registration_post(event, registration_data)
        own_email = email_normalize(user.partner_id.email or "")
        others = [
            values
            for values in registration_data
            if not values.get("partner_id")
            and values.get("email")
            and email_normalize(values["email"]) != own_email
        ]
        if not others:
            return super()._create_attendees_from_registration_post(event, registration_data)
        own = [values for values in registration_data if all(values is not o for o in others)]
        attendees = super()._create_attendees_from_registration_post(event, own)
        visitor_sudo = request.env["website.visitor"]._get_visitor_from_request(force_create=True)
        for values in others:
            values.update(event_id=event.id, visitor_id=visitor_sudo.id, partner_id=False)
        # As superuser, like website_event: the visitor registers attendees.
        return attendees | request.env["event.registration"].sudo().create(others)

    @http.route()
    def registration_confirm(self, event, **post):
        """A registration the university refuses (full, already registered,
        invalid e-mail address) shows its reason on the event's page."""
        try:
            return super().registration_confirm(event, **post)
        except UserError as error:
            # Nothing of the refused registration is kept (the registration
            # commits its mail schedulers, so no savepoint can hold it).
            request.env.cr.rollback()
            values = self._prepare_event_register_values(event)
            values["alumni_registration_error"] = error.args[0]
            return request.render("website_event.event_description_full", values)
