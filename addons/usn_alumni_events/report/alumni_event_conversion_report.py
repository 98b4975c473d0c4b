# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.usn_alumni_base.tools.sql_parameter import parameter_number

from ..models.event_type import ALUMNI_EVENT_KINDS

WINDOW_PARAM = "usn_alumni_events.conversion_window_months"
DEFAULT_WINDOW_MONTHS = 12


class AlumniEventConversionReport(models.Model):
    """What became of the people of each event.

    One row per event: the information requests that named it, the people
    registered (each person once; cancelled registrations left out), the
    people who attended, and among the people registered those who applied
    and those who enrolled after the event began and within the conversion
    window (``usn_alumni_events.conversion_window_months``, 12 months when
    not set), as the timeline records them; the same among the people who
    attended. The rates are percentages of the people registered, the
    attendees' rates percentages of the people who attended. An event's
    faculties are those it is aimed at and those of the programmes it
    presents (searched with ``child_of``, a faculty includes its departments).
    """

    _name = "alumni.event.conversion.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin"]
    _description = "Event Conversion Analysis"
    _auto = False
    _order = "date desc, event_id desc"
    _rec_name = "event_id"
    _alumni_rates = {
        "attendance_rate": ("attendee_count", "registration_count"),
        "application_rate": ("applied_count", "registration_count"),
        "enrollment_rate": ("enrolled_count", "registration_count"),
        "attendee_application_rate": ("attendee_applied_count", "attendee_count"),
        "attendee_enrollment_rate": ("attendee_enrolled_count", "attendee_count"),
    }

    event_id = fields.Many2one("event.event", readonly=True)
    alumni_event_kind = fields.Selection(ALUMNI_EVENT_KINDS, string="Kind of Event", readonly=True)
    date = fields.Datetime(string="Start", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    faculty_ids = fields.Many2many(
        "alumni.faculty",
        string="Faculties",
        compute="_compute_faculty_ids",
        search="_search_faculty_ids",
        help="The faculties the event is aimed at and those of the programmes it presents.",
    )
    information_request_count = fields.Integer(string="Information Requests", readonly=True)
    registration_count = fields.Integer(string="Registered", readonly=True)
    attendee_count = fields.Integer(string="Attended", readonly=True)
    applied_count = fields.Integer(
        string="Applied",
        readonly=True,
        help="People registered who applied after the event began, within the window.",
    )
    enrolled_count = fields.Integer(
        string="Enrolled",
        readonly=True,
        help="People registered who enrolled after the event began, within the window.",
    )
    attendee_applied_count = fields.Integer(
        string="Attended and Applied",
        readonly=True,
        help="People who attended and applied after the event began, within the window.",
    )
    attendee_enrolled_count = fields.Integer(
        string="Attended and Enrolled",
        readonly=True,
        help="People who attended and enrolled after the event began, within the window.",
    )
    attendance_rate = fields.Float(
        string="Attendance (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Attended, in percent of the people registered.",
    )
    application_rate = fields.Float(
        string="Application Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Applied, in percent of the people registered.",
    )
    enrollment_rate = fields.Float(
        string="Enrolment Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Enrolled, in percent of the people registered.",
    )
    attendee_application_rate = fields.Float(
        string="Attendees Applied (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Attended and applied, in percent of the people who attended.",
    )
    attendee_enrollment_rate = fields.Float(
        string="Attendees Enrolled (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Attended and enrolled, in percent of the people who attended.",
    )

    @api.depends("event_id.alumni_faculty_ids", "event_id.alumni_programme_ids.faculty_id")
    def _compute_faculty_ids(self):
        for row in self:
            event = row.event_id
            row.faculty_ids = event.alumni_faculty_ids | event.alumni_programme_ids.faculty_id

    def _search_faculty_ids(self, operator, value):
        if operator not in ("in", "=", "child_of"):
            raise UserError(
                self.env._(
                    "The faculties of an event can be searched with %(operators)s only.",
                    operators="in, =, child_of",
                )
            )
        return [
            "|",
            ("event_id.alumni_faculty_ids", operator, value),
            ("event_id.alumni_programme_ids.faculty_id", operator, value),
        ]

    def _query(self):
        return SQL(
            """
            WITH window_months AS (
                SELECT %(parameter)s AS months
            ),
            people AS (
                SELECT reg.event_id,
                       reg.partner_id,
                       bool_or(reg.state = 'done') AS attended
                  FROM event_registration reg
                 WHERE reg.active
                   AND reg.state != 'cancel'
                   AND reg.partner_id IS NOT NULL
                 GROUP BY reg.event_id, reg.partner_id
            ),
            conversions AS (
                SELECT people.event_id,
                       people.partner_id,
                       people.attended,
                       bool_or(touch.kind = 'application') AS applied,
                       bool_or(touch.kind = 'enrollment') AS enrolled
                  FROM people
                  JOIN event_event event ON event.id = people.event_id
                 CROSS JOIN window_months
                  LEFT JOIN alumni_lifecycle_event touch
                    ON touch.partner_id = people.partner_id
                   AND touch.kind IN ('application', 'enrollment')
                   AND touch.date > event.date_begin
                   AND touch.date <= event.date_begin
                                     + make_interval(months => window_months.months)
                 GROUP BY people.event_id, people.partner_id, people.attended
            ),
            per_event AS (
                SELECT event_id,
                       COUNT(*) AS registration_count,
                       COUNT(*) FILTER (WHERE attended) AS attendee_count,
                       COUNT(*) FILTER (WHERE applied) AS applied_count,
                       COUNT(*) FILTER (WHERE enrolled) AS enrolled_count,
                       COUNT(*) FILTER (WHERE attended AND applied) AS attendee_applied_count,
                       COUNT(*) FILTER (WHERE attended AND enrolled) AS attendee_enrolled_count
                  FROM conversions
                 GROUP BY event_id
            ),
            requests AS (
                SELECT preferred_event_id AS event_id, COUNT(*) AS information_request_count
                  FROM alumni_information_request
                 WHERE preferred_event_id IS NOT NULL
                 GROUP BY preferred_event_id
            )
            SELECT event.id AS id,
                   event.id AS event_id,
                   event.alumni_event_kind,
                   event.date_begin AS date,
                   event.company_id,
                   COALESCE(requests.information_request_count, 0) AS information_request_count,
                   COALESCE(per_event.registration_count, 0) AS registration_count,
                   COALESCE(per_event.attendee_count, 0) AS attendee_count,
                   COALESCE(per_event.applied_count, 0) AS applied_count,
                   COALESCE(per_event.enrolled_count, 0) AS enrolled_count,
                   COALESCE(per_event.attendee_applied_count, 0) AS attendee_applied_count,
                   COALESCE(per_event.attendee_enrolled_count, 0) AS attendee_enrolled_count,
                   COALESCE(per_event.attendee_count * 100.0
                            / NULLIF(per_event.registration_count, 0), 0) AS attendance_rate,
                   COALESCE(per_event.applied_count * 100.0
                            / NULLIF(per_event.registration_count, 0), 0) AS application_rate,
                   COALESCE(per_event.enrolled_count * 100.0
                            / NULLIF(per_event.registration_count, 0), 0) AS enrollment_rate,
                   COALESCE(per_event.attendee_applied_count * 100.0
                            / NULLIF(per_event.attendee_count, 0), 0) AS attendee_application_rate,
                   COALESCE(per_event.attendee_enrolled_count * 100.0
                            / NULLIF(per_event.attendee_count, 0), 0) AS attendee_enrollment_rate
              FROM event_event event
              LEFT JOIN per_event ON per_event.event_id = event.id
              LEFT JOIN requests ON requests.event_id = event.id
            """,
            parameter=parameter_number(WINDOW_PARAM, DEFAULT_WINDOW_MONTHS, whole=True),
        )
