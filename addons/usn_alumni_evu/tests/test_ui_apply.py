# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_website import AlumniEvuWebsiteCommon


@tagged("post_install", "-at_install")
class TestUiApply(AlumniEvuWebsiteCommon):
    def test_tour_visitor_filters_the_offers_and_applies(self):
        """A visitor keeps the Health courses, opens Clinical Supervision and
        applies with the address the university knows in other letters: the
        application is the graduate's, at the alumni price."""
        self.start_tour("/alumni/evu", "alumni_evu_apply_tour")
        enrollment = self._enrollments(self.offer_supervision)
        self.assertEqual(len(enrollment), 1)
        self.assertEqual(enrollment.partner_id, self.berit)
        self.assertEqual(
            (enrollment.state, enrollment.benefit, enrollment.price, enrollment.benefit_value),
            ("applied", "alumni_price", 8000, 4000),
        )
        self.assertEqual(self._people_with_email("berit.graduate@example.com"), self.berit)
        timeline = self.berit.lifecycle_event_ids.filtered(lambda e: e.kind == "evu_application")
        self.assertEqual(timeline.res_id, enrollment.id)
        self.assertFalse(self._enrollments(self.offer_python))
