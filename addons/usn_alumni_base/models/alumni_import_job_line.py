# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AlumniImportJobLine(models.Model):
    """An error or a warning about one line of an imported file, or what a
    check of the file found the line would do."""

    _name = "alumni.import.job.line"
    _description = "Import Message"
    _order = "job_id, line_number, id"

    job_id = fields.Many2one("alumni.import.job", required=True, index=True, ondelete="cascade")
    line_number = fields.Integer(string="Line", help="Line of the file, as the file counts it.")
    level = fields.Selection(
        [("error", "Error"), ("warning", "Warning"), ("info", "Information")],
        required=True,
        help="Information lines say what a check of the file (a dry run) found the line would do.",
    )
    field = fields.Char(string="Column")
    message = fields.Char(required=True)
