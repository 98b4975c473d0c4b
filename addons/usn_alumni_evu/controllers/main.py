# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.website.controllers.main import QueryURL

from ..models.alumni_evu_offer import DELIVERY_MODES

# The offers the website shows to anyone: published and not a draft. The
# record rule of visitors and portal users is the same.
PUBLIC_DOMAIN = [("website_published", "=", True), ("state", "!=", "draft")]
OFFERS_PER_PAGE = 12


def sitemap_offers(env, rule, qs):
    if not qs or qs.lower() in "/alumni/evu":
        yield {"loc": "/alumni/evu"}


def sitemap_offer_pages(env, rule, qs):
    slug = env["ir.http"]._slug
    for offer in env["alumni.evu.offer"].search([*PUBLIC_DOMAIN, ("state", "=", "open")]):
        loc = f"/alumni/evu/{slug(offer)}"
        if not qs or qs.lower() in loc:
            yield {"loc": loc}


def offer_not_found(exception):
    """An offer of the URL that the visitor may not read (unpublished, a
    draft, archived) is not found, rather than forbidden."""
    raise NotFound() from exception


class AlumniEvuWebsite(http.Controller):
    """The continuing-education offers on the website: the list, the page
    of an offer and its application form."""

    # ------------------------------------------------------------------
    # Offer list
    # ------------------------------------------------------------------

    @http.route(
        ["/alumni/evu", "/alumni/evu/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        sitemap=sitemap_offers,
        readonly=True,
    )
    def offers(self, page=1, search="", faculty_id="", interest_id="", delivery_mode="", **kw):
        """The published offers open for applications, searched by text and
        filtered by faculty, subject and format; each filter's choices count
        the offers the other filters leave."""
        Offer = request.env["alumni.evu.offer"]
        filters = {
            "search": (search or "").strip(),
            "faculty_id": int(faculty_id) if str(faculty_id).isdigit() else 0,
            "interest_id": int(interest_id) if str(interest_id).isdigit() else 0,
            "delivery_mode": delivery_mode if delivery_mode in dict(DELIVERY_MODES) else "",
        }
        domains = self._offer_filter_domains(filters)

        def domain_without(name=None):
            return self._open_offers_domain() + [
                leaf for key, domain in domains.items() if key != name for leaf in domain
            ]

        domain = domain_without()
        total = Offer.search_count(domain)
        pager = request.website.pager(
            url="/alumni/evu",
            url_args={key: value for key, value in filters.items() if value},
            total=total,
            page=page,
            step=OFFERS_PER_PAGE,
            scope=5,
        )
        offers = Offer.search(
            domain,
            order="date_start, application_deadline, id",
            limit=OFFERS_PER_PAGE,
            offset=pager["offset"],
        )
        # Faculties and subjects are the university's catalogue, which
        # visitors may read; the offers and the counts were found under the
        # visitor's own rules.
        faculties = [
            (faculty, count)
            for faculty, count in Offer._read_group(
                domain_without("faculty_id"), ["faculty_id"], ["__count"]
            )
            if faculty
        ]
        interests = [
            (interest, count)
            for interest, count in Offer._read_group(
                domain_without("interest_id"), ["interest_ids"], ["__count"]
            )
            if interest
        ]
        modes = dict(
            Offer._read_group(domain_without("delivery_mode"), ["delivery_mode"], ["__count"])
        )
        keep = QueryURL("/alumni/evu", **{key: value for key, value in filters.items() if value})
        values = {
            "offers": offers.sudo(),
            "pager": pager,
            "total": total,
            "filters": filters,
            "keep": keep,
            "faculties": sorted(faculties, key=lambda item: item[0].display_name),
            "interests": sorted(interests, key=lambda item: item[0].display_name),
            "delivery_modes": [
                (mode, label, modes[mode]) for mode, label in DELIVERY_MODES if mode in modes
            ],
            "current_faculty": next(
                (f for f, _count in faculties if f.id == filters["faculty_id"]), None
            ),
            "current_interest": next(
                (i for i, _count in interests if i.id == filters["interest_id"]), None
            ),
            "delivery_mode_labels": dict(DELIVERY_MODES),
        }
        return request.render("usn_alumni_evu.offer_index", values)

    def _open_offers_domain(self):
        """The offers the list shows: published and open, their deadline not
        passed."""
        today = fields.Date.context_today(request.env["alumni.evu.offer"])
        return [*PUBLIC_DOMAIN, ("state", "=", "open"), ("application_deadline", ">=", today)]

    def _offer_filter_domains(self, filters):
        """The domain of each filter the visitor set, by filter name."""
        domains = {}
        if filters["search"]:
            domains["search"] = [
                "|",
                ("name", "ilike", filters["search"]),
                ("summary", "ilike", filters["search"]),
            ]
        if filters["faculty_id"]:
            domains["faculty_id"] = [("faculty_id", "=", filters["faculty_id"])]
        if filters["interest_id"]:
            domains["interest_id"] = [("interest_ids", "in", [filters["interest_id"]])]
        if filters["delivery_mode"]:
            domains["delivery_mode"] = [("delivery_mode", "=", filters["delivery_mode"])]
        return domains

    # ------------------------------------------------------------------
    # Offer page and application
    # ------------------------------------------------------------------

    @http.route(
        ['/alumni/evu/<model("alumni.evu.offer"):offer>'],
        type="http",
        auth="public",
        website=True,
        sitemap=sitemap_offer_pages,
        readonly=True,
        handle_params_access_error=offer_not_found,
    )
    def offer(self, offer, **kw):
        """The offer's page with its application form, prefilled with the
        logged-in user's own details."""
        offer = self._visible_offer(offer)
        values = {}
        if not request.env.user._is_public():
            partner = request.env.user.partner_id
            values = {
                "name": partner.name or "",
                "email": partner.email or "",
                "phone": partner.phone or partner.mobile or "",
            }
        return self._render_offer(offer, values)

    @http.route(
        ['/alumni/evu/<model("alumni.evu.offer"):offer>/apply'],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
        handle_params_access_error=offer_not_found,
    )
    def offer_apply(self, offer, name="", email="", phone="", **kw):
        """Apply (Odoo's http checks the CSRF token): the thank-you page with
        the benefit given, or on bad input the offer's page again with the
        message and what the visitor wrote, nothing stored."""
        offer = self._visible_offer(offer, for_application=True)
        user = request.env.user
        partner = user.partner_id if not user._is_public() else None
        if partner:
            # A logged-in user applies as their own person, whatever the form says.
            values = {
                "name": partner.name or "",
                "email": partner.email or "",
                "phone": partner.phone or partner.mobile or "",
            }
        else:
            values = {"name": name.strip(), "email": email.strip(), "phone": phone.strip()}
        try:
            with request.env.cr.savepoint():
                enrollment = request.env["alumni.evu.enrollment"]._website_apply(
                    offer, values["name"], values["email"], values["phone"], partner=partner
                )
        except UserError as error:
            return self._render_offer(offer, values, error=error.args[0])
        # The application is created as superuser; the visitor sees what was
        # decided for them, nothing else.
        return request.render(
            "usn_alumni_evu.offer_application_thanks",
            {
                "offer": offer.sudo(),
                "main_object": offer,
                "applicant_name": enrollment.partner_id.name,
                "benefit": enrollment.benefit,
                "price": enrollment.price,
                "benefit_value": enrollment.benefit_value,
            },
        )

    def _visible_offer(self, offer, for_application=False):
        """The offer of the URL, read again under the user's own rules, or
        404: visitors and portal users see published offers that are not
        drafts. Users who may change the offer (alumni officers) also see it
        unpublished, to check the page; an application goes only to a
        published offer."""
        domain = [("id", "=", offer.id)]
        if for_application or not offer.has_access("write"):
            domain += PUBLIC_DOMAIN
        visible = request.env["alumni.evu.offer"].search(domain)
        if not visible:
            raise NotFound()
        return visible

    def _render_offer(self, offer, values, error=None):
        # As superuser for the names of the offer's faculty, campus, course
        # and subjects, which visitors may not read; the offer itself was
        # found under the visitor's own rules (_visible_offer).
        offer_sudo = offer.sudo()
        today = fields.Date.context_today(offer)
        refusal = None
        if offer_sudo.state == "draft":
            refusal = request.env._("This course is not open for applications yet.")
        elif offer_sudo.state != "open":
            refusal = request.env._("Applications for this course are closed.")
        elif offer_sudo.application_deadline < today:
            refusal = request.env._(
                "The application deadline was %(deadline)s.",
                deadline=offer_sudo.application_deadline.strftime("%d.%m.%Y"),
            )
        elif offer_sudo.seats_max and offer_sudo.seats_available <= 0:
            refusal = request.env._("All seats of this course are taken.")
        return request.render(
            "usn_alumni_evu.offer_page",
            {
                "offer": offer_sudo,
                "main_object": offer,
                "values": values,
                "error": error,
                "refusal": refusal,
                "is_logged_in": not request.env.user._is_public(),
                "delivery_mode_labels": dict(DELIVERY_MODES),
                "member_seats_left": max(
                    offer_sudo.member_free_seats - offer_sudo.member_free_seats_taken, 0
                ),
            },
        )
