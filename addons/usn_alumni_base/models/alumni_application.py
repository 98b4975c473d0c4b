# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

APPLICATION_STATES = [
    ("submitted", "Submitted"),
    ("offered", "Offered"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("rejected", "Rejected"),
    ("enrolled", "Enrolled"),
]
OPEN_APPLICATION_STATES = ("submitted", "offered", "accepted")
# The states an application reaches only after an offer: an application
# stored in one of them (as a student system exports it) was offered.
OFFERED_STATES = ("offered", "accepted", "declined", "enrolled")


class AlumniApplication(models.Model):
    _name = "alumni.application"
    _description = "Application"
    _inherit = ["mail.thread", "alumni.lifecycle.document"]
    _order = "date_submitted desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    programme_id = fields.Many2one(
        "alumni.programme", required=True, index=True, ondelete="restrict", tracking=True
    )
    faculty_id = fields.Many2one(
        related="programme_id.faculty_id", store=True, index=True, precompute=True
    )
    campus_id = fields.Many2one("alumni.campus", ondelete="restrict")
    intake_year = fields.Integer(
        required=True, default=lambda self: fields.Date.today().year, aggregator=None
    )
    intake_term = fields.Selection(
        [("spring", "Spring"), ("autumn", "Autumn")], required=True, default="autumn"
    )
    date_submitted = fields.Date(
        string="Submitted on", required=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        APPLICATION_STATES, required=True, default="submitted", index=True, tracking=True
    )
    source = fields.Selection(
        [
            ("national", "National admission service"),
            ("local", "Local admission"),
            ("website", "Website"),
            ("event", "Event"),
            ("import", "Import"),
            ("staff", "Staff"),
        ],
        default="local",
        required=True,
    )
    is_open = fields.Boolean(compute="_compute_is_open", search="_search_is_open")

    _sql_constraints = [
        (
            "intake_year_range",
            "CHECK(intake_year BETWEEN 1900 AND 2200)",
            "The intake year must be a year between 1900 and 2200.",
        ),
    ]

    @api.depends("partner_id", "programme_id", "intake_term", "intake_year")
    def _compute_display_name(self):
        terms = dict(self._fields["intake_term"]._description_selection(self.env))
        for application in self:
            application.display_name = self.env._(
                "%(programme)s, %(term)s %(year)s",
                programme=application.programme_id.display_name or "",
                term=terms.get(application.intake_term, ""),
                year=application.intake_year,
            )

    @api.depends("state")
    def _compute_is_open(self):
        for application in self:
            application.is_open = application.state in OPEN_APPLICATION_STATES

    def _search_is_open(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        positive = (operator == "=") == bool(value)
        return [("state", "in" if positive else "not in", OPEN_APPLICATION_STATES)]

    @api.model_create_multi
    def create(self, vals_list):
        applications = super().create(vals_list)
        applications._log_touchpoints("application")
        applications.filtered(lambda a: a.state in OFFERED_STATES)._log_touchpoints("offer")
        return applications

    def write(self, vals):
        newly_offered = (
            self.filtered(lambda a: a.state not in OFFERED_STATES)
            if vals.get("state") in OFFERED_STATES
            else self.browse()
        )
        res = super().write(vals)
        newly_offered._log_touchpoints("offer")
        return res

    def action_offer(self):
        self.write({"state": "offered"})

    def action_accept(self):
        self.write({"state": "accepted"})

    def action_decline(self):
        self.write({"state": "declined"})

    def action_reject(self):
        self.write({"state": "rejected"})

    def _log_touchpoints(self, kind):
        self.env["alumni.lifecycle.event"]._log_documents(self, kind)
