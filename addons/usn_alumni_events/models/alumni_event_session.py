# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The registrations that hold a seat (in an event as in its sessions).
SEAT_STATES = ("open", "done")


class AlumniEventSession(models.Model):
    """A session of an event, such as the presentation of one programme at an
    Open Day, with its own seats. A visitor picks several sessions in one
    registration."""

    _name = "alumni.event.session"
    _description = "Event Session"
    _order = "event_id, sequence, date_begin, id"

    sequence = fields.Integer(default=10)
    event_id = fields.Many2one("event.event", required=True, index=True, ondelete="cascade")
    name = fields.Char(required=True, translate=True)
    programme_id = fields.Many2one(
        "alumni.programme",
        ondelete="restrict",
        help="The programme the session presents: the people who choose it show "
        "their interest in it.",
    )
    date_begin = fields.Datetime(string="Starts")
    date_end = fields.Datetime(string="Ends")
    location = fields.Char(help="Room or place of the session.")
    seats_max = fields.Integer(
        string="Seats", help="How many people the session takes; 0 for no limit."
    )
    registration_ids = fields.Many2many(
        "event.registration",
        "alumni_event_registration_session_rel",
        "session_id",
        "registration_id",
        string="Registrations",
    )
    seats_taken = fields.Integer(compute="_compute_seats")
    seats_available = fields.Integer(compute="_compute_seats")
    company_id = fields.Many2one(related="event_id.company_id", store=True)

    _sql_constraints = [
        (
            "seats_max_positive",
            "CHECK(seats_max >= 0)",
            "The seats of a session cannot be negative.",
        ),
    ]

    @api.depends("seats_max", "registration_ids.state", "registration_ids.active")
    def _compute_seats(self):
        """Seats taken by the registrations that hold a seat: one query."""
        taken = {}
        if self.ids:
            self.env["event.registration"].flush_model(["state", "active"])
            self.flush_model(["registration_ids"])
            self.env.cr.execute(
                """
                SELECT rel.session_id, COUNT(*)
                  FROM alumni_event_registration_session_rel rel
                  JOIN event_registration reg ON reg.id = rel.registration_id
                 WHERE rel.session_id = ANY(%s) AND reg.active AND reg.state = ANY(%s)
                 GROUP BY rel.session_id
                """,
                [list(self._origin.ids), list(SEAT_STATES)],
            )
            taken = dict(self.env.cr.fetchall())
        for session in self:
            session.seats_taken = taken.get(session._origin.id, 0)
            session.seats_available = (
                max(session.seats_max - session.seats_taken, 0) if session.seats_max else 0
            )

    @api.constrains("date_begin", "date_end")
    def _check_dates(self):
        for session in self:
            if session.date_begin and session.date_end and session.date_end < session.date_begin:
                raise ValidationError(
                    self.env._(
                        "The session “%(session)s” cannot end before it starts.",
                        session=session.name,
                    )
                )

    @api.depends("name", "date_begin")
    def _compute_display_name(self):
        for session in self:
            if session.date_begin:
                start = fields.Datetime.context_timestamp(
                    session.with_context(tz=session.event_id.date_tz or "UTC"),
                    session.date_begin,
                )
                session.display_name = f"{start:%H:%M} {session.name}"
            else:
                session.display_name = session.name

    def _check_seats_left(self):
        """Refuse when a session holds more people than its seats."""
        full = self.filtered(lambda s: s.seats_max and s.seats_taken > s.seats_max)
        if full:
            raise UserError(
                self.env._(
                    "There are no seats left in the session “%(session)s” of “%(event)s”. "
                    "Choose another session.",
                    session=full[0].name,
                    event=full[0].event_id.name,
                )
            )
