# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request


class AlumniVerifyController(http.Controller):
    """The reminder's "yes, still right" link.

    As Odoo's own one-click links from e-mails (the mailing unsubscribe
    page, the portal's signed document links), the GET only shows a page:
    mail scanners and link previews open every link of a message, and a
    GET that changed data would confirm it for a person who never read
    the e-mail. The page's button POSTs the same signed values (with
    Odoo's CSRF token), and only that sets last_verified_date. Doing it
    twice does no harm: the date is today's either way.
    """

    @http.route(
        "/alumni/verify", type="http", auth="public", website=True, methods=["GET"], sitemap=False
    )
    def alumni_verify_page(self, partner_id=None, expires=None, token=None, **kwargs):
        return self._render_verify(partner_id, expires, token)

    @http.route(
        "/alumni/verify", type="http", auth="public", website=True, methods=["POST"], sitemap=False
    )
    def alumni_verify_confirm(self, partner_id=None, expires=None, token=None, **kwargs):
        Partner = request.env["res.partner"]
        partner = Partner._alumni_verify_link_partner(partner_id, expires, token)
        if not partner:
            return self._render_verify(partner_id, expires, token)
        # The signature stands for the person (see _alumni_verify_link_partner):
        # one field of theirs, as the "my data is current" button sets it.
        partner.sudo().action_mark_verified()
        return request.render(
            "usn_alumni_network.alumni_verify_page", {"state": "done", "partner_name": partner.name}
        )

    def _render_verify(self, partner_id, expires, token):
        Partner = request.env["res.partner"]
        partner = Partner._alumni_verify_link_partner(partner_id, expires, token)
        if partner:
            values = {
                "state": "ask",
                "partner_name": partner.name,
                "partner_id": partner.id,
                "expires": expires,
                "token": token,
            }
        elif Partner._alumni_verify_link_expired(partner_id, expires, token):
            values = {"state": "expired"}
        else:
            values = {"state": "invalid"}
        response = request.render("usn_alumni_network.alumni_verify_page", values)
        if not partner:
            response.status_code = 403 if values["state"] == "invalid" else 410
        return response
