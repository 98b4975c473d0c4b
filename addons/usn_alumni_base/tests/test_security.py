# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import AlumniCommon


@tagged("post_install", "-at_install", "security")
class TestSecurity(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The coordinator's faculty is Health (with its Nursing department).
        cls.nurse = cls._create_person("Nina Nurse", email="nina@example.com")
        cls.nurse_enrollment = cls._enroll(cls.nurse, cls.programme_nursing)
        cls.engineer = cls._create_person("Erik Engineer", email="erik@example.com")
        cls.engineer_enrollment = cls._enroll(cls.engineer, cls.programme_it)
        cls.applicant = cls._create_person("Aksel Applicant")
        cls.applicant_application = cls._apply(cls.applicant, cls.programme_health_master)
        cls.it_applicant = cls._create_person("Ida Applicant")
        cls.it_application = cls._apply(cls.it_applicant, cls.programme_it_master)
        cls.employer = cls._create_person("Kongsberg Gruppen", is_company=True)
        cls.engineer._record_consent("newsletter", "given", "staff")
        # The portal user is an alumnus with records of their own.
        cls.portal_partner = cls.user_portal.partner_id
        cls.portal_enrollment = cls._enroll(cls.portal_partner, cls.programme_it)

    # -- faculty coordinator ------------------------------------------------

    @users("alumni_coordinator")
    def test_coordinator_sees_people_of_own_faculties_only(self):
        Partner = self.env["res.partner"]
        found = Partner.search([("id", "in", (self.nurse | self.engineer | self.applicant).ids)])
        self.assertEqual(found, self.nurse | self.applicant)
        people = Partner.search([("lifecycle_stage", "!=", False)])
        self.assertNotIn(self.engineer, people)
        self.assertNotIn(self.it_applicant, people)
        # Contacts outside the lifecycle (employers, schools) stay visible.
        self.assertEqual(Partner.search([("id", "=", self.employer.id)]), self.employer)

    @users("alumni_coordinator")
    def test_coordinator_cannot_read_or_write_other_faculty(self):
        engineer = self.engineer.with_env(self.env)
        with self.assertRaises(AccessError):
            engineer.read(["name", "email"])
        with self.assertRaises(AccessError):
            engineer.write({"email": "hijack@example.com"})
        with self.assertRaises(AccessError):
            self.engineer_enrollment.with_env(self.env).read(["final_grade"])
        with self.assertRaises(AccessError):
            self.engineer_enrollment.with_env(self.env).write({"final_grade": 5.0})
        with self.assertRaises(AccessError):
            self.it_application.with_env(self.env).read(["state"])
        self.assertEqual(self.engineer.sudo().email, "erik@example.com")

    @users("alumni_coordinator")
    def test_coordinator_works_on_own_faculty(self):
        nurse = self.nurse.with_env(self.env)
        nurse.write({"phone": "+4791234567"})
        self.assertEqual(nurse.phone, "+4791234567")
        enrollment = self.nurse_enrollment.with_env(self.env)
        enrollment.write({"final_grade": 4.5})
        self.assertEqual(enrollment.final_grade, 4.5)
        # A department's programme counts for the department and its faculty.
        self.assertEqual(
            nurse.affiliated_faculty_ids, self.faculty_health | self.department_nursing
        )
        Enrollment = self.env["alumni.enrollment"]
        self.assertEqual(
            Enrollment.search(
                [("id", "in", (self.nurse_enrollment | self.engineer_enrollment).ids)]
            ),
            self.nurse_enrollment,
        )

    @users("alumni_coordinator")
    def test_coordinator_timeline_and_consents_confined(self):
        Timeline = self.env["alumni.lifecycle.event"]
        partners = Timeline.search([]).partner_id
        self.assertIn(self.nurse, partners)
        self.assertNotIn(self.engineer, partners)
        engineer_events = self.engineer.sudo().lifecycle_event_ids
        with self.assertRaises(AccessError):
            engineer_events.with_env(self.env).read(["kind"])
        consent = self.engineer.sudo().consent_ids
        with self.assertRaises(AccessError):
            consent.with_env(self.env).read(["state"])

    @users("alumni_coordinator")
    def test_coordinator_cannot_configure(self):
        with self.assertRaises(AccessError):
            self.env["alumni.programme"].create({"code": "X", "name": "Sneaky"})
        with self.assertRaises(AccessError):
            self.env["alumni.consent.purpose"].create({"code": "x", "name": "Sneaky"})

    def test_coordinator_without_faculty_sees_no_lifecycle_people(self):
        self.user_coordinator.alumni_faculty_ids = False
        Partner = self.env["res.partner"].with_user(self.user_coordinator)
        self.assertFalse(Partner.search([("lifecycle_stage", "!=", False)]))
        self.user_coordinator.alumni_faculty_ids = self.faculty_tech
        self.assertIn(self.engineer, Partner.search([("lifecycle_stage", "!=", False)]))

    # -- officer --------------------------------------------------------------

    @users("alumni_officer")
    def test_officer_sees_every_faculty(self):
        Partner = self.env["res.partner"]
        everyone = self.nurse | self.engineer | self.applicant | self.it_applicant
        self.assertEqual(Partner.search([("id", "in", everyone.ids)]), everyone)
        self.engineer_enrollment.with_env(self.env).write({"final_grade": 3.9})
        self.assertEqual(self.engineer_enrollment.final_grade, 3.9)
        self.assertEqual(len(self.engineer.with_env(self.env).lifecycle_event_ids), 2)
        with self.assertRaises(AccessError):
            self.env["alumni.consent.purpose"].create({"code": "x", "name": "Officer"})

    # -- portal ---------------------------------------------------------------

    @users("alumni_portal")
    def test_portal_reads_own_records_only(self):
        Enrollment = self.env["alumni.enrollment"]
        self.assertEqual(Enrollment.search([]), self.portal_enrollment)
        self.assertTrue(self.env["alumni.lifecycle.event"].search([]))
        self.assertEqual(
            self.env["alumni.lifecycle.event"].search([]).partner_id, self.portal_partner
        )
        for record in (
            self.nurse_enrollment,
            self.engineer.sudo().consent_ids,
            self.engineer.sudo().lifecycle_event_ids,
            self.applicant_application,
        ):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_env(self.env).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.portal_enrollment.with_env(self.env).write({"final_grade": 5.0})
        with self.assertRaises(AccessError):
            self.nurse.with_env(self.env).read(["email"])

    @users("plain_employee")
    def test_employee_without_alumni_role_reads_no_suite_records(self):
        for model in (
            "alumni.enrollment",
            "alumni.application",
            "alumni.lifecycle.event",
            "alumni.consent",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].search([])
