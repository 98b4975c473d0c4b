# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.usn_alumni_base.tools import normalize

DIRECTORY_PAGE_SIZE = 20
DIRECTORY_PARAMS = (
    "search",
    "programme_id",
    "graduation_year",
    "faculty_id",
    "employer",
    "industry",
    "city",
    "interest_id",
)


class AlumniNetworkController(http.Controller):
    """The network's website: joining, the directory and member pages.

    Nothing here reads people with sudo(): what a viewer sees of others
    comes from res.partner's visibility methods only.
    """

    # ------------------------------------------------------------------
    # Joining and leaving
    # ------------------------------------------------------------------

    @http.route(
        "/alumni/join",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        sitemap=True,
    )
    def alumni_join(self, **post):
        """GET: the form. POST (Odoo's http checks the CSRF token): the
        request, then what happens next; on bad input the form again with
        the message and what was written."""
        user = request.env.user
        role = request.env["res.partner"]._alumni_viewer_role()
        if request.httprequest.method != "POST":
            return self._render_join_form({}, role=role)
        values = {
            "name": (post.get("name") or "").strip(),
            "email": (post.get("email") or "").strip(),
            "student_number": (post.get("student_number") or "").strip(),
            "birth_date": (post.get("birth_date") or "").strip(),
            "note": (post.get("note") or "").strip()[:2000],
        }
        try:
            if user._is_public():
                values.update(self._check_join_values(values))
            else:
                values.update(
                    name=user.partner_id.name, email=user.partner_id.email, birth_date=False
                )
            _person, outcome = request.env["res.partner"]._alumni_network_request(values)
        except UserError as error:
            return self._render_join_form(values, role=role, error=error.args[0])
        return request.render(
            "usn_alumni_network.join_done",
            {"outcome": outcome, "is_visitor": user._is_public()},
        )

    def _check_join_values(self, values):
        """The visitor's values, checked: a name, an e-mail address, and a
        birth date that is a date.

        :raise UserError: naming the field
        """
        env = request.env
        if not values["name"]:
            raise UserError(env._("Enter your name (field “Name”)."))
        try:
            email = normalize.email(values["email"])
        except ValueError:
            raise UserError(env._("Enter a valid e-mail address (field “E-mail”).")) from None
        birth_date = False
        if values["birth_date"]:
            try:
                birth_date = fields.Date.to_date(values["birth_date"])
            except ValueError:
                birth_date = None
            if not birth_date or birth_date > fields.Date.today():
                raise UserError(env._("Enter your birth date as a date (field “Birth date”)."))
        if values["student_number"] and len(values["student_number"]) > 30:
            raise UserError(env._("The student number is too long (field “Student number”)."))
        return {"email": email, "birth_date": birth_date}

    def _render_join_form(self, values, role, error=None):
        return request.render(
            "usn_alumni_network.join_form",
            {"values": values, "role": role, "error": error},
        )

    @http.route(
        "/alumni/leave",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        sitemap=False,
    )
    def alumni_leave(self, **post):
        """GET: the confirmation, with a reason to give. POST (CSRF
        checked): the member leaves the network."""
        partner = request.env.user.partner_id
        if request.env["res.partner"]._alumni_viewer_role() != "member":
            raise NotFound()
        if request.httprequest.method != "POST":
            return request.render("usn_alumni_network.leave_form", {})
        reason = (post.get("reason") or "").strip()[:500]
        partner._alumni_network_leave(
            request.env._("Left the network: %(reason)s", reason=reason) if reason else None
        )
        return request.render("usn_alumni_network.leave_done", {})

    # ------------------------------------------------------------------
    # Directory and member pages
    # ------------------------------------------------------------------

    @http.route(
        ["/alumni/directory", "/alumni/directory/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_directory(self, page=1, **params):
        """The listed members this viewer may see, filtered and paged; a
        read-only route, so that it can be served from a read replica."""
        Partner = request.env["res.partner"]
        role = Partner._alumni_viewer_role()
        if str(params.get("page", "")).isdigit():
            page = int(params["page"])
        page = max(int(page or 1), 1)
        error = None
        try:
            filters = Partner._alumni_directory_clean_filters(params)
        except UserError as exc:
            filters, error = {}, exc.args[0]
        total, profiles = (0, [])
        if not error:
            total, profiles = Partner._alumni_directory_search(
                filters,
                offset=(page - 1) * DIRECTORY_PAGE_SIZE,
                limit=DIRECTORY_PAGE_SIZE,
            )
        url_args = {name: params[name] for name in DIRECTORY_PARAMS if params.get(name)}
        pager = portal_pager(
            url="/alumni/directory",
            url_args=url_args,
            total=total,
            page=page,
            step=DIRECTORY_PAGE_SIZE,
        )
        return request.render(
            "usn_alumni_network.directory",
            {
                "role": role,
                "profiles": profiles,
                "total": total,
                "pager": pager,
                "params": url_args,
                "filters": filters,
                "choices": Partner._alumni_directory_choices(),
                "error": error,
            },
        )

    @http.route(
        "/alumni/member/<int:partner_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_member(self, partner_id, **kwargs):
        """The member's page with what this viewer may see; not found
        (never forbidden) otherwise, so that ids cannot be probed."""
        profiles = request.env["res.partner"].browse(partner_id)._alumni_visible_profiles()
        if not profiles:
            raise NotFound()
        return request.render(
            "usn_alumni_network.member_page",
            {
                "profile": profiles[0],
                "is_own": partner_id == request.env.user.partner_id.id,
            },
        )

    @http.route(
        "/alumni/member/<int:partner_id>/avatar",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_member_avatar(self, partner_id, **kwargs):
        """The member's photo, to those who may see their page."""
        partner = request.env["res.partner"].browse(partner_id)._alumni_member_avatar()
        if partner is None:
            raise NotFound()
        stream = request.env["ir.binary"]._get_image_stream_from(
            partner, "avatar_256", placeholder="base/static/img/avatar_grey.png"
        )
        return stream.get_response()
