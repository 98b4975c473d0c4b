# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestWaitlist(AlumniEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reunion = cls._create_event(
            "Reunion, class of 2016",
            kind="reunion",
            seats_limited=True,
            seats_max=2,
            alumni_waitlist=True,
        )

    def _fill(self, count, event=None):
        return self.env["event.registration"].create(
            [
                {
                    "event_id": (event or self.reunion).id,
                    "name": f"Guest {index}",
                    "email": f"guest{index}@example.com",
                }
                for index in range(count)
            ]
        )

    def _seat_mails(self, registrations):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "event.registration"),
                ("res_id", "in", registrations.ids),
                ("subject", "like", "A seat for you"),
            ]
        )

    def test_registrations_beyond_the_seats_wait(self):
        registrations = self._fill(4)
        self.assertEqual(registrations.mapped("state"), ["open", "open", "waitlist", "waitlist"])
        self.assertEqual(self.reunion.seats_taken, 2)
        self.assertEqual(self.reunion.alumni_waitlist_count, 2)
        self.assertTrue(self.reunion.event_registrations_open)
        self.assertFalse(self.reunion.event_registrations_sold_out)
        waiting = registrations[2]
        self.assertEqual(
            self.env["alumni.lifecycle.event"]
            .search([("res_model", "=", "event.registration"), ("res_id", "=", waiting.id)])
            .kind,
            "event_registration",
        )

    def test_a_freed_seat_goes_to_the_first_waiting_with_an_email(self):
        registrations = self._fill(4)
        registrations[0].action_cancel()
        self.assertEqual(registrations.mapped("state"), ["cancel", "open", "open", "waitlist"])
        mail = self._seat_mails(registrations)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.res_id, registrations[2].id)
        self.assertIn("guest2@example.com", mail.email_to)
        self.assertIn("Reunion, class of 2016", mail.subject)

    def test_archived_and_deleted_registrations_free_their_seats(self):
        registrations = self._fill(4)
        registrations[0].action_archive()
        self.assertEqual(registrations[2].state, "open")
        registrations[1].unlink()
        self.assertEqual(registrations[3].state, "open")
        self.assertEqual(len(self._seat_mails(registrations[2:])), 2)

    def test_more_seats_confirm_the_people_waiting(self):
        registrations = self._fill(5)
        self.reunion.seats_max = 4
        self.assertEqual(
            registrations.mapped("state"), ["open", "open", "open", "open", "waitlist"]
        )

    def test_no_one_jumps_the_queue_into_a_full_event(self):
        registrations = self._fill(3)
        with self.assertRaises(ValidationError):
            registrations[2].with_user(self.user_officer).action_confirm()

    def test_no_waiting_list_without_seat_limits(self):
        unlimited = self._create_event("Guest lecture", kind="guest_lecture", alumni_waitlist=True)
        registrations = self._fill(3, unlimited)
        self.assertEqual(set(registrations.mapped("state")), {"open"})

    def test_the_registration_desk_keeps_people_waiting_out(self):
        registrations = self._fill(3)
        with freeze_time("2026-03-14 09:00:00"):
            result = self.env["event.registration"].register_attendee(
                registrations[2].barcode, self.reunion.id
            )
        self.assertEqual(result["status"], "unconfirmed_registration")
        self.assertEqual(registrations[2].state, "waitlist")

    def test_people_waiting_get_no_reminders(self):
        self.env["event.mail"].create(
            {
                "event_id": self.reunion.id,
                "interval_type": "before_event",
                "interval_nbr": 1,
                "interval_unit": "days",
                "template_ref": f"mail.template,{self.env.ref('event.event_reminder').id}",
            }
        )
        registrations = self._fill(3)
        with freeze_time("2026-03-13 09:00:00"):
            self.env["event.mail"].schedule_communications(autocommit=False)
        reminded = self.env["mail.mail"].search(
            [("model", "=", "event.registration"), ("res_id", "in", registrations.ids)]
        )
        self.assertEqual(set(reminded.mapped("res_id")), set(registrations[:2].ids))
