# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import AlumniNetworkCommon


@tagged("post_install", "-at_install")
class TestJoinWebsite(AlumniNetworkCommon, HttpCase, MockEmail):
    """/alumni/join and /alumni/leave for each kind of visitor.

    Not under a frozen clock: the browser keeps the real one, and the
    session cookie would expire at once.
    """

    def setUp(self):
        super().setUp()
        self.enterContext(self.mock_mail_gateway())
        self.authenticate(None, None)

    def _join(self, **values):
        self.url_open("/alumni/join")  # a session for the token
        return self.url_open("/alumni/join", data={"csrf_token": self._csrf_token(), **values})

    def test_visitor_sees_form_with_csrf_token(self):
        response = self.url_open("/alumni/join")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="csrf_token"', response.text)
        self.assertIn('name="student_number"', response.text)

    def test_post_without_or_with_forged_csrf_token_refused(self):
        data = {"name": "Hanna", "email": "hanna.graduate@example.com"}
        self.assertEqual(self.url_open("/alumni/join", data=data).status_code, 400)
        response = self.url_open("/alumni/join", data={**data, "csrf_token": "forged"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.graduate.network_state, "none")

    def test_visitor_graduate_admitted_and_told_as_anyone(self):
        response = self._join(
            name="Hanna", email="hanna.graduate@example.com", student_number="", birth_date=""
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_alumni_network_visitor_done", response.text)
        self.assertEqual(self.graduate.network_state, "member")
        stranger = self._join(name="Stina", email="stina@example.com")
        # A visitor learns nothing of who is on record: the same answer.
        self.assertIn("o_alumni_network_visitor_done", stranger.text)
        self.assertNotIn("Welcome to the network", stranger.text + response.text)

    def test_visitor_bad_email_or_birth_date_names_the_field(self):
        response = self._join(name="Stina", email="stina@@example")
        self.assertIn("o_alumni_network_error", response.text)
        self.assertIn("E-mail", response.text)
        self.assertIn('value="Stina"', response.text)
        response = self._join(name="Stina", email="stina@example.com", birth_date="31.02.1990")
        self.assertIn("Birth date", response.text)
        self.assertFalse(self.env["res.partner"].search([("email", "=", "stina@example.com")]))

    def test_portal_non_member_asks_and_waits(self):
        self.authenticate(self.user_portal.login, self.user_portal.login)
        response = self._join(note="Bachelor in IT, 2001")
        self.assertIn("o_alumni_network_pending", response.text)
        self.assertEqual(self.user_portal.partner_id.network_state, "pending")

    def test_portal_graduate_welcomed_at_once(self):
        self._graduate(self.user_portal.partner_id, self.programme_it, 2020)
        self.authenticate(self.user_portal.login, self.user_portal.login)
        response = self._join()
        self.assertIn("o_alumni_network_welcome", response.text)
        self.assertEqual(self.user_portal.partner_id.network_state, "member")

    def test_pending_member_suspended_and_officer_see_their_state(self):
        for user, text in (
            (self.user_pending, "is with the alumni office"),
            (self.user_member, "You are a member"),
            (self.user_suspended, "is suspended"),
            (self.user_officer, "Requests to Join"),
        ):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open("/alumni/join")
                self.assertIn(text, response.text)
                self.assertNotIn("o_alumni_network_join_form", response.text)

    def test_suspended_member_cannot_rejoin(self):
        self.authenticate(self.user_suspended.login, self.user_suspended.login)
        response = self._join()
        self.assertIn("suspended", response.text)
        self.assertEqual(self.user_suspended.partner_id.network_state, "suspended")

    def test_member_leaves_with_reason(self):
        self.authenticate(self.user_member.login, self.user_member.login)
        self.assertEqual(self.url_open("/alumni/leave").status_code, 200)
        data = {"reason": "Too many e-mails"}
        self.assertEqual(self.url_open("/alumni/leave", data=data).status_code, 400)
        self.assertEqual(self.member.network_state, "member")
        response = self.url_open("/alumni/leave", data={**data, "csrf_token": self._csrf_token()})
        self.assertIn("You have left", response.text)
        self.assertEqual(self.member.network_state, "none")
        leave = self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", self.member.id), ("kind", "=", "network_leave")]
        )
        self.assertIn("Too many e-mails", leave.name)

    def test_leave_page_is_not_found_for_non_members(self):
        for user in (self.user_portal, self.user_pending, self.user_suspended):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                self.assertEqual(self.url_open("/alumni/leave").status_code, 404)
        self.authenticate(None, None)
        response = self.url_open("/alumni/leave", allow_redirects=False)
        self.assertIn("/web/login", response.headers.get("Location", ""))

    def test_graduate_joins_in_browser_and_is_admitted(self):
        self.start_tour("/alumni/join", "usn_alumni_network_join_tour")
        self.assertEqual(self.graduate.network_state, "member")
        self.assertTrue(self.graduate.user_ids.has_group("base.group_portal"))
