# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, email_normalize

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
    )
    birth_date = fields.Date(copy=False)
    # Imports and duplicate detection find people by e-mail address.
    email_normalized = fields.Char(index="btree_not_null")
    lifecycle_stage = fields.Selection(
        LIFECYCLE_STAGES,
        readonly=True,
        index=True,
        copy=False,
        help="Follows from the person's enrolments, applications and timeline: "
        "student with an active enrolment, otherwise alumnus with a completed one, "
        "otherwise withdrawn, otherwise applicant with an open application, otherwise "
        "prospect once the person has any touchpoint on the timeline. Empty for contacts that are "
        "not in the student lifecycle.",
    )
    enrollment_ids = fields.One2many("alumni.enrollment", "partner_id", string="Enrolments")
    application_ids = fields.One2many("alumni.application", "partner_id")
    prior_education_ids = fields.One2many("alumni.prior.education", "partner_id")
    interest_ids = fields.Many2many(
        "alumni.interest",
        "res_partner_alumni_interest_rel",
        "partner_id",
        "interest_id",
        string="Interests",
    )
    consent_ids = fields.One2many("alumni.consent", "partner_id", string="Consent History")
    current_consent_ids = fields.One2many(
        "alumni.consent",
        "partner_id",
        string="Consents",
        domain=[("is_current", "=", True)],
        readonly=True,
    )
    career_position_ids = fields.One2many("alumni.career.position", "partner_id", string="Career")
    relation_ids = fields.One2many("alumni.partner.relation", "partner_id", string="Family")
    lifecycle_event_ids = fields.One2many(
        "alumni.lifecycle.event", "partner_id", string="Timeline", readonly=True
    )
    linkedin_url = fields.Char(string="LinkedIn Profile")
    is_deceased = fields.Boolean(string="Deceased", tracking=True, copy=False)
    deceased_date = fields.Date(string="Date of Death", copy=False)
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
    )
    last_verified_date = fields.Date(
        string="Verified On", copy=False, help="When the data was last confirmed as current."
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
    )
    graduation_year = fields.Integer(
        readonly=True,
        index=True,
        copy=False,
        aggregator=False,
        help="Year of the person's latest completed programme: their cohort.",
    )
    enrollment_count = fields.Integer(compute="_compute_alumni_counts")
    application_count = fields.Integer(compute="_compute_alumni_counts")
    lifecycle_event_count = fields.Integer(compute="_compute_alumni_counts")

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
        for vals in vals_list:
            self._check_stage_not_typed(vals)
            self._normalize_alumni_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_stage_not_typed(vals)
        self._normalize_alumni_vals(vals)
        return super().write(vals)

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
        # A merge copies every field onto the person kept, then derives the
        # stage and cohort again.
        if {"lifecycle_stage", "graduation_year"} & vals.keys() and not (
            self.env.context.get("alumni_merge")
        ):
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

    def _update_lifecycle(self):
        """Derive the lifecycle stage and the cohort (graduation year) of the
        people in self from their enrolments, applications and timeline, store
        the ones that changed and write a timeline entry for each change of
        stage.

        Set-wise and flat: one statement derives and stores every value, one
        more writes the timeline, whatever the number of people.
        """
        ids = [pid for pid in self.ids if pid]
        if not ids or self.env.context.get("alumni_defer_lifecycle"):
            # An import derives the lifecycle once per batch instead.
            return
        self.env["alumni.enrollment"].flush_model(["partner_id", "state", "graduation_year"])
        self.env["alumni.application"].flush_model(["partner_id", "state"])
        self.env["alumni.lifecycle.event"].flush_model(["partner_id", "kind"])
        self.env.cr.execute(
            SQL(
                """
                WITH derived AS (
                    -- Each person's records are read through the partner_id
                    -- index alone: a condition on a state beside it would let
                    -- the planner combine it with the state index, which
                    -- costs as much as the whole table when its statistics
                    -- lag behind a large import.
                    SELECT p.id, p.lifecycle_stage AS old_stage, CASE
                        WHEN enrolled.has_active THEN 'student'
                        WHEN enrolled.has_completed THEN 'alumnus'
                        WHEN enrolled.has_withdrawn THEN 'withdrawn'
                        WHEN applied.has_open THEN 'applicant'
                        WHEN touched.has_touchpoint THEN 'prospect'
                        END AS new_stage,
                        p.graduation_year AS old_year,
                        enrolled.graduation_year AS new_year
                      FROM res_partner p
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
                            SELECT bool_or(a.state IN ('submitted', 'offered', 'accepted'))
                                       AS has_open
                              FROM alumni_application a
                             WHERE a.partner_id = p.id
                           ) applied ON TRUE
                      LEFT JOIN LATERAL (
                            SELECT bool_or(l.kind != 'stage_change') AS has_touchpoint
                              FROM alumni_lifecycle_event l
                             WHERE l.partner_id = p.id
                           ) touched ON TRUE
                     WHERE p.id = ANY(%(ids)s)
                )
                UPDATE res_partner p
                   SET lifecycle_stage = derived.new_stage,
                       graduation_year = derived.new_year,
                       write_uid = %(uid)s,
                       write_date = %(now)s
                  FROM derived
                 WHERE p.id = derived.id
                   AND (derived.old_stage IS DISTINCT FROM derived.new_stage
                        OR derived.old_year IS DISTINCT FROM derived.new_year)
             RETURNING p.id, derived.old_stage, derived.new_stage
                """,
                ids=ids,
                uid=self.env.uid,
                now=fields.Datetime.now(),
            )
        )
        changes = self.env.cr.fetchall()
        if not changes:
            return
        changed = self.browse(pid for pid, _old, _new in changes)
        changed.invalidate_recordset(
            ["lifecycle_stage", "graduation_year", "write_uid", "write_date"]
        )
        changed.modified(["lifecycle_stage", "graduation_year"])
        self.env["alumni.lifecycle.event"]._append(
            [
                {"partner_id": pid, "kind": "stage_change", "stage_from": old, "stage_to": new}
                for pid, old, new in changes
                if old != new
            ]
        )
