# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, email_normalize
from odoo.tools.sql import column_exists, create_column

# Traces that count against a person's frequency cap: mails that went out,
# and mails already on their way (queued or being sent), so that two mailings
# queued the same hour cannot both pass the cap.
CAP_COUNTED_STATUSES = ("outgoing", "process", "pending", "sent", "open", "reply")
# The window of the frequency cap ("mailings per month").
CAP_WINDOW = timedelta(days=30)
# Why a mailing skipped a recipient at send time.
SKIP_REASONS = [
    ("alumni_frequency_cap", "Monthly mailing limit reached"),
    ("alumni_consent_withdrawn", "Consent withdrawn"),
    ("alumni_consent_missing", "No consent"),
]


class MailingTrace(models.Model):
    """The person each trace went to, for the frequency cap, and the reasons
    a mailing skips a recipient when it is sent."""

    _inherit = "mailing.trace"

    failure_type = fields.Selection(
        selection_add=SKIP_REASONS,
        ondelete={code: "set null" for code, _label in SKIP_REASONS},
    )
    alumni_partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The person the mailing went to: the recipient itself for mailings to "
        "contacts, else the contact with the recipient's e-mail address. Their mailings "
        "of the last 30 days are counted for their monthly limit.",
    )

    def init(self):
        # The addresses a mailing already reached, looked up batch by batch
        # while it is sent (mailing.mailing._get_seen_list).
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS mailing_trace_mass_mailing_id_email_index "
                "ON mailing_trace (mass_mailing_id, email)"
            )
        )

    def _auto_init(self):
        # Traces stored before the person was recorded get it once, in SQL.
        is_new = not column_exists(self.env.cr, self._table, "alumni_partner_id")
        if is_new:
            create_column(self.env.cr, self._table, "alumni_partner_id", "int4")
        result = super()._auto_init()
        if is_new:
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE mailing_trace t SET alumni_partner_id = p.id
                      FROM res_partner p
                     WHERE t.model = 'res.partner' AND p.id = t.res_id
                    """
                )
            )
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE mailing_trace t SET alumni_partner_id = people.partner_id
                      FROM (SELECT email_normalized, MIN(id) AS partner_id
                              FROM res_partner
                             WHERE email_normalized IS NOT NULL
                          GROUP BY email_normalized) people
                     WHERE t.model != 'res.partner'
                       AND t.email IS NOT NULL
                       AND LOWER(TRIM(t.email)) = people.email_normalized
                    """
                )
            )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        people = self._alumni_people_by_email(
            [
                vals.get("email")
                for vals in vals_list
                if vals.get("model") != "res.partner" and not vals.get("alumni_partner_id")
            ]
        )
        for vals in vals_list:
            if vals.get("alumni_partner_id"):
                continue
            if vals.get("model") == "res.partner":
                vals["alumni_partner_id"] = vals.get("res_id") or False
            else:
                vals["alumni_partner_id"] = people.get(email_normalize(vals.get("email") or ""))
        return super().create(vals_list)

    @api.model
    def _alumni_people_by_email(self, emails):
        """{normalized e-mail: id of the person with that address} (the oldest
        contact when several share it), in one query."""
        normalized = {email_normalize(email) for email in emails if email} - {False}
        if not normalized:
            return {}
        self.env["res.partner"].flush_model(["email_normalized"])
        self.env.cr.execute(
            SQL(
                """
                SELECT email_normalized, MIN(id)
                  FROM res_partner
                 WHERE email_normalized = ANY(%s)
              GROUP BY email_normalized
                """,
                list(normalized),
            )
        )
        return dict(self.env.cr.fetchall())
