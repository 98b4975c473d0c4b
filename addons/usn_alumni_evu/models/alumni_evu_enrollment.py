# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.usn_alumni_base.tools import normalize

ENROLLMENT_STATES = [
    ("applied", "Applied"),
    ("enrolled", "Enrolled"),
    ("cancelled", "Cancelled"),
]

# The country of phone numbers written without a country code, when the
# company has none.
DEFAULT_PHONE_REGION = "NO"
UTM_FIELDS = ("campaign_id", "source_id", "medium_id")

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
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    offer_id = fields.Many2one("alumni.evu.offer", required=True, index=True, ondelete="restrict")
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
        self._set_campaigns(vals_list)
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
    # Website
    # ------------------------------------------------------------------

    @api.model
    def _website_apply(self, offer, name, email, phone, partner=None):
        """Apply for ``offer`` from its web page and return the application.

        The applicant is ``partner`` (a logged-in user applies as their own
        person), else the person the e-mail address (then the phone) is, else
        a new prospect interested in the offer's subjects, created only once
        the application is known to be accepted. The campaign comes from the
        visitor's UTM cookies (``utm.mixin``). Bad input raises a
        ``UserError`` naming the field; nothing is stored before.

        As superuser: a visitor may not read people or create applications.
        The caller passes an offer it read under the visitor's own rules
        (published, not a draft); the model's rules decide the rest.
        """
        Enrollment = self.sudo()
        if partner:
            # The person is known: the details of their account are theirs
            # to keep, not read from the form.
            person, contact = partner, {}
        else:
            contact = self._website_contact(name, email, phone)
            person = self.env["res.partner"]._alumni_match_people(
                [{"email": contact["email"], "phone": contact["phone"]}]
            )[0]
        Enrollment._check_can_apply(
            offer, person, [{"offer_id": offer.id, "partner_id": person.id}]
        )
        if not person:
            person = self.env["res.partner"]._alumni_create_prospects(
                [{**contact, "interest_ids": [Command.set(offer.sudo().interest_ids.ids)]}]
            )
        application = Enrollment.create({"offer_id": offer.id, "partner_id": person.id})
        application._send_application_received()
        return application

    def _send_application_received(self):
        """Tell each applicant with an e-mail address that their application
        came in, with the benefit they were given; the message stays in the
        application's chatter."""
        template = self.env.ref(
            "usn_alumni_evu.mail_template_application_received", raise_if_not_found=False
        )
        if not template:
            return
        for application in self.filtered(lambda application: application.partner_id.email):
            application.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
                author_id=self.env.company.partner_id.id,
            )

    @api.model
    def _website_contact(self, name, email, phone):
        """The name, e-mail address and phone of a web application, trimmed
        and normalised (e-mail in lower case, phone in E.164, or False)."""
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Write your name (field “Name”)."))
        try:
            email = normalize.email(email)
        except ValueError:
            raise UserError(
                self.env._(
                    "“%(email)s” is not a valid e-mail address (field “E-mail”). Write one "
                    "address, such as name@example.com.",
                    email=email or "",
                )
            ) from None
        if phone and str(phone).strip():
            region = self.env.company.country_id.code or DEFAULT_PHONE_REGION
            try:
                phone = normalize.phone(phone, region)
            except ValueError:
                raise UserError(
                    self.env._(
                        "“%(phone)s” is not a valid phone number (field “Phone”). Write it "
                        "with its country code, such as +47 912 34 567.",
                        phone=phone,
                    )
                ) from None
        else:
            phone = False
        return {"name": name, "email": email, "phone": phone}

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
                    self.env._("“%(offer)s” is not open for applications.", offer=offer.name)
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
            elif offer.alumni_price < offer.price and (
                person.id in graduates or person.lifecycle_stage == "alumnus"
            ):
                benefit = "alumni_price"
            price = {"member_seat": 0.0, "alumni_price": offer.alumni_price}.get(
                benefit, offer.price
            )
            vals["benefit"] = benefit
            vals["price"] = price
            vals["benefit_value"] = offer.price - price

    @api.model
    def _set_campaigns(self, vals_list):
        """Give each new application the campaign that brought it: the
        visitor's UTM cookies when the values have none (``utm.mixin``), and
        the mailing of that source (a mailing's links carry its source) when
        no mailing is given; an application from a mailing gets its
        campaign, source and medium. A bounded number of queries for the
        whole batch."""
        missing = {fname for vals in vals_list for fname in UTM_FIELDS if fname not in vals}
        defaults = self.default_get(list(missing)) if missing else {}
        for vals in vals_list:
            for fname in missing:
                if fname not in vals and defaults.get(fname):
                    vals[fname] = defaults[fname]
        # As superuser: the applicant, often a visitor, may not read mailings.
        Mailing = self.env["mailing.mailing"].sudo()
        source_ids = {
            vals["source_id"]
            for vals in vals_list
            if vals.get("source_id") and not vals.get("mailing_id")
        }
        mailing_of_source = {}
        if source_ids:
            # The newest mailing of a source, should several share it.
            for mailing in Mailing.search([("source_id", "in", list(source_ids))], order="id"):
                mailing_of_source[mailing.source_id.id] = mailing.id
        for vals in vals_list:
            if not vals.get("mailing_id") and vals.get("source_id") in mailing_of_source:
                vals["mailing_id"] = mailing_of_source[vals["source_id"]]
        mailings = Mailing.browse(
            {vals["mailing_id"] for vals in vals_list if vals.get("mailing_id")}
        )
        mailings.fetch(["campaign_id", "source_id", "medium_id"])
        for vals in vals_list:
            mailing = mailings.browse(vals.get("mailing_id"))
            if not mailing:
                continue
            for fname in UTM_FIELDS:
                if not vals.get(fname) and mailing[fname]:
                    vals[fname] = mailing[fname].id

    def _log_timeline(self, enrollments, kind):
        if not enrollments:
            return
        Timeline = self.env["alumni.lifecycle.event"].sudo()
        rows = Timeline._document_rows(
            enrollments,
            kind,
            date_of=(lambda e: e.date_enrolled)
            if kind == "evu_enrollment"
            else (lambda e: e.date_applied),
        )
        for row, enrollment in zip(rows, enrollments, strict=True):
            row["name"] = enrollment.offer_id.name
        Timeline._append(rows)
