# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import NOW
from .offers_common import AlumniNetworkOffersCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestGroups(AlumniNetworkOffersCommon):
    """Groups of the network: who finds them, who joins, and whom a viewer
    sees in a group."""

    def _join(self, user, group):
        return (
            self.env["alumni.network.group.membership"]
            .with_user(user)
            .create({"group_id": group.id, "partner_id": user.partner_id.id})
        )

    def test_member_joins_and_leaves_for_themselves(self):
        membership = self._join(self.user_member, self.group_health)
        self.assertEqual(membership.partner_id, self.member)
        row = self.env["alumni.lifecycle.event"].search(
            [
                ("partner_id", "=", self.member.id),
                ("kind", "=", "network_group_join"),
                ("res_id", "=", self.group_health.id),
            ]
        )
        self.assertEqual(
            (row.res_model, row.res_id), ("alumni.network.group", self.group_health.id)
        )
        self.assertEqual(self.group_health.member_count, 1)
        own = self.env["alumni.network.group.membership"].with_user(self.user_member).search([])
        self.assertEqual(own.group_id, self.group_oslo | self.group_health)
        membership.with_user(self.user_member).unlink()
        self.assertEqual(self.group_health.member_count, 0)

    def test_member_cannot_join_for_others_or_touch_their_memberships(self):
        Membership = self.env["alumni.network.group.membership"].with_user(self.user_member)
        with self.assertRaises(AccessError):
            Membership.create({"group_id": self.group_health.id, "partner_id": self.member_b.id})
        bjorn_in_oslo = Membership.sudo().search(
            [("partner_id", "=", self.member_b.id), ("group_id", "=", self.group_oslo.id)]
        )
        with self.assertRaises(AccessError):
            bjorn_in_oslo.with_user(self.user_member).unlink()
        with self.assertRaises(AccessError):
            bjorn_in_oslo.with_user(self.user_member).read(["partner_id"])
        self.assertTrue(bjorn_in_oslo.exists())

    def test_groups_not_on_the_website_cannot_be_joined(self):
        for group in (self.group_hidden, self.group_archived):
            with self.subTest(group=group.name), self.assertRaises(UserError):
                self._join(self.user_member, group)

    def test_non_members_cannot_join(self):
        for user in (self.user_suspended, self.user_pending, self.user_portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._join(user, self.group_health)
        with self.assertRaisesRegex(UserError, "Only members"):
            self.env["alumni.network.group.membership"].create(
                {"group_id": self.group_health.id, "partner_id": self.graduate.id}
            )

    def test_once_per_group(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._join(self.user_member, self.group_oslo)

    def test_who_finds_which_groups(self):
        Group = self.env["alumni.network.group"]
        visible = self.group_oslo | self.group_health
        for user in (
            self.env.ref("base.public_user"),
            self.user_portal,
            self.user_pending,
            self.user_member,
            self.user_officer,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(Group._alumni_visible_groups(user=user), visible)
        self.assertFalse(Group._alumni_visible_groups(user=self.user_suspended))
        self.assertFalse(Group._alumni_visible_groups(self.group_oslo.id, self.user_suspended))
        self.assertFalse(Group._alumni_visible_groups(self.group_hidden.id, self.user_member))
        self.assertEqual(
            Group._alumni_visible_groups(self.group_oslo.id, self.user_member), self.group_oslo
        )

    def test_group_members_only_as_far_as_they_allow(self):
        members = self.group_oslo._alumni_group_members(self.user_member_b)
        # Maja and Bjørn himself; not Ulla (not listed) nor Sara (suspended).
        self.assertEqual([p["name"] for p in members], ["Bjørn Member", "Maja Member"])
        maja = members[1]
        self.assertEqual(maja["employer"], "Kongsberg Robotics")
        self.assertFalse(maja["email"])
        bjorn_seen_by_maja = self.group_oslo._alumni_group_members(self.user_member)[0]
        self.assertEqual(bjorn_seen_by_maja["name"], "Bjørn Member")
        self.assertFalse(bjorn_seen_by_maja["employer"])
        self.assertFalse(bjorn_seen_by_maja["city"])
        for user in (self.env.ref("base.public_user"), self.user_pending, self.user_suspended):
            with self.subTest(user=user.login):
                self.assertEqual(self.group_oslo._alumni_group_members(user), [])
        officer_sees = {p["name"] for p in self.group_oslo._alumni_group_members(self.user_officer)}
        self.assertEqual(officer_sees, {"Maja Member", "Bjørn Member", "Ulla Unlisted"})
        # Three members in the network (Sara is suspended).
        self.assertEqual(self.group_oslo.member_count, 3)

    def test_groups_are_the_officers(self):
        Group = self.env["alumni.network.group"]
        group = Group.with_user(self.user_officer).create({"name": "Bergen", "kind": "chapter"})
        group.with_user(self.user_officer).write({"is_published": False, "city": "Bergen"})
        for user in (
            self.user_member,
            self.user_portal,
            self.user_made_by_admin,
            self.user_coordinator,
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Group.with_user(user).create({"name": "Mine", "kind": "chapter"})
                with self.assertRaises(AccessError):
                    group.with_user(user).read(["name"])
