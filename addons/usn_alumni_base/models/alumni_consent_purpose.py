# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AlumniConsentPurpose(models.Model):
    _name = "alumni.consent.purpose"
    _description = "Consent Purpose"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical name other addons use to ask for this consent, e.g. evu_email.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(
        translate=True, help="What the person agrees to, as shown to them when they are asked."
    )
    wording_version = fields.Char(
        default="1",
        required=True,
        help="Version of the wording people currently agree to. Each answer keeps "
        "the version it was given for.",
    )
    consent_ids = fields.One2many("alumni.consent", "purpose_id", string="Answers")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another consent purpose already has this code."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        purposes = super().create(vals_list)
        self._refresh_consent_filters()
        return purposes

    def write(self, vals):
        res = super().write(vals)
        if {"name", "code", "sequence", "active"} & vals.keys():
            self._refresh_consent_filters()
        return res

    def unlink(self):
        res = super().unlink()
        self._refresh_consent_filters()
        return res

    def _refresh_consent_filters(self):
        # The People search view has a filter per purpose (res.partner._get_view).
        self.env.registry.clear_cache("templates")
