# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.usn_alumni_base.tests.dashboard_common import DashboardChecks

from .common import AlumniEvuCommon

DASHBOARD = "usn_alumni_evu.spreadsheet_dashboard_alumni_evu"
DASHBOARD_FILE = "usn_alumni_evu/data/files/alumni_evu_dashboard.json"


@tagged("post_install", "-at_install")
class TestEvuDashboard(DashboardChecks, AlumniEvuCommon):
    """The continuing-education dashboard in the Alumni group of Odoo's
    Dashboards app."""

    def test_dashboard_file_is_loaded_and_translatable(self):
        self.assertDashboardFile(DASHBOARD, DASHBOARD_FILE)

    def test_every_name_it_reads_exists(self):
        data = self.assertDashboardNamesExist(DASHBOARD)
        self.assertEqual(
            {pivot["model"] for pivot in data["pivots"].values()},
            {"alumni.evu.offer.report", "alumni.evu.campaign.report"},
        )
        # The share of EVU students who are network members is a key figure.
        self.assertIn(
            '=PIVOT.VALUE(1,"member_share")',
            [cell["content"] for cell in data["sheets"][1]["cells"].values()],
        )

    def test_officers_and_marketing_see_it_coordinators_do_not(self):
        dashboard = self.env.ref(DASHBOARD)
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.user_officer, self.user_marketing):
            self.assertIn(dashboard, Dashboard.with_user(user).search([]))
            for pivot_id in ("1", "2"):
                # What the browser reads for the pivots: no access error.
                self._dashboard_pivot_groups(DASHBOARD, pivot_id, user)
        # The continuing-education analyses are not theirs to read.
        self.assertNotIn(dashboard, Dashboard.with_user(self.user_coordinator).search([]))
        self.assertNotIn(dashboard, Dashboard.with_user(self.user_employee).search([]))
        self.assertDashboardLinksWorkFor(DASHBOARD, self.user_officer | self.user_marketing)
