# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from .contact import ANSWERS


class AlumniContactPortal(CustomerPortal):
    """The member's contact requests: /my/alumni/contacts."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "alumni_contact_count" in counters:
            values["alumni_contact_count"] = request.env["alumni.contact.request"].search_count(
                self._contact_domain()
            )
        return values

    def _contact_domain(self):
        """The user's own requests, sent and received: searched as the user
        (the record rule keeps a portal user to these), and limited to them
        here too, so that an officer's /my pages are theirs only."""
        partner = request.env.user.partner_id
        return ["|", ("sender_id", "=", partner.id), ("recipient_id", "=", partner.id)]

    def _own_contact(self, request_id):
        """The request when the user is one of its two people; else not
        found, the same for someone else's and a missing id."""
        contact = request.env["alumni.contact.request"].search(
            [("id", "=", request_id), *self._contact_domain()]
        )
        if not contact:
            raise NotFound()
        return contact

    @http.route("/my/alumni/contacts", type="http", auth="user", website=True)
    def my_alumni_contacts(self, **kw):
        partner = request.env.user.partner_id
        contacts = request.env["alumni.contact.request"].search(self._contact_domain())
        items = contacts._alumni_portal_values(partner)
        return request.render(
            "usn_alumni_network.portal_my_alumni_contacts",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "alumni_contacts",
                "received": [item for item in items if not item["is_sender"]],
                "sent": [item for item in items if item["is_sender"]],
            },
        )

    @http.route("/my/alumni/contacts/<int:request_id>", type="http", auth="user", website=True)
    def my_alumni_contact(self, request_id, **kw):
        contact = self._own_contact(request_id)
        return self._render_contact(contact)

    def _render_contact(self, contact, error=None, message=None, report_reason=None):
        partner = request.env.user.partner_id
        values = contact._alumni_portal_values(partner)[0]
        if request.params.get("sent"):
            message = request.env._("Your request is sent.")
        elif request.params.get("reported"):
            message = request.env._("Thank you: the alumni office will look at your report.")
        return request.render(
            "usn_alumni_network.portal_my_alumni_contact",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "alumni_contact",
                "contact": values,
                # The portal chatter reads and posts as the user: the record
                # rule lets the two people read, the model lets them post
                # once the request is accepted.
                "object": contact,
                "show_discussion": contact.state == "accepted",
                "error": error,
                "message": message,
                "report_reason": report_reason,
            },
        )

    @http.route(
        "/my/alumni/contacts/<int:request_id>/answer",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def my_alumni_contact_answer(self, request_id, answer=None, **post):
        """The recipient accepts, declines or blocks (CSRF checked)."""
        contact = self._own_contact(request_id)
        if answer not in ANSWERS or contact.recipient_id != request.env.user.partner_id:
            raise NotFound()
        try:
            with request.env.cr.savepoint():
                contact._alumni_answer(answer)
        except UserError as error:
            return self._render_contact(contact, error=error.args[0])
        return request.redirect(
            contact._alumni_portal_values(request.env.user.partner_id)[0]["url"]
        )

    @http.route(
        "/my/alumni/contacts/<int:request_id>/report",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def my_alumni_contact_report(self, request_id, reason=None, **post):
        """One of the two people reports the other, about this request."""
        contact = self._own_contact(request_id)
        other = contact._alumni_other(request.env.user.partner_id)
        try:
            with request.env.cr.savepoint():
                request.env["alumni.contact.report"]._alumni_report(other, reason, request=contact)
        except UserError as error:
            return self._render_contact(contact, error=error.args[0], report_reason=reason)
        return request.redirect(f"/my/alumni/contacts/{contact.id}?reported=1")
