# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict
from typing import NamedTuple

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.models import UPDATE_BATCH_SIZE
from odoo.tools import SQL, email_normalize

from ..tools.bulk_create import bulk_create, unverified_create_overrides
from ..tools.row_importer import FAST_PATH_VERIFIED
from ..tools.x2many import linked_ids
from .alumni_application import OPEN_APPLICATION_STATES

LIFECYCLE_STAGES = [
    ("prospect", "Prospect"),
    ("applicant", "Applicant"),
    ("student", "Student"),
    ("alumnus", "Alumnus"),
    ("withdrawn", "Withdrawn"),
]
LINKEDIN_PROFILE = re.compile(
    r"^https://([a-z]{2,3}\.)?linkedin\.com/in/[A-Za-z0-9\-_%.]{3,100}/?$"
)
PLAIN_EMAIL = re.compile(r"[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
# The records of a person that their stage and cohort follow from.
LIFECYCLE_ONE2MANYS = ("enrollment_ids", "application_ids", "lifecycle_event_ids")
# The records whose touchpoints go with them.
LIFECYCLE_DOCUMENTS = ("alumni.enrollment", "alumni.application")
# The columns derived from them (and the log columns stored with them).
LIFECYCLE_COLUMNS = frozenset(
    {
        "lifecycle_stage",
        "graduation_year",
        "alumni_programme_id",
        "alumni_campus_id",
        "alumni_faculty_id",
        "write_uid",
        "write_date",
    }
)
# Who may read and write what the suite holds about a person: the Alumni
# roles, and a portal user for their own person (the portal may read no
# other person). Other employees see contacts without it.
PERSON_GROUPS = "usn_alumni_base.group_alumni_faculty,base.group_portal"
DEFAULT_MAX_MAILINGS_PARAM = "usn_alumni_base.default_max_mailings_per_month"
# What a complete profile holds, for profile_completeness (a mobile number
# counts for the phone).
PROFILE_FIELDS = (
    "email",
    "phone",
    "city",
    "birth_date",
    "image_1920",
    "linkedin_url",
    "interest_ids",
    "career_position_ids",
)


def _profile_completeness(values):
    """Share of PROFILE_FIELDS filled in ``values`` (a person or the values
    of one), in percent; a mobile number counts for the phone."""
    filled = sum(1 for name in PROFILE_FIELDS if values[name]) + bool(
        values["mobile"] and not values["phone"]
    )
    return round(100 * filled / len(PROFILE_FIELDS))


class LifecycleFacts(NamedTuple):
    """What a person's stage, cohort and programme follow from."""

    has_active: bool
    has_completed: bool
    has_withdrawn: bool
    graduation_year: int | None
    has_open_application: bool
    has_touchpoint: bool
    # The programme and campus of the latest enrolment, else of the latest
    # application.
    programme_id: int | None
    campus_id: int | None


def _stage_and_cohort(facts):
    """(lifecycle stage, graduation year) of a person's LifecycleFacts; a
    person with none is not in the lifecycle."""
    if facts is None:
        return False, 0
    if facts.has_active:
        stage = "student"
    elif facts.has_completed:
        stage = "alumnus"
    elif facts.has_withdrawn:
        stage = "withdrawn"
    elif facts.has_open_application:
        stage = "applicant"
    elif facts.has_touchpoint:
        stage = "prospect"
    else:
        stage = False
    return stage, facts.graduation_year or 0


def _lifecycle_facts_in_memory(partner):
    """LifecycleFacts of a person from the records in memory (a form being
    edited)."""
    enrollments = partner.enrollment_ids
    states = set(enrollments.mapped("state"))
    years = enrollments.filtered(lambda e: e.state == "completed").mapped("graduation_year")
    kept = {(record._name, record._origin.id) for record in enrollments} | {
        (record._name, record._origin.id) for record in partner.application_ids
    }
    latest = (
        enrollments.sorted(
            lambda e: (e.start_date or fields.Date.today(), e.id or 0), reverse=True
        )[:1]
        or partner.application_ids.sorted(
            lambda a: (a.date_submitted or fields.Date.today(), a.id or 0), reverse=True
        )[:1]
    )
    return LifecycleFacts(
        has_active="active" in states,
        has_completed="completed" in states,
        has_withdrawn="withdrawn" in states,
        graduation_year=max(years, default=0) or None,
        has_open_application=any(
            state in OPEN_APPLICATION_STATES for state in partner.application_ids.mapped("state")
        ),
        # The touchpoints of enrolments and applications removed in the form
        # go with them when it is saved.
        has_touchpoint=any(
            event.kind != "stage_change"
            and (
                event.res_model not in LIFECYCLE_DOCUMENTS
                or (event.res_model, event.res_id) in kept
            )
            for event in partner.lifecycle_event_ids
        ),
        programme_id=latest.programme_id.id,
        campus_id=latest.campus_id.id,
    )


def _email_normalized(email):
    """email_normalized of an address, as mail computes it; a plain
    lower-case address (dot-atom local part, no name, no comment) is its own
    normalised form and skips the parsing."""
    if email and PLAIN_EMAIL.fullmatch(email):
        return email
    return email_normalize(email, strict=False)


class ResPartner(models.Model):
    _inherit = "res.partner"

    student_number = fields.Char(
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="The person's number in the student information system.",
        groups=PERSON_GROUPS,
    )
    birth_date = fields.Date(copy=False, groups=PERSON_GROUPS)
    # Imports, duplicate detection and registrations find people by e-mail
    # address and by phone.
    email_normalized = fields.Char(index="btree_not_null")
    phone_sanitized = fields.Char(index="btree_not_null")
    lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        compute="_compute_lifecycle",
        store=True,
        index=True,
        copy=False,
        groups=PERSON_GROUPS,
        help="Follows from the person's enrolments, applications and timeline: "
        "student with an active enrolment, otherwise alumnus with a completed one, "
        "otherwise withdrawn, otherwise applicant with an open application, otherwise "
        "prospect once the person has any touchpoint on the timeline. Empty for contacts that are "
        "not in the student lifecycle.",
    )
    enrollment_ids = fields.One2many(
        "alumni.enrollment", "partner_id", string="Enrolments", groups=PERSON_GROUPS
    )
    application_ids = fields.One2many("alumni.application", "partner_id", groups=PERSON_GROUPS)
    prior_education_ids = fields.One2many(
        "alumni.prior.education", "partner_id", groups=PERSON_GROUPS
    )
    interest_ids = fields.Many2many(
        "alumni.interest",
        "res_partner_alumni_interest_rel",
        "partner_id",
        "interest_id",
        string="Interests",
        groups=PERSON_GROUPS,
    )
    consent_ids = fields.One2many(
        "alumni.consent", "partner_id", string="Consent History", groups=PERSON_GROUPS
    )
    current_consent_ids = fields.One2many(
        "alumni.consent",
        "partner_id",
        string="Consents",
        domain=[("is_current", "=", True)],
        readonly=True,
        groups=PERSON_GROUPS,
    )
    career_position_ids = fields.One2many(
        "alumni.career.position", "partner_id", string="Career", groups=PERSON_GROUPS
    )
    relation_ids = fields.One2many(
        "alumni.partner.relation", "partner_id", string="Family", groups=PERSON_GROUPS
    )
    lifecycle_event_ids = fields.One2many(
        "alumni.lifecycle.event",
        "partner_id",
        string="Timeline",
        readonly=True,
        groups=PERSON_GROUPS,
    )
    linkedin_url = fields.Char(string="LinkedIn Profile", groups=PERSON_GROUPS)
    is_deceased = fields.Boolean(string="Deceased", tracking=True, copy=False, groups=PERSON_GROUPS)
    deceased_date = fields.Date(string="Date of Death", copy=False, groups=PERSON_GROUPS)
    max_mailings_per_month = fields.Integer(
        string="Mailings per Month",
        default=lambda self: self._default_max_mailings_per_month(),
        help="The most mailings the person receives from the university in a month. "
        "0: none at all.",
    )
    profile_completeness = fields.Integer(
        compute="_compute_profile_completeness",
        store=True,
        aggregator="avg",
        help="Share of the profile that is filled in, in percent.",
        groups=PERSON_GROUPS,
    )
    last_verified_date = fields.Date(
        string="Verified On",
        copy=False,
        help="When the data was last confirmed as current.",
        groups=PERSON_GROUPS,
    )
    network_state = fields.Selection(
        selection=[
            ("none", "Not a member"),
            ("pending", "Pending approval"),
            ("member", "Member"),
            ("suspended", "Suspended"),
        ],
        string="Alumni Network",
        default="none",
        required=True,
        index=True,
        copy=False,
        help="Membership of the alumni network. Changed by the network's "
        "join, approval, suspension and leave process.",
        groups=PERSON_GROUPS,
    )
    is_school = fields.Boolean(
        string="Is a School", help="A school people come from (prior education)."
    )
    affiliated_faculty_ids = fields.Many2many(
        "alumni.faculty",
        string="Faculties",
        compute="_compute_affiliated_faculty_ids",
        search="_search_affiliated_faculty_ids",
        help="Faculties of the person's enrolments and applications.",
        groups=PERSON_GROUPS,
    )
    graduation_year = fields.Integer(
        compute="_compute_lifecycle",
        store=True,
        index=True,
        copy=False,
        aggregator=False,
        help="Year of the person's latest completed programme: their cohort.",
        groups=PERSON_GROUPS,
    )
    is_alumni_person = fields.Boolean(
        string="Added to People",
        index="btree_not_null",
        copy=False,
        groups=PERSON_GROUPS,
        help="Listed under People although the person has no lifecycle stage yet: "
        "staff added them there.",
    )
    # For grouping People; searches go through the enrolments themselves, so
    # these columns have no index to keep up as imports store them.
    alumni_programme_id = fields.Many2one(
        "alumni.programme",
        string="Programme",
        compute="_compute_lifecycle",
        store=True,
        copy=False,
        groups=PERSON_GROUPS,
        help="The programme of the person's latest enrolment, or of their latest application.",
    )
    alumni_campus_id = fields.Many2one(
        "alumni.campus",
        string="Campus",
        compute="_compute_lifecycle",
        store=True,
        copy=False,
        groups=PERSON_GROUPS,
        help="The campus of the person's latest enrolment, or of their latest application.",
    )
    alumni_faculty_id = fields.Many2one(
        "alumni.faculty",
        string="Faculty",
        compute="_compute_lifecycle",
        store=True,
        copy=False,
        groups=PERSON_GROUPS,
        help="The faculty of the person's programme.",
    )
    enrollment_count = fields.Integer(compute="_compute_alumni_counts", groups=PERSON_GROUPS)
    application_count = fields.Integer(compute="_compute_alumni_counts", groups=PERSON_GROUPS)
    lifecycle_event_count = fields.Integer(compute="_compute_alumni_counts", groups=PERSON_GROUPS)

    _sql_constraints = [
        (
            "student_number_uniq",
            "unique(student_number)",
            "Another person already has this student number.",
        ),
        (
            "max_mailings_per_month_positive",
            "CHECK(max_mailings_per_month >= 0)",
            "The number of mailings per month cannot be negative.",
        ),
    ]

    @api.model
    def _default_max_mailings_per_month(self):
        value = self.env["ir.config_parameter"].sudo().get_param(DEFAULT_MAX_MAILINGS_PARAM, "4")
        try:
            return max(int(value), 0)
        except ValueError:
            return 4

    @api.depends(*PROFILE_FIELDS, "mobile")
    def _compute_profile_completeness(self):
        for partner in self:
            partner.profile_completeness = _profile_completeness(partner)

    @api.depends("enrollment_ids.faculty_id", "application_ids.faculty_id")
    def _compute_affiliated_faculty_ids(self):
        # The units of the person's programmes and every unit above them, so
        # that a nursing student is affiliated with the Department of Nursing
        # and with the Faculty of Health. Record rules evaluate this field in
        # memory as well as through _search_affiliated_faculty_ids: both must
        # agree.
        Faculty = self.env["alumni.faculty"]
        for partner in self:
            units = partner.enrollment_ids.faculty_id | partner.application_ids.faculty_id
            partner.affiliated_faculty_ids = Faculty.browse(
                {
                    int(unit_id)
                    for unit_id in "".join(units.mapped("parent_path")).split("/")
                    if unit_id
                }
            )

    def _search_affiliated_faculty_ids(self, operator, value):
        """People with an enrolment or application in the given faculties or
        in any of their departments."""
        if operator not in ("in", "="):
            return NotImplemented
        ids = [value] if isinstance(value, int) else list(value or [])
        faculties = (
            self.env["alumni.faculty"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "child_of", ids)])
        )
        return [
            "|",
            ("enrollment_ids.faculty_id", "in", faculties.ids),
            ("application_ids.faculty_id", "in", faculties.ids),
        ]

    def _compute_alumni_counts(self):
        counts = {}
        for model, key in (
            ("alumni.enrollment", "enrollment_count"),
            ("alumni.application", "application_count"),
            ("alumni.lifecycle.event", "lifecycle_event_count"),
        ):
            counts[key] = dict(
                self.env[model]._read_group(
                    [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
                )
            )
        for partner in self:
            for key, by_partner in counts.items():
                partner[key] = by_partner.get(partner, 0)

    @api.constrains("student_number")
    def _check_student_number(self):
        for partner in self.filtered("student_number"):
            if partner.student_number != partner.student_number.strip():
                raise ValidationError(
                    self.env._(
                        "The student number of %(person)s has spaces around it.",
                        person=partner.display_name,
                    )
                )

    @api.constrains("linkedin_url")
    def _check_linkedin_url(self):
        for partner in self.filtered("linkedin_url"):
            if not LINKEDIN_PROFILE.match(partner.linkedin_url):
                raise ValidationError(
                    self.env._(
                        "“%(url)s” is not a LinkedIn profile address. It should look "
                        "like https://www.linkedin.com/in/your-name.",
                        url=partner.linkedin_url,
                    )
                )

    @api.constrains("is_deceased", "deceased_date")
    def _check_deceased_date(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("deceased_date"):
            if not partner.is_deceased:
                raise ValidationError(
                    self.env._(
                        "%(person)s has a date of death but is not marked as deceased.",
                        person=partner.display_name,
                    )
                )
            if partner.deceased_date > today:
                raise ValidationError(
                    self.env._(
                        "The date of death of %(person)s is in the future.",
                        person=partner.display_name,
                    )
                )

    @api.onchange("is_deceased")
    def _onchange_is_deceased(self):
        if not self.is_deceased:
            self.deceased_date = False

    @api.model_create_multi
    def create(self, vals_list):
        # Odoo checks the groups of the fields written, not of the fields a
        # new record is created with.
        self.check_field_access_rights(
            "create",
            [
                name
                for name in {name for vals in vals_list for name in vals}
                if name in self._fields and self._fields[name].groups == PERSON_GROUPS
            ],
        )
        for vals in vals_list:
            self._check_stage_not_typed(vals)
            self._normalize_alumni_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_stage_not_typed(vals)
        self._normalize_alumni_vals(vals)
        return super().write(vals)

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "search":
            anchor = arch.find(".//separator[@name='alumni_consent_filters']")
            if anchor is not None:
                for consent_filter in reversed(self._consent_filters()):
                    anchor.addnext(consent_filter)
        return arch, view

    @api.model
    def _consent_filters(self):
        """A search filter per consent purpose: the people whose current
        answer for it is "given"."""
        # Purposes are no secret; the view is built for whoever opens it.
        return [
            etree.Element(
                "filter",
                name=f"consent_{purpose.code}",
                string=self.env._("Consent: %(purpose)s", purpose=purpose.name),
                domain=repr(self._consent_domain(purpose.code)),
            )
            for purpose in self.env["alumni.consent.purpose"].sudo().search([])
        ]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Odoo checks the groups of the fields a domain reads, except for the
        # existence of related records, e.g. ("enrollment_ids", "!=", False):
        # whether a person has enrolments is for the Alumni roles too.
        self.check_field_access_rights(
            "read",
            [
                term[0].split(".", 1)[0]
                for term in domain
                if isinstance(term, (list, tuple)) and len(term) == 3 and isinstance(term[0], str)
            ],
        )
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def action_view_enrollments(self):
        return self._alumni_action("usn_alumni_base.alumni_enrollment_action")

    def action_view_applications(self):
        return self._alumni_action("usn_alumni_base.alumni_application_action")

    def action_view_timeline(self):
        return self._alumni_action("usn_alumni_base.alumni_lifecycle_event_action")

    def action_mark_verified(self):
        self.write({"last_verified_date": fields.Date.context_today(self)})

    def _alumni_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _check_stage_not_typed(self, vals):
        if {"lifecycle_stage", "graduation_year"} & vals.keys():
            raise UserError(
                self.env._(
                    "The lifecycle stage and the cohort cannot be set by hand: they "
                    "follow from the person's enrolments, applications and timeline."
                )
            )

    @api.model
    def _normalize_alumni_vals(self, vals):
        for name in ("student_number", "linkedin_url"):
            if isinstance(vals.get(name), str):
                vals[name] = vals[name].strip() or False

    @api.model
    def _alumni_bulk_computed_values(self, ids, vals_list):
        """The stored computed values of new people created by an import
        (``tools.bulk_create``), as their computes would give them.

        Given only for an individual contact without parent, company or user
        whose phone is already in E.164; every other record, and every
        stored computed field not given here, is computed by the ORM.
        """
        result = []
        for partner_id, vals in zip(ids, vals_list, strict=True):
            phone = vals.get("phone")
            if (
                vals.keys() & {"parent_id", "company_name", "mobile", "user_id"}
                or vals.get("is_company")
                or vals.get("type", "contact") != "contact"
                or (phone and not phone.startswith("+"))
            ):
                result.append({})
                continue
            result.append(
                {
                    "complete_name": (vals.get("name") or "").strip(),
                    "commercial_partner_id": partner_id,
                    "commercial_company_name": False,
                    "user_id": False,
                    "partner_share": True,
                    "email_normalized": _email_normalized(vals.get("email")),
                    "phone_sanitized": phone or False,
                    "profile_completeness": _profile_completeness(defaultdict(bool, vals)),
                }
            )
        return result

    # ------------------------------------------------------------------
    # Finding people
    # ------------------------------------------------------------------

    @api.model
    def _alumni_match_people(self, contacts):
        """The person each contact of ``contacts`` is (an empty record when
        nobody matches), in the order of ``contacts``.

        A contact is a dict with any of ``email``, ``student_number`` and
        ``phone``, already normalised (``tools.normalize.email`` and
        ``tools.normalize.phone``). It is the individual whose normalised
        e-mail address is that one; else, when the address is missing or
        unknown, the one with that student number; else the one whose phone
        in E.164 is that one. Among several, a person in the lifecycle comes
        before a plain contact, then the oldest record. One query per key,
        whatever the number of contacts.

        Runs as superuser: whoever registers for an event or asks for
        information is found among all people, not only those the current
        user may read; the caller learns only which person it is.
        """
        Partner = self.sudo()
        Partner.flush_model(
            ["email_normalized", "student_number", "phone_sanitized", "active", "lifecycle_stage"]
        )
        found = [Partner.browse() for _contact in contacts]
        for key, column in (
            ("email", "email_normalized"),
            ("student_number", "student_number"),
            ("phone", "phone_sanitized"),
        ):
            wanted = {
                contact[key]: None
                for contact, person in zip(contacts, found, strict=True)
                if not person and contact.get(key)
            }
            if not wanted:
                continue
            self.env.cr.execute(
                SQL(
                    """
                    SELECT DISTINCT ON (%(column)s) %(column)s, id
                      FROM res_partner
                     WHERE %(column)s = ANY(%(values)s) AND active AND NOT is_company
                     ORDER BY %(column)s, lifecycle_stage IS NULL, id
                    """,
                    column=SQL.identifier(column),
                    values=list(wanted),
                )
            )
            wanted.update(self.env.cr.fetchall())
            for index, contact in enumerate(contacts):
                if not found[index] and wanted.get(contact.get(key)):
                    found[index] = Partner.browse(wanted[contact[key]])
        return [person.with_env(self.env) for person in found]

    @api.model
    def _alumni_create_prospects(self, vals_list):
        """New people for strangers who showed interest (a registration, an
        information request): in the suite, without a creation message or
        follower. The touchpoint the caller writes makes them prospects.

        As superuser: a visitor of the website, or a user without an Alumni
        role, adds a person on behalf of the university.
        """
        Partner = self.sudo().with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        vals_list = [{**vals, "is_alumni_person": True} for vals in vals_list]
        if not vals_list:
            return self.browse()
        if not self._alumni_prospects_take_fast_path(vals_list):
            return Partner.create(vals_list).with_env(self.env)
        # The import's fast path (tools.bulk_create): one INSERT for all
        # the people, their subjects linked afterwards, one write per set.
        interests = [linked_ids(vals.pop("interest_ids", None)) for vals in vals_list]
        for vals in vals_list:
            Partner._normalize_alumni_vals(vals)
        prospects = bulk_create(Partner, vals_list, computed=Partner._alumni_bulk_computed_values)
        by_subjects = defaultdict(list)
        for prospect_id, interest_ids in zip(prospects.ids, interests, strict=True):
            if interest_ids:
                by_subjects[tuple(sorted(interest_ids))].append(prospect_id)
        for interest_ids, prospect_ids in by_subjects.items():
            Partner.browse(prospect_ids).write(
                {"interest_ids": [Command.link(interest_id) for interest_id in interest_ids]}
            )
        return prospects.with_env(self.env)

    @api.model
    def _alumni_prospects_take_fast_path(self, vals_list):
        """Whether the prospects of ``vals_list`` may be inserted by the
        import's fast path: every value a plain column (or the subjects),
        phones already in E.164, and ``create()`` overridden by no addon
        that the fast path was not checked against (with these values, the
        checked overrides do nothing that the fast path does not do)."""
        columns = {
            name
            for name, field in self._fields.items()
            if field.store and field.column_type and not field.compute
        }
        return not unverified_create_overrides(
            type(self), FAST_PATH_VERIFIED["res.partner"]
        ) and all(
            vals.keys() - {"interest_ids"} <= columns
            and not (vals.keys() & {"parent_id", "is_company", "type", "lifecycle_stage"})
            and (not vals.get("phone") or vals["phone"].startswith("+"))
            for vals in vals_list
        )

    # ------------------------------------------------------------------
    # Consents
    # ------------------------------------------------------------------

    @api.model
    def _consent_domain(self, purpose_code):
        """Domain of the people whose current answer for the purpose is 'given'.

        The one rule every addon uses to know who agreed to what.
        """
        return [
            (
                "consent_ids",
                "any",
                [
                    ("purpose_id.code", "=", purpose_code),
                    ("is_current", "=", True),
                    ("state", "=", "given"),
                ],
            )
        ]

    def _has_consent(self, purpose_code):
        """The people of self who currently consent to the purpose (one query)."""
        if not self:
            return self
        return self.with_context(active_test=False).search(
            [("id", "in", self.ids), *self._consent_domain(purpose_code)]
        )

    def _record_consent(self, purpose_code, state, source, evidence=None, date=None):
        """Record an answer (given or withdrawn) of each person in self.

        Withdrawing is as easy as giving: the same call with another state.
        """
        purpose = self.env["alumni.consent.purpose"].search([("code", "=", purpose_code)])
        if not purpose:
            raise UserError(
                self.env._("There is no consent purpose with code “%(code)s”.", code=purpose_code)
            )
        return self.env["alumni.consent"].create(
            [
                {
                    "partner_id": partner.id,
                    "purpose_id": purpose.id,
                    "state": state,
                    "source": source,
                    "wording_version": purpose.wording_version,
                    "evidence": evidence,
                    "date": date or fields.Datetime.now(),
                }
                for partner in self
            ]
        )

    # ------------------------------------------------------------------
    # Lifecycle stage
    # ------------------------------------------------------------------

    @api.depends(
        "enrollment_ids.state",
        "enrollment_ids.graduation_year",
        "enrollment_ids.programme_id",
        "enrollment_ids.campus_id",
        "enrollment_ids.start_date",
        "application_ids.state",
        "application_ids.programme_id",
        "application_ids.campus_id",
        "application_ids.date_submitted",
        "lifecycle_event_ids.kind",
    )
    def _compute_lifecycle(self):
        """The lifecycle stage, the cohort (graduation year) and the current
        programme, campus and faculty, from the person's enrolments,
        applications and timeline.

        Set-wise: the people stored in the database are derived with one
        query for all of them, however many they are; people being edited in
        a form (new records) from the records in memory.
        """
        stored = self.filtered("id")
        facts = stored._lifecycle_facts()
        for partner in self - stored:
            facts[partner.id] = _lifecycle_facts_in_memory(partner)
        programmes = self.env["alumni.programme"].browse(
            {f.programme_id for f in facts.values() if f.programme_id}
        )
        faculty_of = {
            # The faculty, the top of the unit the programme belongs to.
            programme.id: int(programme.faculty_id.parent_path.split("/", 1)[0])
            for programme in programmes
            if programme.faculty_id.parent_path
        }
        for partner in self:
            partner_facts = facts.get(partner.id)
            partner.lifecycle_stage, partner.graduation_year = _stage_and_cohort(partner_facts)
            programme_id = partner_facts.programme_id if partner_facts else False
            partner.alumni_programme_id = programme_id
            partner.alumni_campus_id = partner_facts.campus_id if partner_facts else False
            partner.alumni_faculty_id = faculty_of.get(programme_id, False)

    def _lifecycle_facts(self):
        """{person id: LifecycleFacts} of the people of self that have
        enrolments, applications or touchpoints, read in one query."""
        fields_of = {
            "alumni.enrollment": [
                "partner_id",
                "state",
                "graduation_year",
                "programme_id",
                "campus_id",
                "start_date",
            ],
            "alumni.application": [
                "partner_id",
                "state",
                "programme_id",
                "campus_id",
                "date_submitted",
            ],
            "alumni.lifecycle.event": ["partner_id", "kind"],
        }
        cache = self.env.cache
        one2manys = [self._fields[name] for name in LIFECYCLE_ONE2MANYS]
        # People known in memory to have none of those records, such as
        # contacts just created, need no query.
        unknown = [
            partner_id
            for partner_id, partner in zip(self.ids, self, strict=True)
            if not all(
                cache.contains(partner, field) and not cache.get(partner, field)
                for field in one2manys
            )
        ]
        if not unknown:
            return {}
        for model, names in fields_of.items():
            self.env[model].flush_model(names)
        self.env.cr.execute(
            SQL(
                """
                -- Each person's records are read through the partner_id
                -- index alone: a condition on a state beside it would let
                -- the planner combine it with the state index, which costs
                -- as much as the whole table when its statistics lag behind
                -- a large import.
                SELECT p.id,
                       COALESCE(enrolled.has_active, FALSE),
                       COALESCE(enrolled.has_completed, FALSE),
                       COALESCE(enrolled.has_withdrawn, FALSE),
                       enrolled.graduation_year,
                       COALESCE(applied.has_open, FALSE),
                       COALESCE(touched.has_touchpoint, FALSE),
                       COALESCE(latest_enrollment.programme_id, latest_application.programme_id),
                       CASE WHEN latest_enrollment.programme_id IS NOT NULL
                            THEN latest_enrollment.campus_id
                            ELSE latest_application.campus_id END
                  FROM unnest(%(ids)s::int[]) AS p(id)
                  LEFT JOIN LATERAL (
                        SELECT bool_or(e.state = 'active') AS has_active,
                               bool_or(e.state = 'completed') AS has_completed,
                               bool_or(e.state = 'withdrawn') AS has_withdrawn,
                               max(e.graduation_year) FILTER (WHERE e.state = 'completed')
                                   AS graduation_year
                          FROM alumni_enrollment e
                         WHERE e.partner_id = p.id
                       ) enrolled ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT bool_or(a.state IN %(open_states)s) AS has_open
                          FROM alumni_application a
                         WHERE a.partner_id = p.id
                       ) applied ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT bool_or(l.kind != 'stage_change') AS has_touchpoint
                          FROM alumni_lifecycle_event l
                         WHERE l.partner_id = p.id
                       ) touched ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT e.programme_id, e.campus_id
                          FROM alumni_enrollment e
                         WHERE e.partner_id = p.id
                         ORDER BY e.start_date DESC, e.id DESC
                         LIMIT 1
                       ) latest_enrollment ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT a.programme_id, a.campus_id
                          FROM alumni_application a
                         WHERE a.partner_id = p.id
                         ORDER BY a.date_submitted DESC, a.id DESC
                         LIMIT 1
                       ) latest_application ON TRUE
                """,
                ids=unknown,
                open_states=OPEN_APPLICATION_STATES,
            )
        )
        return {row[0]: LifecycleFacts(*row[1:]) for row in self.env.cr.fetchall()}

    def _write_multi(self, vals_list):
        # Where a stage is stored, its change goes on the timeline, whichever
        # code path changed the records it follows from. (So the timeline
        # holds the change once the stage is stored: when it is read, or at
        # the latest when the transaction's changes are flushed.)
        changing = [
            (partner.id, vals["lifecycle_stage"])
            for partner, vals in zip(self, vals_list, strict=True)
            if "lifecycle_stage" in vals
        ]
        before = {}
        if changing:
            self.env.cr.execute(
                SQL(
                    "SELECT id, lifecycle_stage FROM res_partner WHERE id = ANY(%s)",
                    [partner_id for partner_id, _stage in changing],
                )
            )
            before = dict(self.env.cr.fetchall())
        names = set(vals_list[0]) if vals_list else set()
        if (
            len(vals_list) > UPDATE_BATCH_SIZE
            and names - {"write_uid", "write_date"}
            and names <= LIFECYCLE_COLUMNS
            and all(vals.keys() == names for vals in vals_list)
        ):
            self._write_lifecycle_columns(sorted(names), vals_list)
        else:
            super()._write_multi(vals_list)
        self.env["alumni.lifecycle.event"]._append_stage_changes(
            [
                {
                    "partner_id": partner_id,
                    "kind": "stage_change",
                    "stage_from": before.get(partner_id),
                    "stage_to": stage or None,
                }
                for partner_id, stage in changing
                if (before.get(partner_id) or None) != (stage or None)
            ]
        )
        # As Odoo's own, this low-level write returns nothing.
        return None

    def _write_lifecycle_columns(self, names, vals_list):
        """Store the derived lifecycle columns of many people in one UPDATE.

        Odoo writes a hundred rows a statement; an import recomputes
        thousands of people at once, whose values are plain columns (no
        translation, no company dependence, no parent path), sent here as one
        typed array per column.
        """
        # The log columns are set here, as Odoo's own _write_multi sets them.
        names = [name for name in names if name not in ("write_uid", "write_date")]
        columns = [SQL.identifier(name) for name in names]
        arrays = [SQL("%s::int4[]", list(self._ids))]
        for name in names:
            column_type = SQL(self._fields[name].column_type[1])
            arrays.append(SQL("%s::%s[]", [vals[name] for vals in vals_list], column_type))
        self.env.execute_query(
            SQL(
                """
                UPDATE res_partner p
                   SET %(assignments)s, write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(arrays)s) AS r(id, %(columns)s)
                 WHERE p.id = r.id
                """,
                assignments=SQL(", ").join(SQL("%s = r.%s", column, column) for column in columns),
                uid=self.env.uid,
                now=self.env.cr.now(),
                arrays=SQL(", ").join(arrays),
                columns=SQL(", ").join(columns),
            )
        )

    # ------------------------------------------------------------------
    # Engagement
    # ------------------------------------------------------------------

    alumni_engagement_score = fields.Float(
        string="Engagement Score",
        compute="_compute_alumni_engagement_score",
        digits=(16, 2),
        groups="usn_alumni_base.group_alumni_faculty",
        help="Events attended, continuing education, network activity and mailing "
        "clicks, weighted and counting less as they age (Alumni settings). "
        "Alumni only.",
    )

    def _compute_alumni_engagement_score(self):
        # One query for the people at hand, as the user may see them.
        scores = dict(
            self.env["alumni.engagement.report"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["score:max"]
            )
        )
        for partner in self:
            partner.alumni_engagement_score = scores.get(partner, 0.0)
