# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.sql_parameter import parameter_number

# The kinds of timeline rows that make an alumnus engaged, per component of
# the score: (weight parameter, default weight, kinds, kind prefix). The
# network counts joining and whatever else the network addon records of a
# member's activity (its kinds start with "network_"), but leaving and
# suspension are no engagement.
ENGAGEMENT_ACTIVITIES = {
    "event": ("usn_alumni_base.engagement_weight_event", 3.0, ("event_attendance",), None),
    "evu": ("usn_alumni_base.engagement_weight_evu", 5.0, ("evu_enrollment",), None),
    "network": ("usn_alumni_base.engagement_weight_network", 2.0, (), "network_"),
    "mailing": ("usn_alumni_base.engagement_weight_mailing", 1.0, ("mailing_click",), None),
}
NOT_ENGAGING_KINDS = ("network_leave", "network_suspension")
HALF_LIFE_PARAM = "usn_alumni_base.engagement_half_life_months"
DEFAULT_HALF_LIFE = 12.0
# Months of the half-life, in days.
DAYS_PER_MONTH = 30.4375


def engagement_activity_of(kind):
    """The component of the score a timeline row of ``kind`` adds to, or
    None."""
    if kind in NOT_ENGAGING_KINDS:
        return None
    for name, (__, __, kinds, prefix) in ENGAGEMENT_ACTIVITIES.items():
        if kind in kinds or (prefix and kind.startswith(prefix)):
            return name
    return None


def engagement_condition(name, alias="touch"):
    """SQL: the timeline row ``alias`` adds to the component ``name``."""
    __, __, kinds, prefix = ENGAGEMENT_ACTIVITIES[name]
    kind = SQL.identifier(alias, "kind")
    conditions = []
    if kinds:
        conditions.append(SQL("%s IN %s", kind, kinds))
    if prefix:
        conditions.append(SQL("%s LIKE %s", kind, prefix.replace("_", "\\_") + "%"))
    return SQL("(%s) AND %s NOT IN %s", SQL(" OR ").join(conditions), kind, NOT_ENGAGING_KINDS)


def decay(date, half_life, now=None):
    """SQL: what a touchpoint of ``date`` still counts at ``now`` (the
    database's clock by default), halving every ``half_life`` months (no
    decay for 0). A touchpoint dated later than ``now`` counts in full."""
    now = now if now is not None else SQL("(now() AT TIME ZONE 'UTC')")
    return SQL(
        """CASE WHEN %(half_life)s > 0
                THEN power(0.5, GREATEST(EXTRACT(EPOCH FROM %(now)s - %(date)s), 0)
                                / 86400.0 / (%(half_life)s * %(days)s))
                ELSE 1 END""",
        half_life=half_life,
        now=now,
        date=date,
        days=DAYS_PER_MONTH,
    )


class AlumniEngagementActivity(models.Model):
    """A person's engaging touchpoints, added up and aged to a date.

    One row per person with touchpoints that count for the engagement score
    (alumni.engagement.report): for each component, the number of
    touchpoints, each counting less as it ages by the half-life in the
    settings, as it stood at ``date``. The score ages it further from there
    to today, without reading the timeline again: a touchpoint that counted
    ``x`` at ``date`` counts ``x * 0.5 ** (months since date / half-life)``
    now. Weights are applied by the report, so changing a weight needs no
    new sums.

    The sums are brought up to date for the people whose timeline changes,
    for everyone when the half-life changes, and every night (which also
    catches touchpoints dated in the future when they were stored, counted
    in full until then, and timeline rows changed in SQL).
    """

    _name = "alumni.engagement.activity"
    _description = "Alumni Engagement Activity"
    _log_access = False
    _rec_name = "partner_id"
    _order = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Person", required=True, ondelete="cascade")
    date = fields.Datetime(string="Aged To", required=True, readonly=True)
    event_activity = fields.Float(string="Events Attended", readonly=True)
    evu_activity = fields.Float(string="Continuing Education Enrolments", readonly=True)
    network_activity = fields.Float(readonly=True)
    mailing_activity = fields.Float(string="Mailing Clicks", readonly=True)

    _sql_constraints = [
        ("partner_unique", "UNIQUE(partner_id)", "A person's activity is added up once."),
    ]

    @api.model
    def _refresh(self, partner_ids=None):
        """Add up again the engaging touchpoints of ``partner_ids`` (ids of
        people; everyone when None), aged to now: one DELETE and one INSERT
        whatever their number."""
        if partner_ids is not None:
            partner_ids = list({pid for pid in partner_ids if pid})
            if not partner_ids:
                return
        self.env["alumni.lifecycle.event"].flush_model(["partner_id", "kind", "date"])
        self.env["ir.config_parameter"].flush_model(["key", "value"])
        self.flush_model()
        if partner_ids is None:
            only, only_touch = SQL(), SQL()
        else:
            only = SQL("WHERE partner_id = ANY(%s)", partner_ids)
            only_touch = SQL("AND touch.partner_id = ANY(%s)", partner_ids)
        columns = [SQL.identifier(f"{name}_activity") for name in ENGAGEMENT_ACTIVITIES]
        half_life = SQL.identifier("params", "half_life")
        now = SQL.identifier("params", "now")
        sums = SQL(", ").join(
            SQL(
                "COALESCE(SUM(CASE WHEN %s THEN %s END), 0)",
                engagement_condition(name),
                decay(SQL.identifier("touch", "date"), half_life, now),
            )
            for name in ENGAGEMENT_ACTIVITIES
        )
        any_activity = SQL(" OR ").join(
            SQL("(%s)", engagement_condition(name)) for name in ENGAGEMENT_ACTIVITIES
        )
        self.env.cr.execute(SQL("DELETE FROM alumni_engagement_activity %s", only))
        self.env.cr.execute(
            SQL(
                """
                WITH params AS (
                    SELECT %(half_life)s AS half_life, now() AT TIME ZONE 'UTC' AS now
                )
                INSERT INTO alumni_engagement_activity (partner_id, date, %(columns)s)
                SELECT touch.partner_id, params.now, %(sums)s
                  FROM alumni_lifecycle_event touch
                 CROSS JOIN params
                 WHERE (%(any_activity)s) %(only_touch)s
                 GROUP BY touch.partner_id, params.now
                    ON CONFLICT (partner_id) DO UPDATE
                   SET (date, %(columns)s) = (EXCLUDED.date, %(excluded)s)
                """,
                half_life=parameter_number(HALF_LIFE_PARAM, DEFAULT_HALF_LIFE),
                columns=SQL(", ").join(columns),
                sums=sums,
                any_activity=any_activity,
                only_touch=only_touch,
                excluded=SQL(", ").join(SQL("EXCLUDED.%s", column) for column in columns),
            )
        )
        self.invalidate_model()
        # What is read from the score in this transaction is read again.
        self.env["alumni.engagement.report"].invalidate_model()
        self.env["res.partner"].invalidate_model(["alumni_engagement_score"])

    @api.model
    def _refresh_for_rows(self, rows):
        """_refresh() for the people of timeline rows (dicts with a
        ``partner_id`` and a ``kind``) that count for the score."""
        self._refresh(
            row["partner_id"] for row in rows if engagement_activity_of(row.get("kind") or "")
        )

    @api.model
    def _cron_refresh(self):
        """Every night: everyone's sums aged to today."""
        self._refresh()
