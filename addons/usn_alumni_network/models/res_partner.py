# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta
from werkzeug.urls import url_encode

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.osv import expression
from odoo.tools import email_normalize
from odoo.tools.misc import consteq, hmac

_logger = logging.getLogger(__name__)

# As in usn_alumni_base: the Alumni roles, and a portal user for their own person.
PERSON_GROUPS = "usn_alumni_base.group_alumni_faculty,base.group_portal"
VISIBILITY_LEVELS = [
    ("nobody", "Nobody"),
    ("members", "Network members"),
    ("public", "Everyone"),
]
VISIBILITY_FIELDS = (
    "visibility_email",
    "visibility_phone",
    "visibility_employer",
    "visibility_city",
    "visibility_career",
)
# The visibility levels each kind of viewer sees. The person themselves sees
# everything of their own profile; a suspended member sees nothing of the
# network.
VIEWER_LEVELS = {
    "visitor": ("public",),
    "non_member": ("public",),
    "pending": ("public",),
    "member": ("members", "public"),
    "officer": ("members", "public"),
    "suspended": (),
    "self": ("nobody", "members", "public"),
}
DIRECTORY_PURPOSE = "directory"
DIRECTORY_FILTERS = (
    "search",
    "programme_id",
    "graduation_year",
    "faculty_id",
    "employer",
    "industry",
    "city",
    "interest_id",
)

VERIFY_SCOPE = "usn_alumni_network.verify"
VERIFY_INTERVAL_MONTHS = 12
VERIFY_LINK_DAYS = 60
VERIFY_BATCH_SIZE = 500


class ResPartner(models.Model):
    _inherit = "res.partner"

    visibility_email = fields.Selection(
        VISIBILITY_LEVELS,
        string="Who Sees the E-mail",
        default="nobody",
        required=True,
        groups=PERSON_GROUPS,
    )
    visibility_phone = fields.Selection(
        VISIBILITY_LEVELS,
        string="Who Sees the Phone",
        default="nobody",
        required=True,
        groups=PERSON_GROUPS,
    )
    visibility_employer = fields.Selection(
        VISIBILITY_LEVELS,
        string="Who Sees the Employer",
        default="nobody",
        required=True,
        groups=PERSON_GROUPS,
        help="The employer and industry of the current position.",
    )
    visibility_city = fields.Selection(
        VISIBILITY_LEVELS,
        string="Who Sees the City",
        default="nobody",
        required=True,
        groups=PERSON_GROUPS,
    )
    visibility_career = fields.Selection(
        VISIBILITY_LEVELS,
        string="Who Sees the Career",
        default="nobody",
        required=True,
        groups=PERSON_GROUPS,
        help="The list of positions and the LinkedIn profile.",
    )
    visibility_profile = fields.Selection(
        [("members", "Network members"), ("public", "Everyone")],
        string="Who Sees the Page",
        default="members",
        required=True,
        groups=PERSON_GROUPS,
        help="Who finds the person in the directory and opens their page, once they "
        "have agreed to be listed: name, photo, programmes, interests and "
        "presentation. Every other field has its own setting.",
    )
    alumni_bio = fields.Text(
        string="Presentation",
        groups=PERSON_GROUPS,
        help="What the member tells other members about themselves.",
    )
    network_request_date = fields.Datetime(
        string="Asked to Join On", copy=False, groups=PERSON_GROUPS
    )
    network_request_note = fields.Text(
        string="Join Request",
        copy=False,
        groups=PERSON_GROUPS,
        help="What the person wrote when asking to join, for the officer who decides.",
    )

    alumni_contact_request_count = fields.Integer(
        string="Contact Requests",
        compute="_compute_alumni_contact_counts",
        groups="usn_alumni_base.group_alumni_user",
    )
    alumni_contact_report_count = fields.Integer(
        string="Abuse Reports",
        compute="_compute_alumni_contact_counts",
        groups="usn_alumni_base.group_alumni_user",
        help="Reports of members about this person.",
    )
    network_verify_reminder_date = fields.Date(
        string="Asked to Confirm On",
        copy=False,
        groups=PERSON_GROUPS,
        help="When the member was last asked by e-mail whether their data is still right.",
    )

    # ------------------------------------------------------------------
    # Actions (officers)
    # ------------------------------------------------------------------

    def action_network_approve(self):
        """Admit the pending people of self to the network."""
        self._check_network_officer()
        not_pending = self.filtered(lambda p: p.network_state != "pending")
        if not_pending:
            raise UserError(
                self.env._(
                    "Only pending requests can be approved; %(people)s did not ask to join.",
                    people=", ".join(not_pending.mapped("display_name")),
                )
            )
        self.sudo()._alumni_network_admit()
        return True

    def action_network_reject(self):
        return self._network_state_wizard("reject")

    def action_network_suspend(self):
        return self._network_state_wizard("suspend")

    def action_network_reinstate(self):
        self._check_network_officer()
        not_suspended = self.filtered(lambda p: p.network_state != "suspended")
        if not_suspended:
            raise UserError(
                self.env._(
                    "Only suspended members can be reinstated: %(people)s.",
                    people=", ".join(not_suspended.mapped("display_name")),
                )
            )
        self.sudo()._alumni_network_set_state(
            "member", "network_join", self.env._("Reinstated in the network")
        )
        return True

    def _network_state_wizard(self, decision):
        self._check_network_officer()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_network.alumni_network_state_wizard_action"
        )
        action["context"] = {
            "default_decision": decision,
            "default_partner_ids": [Command.set(self.ids)],
        }
        return action

    def _check_network_officer(self):
        """Membership decisions are the alumni officers'."""
        if not self.env.su and not self.env.user.has_group("usn_alumni_base.group_alumni_user"):
            raise AccessError(
                self.env._("Only alumni officers decide on memberships of the alumni network.")
            )
        self.check_access("write")

    # ------------------------------------------------------------------
    # Membership
    # ------------------------------------------------------------------

    @api.model
    def _alumni_network_request(self, values, user=None):
        """Someone asks to join the network from the website.

        ``values``: ``name``, ``email``, ``student_number``, ``birth_date``
        (a date or False) and ``note`` (what the person wrote). A logged-in
        user asks for their own person; a visitor is the known graduate
        they match (the student number with the birth date on record, or
        the e-mail address on record), else the person with that e-mail
        address, else a new person. A known graduate is admitted at once,
        when the welcome e-mail can go to the address on record; anyone
        else waits for an officer.

        Returns ``(person, outcome)``; outcome is ``member`` (admitted
        now), ``pending``, ``already_member`` or ``suspended``.

        As superuser: a visitor is matched among all people and added on
        behalf of the university; the caller learns only the outcome.
        """
        user = user or self.env.user
        Partner = self.sudo()
        email = email_normalize(values.get("email") or "") or False
        graduate = Partner.browse()
        if user._is_public():
            by_email, by_number = Partner._alumni_match_people(
                [{"email": email}, {"student_number": values.get("student_number") or None}]
            )
            by_number = by_number if values.get("student_number") else Partner.browse()
            number_and_birth_date = (
                by_number
                and values.get("birth_date")
                and by_number.birth_date == values["birth_date"]
                and by_number._alumni_known_graduates()
            )
            if by_email and by_email._alumni_known_graduates():
                graduate = by_email
            elif number_and_birth_date and by_number.email_normalized in (False, email):
                graduate = by_number
            # A graduate recognised by number and birth date who gives
            # another address than the one on record waits for an officer:
            # the welcome e-mail would go to an address no one checked.
            person = graduate or (by_number if number_and_birth_date else by_email)
            if not person:
                person = Partner._alumni_create_prospects(
                    [{"name": values.get("name") or email, "email": email}]
                ).sudo()
        else:
            person = user.partner_id.sudo()
            graduate = person._alumni_known_graduates()
        if person.network_state in ("member", "suspended"):
            return person, {"member": "already_member"}.get(person.network_state, "suspended")
        if graduate and not graduate.email:
            graduate.email = email
        person.write(
            {
                "network_state": "pending",
                "network_request_date": fields.Datetime.now(),
                "network_request_note": person._alumni_request_note(values),
            }
        )
        if graduate:
            try:
                with self.env.cr.savepoint():
                    graduate._alumni_network_admit()
                return person, "member"
            except UserError as error:
                # An officer decides; the reason is with the request.
                person.network_request_note += "\n" + self.env._(
                    "Not admitted at once: %(reason)s", reason=error.args[0]
                )
        return person, "pending"

    def _alumni_request_note(self, values):
        """The request as the officer reads it."""
        lines = [
            (self.env._("Name"), values.get("name")),
            (self.env._("E-mail"), values.get("email")),
            (self.env._("Student number"), values.get("student_number")),
            (self.env._("Birth date"), values.get("birth_date")),
            (self.env._("Message"), values.get("note")),
        ]
        return "\n".join(f"{label}: {value}" for label, value in lines if value)

    def _alumni_known_graduates(self):
        """The people of self with a completed enrolment (one query)."""
        if not self:
            return self
        return self.sudo().search(
            [("id", "in", self.ids), ("enrollment_ids", "any", [("state", "=", "completed")])]
        )

    def _alumni_network_admit(self):
        """Make the people of self members: portal access with Odoo's
        welcome e-mail for those without a user, and the join on the
        timeline."""
        self._alumni_network_grant_portal()
        self._alumni_network_set_state("member", "network_join", self.env._("Joined the network"))

    def _alumni_network_grant_portal(self):
        """Portal access through Odoo's portal wizard, which creates the
        user from the portal template and sends the welcome e-mail with the
        link to set a password."""
        without_user = self.filtered(lambda p: not p.with_context(active_test=False).user_ids)
        without_email = without_user.filtered(lambda p: not email_normalize(p.email or ""))
        if without_email:
            raise UserError(
                self.env._(
                    "%(people)s cannot be given access to the portal: the field "
                    "“Email” is empty or not an e-mail address.",
                    people=", ".join(without_email.mapped("display_name")),
                )
            )
        if not without_user:
            return
        wizard = (
            self.env["portal.wizard"]
            .sudo()
            .create({"partner_ids": [Command.set(without_user.ids)]})
        )
        for wizard_user in wizard.user_ids:
            wizard_user.action_grant_access()

    def _alumni_network_set_state(self, state, kind, reason):
        """Move the people of self to ``state`` and write ``kind`` on their
        timelines, with the reason as the description."""
        self.write({"network_state": state})
        self.env["alumni.lifecycle.event"]._append(
            [
                {
                    "partner_id": partner.id,
                    "kind": kind,
                    "name": reason,
                    "res_model": "res.partner",
                    "res_id": partner.id,
                }
                for partner in self
            ]
        )

    def _alumni_network_leave(self, reason=None):
        """The member leaves the network (their own decision)."""
        members = self.filtered(lambda p: p.network_state == "member")
        members.sudo()._alumni_network_set_state(
            "none",
            "network_leave",
            reason or self.env._("Left the network"),
        )
        return members

    # ------------------------------------------------------------------
    # Visibility: the one place that decides what the network shows
    # ------------------------------------------------------------------

    @api.model
    def _alumni_viewer_role(self, user=None):
        """What ``user`` is to the network: ``visitor``, ``non_member``,
        ``pending``, ``member``, ``suspended`` or ``officer``."""
        user = user or self.env.user
        if user._is_public():
            return "visitor"
        if user.has_group("usn_alumni_base.group_alumni_user"):
            return "officer"
        state = user.partner_id.sudo().network_state
        return {"member": "member", "suspended": "suspended", "pending": "pending"}.get(
            state, "non_member"
        )

    @api.model
    def _alumni_listed_domain(self, role, viewer=None):
        """The members a viewer of ``role`` finds in the directory: members
        who agreed to be listed, who show their page to this viewer, and
        who neither blocked ``viewer`` (a person) nor were blocked by them."""
        if role == "suspended":
            return expression.FALSE_DOMAIN
        domain = [
            ("network_state", "=", "member"),
            ("is_deceased", "=", False),
            *self._consent_domain(DIRECTORY_PURPOSE),
        ]
        if role not in ("member", "officer"):
            domain.append(("visibility_profile", "=", "public"))
        if viewer:
            blocked = self.env["alumni.contact.request"]._alumni_blocked_partner_ids(viewer)
            if blocked:
                domain.append(("id", "not in", blocked))
        return domain

    def _alumni_visible_profiles(self, user=None):
        """The profiles of the people of self that ``user`` may see, as
        plain values (only the fields they may see), in the order of self.

        A person's page is theirs to see while they are a member; an
        officer sees every member's page; anyone else sees the members the
        directory lists for them.

        Blocks hide people as in the directory; a person with whom the
        viewer has an accepted contact request shows their e-mail address,
        whatever visibility_email says, to this viewer only.

        Runs as superuser: a visitor or a member may not read other people;
        what they receive is decided here, field by field.
        """
        user = user or self.env.user
        role = self._alumni_viewer_role(user)
        Partner = self.sudo()
        people = Partner.browse(self.ids)
        if role == "suspended":
            return []
        own = people.filtered(lambda p: p == user.partner_id.sudo() and p.network_state == "member")
        if role == "officer":
            domain = [("network_state", "=", "member"), ("is_deceased", "=", False)]
        else:
            domain = self._alumni_listed_domain(role, user.partner_id)
        visible = Partner.search([("id", "in", (people - own).ids), *domain]) | own
        profiles = [
            partner._alumni_profile_values("self" if partner in own else role)
            for partner in people
            if partner in visible
        ]
        if profiles and role == "member":
            emails = self.env["alumni.contact.request"]._alumni_contact_emails(
                user.partner_id, self.browse([profile["id"] for profile in profiles])
            )
            for profile in profiles:
                if profile["id"] in emails:
                    profile.update(email=emails[profile["id"]], is_contact=True)
        return profiles

    @api.model
    def _alumni_directory_search(self, filters, offset=0, limit=20, user=None):
        """(number found, profiles of one page) of the directory for
        ``user``: the listed members matching ``filters`` (cleaned by
        _alumni_directory_clean_filters), searched only on what each
        member shows this viewer.

        Runs as superuser for the reason of _alumni_visible_profiles; the
        filters are ORM domains, so that what is typed reaches SQL only as
        parameters.
        """
        user = user or self.env.user
        role = self._alumni_viewer_role(user)
        if role == "suspended":
            return 0, []
        levels = list(VIEWER_LEVELS[role])
        domain = expression.AND(
            [
                self._alumni_listed_domain(role, user.partner_id),
                self._alumni_filter_domain(filters, levels),
            ]
        )
        Partner = self.sudo()
        total = Partner.search_count(domain)
        people = Partner.search(domain, offset=offset, limit=limit, order="name, id")
        return total, [partner._alumni_profile_values(role) for partner in people]

    @api.model
    def _alumni_directory_choices(self, user=None):
        """The choices of the directory's filters for ``user``: only values
        that some listed member shows this viewer. Runs as superuser for
        the reason of _alumni_visible_profiles; a bounded number of grouped
        queries, whatever the number of members."""
        user = user or self.env.user
        role = self._alumni_viewer_role(user)
        empty = {
            "programmes": [],
            "faculties": [],
            "graduation_years": [],
            "cities": [],
            "industries": [],
            "interests": [],
        }
        if role == "suspended":
            return empty
        levels = list(VIEWER_LEVELS[role])
        listed = self._alumni_listed_domain(role, user.partner_id)
        Partner = self.sudo()
        enrolments = (
            self.env["alumni.enrollment"]
            .sudo()
            ._read_group(
                [("partner_id", "any", listed), ("state", "!=", "withdrawn")], ["programme_id"]
            )
        )
        programmes = (
            self.env["alumni.programme"]
            .browse([programme.id for (programme,) in enrolments])
            .sudo()
        )
        faculties = programmes.faculty_id
        faculties |= faculties.browse(
            [int(i) for i in "/".join(faculties.mapped("parent_path")).split("/") if i]
        )
        years = Partner._read_group([*listed, ("graduation_year", "!=", 0)], ["graduation_year"])
        cities = Partner._read_group(
            [*listed, ("visibility_city", "in", levels), ("city", "!=", False)], ["city"]
        )
        industries = (
            self.env["alumni.career.position"]
            .sudo()
            ._read_group(
                [
                    ("is_current", "=", True),
                    ("industry_id", "!=", False),
                    ("partner_id", "any", [*listed, ("visibility_employer", "in", levels)]),
                ],
                ["industry_id"],
            )
        )
        interests = Partner._read_group([*listed, ("interest_ids", "!=", False)], ["interest_ids"])
        return {
            "programmes": sorted(
                ((p.id, p.name) for p in programmes), key=lambda choice: choice[1]
            ),
            "faculties": [(f.id, f.display_name) for f in faculties.sorted("complete_name")],
            "graduation_years": sorted((year for (year,) in years), reverse=True),
            "cities": sorted({city.strip() for (city,) in cities if city.strip()}),
            "industries": sorted(
                ((i.id, i.display_name) for (i,) in industries), key=lambda choice: choice[1]
            ),
            "interests": sorted(
                ((i.id, i.display_name) for (i,) in interests), key=lambda choice: choice[1]
            ),
        }

    @api.model
    def _alumni_directory_clean_filters(self, params):
        """The directory's filters from the query parameters: text trimmed,
        ids and years as integers.

        :raise UserError: naming the parameter that is not a number
        """
        filters = {}
        labels = {
            "programme_id": self.env._("Programme"),
            "graduation_year": self.env._("Graduation year"),
            "faculty_id": self.env._("Faculty"),
            "industry": self.env._("Industry"),
            "interest_id": self.env._("Interest"),
        }
        for name in DIRECTORY_FILTERS:
            # A NUL character cannot reach PostgreSQL: drop it, as the offers do.
            value = str(params.get(name) or "").replace("\x00", "").strip()
            if not value:
                continue
            if name in labels:
                if not value.isdigit() or len(value) > 9:
                    raise UserError(
                        self.env._(
                            "The filter “%(filter)s” must be chosen from its list "
                            "(got “%(value)s”).",
                            filter=labels[name],
                            value=value[:40],
                        )
                    )
                filters[name] = int(value)
            else:
                filters[name] = value[:100]
        return filters

    @api.model
    def _alumni_filter_domain(self, filters, levels):
        """The domain of the filters, each one searching only members who
        show the field it reads to viewers of ``levels``."""
        domains = []
        employer_visible = [("visibility_employer", "in", levels)]
        if filters.get("search"):
            domains.append(
                expression.OR(
                    [
                        [("name", "ilike", filters["search"])],
                        [
                            *employer_visible,
                            (
                                "career_position_ids",
                                "any",
                                [
                                    ("is_current", "=", True),
                                    ("employer_name", "ilike", filters["search"]),
                                ],
                            ),
                        ],
                    ]
                )
            )
        enrolment = [("state", "!=", "withdrawn")]
        if filters.get("programme_id"):
            domains.append(
                [
                    (
                        "enrollment_ids",
                        "any",
                        [*enrolment, ("programme_id", "=", filters["programme_id"])],
                    )
                ]
            )
        if filters.get("faculty_id"):
            domains.append(
                [
                    (
                        "enrollment_ids",
                        "any",
                        [*enrolment, ("faculty_id", "child_of", filters["faculty_id"])],
                    )
                ]
            )
        if filters.get("graduation_year"):
            domains.append([("graduation_year", "=", filters["graduation_year"])])
        if filters.get("employer"):
            domains.append(
                [
                    *employer_visible,
                    (
                        "career_position_ids",
                        "any",
                        [
                            ("is_current", "=", True),
                            ("employer_name", "ilike", filters["employer"]),
                        ],
                    ),
                ]
            )
        if filters.get("industry"):
            domains.append(
                [
                    *employer_visible,
                    (
                        "career_position_ids",
                        "any",
                        [("is_current", "=", True), ("industry_id", "=", filters["industry"])],
                    ),
                ]
            )
        if filters.get("city"):
            domains.append([("visibility_city", "in", levels), ("city", "=ilike", filters["city"])])
        if filters.get("interest_id"):
            domains.append([("interest_ids", "in", [filters["interest_id"]])])
        return expression.AND(domains) if domains else []

    def _alumni_profile_values(self, role):
        """What a viewer of ``role`` sees of this person (superuser record)."""
        self.ensure_one()
        levels = VIEWER_LEVELS[role]
        enrolments = self.enrollment_ids.filtered(lambda e: e.state != "withdrawn").sorted(
            lambda e: (e.start_date or fields.Date.today(), e.id), reverse=True
        )
        current = self.career_position_ids.filtered("is_current")[:1]
        shows_employer = self.visibility_employer in levels
        values = {
            "id": self.id,
            "name": self.name,
            "url": f"/alumni/member/{self.id}",
            "image_url": f"/alumni/member/{self.id}/avatar" if self.image_1920 else False,
            "programmes": [
                {
                    "name": enrolment.programme_id.name,
                    "faculty": enrolment.programme_id.faculty_id.display_name,
                    "year": enrolment.graduation_year or False,
                    "is_active": enrolment.state == "active",
                }
                for enrolment in enrolments
            ],
            "graduation_year": self.graduation_year or False,
            "interests": self.interest_ids.mapped("name"),
            "bio": self.alumni_bio or False,
            "email": self.email if self.visibility_email in levels else False,
            "phone": (self.phone or self.mobile) if self.visibility_phone in levels else False,
            "city": self.city if self.visibility_city in levels else False,
            "employer": current.employer_name if shows_employer and current else False,
            "industry": current.industry_id.name if shows_employer and current else False,
            "title": current.title if shows_employer and current else False,
            "career": [
                {
                    "title": position.title,
                    "employer": position.employer_name
                    if shows_employer or not position.is_current
                    else False,
                    "start_date": position.start_date,
                    "end_date": position.end_date,
                }
                for position in self.career_position_ids
            ]
            if self.visibility_career in levels
            else [],
            "linkedin_url": self.linkedin_url if self.visibility_career in levels else False,
        }
        return values

    def _alumni_member_avatar(self, user=None):
        """The person's photo (a superuser record) when ``user`` may see their
        page, else None."""
        if not self._alumni_visible_profiles(user):
            return None
        return self.sudo()

    # ------------------------------------------------------------------
    # Contact requests (alumni.contact.request): blocks hide people from each
    # other, and an accepted request shows each other's e-mail address.
    # ------------------------------------------------------------------

    def _compute_alumni_contact_counts(self):
        """Requests sent and received, and reports about each person of
        self (three grouped queries)."""
        Request = self.env["alumni.contact.request"]
        ids = [id_ for id_ in self.ids if isinstance(id_, int)]
        counts = dict.fromkeys(ids, 0)
        for field in ("sender_id", "recipient_id"):
            for partner, count in Request._read_group([(field, "in", ids)], [field], ["__count"]):
                counts[partner.id] += count
        reports = dict(
            self.env["alumni.contact.report"]._read_group(
                [("reported_partner_id", "in", ids)], ["reported_partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.alumni_contact_request_count = counts.get(partner.id, 0)
            partner.alumni_contact_report_count = reports.get(partner, 0)

    def action_view_alumni_contact_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_network.alumni_contact_request_action"
        )
        action["domain"] = ["|", ("sender_id", "=", self.id), ("recipient_id", "=", self.id)]
        return action

    def action_view_alumni_contact_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_network.alumni_contact_report_action"
        )
        action["domain"] = [("reported_partner_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Data that stays current: the yearly "is this still right?" e-mail and
    # its signed one-click confirmation.
    # ------------------------------------------------------------------

    @api.model
    def _alumni_verify_reminder_domain(self, today=None):
        """The members to ask now: data never confirmed or confirmed more
        than 12 months ago, not asked in the last 12 months, alive, with
        an e-mail address."""
        today = today or fields.Date.context_today(self)
        year_ago = today - relativedelta(months=VERIFY_INTERVAL_MONTHS)
        return [
            ("network_state", "=", "member"),
            ("is_deceased", "=", False),
            ("email_normalized", "!=", False),
            "|",
            ("last_verified_date", "=", False),
            ("last_verified_date", "<", year_ago),
            "|",
            ("network_verify_reminder_date", "=", False),
            ("network_verify_reminder_date", "<", year_ago),
        ]

    @api.model
    def _cron_alumni_verify_reminder(self, batch_size=VERIFY_BATCH_SIZE):
        """Daily: e-mail the members whose data may be stale (see
        _alumni_verify_reminder_domain), a batch at a time; the scheduler
        runs the action again while some are left."""
        Partner = self.sudo()
        domain = Partner._alumni_verify_reminder_domain()
        people = Partner.search(domain, limit=batch_size, order="id")
        if people:
            people._alumni_send_verify_reminder()
        remaining = Partner.search_count(domain) if len(people) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(people), remaining=remaining)
        return people

    def _alumni_send_verify_reminder(self):
        """E-mail the people of self the reminder (one mail each, queued)
        and note the day they were asked."""
        template = self.env.ref("usn_alumni_network.mail_template_network_verify_reminder")
        template.send_mail_batch(self.ids, email_layout_xmlid="mail.mail_notification_light")
        self.write({"network_verify_reminder_date": fields.Date.context_today(self)})

    def _alumni_verify_token(self, expires):
        """The signature of the confirmation link of this person until
        ``expires`` (a date)."""
        self.ensure_one()
        return hmac(self.env(su=True), VERIFY_SCOPE, (self.id, fields.Date.to_string(expires)))

    def _alumni_verify_url(self):
        """The signed "yes, still right" link of the reminder, valid for
        VERIFY_LINK_DAYS days."""
        self.ensure_one()
        expires = fields.Date.context_today(self) + relativedelta(days=VERIFY_LINK_DAYS)
        query = url_encode(
            {
                "partner_id": self.id,
                "expires": fields.Date.to_string(expires),
                "token": self._alumni_verify_token(expires),
            }
        )
        return f"{self.get_base_url()}/alumni/verify?{query}"

    @api.model
    def _alumni_verify_link_partner(self, partner_id, expires, token):
        """The member a confirmation link is for, as superuser, when its
        signature is right, it has not expired and the person is still a
        member; else an empty recordset. Runs as superuser: the link is
        opened without logging in; the signature stands for the person."""
        try:
            partner_id = int(partner_id)
            expires_date = fields.Date.to_date(expires)
        except (TypeError, ValueError):
            return self.browse()
        if not token or not expires_date or partner_id <= 0:
            return self.browse()
        partner = self.sudo().browse(partner_id).exists()
        if not partner or not consteq(partner._alumni_verify_token(expires_date), token):
            return self.browse()
        if expires_date < fields.Date.context_today(self):
            return self.browse()
        if partner.network_state != "member" or partner.is_deceased:
            return self.browse()
        return partner

    @api.model
    def _alumni_verify_link_expired(self, partner_id, expires, token):
        """Whether a link is rightly signed but out of date (to tell the
        person so rather than that the link is wrong)."""
        try:
            partner = self.sudo().browse(int(partner_id)).exists()
            expires_date = fields.Date.to_date(expires)
        except (TypeError, ValueError):
            return False
        return bool(
            partner
            and token
            and expires_date
            and consteq(partner._alumni_verify_token(expires_date), token)
            and expires_date < fields.Date.context_today(self)
        )
