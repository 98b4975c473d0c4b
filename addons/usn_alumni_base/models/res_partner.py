# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

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
