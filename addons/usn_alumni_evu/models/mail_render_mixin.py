# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .res_partner_campaign import PREFERENCES_PATH


class MailRenderMixin(models.AbstractModel):
    """A person's signed preferences link stays as it is in a mailing: it is
    personal, so it is never made into a tracked short link (that would make
    one tracker per recipient and keep their token in it)."""

    _inherit = "mail.render.mixin"

    def _shorten_links(self, html, link_tracker_vals, blacklist=None, base_url=None):
        return super()._shorten_links(
            html,
            link_tracker_vals,
            blacklist=[*(blacklist or ()), PREFERENCES_PATH],
            base_url=base_url,
        )
