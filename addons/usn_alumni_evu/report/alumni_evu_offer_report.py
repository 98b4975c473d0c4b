# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.alumni_evu_offer import DELIVERY_MODES, OFFER_STATES


class AlumniEvuOfferReport(models.Model):
    """What each continuing-education offer achieved.

    One row per offer: the mailings made for it, the people they were sent
    to and those who clicked (each person once per offer, however many
    mailings), the applications and enrolments (from any source, and from
    mailings), the value of the benefits given to those enrolled, and the
    network members among the people enrolled: the share the network is
    measured by. Rates stay right when rows are grouped.
    """

    _name = "alumni.evu.offer.report"
    _inherit = ["alumni.sql.report.mixin", "alumni.report.rate.mixin", "alumni.report.access.mixin"]
    _description = "Continuing Education Offer Analysis"
    _auto = False
    _order = "date_start desc, offer_id desc"
    _rec_name = "offer_id"
    _alumni_rates = {
        "click_rate": ("clicked_count", "mailed_count"),
        "enrollment_rate": ("enrollment_count", "application_count"),
        "member_share": ("member_enrollment_count", "enrollment_count"),
    }

    offer_id = fields.Many2one("alumni.evu.offer", readonly=True)
    faculty_id = fields.Many2one("alumni.faculty", readonly=True)
    delivery_mode = fields.Selection(DELIVERY_MODES, readonly=True)
    state = fields.Selection(OFFER_STATES, string="Status", readonly=True)
    date_start = fields.Date(string="Start", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    mailing_count = fields.Integer(string="Mailings", readonly=True)
    mailed_count = fields.Integer(
        string="People Mailed", readonly=True, help="People sent a mailing made for the offer."
    )
    clicked_count = fields.Integer(
        string="People Who Clicked",
        readonly=True,
        help="People who clicked in a mailing made for the offer.",
    )
    application_count = fields.Integer(string="Applications", readonly=True)
    mailing_application_count = fields.Integer(string="Applications from Mailings", readonly=True)
    enrollment_count = fields.Integer(string="Enrolments", readonly=True)
    member_enrollment_count = fields.Integer(string="Enrolled Members", readonly=True)
    benefit_value = fields.Monetary(string="Benefits Given", readonly=True)
    click_rate = fields.Float(
        string="Clicked (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="People who clicked, in percent of the people mailed.",
    )
    enrollment_rate = fields.Float(
        string="Enrolled (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Enrolments, in percent of the applications.",
    )
    member_share = fields.Float(
        string="Members among Enrolled (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Network members, in percent of the people enrolled.",
    )

    def _query(self):
        return SQL(
            """
            WITH mailed AS (
                SELECT rel.alumni_evu_offer_id AS offer_id,
                       COUNT(DISTINCT rel.mailing_mailing_id) AS mailing_count,
                       COUNT(DISTINCT trace.res_id)
                           FILTER (WHERE trace.sent_datetime IS NOT NULL) AS mailed_count,
                       COUNT(DISTINCT trace.res_id)
                           FILTER (WHERE trace.links_click_datetime IS NOT NULL)
                           AS clicked_count
                  FROM alumni_evu_offer_mailing_mailing_rel rel
                  LEFT JOIN mailing_trace trace
                    ON trace.mass_mailing_id = rel.mailing_mailing_id
                   AND trace.model = 'res.partner'
                 GROUP BY rel.alumni_evu_offer_id
            ),
            applications AS (
                SELECT enrollment.offer_id,
                       COUNT(*) AS application_count,
                       COUNT(*) FILTER (WHERE enrollment.mailing_id IS NOT NULL)
                           AS mailing_application_count,
                       COUNT(*) FILTER (WHERE enrollment.state = 'enrolled') AS enrollment_count,
                       COUNT(*) FILTER (WHERE enrollment.state = 'enrolled'
                                          AND partner.network_state = 'member')
                           AS member_enrollment_count,
                       COALESCE(SUM(enrollment.benefit_value)
                                    FILTER (WHERE enrollment.state = 'enrolled'), 0)
                           AS benefit_value
                  FROM alumni_evu_enrollment enrollment
                  JOIN res_partner partner ON partner.id = enrollment.partner_id
                 WHERE enrollment.state != 'cancelled'
                 GROUP BY enrollment.offer_id
            )
            SELECT offer.id AS id,
                   offer.id AS offer_id,
                   offer.faculty_id,
                   offer.delivery_mode,
                   offer.state,
                   offer.date_start,
                   offer.currency_id,
                   COALESCE(mailed.mailing_count, 0) AS mailing_count,
                   COALESCE(mailed.mailed_count, 0) AS mailed_count,
                   COALESCE(mailed.clicked_count, 0) AS clicked_count,
                   COALESCE(applications.application_count, 0) AS application_count,
                   COALESCE(applications.mailing_application_count, 0)
                       AS mailing_application_count,
                   COALESCE(applications.enrollment_count, 0) AS enrollment_count,
                   COALESCE(applications.member_enrollment_count, 0) AS member_enrollment_count,
                   COALESCE(applications.benefit_value, 0) AS benefit_value,
                   COALESCE(mailed.clicked_count * 100.0 / NULLIF(mailed.mailed_count, 0), 0)
                       AS click_rate,
                   COALESCE(applications.enrollment_count * 100.0
                            / NULLIF(applications.application_count, 0), 0) AS enrollment_rate,
                   COALESCE(applications.member_enrollment_count * 100.0
                            / NULLIF(applications.enrollment_count, 0), 0) AS member_share
              FROM alumni_evu_offer offer
              LEFT JOIN mailed ON mailed.offer_id = offer.id
              LEFT JOIN applications ON applications.offer_id = offer.id
             WHERE offer.active
            """
        )
