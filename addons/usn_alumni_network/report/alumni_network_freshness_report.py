# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

FRESHNESS = [
    ("recent", "Within 12 Months"),
    ("stale", "Older"),
    ("never", "Never"),
]


class AlumniNetworkFreshnessReport(models.Model):
    """How current the network members' data is, per faculty.

    One row per member (in the network, active, not deceased) and faculty
    or department they are affiliated with: the units of the programmes of
    their enrolments and applications and every unit above them, as the
    coordinators' scope counts them. So a nursing graduate counts once for
    the Department of Nursing and once for the Faculty of Health; the
    "Faculties" filter keeps the top units, where each member counts once
    per faculty. Their data was verified within 12 months, earlier, or
    never (``last_verified_date``).
    """

    _name = "alumni.network.freshness.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin"]
    _description = "Network Data Freshness Analysis"
    _auto = False
    _order = "faculty_id, partner_id"
    _rec_name = "partner_id"
    _alumni_rates = {
        "recent_share": ("recent_count", "member_count"),
        "never_share": ("never_count", "member_count"),
    }

    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    faculty_id = fields.Many2one("alumni.faculty", string="Faculty or Department", readonly=True)
    is_faculty = fields.Boolean(
        string="Faculty", readonly=True, help="A faculty, not a department of one."
    )
    last_verified_date = fields.Date(string="Verified On", readonly=True)
    freshness = fields.Selection(FRESHNESS, string="Verified", readonly=True)
    member_count = fields.Integer(string="Members", readonly=True)
    recent_count = fields.Integer(string="Verified within 12 Months", readonly=True)
    stale_count = fields.Integer(string="Verified Earlier", readonly=True)
    never_count = fields.Integer(string="Never Verified", readonly=True)
    recent_share = fields.Float(
        string="Current (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Members who verified their data within 12 months, in percent of the members.",
    )
    never_share = fields.Float(
        string="Never Verified (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )

    def _query(self):
        return SQL(
            """
            WITH members AS (
                SELECT person.id, person.last_verified_date,
                       CASE WHEN person.last_verified_date IS NULL THEN 'never'
                            WHEN person.last_verified_date
                                 > (CURRENT_DATE - INTERVAL '12 months')::date THEN 'recent'
                            ELSE 'stale' END AS freshness
                  FROM res_partner person
                 WHERE person.network_state = 'member'
                   AND person.active
                   AND NOT COALESCE(person.is_deceased, FALSE)
            ),
            units AS (
                SELECT enrollment.partner_id, programme.faculty_id
                  FROM alumni_enrollment enrollment
                  JOIN alumni_programme programme ON programme.id = enrollment.programme_id
                 WHERE enrollment.partner_id IN (SELECT id FROM members)
                 UNION
                SELECT application.partner_id, programme.faculty_id
                  FROM alumni_application application
                  JOIN alumni_programme programme ON programme.id = application.programme_id
                 WHERE application.partner_id IN (SELECT id FROM members)
            ),
            affiliation AS (
                SELECT DISTINCT units.partner_id, ancestor.id AS faculty_id,
                       ancestor.parent_id IS NULL AS is_faculty
                  FROM units
                  JOIN alumni_faculty unit ON unit.id = units.faculty_id
                  JOIN alumni_faculty ancestor
                    ON left(unit.parent_path, length(ancestor.parent_path)) = ancestor.parent_path
            )
            SELECT affiliation.partner_id::bigint * 1000000 + affiliation.faculty_id AS id,
                   affiliation.partner_id,
                   affiliation.faculty_id,
                   affiliation.is_faculty,
                   members.last_verified_date,
                   members.freshness,
                   1 AS member_count,
                   CASE WHEN members.freshness = 'recent' THEN 1 ELSE 0 END AS recent_count,
                   CASE WHEN members.freshness = 'stale' THEN 1 ELSE 0 END AS stale_count,
                   CASE WHEN members.freshness = 'never' THEN 1 ELSE 0 END AS never_count,
                   CASE WHEN members.freshness = 'recent' THEN 100.0 ELSE 0 END AS recent_share,
                   CASE WHEN members.freshness = 'never' THEN 100.0 ELSE 0 END AS never_share
              FROM affiliation
              JOIN members ON members.id = affiliation.partner_id
            """
        )
