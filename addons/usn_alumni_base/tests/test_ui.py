# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_officer_opens_alumni_app(self):
        new_test_user(
            self.env,
            login="tour_officer",
            password="tour_officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        self.start_tour("/odoo", "usn_alumni_open_app", login="tour_officer")
