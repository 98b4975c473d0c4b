# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.usn_alumni_base.tests.dashboard_common import DashboardChecks

from .common import NOW, AlumniEventsCommon

DASHBOARD = "usn_alumni_events.spreadsheet_dashboard_alumni_events"
DASHBOARD_FILE = "usn_alumni_events/data/files/alumni_events_dashboard.json"


class EventsDashboardCommon(AlumniEventsCommon):
    """Two events of 2025 and their people: an Open Day presenting Nursing
    (Faculty of Health) with two attendees, one of whom applied; a trial
    lecture for the Faculty of Technology with one attendee, who applied
    and enrolled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = [
            cls._create_person(f"Dashboard person {key}", email=f"dash{key}@example.com")
            for key in range(3)
        ]
        with freeze_time("2024-12-01 10:00:00"):
            cls.nursing_day = cls._create_event(
                "Dashboard Open Day",
                programmes=cls.programme_nursing,
                date_begin="2025-03-01 08:00:00",
                date_end="2025-03-01 14:00:00",
            )
            cls.tech_lecture = cls._create_event(
                "Dashboard trial lecture",
                kind="trial_lecture",
                alumni_faculty_ids=[(6, 0, cls.faculty_tech.ids)],
                date_begin="2025-09-01 08:00:00",
                date_end="2025-09-01 14:00:00",
            )
            cls.env["event.registration"].create(
                [
                    {"event_id": event.id, "partner_id": person.id, "state": "done"}
                    for event, person in (
                        (cls.nursing_day, people[0]),
                        (cls.nursing_day, people[1]),
                        (cls.tech_lecture, people[2]),
                    )
                ]
            )
        cls._touch(people[0], kind="application", date="2025-04-01 12:00:00")
        cls._touch(people[2], kind="application", date="2025-10-01 12:00:00")
        cls._touch(people[2], kind="enrollment", date="2025-12-01 12:00:00")


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestEventsDashboard(DashboardChecks, EventsDashboardCommon):
    """The events dashboard in the Alumni group of Odoo's Dashboards app:
    what became of the people who attended each kind of event."""

    def test_dashboard_file_is_loaded_and_translatable(self):
        self.assertDashboardFile(DASHBOARD, DASHBOARD_FILE)

    def test_every_name_it_reads_exists(self):
        data = self.assertDashboardNamesExist(DASHBOARD)
        self.assertEqual(
            {pivot["model"] for pivot in data["pivots"].values()},
            {"alumni.event.conversion.report"},
        )
        # Per kind of event: the share of the people who attended who applied.
        self.assertEqual(data["pivots"]["1"]["rows"], [{"fieldName": "alumni_event_kind"}])
        self.assertIn(
            '=PIVOT.VALUE(1,"attendee_application_rate")',
            [cell["content"] for cell in data["sheets"][1]["cells"].values()],
        )

    def test_officers_see_it_coordinators_and_marketing_do_not(self):
        dashboard = self.env.ref(DASHBOARD)
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.user_officer, self.user_manager):
            self.assertIn(dashboard, Dashboard.with_user(user).search([]))
        # The conversion analysis is not theirs to read.
        for user in (
            self.user_coordinator,
            self.user_marketing,
            self.user_event_only,
            self.user_employee,
        ):
            self.assertNotIn(dashboard, Dashboard.with_user(user).search([]))
            self.assertFalse(
                self.env["alumni.event.conversion.report"].with_user(user).has_access("read")
            )
        self.assertDashboardLinksWorkFor(DASHBOARD, self.user_officer | self.user_manager)

    def _groups_by_kind(self, user, faculties=None):
        """The dashboard's pivot per kind of event as the user reads it, with
        its faculty filter set to ``faculties`` (as the browser builds the
        filter's domain: the faculties with their departments)."""
        __, data = self._dashboard_data(DASHBOARD)
        pivot = data["pivots"]["1"]
        faculty_filter = next(f for f in data["globalFilters"] if f["label"] == "Faculty")
        domain = [("event_id", "in", (self.nursing_day | self.tech_lecture).ids)]
        if faculties:
            self.assertTrue(faculty_filter["includeChildren"])
            chain = pivot["fieldMatching"][faculty_filter["id"]]["chain"]
            domain.append((chain, "child_of", faculties.ids))
        self.env.flush_all()
        groups = (
            self.env[pivot["model"]]
            .with_user(user)
            .read_group(domain, [m["fieldName"] for m in pivot["measures"]], ["alumni_event_kind"])
        )
        return {group["alumni_event_kind"]: group for group in groups}

    def test_pivot_per_kind_and_its_faculty_filter(self):
        for user in (self.user_officer, self.user_manager):
            # What the browser reads for the pivot: no access error.
            self._dashboard_pivot_groups(DASHBOARD, "1", user)
        by_kind = self._groups_by_kind(self.user_officer)
        self.assertEqual(set(by_kind), {"open_day", "trial_lecture"})
        self.assertEqual(by_kind["open_day"]["attendee_count"], 2)
        self.assertEqual(by_kind["open_day"]["attendee_applied_count"], 1)
        self.assertAlmostEqual(by_kind["open_day"]["attendee_application_rate"], 50.0)
        self.assertEqual(by_kind["trial_lecture"]["attendee_enrolled_count"], 1)
        self.assertAlmostEqual(by_kind["trial_lecture"]["attendee_enrollment_rate"], 100.0)
        # Nursing is a department of the Faculty of Health.
        self.assertEqual(
            set(self._groups_by_kind(self.user_officer, self.faculty_health)), {"open_day"}
        )
        self.assertEqual(
            set(self._groups_by_kind(self.user_officer, self.faculty_tech)), {"trial_lecture"}
        )
