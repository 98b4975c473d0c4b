# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# The fields of a person that their continuing-education matches follow from
# (their enrolments, career and applications have triggers of their own).
MATCHED_PERSON_FIELDS = frozenset({"interest_ids", "is_deceased", "active", "is_company"})


class ResPartner(models.Model):
    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if MATCHED_PERSON_FIELDS & vals.keys():
            self.env["alumni.evu.match"]._queue_recompute(partners=self)
        return result

    def _create(self, data_list):
        # Not create(): the import's fast path inserts people only when
        # create() is overridden by no addon it was not checked against
        # (usn_alumni_base/tools/row_importer.py); it stores no subjects, and
        # the prospects' fast path links them through write().
        partners = super()._create(data_list)
        with_subjects = [
            partner.id
            for partner, data in zip(partners, data_list, strict=True)
            if data["stored"].get("interest_ids")
        ]
        if with_subjects:
            self.env["alumni.evu.match"]._queue_recompute(partners=partners.browse(with_subjects))
        return partners
