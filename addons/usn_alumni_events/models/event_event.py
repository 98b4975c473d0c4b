# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .event_type import ALUMNI_EVENT_KINDS


class EventEvent(models.Model):
    """An event of the university: its kind, its audience (programmes,
    faculties, graduation cohorts), its sessions and its waiting list."""

    _inherit = "event.event"

    alumni_event_kind = fields.Selection(
        ALUMNI_EVENT_KINDS,
        string="Kind of Event",
        compute="_compute_alumni_from_type",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    alumni_programme_ids = fields.Many2many(
        "alumni.programme",
        string="Target Programmes",
        compute="_compute_alumni_from_type",
        store=True,
        readonly=False,
        help="The programmes the event presents. People who register without being "
        "known are given their subjects as interests.",
    )
    alumni_faculty_ids = fields.Many2many(
        "alumni.faculty",
        string="Target Faculties",
        compute="_compute_alumni_from_type",
        store=True,
        readonly=False,
    )
    alumni_cohort_from = fields.Integer(
        string="Cohorts From",
        aggregator=False,
        help="First graduation year the event is meant for (a reunion of a class).",
    )
    alumni_cohort_to = fields.Integer(
        string="Cohorts To",
        aggregator=False,
        help="Last graduation year the event is meant for.",
    )
    alumni_waitlist = fields.Boolean(
        string="Waiting List",
        compute="_compute_alumni_from_type",
        store=True,
        readonly=False,
        help="Registrations beyond the seats wait for a free seat instead of being "
        "refused; when a seat frees, the first one waiting gets it and an e-mail.",
    )
    alumni_session_ids = fields.One2many(
        "alumni.event.session", "event_id", string="Sessions", copy=True
    )
    alumni_waitlist_count = fields.Integer(
        string="Waiting", compute="_compute_alumni_waitlist_count"
    )

    # The event's figures of the conversion analysis.
    alumni_information_request_count = fields.Integer(
        string="Information Requests",
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_registered_count = fields.Integer(
        string="People Registered",
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_attended_count = fields.Integer(
        string="People Attended",
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_applied_count = fields.Integer(
        string="Applied Since",
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_enrolled_count = fields.Integer(
        string="Enrolled Since",
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_application_rate = fields.Float(
        string="Application Rate (%)",
        digits=(16, 1),
        compute="_compute_alumni_conversion",
        groups="usn_alumni_base.group_alumni_user",
    )

    _sql_constraints = [
        (
            "alumni_cohorts_ordered",
            "CHECK(alumni_cohort_from IS NULL OR alumni_cohort_to IS NULL "
            "OR alumni_cohort_from = 0 OR alumni_cohort_to = 0 "
            "OR alumni_cohort_from <= alumni_cohort_to)",
            "The first cohort of an event cannot come after its last cohort.",
        ),
    ]

    @api.depends("event_type_id")
    def _compute_alumni_from_type(self):
        """Take the kind, audience and waiting list of the template, as Odoo
        takes its seats and mails: when the template changes."""
        for event in self:
            template = event.event_type_id
            if not template:
                continue
            event.alumni_event_kind = template.alumni_event_kind or event.alumni_event_kind
            if template.alumni_programme_ids:
                event.alumni_programme_ids = template.alumni_programme_ids
            if template.alumni_faculty_ids:
                event.alumni_faculty_ids = template.alumni_faculty_ids
            event.alumni_waitlist = template.alumni_waitlist

    @api.depends("registration_ids.state")
    def _compute_alumni_waitlist_count(self):
        counts = dict(
            self.env["event.registration"]._read_group(
                [("event_id", "in", self.ids), ("state", "=", "waitlist")],
                ["event_id"],
                ["__count"],
            )
        )
        for event in self:
            event.alumni_waitlist_count = counts.get(event._origin, 0)

    def _compute_alumni_conversion(self):
        """The figures of the conversion analysis, one query for all events."""
        for model in ("event.registration", "alumni.lifecycle.event", "alumni.information.request"):
            self.env[model].flush_model()
        groups = self.env["alumni.event.conversion.report"]._read_group(
            [("event_id", "in", self._origin.ids)],
            ["event_id"],
            [
                "information_request_count:sum",
                "registration_count:sum",
                "attendee_count:sum",
                "applied_count:sum",
                "enrolled_count:sum",
                "application_rate:avg",
            ],
        )
        figures = {event: values for event, *values in groups}
        for event in self:
            (
                event.alumni_information_request_count,
                event.alumni_registered_count,
                event.alumni_attended_count,
                event.alumni_applied_count,
                event.alumni_enrolled_count,
                event.alumni_application_rate,
            ) = figures.get(event._origin, (0, 0, 0, 0, 0, 0.0))

    @api.depends("alumni_waitlist")
    def _compute_event_registrations_open(self):
        """An event with a waiting list stays open when its seats are taken."""
        result = super()._compute_event_registrations_open()
        for event in self.filtered(
            lambda e: e.alumni_waitlist and not e.event_registrations_open and e.seats_limited
        ):
            tickets = event.event_ticket_ids
            event.event_registrations_open = (
                event.event_registrations_started
                and not event.is_finished
                and not event._alumni_is_cancelled()
                and (not tickets or any(t.is_launched and not t.is_expired for t in tickets))
            )
        return result

    @api.depends("alumni_waitlist")
    def _compute_event_registrations_sold_out(self):
        result = super()._compute_event_registrations_sold_out()
        for event in self.filtered("alumni_waitlist"):
            event.event_registrations_sold_out = False
        return result

    def write(self, vals):
        result = super().write(vals)
        if {"seats_max", "seats_limited", "alumni_waitlist"} & vals.keys():
            self._alumni_promote_waitlist()
        return result

    def action_view_alumni_waitlist(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "event.event_registration_action_tree"
        )
        action["domain"] = [("event_id", "=", self.id), ("state", "=", "waitlist")]
        action["context"] = {"default_event_id": self.id}
        return action

    def _alumni_is_cancelled(self):
        """Whether the event is in Odoo's cancelled stage."""
        self.ensure_one()
        cancelled = self.env.ref("event.event_stage_cancelled", raise_if_not_found=False)
        return bool(cancelled) and self.stage_id == cancelled

    def _alumni_seats_free(self):
        """{event: free seats} for the events of self that limit their seats."""
        return {
            event: max(event.seats_available, 0)
            for event in self
            if event.seats_limited and event.seats_max
        }

    def _alumni_promote_waitlist(self):
        """Give the free seats of the events to the people waiting longest and
        tell them by e-mail. One search for all events."""
        events = self.filtered("alumni_waitlist")
        if not events:
            return self.env["event.registration"]
        waiting = (
            self.env["event.registration"]
            .sudo()
            .search(
                [("event_id", "in", events.ids), ("state", "=", "waitlist")],
                order="event_id, id",
            )
        )
        if not waiting:
            return waiting
        events.invalidate_recordset(["seats_available", "seats_reserved", "seats_used"])
        free = events._alumni_seats_free()
        promoted = waiting.browse()
        for event, registrations in waiting.grouped("event_id").items():
            seats = free.get(event, len(registrations))
            promoted |= registrations[:seats]
        promoted._alumni_confirm_from_waitlist()
        return promoted
