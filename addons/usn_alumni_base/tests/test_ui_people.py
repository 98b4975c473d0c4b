# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiPeople(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="people_officer",
            password="people_officer",
            groups="base.group_user,base.group_partner_manager,usn_alumni_base.group_alumni_user",
            tz="Europe/Oslo",
        )

    def test_officer_creates_a_person_and_finds_them_in_people(self):
        self.start_tour("/odoo", "usn_alumni_people_new", login="people_officer")
        person = self.env["res.partner"].search([("name", "=", "Nils Newcomer")])
        self.assertEqual(len(person), 1)
        self.assertEqual(person.student_number, "N1001")
        self.assertTrue(person.is_alumni_person)
        self.assertFalse(person.lifecycle_stage)
