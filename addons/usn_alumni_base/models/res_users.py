# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    alumni_faculty_ids = fields.Many2many(
        "alumni.faculty",
        "res_users_alumni_faculty_rel",
        "user_id",
        "faculty_id",
        string="Alumni Faculties",
        help="A faculty coordinator sees and works on the people affiliated with "
        "these faculties and their departments.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "alumni_faculty_ids" in vals:
            # Record rules read the faculties of the user: drop cached rules.
            self.env.registry.clear_cache()
        return res
