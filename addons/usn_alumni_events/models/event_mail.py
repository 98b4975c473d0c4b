# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class EventMail(models.Model):
    _inherit = "event.mail"

    def _execute_event_based_for_registrations(self, registrations):
        """People on the waiting list have no seat: the event's mails (its
        reminders) are not for them."""
        return super()._execute_event_based_for_registrations(
            registrations.filtered(lambda r: r.state != "waitlist")
        )
