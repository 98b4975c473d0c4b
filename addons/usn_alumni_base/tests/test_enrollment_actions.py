# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import NOW, AlumniCommon

TODAY = date(2026, 3, 2)
# A student-system export with one enrolment, first active, then completed.
EXPORT = (
    "Studentnr;Fornavn;Etternavn;E-post;Mobil;Studieprogramkode;Studieprogram;"
    "Startdato;Sluttdato;Status\n"
    "770001;Siv;Status;siv.status@example.no;91234590;BSYK;Bachelor in Nursing;"
    "15.08.2021;{end};{state}\n"
)


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestEnrollmentActions(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.student = cls._create_person("Stine Student")

    def _officer_enrollment(self, **vals):
        enrollment = self._enroll(self.student, self.programme_nursing, **vals)
        return enrollment.with_user(self.user_officer)

    def test_graduate_ends_the_enrolment_today(self):
        enrollment = self._officer_enrollment()
        enrollment.action_complete()
        self.assertEqual(enrollment.state, "completed")
        self.assertEqual(enrollment.end_date, TODAY)
        self.assertEqual(enrollment.graduation_date, TODAY)
        self.assertEqual(enrollment.graduation_year, 2026)

    def test_graduate_after_the_end_keeps_the_end_date(self):
        enrollment = self._officer_enrollment(end_date="2023-06-15")
        enrollment.action_complete()
        self.assertEqual(enrollment.end_date, date(2023, 6, 15))
        self.assertEqual(enrollment.graduation_date, date(2023, 6, 15))
        self.assertEqual(enrollment.graduation_year, 2023)

    def test_graduate_before_the_planned_end_ends_today(self):
        enrollment = self._officer_enrollment(end_date="2027-06-15")
        enrollment.action_complete()
        self.assertEqual(enrollment.end_date, TODAY)
        self.assertEqual(enrollment.graduation_date, TODAY)

    def test_withdraw_ends_the_enrolment_today(self):
        enrollment = self._officer_enrollment()
        enrollment.action_withdraw()
        self.assertEqual(enrollment.state, "withdrawn")
        self.assertEqual(enrollment.end_date, TODAY)
        self.assertFalse(enrollment.graduation_date)
        self.assertFalse(enrollment.graduation_year)

    def test_coordinator_graduates_in_their_faculty(self):
        enrollment = self._enroll(self.student, self.programme_nursing)
        enrollment.with_user(self.user_coordinator).action_complete()
        self.assertEqual(enrollment.state, "completed")

    def test_officer_cannot_write_the_status(self):
        enrollment = self._officer_enrollment()
        for state in ("completed", "withdrawn"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "Graduate"):
                enrollment.write({"state": state})
        self.assertEqual(enrollment.state, "active")
        # Writing the status it already has changes nothing and is allowed.
        enrollment.write({"state": "active", "credits": 30})
        self.assertEqual(enrollment.credits, 30)

    def test_officer_cannot_create_an_ended_enrolment(self):
        Enrollment = self.env["alumni.enrollment"].with_user(self.user_officer)
        vals = {
            "partner_id": self.student.id,
            "programme_id": self.programme_nursing.id,
            "start_date": "2020-08-15",
        }
        with self.assertRaisesRegex(UserError, "Graduate"):
            Enrollment.create({**vals, "state": "completed"})
        with self.assertRaisesRegex(UserError, "Graduate"):
            Enrollment.with_context(default_state="withdrawn").create(vals)
        self.assertEqual(Enrollment.create(vals).state, "active")

    def test_status_is_read_only_in_the_form(self):
        self.assertTrue(self.env["alumni.enrollment"]._fields["state"].readonly)
        enrollment = self._officer_enrollment()
        with Form(enrollment) as form:
            with self.assertRaises(AssertionError):
                form.state = "completed"
            form.credits = 60
        self.assertEqual(enrollment.state, "active")

    def test_officer_import_updates_the_status(self):
        Job = self.env["alumni.import.job"].with_user(self.user_officer)
        Partner = self.env["res.partner"]
        for end, state, expected in (
            ("", "aktiv", "active"),
            ("20.06.2024", "fullført", "completed"),
        ):
            content = EXPORT.format(end=end, state=state).encode()
            job = Job.create({"file": base64.b64encode(content), "filename": "students.csv"})
            job.action_run()
            self.assertEqual((job.state, job.error_count), ("done", 0))
            enrollment = Partner.search([("student_number", "=", "770001")]).enrollment_ids
            self.assertEqual(enrollment.state, expected)
        self.assertEqual(enrollment.end_date, date(2024, 6, 20))

    def test_status_changes_are_tracked_in_the_chatter(self):
        enrollment = self._officer_enrollment().with_context(
            tracking_disable=False, mail_notrack=False
        )
        # Changes are tracked from the transaction after the creation on.
        self.env.flush_all()
        self.env.cr.precommit.run()
        enrollment.action_withdraw()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = enrollment.sudo().message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("state", tracked)
        self.assertIn("end_date", tracked)
