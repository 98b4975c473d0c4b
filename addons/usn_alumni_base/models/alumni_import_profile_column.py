# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .alumni_import_profile import IMPORT_TARGETS


class AlumniImportProfileColumn(models.Model):
    _name = "alumni.import.profile.column"
    _description = "Import Profile Column"
    _order = "profile_id, sequence, id"

    profile_id = fields.Many2one("alumni.import.profile", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    target = fields.Selection(IMPORT_TARGETS, string="Holds", required=True)
    header_names = fields.Char(
        required=True,
        help="The names this column may have in the file's header row, separated by "
        "commas. Letter case and spacing do not matter.",
    )

    _sql_constraints = [
        (
            "target_uniq",
            "unique(profile_id, target)",
            "Each kind of data has one column in a profile.",
        ),
    ]
