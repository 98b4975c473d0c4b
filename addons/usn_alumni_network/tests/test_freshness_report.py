# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AlumniNetworkCommon

MEASURES = [
    "member_count:sum",
    "recent_count:sum",
    "stale_count:sum",
    "never_count:sum",
    "recent_share:avg",
]


@tagged("post_install", "-at_install")
class TestFreshnessReport(AlumniNetworkCommon):
    """alumni.network.freshness.report: members per faculty whose data was
    verified within 12 months, earlier or never. The view counts from the
    database's today, so the dates here are the real today's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.member.last_verified_date = today - timedelta(days=30)
        cls.member_b.last_verified_date = today - timedelta(days=400)
        cls.member_public.last_verified_date = today - timedelta(days=10)
        # Nursing and the faculty's own master: two units of Health.
        cls.health_stale = cls._create_person(
            "Hege Health", network_state="member", last_verified_date=today - timedelta(days=500)
        )
        cls._graduate(cls.health_stale, cls.programme_nursing, 2016)
        cls._enroll(cls.health_stale, cls.programme_health_master, start="2017-08-15")
        cls.applicant = cls._create_person("Arne Applicant", network_state="member")
        cls._apply(cls.applicant, cls.programme_it_master)
        # Not counted: the dead, those not (yet) in the network.
        cls.deceased = cls._create_person("Dina Dead", network_state="member", is_deceased=True)
        cls._graduate(cls.deceased, cls.programme_nursing, 2010)
        cls._graduate(
            cls._create_person("Pia Pending", network_state="pending"), cls.programme_nursing, 2012
        )
        cls.faculties = cls.faculty_health | cls.department_nursing | cls.faculty_tech

    def _numbers(self, user=None, faculties_only=False):
        Report = self.env["alumni.network.freshness.report"]
        if user:
            Report = Report.with_user(user)
        domain = [("faculty_id", "in", self.faculties.ids)]
        if faculties_only:
            domain.append(("is_faculty", "=", True))
        return {
            faculty: (members, recent, stale, never, round(share, 1))
            for faculty, members, recent, stale, never, share in Report._read_group(
                domain, ["faculty_id"], MEASURES
            )
        }

    def test_numbers_per_faculty_and_department(self):
        self.assertEqual(
            self._numbers(),
            {
                self.faculty_health: (2, 1, 1, 0, 50.0),
                self.department_nursing: (2, 1, 1, 0, 50.0),
                self.faculty_tech: (4, 1, 1, 2, 25.0),
            },
        )

    def test_faculties_filter_counts_each_member_once(self):
        numbers = self._numbers(faculties_only=True)
        self.assertEqual(set(numbers), set(self.faculty_health | self.faculty_tech))
        total = self.env["alumni.network.freshness.report"]._read_group(
            [("faculty_id", "in", self.faculties.ids), ("is_faculty", "=", True)], [], MEASURES
        )
        self.assertEqual(total, [(6, 2, 2, 2, 100.0 * 2 / 6)])

    def test_coordinator_sees_only_their_faculty(self):
        self.assertEqual(
            set(self._numbers(user=self.user_coordinator)),
            set(self.faculty_health | self.department_nursing),
        )
        self.assertEqual(
            set(self._numbers(user=self.user_officer)),
            set(self.faculties),
        )

    def test_others_cannot_read_it(self):
        for user in (
            self.user_portal,
            self.user_member,
            self.user_employee,
            self.user_made_by_admin,
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["alumni.network.freshness.report"].with_user(user).search([])

    def test_menus(self):
        network_menu = "usn_alumni_network.alumni_network_freshness_report_menu"
        reporting_menu = "usn_alumni_network.alumni_network_freshness_report_menu_reporting"
        officer_menus = self._menu_xmlids_shown_to(self.user_officer)
        self.assertIn(network_menu, officer_menus)
        self.assertIn(reporting_menu, officer_menus)
        coordinator_menus = self._menu_xmlids_shown_to(self.user_coordinator)
        self.assertIn(reporting_menu, coordinator_menus)
        self.assertNotIn(network_menu, coordinator_menus)
        self.assertFalse(
            {network_menu, reporting_menu} & self._menu_xmlids_shown_to(self.user_employee)
        )

    def test_views_open(self):
        action = self.env.ref("usn_alumni_network.alumni_network_freshness_report_action")
        Report = self.env["alumni.network.freshness.report"].with_user(self.user_coordinator)
        for view_type in action.view_mode.split(","):
            with self.subTest(view_type=view_type):
                self.assertTrue(Report.get_views([(False, view_type)])["views"][view_type]["arch"])
