# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestConstraints(AlumniCommon):
    def _count(self, model, domain=None):
        return self.env[model].search_count(domain or [])

    def test_duplicate_student_number_is_refused(self):
        self._create_person("Anne Original", student_number="210101")
        people = self._count("res.partner")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._create_person("Anne Copy", student_number="210101")
        self.assertEqual(self._count("res.partner"), people)
        self.assertEqual(self._count("res.partner", [("student_number", "=", "210101")]), 1)

    def test_student_number_is_trimmed_and_empty_is_none(self):
        first = self._create_person("Blank One", student_number="  ")
        second = self._create_person("Blank Two", student_number="")
        trimmed = self._create_person("Trim", student_number=" 220202 ")
        self.assertFalse(first.student_number)
        self.assertFalse(second.student_number)
        self.assertEqual(trimmed.student_number, "220202")

    def test_enrolment_ending_before_it_starts_is_refused(self):
        person = self._create_person("Dag Dates")
        with self.assertRaisesRegex(ValidationError, "Dag Dates.*cannot end"):
            with self.cr.savepoint():
                self._enroll(person, self.programme_it, start="2022-08-15", end_date="2022-06-01")
        self.assertFalse(person.enrollment_ids)
        self.assertFalse(person.lifecycle_stage)

    def test_grade_out_of_range_is_refused(self):
        person = self._create_person("Gro Grade")
        for grade in (5.5, -1.0):
            with self.subTest(grade=grade):
                with self.assertRaisesRegex(ValidationError, "between 0.0 and 5.0"):
                    with self.cr.savepoint():
                        self._enroll(person, self.programme_it, final_grade=grade)
                self.assertFalse(person.enrollment_ids)
        enrollment = self._enroll(person, self.programme_it, final_grade=4.2)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            enrollment.final_grade = 7
        enrollment.invalidate_recordset()
        self.assertEqual(enrollment.final_grade, 4.2)

    def test_malformed_linkedin_url_is_refused(self):
        person = self._create_person("Lars Link")
        for url in (
            "linkedin.com/in/lars",
            "https://www.linkedin.com/company/usn",
            "https://www.linkedln.com/in/lars-link",
            "http://www.linkedin.com/in/lars-link",
            "https://www.linkedin.com/in/lars link",
        ):
            with self.subTest(url=url):
                with self.assertRaisesRegex(ValidationError, "not a LinkedIn profile"):
                    with self.cr.savepoint():
                        person.linkedin_url = url
                person.invalidate_recordset()
                self.assertFalse(person.linkedin_url)
        person.linkedin_url = "https://www.linkedin.com/in/lars-link/"
        self.assertEqual(person.linkedin_url, "https://www.linkedin.com/in/lars-link/")

    def test_date_of_death_needs_deceased_and_past(self):
        person = self._create_person("Olav Old")
        with self.assertRaisesRegex(ValidationError, "not marked as deceased"):
            with self.cr.savepoint():
                person.deceased_date = "2020-01-01"
        with self.assertRaisesRegex(ValidationError, "in the future"):
            with self.cr.savepoint():
                person.write({"is_deceased": True, "deceased_date": "2999-01-01"})
        person.write({"is_deceased": True, "deceased_date": "2020-01-01"})
        self.assertTrue(person.is_deceased)

    def test_faculty_cannot_be_its_own_department(self):
        with self.assertRaisesRegex(UserError, "Recursion"):
            with self.cr.savepoint():
                self.faculty_health.parent_id = self.department_nursing
        self.faculty_health.invalidate_recordset()
        self.assertFalse(self.faculty_health.parent_id)

    def test_family_relations_come_in_pairs(self):
        mother = self._create_person("Mor Hansen")
        son = self._create_person("Sønn Hansen")
        relation = self.env["alumni.partner.relation"].create(
            {"partner_id": mother.id, "related_partner_id": son.id, "kind": "parent"}
        )
        self.assertEqual(son.relation_ids.kind, "child")
        self.assertEqual(son.relation_ids.related_partner_id, mother)
        relation.kind = "relative"
        self.assertEqual(son.relation_ids.kind, "relative")
        relation.unlink()
        self.assertFalse(son.relation_ids)
        with self.assertRaisesRegex(ValidationError, "own family member"):
            with self.cr.savepoint():
                self.env["alumni.partner.relation"].create(
                    {"partner_id": son.id, "related_partner_id": son.id}
                )

    def test_profile_completeness(self):
        person = self._create_person("Pia Profile")
        self.assertEqual(person.profile_completeness, 0)
        person.write({"email": "pia@example.com", "mobile": "+4791234567", "city": "Bø"})
        self.assertEqual(person.profile_completeness, 38)
        person.interest_ids = [Command.create({"name": "Nursing research"})]
        self.assertEqual(person.profile_completeness, 50)
