# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

ENROLLMENT_STATES = [
    ("active", "Active"),
    ("completed", "Completed"),
    ("withdrawn", "Withdrawn"),
]
# Grade averages on the Norwegian A-F scale, as numbers: A = 5 ... E = 1, F = 0.
GRADE_MIN, GRADE_MAX = 0.0, 5.0
# The context key of the writes that may change an enrolment's status: its
# actions (Graduate, Withdraw), which set the dates that go with it, and the
# student-system import, which copies the status the student system holds.
STATE_CHANGE_CONTEXT = "alumni_enrollment_state_change"


def _graduation_year(values):
    """The cohort of an enrolment (a record or its values): the year of its
    graduation, or else of its end, once it is completed."""
    date = fields.Date.to_date(values["graduation_date"] or values["end_date"])
    return date.year if values["state"] == "completed" and date else False


class AlumniEnrollment(models.Model):
    _name = "alumni.enrollment"
    _description = "Programme Enrolment"
    _inherit = ["mail.thread", "mail.activity.mixin", "alumni.lifecycle.document"]
    _order = "start_date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Student",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    programme_id = fields.Many2one(
        "alumni.programme", required=True, index=True, ondelete="restrict", tracking=True
    )
    programme_level = fields.Selection(related="programme_id.level")
    faculty_id = fields.Many2one(
        related="programme_id.faculty_id", store=True, index=True, precompute=True
    )
    campus_id = fields.Many2one("alumni.campus", index=True, ondelete="restrict", tracking=True)
    start_date = fields.Date(required=True, tracking=True)
    end_date = fields.Date(tracking=True)
    state = fields.Selection(
        ENROLLMENT_STATES,
        required=True,
        default="active",
        index=True,
        readonly=True,
        tracking=True,
        help="Changes through the Graduate and Withdraw actions, which set the dates.",
    )
    graduation_date = fields.Date(help="Date the degree was conferred.", tracking=True)
    degree = fields.Char(help="Title of the degree conferred, e.g. Bachelor of Nursing.")
    credits = fields.Float(string="ECTS Earned", digits=(6, 1))
    final_grade = fields.Float(
        string="Grade Average",
        digits=(3, 2),
        help="Average grade on the A-F scale as a number: A = 5, B = 4, C = 3, D = 2, E = 1.",
    )
    graduation_year = fields.Integer(
        compute="_compute_graduation_year", store=True, precompute=True, aggregator=None
    )

    _sql_constraints = [
        ("credits_positive", "CHECK(credits >= 0)", "ECTS earned cannot be negative."),
    ]

    @api.depends("partner_id", "programme_id", "start_date")
    def _compute_display_name(self):
        for enrollment in self:
            enrollment.display_name = self.env._(
                "%(programme)s (%(year)s)",
                programme=enrollment.programme_id.display_name or "",
                year=enrollment.start_date.year if enrollment.start_date else "",
            )

    @api.depends("state", "graduation_date", "end_date")
    def _compute_graduation_year(self):
        for enrollment in self:
            enrollment.graduation_year = _graduation_year(enrollment)

    @api.constrains("start_date", "end_date")
    def _check_dates(self):
        for enrollment in self:
            if enrollment.end_date and enrollment.end_date < enrollment.start_date:
                raise ValidationError(
                    self.env._(
                        "The enrolment of %(person)s in %(programme)s cannot end "
                        "(%(end)s) before it starts (%(start)s).",
                        person=enrollment.partner_id.display_name,
                        programme=enrollment.programme_id.display_name,
                        end=enrollment.end_date,
                        start=enrollment.start_date,
                    )
                )

    @api.constrains("final_grade")
    def _check_final_grade(self):
        for enrollment in self:
            if not GRADE_MIN <= enrollment.final_grade <= GRADE_MAX:
                raise ValidationError(
                    self.env._(
                        "The grade average of %(person)s in %(programme)s is %(grade)s; "
                        "it must be between %(min)s and %(max)s.",
                        person=enrollment.partner_id.display_name,
                        programme=enrollment.programme_id.display_name,
                        grade=enrollment.final_grade,
                        min=GRADE_MIN,
                        max=GRADE_MAX,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        default_state = self.env.context.get("default_state", "active")
        if any(vals.get("state", default_state) != "active" for vals in vals_list):
            self._check_state_change()
        enrollments = super().create(vals_list)
        enrollments._after_create()
        return enrollments

    def write(self, vals):
        changed_state = (
            self.filtered(lambda e: e.state != vals["state"]) if "state" in vals else self.browse()
        )
        if changed_state:
            changed_state._check_state_change()
        res = super().write(vals)
        changed_state._log_state_touchpoints()
        return res

    def action_complete(self):
        """Graduate: the enrolment ends today, unless it ended already, and
        the degree is conferred on its last day unless a date is given."""
        for enrollment in self.with_context(**{STATE_CHANGE_CONTEXT: True}):
            end_date = enrollment._closing_date()
            enrollment.write(
                {
                    "state": "completed",
                    "end_date": end_date,
                    "graduation_date": enrollment.graduation_date or end_date,
                }
            )

    def action_withdraw(self):
        """Withdraw: the enrolment ends today, unless it ended already."""
        for enrollment in self.with_context(**{STATE_CHANGE_CONTEXT: True}):
            enrollment.write({"state": "withdrawn", "end_date": enrollment._closing_date()})

    def _after_create(self):
        """What follows the creation of enrolments, however they were
        created (the form, create(), or the import's bulk insert): open
        applications closed, touchpoints written. Addons that react to new
        enrolments extend this method."""
        self._mark_applications_enrolled()
        self.env["alumni.lifecycle.event"]._append(
            self._touchpoint_rows("enrollment") + self._state_touchpoint_rows()
        )

    @api.model
    def _bulk_computed_values(self, ids, vals_list):
        """The stored computed values of new enrolments created by an import
        (``tools.bulk_create``), as their computes would give them."""
        programmes = self.env["alumni.programme"].browse(
            {vals["programme_id"] for vals in vals_list}
        )
        faculty_of = {programme.id: programme.faculty_id.id for programme in programmes}
        return [
            {
                "faculty_id": faculty_of[vals["programme_id"]],
                "graduation_year": _graduation_year(defaultdict(bool, vals)),
            }
            for vals in vals_list
        ]

    def _check_state_change(self):
        """Refuse a change of status made outside the enrolment's actions and
        the import (the system itself may)."""
        if self.env.su or self.env.context.get(STATE_CHANGE_CONTEXT):
            return
        raise UserError(
            self.env._(
                "The status of an enrolment changes only through its Graduate and "
                "Withdraw buttons, which also set its end and graduation dates."
            )
        )

    def _closing_date(self):
        """The last day of an enrolment that ends now: its end date when that
        is past, else today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return min(self.end_date, today) if self.end_date else today

    def _mark_applications_enrolled(self):
        """Close the open applications that these enrolments answer."""
        pairs = {(e.partner_id.id, e.programme_id.id) for e in self}
        applications = self.env["alumni.application"].search(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("programme_id", "in", self.programme_id.ids),
                ("is_open", "=", True),
            ]
        )
        applications.filtered(lambda a: (a.partner_id.id, a.programme_id.id) in pairs).write(
            {"state": "enrolled"}
        )

    def _log_state_touchpoints(self):
        self.env["alumni.lifecycle.event"]._append(self._state_touchpoint_rows())

    def _state_touchpoint_rows(self):
        """Timeline rows of the enrolments that ended: graduation or withdrawal."""
        return self.filtered(lambda e: e.state == "completed")._touchpoint_rows(
            "graduation"
        ) + self.filtered(lambda e: e.state == "withdrawn")._touchpoint_rows("withdrawal")

    def _touchpoint_rows(self, kind):
        return self.env["alumni.lifecycle.event"]._document_rows(
            self, kind, date_of=lambda enrollment: enrollment._touchpoint_date(kind)
        )

    def _touchpoint_date(self, kind):
        self.ensure_one()
        if kind == "graduation":
            date = self.graduation_date or self.end_date
        elif kind == "withdrawal":
            date = self.end_date
        else:
            date = self.start_date
        return fields.Datetime.to_datetime(date) if date else fields.Datetime.now()
