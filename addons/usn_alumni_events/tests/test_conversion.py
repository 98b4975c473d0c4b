# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..report.alumni_event_conversion_report import WINDOW_PARAM
from .common import NOW, AlumniEventsCommon

COUNTS = [
    "information_request_count",
    "registration_count",
    "attendee_count",
    "applied_count",
    "enrolled_count",
]
RATES = ["attendance_rate", "application_rate", "enrollment_rate"]


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestConversion(AlumniEventsCommon):
    """What became of each event's people, per event and per kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = {
            key: cls._create_person(f"Person {key}", email=f"person{key}@example.com")
            for key in range(1, 11)
        }
        cls.people = people
        with freeze_time("2024-12-01 10:00:00"):
            cls.open_day_march = cls._past_event("Open Day March 2025", "open_day", "2025-03-01")
            cls.open_day_october = cls._past_event(
                "Open Day October 2025", "open_day", "2025-10-01"
            )
            cls.trial = cls._past_event("Trial lecture 2025", "trial_lecture", "2025-09-01")
            cls.reunion = cls._past_event("Reunion 2025", "reunion", "2025-05-01")
            cls._registrations(
                cls.open_day_march, attended=[1, 2, 6], registered=[3], cancelled=[4]
            )
            cls._registrations(cls.trial, attended=[1, 8], registered=[7])
            cls._registrations(cls.reunion, attended=[9])
            cls._registrations(cls.open_day_october, attended=[10])
            cls.programme_nursing.website_published = True
            Request = cls.env["alumni.information.request"]
            for index in range(2):
                Request.create(
                    {
                        "name": f"Requester {index}",
                        "email": f"requester{index}@example.com",
                        "preferred_event_id": cls.open_day_march.id,
                        "programme_ids": [(6, 0, cls.programme_nursing.ids)],
                    }
                )
        touches = [
            (1, "application", "2025-04-01"),  # March: inside; before the trial lecture
            (1, "enrollment", "2025-08-15"),  # March: inside
            (2, "application", "2026-02-01"),  # March: inside 12 months, not 6
            (3, "application", "2024-11-01"),  # before the event: not counted
            (4, "application", "2025-04-01"),  # cancelled registration: not counted
            (6, "application", "2026-04-15"),  # March: outside 12 months, inside 14
            (7, "application", "2025-10-01"),  # trial lecture: inside
            (10, "application", "2025-11-01"),  # October: inside
        ]
        for key, kind, date in touches:
            cls._touch(people[key], kind=kind, date=f"{date} 12:00:00")
        cls.events = cls.open_day_march | cls.open_day_october | cls.trial | cls.reunion

    @classmethod
    def _past_event(cls, name, kind, day):
        return cls._create_event(
            name,
            kind=kind,
            programmes=cls.programme_nursing,
            date_begin=f"{day} 08:00:00",
            date_end=f"{day} 14:00:00",
        )

    @classmethod
    def _registrations(cls, event, attended=(), registered=(), cancelled=()):
        vals_list = [
            {"event_id": event.id, "partner_id": cls.people[key].id, "state": state}
            for keys, state in ((attended, "done"), (registered, "open"), (cancelled, "cancel"))
            for key in keys
        ]
        cls.env["event.registration"].create(vals_list)

    def _report(self):
        """The report as the database has it now (a view: not in the cache)."""
        self.env.flush_all()
        self.env.invalidate_all()
        return self.env["alumni.event.conversion.report"]

    def _figures(self, event):
        row = self._report().search([("event_id", "=", event.id)])
        self.assertEqual(len(row), 1)
        return {name: row[name] for name in COUNTS + RATES}

    def _by_kind(self):
        groups = self._report()._read_group(
            [("event_id", "in", self.events.ids)],
            ["alumni_event_kind"],
            [f"{name}:sum" for name in COUNTS] + [f"{name}:avg" for name in RATES],
        )
        return {kind: dict(zip(COUNTS + RATES, values, strict=True)) for kind, *values in groups}

    def test_figures_per_event(self):
        self.assertEqual(
            self._figures(self.open_day_march),
            {
                "information_request_count": 2,
                "registration_count": 4,
                "attendee_count": 3,
                "applied_count": 2,
                "enrolled_count": 1,
                "attendance_rate": 75.0,
                "application_rate": 50.0,
                "enrollment_rate": 25.0,
            },
        )
        trial = self._figures(self.trial)
        self.assertEqual(
            [trial[name] for name in COUNTS],
            [0, 3, 2, 1, 0],
            "an earlier application is not counted",
        )
        self.assertAlmostEqual(trial["application_rate"], 100 / 3)
        self.assertEqual(
            [self._figures(self.reunion)[name] for name in COUNTS + RATES],
            [0, 1, 1, 0, 0, 100.0, 0.0, 0.0],
        )

    def test_figures_of_the_people_who_attended(self):
        figures = {
            event: self._report().search_read(
                [("event_id", "=", event.id)],
                [
                    "attendee_count",
                    "attendee_applied_count",
                    "attendee_enrolled_count",
                    "attendee_application_rate",
                    "attendee_enrollment_rate",
                ],
            )[0]
            for event in self.events
        }
        march = figures[self.open_day_march]
        # Attended: 1, 2 and 6; 1 and 2 applied within the window, 1 enrolled
        # (3 applied before the event and only registered).
        self.assertEqual(
            [march[name] for name in ("attendee_applied_count", "attendee_enrolled_count")],
            [2, 1],
        )
        self.assertAlmostEqual(march["attendee_application_rate"], 200 / 3)
        self.assertAlmostEqual(march["attendee_enrollment_rate"], 100 / 3)
        # At the trial lecture the one who applied (7) did not come, and 1
        # applied before it.
        self.assertEqual(figures[self.trial]["attendee_applied_count"], 0)
        self.assertEqual(figures[self.trial]["attendee_application_rate"], 0.0)
        self.assertEqual(figures[self.open_day_october]["attendee_application_rate"], 100.0)
        groups = self._report()._read_group(
            [("event_id", "in", self.events.ids)],
            ["alumni_event_kind"],
            [
                "attendee_count:sum",
                "attendee_applied_count:sum",
                "attendee_application_rate:avg",
                "attendee_enrollment_rate:sum",
            ],
        )
        by_kind = {kind: values for kind, *values in groups}
        # Open Days: 3 of the 4 who attended applied, 1 enrolled.
        self.assertEqual(by_kind["open_day"][:2], [4, 3])
        self.assertAlmostEqual(by_kind["open_day"][2], 75.0)
        self.assertAlmostEqual(by_kind["open_day"][3], 25.0)
        self.assertEqual(by_kind["reunion"], [1, 0, 0.0, 0.0])

    def test_faculties_of_an_event(self):
        tech_day = self._create_event(
            "Technology day",
            kind="info_meeting",
            alumni_faculty_ids=[(6, 0, self.faculty_tech.ids)],
        )
        it_lecture = self._create_event(
            "IT trial lecture", kind="trial_lecture", programmes=self.programme_it
        )
        untargeted = self._create_event("Summer party", kind="social")
        events = self.events | tech_day | it_lecture | untargeted
        rows = self._report().search([("event_id", "in", events.ids)])
        by_event = {row.event_id: row.faculty_ids for row in rows}
        # Nursing is a department of the Faculty of Health.
        self.assertEqual(by_event[self.open_day_march], self.department_nursing)
        self.assertEqual(by_event[tech_day], self.faculty_tech)
        self.assertEqual(by_event[it_lecture], self.faculty_tech)
        self.assertFalse(by_event[untargeted])

        def events_of(domain):
            return self._report().search([("event_id", "in", events.ids), *domain]).event_id

        health = [("faculty_ids", "child_of", self.faculty_health.ids)]
        self.assertEqual(events_of(health), self.events)
        tech = [("faculty_ids", "in", self.faculty_tech.ids)]
        self.assertEqual(events_of(tech), tech_day | it_lecture)
        # A faculty is not its departments: searched with "in", Health has none.
        self.assertFalse(events_of([("faculty_ids", "in", self.faculty_health.ids)]))
        with self.assertRaises(UserError):
            events_of([("faculty_ids", "not in", self.faculty_tech.ids)])

    def test_the_event_form_shows_the_figures(self):
        events = (self.open_day_march | self.open_day).with_user(self.user_officer)
        march, empty = events
        self.assertEqual(
            (
                march.alumni_information_request_count,
                march.alumni_registered_count,
                march.alumni_attended_count,
                march.alumni_applied_count,
                march.alumni_enrolled_count,
                march.alumni_application_rate,
            ),
            (2, 4, 3, 2, 1, 50.0),
        )
        self.assertEqual(empty.alumni_registered_count, 0)
        arch = events.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="alumni_application_rate"', arch)

    def test_event_without_registrations_has_zero_figures(self):
        figures = self._figures(self.open_day)
        self.assertEqual(set(figures.values()), {0})

    def test_rates_per_kind_are_shares_of_the_sums(self):
        open_days = self._by_kind()["open_day"]
        self.assertEqual([open_days[name] for name in COUNTS], [2, 5, 4, 3, 1])
        # 3 of 5 registered applied: 60 %, not the mean (75) or sum (150) of the events'.
        self.assertAlmostEqual(open_days["application_rate"], 60.0)
        self.assertAlmostEqual(open_days["attendance_rate"], 80.0)
        self.assertAlmostEqual(open_days["enrollment_rate"], 20.0)
        self.assertAlmostEqual(self._by_kind()["trial_lecture"]["application_rate"], 100 / 3)

    def test_rates_grouped_as_the_views_read_them(self):
        groups = self._report().web_read_group(
            [("event_id", "in", self.events.ids)],
            ["registration_count", "applied_count", "application_rate", "attendance_rate:sum"],
            ["alumni_event_kind"],
        )["groups"]
        by_kind = {group["alumni_event_kind"]: group for group in groups}
        self.assertEqual(by_kind["open_day"]["registration_count"], 5)
        self.assertAlmostEqual(by_kind["open_day"]["application_rate"], 60.0)
        self.assertAlmostEqual(by_kind["open_day"]["attendance_rate"], 80.0)
        totals = self._report()._read_group(
            [("event_id", "in", self.events.ids)], [], ["application_rate:avg"]
        )
        # 4 of 9 people registered applied.
        self.assertAlmostEqual(totals[0][0], 400 / 9)

    def test_window_parameter_changes_the_figures(self):
        Params = self.env["ir.config_parameter"].sudo()
        Params.set_param(WINDOW_PARAM, "6")
        self.assertEqual(self._figures(self.open_day_march)["applied_count"], 1)
        Params.set_param(WINDOW_PARAM, "14")
        self.assertEqual(self._figures(self.open_day_march)["applied_count"], 3)
        Params.set_param(WINDOW_PARAM, "not a number")
        self.assertEqual(self._figures(self.open_day_march)["applied_count"], 2)

    def test_window_is_a_setting(self):
        settings = self.env["res.config.settings"].create(
            {"alumni_event_conversion_window_months": 6}
        )
        settings.execute()
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param(WINDOW_PARAM), "6")
        self.assertEqual(self._figures(self.open_day_march)["applied_count"], 1)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"alumni_event_conversion_window_months": 0})

    def test_officers_read_coordinators_do_not(self):
        for user in (self.user_officer, self.user_manager):
            report = self._report().with_user(user)
            self.assertTrue(report.search_count([("event_id", "=", self.open_day_march.id)]))
        with self.assertRaises(AccessError):
            self._report().with_user(self.user_coordinator).search([])
