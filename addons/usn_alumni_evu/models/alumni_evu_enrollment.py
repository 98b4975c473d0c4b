# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError

ENROLLMENT_STATES = [
    ("applied", "Applied"),
    ("enrolled", "Enrolled"),
    ("cancelled", "Cancelled"),
]

BENEFITS = [
    ("member_seat", "Free seat for a network member"),
    ("alumni_price", "Alumni price"),
    ("none", "No benefit"),
]


class AlumniEvuEnrollment(models.Model):
    """A person's application to, or enrolment in, a continuing-education
    offer, with the benefit they were given and the campaign that brought
    them."""

    _name = "alumni.evu.enrollment"
    _inherit = ["mail.thread", "utm.mixin"]
    _description = "Continuing Education Application"
    _order = "date_applied desc, id desc"
    _rec_names_search = ["partner_id", "offer_id"]

    # States that hold a seat of the offer.
    _SEAT_STATES = ("applied", "enrolled")

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="restrict",
        tracking=True,
    )
    offer_id = fields.Many2one(
        "alumni.evu.offer", string="Offer", required=True, index=True, ondelete="restrict"
    )
    programme_id = fields.Many2one(related="offer_id.course_id", store=True, string="Course")
    faculty_id = fields.Many2one(related="offer_id.faculty_id", store=True)
    state = fields.Selection(
        ENROLLMENT_STATES, required=True, default="applied", index=True, tracking=True
    )
    benefit = fields.Selection(
        BENEFITS,
        required=True,
        default="none",
        readonly=True,
        help="Decided from who the person is when they apply: a network member gets a "
        "free seat while the offer's member seats last, a former student the alumni price.",
    )
    currency_id = fields.Many2one(related="offer_id.currency_id")
    price = fields.Monetary(readonly=True, help="What the person pays.")
    benefit_value = fields.Monetary(
        readonly=True, help="The offer's price less what the person pays."
    )
    date_applied = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    date_enrolled = fields.Datetime(readonly=True)
    mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Campaign Mailing",
        index="btree_not_null",
        ondelete="set null",
        help="The mailing the person applied from.",
    )
    note = fields.Text()

    @api.depends("partner_id", "offer_id")
    def _compute_display_name(self):
        for enrollment in self:
            enrollment.display_name = self.env._(
                "%(person)s: %(offer)s",
                person=enrollment.partner_id.display_name or "",
                offer=enrollment.offer_id.display_name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        offers = self.env["alumni.evu.offer"].browse(
            {vals["offer_id"] for vals in vals_list if vals.get("offer_id")}
        )
        people = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        self._check_can_apply(offers, people, vals_list)
        self._set_benefits(offers, people, vals_list)
        for vals in vals_list:
            if vals.get("state") == "enrolled":
                vals.setdefault("date_enrolled", fields.Datetime.now())
        enrollments = super().create(vals_list)
        enrollments._log_timeline(enrollments, "evu_application")
        enrollments._log_timeline(
            enrollments.filtered(lambda e: e.state == "enrolled"), "evu_enrollment"
        )
        return enrollments

    def write(self, vals):
        if "offer_id" in vals or "partner_id" in vals:
            raise UserError(
                self.env._(
                    "An application cannot be moved to another offer or person: cancel it "
                    "and create a new one."
                )
            )
        newly_enrolled = self.browse()
        if vals.get("state") == "enrolled":
            newly_enrolled = self.filtered(lambda e: e.state != "enrolled")
            vals.setdefault("date_enrolled", fields.Datetime.now())
        if vals.get("state") in self._SEAT_STATES:
            reopened = self.filtered(lambda e: e.state == "cancelled")
            if reopened:
                self._check_can_apply(
                    reopened.offer_id,
                    reopened.partner_id,
                    [{"offer_id": e.offer_id.id, "partner_id": e.partner_id.id} for e in reopened],
                    ignore=reopened,
                )
        result = super().write(vals)
        self._log_timeline(newly_enrolled, "evu_enrollment")
        return result

    def unlink(self):
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)
        return super().unlink()

    def action_enroll(self):
        self.write({"state": "enrolled"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    # ------------------------------------------------------------------
    # Rules
    # ------------------------------------------------------------------

    @api.model
    def _check_can_apply(self, offers, people, vals_list, ignore=None):
        """Refuse, before anything is stored, an application to an offer that
        is not open, past its deadline or full, or a second one by the same
        person. A bounded number of queries for the whole batch."""
        today = fields.Date.context_today(self)
        offers = offers.sudo()
        taken = Counter(
            {
                offer.id: count
                for offer, count in self.sudo()._read_group(
                    [
                        ("offer_id", "in", offers.ids),
                        ("state", "in", self._SEAT_STATES),
                        ("id", "not in", (ignore or self.browse()).ids),
                    ],
                    ["offer_id"],
                    ["__count"],
                )
            }
        )
        existing = {
            (offer.id, partner.id)
            for offer, partner in self.sudo()._read_group(
                [
                    ("offer_id", "in", offers.ids),
                    ("partner_id", "in", people.ids),
                    ("state", "in", self._SEAT_STATES),
                    ("id", "not in", (ignore or self.browse()).ids),
                ],
                ["offer_id", "partner_id"],
            )
        }
        names = {person.id: person.display_name for person in people.sudo()}
        for vals in vals_list:
            offer = offers.browse(vals.get("offer_id"))
            if not offer or vals.get("state") == "cancelled":
                continue
            if offer.state != "open":
                raise UserError(
                    self.env._(
                        "“%(offer)s” is not open for applications.", offer=offer.name
                    )
                )
            if offer.application_deadline < today:
                raise UserError(
                    self.env._(
                        "The application deadline of “%(offer)s” was %(deadline)s.",
                        offer=offer.name,
                        deadline=offer.application_deadline,
                    )
                )
            key = (offer.id, vals.get("partner_id"))
            if key in existing:
                raise UserError(
                    self.env._(
                        "%(person)s has already applied for “%(offer)s”.",
                        person=names.get(vals.get("partner_id"), ""),
                        offer=offer.name,
                    )
                )
            existing.add(key)
            taken[offer.id] += 1
            if offer.seats_max and taken[offer.id] > offer.seats_max:
                raise UserError(
                    self.env._(
                        "“%(offer)s” is full: all %(seats)s seats are taken.",
                        offer=offer.name,
                        seats=offer.seats_max,
                    )
                )

    @api.model
    def _set_benefits(self, offers, people, vals_list):
        """Decide each new application's benefit and price from who the person
        is: a network member gets a free seat while the offer's member seats
        last, a former student (graduated) the alumni price, anyone else the
        price. Set-wise: one read of the people, one count of the seats."""
        offers = offers.sudo()
        people = people.sudo()
        free_taken = Counter(
            {
                offer.id: count
                for offer, count in self.sudo()._read_group(
                    [
                        ("offer_id", "in", offers.ids),
                        ("state", "in", self._SEAT_STATES),
                        ("benefit", "=", "member_seat"),
                    ],
                    ["offer_id"],
                    ["__count"],
                )
            }
        )
        graduates = set(
            self.env["alumni.enrollment"]
            .sudo()
            .search([("partner_id", "in", people.ids), ("state", "=", "completed")])
            .partner_id.ids
        )
        people.fetch(["network_state", "lifecycle_stage"])
        for vals in vals_list:
            offer = offers.browse(vals.get("offer_id"))
            person = people.browse(vals.get("partner_id"))
            if not offer or not person:
                continue
            benefit = "none"
            if person.network_state == "member" and free_taken[offer.id] < offer.member_free_seats:
                benefit = "member_seat"
                free_taken[offer.id] += 1
            elif person.id in graduates or person.lifecycle_stage == "alumnus":
                benefit = "alumni_price"
            price = {"member_seat": 0.0, "alumni_price": offer.alumni_price}.get(
                benefit, offer.price
            )
            vals["benefit"] = benefit
            vals["price"] = price
            vals["benefit_value"] = offer.price - price

    def _log_timeline(self, enrollments, kind):
        if not enrollments:
            return
        Timeline = self.env["alumni.lifecycle.event"].sudo()
        rows = Timeline._document_rows(
            enrollments,
            kind,
            date_of=(lambda e: e.date_enrolled) if kind == "evu_enrollment" else (
                lambda e: e.date_applied
            ),
        )
        for row, enrollment in zip(rows, enrollments, strict=True):
            row["name"] = enrollment.offer_id.name
        Timeline._append(rows)
