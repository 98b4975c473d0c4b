# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL

CONSENT_SOURCES = [
    ("portal", "Portal"),
    ("website", "Website form"),
    ("event", "Event registration"),
    ("email", "E-mail"),
    ("import", "Import"),
    ("staff", "Staff"),
]


class AlumniConsent(models.Model):
    """One answer of a person to one consent purpose.

    Answers are never changed: a new answer is a new row, and the latest one
    (by date, then by creation) is the current one. The history stays as the
    evidence of what the person agreed to, when and how.
    """

    _name = "alumni.consent"
    _inherit = ["alumni.person.record"]
    _description = "Consent Answer"
    _order = "date desc, id desc"
    _rec_name = "purpose_id"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, ondelete="cascade"
    )
    purpose_id = fields.Many2one(
        "alumni.consent.purpose", required=True, index=True, ondelete="restrict"
    )
    purpose_code = fields.Char(related="purpose_id.code")
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")], required=True, default="given"
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    source = fields.Selection(CONSENT_SOURCES, required=True, default="staff")
    wording_version = fields.Char(
        help="Version of the purpose's wording the person answered to.",
    )
    evidence = fields.Text(
        help="How the answer was obtained: form, IP address, message, document reference."
    )
    is_current = fields.Boolean(
        string="Current",
        readonly=True,
        index=True,
        help="This is the person's latest answer for this purpose.",
    )

    def init(self):
        # One current answer per person and purpose, enforced by the database.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS alumni_consent_current_uniq "
                "ON alumni_consent (partner_id, purpose_id) WHERE is_current"
            )
        )

    @api.constrains("date")
    def _check_date(self):
        now = fields.Datetime.now()
        for consent in self:
            if consent.date > now:
                raise ValidationError(
                    self.env._(
                        "The answer of %(person)s to “%(purpose)s” is dated %(date)s, "
                        "in the future: an answer is recorded when it is given.",
                        person=consent.partner_id.display_name,
                        purpose=consent.purpose_id.display_name,
                        date=consent.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.pop("is_current", None)
        if not self.env.su and self.env.user.share:
            self._record_as_portal_answers(vals_list)
        consents = super().create(vals_list)
        consents._update_current_answers()
        return consents

    def write(self, vals):
        # Only the system (erasure of a person, merges) rewrites answers.
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A consent answer cannot be changed. Record a new answer instead: "
                    "the latest answer is the one that counts, and the history is kept."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        # The history is the evidence: answers are never deleted, not even
        # by the system (the database drops them with the person).
        raise UserError(
            self.env._(
                "A consent answer cannot be deleted: the history of answers is "
                "the evidence of what the person agreed to. Record a new answer "
                "to correct it."
            )
        )

    @api.model
    def _record_as_portal_answers(self, vals_list):
        """What a person answers in the portal is dated now, comes from the
        portal, answers the purpose's current wording, and carries evidence
        recorded by the server: none of it is the person's to choose."""
        purposes = self.env["alumni.consent.purpose"].browse(
            {vals.get("purpose_id") for vals in vals_list if vals.get("purpose_id")}
        )
        wording = {purpose.id: purpose.wording_version for purpose in purposes}
        evidence = self._portal_evidence()
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.update(
                date=now,
                source="portal",
                evidence=evidence,
                wording_version=wording.get(vals.get("purpose_id")) or False,
            )

    @api.model
    def _portal_evidence(self):
        """How the server saw the answer being given: user, address, browser."""
        address = agent = self.env._("unknown")
        if request:
            address = request.httprequest.remote_addr or address
            agent = request.httprequest.user_agent.string or agent
        return self.env._(
            "Answered in the portal by %(user)s (login %(login)s, user id %(uid)s) "
            "from the address %(address)s with the browser %(agent)s.",
            user=self.env.user.name,
            login=self.env.user.login,
            uid=self.env.uid,
            address=address,
            agent=agent,
        )

    def _update_current_answers(self):
        """Mark the latest answer of each (person, purpose) of self as current."""
        pairs = {(c.partner_id.id, c.purpose_id.id) for c in self}
        if not pairs:
            return
        self.flush_model(["partner_id", "purpose_id", "date", "is_current"])
        partner_ids, purpose_ids = zip(*pairs, strict=True)
        pairs_sql = SQL(
            "SELECT * FROM unnest(%s::int[], %s::int[]) AS p(partner_id, purpose_id)",
            list(partner_ids),
            list(purpose_ids),
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_consent c SET is_current = FALSE
                  FROM (%(pairs)s) pairs
                 WHERE c.partner_id = pairs.partner_id
                   AND c.purpose_id = pairs.purpose_id
                   AND c.is_current
                """,
                pairs=pairs_sql,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_consent SET is_current = TRUE
                 WHERE id IN (
                    SELECT DISTINCT ON (c.partner_id, c.purpose_id) c.id
                      FROM alumni_consent c
                      JOIN (%(pairs)s) pairs USING (partner_id, purpose_id)
                     ORDER BY c.partner_id, c.purpose_id, c.date DESC, c.id DESC
                 )
                """,
                pairs=pairs_sql,
            )
        )
        self.invalidate_model(["is_current"])
