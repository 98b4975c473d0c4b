# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .offers_common import AlumniNetworkOffersCommon


@tagged("post_install", "-at_install", "security")
class TestGroupsWebsite(AlumniNetworkOffersCommon, HttpCase):
    """/alumni/groups, each group's page, joining and leaving, for each kind
    of viewer."""

    def _login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def _status(self, url, data=None):
        return self.url_open(url, data=data, allow_redirects=False).status_code

    def _memberships(self, group, partner):
        return self.env["alumni.network.group.membership"].search(
            [("group_id", "=", group.id), ("partner_id", "=", partner.id)]
        )

    def test_visitor_and_non_members_see_groups_not_their_members(self):
        for user in (None, self.user_portal, self.user_pending, self.user_made_by_admin):
            with self.subTest(user=user and user.login):
                self._login(user)
                page = self.url_open("/alumni/groups").text
                self.assertIn("USN alumni in Oslo", page)
                self.assertIn("Health professionals", page)
                self.assertNotIn("Hidden group", page)
                self.assertNotIn("Archived group", page)
                page = self.url_open(f"/alumni/groups/{self.group_oslo.id}").text
                self.assertIn("first Thursday", page)
                self.assertIn("o_alumni_network_group_members_hidden", page)
                self.assertNotIn("Maja Member", page)
                self.assertNotIn("o_alumni_network_group_join", page)
                for group in (self.group_hidden, self.group_archived):
                    self.assertEqual(self._status(f"/alumni/groups/{group.id}"), 404)

    def test_member_sees_members_with_what_they_show(self):
        self._login(self.user_member)
        page = self.url_open(f"/alumni/groups/{self.group_oslo.id}").text
        self.assertIn("Bjørn Member", page)
        self.assertIn(f'href="/alumni/member/{self.member_b.id}"', page)
        self.assertNotIn("Secret Employer", page)
        self.assertNotIn("Drammen", page)
        self.assertNotIn("Ulla Unlisted", page)
        self.assertNotIn("Sara Suspended", page)
        self.assertIn("o_alumni_network_group_leave", page)
        page = self.url_open("/alumni/groups").text
        self.assertIn("o_alumni_network_group_joined", page)

    def test_suspended_member_sees_nothing(self):
        self._login(self.user_suspended)
        page = self.url_open("/alumni/groups").text
        self.assertIn("o_alumni_network_suspended", page)
        self.assertNotIn("USN alumni in Oslo", page)
        self.assertEqual(self._status(f"/alumni/groups/{self.group_oslo.id}"), 404)

    def test_member_joins_and_leaves(self):
        self._login(self.user_member)
        token = self._csrf_token()
        response = self.url_open(
            f"/alumni/groups/{self.group_health.id}/join", data={"csrf_token": token}
        )
        self.assertIn("o_alumni_network_group_welcome", response.text)
        self.assertTrue(self._memberships(self.group_health, self.member))
        # Twice is once.
        self.url_open(f"/alumni/groups/{self.group_health.id}/join", data={"csrf_token": token})
        self.assertEqual(len(self._memberships(self.group_health, self.member)), 1)
        response = self.url_open(
            f"/alumni/groups/{self.group_oslo.id}/leave", data={"csrf_token": token}
        )
        self.assertIn("o_alumni_network_group_left", response.text)
        self.assertFalse(self._memberships(self.group_oslo, self.member))
        # Only her own membership went.
        self.assertTrue(self._memberships(self.group_oslo, self.member_b))

    def test_join_and_leave_refused_without_csrf_or_by_get(self):
        self._login(self.user_member)
        for url in (
            f"/alumni/groups/{self.group_health.id}/join",
            f"/alumni/groups/{self.group_oslo.id}/leave",
        ):
            with self.subTest(url=url):
                self.assertEqual(self._status(url, data={"x": "1"}), 400)
                self.assertEqual(self._status(url), 405)
        self.assertFalse(self._memberships(self.group_health, self.member))
        self.assertTrue(self._memberships(self.group_oslo, self.member))

    def test_only_members_join_groups_they_may_see(self):
        for user in (self.user_portal, self.user_pending, self.user_suspended, self.user_officer):
            with self.subTest(user=user.login):
                self._login(user)
                self.assertEqual(
                    self._status(
                        f"/alumni/groups/{self.group_health.id}/join",
                        data={"csrf_token": self._csrf_token()},
                    ),
                    404,
                )
                self.assertFalse(self._memberships(self.group_health, user.partner_id))
        self._login(self.user_suspended)
        self.assertEqual(
            self._status(
                f"/alumni/groups/{self.group_oslo.id}/leave",
                data={"csrf_token": self._csrf_token()},
            ),
            404,
        )
        self._login(self.user_member)
        self.assertEqual(self._status("/alumni/groups/99999999999"), 404)
        for group_id in (self.group_hidden.id, self.group_archived.id, 999999999, 99999999999):
            with self.subTest(group_id=group_id):
                self.assertEqual(
                    self._status(
                        f"/alumni/groups/{group_id}/join", data={"csrf_token": self._csrf_token()}
                    ),
                    404,
                )
        self.assertFalse(self._memberships(self.group_hidden, self.member))

    def test_officer_sees_every_member_of_a_group(self):
        self._login(self.user_officer)
        page = self.url_open(f"/alumni/groups/{self.group_oslo.id}").text
        self.assertIn("Ulla Unlisted", page)
        self.assertNotIn("Sara Suspended", page)
        self.assertNotIn("o_alumni_network_group_join", page)
