# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..report.alumni_event_conversion_report import DEFAULT_WINDOW_MONTHS, WINDOW_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    alumni_event_conversion_window_months = fields.Integer(
        string="Conversion Window (Months)",
        config_parameter=WINDOW_PARAM,
        default=DEFAULT_WINDOW_MONTHS,
        help="An application or enrolment counts as coming from an event when it "
        "is made at most this many months after the event began.",
    )

    @api.constrains("alumni_event_conversion_window_months")
    def _check_alumni_event_conversion_window_months(self):
        for settings in self:
            if settings.alumni_event_conversion_window_months < 1:
                raise ValidationError(
                    self.env._("The conversion window of events is at least one month.")
                )
