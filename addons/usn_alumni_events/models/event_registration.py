# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.usn_alumni_base.tools import normalize
from odoo.addons.usn_alumni_base.tools.x2many import linked_ids

from .alumni_event_session import SEAT_STATES

# Phone numbers written without a country code are read as numbers of this
# country when neither the event nor the company has one.
DEFAULT_PHONE_REGION = "NO"


class EventRegistration(models.Model):
    """A registration lands on the person it is for.

    A registration made with only a name, an e-mail address and a phone (the
    website's form, or the ORM) is given the person who has that e-mail
    address, else that student number, else that phone number; a new
    prospect only when nobody has. The same person registers once per event;
    a full event with a waiting list puts the registration on it. The
    registration and the attendance go to the person's timeline.
    """

    _inherit = "event.registration"

    state = fields.Selection(
        selection_add=[("waitlist", "Waiting List"), ("open",)],
        ondelete={"waitlist": lambda records: records.write({"state": "draft"})},
    )
    alumni_student_number = fields.Char(
        string="Student Number",
        groups="usn_alumni_base.group_alumni_faculty",
        help="Finds the person when their e-mail address is unknown.",
    )
    alumni_session_ids = fields.Many2many(
        "alumni.event.session",
        "alumni_event_registration_session_rel",
        "registration_id",
        "session_id",
        string="Sessions",
        domain="[('event_id', '=', event_id)]",
    )
    alumni_programme_ids = fields.Many2many(
        "alumni.programme",
        string="Programmes of Interest",
        compute="_compute_alumni_programme_ids",
        help="The programmes of the chosen sessions, else those the event presents.",
    )

    @api.depends("alumni_session_ids.programme_id", "event_id.alumni_programme_ids")
    def _compute_alumni_programme_ids(self):
        for registration in self:
            registration.alumni_programme_ids = (
                registration.alumni_session_ids.programme_id
                or registration.event_id.alumni_programme_ids
            )

    @api.constrains("event_id", "alumni_session_ids")
    def _check_alumni_sessions_of_event(self):
        for registration in self:
            stray = registration.alumni_session_ids.filtered(
                lambda s, r=registration: s.event_id != r.event_id
            )
            if stray:
                raise UserError(
                    self.env._(
                        "The session “%(session)s” is not part of “%(event)s”.",
                        session=stray[0].name,
                        event=registration.event_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._alumni_check_events_take_registrations(vals_list)
        self._alumni_normalize_contact_values(vals_list)
        self._alumni_put_on_waitlist_beyond_seats(vals_list)
        self._alumni_check_session_seats(vals_list)
        self._alumni_match_registration_to_partner(vals_list)
        # Odoo formats each phone with the person's country, read one person
        # at a time: read them all at once.
        self.env["res.partner"].browse(
            {
                vals["partner_id"]
                for vals in vals_list
                if vals.get("partner_id") and vals.get("phone")
            }
        ).mapped("country_id")
        # Odoo notes "created" in each new registration's chatter; the
        # registration itself and the person's timeline already say who
        # registered and when, and the note is about half the cost of a
        # batch. A caller that wants it says so (mail_create_nolog=False).
        creator = self.with_context(
            mail_create_nolog=self.env.context.get("mail_create_nolog", True)
        )
        registrations = super(EventRegistration, creator).create(vals_list).with_env(self.env)
        registrations._alumni_log_touchpoints("event_registration")
        registrations.filtered(lambda r: r.state == "done")._alumni_log_touchpoints(
            "event_attendance"
        )
        return registrations

    def write(self, vals):
        state = vals.get("state")
        attending = self.filtered(lambda r: r.state != "done") if state == "done" else None
        from_waitlist = (
            self.filtered(lambda r: r.state == "waitlist") if state in SEAT_STATES else None
        )
        freeing = (
            (state is not None and state not in SEAT_STATES)
            or vals.get("active") is False
            or "event_id" in vals
        )
        freed_events = self.filtered(lambda r: r.state in SEAT_STATES).event_id if freeing else None
        result = super().write(vals)
        if {"partner_id", "event_id", "state", "active"} & vals.keys():
            self._alumni_check_registered_once()
        if "partner_id" in vals:
            self.env["alumni.lifecycle.event"]._follow_documents(self)
        if state in SEAT_STATES or "alumni_session_ids" in vals:
            self.filtered(lambda r: r.state in SEAT_STATES).alumni_session_ids._check_seats_left()
        if attending:
            attending._alumni_log_touchpoints("event_attendance")
        if from_waitlist:
            from_waitlist._update_mail_schedulers()
            from_waitlist._alumni_tell_seat_given()
        if freed_events:
            freed_events._alumni_promote_waitlist()
        return result

    def toggle_active(self):
        freed_events = self.filtered(lambda r: r.active and r.state in SEAT_STATES).event_id
        result = super().toggle_active()
        freed_events._alumni_promote_waitlist()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_alumni_touchpoints(self):
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)

    def unlink(self):
        freed_events = self.filtered(lambda r: r.state in SEAT_STATES).event_id
        result = super().unlink()
        freed_events.exists()._alumni_promote_waitlist()
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_alumni_check_in(self):
        """Record that the people came: their registrations are attended."""
        refused = self.filtered(lambda r: r.state not in ("open", "done"))
        if refused:
            raise UserError(
                self.env._(
                    "%(name)s cannot be checked in: the registration is “%(state)s”.",
                    name=refused[0].name or refused[0].display_name,
                    state=dict(refused[0]._fields["state"]._description_selection(self.env))[
                        refused[0].state
                    ],
                )
            )
        self.filtered(lambda r: r.state != "done").action_set_done()
        return True

    @api.model
    def register_attendee(self, barcode, event_id):
        """The registration desk does not let someone on the waiting list in:
        they have no seat."""
        attendee = self.search([("barcode", "=", barcode)], limit=1)
        if attendee.state == "waitlist":
            result = attendee._get_registration_summary()
            result["status"] = "unconfirmed_registration"
            return result
        return super().register_attendee(barcode, event_id)

    # ------------------------------------------------------------------
    # Registrations land on the right person
    # ------------------------------------------------------------------

    @api.model
    def _alumni_check_events_take_registrations(self, vals_list):
        """Refuse registrations for a cancelled event or one that has ended."""
        events = self.env["event.event"].browse(
            {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        )
        for event in events:
            if event._alumni_is_cancelled():
                raise UserError(
                    self.env._(
                        "The event “%(event)s” is cancelled: it takes no registrations.",
                        event=event.name,
                    )
                )
            if event.is_finished:
                raise UserError(
                    self.env._(
                        "The event “%(event)s” has ended: it takes no registrations.",
                        event=event.name,
                    )
                )

    @api.model
    def _alumni_normalize_contact_values(self, vals_list):
        """Check the e-mail address and the phone of each registration and
        keep them normalised (lower-case address, phone in E.164)."""
        events = self.env["event.event"].browse(
            {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        )
        company_region = self.env.company.country_id.code
        regions = {
            event.id: event.country_id.code or company_region or DEFAULT_PHONE_REGION
            for event in events
        }
        for vals in vals_list:
            who = vals.get("name") or vals.get("email") or self.env._("a registration")
            if vals.get("email"):
                try:
                    vals["email"] = normalize.email(vals["email"])
                except ValueError:
                    raise UserError(
                        self.env._(
                            "“%(email)s” is not a valid e-mail address (registration of "
                            "%(name)s). Write one address, such as name@example.com.",
                            email=vals["email"],
                            name=who,
                        )
                    ) from None
            if vals.get("phone"):
                region = regions.get(vals.get("event_id")) or DEFAULT_PHONE_REGION
                try:
                    vals["phone"] = normalize.phone(vals["phone"], region)
                except ValueError:
                    raise UserError(
                        self.env._(
                            "“%(phone)s” is not a valid phone number (registration of "
                            "%(name)s). Write it with its country code, such as +47 912 34 567.",
                            phone=vals["phone"],
                            name=who,
                        )
                    ) from None
            number = vals.get("alumni_student_number")
            if isinstance(number, str):
                vals["alumni_student_number"] = number.strip() or False

    @api.model
    def _alumni_match_registration_to_partner(self, vals_list):
        """Give each registration without a person the person it is for: the
        one known by its e-mail address, student number or phone, else a new
        prospect. Matching costs one query per key and creating the
        prospects one create, for the whole batch."""
        todo = [
            vals
            for vals in vals_list
            if not vals.get("partner_id")
            and (vals.get("email") or vals.get("phone") or vals.get("alumni_student_number"))
        ]
        if not todo:
            self._alumni_check_vals_registered_once(vals_list)
            return
        contacts = [
            {
                "email": vals.get("email"),
                "student_number": vals.get("alumni_student_number"),
                "phone": vals.get("phone"),
            }
            for vals in todo
        ]
        people = self.env["res.partner"]._alumni_match_people(contacts)
        strangers = defaultdict(list)
        for vals, contact, person in zip(todo, contacts, people, strict=True):
            if person:
                vals["partner_id"] = person.id
            else:
                # One prospect for the registrations of one stranger.
                key = contact["email"] or contact["student_number"] or contact["phone"]
                strangers[key].append(vals)
        # Refused before any prospect is made.
        self._alumni_check_vals_registered_once(vals_list, strangers.values())
        if strangers:
            prospects = self._alumni_create_prospects([group[0] for group in strangers.values()])
            for group, prospect in zip(strangers.values(), prospects, strict=True):
                for vals in group:
                    vals["partner_id"] = prospect.id

    @api.model
    def _alumni_create_prospects(self, vals_list):
        """New people for registrations of strangers, interested in what the
        event (or the chosen sessions) presents."""
        events = self.env["event.event"].sudo().browse({vals.get("event_id") for vals in vals_list})
        sessions = (
            self.env["alumni.event.session"]
            .sudo()
            .browse(
                {
                    session_id
                    for vals in vals_list
                    for session_id in linked_ids(vals.get("alumni_session_ids"))
                }
            )
        )
        (events | sessions.event_id).alumni_programme_ids.interest_ids.fetch(["id"])
        partner_vals = []
        for vals in vals_list:
            event = events.browse(vals.get("event_id"))
            chosen = sessions.browse(linked_ids(vals.get("alumni_session_ids")))
            programmes = chosen.programme_id or event.alumni_programme_ids
            partner_vals.append(
                {
                    "name": vals.get("name") or vals.get("email") or vals.get("phone"),
                    "email": vals.get("email") or False,
                    "phone": vals.get("phone") or False,
                    "student_number": vals.get("alumni_student_number") or False,
                    "interest_ids": [fields.Command.set(programmes.interest_ids.ids)],
                }
            )
        return self.env["res.partner"]._alumni_create_prospects(partner_vals)

    @api.model
    def _alumni_put_on_waitlist_beyond_seats(self, vals_list):
        """Registrations beyond the free seats of an event (or a ticket) go
        on its waiting list; without a waiting list they are refused before
        anything is created."""
        events = self.env["event.event"].browse(
            {vals["event_id"] for vals in vals_list if vals.get("event_id")}
        )
        tickets = self.env["event.event.ticket"].browse(
            {vals["event_ticket_id"] for vals in vals_list if vals.get("event_ticket_id")}
        )
        free = events._alumni_seats_free()
        free.update(
            {
                ticket: max(ticket.seats_available, 0)
                for ticket in tickets
                if ticket.seats_limited and ticket.seats_max
            }
        )
        if not free:
            return
        for vals in vals_list:
            if vals.get("state", "open") not in SEAT_STATES:
                continue
            event = events.browse(vals.get("event_id"))
            ticket = tickets.browse(vals.get("event_ticket_id"))
            limits = [record for record in (event, ticket) if record and record in free]
            if all(free[record] > 0 for record in limits):
                for record in limits:
                    free[record] -= 1
                continue
            if event.alumni_waitlist:
                vals["state"] = "waitlist"
                continue
            full = next(record for record in limits if free[record] <= 0)
            name = vals.get("name") or vals.get("email") or self.env._("this registration")
            if full._name == "event.event.ticket":
                raise UserError(
                    self.env._(
                        "The ticket “%(ticket)s” of “%(event)s” is sold out: no seats are "
                        "left for %(name)s.",
                        ticket=full.name,
                        event=event.name,
                        name=name,
                    )
                )
            raise UserError(
                self.env._(
                    "“%(event)s” is full: no seats are left for %(name)s.",
                    event=event.name,
                    name=name,
                )
            )

    @api.model
    def _alumni_check_vals_registered_once(self, vals_list, stranger_groups=()):
        """Refuse registration values that register one person twice for one
        event, among themselves or with the registrations stored (a
        cancelled registration does not count). One query."""

        def who(vals):
            return vals.get("name") or vals.get("email") or vals.get("phone")

        seen = {}
        for vals in vals_list:
            if vals.get("partner_id") and vals.get("event_id") and vals.get("state") != "cancel":
                pair = (vals["event_id"], vals["partner_id"])
                if pair in seen:
                    self._alumni_raise_registered_twice(*pair)
                seen[pair] = vals
        for group in stranger_groups:
            events = [vals.get("event_id") for vals in group if vals.get("state") != "cancel"]
            if len(events) != len(set(events)):
                raise UserError(
                    self.env._(
                        "%(person)s is registered twice for “%(event)s”.",
                        person=who(group[0]),
                        event=self.env["event.event"].browse(group[0]["event_id"]).name,
                    )
                )
        self._alumni_refuse_registered_pairs(seen, stored=0)

    @api.model
    def _alumni_raise_registered_twice(self, event_id, partner_id):
        raise UserError(
            self.env._(
                "%(person)s is already registered for “%(event)s”.",
                person=self.env["res.partner"].sudo().browse(partner_id).display_name,
                event=self.env["event.event"].browse(event_id).name,
            )
        )

    @api.model
    def _alumni_check_session_seats(self, vals_list):
        """Refuse registration values that take more seats in a session than
        it has left, before anything is created."""
        wanted = defaultdict(int)
        for vals in vals_list:
            if vals.get("state", "open") in SEAT_STATES:
                for session_id in linked_ids(vals.get("alumni_session_ids")):
                    wanted[session_id] += 1
        sessions = self.env["alumni.event.session"].browse(wanted)
        for session in sessions.filtered("seats_max"):
            if wanted[session.id] > session.seats_available:
                raise UserError(
                    self.env._(
                        "There are no seats left in the session “%(session)s” of “%(event)s”. "
                        "Choose another session.",
                        session=session.name,
                        event=session.event_id.name,
                    )
                )

    def _alumni_check_registered_once(self):
        """Refuse a second registration of one person for one event (a
        cancelled registration does not count). One query."""
        pairs = {(r.event_id.id, r.partner_id.id) for r in self if r.partner_id and r.event_id}
        self._alumni_refuse_registered_pairs(pairs, stored=1)

    @api.model
    def _alumni_refuse_registered_pairs(self, pairs, stored):
        """Raise when an (event, person) pair of ``pairs`` has more than
        ``stored`` registrations that count (active, not cancelled). One
        query."""
        if not pairs:
            return
        self.flush_model(["event_id", "partner_id", "state", "active"])
        event_ids, partner_ids = zip(*pairs, strict=True)
        self.env.cr.execute(
            SQL(
                """
                SELECT reg.event_id, reg.partner_id
                  FROM event_registration reg
                  JOIN unnest(%(events)s::int[], %(partners)s::int[]) AS pair(event_id, partner_id)
                    ON pair.event_id = reg.event_id AND pair.partner_id = reg.partner_id
                 WHERE reg.active AND reg.state != 'cancel'
                 GROUP BY reg.event_id, reg.partner_id
                HAVING COUNT(*) > %(stored)s
                 LIMIT 1
                """,
                events=list(event_ids),
                partners=list(partner_ids),
                stored=stored,
            )
        )
        twice = self.env.cr.fetchone()
        if twice:
            self._alumni_raise_registered_twice(*twice)

    # ------------------------------------------------------------------
    # Waiting list
    # ------------------------------------------------------------------

    def _alumni_confirm_from_waitlist(self):
        """Give the waiting registrations of self a seat (the e-mail goes in
        write())."""
        if self:
            self.write({"state": "open"})

    def _alumni_tell_seat_given(self):
        """E-mail the people who were waiting that they have a seat."""
        template = self.env.ref(
            "usn_alumni_events.mail_template_waitlist_seat", raise_if_not_found=False
        )
        if template and self:
            template.sudo().send_mail_batch(self.ids)

    # ------------------------------------------------------------------
    # Timeline
    # ------------------------------------------------------------------

    def _alumni_log_touchpoints(self, kind):
        """One timeline entry of ``kind`` per programme of interest of each
        registration (one without programme when there is none)."""
        now = fields.Datetime.now()
        rows = []
        for registration in self.filtered("partner_id"):
            if kind == "event_registration" and registration.state == "cancel":
                continue
            for programme in registration.alumni_programme_ids or [None]:
                rows.append(
                    {
                        "partner_id": registration.partner_id.id,
                        "kind": kind,
                        "date": now,
                        "name": registration.event_id.name,
                        "programme_id": programme.id if programme else None,
                        "res_model": self._name,
                        "res_id": registration.id,
                    }
                )
        self.env["alumni.lifecycle.event"]._append(rows)
