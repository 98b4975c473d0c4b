# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .alumni_duplicate_candidate import DEFAULT_THRESHOLD, THRESHOLD_PARAM


class ResConfigSettings(models.TransientModel):
    """The Alumni app's page of the settings."""

    _inherit = "res.config.settings"

    alumni_duplicate_threshold = fields.Integer(
        string="Duplicate Threshold",
        config_parameter=THRESHOLD_PARAM,
        default=DEFAULT_THRESHOLD,
        help="Possible duplicates scoring at least this (0 to 100) are the ones "
        "the list shows by default.",
    )

    @api.constrains("alumni_duplicate_threshold")
    def _check_alumni_duplicate_threshold(self):
        for settings in self:
            if not 0 <= settings.alumni_duplicate_threshold <= 100:
                raise ValidationError(
                    self.env._("The duplicate threshold is a score between 0 and 100.")
                )
