# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import format_datetime

from ..models.alumni_event_session import SEAT_STATES

# How many registrations the page lists at once: enough for a queue at the
# door, few enough for a phone.
CHECK_IN_LIST_LIMIT = 50


class AlumniEventCheckIn(http.Controller):
    """Check-in at the door: event staff find a person by name, e-mail or
    the barcode on the badge and mark them as attended, from a phone.

    Everything is read as the user: the event and its registrations are
    searched under the user's access rules, the ids in the URL are never
    trusted."""

    @http.route(
        "/alumni/event/<int:event_id>/check-in",
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def alumni_check_in_page(self, event_id, search="", checked_in=None, already=None, **kw):
        event = self._alumni_check_in_event(event_id)
        values = {}
        if checked_in and str(checked_in).isdigit():
            registration = self._alumni_check_in_registration(event, int(checked_in), strict=False)
            if registration:
                values["checked_in"] = registration
                values["already"] = bool(already)
        return self._alumni_render_check_in(event, search=search, **values)

    @http.route(
        "/alumni/event/<int:event_id>/check-in/<int:registration_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def alumni_check_in_registration(self, event_id, registration_id, search="", **kw):
        event = self._alumni_check_in_event(event_id)
        registration = self._alumni_check_in_registration(event, registration_id)
        already = registration.state == "done"
        try:
            registration.action_alumni_check_in()
        except AccessError:
            raise
        except UserError as error:
            return self._alumni_render_check_in(
                event, search=search, refused=registration, error=error.args[0]
            )
        url = f"/alumni/event/{event.id}/check-in?checked_in={registration.id}"
        if already:
            url += "&already=1"
        return request.redirect(url)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _alumni_check_in_event(self, event_id):
        """The event, if the user may check people in for it: 403 for those
        who may not change registrations (portal users, plain employees),
        404 for an event the user cannot see."""
        if not request.env["event.registration"].has_access("write"):
            raise Forbidden()
        event = request.env["event.event"].search([("id", "=", event_id)], limit=1)
        if not event:
            raise NotFound()
        return event

    def _alumni_check_in_registration(self, event, registration_id, strict=True):
        """A registration of the event, searched under the user's rules."""
        registration = request.env["event.registration"].search(
            [("id", "=", registration_id), ("event_id", "=", event.id)], limit=1
        )
        if not registration and strict:
            raise NotFound()
        return registration

    def _alumni_check_in_domain(self, event, search):
        domain = [("event_id", "=", event.id)]
        search = (search or "").strip()
        if search:
            domain += [
                "|",
                "|",
                "|",
                ("barcode", "=", search),
                ("name", "ilike", search),
                ("email", "ilike", search),
                ("partner_id.name", "ilike", search),
            ]
        return domain

    def _alumni_render_check_in(self, event, search="", **values):
        Registration = request.env["event.registration"]
        search = (search or "").strip()
        domain = self._alumni_check_in_domain(event, search)
        registrations = Registration.search(domain, order="name, id", limit=CHECK_IN_LIST_LIMIT)
        counts = dict(
            Registration._read_group(
                [("event_id", "=", event.id), ("state", "in", list(SEAT_STATES))],
                ["state"],
                ["__count"],
            )
        )
        state_labels = dict(Registration._fields["state"]._description_selection(request.env))
        tz = event.date_tz or "UTC"

        def attended_at(registration):
            if not registration.date_closed:
                return ""
            return format_datetime(request.env, registration.date_closed, tz=tz, dt_format="HH:mm")

        return request.render(
            "usn_alumni_events.alumni_event_check_in_page",
            {
                "event": event,
                "search": search,
                "registrations": registrations,
                "match_count": (
                    Registration.search_count(domain)
                    if len(registrations) == CHECK_IN_LIST_LIMIT
                    else len(registrations)
                ),
                "checked_in_count": counts.get("done", 0),
                "expected_count": counts.get("done", 0) + counts.get("open", 0),
                "state_labels": state_labels,
                "attended_at": attended_at,
                "main_object": event,
                **values,
            },
            status=409 if values.get("error") else 200,
        )
