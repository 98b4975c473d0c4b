# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from ..models.alumni_demo import GROUPS

TODAY = datetime.date(2026, 3, 2)


@freeze_time("2026-03-02 10:00:00")
@tagged("post_install", "-at_install")
class TestDemoNetwork(TransactionCase):
    """The network addon's part of a small demo university (400 people)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_run = cls.env["alumni.demo"]._alumni_demo_run(
            400, stream=io.StringIO(), today=TODAY
        )
        cls.generated = cls.env["res.partner"].browse(list(cls.demo_run.partner_of.values()))
        cls.members = cls.generated.filtered(lambda p: p.network_state == "member")

    def test_members_from_the_plan(self):
        planned = {
            self.demo_run.partner_of[p.index] for p in self.demo_run.population.people if p.member
        }
        demo = {self.demo_run.users[k].partner_id.id for k in ("alumna", "alumnus")}
        self.assertEqual(set(self.members.ids), planned | demo)
        joins = self.env["alumni.lifecycle.event"].search(
            [("kind", "=", "network_join"), ("partner_id", "in", self.generated.ids)]
        )
        self.assertEqual(set(joins.partner_id.ids), set(self.members.ids))
        self.assertGreater(len(set(joins.mapped("date"))), 1, "join dates spread over years")

    def test_member_with_a_public_profile(self):
        public = self.env.ref("base.public_user")
        alumna = self.demo_run.users["alumna"].partner_id
        profiles = alumna._alumni_visible_profiles(public)
        self.assertEqual([p["id"] for p in profiles], alumna.ids)
        # Visibility varies: some pages for members only, some not listed.
        self.assertEqual(set(self.members.mapped("visibility_profile")), {"members", "public"})
        visible = self.members._alumni_visible_profiles(public)
        self.assertLess(len(visible), len(self.members))
        self.assertGreater(len(visible), 1)

    def test_groups_offers_and_contacts(self):
        groups = self.env["alumni.network.group"].search([("name", "in", [g[0] for g in GROUPS])])
        self.assertGreaterEqual(len(groups), len(GROUPS))
        joined = groups.membership_ids.filtered(lambda m: m.partner_id in self.generated)
        self.assertTrue(joined)
        self.assertLessEqual(set(joined.partner_id.ids), set(self.members.ids))
        offers = self.env["alumni.network.offer"].search([("partner_id", "in", self.generated.ids)])
        self.assertTrue(offers.filtered(lambda o: o.state == "published"))
        requests = self.env["alumni.contact.request"].search(
            [("sender_id", "in", self.generated.ids)]
        )
        self.assertTrue(requests)
        self.assertLessEqual(
            set((requests.sender_id | requests.recipient_id).ids), set(self.members.ids)
        )
