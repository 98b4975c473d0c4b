# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.usn_alumni_base.tests.common import AlumniCommon

EVU_MENUS = {"usn_alumni_evu.menu_alumni_evu", "usn_alumni_evu.menu_alumni_evu_campaigns"}
# What a faculty coordinator works on: the offers, and the applications to
# their faculties' offers (record rules), not the campaigns or the analyses.
COORDINATOR_MENUS = {
    "usn_alumni_evu.menu_alumni_evu",
    "usn_alumni_evu.alumni_evu_offer_menu",
    "usn_alumni_evu.alumni_evu_enrollment_menu",
}
OFFICER_ONLY_MENUS = {
    "usn_alumni_evu.menu_alumni_evu_campaigns",
    "usn_alumni_evu.menu_alumni_evu_reporting",
}


@tagged("post_install", "-at_install")
class TestInstall(AlumniCommon):
    def test_evu_menus_by_role(self):
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertLessEqual(
                    EVU_MENUS | COORDINATOR_MENUS | OFFICER_ONLY_MENUS,
                    self._menu_xmlids_shown_to(user),
                )
        shown = self._menu_xmlids_shown_to(self.user_coordinator)
        self.assertLessEqual(COORDINATOR_MENUS, shown)
        self.assertFalse(OFFICER_ONLY_MENUS & shown)
        for user in (self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                self.assertFalse((EVU_MENUS | COORDINATOR_MENUS) & self._menu_xmlids_shown_to(user))

    def test_officer_runs_campaigns(self):
        self.assertTrue(self.user_officer.has_group("mass_mailing.group_mass_mailing_user"))
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.user_officer)
            .create({"subject": "Continuing education this spring"})
        )
        self.assertEqual(mailing.user_id, self.user_officer)
        self.assertFalse(self.env["mailing.mailing"].with_user(self.user_portal).has_access("read"))
