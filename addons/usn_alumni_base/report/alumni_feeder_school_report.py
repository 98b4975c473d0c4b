# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..tools.sql_parameter import parameter_number

MIN_SAMPLE_PARAM = "usn_alumni_base.feeder_school_min_sample"
DEFAULT_MIN_SAMPLE = 10


class AlumniFeederSchoolReport(models.Model):
    """The results of the students of each secondary school.

    One row per school and programme: the people with a prior education at
    the school (a partner flagged as a school) and a completed enrolment in
    the programme, the average of their enrolments' grade averages, the
    average of all completed enrolments of the programme, and the
    difference. A school with fewer students in the programme than
    ``usn_alumni_base.feeder_school_min_sample`` (10 when not set) is flagged
    as a small sample: its difference says little.
    """

    _name = "alumni.feeder.school.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.access.mixin"]
    _description = "Feeder School Analysis"
    _auto = False
    _order = "student_count desc, school_id, programme_id"
    _rec_name = "school_id"

    school_id = fields.Many2one("res.partner", readonly=True)
    programme_id = fields.Many2one("alumni.programme", readonly=True)
    faculty_id = fields.Many2one("alumni.faculty", readonly=True)
    student_count = fields.Integer(string="Students", readonly=True)
    avg_grade = fields.Float(
        string="Average Grade",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Average of the grade averages of the school's students in the programme "
        "(A = 5 ... E = 1).",
    )
    overall_avg_grade = fields.Float(
        string="Programme Average",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Average of the grade averages of every student of the programme.",
    )
    difference = fields.Float(
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="The school's average minus the programme's: above zero, the school's "
        "students did better than the programme's average.",
    )
    small_sample = fields.Boolean(
        readonly=True,
        help="Fewer students than the minimum sample set in the settings: the difference "
        "says little.",
    )

    def _query(self):
        return SQL(
            """
            WITH min_sample AS (
                SELECT %(parameter)s AS size
            ),
            graded AS (
                SELECT enrollment.partner_id, enrollment.programme_id, enrollment.final_grade
                  FROM alumni_enrollment enrollment
                 WHERE enrollment.state = 'completed'
            ),
            programme_average AS (
                SELECT programme_id, AVG(final_grade) AS grade
                  FROM graded
                 GROUP BY programme_id
            ),
            schools AS (
                SELECT DISTINCT prior.partner_id, prior.institution_id AS school_id
                  FROM alumni_prior_education prior
                  JOIN res_partner school ON school.id = prior.institution_id
                 WHERE school.is_school
            ),
            per_school AS (
                SELECT schools.school_id,
                       graded.programme_id,
                       COUNT(DISTINCT graded.partner_id) AS student_count,
                       AVG(graded.final_grade) AS grade
                  FROM schools
                  JOIN graded ON graded.partner_id = schools.partner_id
                 GROUP BY schools.school_id, graded.programme_id
            )
            SELECT per_school.school_id::bigint * 1000000 + per_school.programme_id AS id,
                   per_school.school_id,
                   per_school.programme_id,
                   programme.faculty_id,
                   per_school.student_count,
                   per_school.grade AS avg_grade,
                   programme_average.grade AS overall_avg_grade,
                   per_school.grade - programme_average.grade AS difference,
                   per_school.student_count < min_sample.size AS small_sample
              FROM per_school
              JOIN alumni_programme programme ON programme.id = per_school.programme_id
              JOIN programme_average ON programme_average.programme_id = per_school.programme_id
             CROSS JOIN min_sample
            """,
            parameter=parameter_number(MIN_SAMPLE_PARAM, DEFAULT_MIN_SAMPLE, whole=True),
        )

    def action_open_students(self):
        """The completed enrolments behind the row: the school's students in
        the programme, as the user may see them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_base.alumni_enrollment_action"
        )
        action["name"] = self.env._(
            "%(school)s: students of %(programme)s",
            school=self.school_id.display_name,
            programme=self.programme_id.display_name,
        )
        action["domain"] = [
            ("programme_id", "=", self.programme_id.id),
            ("state", "=", "completed"),
            ("partner_id.prior_education_ids.institution_id", "=", self.school_id.id),
        ]
        action["context"] = {"create": False}
        return action
