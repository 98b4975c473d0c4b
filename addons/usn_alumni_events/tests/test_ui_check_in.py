# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .test_check_in import EVENT_DAY, AlumniCheckInCommon


@tagged("post_install", "-at_install")
class TestUiCheckIn(AlumniCheckInCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        with freeze_time(EVENT_DAY):
            super().setUpClass()

    def test_officer_checks_in_at_the_door_from_the_event(self):
        self.start_tour(
            "/odoo/action-event.action_event_view",
            "alumni_event_check_in_tour",
            login="alumni_officer",
        )
        self.ingrid.invalidate_recordset()
        self.assertEqual(self.ingrid.state, "done")
        self.assertEqual(self.per.state, "open")
        rows = self._attendance_rows(self.ingrid)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.partner_id, self.ingrid.partner_id)
