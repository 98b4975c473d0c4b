# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestInstall(AlumniCommon):
    def test_roles_form_one_implied_chain(self):
        faculty = self.env.ref("usn_alumni_base.group_alumni_faculty")
        officer = self.env.ref("usn_alumni_base.group_alumni_user")
        manager = self.env.ref("usn_alumni_base.group_alumni_manager")
        category = self.env.ref("usn_alumni_base.module_category_alumni")
        self.assertEqual((faculty | officer | manager).category_id, category)
        self.assertIn(faculty, officer.trans_implied_ids)
        self.assertIn(officer, manager.trans_implied_ids)
        self.assertNotIn(manager, officer.trans_implied_ids)
        self.assertTrue(self.user_manager.has_group("usn_alumni_base.group_alumni_faculty"))
        self.assertFalse(self.user_coordinator.has_group("usn_alumni_base.group_alumni_user"))

    def test_alumni_app_visible_to_each_role(self):
        for user in (self.user_coordinator, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                menus = self._menu_xmlids_shown_to(user)
                self.assertIn("usn_alumni_base.menu_alumni_root", menus)
                self.assertIn("usn_alumni_base.menu_alumni_people", menus)

    def test_alumni_app_hidden_from_others(self):
        for user in (self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                menus = self._menu_xmlids_shown_to(user)
                self.assertNotIn("usn_alumni_base.menu_alumni_root", menus)
                self.assertNotIn("usn_alumni_base.menu_alumni_people", menus)

    def test_admin_is_alumni_manager(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("usn_alumni_base.group_alumni_manager"))
