# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# The fields of an enrolment that the matches of its person follow from.
MATCHED_ENROLLMENT_FIELDS = frozenset(
    {"partner_id", "programme_id", "state", "graduation_date", "end_date"}
)


class AlumniEnrollment(models.Model):
    _inherit = "alumni.enrollment"

    def _after_create(self):
        # Run for enrolments however they were created, the import's fast
        # path included (which skips create() overrides).
        result = super()._after_create()
        self.env["alumni.evu.match"]._queue_recompute(partners=self.partner_id)
        return result

    def write(self, vals):
        before = self.partner_id
        result = super().write(vals)
        if MATCHED_ENROLLMENT_FIELDS & vals.keys():
            self.env["alumni.evu.match"]._queue_recompute(partners=before | self.partner_id)
        return result

    def unlink(self):
        self.env["alumni.evu.match"]._queue_recompute(partners=self.partner_id)
        return super().unlink()
