# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import NOW, AlumniCommon

STEPS = ["requested", "attended_event", "applied", "offered", "enrolled", "graduated"]
RATES = ["attendance_rate", "application_rate", "offer_rate", "enrollment_rate", "graduation_rate"]


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestFunnelReport(AlumniCommon):
    """Five people in two programmes, each at known steps of the funnel.

    Nursing (Faculty of Health): Anna requested, attended, applied, was
    offered, enrolled and graduated; Bjørn requested, attended and applied;
    Cecilie only requested (in 2025); Dag applied and was offered without a
    request, then declined. IT (Faculty of Technology): Eva requested and
    applied.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nursing, it = cls.programme_nursing, cls.programme_it
        anna, bjorn, cecilie, dag, eva = (
            cls._create_person(name) for name in ("Anna", "Bjørn", "Cecilie", "Dag", "Eva")
        )
        cls.anna = anna
        for person in (anna, bjorn):
            cls._touch(person, programme_id=nursing.id, date="2025-10-01 10:00:00")
            # Twice at events: still one person at that step.
            cls._touch(person, "event_attendance", programme_id=nursing.id)
            cls._touch(person, "event_attendance", programme_id=nursing.id)
            # An event without a programme is in no programme's funnel.
            cls._touch(person, "event_attendance")
        cls._touch(cecilie, programme_id=nursing.id, date="2025-11-01 10:00:00")
        cls._apply(anna, nursing, intake_year=2026, source="website", state="offered")
        cls._apply(bjorn, nursing, intake_year=2026, source="local")
        cls._apply(dag, nursing, intake_year=2026, source="website", state="offered")
        cls.env["alumni.application"].search([("partner_id", "=", dag.id)]).action_decline()
        cls._enroll(
            anna,
            nursing,
            start="2022-08-15",
            end_date="2025-06-15",
            graduation_date="2025-06-15",
            state="completed",
        )
        cls._touch(eva, programme_id=it.id, date="2025-09-01 10:00:00")
        cls._apply(eva, it, intake_year=2026, source="national")
        cls.env.flush_all()
        cls.Report = cls.env["alumni.funnel.report"]

    def _funnel(self, report, domain=(), groupby=()):
        aggregates = [f"{name}:sum" for name in STEPS + RATES]
        return [
            dict(zip(list(groupby) + STEPS + RATES, row, strict=True))
            for row in report._read_group(
                [
                    *domain,
                    (
                        "programme_id",
                        "in",
                        (
                            self.programme_nursing
                            | self.programme_health_master
                            | self.programme_it
                            | self.programme_it_master
                        ).ids,
                    ),
                ],
                list(groupby),
                aggregates,
            )
        ]

    def test_each_step_counts_distinct_people_per_programme(self):
        (nursing,) = self._funnel(self.Report, [("programme_id", "=", self.programme_nursing.id)])
        self.assertEqual(
            [nursing[step] for step in STEPS],
            # requested: Anna, Bjørn, Cecilie; events: Anna, Bjørn; applied:
            # Anna, Bjørn, Dag; offered: Anna, Dag (declined); enrolled and
            # graduated: Anna.
            [3, 2, 3, 2, 1, 1],
        )

    def test_rates_between_steps_from_the_grouped_sums(self):
        (nursing,) = self._funnel(self.Report, [("programme_id", "=", self.programme_nursing.id)])
        self.assertAlmostEqual(nursing["attendance_rate"], 2 / 3 * 100)
        self.assertAlmostEqual(nursing["application_rate"], 3 / 2 * 100)
        self.assertAlmostEqual(nursing["offer_rate"], 2 / 3 * 100)
        self.assertAlmostEqual(nursing["enrollment_rate"], 1 / 2 * 100)
        self.assertAlmostEqual(nursing["graduation_rate"], 100)
        (everyone,) = self._funnel(self.Report)
        self.assertEqual([everyone[step] for step in STEPS], [4, 2, 4, 2, 1, 1])
        self.assertAlmostEqual(everyone["attendance_rate"], 50)
        self.assertAlmostEqual(everyone["application_rate"], 200)

    def test_intake_source_and_faculty(self):
        rows = self._funnel(
            self.Report,
            [("programme_id", "=", self.programme_nursing.id)],
            ["intake_year", "source"],
        )
        self.assertEqual(
            {(row["intake_year"], row["source"]): row["requested"] for row in rows},
            # Cecilie never applied: the year of her first touch, no source.
            {(2025, False): 1, (2026, "local"): 1, (2026, "website"): 1},
        )
        self.assertEqual(
            {(row["intake_year"], row["source"]): row["applied"] for row in rows},
            {(2025, False): 0, (2026, "local"): 1, (2026, "website"): 2},
        )
        by_faculty = {
            row["faculty_id"]: row["applied"]
            for row in self._funnel(self.Report, groupby=["faculty_id"])
        }
        self.assertEqual(by_faculty, {self.department_nursing: 3, self.faculty_tech: 1})
        (campus,) = self._funnel(
            self.Report, [("partner_id", "=", self.anna.id)], groupby=["campus_id"]
        )
        self.assertEqual(campus["campus_id"], self.campus_bo)

    def test_officer_sees_every_faculty(self):
        (everyone,) = self._funnel(self.Report.with_user(self.user_officer))
        self.assertEqual(everyone["applied"], 4)

    def test_coordinator_sees_only_own_faculties(self):
        report = self.Report.with_user(self.user_coordinator)
        (health,) = self._funnel(report)
        self.assertEqual([health[step] for step in STEPS], [3, 2, 3, 2, 1, 1])
        for groupby in ("programme_id", "faculty_id", "campus_id", "source", "intake_year"):
            rows = self._funnel(report, groupby=[groupby])
            self.assertEqual(sum(row["applied"] for row in rows), 3, groupby)
        programmes = {row["programme_id"] for row in self._funnel(report, groupby=["programme_id"])}
        self.assertEqual(programmes, {self.programme_nursing})
        self.assertFalse(report.search([("programme_id", "=", self.programme_it.id)]))

    def test_coordinator_grouping_on_hidden_field_gives_no_numbers(self):
        # Who is behind the figures is for officers: a coordinator grouping
        # on it gets nothing (no error), and never another faculty's numbers.
        report = self.Report.with_user(self.user_coordinator)
        self.assertEqual(report._read_group([], ["partner_id"], ["applied:sum"]), [])
        self.assertNotIn("partner_id", report.fields_get())

    def test_coordinator_without_faculty_sees_nothing(self):
        lonely = new_test_user(
            self.env, login="lonely_coordinator", groups="usn_alumni_base.group_alumni_faculty"
        )
        report = self.Report.with_user(lonely)
        self.assertEqual(self._funnel(report, groupby=["programme_id"]), [])
        self.assertFalse(report.search([]))
        (total,) = self._funnel(report)
        self.assertEqual([total[step] for step in STEPS], [0] * 6)
