# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What users must not get through: each test tries it as that user."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged, users

from .common import NOW, AlumniCommon

# What the suite holds about a person, for the Alumni roles only.
PERSON_FIELDS = (
    "student_number",
    "lifecycle_stage",
    "is_alumni_person",
    "alumni_programme_id",
    "alumni_faculty_id",
    "alumni_campus_id",
    "birth_date",
    "graduation_year",
    "is_deceased",
    "deceased_date",
    "linkedin_url",
    "network_state",
    "profile_completeness",
    "last_verified_date",
    "consent_ids",
    "current_consent_ids",
    "enrollment_ids",
    "application_ids",
    "prior_education_ids",
    "career_position_ids",
    "interest_ids",
    "relation_ids",
    "lifecycle_event_ids",
)


class LeaksCommon(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A colleague made as an administrator makes users: a name and a
        # login, with the groups of the default user template.
        cls.user_colleague = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create({"name": "Sofie Sales", "login": "colleague", "email": "sofie@example.com"})
        )
        cls.nurse = cls._create_person(
            "Nina Nurse",
            email="nina@example.com",
            student_number="S100",
            birth_date="1999-04-01",
            linkedin_url="https://www.linkedin.com/in/nina-nurse",
        )
        cls.nurse_enrollment = cls._enroll(
            cls.nurse, cls.programme_nursing, state="completed", graduation_date="2023-06-15"
        )
        cls.nurse._record_consent("newsletter", "given", "staff")
        cls.engineer = cls._create_person("Erik Engineer", email="erik@example.com")
        cls.engineer_enrollment = cls._enroll(cls.engineer, cls.programme_it)
        cls.applicant = cls._create_person("Aksel Applicant")
        cls.application = cls._apply(cls.applicant, cls.programme_health_master)


@tagged("post_install", "-at_install", "security")
class TestPersonFieldsForOtherEmployees(LeaksCommon):
    def test_colleague_is_made_like_a_real_user(self):
        # The leak is about users with Contact Creation and Export rights.
        self.assertTrue(self.user_colleague.has_group("base.group_user"))
        self.assertTrue(self.user_colleague.has_group("base.group_partner_manager"))
        self.assertFalse(self.user_colleague.has_group("usn_alumni_base.group_alumni_faculty"))

    @users("colleague")
    def test_colleague_does_not_see_the_person_fields(self):
        fields_seen = self.env["res.partner"].fields_get()
        self.assertFalse(set(PERSON_FIELDS) & fields_seen.keys())
        self.assertIn("email", fields_seen)

    @users("colleague")
    def test_colleague_cannot_read_export_or_search_them(self):
        nurse = self.nurse.with_env(self.env)
        self.assertEqual(nurse.read(["email"])[0]["email"], "nina@example.com")
        for name in PERSON_FIELDS:
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    nurse.read([name])
                with self.assertRaises(AccessError):
                    nurse.export_data(["name", name])
                with self.assertRaises(AccessError):
                    self.env["res.partner"].search([(name, "!=", False)])
                with self.assertRaises(AccessError):
                    self.env["res.partner"].web_search_read([], {"name": {}, name: {}})

    @users("colleague")
    def test_colleague_cannot_change_or_set_them(self):
        nurse = self.nurse.with_env(self.env)
        changes = {
            "student_number": "S999",
            "birth_date": "2000-01-01",
            "is_deceased": True,
            "linkedin_url": "https://www.linkedin.com/in/someone-else",
            "network_state": "member",
            "last_verified_date": "2026-01-01",
        }
        for name, value in changes.items():
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    nurse.write({name: value})
                with self.assertRaises(AccessError):
                    self.env["res.partner"].create({"name": "Forged", name: value})
        nurse.write({"phone": "+4791234567"})
        self.assertEqual(self.nurse.student_number, "S100")
        self.assertEqual(self.nurse.network_state, "none")
        self.assertFalse(self.nurse.is_deceased)

    @users("colleague")
    def test_contacts_still_opens_for_the_colleague(self):
        Partner = self.env["res.partner"]
        # Contact Creation users create contacts as before.
        contact = Partner.create({"name": "New Customer", "email": "customer@example.com"})
        self.assertTrue(contact)
        views = Partner.get_views(
            [(False, "kanban"), (False, "list"), (False, "form"), (False, "search")]
        )
        shown = views["models"]["res.partner"]["fields"]
        self.assertFalse(set(PERSON_FIELDS) & shown.keys())
        for view in views["views"].values():
            for name in PERSON_FIELDS:
                self.assertNotIn(f'name="{name}"', view["arch"])
        # Every field of the views can be read, on a student too.
        record = Partner.browse(self.nurse.id).web_read({name: {} for name in shown})
        self.assertEqual(record[0]["name"], "Nina Nurse")
        self.assertTrue(Partner.web_search_read([], {name: {} for name in shown}, limit=5))

    @users("alumni_coordinator")
    def test_alumni_roles_still_read_them(self):
        nurse = self.nurse.with_env(self.env)
        values = nurse.read(["student_number", "birth_date", "graduation_year"])[0]
        self.assertEqual(values["student_number"], "S100")
        self.assertEqual(values["graduation_year"], 2023)
        self.assertEqual(nurse.current_consent_ids.purpose_id.code, "newsletter")


@tagged("post_install", "-at_install", "security")
class TestCoordinatorStaysInScope(LeaksCommon):
    """The coordinator's faculty is Health; the engineer is in Technology."""

    def _timeline_owner(self, record):
        return (
            self.env["alumni.lifecycle.event"]
            .sudo()
            .search([("res_model", "=", record._name), ("res_id", "=", record.id)])
            .partner_id
        )

    @users("alumni_coordinator")
    def test_coordinator_cannot_move_an_enrolment_to_another_faculty(self):
        enrollment = self.nurse_enrollment.with_env(self.env)
        with self.assertRaises(AccessError):
            enrollment.write({"programme_id": self.programme_it.id})
        self.assertEqual(self.nurse_enrollment.programme_id, self.programme_nursing)
        self.assertEqual(self.nurse.lifecycle_stage, "alumnus")

    @users("alumni_coordinator")
    def test_coordinator_cannot_move_an_enrolment_to_another_faculty_person(self):
        enrollment = self.nurse_enrollment.with_env(self.env)
        with self.assertRaises(AccessError):
            enrollment.write({"partner_id": self.engineer.id})
        self.assertEqual(self.nurse_enrollment.partner_id, self.nurse)
        self.assertEqual(self._timeline_owner(self.nurse_enrollment), self.nurse)
        self.assertEqual(self.nurse.lifecycle_stage, "alumnus")
        self.assertEqual(self.engineer.lifecycle_stage, "student")

    @users("alumni_coordinator")
    def test_coordinator_cannot_move_an_application_out(self):
        application = self.application.with_env(self.env)
        with self.assertRaises(AccessError):
            application.write({"programme_id": self.programme_it_master.id})
        with self.assertRaises(AccessError):
            application.write({"partner_id": self.engineer.id})
        self.assertEqual(self.application.programme_id, self.programme_health_master)
        self.assertEqual(self.application.partner_id, self.applicant)
        self.assertEqual(self._timeline_owner(self.application), self.applicant)

    @users("alumni_coordinator")
    def test_coordinator_cannot_pull_another_faculty_person_in(self):
        # Enrolling the engineer in a Health programme would put him in scope.
        with self.assertRaises(AccessError):
            self.env["alumni.enrollment"].create(
                {
                    "partner_id": self.engineer.id,
                    "programme_id": self.programme_nursing.id,
                    "start_date": "2025-08-15",
                }
            )
        with self.assertRaises(AccessError):
            self.env["alumni.career.position"].create(
                {"partner_id": self.engineer.id, "title": "Engineer"}
            )
        with self.assertRaises(AccessError):
            self.env["alumni.partner.relation"].create(
                {"partner_id": self.nurse.id, "related_partner_id": self.engineer.id}
            )
        self.assertEqual(self.engineer.enrollment_ids, self.engineer_enrollment)
        self.assertFalse(self.engineer.career_position_ids)
        self.assertFalse(self.nurse.relation_ids)

    @users("alumni_coordinator")
    def test_coordinator_still_works_within_scope(self):
        enrollment = self.nurse_enrollment.with_env(self.env)
        enrollment.write({"programme_id": self.programme_health_master.id})
        enrollment.write({"partner_id": self.applicant.id})
        self.assertEqual(self.nurse_enrollment.partner_id, self.applicant)
        self.assertEqual(self._timeline_owner(self.nurse_enrollment), self.applicant)
        self.assertEqual(self.applicant.lifecycle_stage, "alumnus")
        self.assertNotEqual(self.nurse.lifecycle_stage, "alumnus")

    @users("alumni_officer")
    def test_officer_moves_across_faculties(self):
        self.nurse_enrollment.with_env(self.env).write({"programme_id": self.programme_it.id})
        self.assertEqual(self.nurse_enrollment.faculty_id, self.faculty_tech)


@tagged("post_install", "-at_install", "security")
@freeze_time(NOW)
class TestPortalOwnRecords(LeaksCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_partner = cls.user_portal.partner_id
        cls.env["alumni.consent.purpose"].search([("code", "=", "newsletter")]).write(
            {"wording_version": "2026-01"}
        )

    @users("alumni_portal")
    def test_portal_consent_is_dated_now_from_the_portal_with_server_evidence(self):
        newsletter = self.env["alumni.consent.purpose"].search([("code", "=", "newsletter")])
        future = fields.Datetime.now() + timedelta(days=365)
        answer = self.env["alumni.consent"].create(
            {
                "partner_id": self.portal_partner.id,
                "purpose_id": newsletter.id,
                "state": "given",
                "date": future,
                "source": "staff",
                "evidence": "Signed form in the archive",
                "wording_version": "1999",
            }
        )
        answer = answer.sudo()
        self.assertEqual(answer.date, fields.Datetime.now())
        self.assertEqual(answer.source, "portal")
        self.assertEqual(answer.wording_version, "2026-01")
        self.assertNotIn("Signed form", answer.evidence)
        self.assertIn("alumni_portal", answer.evidence)
        # A later withdrawal is the current answer.
        with freeze_time("2026-03-03 10:00:00"):
            self.portal_partner.with_env(self.env)._record_consent(
                "newsletter", "withdrawn", "portal"
            )
        self.assertFalse(self.portal_partner.sudo()._has_consent("newsletter"))

    @users("alumni_portal")
    def test_portal_cannot_answer_for_someone_else(self):
        newsletter = self.env["alumni.consent.purpose"].search([("code", "=", "newsletter")])
        with self.assertRaises(AccessError):
            self.env["alumni.consent"].create(
                {"partner_id": self.nurse.id, "purpose_id": newsletter.id, "state": "withdrawn"}
            )
        self.assertTrue(self.nurse._has_consent("newsletter"))

    @users("alumni_portal")
    def test_portal_career_position_stays_their_own(self):
        Position = self.env["alumni.career.position"]
        position = Position.create(
            {"partner_id": self.portal_partner.id, "title": "Nurse", "source": "staff"}
        )
        self.assertEqual(position.source, "self")
        with self.assertRaises(AccessError):
            position.write({"partner_id": self.nurse.id})
        with self.assertRaises(AccessError):
            Position.create({"partner_id": self.nurse.id, "title": "Forged"})
        self.assertEqual(position.sudo().partner_id, self.portal_partner)
        self.assertFalse(self.nurse.career_position_ids)
        position.write({"title": "Head Nurse", "source": "import"})
        self.assertEqual(position.sudo().source, "self")

    def test_no_answer_is_dated_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self.nurse._record_consent(
                "event_invitation",
                "given",
                "staff",
                date=fields.Datetime.now() + timedelta(days=1),
            )


@tagged("post_install", "-at_install", "security")
class TestConsentHistoryIsAppendOnly(LeaksCommon):
    def test_nobody_deletes_an_answer(self):
        current = self.nurse.current_consent_ids
        self.assertEqual(len(current), 1)
        # No role has the right, managers included.
        for user in (self.user_manager, self.user_officer, self.user_coordinator):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                current.with_user(user).unlink()
        # Nor code running as the system.
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            current.sudo().unlink()
        self.assertTrue(current.exists())
        self.assertTrue(self.nurse._has_consent("newsletter"))

    def test_a_wrong_answer_is_corrected_by_a_new_one(self):
        self.nurse.with_user(self.user_officer)._record_consent("newsletter", "withdrawn", "staff")
        history = self.nurse.consent_ids.sorted("id")
        self.assertEqual(history.mapped("state"), ["given", "withdrawn"])
        self.assertEqual(history.mapped("is_current"), [False, True])
