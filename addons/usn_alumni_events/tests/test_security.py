# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestEventsSecurity(AlumniEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A colleague as an administrator makes one: the default user template.
        cls.user_colleague = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create({"name": "Sofie Sales", "login": "colleague", "email": "sofie@example.com"})
        )
        cls.ingrid = cls._create_person(
            "Ingrid Hansen", email="ingrid@example.com", student_number="210101"
        )

    def test_event_user_without_alumni_role_registers_without_seeing_person_data(self):
        Registration = self.env["event.registration"].with_user(self.user_event_only)
        known, stranger = Registration.create(
            [
                {"event_id": self.open_day.id, "name": "Ingrid", "email": "INGRID@example.com"},
                {"event_id": self.open_day.id, "name": "Nora", "email": "nora@example.com"},
            ]
        )
        self.assertEqual(known.partner_id, self.ingrid)
        self.assertEqual(stranger.sudo().partner_id.lifecycle_stage, "prospect")
        with self.assertRaises(AccessError):
            stranger.partner_id.read(["lifecycle_stage"])
        with self.assertRaises(AccessError):
            known.read(["alumni_student_number"])
        with self.assertRaises(AccessError):
            Registration.search([("alumni_student_number", "=", "210101")])

    def test_officer_reads_and_writes_the_student_number(self):
        registration = (
            self.env["event.registration"]
            .with_user(self.user_officer)
            .create(
                {
                    "event_id": self.open_day.id,
                    "name": "Ola",
                    "alumni_student_number": "210101",
                }
            )
        )
        self.assertEqual(registration.partner_id, self.ingrid)
        self.assertEqual(registration.alumni_student_number, "210101")

    def test_people_without_event_rights_see_no_registrations(self):
        registration = self._register(self.open_day, name="Ingrid", email="ingrid@example.com")
        for user in (self.user_coordinator, self.user_employee, self.user_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                registration.with_user(user).read(["name"])

    def test_colleague_from_the_default_template_sees_no_person_data(self):
        """Odoo's default user template makes every new user an Events
        administrator: they see registrations, not what the suite holds."""
        registration = self._register(
            self.open_day, name="Ingrid", email="ingrid@example.com", alumni_student_number="210101"
        )
        as_colleague = registration.with_user(self.user_colleague)
        self.assertEqual(as_colleague.read(["name"])[0]["name"], "Ingrid")
        for fname in ("alumni_student_number",):
            with self.assertRaises(AccessError):
                as_colleague.read([fname])
        with self.assertRaises(AccessError):
            as_colleague.partner_id.read(["lifecycle_stage"])
        with self.assertRaises(AccessError):
            as_colleague.partner_id.read(["student_number"])
        form = as_colleague.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("alumni_student_number", form)

    def test_sessions_are_read_by_all_and_changed_by_event_users(self):
        for user in (self.user_portal, self.user_employee, self.env.ref("base.public_user")):
            with self.subTest(user=user.login):
                Session = self.env["alumni.event.session"].with_user(user)
                self.assertEqual(
                    Session.search([("event_id", "=", self.open_day.id)]).ids,
                    (self.session_nursing | self.session_it).ids,
                )
                with self.assertRaises(AccessError):
                    Session.create({"event_id": self.open_day.id, "name": "Forged"})
                with self.assertRaises(AccessError):
                    self.session_it.with_user(user).write({"seats_max": 100})
        self.session_it.with_user(self.user_officer).seats_max = 30
        self.assertEqual(self.session_it.seats_max, 30)

    def test_portal_user_cannot_change_events_or_their_waiting_list(self):
        event = self.open_day.with_user(self.user_portal)
        with self.assertRaises(AccessError):
            event.write({"alumni_waitlist": True})
