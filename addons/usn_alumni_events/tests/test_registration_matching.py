# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestRegistrationMatching(AlumniEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ingrid = cls._create_person(
            "Ingrid Hansen", email="ingrid.hansen@example.com", phone="+4791234567"
        )
        cls.ola = cls._create_person(
            "Ola Nordmann", email="ola@example.com", student_number="210101", phone="+4790000001"
        )
        cls.trial_lecture = cls._create_event(
            "Trial lecture: anatomy", kind="trial_lecture", programmes=cls.programme_nursing
        )

    def _people_count(self):
        return self.env["res.partner"].with_context(active_test=False).search_count([])

    def _timeline(self, registrations, kind=None):
        domain = [("res_model", "=", "event.registration"), ("res_id", "in", registrations.ids)]
        if kind:
            domain.append(("kind", "=", kind))
        return self.env["alumni.lifecycle.event"].search(domain)

    # -- who the registration is for -------------------------------------

    def test_email_written_differently_finds_the_person(self):
        before = self._people_count()
        registration = self._register(
            self.open_day, name="Ingrid", email="  Ingrid.HANSEN@Example.com "
        )
        self.assertEqual(registration.partner_id, self.ingrid)
        self.assertEqual(registration.email, "ingrid.hansen@example.com")
        self.assertEqual(self._people_count(), before)

    def test_student_number_finds_the_person_when_the_email_is_unknown(self):
        registration = self._register(
            self.open_day,
            name="Ola N.",
            email="ola.private@example.com",
            alumni_student_number=" 210101 ",
        )
        self.assertEqual(registration.partner_id, self.ola)

    def test_phone_finds_the_person_when_email_and_student_number_do_not(self):
        registration = self._register(
            self.open_day, name="I. Hansen", email="new.address@example.com", phone="912 34 567"
        )
        self.assertEqual(registration.partner_id, self.ingrid)
        self.assertEqual(registration.phone, "+4791234567")

    def test_email_comes_before_student_number_and_phone(self):
        registration = self._register(
            self.open_day,
            name="Mixed",
            email="ingrid.hansen@example.com",
            alumni_student_number="210101",
            phone="+4790000001",
        )
        self.assertEqual(registration.partner_id, self.ingrid)

    def test_student_number_comes_before_phone(self):
        registration = self._register(
            self.open_day,
            name="Mixed",
            email="unknown@example.com",
            alumni_student_number="210101",
            phone="+4791234567",
        )
        self.assertEqual(registration.partner_id, self.ola)

    def test_a_person_in_the_lifecycle_comes_before_a_plain_contact(self):
        plain = self._create_person("Plain Contact", email="shared@example.com")
        student = self._create_person("Student", email="shared@example.com")
        self._enroll(student, self.programme_it)
        self.assertLess(plain.id, student.id)
        registration = self._register(self.open_day, name="Shared", email="shared@example.com")
        self.assertEqual(registration.partner_id, student)

    def test_given_person_is_kept(self):
        registration = self._register(
            self.open_day, partner_id=self.ola.id, email="ingrid.hansen@example.com"
        )
        self.assertEqual(registration.partner_id, self.ola)

    def test_stranger_becomes_a_prospect_interested_in_the_programmes(self):
        before = self._people_count()
        registration = self._register(
            self.open_day, name="Nora Ny", email="nora@example.com", phone="+47 41 00 00 01"
        )
        person = registration.partner_id
        self.assertEqual(self._people_count(), before + 1)
        self.assertEqual(person.name, "Nora Ny")
        self.assertEqual(person.email, "nora@example.com")
        self.assertEqual(person.phone_sanitized, "+4741000001")
        self.assertEqual(person.lifecycle_stage, "prospect")
        self.assertTrue(person.is_alumni_person)
        self.assertEqual(person.interest_ids, self.interest_nursing | self.interest_health)

    def test_stranger_choosing_sessions_is_interested_in_their_programmes(self):
        registration = self._register(
            self.open_day,
            name="Nora Ny",
            email="nora@example.com",
            alumni_session_ids=[(6, 0, self.session_it.ids)],
        )
        self.assertEqual(registration.partner_id.interest_ids, self.interest_programming)

    def test_one_prospect_for_one_stranger_in_one_batch(self):
        before = self._people_count()
        registrations = self.env["event.registration"].create(
            [
                {"event_id": self.open_day.id, "name": "Nora", "email": "nora@example.com"},
                {"event_id": self.trial_lecture.id, "name": "Nora", "email": "NORA@example.com"},
            ]
        )
        self.assertEqual(self._people_count(), before + 1)
        self.assertEqual(len(registrations.partner_id), 1)

    def test_known_person_stays_the_stage_they_are(self):
        self._enroll(self.ola, self.programme_it)
        registration = self._register(self.open_day, name="Ola", email="ola@example.com")
        self.assertEqual(registration.partner_id.lifecycle_stage, "student")

    def test_matching_queries_do_not_grow_with_the_batch(self):
        def create(count, offset):
            vals_list = []
            for index in range(count):
                if index % 2:
                    vals_list.append(
                        {
                            "event_id": self.trial_lecture.id,
                            "name": f"Known {index}",
                            "email": f"KNOWN{offset + index}@Example.com ",
                        }
                    )
                else:
                    vals_list.append(
                        {
                            "event_id": self.trial_lecture.id,
                            "name": f"Stranger {index}",
                            "email": f"stranger{offset + index}@example.com",
                            "phone": f"+479{offset + index:07d}",
                        }
                    )
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            registrations = self.env["event.registration"].create(vals_list)
            self.env.flush_all()
            self.assertEqual(len(registrations.partner_id), count)
            return self.env.cr.sql_log_count - start

        # Odoo e-mails each registration from the event's schedulers, which
        # is its own cost per registration: the event here has none.
        self.trial_lecture.event_mail_ids = [(5, 0, 0)]
        self.env["res.partner"].create(
            [{"name": f"Known {i}", "email": f"known{i}@example.com"} for i in range(1000)]
        )
        create(4, 0)  # the first batch also loads what the registry caches
        small = create(4, 100)
        large = create(40, 200)
        self.assertEqual(small, large)

    # -- the timeline ----------------------------------------------------

    def test_registration_and_attendance_go_to_the_timeline(self):
        registration = self._register(
            self.open_day,
            name="Ingrid",
            email="ingrid.hansen@example.com",
            alumni_session_ids=[(6, 0, (self.session_nursing | self.session_it).ids)],
        )
        rows = self._timeline(registration, "event_registration")
        self.assertEqual(rows.partner_id, self.ingrid)
        self.assertEqual(rows.programme_id, self.programme_nursing | self.programme_it)
        self.assertEqual(set(rows.mapped("name")), {"Open Day Bø 2026"})
        self.assertFalse(self._timeline(registration, "event_attendance"))
        with freeze_time("2026-03-14 09:00:00"):
            registration.action_alumni_check_in()
        self.assertEqual(registration.state, "done")
        attended = self._timeline(registration, "event_attendance")
        self.assertEqual(len(attended), 2)
        self.assertEqual(str(attended[0].date), "2026-03-14 09:00:00")
        registration.action_alumni_check_in()
        self.assertEqual(len(self._timeline(registration, "event_attendance")), 2)

    def test_no_creation_note_unless_asked_for(self):
        Registration = self.env["event.registration"].with_context(tracking_disable=False)
        quiet = Registration.create(
            {"event_id": self.open_day.id, "name": "Ingrid", "email": "ingrid.hansen@example.com"}
        )
        self.assertTrue(self._timeline(quiet, "event_registration"))
        noted = Registration.with_context(mail_create_nolog=False).create(
            {"event_id": self.open_day.id, "name": "Ola", "email": "ola@example.com"}
        )
        # The one message more is the creation note (both may carry the
        # confirmation e-mail of the event's schedulers).
        self.assertEqual(len(noted.message_ids), len(quiet.message_ids) + 1)
        self.assertEqual(
            (noted.message_ids - noted.message_ids.filtered("mail_ids")).message_type,
            "notification",
        )

    def test_registration_moved_to_another_person_takes_its_timeline(self):
        registration = self._register(
            self.open_day, name="Ingrid", email="ingrid.hansen@example.com"
        )
        registration.partner_id = self.ola
        self.assertEqual(self._timeline(registration).partner_id, self.ola)

    def test_deleted_registration_leaves_the_timeline(self):
        registration = self._register(
            self.open_day, name="Ingrid", email="ingrid.hansen@example.com"
        )
        rows = self._timeline(registration)
        self.assertTrue(rows)
        registration.unlink()
        self.assertFalse(rows.exists())

    # -- bad input -------------------------------------------------------

    def _assert_refused(self, message, **vals):
        before = self._people_count()
        registrations = self.env["event.registration"].search_count([])
        with self.assertRaisesRegex(UserError, message):
            self._register(vals.pop("event", self.open_day), **vals)
        self.assertEqual(self._people_count(), before)
        self.assertEqual(self.env["event.registration"].search_count([]), registrations)

    def test_invalid_email_is_refused(self):
        self._assert_refused("not a valid e-mail address", name="Nora", email="nora@example")

    def test_invalid_phone_is_refused(self):
        self._assert_refused("not a valid phone number", name="Nora", phone="12")

    def test_same_person_twice_in_one_event_is_refused(self):
        self._register(self.open_day, name="Ingrid", email="ingrid.hansen@example.com")
        self._assert_refused(
            "Ingrid Hansen is already registered", name="Ingrid", email="INGRID.hansen@example.com"
        )

    def test_same_stranger_twice_in_one_batch_is_refused(self):
        before = self._people_count()
        with self.assertRaisesRegex(UserError, "registered twice"):
            self.env["event.registration"].create(
                [
                    {"event_id": self.open_day.id, "name": "Nora", "email": "nora@example.com"},
                    {"event_id": self.open_day.id, "name": "Nora", "email": "nora@example.com"},
                ]
            )
        self.assertEqual(self._people_count(), before)

    def test_cancelled_registration_does_not_stop_a_new_one(self):
        first = self._register(self.open_day, name="Ingrid", email="ingrid.hansen@example.com")
        first.action_cancel()
        second = self._register(self.open_day, name="Ingrid", email="ingrid.hansen@example.com")
        self.assertEqual(second.partner_id, self.ingrid)
        with self.assertRaisesRegex(UserError, "already registered"):
            first.action_confirm()

    def test_past_event_is_refused(self):
        past = self._create_event(
            "Open Day 2025", date_begin="2025-03-14 08:00:00", date_end="2025-03-14 14:00:00"
        )
        self._assert_refused("has ended", event=past, name="Nora", email="nora@example.com")

    def test_cancelled_event_is_refused(self):
        cancelled = self._create_event(
            "Cancelled Open Day", stage_id=self.env.ref("event.event_stage_cancelled").id
        )
        self._assert_refused("is cancelled", event=cancelled, name="Nora", email="nora@example.com")

    def test_full_event_without_waiting_list_is_refused(self):
        full = self._create_event("Small lecture", seats_limited=True, seats_max=1)
        self._register(full, name="Ingrid", email="ingrid.hansen@example.com")
        self._assert_refused("is full", event=full, name="Nora", email="nora@example.com")

    def test_full_session_is_refused(self):
        for index in range(2):
            self._register(
                self.open_day,
                name=f"Visitor {index}",
                email=f"visitor{index}@example.com",
                alumni_session_ids=[(6, 0, self.session_nursing.ids)],
            )
        self.assertEqual(self.session_nursing.seats_taken, 2)
        with self.assertRaisesRegex(UserError, "no seats left in the session"):
            self._register(
                self.open_day,
                name="Nora",
                email="nora@example.com",
                alumni_session_ids=[(6, 0, self.session_nursing.ids)],
            )

    def test_session_of_another_event_is_refused(self):
        with self.assertRaisesRegex(UserError, "is not part of"):
            self._register(
                self.trial_lecture,
                name="Nora",
                email="nora@example.com",
                alumni_session_ids=[(6, 0, self.session_it.ids)],
            )
