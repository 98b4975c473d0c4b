# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AlumniLifecycleDocument(models.AbstractModel):
    """A record that shapes its person's lifecycle, such as an application or
    an enrolment: its timeline touchpoints follow it from person to person
    and go with it. (The person's stage and cohort follow from it through
    their computation's dependencies.) Models using it have a
    ``partner_id``."""

    _name = "alumni.lifecycle.document"
    _inherit = ["alumni.person.record"]
    _description = "Lifecycle Document"

    def write(self, vals):
        res = super().write(vals)
        if "partner_id" in vals:
            self.env["alumni.lifecycle.event"]._follow_documents(self)
        return res

    def unlink(self):
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)
        return super().unlink()
