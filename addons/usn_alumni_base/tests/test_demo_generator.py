# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io
import json

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..models.alumni_demo import DEMO_PASSWORD, MARKER_PARAM
from ..tools.demo_population import STAGES, DemoPopulation

TODAY = datetime.date(2026, 3, 2)
SIZE = 400


def _counts(env):
    """What a second run must not change."""
    return {
        model: env[model].with_context(active_test=False).search_count([])
        for model in (
            "res.partner",
            "alumni.enrollment",
            "alumni.application",
            "alumni.consent",
            "alumni.lifecycle.event",
            "alumni.career.position",
            "res.users",
        )
    }


@freeze_time("2026-03-02 10:00:00")
@tagged("post_install", "-at_install")
class TestDemoGenerator(TransactionCase):
    """A small demo university (400 people) generated into the test database."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stream = io.StringIO()
        cls.demo_run = cls.env["alumni.demo"]._alumni_demo_run(SIZE, stream=cls.stream, today=TODAY)
        cls.plan = DemoPopulation(SIZE, today=TODAY)

    def test_same_size_and_seed_same_people(self):
        again = DemoPopulation(SIZE, today=TODAY)
        self.assertEqual(
            [(p.name, p.email, p.stage) for p in again.people],
            [(p.name, p.email, p.stage) for p in self.plan.people],
        )
        # Person i is the same whatever the size; another seed draws others.
        larger = DemoPopulation(SIZE + 50, today=TODAY, start=SIZE - 10)
        self.assertEqual(larger.people[0].name, self.plan.people[SIZE - 10].name)
        other = DemoPopulation(50, seed=7, today=TODAY)
        self.assertNotEqual([p.name for p in other.people], [p.name for p in self.plan.people[:50]])

    def test_people_at_every_stage_in_the_documented_proportions(self):
        stages = self.env["alumni.demo"]._alumni_demo_summary()
        self.assertEqual(sum(stages.values()), SIZE)
        for stage, share in STAGES:
            self.assertGreater(stages.get(stage, 0), 0, stage)
            self.assertAlmostEqual(stages[stage] / SIZE, share, delta=0.07, msg=stage)
        # Rejected and declined applicants stay prospects.
        planned = self.plan.counts()
        self.assertEqual(stages["student"], planned["student"])
        self.assertEqual(stages["alumnus"], planned["alumnus"])
        self.assertEqual(stages["withdrawn"], planned["withdrawn"])

    def test_studies_imported_by_the_import_engine(self):
        jobs = self.env["alumni.import.job"].search([])
        self.assertEqual(
            set(jobs.mapped("filename")), {"fs_studenter_demo.csv", "osiris_studenten_demo.csv"}
        )
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertFalse(sum(jobs.mapped("error_count")))
        studied = [p for p in self.plan.people if p.studied]
        self.assertEqual(sum(jobs.mapped("created_count")), len(studied))
        # Dutch students, with their Dutch mobile numbers in E.164.
        dutch = next(p for p in studied if p.dutch)
        partner = self.env["res.partner"].search([("student_number", "=", dutch.student_number)])
        self.assertTrue(partner.phone.startswith("+316"), partner.phone)
        # 4 faculties, 8 campuses, the programmes with their level.
        self.assertEqual(
            self.env["alumni.faculty"].search_count([("code", "in", ["HS", "HIU", "TNM", "HH"])]), 4
        )
        self.assertEqual(self.env["alumni.campus"].search_count([]), 8)
        enrolled = self.env["alumni.enrollment"].search([])
        self.assertEqual(len(enrolled.campus_id), 8)
        self.assertEqual(
            self.env["alumni.programme"].search([("code", "=", "MBA")]).level, "master"
        )

    def test_timeline_goes_back_ten_years(self):
        Event = self.env["alumni.lifecycle.event"]
        oldest = Event.search([("kind", "=", "enrollment")], order="date", limit=1).date.date()
        self.assertLessEqual(oldest, TODAY.replace(year=TODAY.year - 9))
        self.assertGreaterEqual(oldest, TODAY.replace(year=TODAY.year - 11))
        kinds = set(Event.search([]).mapped("kind"))
        self.assertLessEqual(
            {"information_request", "application", "enrollment", "graduation", "withdrawal"}, kinds
        )
        # An application's touchpoint is dated the day it came in.
        application = self.env["alumni.application"].search([], limit=1)
        touch = Event.search(
            [
                ("res_model", "=", "alumni.application"),
                ("res_id", "=", application.id),
                ("kind", "=", "application"),
            ]
        )
        self.assertEqual(touch.date.date(), application.date_submitted)

    def test_the_university_is_the_company(self):
        company = self.env.company
        self.assertEqual(company.name, "University of South-Eastern Norway (demo)")
        self.assertEqual((company.country_id.code, company.currency_id.name), ("NO", "NOK"))

    def test_changes_of_stage_dated_as_their_cause(self):
        """Becoming an alumnus is dated the graduation, not the day the
        demo was generated."""
        Event = self.env["alumni.lifecycle.event"]
        changes = Event.search([("kind", "=", "stage_change"), ("stage_to", "=", "alumnus")])
        self.assertTrue(changes)
        graduations = {
            e.partner_id: e.date for e in Event.search([("kind", "=", "graduation")], order="date")
        }
        for change in changes:
            self.assertEqual(change.date, graduations[change.partner_id])

    def test_most_alumni_have_not_given_marketing_consent(self):
        alumni = self.env["res.partner"].search([("lifecycle_stage", "=", "alumnus")])
        consents = self.env["alumni.consent"].search(
            [("partner_id", "in", alumni.ids), ("purpose_id.code", "=", "evu_email")]
        )
        current_yes = consents.filtered(lambda c: c.is_current and c.state == "given")
        self.assertGreater(len(current_yes), 0)
        self.assertLess(len(current_yes.partner_id) / len(alumni), 0.5)
        # The history: answers withdrawn later, the earlier yes kept.
        withdrawn = consents.filtered(lambda c: c.state == "withdrawn")
        self.assertTrue(withdrawn)
        self.assertTrue(all(w.is_current for w in withdrawn))
        earlier = consents.filtered(
            lambda c: c.partner_id == withdrawn[0].partner_id and c.state == "given"
        )
        self.assertTrue(earlier and not earlier.is_current)

    def test_funnel_report_has_rows(self):
        rows = self.env["alumni.funnel.report"].search([])
        self.assertTrue(rows)
        self.assertTrue(sum(rows.mapped("requested")))
        self.assertTrue(sum(rows.mapped("applied")))
        self.assertTrue(sum(rows.mapped("graduated")))

    def test_demo_logins(self):
        Users = self.env["res.users"]
        for login in ("officer", "coordinator", "marketing", "alumna", "alumnus"):
            user = Users.search([("login", "=", login)])
            self.assertTrue(user, login)
            # The printed password is the one that works.
            user.with_user(user)._check_credentials(
                {"type": "password", "password": DEMO_PASSWORD}, {"interactive": False}
            )
        officer = Users.search([("login", "=", "officer")])
        self.assertTrue(officer.has_group("usn_alumni_base.group_alumni_user"))
        coordinator = Users.search([("login", "=", "coordinator")])
        self.assertTrue(coordinator.has_group("usn_alumni_base.group_alumni_faculty"))
        self.assertFalse(coordinator.has_group("usn_alumni_base.group_alumni_user"))
        self.assertEqual(coordinator.alumni_faculty_ids.mapped("code"), ["HS"])
        alumna = Users.search([("login", "=", "alumna")])
        self.assertTrue(alumna.share)
        self.assertEqual(alumna.partner_id.lifecycle_stage, "alumnus")
        self.assertEqual(len(alumna.partner_id.career_position_ids), 2)
        logins = [login for login, _password, _who in self.env["alumni.demo"]._alumni_demo_logins()]
        self.assertEqual(logins, ["officer", "coordinator", "marketing", "alumna", "alumnus"])

    def test_progress_printed(self):
        lines = self.stream.getvalue().splitlines()
        self.assertTrue(lines[0].startswith("[") and "people planned" in lines[0])
        self.assertIn("demo logins", self.stream.getvalue())
        self.assertTrue(lines[-1].startswith("[" + "#" * 24 + "]"), lines[-1])

    def test_second_run_adds_nothing(self):
        before = _counts(self.env)
        stream = io.StringIO()
        self.assertIsNone(
            self.env["alumni.demo"]._alumni_demo_run(SIZE, stream=stream, today=TODAY)
        )
        self.assertIn("nothing to add", stream.getvalue())
        self.assertEqual(_counts(self.env), before)
        marker = json.loads(self.env["ir.config_parameter"].get_param(MARKER_PARAM))
        self.assertEqual(marker, {"size": SIZE, "seed": 2026})

    def test_larger_size_adds_the_difference(self):
        people = self.env["res.partner"].search_count([("lifecycle_stage", "!=", False)])
        run = self.env["alumni.demo"]._alumni_demo_run(SIZE + 30, stream=io.StringIO(), today=TODAY)
        self.assertEqual(len(run.population.people), 30)
        self.assertEqual(
            self.env["res.partner"].search_count([("lifecycle_stage", "!=", False)]), people + 30
        )
        self.assertEqual(self.env["res.users"].search_count([("login", "=", "officer")]), 1)

    def test_other_seed_refused(self):
        with self.assertRaisesRegex(UserError, "seed 2026"):
            self.env["alumni.demo"]._alumni_demo_run(
                SIZE, seed=99, stream=io.StringIO(), today=TODAY
            )
