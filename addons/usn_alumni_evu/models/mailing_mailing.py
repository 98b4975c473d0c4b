# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .mailing_trace import CAP_COUNTED_STATUSES, CAP_WINDOW, SKIP_REASONS

MIN_SCORE_PARAM = "usn_alumni_evu.campaign_min_score"
EVU_CONSENT = "evu_email"
SKIP_CODES = tuple(code for code, _label in SKIP_REASONS)


class MailingMailing(models.Model):
    """Mailings of continuing-education offers, and the frequency cap that
    every mailing respects when it is sent.

    A mailing made from offers (``alumni_evu_offer_ids``) goes to the people
    matched to them at ``alumni_evu_min_score`` or more who can be reached:
    its recipient domain says so, and each recipient's message shows their
    own best offers among the mailing's, with the reasons they fit.

    When any mailing is sent, each batch of recipients is checked at once:
    a person who already had ``max_mailings_per_month`` mailings in the last
    30 days, and, for an offers mailing, a person who no longer consents to
    offers by e-mail, gets a cancelled trace with the reason instead of a
    message.
    """

    _inherit = "mailing.mailing"

    alumni_evu_offer_ids = fields.Many2many(
        "alumni.evu.offer",
        "alumni_evu_offer_mailing_mailing_rel",
        "mailing_mailing_id",
        "alumni_evu_offer_id",
        string="Continuing Education Offers",
        help="The offers this mailing presents: each recipient sees their best matches among them.",
    )
    alumni_evu_min_score = fields.Integer(
        string="Minimum Match Score",
        default=lambda self: self._default_alumni_evu_min_score(),
        help="People matched to one of the offers with at least this score (0 to 100) "
        "receive the mailing.",
    )
    alumni_evu_audience_date = fields.Datetime(
        string="Recipients Built On",
        readonly=True,
        copy=False,
        help="When the recipient list was made from the offers' matches. People who "
        "withdraw their consent after it are skipped when the mailing is sent, with "
        "that reason.",
    )
    alumni_evu_recipient_count = fields.Integer(
        string="Matched Recipients",
        compute="_compute_alumni_evu_recipient_count",
        help="People the mailing reaches now: matched to its offers, consenting, reachable.",
    )
    alumni_over_cap_count = fields.Integer(
        string="Over Their Monthly Limit",
        compute="_compute_alumni_over_cap_count",
        help="Recipients who already had as many mailings in the last 30 days as they "
        "accept: if the mailing were sent now, they would be skipped.",
    )
    alumni_skipped_cap_count = fields.Integer(
        string="Skipped: Monthly Limit", compute="_compute_alumni_skipped_counts"
    )
    alumni_skipped_consent_count = fields.Integer(
        string="Skipped: No Consent", compute="_compute_alumni_skipped_counts"
    )

    @api.model
    def _default_alumni_evu_min_score(self):
        value = self.env["ir.config_parameter"].sudo().get_param(MIN_SCORE_PARAM, "30")
        try:
            return min(max(int(value), 0), 100)
        except ValueError:
            return 30

    @api.depends("alumni_evu_offer_ids", "alumni_evu_min_score")
    def _compute_mailing_domain(self):
        evu_mailings = self.filtered("alumni_evu_offer_ids")
        for mailing in evu_mailings:
            mailing.mailing_domain = repr(mailing._alumni_evu_recipient_domain())
        return super(MailingMailing, self - evu_mailings)._compute_mailing_domain()

    @api.depends("mailing_domain", "mailing_model_real", "alumni_evu_offer_ids")
    def _compute_alumni_evu_recipient_count(self):
        for mailing in self:
            mailing.alumni_evu_recipient_count = (
                self.env["res.partner"].search_count(mailing._get_recipients_domain())
                if mailing.alumni_evu_offer_ids and mailing.mailing_model_real == "res.partner"
                else 0
            )

    @api.depends("mailing_domain", "mailing_model_real", "state")
    def _compute_alumni_over_cap_count(self):
        for mailing in self:
            mailing.alumni_over_cap_count = (
                mailing._alumni_count_over_cap()
                if mailing.mailing_model_real == "res.partner" and mailing.state == "draft"
                else 0
            )

    def _compute_alumni_skipped_counts(self):
        counts = {
            (mailing.id, failure_type): count
            for mailing, failure_type, count in self.env["mailing.trace"]
            .sudo()
            ._read_group(
                [
                    ("mass_mailing_id", "in", self.ids),
                    ("trace_status", "=", "cancel"),
                    ("failure_type", "in", SKIP_CODES),
                ],
                ["mass_mailing_id", "failure_type"],
                ["__count"],
            )
        }
        for mailing in self:
            mailing.alumni_skipped_cap_count = counts.get((mailing.id, "alumni_frequency_cap"), 0)
            mailing.alumni_skipped_consent_count = counts.get(
                (mailing.id, "alumni_consent_withdrawn"), 0
            ) + counts.get((mailing.id, "alumni_consent_missing"), 0)

    @api.constrains("alumni_evu_min_score")
    def _check_alumni_evu_min_score(self):
        for mailing in self:
            if not 0 <= mailing.alumni_evu_min_score <= 100:
                raise UserError(
                    self.env._(
                        "The minimum match score of “%(mailing)s” is %(score)s: it must be "
                        "between 0 and 100.",
                        mailing=mailing.subject or mailing.name or "",
                        score=mailing.alumni_evu_min_score,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("alumni_evu_offer_ids"):
                vals.setdefault("alumni_evu_audience_date", now)
        return super().create(vals_list)

    def write(self, vals):
        # A new recipient list: consent withdrawn before it is not "since built".
        if {"alumni_evu_offer_ids", "alumni_evu_min_score", "mailing_domain"} & vals.keys() and (
            vals.get("alumni_evu_offer_ids") or any(self.mapped("alumni_evu_offer_ids"))
        ):
            vals = dict(vals, alumni_evu_audience_date=fields.Datetime.now())
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_view_traces_alumni_skipped(self):
        """The traces of the recipients the mailing skipped at send time, with
        the reason."""
        self.ensure_one()
        action = self._action_view_traces_filtered("alumni_skipped")
        action["name"] = self.env._("Skipped Recipients")
        action["context"]["search_default_group_failure_type"] = True
        return action

    # ------------------------------------------------------------------
    # Mailings made from offers
    # ------------------------------------------------------------------

    @api.model
    def _alumni_evu_mailing_values(self, offers):
        """Values of a new mailing that presents ``offers`` to the people they
        fit."""
        offers = offers.sudo()
        if not offers:
            raise UserError(self.env._("Choose the offers the mailing presents."))
        not_open = offers.filtered(lambda offer: offer.state != "open")
        if not_open:
            raise UserError(
                self.env._(
                    "Only offers open for applications can be sent: “%(offers)s” is not open.",
                    offers=", ".join(not_open.mapped("name")),
                )
            )
        if len(offers) == 1:
            subject = self.env._("Continuing education for you: %(offer)s", offer=offers.name)
        else:
            subject = self.env._("Continuing education offers for you")
        campaign = self.env["utm.campaign"].create(
            {
                "title": self.env._(
                    "Continuing education: %(offers)s", offers=", ".join(offers.mapped("name"))
                )
            }
        )
        # Rendered for each recipient when the mailing is sent (see res.partner).
        # The greeting's placeholder is marked inline, as the editor marks it,
        # so that the read-only body of a sent mailing shows it in its line.
        placeholders = {
            "greeting_name": Markup('<t t-out="object.name" data-oe-t-inline="true">there</t>'),
            "offers_block": Markup('<t t-out="object.alumni_evu_offers_html">%s</t>')
            % self.env._("[The recipient's best offers, with why they fit]"),
            "preferences_block": Markup('<t t-out="object.alumni_evu_preferences_html">%s</t>')
            % self.env._("[Link to the recipient's preferences]"),
        }
        body = self.env["ir.qweb"]._render(
            "usn_alumni_evu.alumni_evu_mailing_body", {"offers": offers, **placeholders}
        )
        return {
            "subject": subject,
            "mailing_type": "mail",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "alumni_evu_offer_ids": [fields.Command.set(offers.ids)],
            "campaign_id": campaign.id,
            "body_arch": body,
            "body_html": body,
        }

    def _alumni_evu_recipient_domain(self):
        """Domain on res.partner of the people the offers mailing reaches: matched
        to one of its offers at the minimum score or more, consenting to offers
        by e-mail, alive, with an address that is not blacklisted. The frequency
        cap is not in it: it is applied when the mailing is sent."""
        self.ensure_one()
        return [
            (
                "alumni_evu_match_ids",
                "any",
                [
                    ("offer_id", "in", self.alumni_evu_offer_ids.ids),
                    ("score", ">=", self.alumni_evu_min_score),
                ],
            ),
            ("alumni_evu_can_email", "=", True),
        ]

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------

    def _get_remaining_recipients(self):
        """The recipients not yet traced for this mailing, in one query (Odoo
        reads all traces of the mailing back into Python), plus, for an offers
        mailing, the matched people who withdrew their consent since the
        recipient list was built, so that they are skipped with that reason."""
        self.ensure_one()
        if self.ab_testing_enabled:
            return super()._get_remaining_recipients()
        Model = self.env[self.mailing_model_real]
        self.env["mailing.trace"].flush_model(["mass_mailing_id", "model", "res_id"])
        query = Model._search(self._get_recipients_domain(), order=Model._order)
        # NOT IN: the mailing's traces are read once into a hash, whatever
        # the number of recipients (res_id is never NULL).
        query.add_where(
            SQL(
                """%s NOT IN (
                    SELECT trace.res_id FROM mailing_trace trace
                     WHERE trace.mass_mailing_id = %s AND trace.model = %s
                )""",
                SQL.identifier(Model._table, "id"),
                self.id,
                Model._name,
            )
        )
        res_ids = list(query.get_result_ids())
        if self.alumni_evu_offer_ids and Model._name == "res.partner":
            known = set(res_ids)
            res_ids += [
                partner_id
                for partner_id in self._alumni_evu_withdrawn_since_built()
                if partner_id not in known
            ]
        return res_ids

    def _get_seen_list(self):
        """Restricted to the addresses of the batch being sent when the composer
        gives them (``alumni_seen_list_emails``): only those matter, and the
        mailing's traces are not all read again for each batch."""
        emails = self.env.context.get("alumni_seen_list_emails")
        if emails is None or self.ab_testing_enabled:
            return super()._get_seen_list()
        self.ensure_one()
        if not emails:
            return set()
        target = self.env[self.mailing_model_real]
        join_domain, where_domain = self._get_seen_list_extra()
        self.env["mailing.trace"].flush_model(["email", "mass_mailing_id", "model", "res_id"])
        # The extra joins and conditions are Odoo's hook (_get_seen_list_extra),
        # SQL written by code, as in Odoo's own query.
        self.env.cr.execute(
            SQL(
                """
                SELECT s.email
                  FROM mailing_trace s
                  JOIN %(target)s t ON (s.res_id = t.id)
                  %(join_domain)s
                 WHERE s.email = ANY(%(emails)s)
                   AND s.mass_mailing_id = %(mailing_id)s
                   AND s.model = %(model)s
                  %(where_domain)s
                """,
                target=SQL.identifier(target._table),
                join_domain=SQL(join_domain),
                where_domain=SQL(where_domain),
                emails=list(emails),
                mailing_id=self.id,
                model=target._name,
            )
        )
        return {email for (email,) in self.env.cr.fetchall()}

    def _render_field(self, field, res_ids, *args, **kwargs):
        # The offers block of each recipient is the mailing's offers (see
        # res.partner.alumni_evu_offers_html): test mails and the web version.
        mailing = self
        if field == "body_html" and len(self) == 1 and self.alumni_evu_offer_ids:
            mailing = self.with_context(alumni_evu_mailing_id=self.id)
        return super(MailingMailing, mailing)._render_field(field, res_ids, *args, **kwargs)

    def _alumni_skipped_recipients(self, people):
        """The recipients of a batch the mailing must not send to, with the reason.

        :param dict people: {res_id: id of the person (res.partner) or False}
        :return dict: {res_id: failure_type}

        One query for the whole batch: each person's limit, their mailings of
        the last 30 days (other than this one) and, for an offers mailing,
        their current answer to the EVU consent.
        """
        self.ensure_one()
        partner_ids = sorted({partner_id for partner_id in people.values() if partner_id})
        if not partner_ids:
            return {}
        checks_consent = (
            bool(self.alumni_evu_offer_ids) and self.mailing_model_real == "res.partner"
        )
        self.env["res.partner"].flush_model(["max_mailings_per_month"])
        self.env["mailing.trace"].flush_model(
            ["alumni_partner_id", "trace_status", "sent_datetime", "mass_mailing_id"]
        )
        consent = SQL("NULL")
        if checks_consent:
            self.env["alumni.consent"].flush_model(
                ["partner_id", "purpose_id", "state", "is_current"]
            )
            consent = SQL(
                """(SELECT consent.state
                      FROM alumni_consent consent
                      JOIN alumni_consent_purpose purpose ON purpose.id = consent.purpose_id
                     WHERE consent.partner_id = person.id
                       AND consent.is_current
                       AND purpose.code = %s)""",
                EVU_CONSENT,
            )
        self.env.cr.execute(
            SQL(
                """
                SELECT person.id,
                       person.max_mailings_per_month,
                       (SELECT COUNT(*)
                          FROM mailing_trace trace
                         WHERE trace.alumni_partner_id = person.id
                           AND trace.trace_status IN %(statuses)s
                           AND COALESCE(trace.sent_datetime, trace.create_date) >= %(since)s
                           AND trace.mass_mailing_id IS DISTINCT FROM %(mailing_id)s),
                       %(consent)s
                  FROM res_partner person
                 WHERE person.id = ANY(%(partner_ids)s)
                """,
                statuses=CAP_COUNTED_STATUSES,
                since=fields.Datetime.now() - CAP_WINDOW,
                mailing_id=self.id,
                consent=consent,
                partner_ids=partner_ids,
            )
        )
        reasons = {}
        for partner_id, limit, mailed, answer in self.env.cr.fetchall():
            if checks_consent and answer != "given":
                reasons[partner_id] = (
                    "alumni_consent_withdrawn"
                    if answer == "withdrawn"
                    else "alumni_consent_missing"
                )
            elif mailed >= (limit or 0):
                reasons[partner_id] = "alumni_frequency_cap"
        return {
            res_id: reasons[partner_id]
            for res_id, partner_id in people.items()
            if partner_id in reasons
        }

    def _alumni_evu_withdrawn_since_built(self):
        """Ids of the people matched to the offers at the minimum score who
        withdrew their EVU consent since the recipient list was built and are
        not traced yet (one query)."""
        self.ensure_one()
        if not self.alumni_evu_audience_date:
            return []
        self.env["alumni.evu.match"].flush_model(["partner_id", "offer_id", "score"])
        self.env["alumni.consent"].flush_model(
            ["partner_id", "purpose_id", "state", "is_current", "date"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT match.partner_id
                  FROM alumni_evu_match match
                  JOIN alumni_consent consent
                    ON consent.partner_id = match.partner_id
                   AND consent.is_current
                   AND consent.state = 'withdrawn'
                   AND consent.date > %(since)s
                  JOIN alumni_consent_purpose purpose
                    ON purpose.id = consent.purpose_id AND purpose.code = %(code)s
                  JOIN res_partner person
                    ON person.id = match.partner_id
                   AND person.active
                   AND person.email_normalized IS NOT NULL
                 WHERE match.offer_id = ANY(%(offer_ids)s)
                   AND match.score >= %(min_score)s
                   AND match.partner_id NOT IN (
                        SELECT trace.res_id FROM mailing_trace trace
                         WHERE trace.mass_mailing_id = %(mailing_id)s
                           AND trace.model = 'res.partner')
              ORDER BY match.partner_id
                """,
                since=self.alumni_evu_audience_date,
                code=EVU_CONSENT,
                offer_ids=self.alumni_evu_offer_ids.ids,
                min_score=self.alumni_evu_min_score,
                mailing_id=self.id,
            )
        )
        return [partner_id for (partner_id,) in self.env.cr.fetchall()]

    def _alumni_count_over_cap(self):
        """How many of the mailing's recipients are at their monthly limit now
        (one query)."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        try:
            recipients = Partner._search(self._get_recipients_domain())
        except ValueError:  # a domain being edited that is not valid yet
            return 0
        Partner.flush_model(["max_mailings_per_month"])
        self.env["mailing.trace"].flush_model(
            ["alumni_partner_id", "trace_status", "sent_datetime", "mass_mailing_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT COUNT(*)
                  FROM res_partner person
                 WHERE person.id IN %(recipients)s
                   AND COALESCE(person.max_mailings_per_month, 0) <= (
                        SELECT COUNT(*)
                          FROM mailing_trace trace
                         WHERE trace.alumni_partner_id = person.id
                           AND trace.trace_status IN %(statuses)s
                           AND COALESCE(trace.sent_datetime, trace.create_date) >= %(since)s
                           AND trace.mass_mailing_id IS DISTINCT FROM %(mailing_id)s)
                """,
                recipients=recipients.subselect(),
                statuses=CAP_COUNTED_STATUSES,
                since=fields.Datetime.now() - CAP_WINDOW,
                mailing_id=self.id or None,
            )
        )
        return self.env.cr.fetchone()[0]
