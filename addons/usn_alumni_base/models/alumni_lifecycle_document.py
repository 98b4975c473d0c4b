# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AlumniLifecycleDocument(models.AbstractModel):
    """A record that shapes its person's lifecycle, such as an application or
    an enrolment: its timeline touchpoints follow it from person to person
    and go with it, and the person's stage and cohort are derived again
    whenever it changes. Models using it have a ``partner_id``."""

    _name = "alumni.lifecycle.document"
    _description = "Lifecycle Document"

    # The fields whose change may change the person's stage or cohort.
    _lifecycle_fields = ("partner_id", "state")

    def write(self, vals):
        partners_before = self.partner_id if "partner_id" in vals else self.env["res.partner"]
        res = super().write(vals)
        if "partner_id" in vals:
            self.env["alumni.lifecycle.event"]._follow_documents(self)
        if set(self._lifecycle_fields) & vals.keys():
            (partners_before | self.partner_id)._update_lifecycle()
        return res

    def unlink(self):
        partners = self.partner_id
        self.env["alumni.lifecycle.event"]._remove_for_documents(self)
        res = super().unlink()
        partners._update_lifecycle()
        return res
