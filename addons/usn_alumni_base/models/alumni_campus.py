# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AlumniCampus(models.Model):
    _name = "alumni.campus"
    _description = "Campus"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char()
    city = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A campus with this name already exists."),
    ]
