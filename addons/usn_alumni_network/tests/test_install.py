# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.usn_alumni_base.tests.common import AlumniCommon

NETWORK_MENUS = {
    "usn_alumni_network.menu_alumni_network",
    "usn_alumni_network.menu_alumni_network_member",
}


@tagged("post_install", "-at_install")
class TestInstall(AlumniCommon):
    def test_network_menu_for_officers_only(self):
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertLessEqual(NETWORK_MENUS, self._menu_xmlids_shown_to(user))
        for user in (self.user_coordinator, self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                self.assertFalse(NETWORK_MENUS & self._menu_xmlids_shown_to(user))

    def test_members_action_lists_network_members_only(self):
        Partner = self.env["res.partner"]
        member = Partner.create({"name": "Ingrid Member", "network_state": "member"})
        pending = Partner.create({"name": "Jon Pending", "network_state": "pending"})
        outsider = Partner.create({"name": "Nils Outsider"})
        action = self.env.ref("usn_alumni_network.res_partner_action_network_member")
        found = Partner.search(safe_eval(action.domain))
        self.assertIn(member, found)
        self.assertIn(pending, found)
        self.assertNotIn(outsider, found)
