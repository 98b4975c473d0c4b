# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class AlumniCommon(BaseCommon):
    """Users of every role the suite knows, shared by the suite's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager = new_test_user(
            cls.env,
            login="alumni_manager",
            name="Astrid Manager",
            groups="usn_alumni_base.group_alumni_manager",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="alumni_officer",
            name="Ola Officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        cls.user_coordinator = new_test_user(
            cls.env,
            login="alumni_coordinator",
            name="Kari Coordinator",
            groups="usn_alumni_base.group_alumni_faculty",
        )
        cls.user_employee = new_test_user(
            cls.env,
            login="plain_employee",
            name="Per Employee",
            groups="base.group_user",
        )
        cls.user_portal = new_test_user(
            cls.env,
            login="alumni_portal",
            name="Siri Portal",
            groups="base.group_portal",
        )

    def _menu_xmlids_shown_to(self, user):
        """The xml ids of the menus the user can reach from the app switcher."""
        Menu = self.env["ir.ui.menu"].with_user(user)
        if not Menu.has_access("read"):
            return set()
        menus = Menu.load_menus(debug=False)
        shown, todo = set(), list(menus["root"]["children"])
        while todo:
            menu = menus[todo.pop()]
            shown.add(menu["xmlid"])
            todo.extend(menu["children"])
        return shown
