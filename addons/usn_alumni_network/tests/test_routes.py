# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every page of the network, as each kind of viewer meets it.

One table for all routes and roles, so that a new route or a changed rule
shows here; the routes' own tests check what each page holds.
"""

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import AlumniNetworkCommon

ROLES = ("visitor", "non_member", "pending", "member", "suspended", "officer")
OK, LOGIN, NOT_FOUND, REFUSED = "200", "login", "404", "403"


@tagged("post_install", "-at_install", "security")
class TestRoutesByRole(AlumniNetworkCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.logins = {
            "visitor": None,
            "non_member": cls.user_portal.login,
            "pending": cls.user_pending.login,
            "member": cls.user_member.login,
            "suspended": cls.user_suspended.login,
            "officer": cls.user_officer.login,
        }
        cls.group = cls.env["alumni.network.group"].create(
            {"name": "Oslo chapter", "kind": "chapter"}
        )

    def _status(self, response):
        if response.status_code in (301, 302, 303) and "/web/login" in response.headers.get(
            "Location", ""
        ):
            return LOGIN
        return str(response.status_code)

    def _assert_table(self, table):
        for role, login in self.logins.items():
            self.authenticate(login, login)
            for route, expected in table.items():
                with self.subTest(role=role, route=route):
                    response = self.url_open(route, allow_redirects=False)
                    self.assertEqual(
                        self._status(response), expected[ROLES.index(role)], response.text[:200]
                    )

    def test_public_pages(self):
        #        visitor    non_member pending    member     suspended  officer
        self._assert_table(
            {
                "/alumni/join": (OK, OK, OK, OK, OK, OK),
                "/alumni/directory": (OK, OK, OK, OK, OK, OK),
                "/alumni/offers": (OK, OK, OK, OK, OK, OK),
                "/alumni/groups": (OK, OK, OK, OK, OK, OK),
                f"/alumni/groups/{self.group.id}": (OK, OK, OK, OK, NOT_FOUND, OK),
                "/alumni/groups/999999": (NOT_FOUND,) * 6,
            }
        )

    def test_member_pages_cannot_be_probed(self):
        """404 for a page the viewer may not see, as for a page that does not
        exist: ids tell nothing."""
        #        visitor    non_member pending    member     suspended  officer
        self._assert_table(
            {
                # listed, page shown to members
                f"/alumni/member/{self.member.id}": (
                    NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, OK,
                ),
                f"/alumni/member/{self.member.id}/avatar": (
                    NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, OK,
                ),
                # listed, page shown to everyone
                f"/alumni/member/{self.member_public.id}": (OK, OK, OK, OK, NOT_FOUND, OK),
                # a member who did not agree to be listed
                f"/alumni/member/{self.member_unlisted.id}": (
                    NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,
                ),
                # not a member at all, and no one
                f"/alumni/member/{self.graduate.id}": (NOT_FOUND,) * 6,
                "/alumni/member/999999": (NOT_FOUND,) * 6,
            }
        )  # fmt: skip

    def test_own_pages_need_a_login(self):
        #        visitor    non_member pending    member     suspended  officer
        self._assert_table(
            {
                "/my/alumni": (LOGIN, OK, OK, OK, OK, OK),
                "/my/alumni/contacts": (LOGIN, OK, OK, OK, OK, OK),
                "/my/alumni/offers": (LOGIN, OK, OK, OK, OK, OK),
                "/my/alumni/linkedin": (LOGIN, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND),
                "/alumni/leave": (LOGIN, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND),
                # the yearly confirmation link without its signature
                "/alumni/verify": (REFUSED,) * 6,
            }
        )

    def test_suspended_member_sees_no_one(self):
        self.authenticate(self.user_suspended.login, self.user_suspended.login)
        for route in ("/alumni/directory", "/alumni/groups", "/alumni/offers"):
            with self.subTest(route=route):
                page = self.url_open(route).text
                for person in (self.member, self.member_b, self.member_public):
                    self.assertNotIn(person.name, page)

    def test_every_write_route_checks_csrf(self):
        """No route of the addon that accepts POST turns Odoo's CSRF check
        off (the signed-link routes included: their forms carry the token)."""
        checked = []
        installed = (
            self.env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        )
        for url, endpoint in http._generate_routing_rules(installed, nodb_only=False):
            if not url.startswith(("/alumni/", "/my/alumni")):
                continue
            methods = endpoint.routing.get("methods") or ["GET", "POST"]
            if "POST" not in methods:
                continue
            checked.append(url)
            with self.subTest(route=url):
                self.assertIsNot(endpoint.routing.get("csrf", True), False)
        self.assertIn("/alumni/contact/<int:partner_id>", checked)
        self.assertIn("/my/alumni", checked)

    def test_post_without_token_changes_nothing(self):
        self.authenticate(self.user_member.login, self.user_member.login)
        before = self.member.read(["alumni_bio", "network_state"])[0]
        for route, data in (
            ("/my/alumni", {"alumni_bio": "Changed"}),
            ("/alumni/leave", {"reason": "Bye"}),
            (f"/alumni/contact/{self.member_b.id}", {"message": "Hello"}),
            (f"/alumni/groups/{self.group.id}/join", {"redirect": "/alumni/groups"}),
        ):
            with self.subTest(route=route):
                response = self.url_open(route, data=data, allow_redirects=False)
                self.assertIn(response.status_code, (400, 403), route)
        self.member.invalidate_recordset()
        self.assertEqual(self.member.read(["alumni_bio", "network_state"])[0], before)
        self.assertFalse(
            self.env["alumni.contact.request"].search([("sender_id", "=", self.member.id)])
        )
        self.assertFalse(self.group.membership_ids)
