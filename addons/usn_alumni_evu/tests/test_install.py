# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.usn_alumni_base.tests.common import AlumniCommon

EVU_MENUS = {"usn_alumni_evu.menu_alumni_evu", "usn_alumni_evu.menu_alumni_evu_campaigns"}


@tagged("post_install", "-at_install")
class TestInstall(AlumniCommon):
    def test_evu_menu_for_officers_only(self):
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertLessEqual(EVU_MENUS, self._menu_xmlids_shown_to(user))
        for user in (self.user_coordinator, self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                self.assertFalse(EVU_MENUS & self._menu_xmlids_shown_to(user))

    def test_officer_runs_campaigns(self):
        self.assertTrue(self.user_officer.has_group("mass_mailing.group_mass_mailing_user"))
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.user_officer)
            .create({"subject": "Continuing education this spring"})
        )
        self.assertEqual(mailing.user_id, self.user_officer)
        self.assertFalse(self.env["mailing.mailing"].with_user(self.user_portal).has_access("read"))
