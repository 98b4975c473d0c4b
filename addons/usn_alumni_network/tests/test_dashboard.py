# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.usn_alumni_base.tests.dashboard_common import DashboardChecks

from .common import NOW, AlumniNetworkCommon

DASHBOARD = "usn_alumni_network.spreadsheet_dashboard_alumni_network"
DASHBOARD_FILE = "usn_alumni_network/data/files/alumni_network_freshness_dashboard.json"


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestNetworkDashboard(DashboardChecks, AlumniNetworkCommon):
    """The data freshness dashboard in the Alumni group of Odoo's
    Dashboards app: per faculty, for officers and coordinators."""

    def test_dashboard_file_is_loaded_and_translatable(self):
        self.assertDashboardFile(DASHBOARD, DASHBOARD_FILE)

    def test_every_name_it_reads_exists(self):
        data = self.assertDashboardNamesExist(DASHBOARD)
        self.assertEqual(
            {pivot["model"] for pivot in data["pivots"].values()},
            {"alumni.network.freshness.report"},
        )

    def test_coordinator_sees_their_faculties_only(self):
        dashboard = self.env.ref(DASHBOARD)
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.user_officer, self.user_coordinator):
            self.assertIn(dashboard, Dashboard.with_user(user).search([]))
        self.assertNotIn(dashboard, Dashboard.with_user(self.user_employee).search([]))
        self.assertDashboardLinksWorkFor(DASHBOARD, self.user_officer | self.user_coordinator)
        self.env.flush_all()
        officer = {
            group["faculty_id"][0]
            for group in self._dashboard_pivot_groups(DASHBOARD, "1", self.user_officer)
        }
        coordinator = {
            group["faculty_id"][0]
            for group in self._dashboard_pivot_groups(DASHBOARD, "1", self.user_coordinator)
        }
        # The members are IT graduates and a nursing graduate: the
        # officer's figures hold both faculties, the coordinator's Health only.
        self.assertLessEqual({self.faculty_tech.id}, officer)
        self.assertIn(self.faculty_health.id, coordinator)
        self.assertNotIn(self.faculty_tech.id, coordinator)
        self.assertLessEqual(coordinator, set((self.faculty_health | self.department_nursing).ids))
        lonely = new_test_user(
            self.env,
            login="dashboard_lonely_network",
            groups="usn_alumni_base.group_alumni_faculty",
        )
        self.assertEqual(self._dashboard_pivot_groups(DASHBOARD, "1", lonely), [])
