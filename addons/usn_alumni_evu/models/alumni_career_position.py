# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# The fields of a position that the matches of its person follow from.
MATCHED_POSITION_FIELDS = frozenset({"partner_id", "title", "industry_id", "end_date"})


class AlumniCareerPosition(models.Model):
    _inherit = "alumni.career.position"

    @api.model_create_multi
    def create(self, vals_list):
        positions = super().create(vals_list)
        self.env["alumni.evu.match"]._queue_recompute(partners=positions.partner_id)
        return positions

    def write(self, vals):
        before = self.partner_id
        result = super().write(vals)
        if MATCHED_POSITION_FIELDS & vals.keys():
            self.env["alumni.evu.match"]._queue_recompute(partners=before | self.partner_id)
        return result

    def unlink(self):
        self.env["alumni.evu.match"]._queue_recompute(partners=self.partner_id)
        return super().unlink()
