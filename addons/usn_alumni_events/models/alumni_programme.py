# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AlumniProgramme(models.Model):
    """A programme offered on the website's information request form, with
    the e-mail that answers a request about it."""

    _inherit = "alumni.programme"

    website_published = fields.Boolean(
        string="Offered on the Website",
        copy=False,
        help="Visitors can ask for information about the programme on the website.",
    )
    information_mail_template_id = fields.Many2one(
        "mail.template",
        string="Information E-mail",
        domain="[('model', '=', 'alumni.information.request')]",
        help="The e-mail sent at once to someone who asks for information about the "
        "programme. When empty, the suite's general information e-mail is sent.",
    )

    @api.model
    def _website_information_programmes(self):
        """The programmes offered on the website's information request form.

        As superuser: visitors may not read programmes; only the published
        ones are returned, for their names.
        """
        return self.sudo().search([("website_published", "=", True)], order="name, id")
