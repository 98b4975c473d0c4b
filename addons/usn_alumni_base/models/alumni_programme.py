# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PROGRAMME_LEVELS = [
    ("bachelor", "Bachelor"),
    ("master", "Master"),
    ("phd", "PhD"),
    ("one_year", "One-year programme"),
    ("evu", "Continuing education course"),
]


class AlumniProgramme(models.Model):
    _name = "alumni.programme"
    _description = "Study Programme"
    _order = "code"

    code = fields.Char(
        required=True, index=True, help="Code of the programme in the student system."
    )
    name = fields.Char(required=True, translate=True)
    level = fields.Selection(PROGRAMME_LEVELS, required=True, default="bachelor")
    ects = fields.Float(string="ECTS Credits", digits=(6, 1))
    faculty_id = fields.Many2one("alumni.faculty", index=True, ondelete="restrict")
    interest_ids = fields.Many2many(
        "alumni.interest",
        string="Subjects",
        help="The subjects the programme covers: a person who shows interest in the "
        "programme (an information request, an event) is given these interests.",
    )
    enrollment_ids = fields.One2many("alumni.enrollment", "programme_id", string="Enrolments")
    enrollment_count = fields.Integer(compute="_compute_enrollment_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another programme already has this code."),
        ("ects_positive", "CHECK(ects >= 0)", "ECTS credits cannot be negative."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for programme in self:
            programme.display_name = (
                f"[{programme.code}] {programme.name}" if programme.code else programme.name
            )

    def _compute_enrollment_count(self):
        counts = dict(
            self.env["alumni.enrollment"]._read_group(
                [("programme_id", "in", self.ids)], ["programme_id"], ["__count"]
            )
        )
        for programme in self:
            programme.enrollment_count = counts.get(programme, 0)

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "like", "=", "=like", "=ilike") and value:
            return ["|", ("code", operator, value), ("name", operator, value)]
        return super()._search_display_name(operator, value)

    def action_view_enrollments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_base.alumni_enrollment_action"
        )
        action["domain"] = [("programme_id", "=", self.id)]
        action["context"] = {"default_programme_id": self.id}
        return action
