# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class EventMailRegistration(models.Model):
    _inherit = "event.mail.registration"

    def _execute_on_registrations(self):
        """The mails after registering wait while the person waits for a seat:
        they go once the seat is given."""
        return super(
            EventMailRegistration, self.filtered(lambda m: m.registration_id.state != "waitlist")
        )._execute_on_registrations()
