# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

# The kinds of activity that make an alumnus engaged: (weight parameter,
# default weight, SQL condition on the timeline row's kind).
ENGAGEMENT_ACTIVITIES = {
    "event_score": (
        "usn_alumni_base.engagement_weight_event",
        3.0,
        "touch.kind = 'event_attendance'",
    ),
    "evu_score": ("usn_alumni_base.engagement_weight_evu", 5.0, "touch.kind = 'evu_enrollment'"),
    # Joining, and whatever else the network addon records of a member's
    # activity; leaving and suspension are no engagement.
    "network_score": (
        "usn_alumni_base.engagement_weight_network",
        2.0,
        "touch.kind LIKE 'network\\_%%' AND touch.kind NOT IN ('network_leave', "
        "'network_suspension')",
    ),
    "mailing_score": (
        "usn_alumni_base.engagement_weight_mailing",
        1.0,
        "touch.kind = 'mailing_click'",
    ),
}
HALF_LIFE_PARAM = "usn_alumni_base.engagement_half_life_months"
DEFAULT_HALF_LIFE = 12.0
THRESHOLD_PARAM = "usn_alumni_base.engagement_threshold"
DEFAULT_THRESHOLD = 1.0
# Months of the half-life, in days.
DAYS_PER_MONTH = 30.4375


def _parameter(key, default):
    """SQL: the system parameter ``key`` as a number, ``default`` when it is
    not set or not a number of zero or more."""
    return SQL(
        """COALESCE((SELECT CASE WHEN value ~ '^\\s*\\d+(\\.\\d+)?\\s*$'
                                 THEN trim(value)::float END
                       FROM ir_config_parameter WHERE key = %s), %s)""",
        key,
        default,
    )


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
        weights = SQL(", ").join(
            SQL("%s AS %s", _parameter(key, default), SQL.identifier(f"w_{name}"))
            for name, (key, default, __) in ENGAGEMENT_ACTIVITIES.items()
        )
        activity_columns = SQL(", ").join(
            SQL(
                "SUM(CASE WHEN %s THEN params.%s * %s ELSE 0 END) AS %s",
                SQL(condition),
                SQL.identifier(f"w_{name}"),
                SQL(
                    """CASE WHEN params.half_life > 0
                            THEN power(0.5, GREATEST(EXTRACT(EPOCH FROM
                                       (now() AT TIME ZONE 'UTC') - touch.date), 0)
                                       / 86400.0 / (params.half_life * %s))
                            ELSE 1 END""",
                    DAYS_PER_MONTH,
                ),
                SQL.identifier(name),
            )
            for name, (__, __, condition) in ENGAGEMENT_ACTIVITIES.items()
        )
        any_activity = SQL(" OR ").join(
            SQL("(%s)", SQL(condition)) for __, __, condition in ENGAGEMENT_ACTIVITIES.values()
        )
        components = SQL(", ").join(
            SQL("COALESCE(activity.%s, 0) AS %s", SQL.identifier(name), SQL.identifier(name))
            for name in ENGAGEMENT_ACTIVITIES
        )
        total = SQL(" + ").join(
            SQL("COALESCE(activity.%s, 0)", SQL.identifier(name)) for name in ENGAGEMENT_ACTIVITIES
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
            activity AS (
                -- only the alumni's rows: most of the timeline is people
                -- who never graduated
                SELECT touch.partner_id, %(activity_columns)s
                  FROM alumni_lifecycle_event touch
                 CROSS JOIN params
                 WHERE (%(any_activity)s)
                   AND touch.partner_id IN (SELECT alumni.partner_id FROM alumni)
                 GROUP BY touch.partner_id
            ),
            scored AS (
                SELECT alumni.id, alumni.partner_id, alumni.programme_id,
                       programme.faculty_id, alumni.graduation_year,
                       make_date(alumni.graduation_year, 1, 1) AS cohort_date,
                       %(components)s,
                       %(total)s AS score
                  FROM alumni
                  JOIN alumni_programme programme ON programme.id = alumni.programme_id
                  LEFT JOIN activity ON activity.partner_id = alumni.partner_id
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
            half_life=_parameter(HALF_LIFE_PARAM, DEFAULT_HALF_LIFE),
            threshold=_parameter(THRESHOLD_PARAM, DEFAULT_THRESHOLD),
            activity_columns=activity_columns,
            any_activity=any_activity,
            components=components,
            total=total,
        )
