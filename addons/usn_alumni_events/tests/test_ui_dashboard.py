# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .test_dashboard import EventsDashboardCommon

DASHBOARDS_URL = "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"


@tagged("post_install", "-at_install")
class TestUiEventsDashboard(EventsDashboardCommon, HttpCase):
    """An officer opens the Events dashboard in Odoo's Dashboards app and
    filters it by year."""

    def test_officer_opens_the_events_dashboard(self):
        self.start_tour(DASHBOARDS_URL, "alumni_events_dashboard_officer", login="alumni_officer")
