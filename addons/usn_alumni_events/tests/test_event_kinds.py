# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestEventKinds(AlumniEventsCommon):
    def test_template_gives_kind_audience_and_waiting_list(self):
        template = self.env["event.type"].create(
            {
                "name": "Open Day",
                "alumni_event_kind": "open_day",
                "alumni_programme_ids": [(6, 0, self.programme_nursing.ids)],
                "alumni_faculty_ids": [(6, 0, self.faculty_health.ids)],
                "has_seats_limitation": True,
                "seats_max": 40,
                "alumni_waitlist": True,
            }
        )
        with Form(self.env["event.event"].with_user(self.user_officer)) as form:
            form.name = "Open Day Porsgrunn"
            form.date_begin = "2026-04-10 08:00:00"
            form.date_end = "2026-04-10 14:00:00"
            form.event_type_id = template
        event = form.record
        self.assertEqual(event.alumni_event_kind, "open_day")
        self.assertEqual(event.alumni_programme_ids, self.programme_nursing)
        self.assertEqual(event.alumni_faculty_ids, self.faculty_health)
        self.assertTrue(event.alumni_waitlist)
        self.assertEqual(event.seats_max, 40)
        # The event keeps what the officer changed when the template changes.
        event.alumni_event_kind = "trial_lecture"
        template.alumni_event_kind = "reunion"
        self.assertEqual(event.alumni_event_kind, "trial_lecture")

    def test_events_are_grouped_and_filtered_by_kind(self):
        self._create_event("Reunion 2016", kind="reunion")
        self._create_event("Reunion 2006", kind="reunion")
        Event = self.env["event.event"].with_user(self.user_officer)
        groups = dict(
            Event._read_group(
                [("id", "in", (self.open_day | Event.search([("name", "like", "Reunion")])).ids)],
                ["alumni_event_kind"],
                ["__count"],
            )
        )
        self.assertEqual(groups, {"open_day": 1, "reunion": 2})
        arch = Event.get_views([(False, "search")])["views"]["search"]["arch"]
        for name in ("alumni_open_day", "alumni_reunion", "group_alumni_event_kind"):
            self.assertIn(f'name="{name}"', arch)

    def test_cohorts_must_be_in_order(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._create_event(
                "Reunion", kind="reunion", alumni_cohort_from=2016, alumni_cohort_to=2010
            )
        event = self._create_event(
            "Reunion", kind="reunion", alumni_cohort_from=2010, alumni_cohort_to=2016
        )
        self.assertEqual((event.alumni_cohort_from, event.alumni_cohort_to), (2010, 2016))

    def test_event_form_shows_audience_sessions_and_waiting_list(self):
        arch = self.env["event.event"].with_user(self.user_officer).get_views([(False, "form")])
        arch = arch["views"]["form"]["arch"]
        for name in (
            "alumni_event_kind",
            "alumni_programme_ids",
            "alumni_cohort_from",
            "alumni_session_ids",
            "alumni_waitlist",
            "alumni_waitlist_count",
        ):
            self.assertIn(f'name="{name}"', arch)

    def test_session_seats_count_only_people_with_a_seat(self):
        registrations = self.env["event.registration"].create(
            [
                {
                    "event_id": self.open_day.id,
                    "name": f"Visitor {index}",
                    "email": f"visitor{index}@example.com",
                    "alumni_session_ids": [(6, 0, self.session_nursing.ids)],
                }
                for index in range(2)
            ]
        )
        self.assertEqual(self.session_nursing.seats_taken, 2)
        self.assertEqual(self.session_nursing.seats_available, 0)
        registrations[0].action_cancel()
        self.assertEqual(self.session_nursing.seats_taken, 1)
        self.assertEqual(self.session_nursing.seats_available, 1)
        self.assertEqual(self.session_nursing.display_name, "10:00 Nursing: meet the students")
