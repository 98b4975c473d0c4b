# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from .main import AlumniNetworkController

ANSWERS = ("accept", "decline", "block")
# What the e-mail's links may do; blocking is done in the portal.
LINK_ANSWERS = ("accept", "decline")


class AlumniContactController(AlumniNetworkController):
    """Contact requests from a member's page, and the answer links of the
    recipient's e-mail."""

    @http.route()
    def alumni_member(self, partner_id, **kwargs):
        """The member's page, with the contact request between the viewer
        and the member (or the form to send one)."""
        response = super().alumni_member(partner_id, **kwargs)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext.update(self._contact_values(partner_id))
        return response

    def _contact_values(self, partner_id, error=None, message=None):
        env = request.env
        partner = env.user.partner_id
        return {
            "viewer_role": env["res.partner"]._alumni_viewer_role(),
            "contact": env["alumni.contact.request"]._alumni_contact_status(
                partner, env["res.partner"].browse(partner_id)
            ),
            "contact_error": error,
            "contact_message": message,
            "report_done": bool(request.params.get("reported")),
        }

    def _visible_member(self, partner_id):
        """The person behind ``partner_id`` when the user may see their
        page; else not found, the same for a hidden and a missing id."""
        partner = request.env["res.partner"].browse(partner_id)
        profiles = partner._alumni_visible_profiles()
        if not profiles:
            raise NotFound()
        return partner, profiles[0]

    @http.route(
        "/alumni/contact/<int:partner_id>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def alumni_contact(self, partner_id, message=None, **post):
        """A member asks the member of the page to get in touch (CSRF
        checked by Odoo's http). Refused with the reason on the page, the
        message kept; nothing stored."""
        partner, profile = self._visible_member(partner_id)
        try:
            with request.env.cr.savepoint():
                contact = request.env["alumni.contact.request"]._alumni_send(partner, message)
        except UserError as error:
            return request.render(
                "usn_alumni_network.member_page",
                {
                    "profile": profile,
                    "is_own": partner_id == request.env.user.partner_id.id,
                    **self._contact_values(partner_id, error=error.args[0], message=message),
                },
            )
        return request.redirect(f"/my/alumni/contacts/{contact.id}?sent=1")

    @http.route(
        "/alumni/member/<int:partner_id>/report",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def alumni_member_report(self, partner_id, reason=None, **post):
        """A member reports the member of the page to the alumni office."""
        partner, profile = self._visible_member(partner_id)
        try:
            with request.env.cr.savepoint():
                request.env["alumni.contact.report"]._alumni_report(partner, reason)
        except UserError as error:
            return request.render(
                "usn_alumni_network.member_page",
                {
                    "profile": profile,
                    "is_own": partner_id == request.env.user.partner_id.id,
                    **self._contact_values(partner_id),
                    "report_error": error.args[0],
                    "report_reason": reason,
                },
            )
        return request.redirect(f"/alumni/member/{partner_id}?reported=1#alumni_contact")

    # ------------------------------------------------------------------
    # The links of the recipient's e-mail
    # ------------------------------------------------------------------

    @http.route(
        "/alumni/contact/answer/<int:request_id>/<string:answer>",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def alumni_contact_answer(self, request_id, answer, token=None, **post):
        """GET: what the link will do, to confirm. POST (CSRF checked): the
        answer given. Not found unless the token signs this answer for
        this request, so that a link cannot be guessed or changed."""
        if answer not in LINK_ANSWERS:
            raise NotFound()
        # sudo: the visitor may be logged out or someone else; the signed
        # token is the recipient's proof, checked before anything is read.
        contact = request.env["alumni.contact.request"].sudo().browse(request_id).exists()
        if not contact or not contact._alumni_check_answer_token(answer, token):
            raise NotFound()
        values = {
            "contact": contact._alumni_portal_values(contact.recipient_id)[0],
            "answer": answer,
            "token": token,
            "error": None,
            "done": False,
        }
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    contact._alumni_answer(answer)
                values["done"] = True
                values["contact"] = contact._alumni_portal_values(contact.recipient_id)[0]
            except UserError as error:
                values["error"] = error.args[0]
        elif contact.state != "pending":
            values["error"] = request.env._(
                "This request is already answered (%(state)s).",
                state=values["contact"]["state_label"],
            )
        return request.render("usn_alumni_network.contact_answer_page", values)
