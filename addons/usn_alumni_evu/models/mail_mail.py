# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .mailing_trace import SKIP_REASONS


class MailMail(models.Model):
    """A mail a mailing did not send carries the reason, as its trace does."""

    _inherit = "mail.mail"

    failure_type = fields.Selection(
        selection_add=SKIP_REASONS,
        ondelete={code: "set null" for code, _label in SKIP_REASONS},
    )
