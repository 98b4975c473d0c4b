# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.alumni_network_offer import MAX_ID, OFFER_FILTERS

OFFER_PAGE_SIZE = 20


class AlumniNetworkOffers(http.Controller):
    """Offers by members on the website: /alumni/offers and each offer's
    page. Which offers a viewer gets, and what they see of the member who
    offers them, comes from the offer's and the people's visibility methods
    only."""

    @http.route(
        ["/alumni/offers", "/alumni/offers/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_offers(self, page=1, **params):
        Offer = request.env["alumni.network.offer"]
        role = request.env["res.partner"]._alumni_viewer_role()
        page = max(int(page or 1), 1)
        error = None
        try:
            filters = Offer._alumni_offer_clean_filters(params)
        except UserError as exc:
            filters, error = {}, exc.args[0]
        total, offers = 0, Offer.sudo().browse()
        if not error:
            total, offers = Offer._alumni_offer_search(
                filters, offset=(page - 1) * OFFER_PAGE_SIZE, limit=OFFER_PAGE_SIZE
            )
        url_args = {name: params[name] for name in OFFER_FILTERS if params.get(name)}
        pager = portal_pager(
            url="/alumni/offers",
            url_args=url_args,
            total=total,
            page=page,
            step=OFFER_PAGE_SIZE,
        )
        return request.render(
            "usn_alumni_network.offers",
            {
                "role": role,
                "offers": offers,
                "members": offers._alumni_offer_members(),
                "kind_labels": dict(Offer._fields["kind"]._description_selection(request.env)),
                "total": total,
                "pager": pager,
                "params": url_args,
                "filters": filters,
                "choices": Offer._alumni_offer_choices(),
                "error": error,
            },
        )

    @http.route(
        "/alumni/offers/<int:offer_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
        readonly=True,
    )
    def alumni_offer(self, offer_id, **kwargs):
        """The offer's page; not found (never forbidden) when the viewer may
        not see it, so that ids cannot be probed."""
        Offer = request.env["alumni.network.offer"]
        offer = Offer._alumni_visible_offer(offer_id)
        if not offer:
            raise NotFound()
        members = offer._alumni_offer_members()
        return request.render(
            "usn_alumni_network.offer_page",
            {
                "offer": offer,
                "member": members.get(offer.partner_id.id),
                "is_own": offer.partner_id == request.env.user.partner_id,
                "kind_labels": dict(Offer._fields["kind"]._description_selection(request.env)),
                "role": request.env["res.partner"]._alumni_viewer_role(),
            },
        )


class AlumniNetworkOffersPortal(CustomerPortal):
    """The member's own offers: /my/alumni/offers. Offers are read and
    written as the member: the record rules keep them to their own."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "alumni_group_count" in counters:
            values["alumni_group_count"] = (
                request.env["alumni.network.group.membership"].search_count(
                    [("partner_id", "=", request.env.user.partner_id.id)]
                )
                if request.env.user.partner_id.sudo().network_state == "member"
                else 0
            )
        if "alumni_offer_count" in counters:
            partner = request.env.user.partner_id
            values["alumni_offer_count"] = (
                request.env["alumni.network.offer"].search_count([("partner_id", "=", partner.id)])
                if partner.sudo().network_state == "member"
                else 0
            )
        return values

    def _offers_layout_values(self, **values):
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "alumni_offers",
            **values,
        }

    def _is_member(self):
        return request.env.user.partner_id.sudo().network_state == "member"

    def _own_offer(self, offer_id):
        """The member's own offer of that id, searched as the member (the
        record rules apply); not found for anyone else's offer."""
        if not self._is_member() or not 0 < offer_id <= MAX_ID:
            raise NotFound()
        offer = request.env["alumni.network.offer"].search(
            [("id", "=", offer_id), ("partner_id", "=", request.env.user.partner_id.id)],
            limit=1,
        )
        if not offer:
            raise NotFound()
        return offer

    @http.route("/my/alumni/offers", type="http", auth="user", website=True, methods=["GET"])
    def my_alumni_offers(self, **kwargs):
        if not self._is_member():
            return request.render(
                "usn_alumni_network.portal_my_offers_not_member", self._offers_layout_values()
            )
        offers = request.env["alumni.network.offer"].search(
            [("partner_id", "=", request.env.user.partner_id.id)],
            order="state, write_date desc, id desc",
        )
        return request.render(
            "usn_alumni_network.portal_my_offers",
            self._offers_layout_values(
                offers=offers,
                message=kwargs.get("message"),
                today=fields.Date.context_today(offers),
                kind_labels=dict(offers._fields["kind"]._description_selection(request.env)),
                state_labels=dict(offers._fields["state"]._description_selection(request.env)),
            ),
        )

    @http.route(
        "/my/alumni/offers/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def my_alumni_offer_new(self, **post):
        """GET: an empty form, with the member's employer, city and
        programmes filled in. POST (CSRF checked): the draft offer, or the
        form again with what was wrong; publish=1 publishes it at once."""
        if not self._is_member():
            if request.httprequest.method == "POST":
                raise NotFound()
            return request.render(
                "usn_alumni_network.portal_my_offers_not_member", self._offers_layout_values()
            )
        partner = request.env.user.partner_id
        if request.httprequest.method != "POST":
            return self._render_offer_form(None, self._offer_defaults(partner))
        Offer = request.env["alumni.network.offer"]
        programme_ids = request.httprequest.form.getlist("programme_ids")
        try:
            with request.env.cr.savepoint():
                values = Offer._alumni_offer_values_from_form(post, programme_ids)
                offer = Offer.create({**values, "partner_id": partner.id})
                if post.get("publish"):
                    offer.action_publish()
        except (UserError, ValidationError) as exc:
            return self._render_offer_form(None, self._form_echo(post), error=exc.args[0])
        message = "published" if post.get("publish") else "saved"
        return request.redirect(f"/my/alumni/offers?message={message}")

    @http.route(
        "/my/alumni/offers/<int:offer_id>/edit",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def my_alumni_offer_edit(self, offer_id, **post):
        offer = self._own_offer(offer_id)
        if request.httprequest.method != "POST":
            return self._render_offer_form(offer, self._offer_echo(offer))
        programme_ids = request.httprequest.form.getlist("programme_ids")
        try:
            with request.env.cr.savepoint():
                offer.write(offer._alumni_offer_values_from_form(post, programme_ids))
                if post.get("publish"):
                    offer.action_publish()
        except (UserError, ValidationError) as exc:
            return self._render_offer_form(offer, self._form_echo(post), error=exc.args[0])
        return request.redirect("/my/alumni/offers?message=saved")

    @http.route(
        "/my/alumni/offers/<int:offer_id>/publish",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def my_alumni_offer_publish(self, offer_id, **post):
        offer = self._own_offer(offer_id)
        try:
            offer.action_publish()
        except UserError as exc:
            return self._render_offer_form(offer, self._offer_echo(offer), error=exc.args[0])
        return request.redirect("/my/alumni/offers?message=published")

    @http.route(
        "/my/alumni/offers/<int:offer_id>/close",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def my_alumni_offer_close(self, offer_id, **post):
        self._own_offer(offer_id).action_close()
        return request.redirect("/my/alumni/offers?message=closed")

    # ------------------------------------------------------------------
    # The form
    # ------------------------------------------------------------------

    def _offer_defaults(self, partner):
        """What the member's own profile suggests for a new offer (their
        own records, read as superuser as /my/alumni does)."""
        person = partner.sudo()
        current = person.career_position_ids.filtered("is_current")[:1]
        programmes = person.enrollment_ids.filtered(lambda e: e.state != "withdrawn").programme_id
        return {
            "kind": "mentoring",
            "employer_name": current.employer_name or "",
            "city": person.city or "",
            "programme_ids": programmes.ids,
            "faculty_id": programmes.faculty_id[:1].id
            if len(programmes.faculty_id) == 1
            else False,
        }

    def _offer_echo(self, offer):
        return {
            "name": offer.name,
            "kind": offer.kind,
            "description": offer.description or "",
            "employer_name": offer.employer_name or "",
            "city": offer.city or "",
            "is_remote": offer.is_remote,
            "date_deadline": offer.date_deadline.isoformat() if offer.date_deadline else "",
            "contact_email": offer.contact_email or "",
            "faculty_id": offer.faculty_id.id,
            "programme_ids": offer.programme_ids.ids,
        }

    def _form_echo(self, post):
        """What the member wrote, to fill the form again after an error."""
        form = request.httprequest.form
        faculty = post.get("faculty_id") or ""
        return {
            **{
                name: post.get(name) or ""
                for name in (
                    "name",
                    "kind",
                    "description",
                    "employer_name",
                    "city",
                    "date_deadline",
                    "contact_email",
                )
            },
            "is_remote": bool(post.get("is_remote")),
            "faculty_id": int(faculty) if faculty.isdigit() and len(faculty) < 10 else False,
            "programme_ids": [
                int(i) for i in form.getlist("programme_ids") if i.isdigit() and len(i) < 10
            ],
        }

    def _render_offer_form(self, offer, values, error=None):
        env = request.env
        Offer = env["alumni.network.offer"]
        return request.render(
            "usn_alumni_network.portal_my_offer_form",
            self._offers_layout_values(
                offer=offer,
                values=values,
                error=error,
                kinds=Offer._fields["kind"]._description_selection(env),
                programmes=env["alumni.programme"].search([], order="name"),
                faculties=env["alumni.faculty"].search([]),
            ),
        )
