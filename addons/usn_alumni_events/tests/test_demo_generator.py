# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from ..models.alumni_demo import FACULTY_OF

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

    def _people_and_partners(self):
        run = self.demo_run
        return [
            (p, run.partner_of[p.index]) for p in run.population.people if p.index in run.partner_of
        ]

    def test_past_trial_lectures_of_each_faculty(self):
        events = self.env["event.event"].browse([e.id for e, _day in self.demo_run.demo_events])
        lectures = events.filtered(lambda e: e.alumni_event_kind == "trial_lecture")
        self.assertTrue(lectures)
        self.assertTrue(all(e.date_begin.date() < TODAY for e in lectures))
        self.assertEqual(len(lectures.alumni_programme_ids.faculty_id), 4)
        attended = lectures.registration_ids.filtered(lambda r: r.state == "done")
        self.assertTrue(attended)
        # Those who come to a trial lecture asked about a programme of the
        # lecture's faculty.
        person_of = {pid: p for p, pid in self._people_and_partners()}
        for registration in attended:
            person = person_of[registration.partner_id.id]
            self.assertEqual(
                FACULTY_OF[person.programme_code],
                registration.event_id.alumni_programme_ids.faculty_id.code,
            )

    def test_conversion_per_kind_of_event(self):
        """Trial lectures convert better than Open Days: most of those who
        come to one go on to apply."""
        groups = {
            kind: (attended, rate)
            for kind, attended, rate in self.env["alumni.event.conversion.report"]._read_group(
                [("alumni_event_kind", "in", ("open_day", "trial_lecture"))],
                ["alumni_event_kind"],
                ["attendee_count:sum", "attendee_application_rate:avg"],
            )
        }
        self.assertTrue(groups["open_day"][0])
        self.assertTrue(groups["trial_lecture"][0])
        self.assertGreater(groups["trial_lecture"][1], groups["open_day"][1])

    def test_funnel_counts_open_day_attendance(self):
        rows = self.env["alumni.funnel.report"].search([])
        self.assertTrue(sum(rows.mapped("attended_event")))
