# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

# The timeline's kinds of each step of the funnel, in the funnel's order.
FUNNEL_STEPS = {
    "requested": "information_request",
    "attended_event": "event_attendance",
    "applied": "application",
    "offered": "offer",
    "enrolled": "enrollment",
    "graduated": "graduation",
}


class AlumniFunnelReport(models.Model):
    """The recruitment funnel, from the timeline.

    One row per person and programme that the person has a step of the
    funnel for: an information request, an event attended, an application,
    an offer, an enrolment, a graduation (timeline rows without a programme
    are in no programme's funnel). Each measure is 1 when the person has a
    timeline row of that step for the programme, so that a sum over any
    grouping is the number of distinct people at that step. The steps are
    not cumulative: someone who applied without an information request
    counts as applied only, an offer later declined still counts as offered.

    The event step counts ``event_attendance`` rows: base does not know the
    kinds of events (the events addon does), so every event attended for a
    programme counts, Open Days and trial lectures as the events addon
    writes them to the timeline.

    The intake year, source and campus are those of the person's latest
    application to the programme; without one, the intake year is the year
    of the person's first touch with the programme and the campus that of
    their latest enrolment in it.

    The rates are each step in percent of the step before it; since people
    may enter the funnel at any step, a rate may exceed 100.
    """

    _name = "alumni.funnel.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin", "alumni.report.access.mixin"]
    _description = "Recruitment Funnel Analysis"
    _auto = False
    _order = "intake_year desc, programme_id"
    _rec_name = "programme_id"
    _alumni_rates = {
        "attendance_rate": ("attended_event", "requested"),
        "application_rate": ("applied", "attended_event"),
        "offer_rate": ("offered", "applied"),
        "enrollment_rate": ("enrolled", "offered"),
        "graduation_rate": ("graduated", "enrolled"),
    }

    partner_id = fields.Many2one(
        "res.partner", string="Person", readonly=True, groups="usn_alumni_base.group_alumni_user"
    )
    programme_id = fields.Many2one("alumni.programme", readonly=True)
    faculty_id = fields.Many2one("alumni.faculty", readonly=True)
    campus_id = fields.Many2one("alumni.campus", readonly=True)
    intake_year = fields.Integer(readonly=True, aggregator=None)
    intake_date = fields.Date(
        string="Intake (Year)",
        readonly=True,
        help="1 January of the intake year, to filter and group the funnel by year.",
    )
    source = fields.Selection(selection="_selection_source", readonly=True)
    first_touch_date = fields.Date(string="First Touch", readonly=True)
    requested = fields.Integer(string="Information Requests", readonly=True)
    attended_event = fields.Integer(string="Attended an Event", readonly=True)
    applied = fields.Integer(readonly=True)
    offered = fields.Integer(readonly=True)
    enrolled = fields.Integer(readonly=True)
    graduated = fields.Integer(readonly=True)
    attendance_rate = fields.Float(
        string="Event / Request (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People who attended an event, in percent of those who requested information.",
    )
    application_rate = fields.Float(
        string="Applied / Event (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People who applied, in percent of those who attended an event.",
    )
    offer_rate = fields.Float(
        string="Offered / Applied (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People offered a place, in percent of those who applied.",
    )
    enrollment_rate = fields.Float(
        string="Enrolled / Offered (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People who enrolled, in percent of those offered a place.",
    )
    graduation_rate = fields.Float(
        string="Graduated / Enrolled (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People who graduated, in percent of those who enrolled.",
    )

    def _selection_source(self):
        return self.env["alumni.application"]._fields["source"]._description_selection(self.env)

    def init(self):
        # The view reads the timeline's rows of a programme by programme and
        # person: this index holds all it reads.
        tools.create_index(
            self.env.cr,
            "alumni_lifecycle_event_funnel_index",
            "alumni_lifecycle_event",
            ["programme_id", "partner_id", "kind", "date"],
            where="programme_id IS NOT NULL",
        )
        return super().init()

    def _query(self):
        step_columns = SQL(", ").join(
            SQL(
                "MAX(CASE WHEN touch.kind = %s THEN 1 ELSE 0 END) AS %s",
                kind,
                SQL.identifier(step),
            )
            for step, kind in FUNNEL_STEPS.items()
        )
        rates = SQL(", ").join(
            SQL(
                "COALESCE(steps.%s * 100.0 / NULLIF(steps.%s, 0), 0) AS %s",
                SQL.identifier(numerator),
                SQL.identifier(denominator),
                SQL.identifier(rate),
            )
            for rate, (numerator, denominator) in self._alumni_rates.items()
        )
        return SQL(
            """
            WITH steps AS (
                SELECT MIN(touch.id) AS id,
                       touch.partner_id,
                       touch.programme_id,
                       MIN(touch.date) AS first_touch,
                       %(step_columns)s
                  FROM alumni_lifecycle_event touch
                 WHERE touch.programme_id IS NOT NULL
                   AND touch.kind IN %(kinds)s
                 GROUP BY touch.programme_id, touch.partner_id
            ),
            latest_application AS (
                SELECT DISTINCT ON (application.programme_id, application.partner_id)
                       application.programme_id, application.partner_id,
                       application.intake_year, application.source, application.campus_id
                  FROM alumni_application application
                 ORDER BY application.programme_id, application.partner_id,
                          application.intake_year DESC, application.id DESC
            ),
            latest_enrollment AS (
                SELECT DISTINCT ON (enrollment.programme_id, enrollment.partner_id)
                       enrollment.programme_id, enrollment.partner_id, enrollment.campus_id
                  FROM alumni_enrollment enrollment
                 ORDER BY enrollment.programme_id, enrollment.partner_id,
                          enrollment.start_date DESC, enrollment.id DESC
            )
            SELECT steps.id,
                   steps.partner_id,
                   steps.programme_id,
                   programme.faculty_id,
                   COALESCE(application.campus_id, enrollment.campus_id) AS campus_id,
                   COALESCE(application.intake_year,
                            EXTRACT(YEAR FROM steps.first_touch)::int) AS intake_year,
                   make_date(COALESCE(application.intake_year,
                                      EXTRACT(YEAR FROM steps.first_touch)::int), 1, 1)
                       AS intake_date,
                   application.source,
                   steps.first_touch::date AS first_touch_date,
                   steps.requested, steps.attended_event, steps.applied,
                   steps.offered, steps.enrolled, steps.graduated,
                   %(rates)s
              FROM steps
              JOIN alumni_programme programme ON programme.id = steps.programme_id
              LEFT JOIN latest_application application
                ON application.programme_id = steps.programme_id
               AND application.partner_id = steps.partner_id
              LEFT JOIN latest_enrollment enrollment
                ON enrollment.programme_id = steps.programme_id
               AND enrollment.partner_id = steps.partner_id
            """,
            step_columns=step_columns,
            kinds=tuple(FUNNEL_STEPS.values()),
            rates=rates,
        )
