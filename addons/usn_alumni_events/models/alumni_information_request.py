# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL

from odoo.addons.usn_alumni_base.tools import normalize
from odoo.addons.usn_alumni_base.tools.x2many import linked_ids

from .event_registration import DEFAULT_PHONE_REGION

# The general information e-mail, sent for programmes without their own.
DEFAULT_TEMPLATE_XMLID = "usn_alumni_events.mail_template_information_request"


class AlumniInformationRequest(models.Model):
    """Someone asks for information about one or more programmes.

    The request lands on the person it is from (found by e-mail address or
    phone like an event registration, else a new prospect), goes to their
    timeline once per programme, gives them the programmes' subjects as
    interests and is answered at once by each programme's information
    e-mail. Whether the person later came to an Open Day or applied is read
    from the timeline.
    """

    _name = "alumni.information.request"
    _description = "Information Request"
    _order = "date desc, id desc"
    _rec_name = "name"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Name as Given", required=True)
    email = fields.Char(string="E-mail as Given")
    phone = fields.Char(string="Phone as Given")
    programme_ids = fields.Many2many(
        "alumni.programme",
        string="Programmes",
        required=True,
        domain="[('website_published', '=', True)]",
    )
    preferred_event_id = fields.Many2one(
        "event.event",
        string="Preferred Open Day",
        index="btree_not_null",
        ondelete="set null",
        domain="[('alumni_event_kind', '=', 'open_day'), ('date_end', '>=', context_today())]",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    has_attended_open_day = fields.Boolean(
        string="Came to an Open Day",
        compute="_compute_outcome",
        search="_search_has_attended_open_day",
        help="The person attended an Open Day after the request.",
    )
    has_applied = fields.Boolean(
        string="Applied",
        compute="_compute_outcome",
        search="_search_has_applied",
        help="The person applied for a programme after the request.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _compute_outcome(self):
        """Both outcomes of the whole recordset in one query."""
        outcome = {}
        stored = self.filtered("id")._origin
        if stored:
            self._flush_outcome_sources()
            self.env.cr.execute(
                SQL(
                    "SELECT req.id, %(attended)s, %(applied)s "
                    "FROM alumni_information_request req WHERE req.id = ANY(%(ids)s)",
                    attended=self._sql_has_attended_open_day("req"),
                    applied=self._sql_has_applied("req"),
                    ids=stored.ids,
                )
            )
            outcome = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for request in self:
            attended, applied = outcome.get(request._origin.id, (False, False))
            request.has_attended_open_day = attended
            request.has_applied = applied

    def _search_has_attended_open_day(self, operator, value):
        return self._search_outcome(operator, value, self._sql_has_attended_open_day("req"))

    def _search_has_applied(self, operator, value):
        return self._search_outcome(operator, value, self._sql_has_applied("req"))

    def _search_outcome(self, operator, value, condition):
        if operator not in ("=", "!="):
            return NotImplemented
        self._flush_outcome_sources()
        positive = (operator == "=") == bool(value)
        subquery = SQL("(SELECT req.id FROM alumni_information_request req WHERE %s)", condition)
        return [("id", "in" if positive else "not in", subquery)]

    def _flush_outcome_sources(self):
        self.flush_model(["partner_id", "date"])
        self.env["alumni.lifecycle.event"].flush_model(
            ["partner_id", "kind", "date", "res_model", "res_id"]
        )
        self.env["event.registration"].flush_model(["event_id"])
        self.env["event.event"].flush_model(["alumni_event_kind"])

    @api.model
    def _sql_has_attended_open_day(self, alias):
        """SQL condition: the request at ``alias`` was followed by the
        person's attendance at an Open Day."""
        return SQL(
            """EXISTS (
                SELECT 1
                  FROM alumni_lifecycle_event touch
                  JOIN event_registration reg ON reg.id = touch.res_id
                  JOIN event_event event ON event.id = reg.event_id
                 WHERE touch.partner_id = %(alias)s.partner_id
                   AND touch.kind = 'event_attendance'
                   AND touch.res_model = 'event.registration'
                   AND touch.date >= %(alias)s.date
                   AND event.alumni_event_kind = 'open_day'
            )""",
            alias=SQL.identifier(alias),
        )

    @api.model
    def _sql_has_applied(self, alias):
        """SQL condition: the request at ``alias`` was followed by an
        application of the person."""
        return SQL(
            """EXISTS (
                SELECT 1
                  FROM alumni_lifecycle_event touch
                 WHERE touch.partner_id = %(alias)s.partner_id
                   AND touch.kind = 'application'
                   AND touch.date >= %(alias)s.date
            )""",
            alias=SQL.identifier(alias),
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._check_request_values(vals_list)
        self._match_request_to_partner(vals_list)
        requests = super().create(vals_list)
        requests._log_information_requests()
        requests._add_programme_interests()
        requests._send_information_mail()
        return requests

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _check_request_values(self, vals_list):
        """Refuse a request without a name, a valid e-mail address, a
        programme offered on the website, or with an invalid phone; keep the
        e-mail address and phone normalised. Nothing is stored before."""
        programmes = (
            self.env["alumni.programme"]
            .sudo()
            .with_context(active_test=False)
            .browse({pid for vals in vals_list for pid in linked_ids(vals.get("programme_ids"))})
        )
        # As superuser: a visitor may not read unpublished events either.
        events = (
            self.env["event.event"]
            .sudo()
            .browse(
                {vals["preferred_event_id"] for vals in vals_list if vals.get("preferred_event_id")}
            )
        )
        region = self.env.company.country_id.code or DEFAULT_PHONE_REGION
        for vals in vals_list:
            if isinstance(vals.get("name"), str):
                vals["name"] = vals["name"].strip()
            if not vals.get("name"):
                raise UserError(self.env._("Write your name (field “Name”)."))
            who = vals["name"]
            try:
                vals["email"] = normalize.email(vals.get("email"))
            except ValueError:
                raise UserError(
                    self.env._(
                        "“%(email)s” is not a valid e-mail address (field “E-mail” of the "
                        "request of %(name)s). Write one address, such as name@example.com.",
                        email=vals.get("email") or "",
                        name=who,
                    )
                ) from None
            if vals.get("phone") and str(vals["phone"]).strip():
                try:
                    vals["phone"] = normalize.phone(vals["phone"], region)
                except ValueError:
                    raise UserError(
                        self.env._(
                            "“%(phone)s” is not a valid phone number (field “Phone” of the "
                            "request of %(name)s). Write it with its country code, such as "
                            "+47 912 34 567.",
                            phone=vals["phone"],
                            name=who,
                        )
                    ) from None
            else:
                vals["phone"] = False
            event = events.browse(vals.get("preferred_event_id") or ())
            if event and (event.alumni_event_kind != "open_day" or event.is_finished):
                raise UserError(
                    self.env._(
                        "“%(event)s” is not an upcoming Open Day (field “Preferred Open Day” "
                        "of the request of %(name)s).",
                        event=event.name,
                        name=who,
                    )
                )
            chosen = programmes.browse(linked_ids(vals.get("programme_ids"))).exists()
            if not chosen:
                raise UserError(
                    self.env._(
                        "Choose at least one programme (field “Programmes” of the request "
                        "of %(name)s).",
                        name=who,
                    )
                )
            hidden = chosen.filtered(lambda p: not (p.active and p.website_published))
            if hidden:
                raise UserError(
                    self.env._(
                        "The programme “%(programme)s” is not offered for information "
                        "requests (field “Programmes” of the request of %(name)s).",
                        programme=hidden[0].display_name,
                        name=who,
                    )
                )

    @api.model
    def _match_request_to_partner(self, vals_list):
        """Give each request without a person the person it is from, by the
        suite's matching of people (e-mail address, then phone); strangers
        become new people, one for all the requests of one address."""
        todo = [vals for vals in vals_list if not vals.get("partner_id")]
        if not todo:
            return
        contacts = [{"email": vals.get("email"), "phone": vals.get("phone")} for vals in todo]
        people = self.env["res.partner"]._alumni_match_people(contacts)
        strangers = defaultdict(list)
        for vals, person in zip(todo, people, strict=True):
            if person:
                vals["partner_id"] = person.id
            else:
                strangers[vals["email"]].append(vals)
        if not strangers:
            return
        prospects = self.env["res.partner"]._alumni_create_prospects(
            [
                {"name": group[0]["name"], "email": group[0]["email"], "phone": group[0]["phone"]}
                for group in strangers.values()
            ]
        )
        for group, prospect in zip(strangers.values(), prospects, strict=True):
            for vals in group:
                vals["partner_id"] = prospect.id

    def _log_information_requests(self):
        """One information_request row per programme of each request."""
        rows = [
            {
                "partner_id": request.partner_id.id,
                "kind": "information_request",
                "date": request.date,
                "name": self.env._("Information request: %(programme)s", programme=programme.name),
                "programme_id": programme.id,
                "res_model": self._name,
                "res_id": request.id,
            }
            for request in self
            for programme in request.programme_ids
        ]
        self.env["alumni.lifecycle.event"]._append(rows)

    def _add_programme_interests(self):
        """Give the people the subjects of the programmes they asked about:
        one write per set of subjects."""
        interests_of = defaultdict(set)
        for request in self:
            interests_of[request.partner_id].update(request.programme_ids.interest_ids.ids)
        people_by_interests = defaultdict(lambda: self.env["res.partner"])
        for partner, interest_ids in interests_of.items():
            if interest_ids:
                people_by_interests[frozenset(interest_ids)] |= partner
        for interest_ids, people in people_by_interests.items():
            # As superuser: the subjects of a person are readable by the
            # Alumni roles only, and the requester may be a public visitor.
            people.sudo().write({"interest_ids": [Command.link(iid) for iid in interest_ids]})

    def _send_information_mail(self):
        """Queue, for every programme of every request, the programme's
        information e-mail (the general one when it has none)."""
        default = self.env.ref(DEFAULT_TEMPLATE_XMLID, raise_if_not_found=False)
        batches = defaultdict(list)
        for request in self:
            for programme in request.programme_ids:
                template = programme.sudo().information_mail_template_id or default
                if template:
                    batches[template, programme].append(request.id)
        for (template, programme), request_ids in batches.items():
            # As superuser: a visitor's request is answered by the university.
            template.sudo().with_context(information_programme_id=programme.id).send_mail_batch(
                request_ids
            )
