# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

TODAY = datetime.date(2026, 3, 2)


@freeze_time("2026-03-02 10:00:00")
@tagged("post_install", "-at_install")
class TestDemoEvu(TransactionCase):
    """The EVU addon's part of a small demo university (400 people)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_run = cls.env["alumni.demo"]._alumni_demo_run(
            400, stream=io.StringIO(), today=TODAY
        )

    def test_offers_matched(self):
        offers = self.env["alumni.evu.offer"].search([("course_id.code", "=like", "EVU__")])
        self.assertEqual(len(offers), 8)
        self.assertEqual(len(offers.faculty_id), 4)
        self.assertTrue(all(offers.mapped("match_count")))

    def test_offer_with_a_sent_campaign(self):
        mailing = self.demo_run.demo_mailing
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.state, "done")
        traces = mailing.mailing_trace_ids
        sent = traces.filtered(lambda t: t.trace_status in ("sent", "open"))
        self.assertTrue(sent)
        self.assertTrue(traces.filtered(lambda t: t.trace_status == "open"))
        clicked = traces.filtered("links_click_datetime")
        self.assertTrue(clicked)
        self.assertEqual(mailing.clicked, len(clicked))
        self.assertGreater(mailing.clicks_ratio, 0)
        clicks = self.env["alumni.lifecycle.event"].search([("kind", "=", "mailing_click")])
        self.assertEqual(set(clicks.partner_id.ids), set(clicked.mapped("res_id")))
        # No mail waits to go out: the demo sends nothing.
        self.assertFalse(self.env["mail.mail"].search_count([("mailing_id", "=", mailing.id)]))
        # Everyone it went to gave the EVU consent.
        consenting = self.env["alumni.consent"].search(
            [("partner_id", "in", sent.mapped("res_id")), ("purpose_id.code", "=", "evu_email"),
             ("is_current", "=", True), ("state", "=", "given")]
        )  # fmt: skip
        self.assertEqual(len(consenting), len(sent))
        self.assertEqual(mailing.sent, len(sent))

    def test_enrolments_about_half_network_members(self):
        enrollments = self.env["alumni.evu.enrollment"].search(
            [("partner_id", "in", list(self.demo_run.partner_of.values()))]
        )
        self.assertTrue(enrollments.filtered(lambda e: e.state == "enrolled"))
        member_of = {
            self.demo_run.partner_of[p.index]: p.member for p in self.demo_run.population.people
        }
        members = sum(1 for partner in enrollments.partner_id if member_of[partner.id])
        self.assertAlmostEqual(members / len(enrollments.partner_id), 0.5, delta=0.15)
