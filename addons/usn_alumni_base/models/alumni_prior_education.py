# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AlumniPriorEducation(models.Model):
    _name = "alumni.prior.education"
    _inherit = ["alumni.person.record"]
    _description = "Prior Education"
    _order = "graduation_year desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    institution_id = fields.Many2one(
        "res.partner",
        string="School",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_school", "=", True)],
    )
    education_type = fields.Selection(
        [
            ("upper_secondary", "Upper secondary school"),
            ("vocational", "Vocational school"),
            ("folk_high_school", "Folk high school"),
            ("higher", "Higher education"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="upper_secondary",
    )
    graduation_year = fields.Integer(aggregator=None)
    grade_average = fields.Float(digits=(4, 2))
    is_verified = fields.Boolean(
        string="Verified", help="The result was checked against a diploma or the student system."
    )

    _sql_constraints = [
        (
            "graduation_year_range",
            "CHECK(graduation_year IS NULL OR graduation_year = 0 "
            "OR graduation_year BETWEEN 1900 AND 2200)",
            "The graduation year must be a year between 1900 and 2200.",
        ),
        (
            "grade_average_range",
            "CHECK(grade_average IS NULL OR grade_average BETWEEN 0 AND 6)",
            "The grade average of a prior education must be between 0 and 6.",
        ),
    ]
