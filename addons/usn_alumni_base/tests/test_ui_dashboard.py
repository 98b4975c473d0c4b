# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

DASHBOARDS_URL = "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"


@tagged("post_install", "-at_install")
class TestUiDashboard(HttpCase):
    """An officer and a faculty coordinator open the Alumni dashboard in
    Odoo's Dashboards app: the officer's figures hold both faculties, the
    coordinator's only their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Faculty = cls.env["alumni.faculty"]
        health = Faculty.create({"name": "Dashboard Health", "code": "DASHHS"})
        tech = Faculty.create({"name": "Dashboard Tech", "code": "DASHTNM"})
        nursing, technology = cls.env["alumni.programme"].create(
            [
                {"code": "DASHNUR", "name": "Dashboard Nursing", "faculty_id": health.id},
                {"code": "DASHTEK", "name": "Dashboard Technology", "faculty_id": tech.id},
            ]
        )
        for name, programme in (("Dina Dashboard", nursing), ("Dag Dashboard", technology)):
            person = cls.env["res.partner"].create({"name": name})
            cls.env["alumni.lifecycle.event"].create(
                {
                    "partner_id": person.id,
                    "kind": "information_request",
                    "programme_id": programme.id,
                }
            )
            cls.env["alumni.enrollment"].create(
                {
                    "partner_id": person.id,
                    "programme_id": programme.id,
                    "start_date": "2021-08-15",
                    "end_date": "2024-06-15",
                    "graduation_date": "2024-06-15",
                    "state": "completed",
                    "final_grade": 4.0,
                }
            )
        new_test_user(
            cls.env,
            login="dashboard_officer",
            password="dashboard_officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        coordinator = new_test_user(
            cls.env,
            login="dashboard_coordinator",
            password="dashboard_coordinator",
            groups="usn_alumni_base.group_alumni_faculty",
        )
        coordinator.alumni_faculty_ids = health

    def test_officer_opens_the_dashboard(self):
        self.start_tour(DASHBOARDS_URL, "alumni_dashboard_officer", login="dashboard_officer")

    def test_coordinator_sees_their_faculty_only(self):
        self.start_tour(
            DASHBOARDS_URL, "alumni_dashboard_coordinator", login="dashboard_coordinator"
        )
