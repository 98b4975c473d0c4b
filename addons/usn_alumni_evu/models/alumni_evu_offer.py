# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DELIVERY_MODES = [
    ("campus", "On campus"),
    ("online", "Online"),
    ("hybrid", "Hybrid"),
]

OFFER_STATES = [
    ("draft", "Draft"),
    ("open", "Open for applications"),
    ("closed", "Closed"),
]


class AlumniEvuOffer(models.Model):
    """A continuing-education course offered to former students, with the
    benefits alumni and network members get, and the audience it fits."""

    _name = "alumni.evu.offer"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "website.published.mixin",
        "website.seo.metadata",
    ]
    _description = "Continuing Education Offer"
    _order = "date_start desc, id desc"

    name = fields.Char(string="Course", required=True, translate=True, tracking=True)
    description = fields.Html(translate=True, sanitize_attributes=False)
    summary = fields.Text(
        translate=True,
        help="One or two sentences shown in the listing and in the offer e-mail.",
    )
    course_id = fields.Many2one(
        "alumni.programme",
        string="Course in the Student System",
        domain=[("level", "=", "evu")],
        index=True,
        ondelete="restrict",
        help="The continuing-education course this offer enrols people in.",
    )
    faculty_id = fields.Many2one("alumni.faculty", index=True, ondelete="restrict", tracking=True)
    campus_id = fields.Many2one("alumni.campus", ondelete="restrict")
    ects = fields.Float(string="ECTS Credits", digits=(6, 1))
    delivery_mode = fields.Selection(DELIVERY_MODES, required=True, default="campus")
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    application_deadline = fields.Date(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    price = fields.Monetary(tracking=True)
    alumni_price = fields.Monetary(
        compute="_compute_alumni_price",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Price for former students of the university. Until a lower price is set, "
        "it follows the price, and it is never above it.",
    )
    member_free_seats = fields.Integer(
        string="Free Seats for Network Members",
        help="Seats given free of charge to members of the alumni network, first come, "
        "first served.",
    )
    seats_max = fields.Integer(
        string="Capacity", help="Maximum number of participants; 0 means unlimited."
    )
    interest_ids = fields.Many2many("alumni.interest", string="Subjects")
    programme_ids = fields.Many2many(
        "alumni.programme",
        string="Target Programmes",
        help="Graduates of these programmes are the offer's natural audience.",
    )
    cohort_from = fields.Integer(string="Graduated From", help="First graduation year aimed at.")
    cohort_to = fields.Integer(string="Graduated Until", help="Last graduation year aimed at.")
    industry_ids = fields.Many2many(
        "res.partner.industry",
        string="Target Industries",
        help="People currently working in these industries fit the offer.",
    )
    title_keywords = fields.Char(
        string="Job Title Keywords",
        translate=False,
        help="Comma-separated words; a person whose current job title contains one fits "
        "the offer (e.g. nurse, teacher, engineer).",
    )
    state = fields.Selection(
        OFFER_STATES, required=True, default="draft", index=True, tracking=True
    )
    active = fields.Boolean(default=True)
    enrollment_ids = fields.One2many("alumni.evu.enrollment", "offer_id", string="Applications")
    seats_taken = fields.Integer(
        compute="_compute_seats",
        help="Applications and enrolments that hold a seat.",
    )
    seats_available = fields.Integer(compute="_compute_seats")
    member_free_seats_taken = fields.Integer(compute="_compute_seats")
    mailing_ids = fields.Many2many(
        "mailing.mailing",
        "alumni_evu_offer_mailing_mailing_rel",
        "alumni_evu_offer_id",
        "mailing_mailing_id",
        string="Mailings",
        copy=False,
        groups="mass_mailing.group_mass_mailing_user",
    )
    mailing_count = fields.Integer(
        compute="_compute_mailing_count", groups="mass_mailing.group_mass_mailing_user"
    )

    @api.depends("enrollment_ids.state", "enrollment_ids.benefit", "seats_max")
    def _compute_seats(self):
        Enrollment = self.env["alumni.evu.enrollment"]
        counts = {
            (offer, benefit): count
            for offer, benefit, count in Enrollment.sudo()._read_group(
                [("offer_id", "in", self.ids), ("state", "in", Enrollment._SEAT_STATES)],
                ["offer_id", "benefit"],
                ["__count"],
            )
        }
        for offer in self:
            taken = sum(n for (o, _b), n in counts.items() if o == offer)
            offer.seats_taken = taken
            offer.seats_available = max(offer.seats_max - taken, 0) if offer.seats_max else 0
            offer.member_free_seats_taken = counts.get((offer, "member_seat"), 0)

    def _compute_website_url(self):
        slug = self.env["ir.http"]._slug
        for offer in self:
            offer.website_url = f"/alumni/evu/{slug(offer)}" if offer.id else "#"

    @api.constrains("date_start", "date_end", "application_deadline")
    def _check_dates(self):
        for offer in self:
            if offer.date_end and offer.date_end < offer.date_start:
                raise ValidationError(
                    self.env._(
                        "“%(offer)s” ends on %(end)s, before it starts (%(start)s).",
                        offer=offer.name,
                        end=offer.date_end,
                        start=offer.date_start,
                    )
                )
            if offer.application_deadline > offer.date_start:
                raise ValidationError(
                    self.env._(
                        "The application deadline of “%(offer)s” (%(deadline)s) is after "
                        "its start (%(start)s).",
                        offer=offer.name,
                        deadline=offer.application_deadline,
                        start=offer.date_start,
                    )
                )

    @api.depends("price")
    def _compute_alumni_price(self):
        """A new offer's alumni price is its price until a lower one is set
        (graduates pay the price, they do not get the course for free);
        while it equals the saved price, it follows the price (see
        ``write``)."""
        for offer in self:
            if not offer.alumni_price or (
                offer._origin and offer.alumni_price == offer._origin.price
            ):
                offer.alumni_price = offer.price
            else:
                offer.alumni_price = offer.alumni_price

    @api.constrains("cohort_from", "cohort_to")
    def _check_cohorts(self):
        for offer in self:
            if offer.cohort_from and offer.cohort_to and offer.cohort_to < offer.cohort_from:
                raise ValidationError(
                    self.env._(
                        "“%(offer)s” aims at graduates from %(start)s until %(end)s: the "
                        "last year is before the first.",
                        offer=offer.name,
                        start=offer.cohort_from,
                        end=offer.cohort_to,
                    )
                )

    @api.constrains("price", "alumni_price", "ects")
    def _check_amounts(self):
        for offer in self:
            if offer.price < 0:
                raise ValidationError(
                    self.env._(
                        "The price of “%(offer)s” cannot be negative (field “Price”).",
                        offer=offer.name,
                    )
                )
            if offer.alumni_price < 0:
                raise ValidationError(
                    self.env._(
                        "The alumni price of “%(offer)s” cannot be negative (field “Alumni "
                        "Price”).",
                        offer=offer.name,
                    )
                )
            if offer.alumni_price > offer.price:
                raise ValidationError(
                    self.env._(
                        "The alumni price of “%(offer)s” (%(alumni_price)s) is higher than its "
                        "price (%(price)s): former students would pay more than anyone else "
                        "(field “Alumni Price”).",
                        offer=offer.name,
                        alumni_price=offer.alumni_price,
                        price=offer.price,
                    )
                )
            if offer.ects < 0:
                raise ValidationError(
                    self.env._(
                        "The ECTS credits of “%(offer)s” cannot be negative (field “ECTS "
                        "Credits”).",
                        offer=offer.name,
                    )
                )

    @api.constrains("seats_max", "member_free_seats")
    def _check_capacity(self):
        for offer in self:
            if offer.seats_max < 0 or offer.member_free_seats < 0:
                raise ValidationError(
                    self.env._(
                        "The capacity and the free member seats of “%(offer)s” cannot be "
                        "negative (fields “Capacity” and “Free Seats for Network Members”).",
                        offer=offer.name,
                    )
                )
            if offer.seats_max and offer.seats_max < offer.seats_taken:
                raise ValidationError(
                    self.env._(
                        "“%(offer)s” already has %(taken)s participants: its capacity cannot "
                        "be %(capacity)s.",
                        offer=offer.name,
                        taken=offer.seats_taken,
                        capacity=offer.seats_max,
                    )
                )
            if offer.seats_max and offer.member_free_seats > offer.seats_max:
                raise ValidationError(
                    self.env._(
                        "“%(offer)s” has %(free)s free member seats, more than its "
                        "capacity (%(capacity)s).",
                        offer=offer.name,
                        free=offer.member_free_seats,
                        capacity=offer.seats_max,
                    )
                )

    def write(self, vals):
        if "price" not in vals or "alumni_price" in vals:
            return super().write(vals)
        # An alumni price equal to the price is no alumni price: it follows.
        following = self.filtered(lambda offer: offer.alumni_price == offer.price)
        super(AlumniEvuOffer, following).write(dict(vals, alumni_price=vals["price"]))
        super(AlumniEvuOffer, self - following).write(vals)
        return True

    def action_open(self):
        self.write({"state": "open"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_view_enrollments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_evu.alumni_evu_enrollment_action"
        )
        action["domain"] = [("offer_id", "=", self.id)]
        action["context"] = {"default_offer_id": self.id}
        return action

    # Campaigns (Email Marketing)

    def _compute_mailing_count(self):
        counts = dict(
            self.env["mailing.mailing"]._read_group(
                [("alumni_evu_offer_ids", "in", self.ids)], ["alumni_evu_offer_ids"], ["__count"]
            )
        )
        for offer in self:
            offer.mailing_count = counts.get(offer, 0)

    def action_create_mailing(self):
        """A new Email Marketing mailing presenting these offers to the people
        they fit (see mailing.mailing); returns the mailing."""
        return self.env["mailing.mailing"].create(
            self.env["mailing.mailing"]._alumni_evu_mailing_values(self)
        )

    def action_open_new_mailing(self):
        mailing = self.action_create_mailing()
        return {
            "type": "ir.actions.act_window",
            "name": mailing.subject,
            "res_model": "mailing.mailing",
            "res_id": mailing.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_mailings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mass_mailing.mailing_mailing_action_mail"
        )
        action["domain"] = [("alumni_evu_offer_ids", "in", self.ids)]
        action["context"] = {"create": False}
        return action
