# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .alumni_engagement_activity import HALF_LIFE_PARAM


class IrConfigParameter(models.Model):
    """A new half-life of the engagement score ages everyone's activity
    again, however it is set (the settings, or the system parameters)."""

    _inherit = "ir.config_parameter"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if HALF_LIFE_PARAM in records.mapped("key"):
            self.env["alumni.engagement.activity"]._refresh()
        return records

    def write(self, vals):
        touched = HALF_LIFE_PARAM in self.mapped("key")
        res = super().write(vals)
        if touched or HALF_LIFE_PARAM in self.mapped("key"):
            self.env["alumni.engagement.activity"]._refresh()
        return res

    def unlink(self):
        touched = HALF_LIFE_PARAM in self.mapped("key")
        res = super().unlink()
        if touched:
            self.env["alumni.engagement.activity"]._refresh()
        return res
