# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import NOW, AlumniCommon
from .dashboard_common import DashboardChecks

DASHBOARD = "usn_alumni_base.spreadsheet_dashboard_alumni"
DASHBOARD_FILE = "usn_alumni_base/data/files/alumni_dashboard.json"


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestAlumniDashboard(DashboardChecks, AlumniCommon):
    """The "Alumni" dashboard of Odoo's Dashboards app: what it reads, who
    sees it, and that a coordinator's figures are their faculties' only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for name, programme in (
            ("Hedda Health", cls.programme_nursing),
            ("Tore Tech", cls.programme_it),
        ):
            person = cls._create_person(name)
            cls._touch(person, programme_id=programme.id, date="2025-10-01 10:00:00")
            cls._apply(person, programme, intake_year=2026)
            cls._enroll(
                person,
                programme,
                start="2021-08-15",
                end_date="2024-06-15",
                graduation_date="2024-06-15",
                state="completed",
                final_grade=4.0,
            )
        cls.env.flush_all()

    def test_dashboard_file_is_loaded_and_translatable(self):
        data = self.assertDashboardFile(DASHBOARD, DASHBOARD_FILE)
        self.assertEqual({f["label"] for f in data["globalFilters"]}, {"Faculty", "Year"})

    def test_every_name_it_reads_exists(self):
        data = self.assertDashboardNamesExist(DASHBOARD)
        models = {pivot["model"] for pivot in data["pivots"].values()}
        models |= {spec["model"] for spec in data["lists"].values()}
        self.assertEqual(
            models,
            {"alumni.funnel.report", "alumni.feeder.school.report", "alumni.engagement.report"},
        )

    def test_each_figure_follows_the_faculty_filter(self):
        __, data = self._dashboard_data(DASHBOARD)
        faculty_filter = next(f for f in data["globalFilters"] if f["label"] == "Faculty")
        self.assertEqual(faculty_filter["modelName"], "alumni.faculty")
        # A faculty includes its departments, as the coordinators' scope does.
        self.assertTrue(faculty_filter["includeChildren"])
        sources = [*data["pivots"].values(), *data["lists"].values()]
        sources += [
            figure["data"]
            for sheet in data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]
        self.assertGreaterEqual(len(sources), 7)
        for source in sources:
            self.assertEqual(source["fieldMatching"][faculty_filter["id"]]["chain"], "faculty_id")

    def test_year_filter_reads_intake_and_cohort(self):
        __, data = self._dashboard_data(DASHBOARD)
        year = next(f for f in data["globalFilters"] if f["label"] == "Year")
        chains = {
            pivot["model"]: pivot["fieldMatching"][year["id"]].get("chain")
            for pivot in data["pivots"].values()
        }
        self.assertEqual(
            chains,
            {"alumni.funnel.report": "intake_date", "alumni.engagement.report": "cohort_date"},
        )
        funnel = self.env["alumni.funnel.report"].search(
            [("programme_id", "=", self.programme_nursing.id)]
        )
        self.assertEqual(funnel.intake_date.isoformat(), "2026-01-01")
        engagement = self.env["alumni.engagement.report"].search(
            [("programme_id", "=", self.programme_nursing.id)]
        )
        self.assertEqual(engagement.cohort_date.isoformat(), "2024-01-01")

    def test_officers_and_coordinators_see_it(self):
        dashboard = self.env.ref(DASHBOARD)
        self.assertEqual(dashboard.dashboard_group_id.name, "Alumni")
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.user_officer, self.user_coordinator):
            self.assertIn(dashboard, Dashboard.with_user(user).search([]))
            snapshot = dashboard.with_user(user).get_readonly_dashboard()["snapshot"]
            self.assertIn("alumni.funnel.report", str(snapshot["pivots"]))
        self.assertNotIn(dashboard, Dashboard.with_user(self.user_employee).search([]))
        self.assertDashboardLinksWorkFor(DASHBOARD, self.user_officer | self.user_coordinator)

    def test_coordinator_figures_hold_only_their_faculties(self):
        """The dashboard's pivots, read as the browser reads them: the
        officer's hold both faculties, the coordinator's Health only."""
        faculties = self.department_nursing | self.faculty_tech
        for pivot_id in ("1", "2"):
            officer_groups = self._dashboard_pivot_groups(DASHBOARD, pivot_id, self.user_officer)
            coordinator_groups = self._dashboard_pivot_groups(
                DASHBOARD, pivot_id, self.user_coordinator
            )
            self.assertTrue(officer_groups)
            self.assertTrue(coordinator_groups)
        Funnel = self.env["alumni.funnel.report"]
        for user, expected in (
            (self.user_officer, faculties),
            (self.user_coordinator, self.department_nursing),
        ):
            groups = Funnel.with_user(user)._read_group(
                [("faculty_id", "in", faculties.ids)], ["faculty_id"], ["requested:sum"]
            )
            self.assertEqual({faculty for faculty, __ in groups}, set(expected))
        # The engagement pivot of the dashboard (by programme), as the coordinator.
        programmes = {
            group["programme_id"][0]
            for group in self._dashboard_pivot_groups(DASHBOARD, "2", self.user_coordinator)
        }
        self.assertIn(self.programme_nursing.id, programmes)
        self.assertNotIn(self.programme_it.id, programmes)

    def test_coordinator_without_faculty_sees_empty_figures(self):
        lonely = new_test_user(
            self.env, login="dashboard_lonely", groups="usn_alumni_base.group_alumni_faculty"
        )
        for pivot_id in ("1", "2"):
            self.assertEqual(self._dashboard_pivot_groups(DASHBOARD, pivot_id, lonely), [])
        __, data = self._dashboard_data(DASHBOARD)
        feeder = data["lists"]["1"]
        self.assertFalse(
            self.env[feeder["model"]]
            .with_user(lonely)
            .search_read(feeder["domain"], feeder["columns"])
        )
