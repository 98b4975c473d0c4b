# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import format_datetime

# The kinds of event meant for people who may still come to study; the other
# kinds are meant for the university's graduates.
PROSPECT_EVENT_KINDS = ("open_day", "trial_lecture", "info_meeting")
INVITATION_PURPOSE = "event_invitation"


class AlumniEventInviteWizard(models.TransientModel):
    """Invite the audience of an event by e-mail.

    Prefilled from the event (its programmes, their subjects, its cohorts),
    it shows how many people the invitation reaches and creates an Email
    Marketing mailing whose recipients are those people: the ones who agreed
    to event invitations, are alive, have an e-mail address that is not
    blacklisted, and are in the segment. The mailing keeps the segment as a
    domain, so a consent withdrawn before it is sent is respected.
    """

    _name = "alumni.event.invite.wizard"
    _description = "Invite People to an Event"

    event_id = fields.Many2one("event.event", required=True, ondelete="cascade")
    audience = fields.Selection(
        [
            ("graduates", "Graduates"),
            ("prospects", "Prospects and applicants"),
        ],
        compute="_compute_from_event",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        help="Graduates: the people who completed one of the programmes in the "
        "cohorts, and the alumni of those cohorts interested in the subjects. "
        "Prospects and applicants: the people who may still come to study and are "
        "interested in the subjects or applied for one of the programmes.",
    )
    programme_ids = fields.Many2many(
        "alumni.programme",
        string="Programmes",
        compute="_compute_from_event",
        store=True,
        precompute=True,
        readonly=False,
    )
    cohort_from = fields.Integer(
        string="Cohorts From",
        compute="_compute_from_event",
        store=True,
        precompute=True,
        readonly=False,
        help="First graduation year invited (graduates only).",
    )
    cohort_to = fields.Integer(
        string="Cohorts To",
        compute="_compute_from_event",
        store=True,
        precompute=True,
        readonly=False,
        help="Last graduation year invited (graduates only).",
    )
    interest_ids = fields.Many2many(
        "alumni.interest",
        string="Interests",
        compute="_compute_from_event",
        store=True,
        precompute=True,
        readonly=False,
    )
    recipient_count = fields.Integer(
        string="Recipients",
        compute="_compute_recipient_count",
        help="The people the invitation reaches now.",
    )

    @api.depends("event_id")
    def _compute_from_event(self):
        for wizard in self:
            event = wizard.event_id
            programmes = event.alumni_programme_ids
            if not programmes and event.alumni_faculty_ids:
                programmes = self.env["alumni.programme"].search(
                    [("faculty_id", "child_of", event.alumni_faculty_ids.ids)]
                )
            wizard.programme_ids = programmes
            wizard.cohort_from = event.alumni_cohort_from
            wizard.cohort_to = event.alumni_cohort_to
            if event.alumni_event_kind in PROSPECT_EVENT_KINDS:
                wizard.audience = "prospects"
            else:
                wizard.audience = "graduates"
            # A reunion is for its class, not for everyone who likes the subject.
            wizard.interest_ids = (
                programmes.interest_ids if event.alumni_event_kind != "reunion" else False
            )

    @api.depends("audience", "programme_ids", "cohort_from", "cohort_to", "interest_ids")
    def _compute_recipient_count(self):
        Partner = self.env["res.partner"].with_context(active_test=True)
        for wizard in self:
            wizard.recipient_count = Partner.search_count(wizard._recipient_domain())

    @api.constrains("cohort_from", "cohort_to")
    def _check_cohorts_ordered(self):
        for wizard in self:
            if wizard.cohort_from and wizard.cohort_to and wizard.cohort_from > wizard.cohort_to:
                raise UserError(self.env._("The first cohort cannot come after the last cohort."))

    def action_create_mailing(self):
        """Create the invitation mailing and open it in Email Marketing."""
        self.ensure_one()
        if not self.recipient_count:
            raise UserError(
                self.env._(
                    "Nobody can be invited to “%(event)s” with this audience: nobody "
                    "in it agreed to event invitations and has an e-mail address.",
                    event=self.event_id.name,
                )
            )
        mailing = self.env["mailing.mailing"].create(self._mailing_values())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invitation"),
            "res_model": "mailing.mailing",
            "res_id": mailing.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _recipient_domain(self):
        """Domain on res.partner of the people the invitation reaches: the
        segment, narrowed to the people who may be invited by e-mail."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        return expression.AND(
            [
                [
                    ("email_normalized", "!=", False),
                    ("is_blacklisted", "=", False),
                    ("is_deceased", "=", False),
                ],
                Partner._consent_domain(INVITATION_PURPOSE),
                self._segment_domain(),
            ]
        )

    def _segment_domain(self):
        """Domain on res.partner of the audience, before consents."""
        self.ensure_one()
        if self.audience == "prospects":
            return self._segment_domain_prospects()
        return self._segment_domain_graduates()

    def _segment_domain_graduates(self):
        cohorts = []
        if self.cohort_from:
            cohorts.append(("graduation_year", ">=", self.cohort_from))
        if self.cohort_to:
            cohorts.append(("graduation_year", "<=", self.cohort_to))
        completed = [("state", "=", "completed"), *cohorts]
        if self.programme_ids:
            completed.append(("programme_id", "in", self.programme_ids.ids))
        alternatives = [[("enrollment_ids", "any", completed)]]
        if self.interest_ids:
            alternatives.append(
                [
                    ("lifecycle_stage", "=", "alumnus"),
                    ("interest_ids", "in", self.interest_ids.ids),
                    *cohorts,
                ]
            )
        return expression.OR(alternatives)

    def _segment_domain_prospects(self):
        stages = [("lifecycle_stage", "in", ["prospect", "applicant"])]
        alternatives = []
        if self.interest_ids:
            alternatives.append([("interest_ids", "in", self.interest_ids.ids)])
        if self.programme_ids:
            alternatives.append(
                [("application_ids", "any", [("programme_id", "in", self.programme_ids.ids)])]
            )
        if not alternatives:
            return stages
        return expression.AND([stages, expression.OR(alternatives)])

    def _mailing_values(self):
        self.ensure_one()
        event = self.event_id
        body = self.env["ir.qweb"]._render(
            "usn_alumni_events.alumni_event_invitation_body",
            {
                "event": event,
                "event_date": format_datetime(
                    self.env, event.date_begin, tz=event.date_tz, dt_format="medium"
                ),
                "register_url": event.event_register_url,
            },
        )
        return {
            "subject": self.env._("Invitation: %(event)s", event=event.name),
            "mailing_type": "mail",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "mailing_domain": repr(self._recipient_domain()),
            "body_arch": body,
            "body_html": body,
        }
