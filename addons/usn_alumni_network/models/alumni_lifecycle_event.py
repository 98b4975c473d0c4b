# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AlumniLifecycleEvent(models.Model):
    _inherit = "alumni.lifecycle.event"

    # Joining is base's "network_join"; leaving and suspension are the
    # network's own touchpoints, with the reason as the description. A
    # published offer and joining a group are network activity too (the
    # engagement report counts every network_* kind except leaving and
    # suspension).
    kind = fields.Selection(
        selection_add=[
            ("network_leave", "Network leave"),
            ("network_suspension", "Network suspension"),
            ("network_contact", "Network contact"),
            ("network_offer", "Network offer"),
            ("network_group_join", "Network group join"),
        ],
        ondelete={
            "network_leave": "cascade",
            "network_suspension": "cascade",
            "network_contact": "cascade",
            "network_offer": "cascade",
            "network_group_join": "cascade",
        },
    )
