# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import NOW, AlumniCommon

REPORTS = ("alumni.funnel.report", "alumni.feeder.school.report", "alumni.engagement.report")


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestReportAccess(AlumniCommon):
    """Bad input to the analyses: a grouping, filter or sort on a field the
    role may not read, and a coordinator with no faculty, give empty
    results, never an error or another faculty's numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        school = cls.env["res.partner"].create(
            {"name": "Access School", "is_company": True, "is_school": True}
        )
        for name, programme in (("Helga", cls.programme_nursing), ("Terje", cls.programme_it)):
            person = cls._create_person(name)
            cls._touch(person, programme_id=programme.id, date="2025-10-01 10:00:00")
            cls._touch(person, "event_attendance", date="2026-01-10 10:00:00")
            cls._apply(person, programme, intake_year=2026)
            cls._enroll(
                person,
                programme,
                start="2021-08-15",
                end_date="2024-06-15",
                graduation_date="2024-06-15",
                state="completed",
                final_grade=4.0,
            )
            cls.env["alumni.prior.education"].create(
                {"partner_id": person.id, "institution_id": school.id}
            )
        cls.env.flush_all()
        cls.user_lonely = new_test_user(
            cls.env, login="lonely_access", groups="usn_alumni_base.group_alumni_faculty"
        )
        cls.programmes = cls.programme_nursing | cls.programme_it
        cls.mine = [("programme_id", "in", cls.programmes.ids)]

    def test_coordinator_without_faculty_gets_no_rows(self):
        for model in REPORTS:
            with self.subTest(model=model):
                Report = self.env[model].with_user(self.user_lonely)
                self.assertEqual(Report.search_count([]), 0)
                self.assertEqual(Report._read_group([], ["programme_id"], ["__count"]), [])
                self.assertEqual(Report._read_group([], [], ["__count"]), [(0,)])
                self.assertEqual(Report.read_group([], ["programme_id"], ["programme_id"]), [])
                # The officer's rows are there.
                self.assertEqual(
                    self.env[model].with_user(self.user_officer).search_count(self.mine), 2
                )

    def test_grouping_on_hidden_field_is_empty_for_coordinator(self):
        # Who is behind the funnel's figures is for officers (groups=).
        Funnel = self.env["alumni.funnel.report"]
        self.assertFalse(
            Funnel._fields["partner_id"].is_accessible(Funnel.with_user(self.user_coordinator).env)
        )
        coordinator = Funnel.with_user(self.user_coordinator)
        self.assertEqual(coordinator._read_group(self.mine, ["partner_id"], ["applied:sum"]), [])
        self.assertEqual(
            coordinator.read_group(self.mine, ["applied:sum"], ["partner_id"], lazy=False), []
        )
        self.assertEqual(
            coordinator.web_read_group(self.mine, ["applied:sum"], ["partner_id"])["length"], 0
        )
        # An aggregate of it is as empty.
        self.assertEqual(
            coordinator._read_group(self.mine, ["programme_id"], ["partner_id:count_distinct"]),
            [],
        )
        # Grouping on what they may read still gives their faculties' rows.
        self.assertEqual(
            coordinator._read_group(self.mine, ["programme_id"], ["applied:sum"]),
            [(self.programme_nursing, 1)],
        )

    def test_filter_or_sort_on_hidden_field_is_empty_for_coordinator(self):
        coordinator = self.env["alumni.funnel.report"].with_user(self.user_coordinator)
        for domain in (
            [("partner_id", "!=", False)],
            [("partner_id.name", "=", "Helga")],
            ["|", ("programme_id", "=", False), ("partner_id", "any", [("name", "=", "Helga")])],
            [("programme_id", "any", [("id", "!=", False)]), ("partner_id", "!=", False)],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(coordinator.search_count(self.mine + domain), 0)
                self.assertEqual(
                    coordinator._read_group(self.mine + domain, ["programme_id"], ["applied:sum"]),
                    [],
                )
                self.assertEqual(coordinator.search_read(self.mine + domain, ["applied"]), [])
        self.assertFalse(coordinator.search(self.mine, order="partner_id"))
        self.assertEqual(
            coordinator._read_group(
                self.mine, ["programme_id"], ["applied:sum"], order="partner_id"
            ),
            [],
        )
        # A filter on readable fields is unaffected.
        self.assertEqual(
            coordinator.search_count([*self.mine, ("programme_id.code", "=", "BSYK")]), 1
        )

    def test_officer_unaffected(self):
        officer = self.env["alumni.funnel.report"].with_user(self.user_officer)
        groups = officer._read_group(self.mine, ["partner_id"], ["applied:sum"])
        self.assertEqual({partner.name for partner, __ in groups}, {"Helga", "Terje"})
        self.assertEqual(officer.search_count([*self.mine, ("partner_id.name", "=", "Helga")]), 1)
        self.assertEqual(len(officer.search(self.mine, order="partner_id")), 2)

    def test_other_reports_refuse_hidden_fields_quietly(self):
        # Through a person: how the person signed up is for administrators
        # (auth_signup's field, groups=).
        for model, person in (
            ("alumni.engagement.report", "partner_id"),
            ("alumni.feeder.school.report", "school_id"),
        ):
            with self.subTest(model=model):
                Report = self.env[model].with_user(self.user_coordinator)
                path = f"{person}.signup_type"
                self.assertTrue(Report._alumni_path_is_hidden(path))
                self.assertEqual(Report.search_count([*self.mine, (path, "!=", False)]), 0)
                self.assertEqual(
                    Report._read_group(
                        [*self.mine, (path, "=", False)], ["programme_id"], ["__count"]
                    ),
                    [],
                )
                self.assertEqual(Report.search_count(self.mine), 1)
                # Whoever may read it is answered as usual.
                self.assertEqual(self.env[model].search_count([*self.mine, (path, "=", False)]), 2)
