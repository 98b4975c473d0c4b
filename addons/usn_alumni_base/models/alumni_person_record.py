# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AlumniPersonRecord(models.AbstractModel):
    """A record about a person (an enrolment, an application, a consent, a
    career position...), kept within the reach of whoever writes it.

    Odoo checks record rules on the records as they are before a write: a
    faculty coordinator could move an enrolment of their faculty to another
    faculty's programme, or a portal user their own career position to
    another person. Here a write must also leave the records within the
    user's rules, and may point only at people the user can already see:
    records do not leave a user's scope, and do not pull other people into
    it.
    """

    _name = "alumni.person.record"
    _description = "Record about a Person"

    # The many2one fields to res.partner that name the people a record is
    # about.
    _person_fields = ("partner_id",)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_people_in_reach(vals_list)
        # Odoo checks the record rules of the new records itself.
        return super().create(vals_list)

    def write(self, vals):
        self._check_people_in_reach([vals])
        res = super().write(vals)
        if not self.env.su:
            # The records as they are now must still be within the rules.
            self.check_access("write")
        return res

    @api.model
    def _check_people_in_reach(self, vals_list):
        """Refuse values that point at people the user may not see."""
        if self.env.su:
            return
        partner_ids = {
            vals[name] for vals in vals_list for name in self._person_fields if vals.get(name)
        }
        if partner_ids:
            self.env["res.partner"].browse(partner_ids).check_access("read")
