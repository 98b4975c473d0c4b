# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

# The reasons (mailing.trace.failure_type) for which the suite skips a person
# when a mailing is sent.
CAP_SKIP = "alumni_frequency_cap"
CONSENT_SKIPS = ("alumni_consent_withdrawn", "alumni_consent_missing")


class AlumniEvuCampaignReport(models.Model):
    """What each continuing-education mailing achieved.

    One row per mailing made for offers (a mailing linked to at least one
    offer): the people it was sent to, those it skipped and why (over their
    frequency cap, consent withdrawn after the mailing was built, any other
    reason Odoo cancels a message for), those who opened it and clicked in
    it, as Odoo's mailing statistics count them; then the applications that
    came from it, the enrolments among them, the value of the benefits given
    to those enrolled, and how many of them are network members. Rates are
    percentages of the messages sent (of the enrolments for the members'
    share), and stay right when rows are grouped.
    """

    _name = "alumni.evu.campaign.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin", "alumni.report.access.mixin"]
    _description = "Continuing Education Campaign Analysis"
    _auto = False
    _order = "date desc, mailing_id desc"
    _rec_name = "mailing_id"
    _alumni_rates = {
        "open_rate": ("opened_count", "sent_count"),
        "click_rate": ("clicked_count", "sent_count"),
        "application_rate": ("application_count", "sent_count"),
        "member_share": ("member_enrollment_count", "enrollment_count"),
    }

    mailing_id = fields.Many2one("mailing.mailing", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    date = fields.Datetime(string="Sent On", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    sent_count = fields.Integer(string="Sent", readonly=True)
    skipped_cap_count = fields.Integer(
        string="Skipped: Frequency Cap",
        readonly=True,
        help="People left out because they had had as many mailings in 30 days as they accept.",
    )
    skipped_consent_count = fields.Integer(
        string="Skipped: Consent Withdrawn",
        readonly=True,
        help="People left out because they no longer consented when the mailing was sent.",
    )
    skipped_other_count = fields.Integer(
        string="Skipped: Other",
        readonly=True,
        help="Messages Odoo cancelled for another reason: blacklisted or duplicate "
        "address, opted out.",
    )
    failed_count = fields.Integer(string="Bounced or Failed", readonly=True)
    opened_count = fields.Integer(string="Opened", readonly=True)
    clicked_count = fields.Integer(string="Clicked", readonly=True)
    application_count = fields.Integer(string="Applications", readonly=True)
    enrollment_count = fields.Integer(string="Enrolments", readonly=True)
    member_enrollment_count = fields.Integer(
        string="Enrolled Members", readonly=True, help="Enrolled people who are network members."
    )
    benefit_value = fields.Monetary(
        string="Benefits Given",
        readonly=True,
        help="What the people enrolled did not pay thanks to their alumni price or free "
        "member seat.",
    )
    open_rate = fields.Float(string="Opened (%)", readonly=True, aggregator="avg", digits=(16, 1))
    click_rate = fields.Float(string="Clicked (%)", readonly=True, aggregator="avg", digits=(16, 1))
    application_rate = fields.Float(
        string="Applied (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Applications, in percent of the messages sent.",
    )
    member_share = fields.Float(
        string="Members among Enrolled (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
    )

    def _query(self):
        return SQL(
            """
            WITH evu_mailings AS (
                SELECT DISTINCT mailing_mailing_id AS mailing_id
                  FROM alumni_evu_offer_mailing_mailing_rel
            ),
            traces AS (
                SELECT trace.mass_mailing_id AS mailing_id,
                       COUNT(*) FILTER (WHERE trace.sent_datetime IS NOT NULL) AS sent_count,
                       COUNT(*) FILTER (WHERE trace.trace_status = 'cancel'
                                          AND trace.failure_type = %(cap_skip)s)
                           AS skipped_cap_count,
                       COUNT(*) FILTER (WHERE trace.trace_status = 'cancel'
                                          AND trace.failure_type IN %(consent_skips)s)
                           AS skipped_consent_count,
                       COUNT(*) FILTER (WHERE trace.trace_status = 'cancel'
                                          AND (trace.failure_type IS NULL
                                               OR trace.failure_type NOT IN %(all_skips)s))
                           AS skipped_other_count,
                       COUNT(*) FILTER (WHERE trace.trace_status IN ('bounce', 'error'))
                           AS failed_count,
                       COUNT(*) FILTER (WHERE trace.trace_status IN ('open', 'reply'))
                           AS opened_count,
                       COUNT(*) FILTER (WHERE trace.links_click_datetime IS NOT NULL)
                           AS clicked_count
                  FROM mailing_trace trace
                  JOIN evu_mailings ON evu_mailings.mailing_id = trace.mass_mailing_id
                 GROUP BY trace.mass_mailing_id
            ),
            applications AS (
                SELECT enrollment.mailing_id,
                       COUNT(*) AS application_count,
                       COUNT(*) FILTER (WHERE enrollment.state = 'enrolled') AS enrollment_count,
                       COUNT(*) FILTER (WHERE enrollment.state = 'enrolled'
                                          AND partner.network_state = 'member')
                           AS member_enrollment_count,
                       COALESCE(SUM(enrollment.benefit_value)
                                    FILTER (WHERE enrollment.state = 'enrolled'), 0)
                           AS benefit_value
                  FROM alumni_evu_enrollment enrollment
                  JOIN res_partner partner ON partner.id = enrollment.partner_id
                 WHERE enrollment.mailing_id IS NOT NULL
                   AND enrollment.state != 'cancelled'
                 GROUP BY enrollment.mailing_id
            )
            SELECT mailing.id AS id,
                   mailing.id AS mailing_id,
                   mailing.campaign_id,
                   COALESCE(mailing.sent_date, mailing.schedule_date, mailing.create_date)
                       AS date,
                   company.currency_id,
                   COALESCE(traces.sent_count, 0) AS sent_count,
                   COALESCE(traces.skipped_cap_count, 0) AS skipped_cap_count,
                   COALESCE(traces.skipped_consent_count, 0) AS skipped_consent_count,
                   COALESCE(traces.skipped_other_count, 0) AS skipped_other_count,
                   COALESCE(traces.failed_count, 0) AS failed_count,
                   COALESCE(traces.opened_count, 0) AS opened_count,
                   COALESCE(traces.clicked_count, 0) AS clicked_count,
                   COALESCE(applications.application_count, 0) AS application_count,
                   COALESCE(applications.enrollment_count, 0) AS enrollment_count,
                   COALESCE(applications.member_enrollment_count, 0) AS member_enrollment_count,
                   COALESCE(applications.benefit_value, 0) AS benefit_value,
                   COALESCE(traces.opened_count * 100.0 / NULLIF(traces.sent_count, 0), 0)
                       AS open_rate,
                   COALESCE(traces.clicked_count * 100.0 / NULLIF(traces.sent_count, 0), 0)
                       AS click_rate,
                   COALESCE(applications.application_count * 100.0
                            / NULLIF(traces.sent_count, 0), 0) AS application_rate,
                   COALESCE(applications.member_enrollment_count * 100.0
                            / NULLIF(applications.enrollment_count, 0), 0) AS member_share
              FROM evu_mailings
              JOIN mailing_mailing mailing ON mailing.id = evu_mailings.mailing_id
              LEFT JOIN res_company company ON company.id = (
                  SELECT id FROM res_company ORDER BY sequence, id LIMIT 1
              )
              LEFT JOIN traces ON traces.mailing_id = mailing.id
              LEFT JOIN applications ON applications.mailing_id = mailing.id
            """,
            cap_skip=CAP_SKIP,
            consent_skips=CONSENT_SKIPS,
            all_skips=(CAP_SKIP, *CONSENT_SKIPS),
        )
