# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The engagement score reads the activity added up per person: add up
    the timeline there is."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["alumni.engagement.activity"]._refresh()
