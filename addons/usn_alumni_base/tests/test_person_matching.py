# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestPersonMatching(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ingrid = cls._create_person(
            "Ingrid Hansen", email="Ingrid@Example.com", phone="+4791234567"
        )
        cls.ola = cls._create_person("Ola Nordmann", student_number="210101", phone="+4790000001")
        cls.company = cls.env["res.partner"].create(
            {"name": "Hansen AS", "is_company": True, "email": "firm@example.com"}
        )

    def test_each_key_in_turn(self):
        found = self.env["res.partner"]._alumni_match_people(
            [
                {"email": "ingrid@example.com"},
                {"email": "unknown@example.com", "student_number": "210101"},
                {"email": "unknown@example.com", "phone": "+4791234567"},
                {"email": "ingrid@example.com", "student_number": "210101"},
                {"student_number": "999", "phone": "+4790000001"},
                {"email": "firm@example.com"},
                {},
            ]
        )
        self.assertEqual(
            found,
            [
                self.ingrid,
                self.ola,
                self.ingrid,
                self.ingrid,
                self.ola,
                self.env["res.partner"],
                self.env["res.partner"],
            ],
        )

    def test_one_query_per_key_whatever_the_number_of_contacts(self):
        contacts = [{"email": f"p{i}@example.com", "phone": f"+4740{i:06d}"} for i in range(200)]
        self.env.flush_all()
        with self.assertQueryCount(2):
            found = self.env["res.partner"]._alumni_match_people(contacts)
        self.assertFalse(any(found))

    def test_archived_people_are_not_found(self):
        self.ola.active = False
        found = self.env["res.partner"]._alumni_match_people([{"student_number": "210101"}])
        self.assertFalse(found[0])
