# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import NOW, AlumniCommon

YEAR = timedelta(days=365.25)


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestEngagementReport(AlumniCommon):
    """Alumni of 2024 with known activity, at known ages.

    With the default weights (event 3, continuing education 5, network 2,
    mailing click 1) and a half-life of 12 months: Alma attended an event
    now (3), enrolled in continuing education a year ago (5 / 2 = 2.5) and
    clicked a mailing two years ago (1 / 4 = 0.25): 5.75. Bror joined the
    network now (2) and left it (nothing). Cora clicked a mailing a year ago
    (0.5): below the threshold of 1, not engaged. Dina (IT) enrolled in
    continuing education now (5). Egil is deceased and Frida still studies:
    neither is an alumnus.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The view ages the activity from the database's clock (the
        # transaction's start: the same for the whole class).
        cls.env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        now = cls.env.cr.fetchone()[0]
        nursing, it = cls.programme_nursing, cls.programme_it
        people = {}
        for name, programme in (
            ("Alma", nursing),
            ("Bror", nursing),
            ("Cora", nursing),
            ("Dina", it),
            ("Egil", nursing),
        ):
            people[name] = cls._create_person(name)
            cls._enroll(
                people[name],
                programme,
                start="2021-08-15",
                end_date="2024-06-15",
                graduation_date="2024-06-15",
                state="completed",
            )
        people["Egil"].is_deceased = True
        people["Frida"] = cls._create_person("Frida")
        cls._enroll(people["Frida"], nursing, start="2024-08-15")
        rows = [
            ("Alma", "event_attendance", now),
            ("Alma", "evu_enrollment", now - YEAR),
            ("Alma", "mailing_click", now - 2 * YEAR),
            ("Bror", "network_join", now),
            ("Bror", "network_leave", now),
            ("Cora", "mailing_click", now - YEAR),
            ("Dina", "evu_enrollment", now),
            ("Egil", "event_attendance", now),
            ("Frida", "event_attendance", now),
        ]
        cls.env["alumni.lifecycle.event"]._append(
            [
                {"partner_id": people[name].id, "kind": kind, "date": date}
                for name, kind, date in rows
            ]
        )
        cls.people = people
        cls.now = now
        cls.env.flush_all()
        cls.Report = cls.env["alumni.engagement.report"]

    def _scores(self, report=None, domain=()):
        report = report if report is not None else self.Report
        return {
            row.partner_id.name: round(row.score, 4)
            for row in report.search(
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
                ]
            )
        }

    def test_score_with_weights_and_decay(self):
        self.assertEqual(self._scores(), {"Alma": 5.75, "Bror": 2.0, "Cora": 0.5, "Dina": 5.0})
        alma = self.Report.search([("partner_id", "=", self.people["Alma"].id)])
        self.assertEqual(
            [round(alma[name], 4) for name in ("event_score", "evu_score", "network_score")],
            [3.0, 2.5, 0.0],
        )
        self.assertAlmostEqual(alma.mailing_score, 0.25)
        self.assertEqual((alma.programme_id, alma.graduation_year), (self.programme_nursing, 2024))
        self.assertAlmostEqual(self.people["Alma"].alumni_engagement_score, 5.75)

    def test_weights_and_half_life_from_the_settings(self):
        self.env["res.config.settings"].create(
            {"alumni_engagement_weight_event": 0, "alumni_engagement_half_life": 0}
        ).execute()
        self.env.invalidate_all()
        # No decay: Alma 0 + 5 + 1, Cora 1 (engaged now).
        self.assertEqual(self._scores(), {"Alma": 6.0, "Bror": 2.0, "Cora": 1.0, "Dina": 5.0})

    def test_weight_below_zero_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be below zero"):
            self.env["res.config.settings"].create({"alumni_engagement_weight_mailing": -1})
        # Set behind the settings' back, a negative weight is not used.
        self.env["ir.config_parameter"].set_param("usn_alumni_base.engagement_weight_event", "-3")
        self.env.invalidate_all()
        self.assertEqual(self._scores()["Alma"], 5.75)

    def test_engaged_share_and_ranking_per_programme_and_cohort(self):
        groups = self.Report._read_group(
            [
                (
                    "programme_id",
                    "in",
                    (
                        self.programme_nursing
                        | self.programme_health_master
                        | self.programme_it
                        | self.programme_it_master
                    ).ids,
                )
            ],
            ["programme_id", "graduation_year"],
            ["alumni_count:sum", "engaged_count:sum", "engaged_share:avg"],
        )
        figures = {
            (programme, year): (count, engaged, round(share, 2))
            for programme, year, count, engaged, share in groups
        }
        self.assertEqual(
            figures,
            {
                (self.programme_nursing, 2024): (3, 2, 66.67),
                (self.programme_it, 2024): (1, 1, 100.0),
            },
        )
        nursing = self.Report.search([("programme_id", "=", self.programme_nursing.id)])
        self.assertEqual(nursing.partner_id.mapped("name"), ["Alma", "Bror", "Cora"])
        self.assertEqual(nursing.mapped("cohort_rank"), [1, 2, 3])

    def test_coordinator_sees_only_own_faculties(self):
        report = self.Report.with_user(self.user_coordinator)
        self.assertEqual(self._scores(report), {"Alma": 5.75, "Bror": 2.0, "Cora": 0.5})
        groups = report._read_group([], ["faculty_id"], ["alumni_count:sum"])
        self.assertEqual(groups, [(self.department_nursing, 3)])

    def test_coordinator_without_faculty_sees_nothing(self):
        lonely = new_test_user(
            self.env, login="lonely_coordinator", groups="usn_alumni_base.group_alumni_faculty"
        )
        report = self.Report.with_user(lonely)
        self.assertEqual(self._scores(report), {})
        self.assertEqual(report._read_group([], ["programme_id"], ["alumni_count:sum"]), [])

    def test_scores_follow_the_timeline(self):
        Timeline = self.env["alumni.lifecycle.event"]
        cora = self.people["Cora"]
        # Appended, as the suite's addons write the timeline: Cora attends
        # an event now and is engaged.
        Timeline._append([{"partner_id": cora.id, "kind": "event_attendance", "date": self.now}])
        self.assertEqual(self._scores()["Cora"], 3.5)
        # Through the ORM: created, moved to another person, deleted.
        click = Timeline.create({"partner_id": cora.id, "kind": "mailing_click", "date": self.now})
        self.assertEqual(self._scores()["Cora"], 4.5)
        click.partner_id = self.people["Dina"]
        self.assertEqual(self._scores()["Cora"], 3.5)
        self.assertEqual(self._scores()["Dina"], 6.0)
        click.unlink()
        self.assertEqual(self._scores()["Dina"], 5.0)
        # A row that is no engagement changes nothing.
        Timeline._append([{"partner_id": cora.id, "kind": "stage_change", "date": self.now}])
        self.assertEqual(self._scores()["Cora"], 3.5)

    def test_scores_age_from_the_stored_sums_and_every_night(self):
        # The sums as they stood a year ago count half today.
        self.env.cr.execute(
            "UPDATE alumni_engagement_activity SET date = date - interval '365.25 days'"
        )
        self.env.invalidate_all()
        self.assertEqual(self._scores(), {"Alma": 2.875, "Bror": 1.0, "Cora": 0.25, "Dina": 2.5})
        # The nightly job adds up the timeline again as of today.
        self.env.ref("usn_alumni_base.ir_cron_alumni_engagement_activity").method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(self._scores(), {"Alma": 5.75, "Bror": 2.0, "Cora": 0.5, "Dina": 5.0})

    def test_a_new_half_life_ages_everyone_again(self):
        # Set as a system parameter, not through the settings: 6 months.
        self.env["ir.config_parameter"].set_param(
            "usn_alumni_base.engagement_half_life_months", "6"
        )
        self.env.invalidate_all()
        # Alma: 3 + 5 / 4 + 1 / 16; Cora: 1 / 4.
        self.assertEqual(self._scores()["Alma"], 4.3125)
        self.assertEqual(self._scores()["Cora"], 0.25)
        self.env["ir.config_parameter"].search(
            [("key", "=", "usn_alumni_base.engagement_half_life_months")]
        ).unlink()
        self.env.invalidate_all()
        self.assertEqual(self._scores()["Alma"], 5.75)

    def test_merged_people_keep_their_activity(self):
        bror, cora = self.people["Bror"], self.people["Cora"]
        self.env["base.partner.merge.automatic.wizard"]._merge(
            (bror | cora).ids, bror, extra_checks=False
        )
        self.env.invalidate_all()
        self.assertEqual(self._scores()["Bror"], 2.5)
        self.assertNotIn("Cora", self._scores())
