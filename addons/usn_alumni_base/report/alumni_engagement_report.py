# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.alumni_engagement_activity import (
    DEFAULT_HALF_LIFE,
    ENGAGEMENT_ACTIVITIES,
    HALF_LIFE_PARAM,
    decay,
)
from ..tools.sql_parameter import parameter_number

THRESHOLD_PARAM = "usn_alumni_base.engagement_threshold"
DEFAULT_THRESHOLD = 1.0


class AlumniEngagementReport(models.Model):
    """How engaged each alumnus is, per programme and graduation cohort.

    One row per alumnus (a person with a completed enrolment, not deceased)
    and programme they graduated from. The score adds up the person's
    touchpoints on the timeline: events attended, continuing education
    enrolments, network activity (joining and the network's other activity
    rows, not leaving or suspension) and mailing clicks, each with its
    weight (system parameters ``usn_alumni_base.engagement_weight_*``, set
    in the settings), and each counting less as it ages: by half every
    ``usn_alumni_base.engagement_half_life_months`` (12; 0: no decay). An
    alumnus is engaged from a score of ``usn_alumni_base.engagement_threshold``
    (1). The rank is the person's place in their programme and cohort.
    """

    _name = "alumni.engagement.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin", "alumni.report.access.mixin"]
    _description = "Alumni Engagement Analysis"
    _auto = False
    _order = "score desc, partner_id"
    _rec_name = "partner_id"
    _alumni_rates = {"engaged_share": ("engaged_count", "alumni_count")}

    partner_id = fields.Many2one("res.partner", string="Alumnus", readonly=True)
    programme_id = fields.Many2one("alumni.programme", readonly=True)
    faculty_id = fields.Many2one("alumni.faculty", readonly=True)
    graduation_year = fields.Integer(string="Cohort", readonly=True, aggregator=None)
    cohort_date = fields.Date(
        string="Cohort (Year)",
        readonly=True,
        help="1 January of the graduation year, to filter and group the alumni by year.",
    )
    score = fields.Float(string="Engagement Score", readonly=True, aggregator="avg", digits=(16, 2))
    event_score = fields.Float(string="Events", readonly=True, aggregator="avg", digits=(16, 2))
    evu_score = fields.Float(
        string="Continuing Education", readonly=True, aggregator="avg", digits=(16, 2)
    )
    network_score = fields.Float(string="Network", readonly=True, aggregator="avg", digits=(16, 2))
    mailing_score = fields.Float(
        string="Mailing Clicks", readonly=True, aggregator="avg", digits=(16, 2)
    )
    alumni_count = fields.Integer(string="Alumni", readonly=True)
    engaged_count = fields.Integer(string="Engaged Alumni", readonly=True)
    engaged_share = fields.Float(
        string="Engaged (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Engaged alumni in percent of the alumni.",
    )
    cohort_rank = fields.Integer(
        string="Rank in Cohort",
        readonly=True,
        aggregator=None,
        help="1 for the most engaged alumnus of the programme and graduation year.",
    )

    def _query(self):
        # The activity is added up per person beforehand
        # (alumni.engagement.activity): here it is weighted and aged from
        # the date of the sums to now.
        weights = SQL(", ").join(
            SQL("%s AS %s", parameter_number(key, default), SQL.identifier(f"w_{name}"))
            for name, (key, default, __, __) in ENGAGEMENT_ACTIVITIES.items()
        )
        components = SQL(", ").join(
            SQL(
                "COALESCE(activity.%s * params.%s * aged.factor, 0) AS %s",
                SQL.identifier(f"{name}_activity"),
                SQL.identifier(f"w_{name}"),
                SQL.identifier(f"{name}_score"),
            )
            for name in ENGAGEMENT_ACTIVITIES
        )
        return SQL(
            """
            WITH params AS (
                SELECT %(weights)s,
                       %(half_life)s AS half_life,
                       %(threshold)s AS threshold
            ),
            alumni AS (
                SELECT DISTINCT ON (enrollment.partner_id, enrollment.programme_id)
                       enrollment.id, enrollment.partner_id, enrollment.programme_id,
                       enrollment.graduation_year
                  FROM alumni_enrollment enrollment
                  JOIN res_partner person ON person.id = enrollment.partner_id
                 WHERE enrollment.state = 'completed'
                   AND enrollment.graduation_year IS NOT NULL
                   AND person.active
                   AND NOT COALESCE(person.is_deceased, FALSE)
                 ORDER BY enrollment.partner_id, enrollment.programme_id,
                          enrollment.graduation_year DESC, enrollment.id DESC
            ),
            components AS (
                SELECT alumni.id, alumni.partner_id, alumni.programme_id,
                       programme.faculty_id, alumni.graduation_year,
                       make_date(alumni.graduation_year, 1, 1) AS cohort_date,
                       %(components)s
                  FROM alumni
                  JOIN alumni_programme programme ON programme.id = alumni.programme_id
                  LEFT JOIN alumni_engagement_activity activity
                         ON activity.partner_id = alumni.partner_id
                 CROSS JOIN params
                 CROSS JOIN LATERAL (SELECT %(factor)s AS factor) aged
            ),
            scored AS (
                SELECT components.*, %(total)s AS score FROM components
            )
            SELECT scored.*,
                   1 AS alumni_count,
                   CASE WHEN scored.score >= params.threshold THEN 1 ELSE 0 END AS engaged_count,
                   CASE WHEN scored.score >= params.threshold THEN 100.0 ELSE 0 END
                       AS engaged_share,
                   RANK() OVER (PARTITION BY scored.programme_id, scored.graduation_year
                                ORDER BY scored.score DESC) AS cohort_rank
              FROM scored
             CROSS JOIN params
            """,
            weights=weights,
            half_life=parameter_number(HALF_LIFE_PARAM, DEFAULT_HALF_LIFE),
            threshold=parameter_number(THRESHOLD_PARAM, DEFAULT_THRESHOLD),
            components=components,
            factor=decay(SQL.identifier("activity", "date"), SQL.identifier("params", "half_life")),
            total=SQL(" + ").join(
                SQL.identifier("components", f"{name}_score") for name in ENGAGEMENT_ACTIVITIES
            ),
        )
