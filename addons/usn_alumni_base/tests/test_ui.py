# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="tour_officer",
            password="tour_officer",
            groups="usn_alumni_base.group_alumni_user",
            tz="Europe/Oslo",
        )

    def test_officer_opens_alumni_app(self):
        self.start_tour("/odoo", "usn_alumni_open_app", login="tour_officer")

    def test_officer_enrols_a_prospect(self):
        programme = self.env["alumni.programme"].create(
            {"code": "TOURNUR", "name": "Tour Nursing", "level": "bachelor"}
        )
        person = self.env["res.partner"].create({"name": "Tora Tour"})
        self.env["alumni.lifecycle.event"].create(
            {"partner_id": person.id, "kind": "information_request"}
        )
        self.assertEqual(person.lifecycle_stage, "prospect")

        self.start_tour("/odoo", "usn_alumni_person_lifecycle", login="tour_officer")

        self.assertEqual(person.enrollment_ids.programme_id, programme)
        self.assertEqual(str(person.enrollment_ids.start_date), "2025-08-15")
        self.assertEqual(person.lifecycle_stage, "student")
        self.assertEqual(
            person.lifecycle_event_ids.filtered(lambda e: e.kind == "stage_change").mapped(
                "stage_to"
            ),
            ["student", "prospect"],
        )

    def test_officer_imports_a_file(self):
        self.start_tour("/odoo", "usn_alumni_import_file", login="tour_officer")
        job = self.env["alumni.import.job"].search([("filename", "=", "tour_students.csv")])
        self.assertEqual(job.state, "done")
        self.assertEqual((job.created_count, job.error_count), (2, 1))
        self.assertEqual(job.line_ids.filtered(lambda line: line.level == "error").line_number, 3)
        self.assertEqual(
            self.env["res.partner"].search([("student_number", "=", "880003")]).lifecycle_stage,
            "alumnus",
        )
