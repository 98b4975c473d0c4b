# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.usn_alumni_base.tests.common import AlumniCommon


@tagged("post_install", "-at_install")
class TestInstall(AlumniCommon):
    def test_events_menu_for_officers_only(self):
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertIn(
                    "usn_alumni_events.menu_alumni_events", self._menu_xmlids_shown_to(user)
                )
        for user in (self.user_coordinator, self.user_employee, self.user_portal):
            with self.subTest(user=user.login):
                self.assertNotIn(
                    "usn_alumni_events.menu_alumni_events", self._menu_xmlids_shown_to(user)
                )

    def test_officer_runs_events(self):
        self.assertTrue(self.user_officer.has_group("event.group_event_user"))
        event = (
            self.env["event.event"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "Open Day Bø",
                    "date_begin": "2026-03-05 09:00:00",
                    "date_end": "2026-03-05 15:00:00",
                }
            )
        )
        self.assertEqual(event.create_uid, self.user_officer)
        self.assertFalse(self.env["event.event"].with_user(self.user_portal).has_access("write"))
