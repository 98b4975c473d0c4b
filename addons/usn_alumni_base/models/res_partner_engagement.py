# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

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
