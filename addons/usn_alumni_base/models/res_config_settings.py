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
    alumni_engagement_weight_event = fields.Float(
        string="Weight of an Event Attended",
        config_parameter="usn_alumni_base.engagement_weight_event",
        default=3.0,
    )
    alumni_engagement_weight_evu = fields.Float(
        string="Weight of a Continuing Education Enrolment",
        config_parameter="usn_alumni_base.engagement_weight_evu",
        default=5.0,
    )
    alumni_engagement_weight_network = fields.Float(
        string="Weight of Network Activity",
        config_parameter="usn_alumni_base.engagement_weight_network",
        default=2.0,
    )
    alumni_engagement_weight_mailing = fields.Float(
        string="Weight of a Mailing Click",
        config_parameter="usn_alumni_base.engagement_weight_mailing",
        default=1.0,
    )
    alumni_engagement_half_life = fields.Float(
        string="Engagement Half-life (months)",
        config_parameter="usn_alumni_base.engagement_half_life_months",
        default=12.0,
        help="An activity counts half as much after this many months; 0: it never fades.",
    )
    alumni_engagement_threshold = fields.Float(
        string="Engaged from a Score of",
        config_parameter="usn_alumni_base.engagement_threshold",
        default=1.0,
    )

    @api.constrains("alumni_duplicate_threshold")
    def _check_alumni_duplicate_threshold(self):
        for settings in self:
            if not 0 <= settings.alumni_duplicate_threshold <= 100:
                raise ValidationError(
                    self.env._("The duplicate threshold is a score between 0 and 100.")
                )

    @api.constrains(
        "alumni_engagement_weight_event",
        "alumni_engagement_weight_evu",
        "alumni_engagement_weight_network",
        "alumni_engagement_weight_mailing",
        "alumni_engagement_half_life",
        "alumni_engagement_threshold",
    )
    def _check_alumni_engagement_settings(self):
        names = (
            "alumni_engagement_weight_event",
            "alumni_engagement_weight_evu",
            "alumni_engagement_weight_network",
            "alumni_engagement_weight_mailing",
            "alumni_engagement_half_life",
            "alumni_engagement_threshold",
        )
        for settings in self:
            for name in names:
                if settings[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "“%(setting)s” cannot be below zero (it is %(value)s): "
                            "an activity may count for nothing, but not against a person.",
                            setting=settings._fields[name]._description_string(self.env),
                            value=settings[name],
                        )
                    )

    def set_values(self):
        res = super().set_values()
        # Odoo stores a number setting of 0 as "not set", which would bring
        # back the default: an activity weighted 0 (or no fading) is stored
        # as 0.
        Parameter = self.env["ir.config_parameter"].sudo()
        for name in (
            "alumni_engagement_weight_event",
            "alumni_engagement_weight_evu",
            "alumni_engagement_weight_network",
            "alumni_engagement_weight_mailing",
            "alumni_engagement_half_life",
            "alumni_engagement_threshold",
        ):
            if not self[name]:
                Parameter.set_param(self._fields[name].config_parameter, "0")
        return res
