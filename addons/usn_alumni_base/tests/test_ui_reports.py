# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiReports(HttpCase):
    """An officer and a faculty coordinator open each analysis of the Alumni app."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Faculty = cls.env["alumni.faculty"]
        health = Faculty.create({"name": "Tour Health", "code": "TOURHS"})
        tech = Faculty.create({"name": "Tour Tech", "code": "TOURTNM"})
        nursing, technology = cls.env["alumni.programme"].create(
            [
                {"code": "TOURNUR", "name": "Tour Nursing", "faculty_id": health.id},
                {"code": "TOURTEK", "name": "Tour Technology", "faculty_id": tech.id},
            ]
        )
        school = cls.env["res.partner"].create(
            {"name": "Tour School", "is_company": True, "is_school": True}
        )
        for name, programme, grade in (
            ("Tove Tour", nursing, 4.0),
            ("Tor Tour", technology, 3.0),
        ):
            person = cls.env["res.partner"].create({"name": name})
            cls.env["alumni.lifecycle.event"].create(
                {
                    "partner_id": person.id,
                    "kind": "information_request",
                    "programme_id": programme.id,
                }
            )
            cls.env["alumni.application"].create(
                {"partner_id": person.id, "programme_id": programme.id, "intake_year": 2021}
            )
            cls.env["alumni.enrollment"].create(
                {
                    "partner_id": person.id,
                    "programme_id": programme.id,
                    "start_date": "2021-08-15",
                    "end_date": "2024-06-15",
                    "graduation_date": "2024-06-15",
                    "state": "completed",
                    "final_grade": grade,
                }
            )
            cls.env["alumni.prior.education"].create(
                {"partner_id": person.id, "institution_id": school.id}
            )
            cls.env["alumni.lifecycle.event"].create(
                {"partner_id": person.id, "kind": "event_attendance"}
            )
        new_test_user(
            cls.env,
            login="tour_report_officer",
            password="tour_report_officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        coordinator = new_test_user(
            cls.env,
            login="tour_report_coordinator",
            password="tour_report_coordinator",
            groups="usn_alumni_base.group_alumni_faculty",
        )
        coordinator.alumni_faculty_ids = health

    def test_officer_opens_each_report(self):
        self.start_tour("/odoo", "usn_alumni_reports_officer", login="tour_report_officer")

    def test_coordinator_opens_each_report(self):
        self.start_tour("/odoo", "usn_alumni_reports_coordinator", login="tour_report_coordinator")
