# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.res_partner import VISIBILITY_FIELDS

# The person fields a member edits in /my/alumni.
PROFILE_TEXT_FIELDS = ("alumni_bio", "city", "linkedin_url")
VISIBILITY_CHOICES = {"nobody", "members", "public"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024


class AlumniNetworkPortal(CustomerPortal):
    """The member's own network profile: /my/alumni."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        partner = request.env.user.partner_id
        if "alumni_position_count" in counters:
            values["alumni_position_count"] = request.env["alumni.career.position"].search_count(
                [("partner_id", "=", partner.id)]
            )
        if "alumni_consent_count" in counters:
            values["alumni_consent_count"] = request.env["alumni.consent"].search_count(
                [
                    ("partner_id", "=", partner.id),
                    ("is_current", "=", True),
                    ("state", "=", "given"),
                ]
            )
        return values

    @http.route("/my/alumni", type="http", auth="user", website=True, methods=["GET", "POST"])
    def my_alumni(self, **post):
        """GET: the profile. POST (CSRF checked): the profile saved, then
        the profile again with what was saved or what was wrong."""
        partner = request.env.user.partner_id
        if partner.network_state != "member":
            return request.render(
                "usn_alumni_network.portal_my_alumni_not_member",
                {**self._prepare_portal_layout_values(), "page_name": "alumni"},
            )
        error = message = None
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    self._save_profile(partner, post)
                message = request.env._("Your profile is saved.")
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
        return self._render_profile(partner, error=error, message=message)

    def _save_profile(self, partner, post):
        """Write what the member changed: text fields, subjects, photo and
        the visibility of each field.

        :raise UserError: naming the field that is wrong
        """
        env = request.env
        vals = {name: (post.get(name) or "").strip() or False for name in PROFILE_TEXT_FIELDS}
        if vals["alumni_bio"] and len(vals["alumni_bio"]) > 2000:
            raise UserError(env._("The presentation is longer than 2000 characters."))
        for name in (*VISIBILITY_FIELDS, "visibility_profile"):
            value = post.get(name)
            if value not in VISIBILITY_CHOICES or (
                name == "visibility_profile" and value == "nobody"
            ):
                raise UserError(
                    env._(
                        "Choose who sees it for “%(field)s”.",
                        field=partner._fields[name].get_description(env)["string"],
                    )
                )
            vals[name] = value
        form = request.httprequest.form
        interest_ids = {int(i) for i in form.getlist("interest_ids") if i.isdigit()}
        vals["interest_ids"] = [
            Command.set(env["alumni.interest"].browse(interest_ids).exists().ids)
        ]
        photo = request.httprequest.files.get("image")
        if photo and photo.filename:
            data = photo.read(MAX_PHOTO_BYTES + 1)
            if len(data) > MAX_PHOTO_BYTES:
                raise UserError(env._("The photo is larger than 5 MB (field “Photo”)."))
            vals["image_1920"] = base64.b64encode(data)
        elif post.get("remove_image"):
            vals["image_1920"] = False
        # A portal user may not write people; these are their own person's
        # fields, listed above, as Odoo's /my/account writes the address.
        try:
            partner.sudo().write(vals)
        except UserError as exc:
            if "image_1920" in vals:
                raise UserError(
                    env._("The photo could not be read as an image (field “Photo”).")
                ) from exc
            raise

    def _render_profile(self, partner, error=None, message=None):
        env = request.env
        purposes = env["alumni.consent.purpose"].search([])
        answers = {answer.purpose_id: answer for answer in partner.current_consent_ids}
        values = {
            **self._prepare_portal_layout_values(),
            "page_name": "alumni",
            "partner": partner,
            "interests": env["alumni.interest"].search([]),
            "positions": env["alumni.career.position"].search([("partner_id", "=", partner.id)]),
            "consents": [(purpose, answers.get(purpose)) for purpose in purposes],
            "history": env["alumni.consent"].search([("partner_id", "=", partner.id)], limit=20),
            "visibility_fields": [
                (name, partner._fields[name].get_description(env)["string"])
                for name in VISIBILITY_FIELDS
            ],
            "visibility_labels": dict(
                partner._fields["visibility_email"]._description_selection(env)
            ),
            "error": error,
            "message": message,
        }
        return request.render("usn_alumni_network.portal_my_alumni", values)

    @http.route("/my/alumni/verify", type="http", auth="user", website=True, methods=["POST"])
    def my_alumni_verify(self, **post):
        """ "My data is current": today is the day it was last confirmed."""
        partner = self._own_member()
        # Their own person, one field (see _save_profile).
        partner.sudo().action_mark_verified()
        return request.redirect("/my/alumni?verified=1")

    @http.route("/my/alumni/consent", type="http", auth="user", website=True, methods=["POST"])
    def my_alumni_consent(self, purpose=None, state=None, **post):
        """A new answer to one purpose; the base keeps the history and
        records date, wording and evidence itself."""
        partner = self._own_member()
        if state not in ("given", "withdrawn") or not request.env["alumni.consent.purpose"].search(
            [("code", "=", purpose or "")]
        ):
            raise NotFound()
        partner._record_consent(purpose, state, "portal")
        return request.redirect("/my/alumni#alumni_consents")

    @http.route("/my/alumni/career", type="http", auth="user", website=True, methods=["POST"])
    def my_alumni_career_add(self, **post):
        """A new career position of the member (searched and created as the
        member: the base's rules keep them to their own)."""
        partner = self._own_member()
        title = (post.get("title") or "").strip()
        try:
            with request.env.cr.savepoint():
                self._add_position(partner, title, post)
        except (UserError, ValidationError) as exc:
            return self._render_profile(partner, error=exc.args[0])
        return request.redirect("/my/alumni#alumni_career")

    def _add_position(self, partner, title, post):
        """Create the position, or raise a UserError naming the field."""
        env = request.env
        if not title:
            raise UserError(env._("Enter the job title (field “Job Title”)."))
        dates = {}
        for name, label in (("start_date", env._("From")), ("end_date", env._("Until"))):
            raw = (post.get(name) or "").strip()
            try:
                dates[name] = fields.Date.to_date(raw) if raw else False
            except ValueError:
                raise UserError(env._("Enter a date (field “%(field)s”).", field=label)) from None
        env["alumni.career.position"].create(
            {
                "partner_id": partner.id,
                "title": title[:200],
                "employer_name": (post.get("employer_name") or "").strip()[:200] or False,
                **dates,
            }
        )

    @http.route(
        "/my/alumni/career/<int:position_id>/delete",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def my_alumni_career_delete(self, position_id, **post):
        self._own_member()
        position = request.env["alumni.career.position"].search([("id", "=", position_id)])
        if not position:
            raise NotFound()
        position.unlink()
        return request.redirect("/my/alumni#alumni_career")

    def _own_member(self):
        """The user's person, when a member of the network; else not found."""
        partner = request.env.user.partner_id
        if partner.network_state != "member":
            raise NotFound()
        return partner
