# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..tools import linkedin
from .portal import AlumniNetworkPortal


class AlumniLinkedInPortal(AlumniNetworkPortal):
    """The member's positions from LinkedIn's data export: upload, preview,
    save. Only for the member's own person; positions are searched and
    created as the member, under the base's record rules."""

    @http.route(
        "/my/alumni/linkedin", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def my_alumni_linkedin(self, **post):
        """GET: the upload form. POST (CSRF checked): the file read, and
        the preview of the positions it would add, or what is wrong with
        it; nothing is stored here."""
        partner = self._own_member()
        Position = request.env["alumni.career.position"]
        if request.httprequest.method != "POST":
            return self._render_linkedin(partner)
        upload = request.httprequest.files.get("linkedin_file")
        if not upload or not upload.filename:
            return self._render_linkedin(
                partner,
                error=request.env._("Choose a file to upload (field “LinkedIn export”)."),
            )
        data = upload.read(linkedin.MAX_BYTES + 1)
        try:
            positions = Position._linkedin_read_export(data, upload.filename)
        except UserError as exc:
            return self._render_linkedin(partner, error=exc.args[0])
        positions = Position._linkedin_mark_duplicates(partner, positions)
        payload, signature = Position._linkedin_sign(partner, positions)
        return self._render_linkedin(
            partner,
            positions=positions,
            payload=payload,
            signature=signature,
            filename=upload.filename,
        )

    @http.route(
        "/my/alumni/linkedin/save", type="http", auth="user", website=True, methods=["POST"]
    )
    def my_alumni_linkedin_save(self, payload=None, signature=None, **post):
        """The previewed positions saved, when the preview's signature is
        right and it was made for this member; else nothing is stored."""
        partner = self._own_member()
        Position = request.env["alumni.career.position"]
        try:
            with request.env.cr.savepoint():
                positions = Position._linkedin_unsign(partner, payload, signature)
                created = Position._linkedin_create_positions(partner, positions)
        except (UserError, ValidationError) as exc:
            return self._render_linkedin(partner, error=exc.args[0])
        return request.redirect(f"/my/alumni?linkedin_saved={len(created)}#alumni_career")

    def _render_linkedin(self, partner, error=None, positions=None, **values):
        return request.render(
            "usn_alumni_network.portal_my_alumni_linkedin",
            {
                **self._prepare_portal_layout_values(),
                "page_name": "alumni",
                "partner": partner,
                "error_lines": (error or "").splitlines(),
                "positions": positions or [],
                "new_count": len([p for p in positions or [] if not p["duplicate"]]),
                **values,
            },
        )
