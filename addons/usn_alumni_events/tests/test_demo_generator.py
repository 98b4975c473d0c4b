# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

TODAY = datetime.date(2026, 3, 2)


@freeze_time("2026-03-02 10:00:00")
@tagged("post_install", "-at_install")
class TestDemoEvents(TransactionCase):
    """The events addon's part of a small demo university (300 people)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_run = cls.env["alumni.demo"]._alumni_demo_run(
            300, stream=io.StringIO(), today=TODAY
        )

    def test_information_requests_recorded_without_mail(self):
        Request = self.env["alumni.information.request"]
        requests = Request.search([("partner_id", "in", list(self.demo_run.partner_of.values()))])
        planned = [p for p in self.demo_run.population.people if p.request_date]
        self.assertEqual(len(requests), len(planned))
        self.assertFalse(
            self.env["mail.mail"].search_count(
                [("model", "=", Request._name), ("res_id", "in", requests.ids)]
            ),
            "the demo's requests queue no information e-mail",
        )
        oldest = min(requests.mapped("date")).date()
        self.assertLess(oldest, TODAY.replace(year=TODAY.year - 5))

    def test_past_open_day_with_attendees(self):
        open_days = self.env["event.event"].browse(
            [e.id for e, _day in self.demo_run.demo_events if e.alumni_event_kind == "open_day"]
        )
        past = open_days.filtered(lambda e: e.date_begin.date() < TODAY)
        self.assertGreaterEqual(len(past), 6)
        self.assertTrue(all(len(e.alumni_session_ids) == 4 for e in open_days))
        attended = self.env["event.registration"].search(
            [("event_id", "in", past.ids), ("state", "=", "done")]
        )
        self.assertTrue(attended)
        # Attendance is on the timeline on the day of the Open Day.
        touch = self.env["alumni.lifecycle.event"].search(
            [("res_model", "=", "event.registration"), ("res_id", "=", attended[0].id),
             ("kind", "=", "event_attendance")]
        )  # fmt: skip
        self.assertEqual(touch.date.date(), attended[0].event_id.date_begin.date())
        # The sessions moved with their Open Day.
        session = attended[0].event_id.alumni_session_ids[0]
        self.assertEqual(session.date_begin.date(), attended[0].event_id.date_begin.date())

    def test_coming_open_day_full_with_waiting_list(self):
        events = self.env["event.event"].browse([e.id for e, _day in self.demo_run.demo_events])
        coming = events.filtered(
            lambda e: e.alumni_event_kind == "open_day" and e.date_begin.date() > TODAY
        )
        self.assertEqual(len(coming), 1)
        self.assertEqual(coming.seats_max, 40)
        self.assertEqual(coming.alumni_waitlist_count, 12)
        reunion = events.filtered(lambda e: e.alumni_event_kind == "reunion")
        self.assertTrue(reunion.registration_ids)
        cohorts = set(reunion.registration_ids.partner_id.mapped("graduation_year"))
        self.assertEqual(cohorts, {TODAY.year - 5})

    def test_funnel_counts_open_day_attendance(self):
        rows = self.env["alumni.funnel.report"].search([])
        self.assertTrue(sum(rows.mapped("attended_event")))
