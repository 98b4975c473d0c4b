# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AlumniInformationRequest(models.Model):
    _inherit = "alumni.information.request"

    def _send_information_mail(self):
        # The demo university's requests (alumni.demo) were answered long ago:
        # no information e-mail is rendered or queued for them.
        if self.env.context.get("alumni_demo"):
            return
        return super()._send_information_mail()
