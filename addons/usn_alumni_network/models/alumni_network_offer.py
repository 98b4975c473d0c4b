# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import email_normalize

OFFER_KINDS = [
    ("mentoring", "Mentoring"),
    ("guest_lecture", "Guest lecture"),
    ("internship", "Internship"),
    ("job", "Job"),
]
# Jobs and internships are shown to everyone (students who are not members
# yet are the people they are for); mentoring and guest lectures are the
# members' time, offered to the network and the university, and are shown to
# members and staff only.
PUBLIC_KINDS = ("internship", "job")
# The kinds that make a member a volunteer in the staff's pool.
VOLUNTEER_KINDS = ("mentoring", "guest_lecture")
OFFER_FILTERS = ("search", "kind", "programme_id", "faculty_id", "city")
# What the member writes in the portal form.
OFFER_MEMBER_FIELDS = (
    "name",
    "kind",
    "description",
    "programme_ids",
    "faculty_id",
    "employer_name",
    "city",
    "is_remote",
    "date_deadline",
    "contact_email",
)
MAX_DESCRIPTION = 5000
# The largest id PostgreSQL's integer holds: a bigger one in a URL is no record.
MAX_ID = 2**31 - 1


def _clean_text(value):
    """Text from a form or a URL, without the NUL characters PostgreSQL refuses."""
    return (value or "").replace("\x00", "").strip()


class AlumniNetworkOffer(models.Model):
    """What a member of the network offers: mentoring, a guest lecture, an
    internship or a job.

    The member writes and publishes it from the portal; members (and, for
    jobs and internships, everyone) find it on /alumni/offers; officers see
    the pool of volunteers in the back office. Who offers it is shown only as
    far as the member's own visibility settings allow.
    """

    _name = "alumni.network.offer"
    _inherit = ["website.published.mixin"]
    _description = "Offer by a Network Member"
    _order = "published_date desc, id desc"

    name = fields.Char(string="Title", required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", False)],
    )
    kind = fields.Selection(OFFER_KINDS, required=True, index=True)
    description = fields.Text()
    programme_ids = fields.Many2many(
        "alumni.programme",
        string="Programmes",
        help="The programmes whose students or graduates the offer is for.",
    )
    faculty_id = fields.Many2one("alumni.faculty", index=True)
    employer_name = fields.Char(string="Employer")
    city = fields.Char()
    is_remote = fields.Boolean(string="Remote", help="Can be done at a distance.")
    date_deadline = fields.Date(
        string="Valid Until", help="The offer leaves the listing after this day."
    )
    contact_email = fields.Char(
        string="Contact E-mail",
        help="Shown with the offer to those who see it. Leave empty to be reached "
        "through the network only.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("closed", "Closed")],
        default="draft",
        required=True,
        index=True,
        copy=False,
    )
    is_hidden_by_office = fields.Boolean(
        string="Taken Off the Website by the Alumni Office",
        readonly=True,
        copy=False,
        help="An officer took the published offer off the website; the member cannot "
        "publish it again.",
    )
    published_date = fields.Datetime(string="First Published On", readonly=True, copy=False)
    member_programme_ids = fields.Many2many(
        "alumni.programme",
        "alumni_network_offer_member_programme_rel",
        "offer_id",
        "programme_id",
        string="Member Studied",
        compute="_compute_member_programme_ids",
        store=True,
        help="The programmes the member studied (their enrolments).",
    )
    is_volunteer = fields.Boolean(
        compute="_compute_is_volunteer",
        store=True,
        help="Mentoring or a guest lecture: the member is in the staff's pool of volunteers.",
    )

    @api.depends("partner_id.enrollment_ids.programme_id", "partner_id.enrollment_ids.state")
    def _compute_member_programme_ids(self):
        # What the member studied, for the staff's pool (the enrolments are
        # not the member's to read in the back office's sense).
        for offer in self:
            enrolments = offer.partner_id.sudo().enrollment_ids
            offer.member_programme_ids = enrolments.filtered(
                lambda e: e.state != "withdrawn"
            ).programme_id

    @api.depends("kind")
    def _compute_is_volunteer(self):
        for offer in self:
            offer.is_volunteer = offer.kind in VOLUNTEER_KINDS

    def _compute_website_url(self):
        for offer in self:
            offer.website_url = f"/alumni/offers/{offer.id}" if offer.id else "#"

    @api.depends_context("uid")
    def _compute_can_publish(self):
        # The member publishes through action_publish(); taking an offer
        # off the website by hand is the officers'.
        is_officer = self.env.su or self.env.user.has_group("usn_alumni_base.group_alumni_user")
        for offer in self:
            offer.can_publish = is_officer

    def _get_can_publish_error_message(self):
        return self.env._("Only alumni officers show or hide offers on the website by hand.")

    @api.constrains("contact_email")
    def _check_contact_email(self):
        for offer in self:
            if offer.contact_email and not email_normalize(offer.contact_email):
                raise ValidationError(
                    self.env._(
                        "“%(value)s” is not an e-mail address (field “Contact E-mail”).",
                        value=offer.contact_email,
                    )
                )

    @api.constrains("description")
    def _check_description(self):
        for offer in self:
            if offer.description and len(offer.description) > MAX_DESCRIPTION:
                raise ValidationError(
                    self.env._(
                        "The description is longer than %(max)s characters (field “Description”).",
                        max=MAX_DESCRIPTION,
                    )
                )

    def write(self, vals):
        # A member may not hand an offer to someone else or move its state
        # by writing the fields: the actions below do that.
        protected = {"partner_id", "state", "is_hidden_by_office"}
        if not self.env.su and not self._is_officer() and protected & set(vals):
            raise AccessError(
                self.env._("Publish or close the offer with its buttons; its member stays.")
            )
        if not self.env.su and "is_published" in vals and "is_hidden_by_office" not in vals:
            # An officer showing or hiding the offer by hand.
            vals = {**vals, "is_hidden_by_office": not vals["is_published"]}
        return super().write(vals)

    def unlink(self):
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)
        return super().unlink()

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self._is_officer():
            for vals in vals_list:
                if vals.get("state", "draft") != "draft":
                    raise AccessError(self.env._("A new offer starts as a draft."))
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Actions (the member, or an officer)
    # ------------------------------------------------------------------

    def action_publish(self):
        """Publish the offers: listed on /alumni/offers and, the first time,
        written on the member's timeline."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        expired = self.filtered(lambda o: o.date_deadline and o.date_deadline < today)
        if expired:
            raise UserError(
                self.env._(
                    "The offer “%(offer)s” ended on %(date)s: set a later date in the field "
                    "“Valid Until” before publishing it.",
                    offer=expired[0].name,
                    date=expired[0].date_deadline,
                )
            )
        hidden = self.filtered("is_hidden_by_office")
        if hidden and not self._is_officer():
            raise UserError(
                self.env._(
                    "The alumni office took the offer “%(offer)s” off the website; please "
                    "contact them to publish it again.",
                    offer=hidden[0].name,
                )
            )
        not_members = self.filtered(lambda o: o.partner_id.sudo().network_state != "member")
        if not_members:
            raise UserError(
                self.env._(
                    "Only members of the network publish offers; %(people)s is not one.",
                    people=", ".join(not_members.partner_id.mapped("display_name")),
                )
            )
        first_time = self.filtered(lambda o: not o.published_date)
        # After the checks: the state and the website flag are not the
        # member's to write directly (see write()).
        self.sudo().write(
            {"state": "published", "is_published": True, "is_hidden_by_office": False}
        )
        first_time.sudo().published_date = fields.Datetime.now()
        self.env["alumni.lifecycle.event"]._append(
            [
                {
                    "partner_id": offer.partner_id.id,
                    "kind": "network_offer",
                    "name": self.env._(
                        "Offered %(kind)s: %(title)s",
                        kind=dict(self._fields["kind"]._description_selection(self.env))[
                            offer.kind
                        ],
                        title=offer.name,
                    ),
                    "programme_id": offer.programme_ids[:1].id,
                    "res_model": self._name,
                    "res_id": offer.id,
                }
                for offer in first_time
            ]
        )
        return True

    def action_close(self):
        """Close the offers: no longer listed, kept for the member and the
        staff's history."""
        self.check_access("write")
        self.sudo().write({"state": "closed", "is_published": False})
        return True

    def action_draft(self):
        self.check_access("write")
        self.sudo().write({"state": "draft", "is_published": False})
        return True

    # ------------------------------------------------------------------
    # What the website shows
    # ------------------------------------------------------------------

    @api.model
    def _alumni_visible_domain(self, role):
        """The offers a viewer of ``role`` (res.partner._alumni_viewer_role)
        finds: published, still valid, offered by someone who is still a
        member; jobs and internships only for viewers outside the network;
        nothing for a suspended member."""
        if role == "suspended":
            return expression.FALSE_DOMAIN
        domain = [
            ("state", "=", "published"),
            ("is_published", "=", True),
            "|",
            ("date_deadline", "=", False),
            ("date_deadline", ">=", fields.Date.context_today(self)),
            (
                "partner_id",
                "any",
                [("network_state", "=", "member"), ("is_deceased", "=", False)],
            ),
        ]
        if role not in ("member", "officer"):
            domain.append(("kind", "in", PUBLIC_KINDS))
        return domain

    @api.model
    def _alumni_offer_search(self, filters, offset=0, limit=20, user=None):
        """(number found, offers of one page) of /alumni/offers for
        ``user``, matching ``filters`` (from _alumni_offer_clean_filters).

        Returns superuser records: visitors and members have no read access
        to offers; which offers they get is decided by
        _alumni_visible_domain, and who offers them by the people's
        visibility method (_alumni_offer_members).
        """
        role = self.env["res.partner"]._alumni_viewer_role(user)
        if role == "suspended":
            return 0, self.sudo().browse()
        domain = expression.AND(
            [self._alumni_visible_domain(role), self._alumni_offer_filter_domain(filters)]
        )
        Offer = self.sudo()
        total = Offer.search_count(domain)
        offers = Offer.search(domain, offset=offset, limit=limit)
        return total, offers

    @api.model
    def _alumni_visible_offer(self, offer_id, user=None):
        """The offer (a superuser record) when ``user`` may see it, else an
        empty recordset: a visible one, or one of the member's own."""
        user = user or self.env.user
        role = self.env["res.partner"]._alumni_viewer_role(user)
        if role == "suspended":
            return self.sudo().browse()
        if not 0 < offer_id <= MAX_ID:
            return self.sudo().browse()
        own = [
            ("partner_id", "=", user.partner_id.id),
            ("partner_id.network_state", "=", "member"),
        ]
        domain = expression.OR([self._alumni_visible_domain(role), own])
        return self.sudo().search([("id", "=", offer_id), *domain], limit=1)

    def _alumni_offer_members(self, user=None):
        """{partner id: profile values} of the people offering self whom
        ``user`` may see (res.partner._alumni_visible_profiles); an offer
        whose member is not in it is shown without its member."""
        profiles = self.sudo().partner_id._alumni_visible_profiles(user)
        return {profile["id"]: profile for profile in profiles}

    @api.model
    def _alumni_offer_choices(self, user=None):
        """The choices of the listing's filters: only values of offers the
        viewer may see (grouped queries)."""
        role = self.env["res.partner"]._alumni_viewer_role(user)
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        empty = {"kinds": [], "programmes": [], "faculties": [], "cities": []}
        if role == "suspended":
            return empty
        domain = self._alumni_visible_domain(role)
        Offer = self.sudo()
        by_kind = Offer._read_group(domain, ["kind"], ["__count"])
        by_programme = Offer._read_group(domain, ["programme_ids"], ["__count"])
        cities = Offer._read_group([*domain, ("city", "!=", False)], ["city"])
        programmes = (
            self.env["alumni.programme"]
            .sudo()
            .browse([programme.id for programme, _count in by_programme if programme])
        )
        by_faculty = Offer._read_group([*domain, ("faculty_id", "!=", False)], ["faculty_id"])
        faculties = programmes.faculty_id.union(*(faculty for (faculty,) in by_faculty))
        faculties |= faculties.browse(
            [int(i) for i in "/".join(faculties.mapped("parent_path")).split("/") if i]
        )
        return {
            "kinds": [(kind, kinds[kind], count) for kind, count in by_kind],
            "programmes": sorted(((p.id, p.name) for p in programmes), key=lambda c: c[1]),
            "faculties": [(f.id, f.display_name) for f in faculties.sorted("complete_name")],
            "cities": sorted({city.strip() for (city,) in cities if city.strip()}),
        }

    @api.model
    def _alumni_offer_clean_filters(self, params):
        """The listing's filters from the query parameters.

        :raise UserError: naming the parameter that is not one of its choices
        """
        filters = {}
        labels = {"programme_id": self.env._("Programme"), "faculty_id": self.env._("Faculty")}
        for name in OFFER_FILTERS:
            value = _clean_text(params.get(name))
            if not value:
                continue
            if name in labels:
                if not value.isdigit() or len(value) > 9:
                    raise UserError(
                        self.env._(
                            "The filter “%(filter)s” must be chosen from its list "
                            "(got “%(value)s”).",
                            filter=labels[name],
                            value=value[:40],
                        )
                    )
                filters[name] = int(value)
            elif name == "kind":
                if value not in dict(OFFER_KINDS):
                    raise UserError(
                        self.env._(
                            "The filter “%(filter)s” must be chosen from its list "
                            "(got “%(value)s”).",
                            filter=self.env._("Kind"),
                            value=value[:40],
                        )
                    )
                filters[name] = value
            else:
                filters[name] = value[:100]
        return filters

    @api.model
    def _alumni_offer_filter_domain(self, filters):
        domains = []
        if filters.get("search"):
            text = filters["search"]
            domains.append(
                expression.OR(
                    [
                        [("name", "ilike", text)],
                        [("description", "ilike", text)],
                        [("employer_name", "ilike", text)],
                    ]
                )
            )
        if filters.get("kind"):
            domains.append([("kind", "=", filters["kind"])])
        if filters.get("programme_id"):
            domains.append([("programme_ids", "in", [filters["programme_id"]])])
        if filters.get("faculty_id"):
            domains.append(
                expression.OR(
                    [
                        [("faculty_id", "child_of", filters["faculty_id"])],
                        [("programme_ids.faculty_id", "child_of", filters["faculty_id"])],
                    ]
                )
            )
        if filters.get("city"):
            domains.append([("city", "=ilike", filters["city"])])
        return expression.AND(domains) if domains else []

    # ------------------------------------------------------------------
    # The member's form
    # ------------------------------------------------------------------

    @api.model
    def _alumni_offer_values_from_form(self, post, programme_ids):
        """The offer's values from the portal form, checked.

        :raise UserError: naming the field that is wrong
        """
        env = self.env
        post = {
            name: _clean_text(value) if isinstance(value, str) else value
            for name, value in post.items()
        }
        values = {
            "name": post.get("name", "")[:200],
            "kind": post.get("kind", ""),
            "description": post.get("description") or False,
            "employer_name": post.get("employer_name", "")[:200] or False,
            "city": post.get("city", "")[:100] or False,
            "is_remote": bool(post.get("is_remote")),
            "contact_email": post.get("contact_email", "")[:200] or False,
        }
        if not values["name"]:
            raise UserError(env._("Enter a title (field “Title”)."))
        if values["kind"] not in dict(OFFER_KINDS):
            raise UserError(env._("Choose what you offer (field “Kind”)."))
        if values["description"] and len(values["description"]) > MAX_DESCRIPTION:
            raise UserError(
                env._(
                    "The description is longer than %(max)s characters (field “Description”).",
                    max=MAX_DESCRIPTION,
                )
            )
        if values["contact_email"]:
            email = email_normalize(values["contact_email"])
            if not email:
                raise UserError(
                    env._("Enter a valid e-mail address (field “Contact E-mail”) or none.")
                )
            values["contact_email"] = email
        raw_date = (post.get("date_deadline") or "").strip()
        try:
            values["date_deadline"] = fields.Date.to_date(raw_date) if raw_date else False
        except ValueError:
            raise UserError(env._("Enter a date (field “Valid Until”).")) from None
        if values["date_deadline"] and values["date_deadline"] < fields.Date.context_today(self):
            raise UserError(env._("The date has passed (field “Valid Until”)."))
        faculty = (post.get("faculty_id") or "").strip()
        if faculty and not faculty.isdigit():
            raise UserError(env._("Choose a faculty from the list (field “Faculty”)."))
        Faculty = env["alumni.faculty"]
        values["faculty_id"] = Faculty.browse(int(faculty)).exists().id if faculty else False
        if faculty and not values["faculty_id"]:
            raise UserError(env._("Choose a faculty from the list (field “Faculty”)."))
        ids = {int(i) for i in programme_ids if str(i).isdigit() and len(str(i)) < 10}
        programmes = env["alumni.programme"].browse(ids).exists()
        if len(programmes) != len(ids) or len(ids) != len(programme_ids):
            raise UserError(env._("Choose programmes from the list (field “Programmes”)."))
        values["programme_ids"] = [fields.Command.set(programmes.ids)]
        return values

    def _is_officer(self):
        return self.env.user.has_group("usn_alumni_base.group_alumni_user")
