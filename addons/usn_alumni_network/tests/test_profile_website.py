# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import AlumniNetworkCommon


@tagged("post_install", "-at_install")
class TestProfileWebsite(AlumniNetworkCommon, HttpCase):
    """/my/alumni: the member's own profile. Not under a frozen clock (see
    test_join_website)."""

    def _profile_data(self, **values):
        return {
            "csrf_token": self._csrf_token(),
            "alumni_bio": "Hello",
            "city": "Notodden",
            "linkedin_url": "",
            "visibility_profile": "members",
            "visibility_email": "nobody",
            "visibility_phone": "nobody",
            "visibility_employer": "nobody",
            "visibility_city": "members",
            "visibility_career": "members",
            **values,
        }

    def setUp(self):
        super().setUp()
        self.authenticate(self.user_member.login, self.user_member.login)

    def test_member_saves_profile_and_visibility(self):
        response = self.url_open(
            "/my/alumni",
            data=self._profile_data(interest_ids=str(self.interest_care.id)),
        )
        self.assertIn("o_alumni_network_saved", response.text)
        self.assertEqual(self.member.city, "Notodden")
        self.assertEqual(self.member.alumni_bio, "Hello")
        self.assertEqual(self.member.visibility_employer, "nobody")
        self.assertEqual(self.member.interest_ids, self.interest_care)

    def test_post_without_csrf_refused(self):
        data = self._profile_data()
        del data["csrf_token"]
        for url in ("/my/alumni", "/my/alumni/verify", "/my/alumni/consent", "/my/alumni/career"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url, data=data).status_code, 400)
        self.assertNotEqual(self.member.city, "Notodden")

    def test_bad_values_named_and_nothing_saved(self):
        response = self.url_open(
            "/my/alumni", data=self._profile_data(linkedin_url="https://example.com/me")
        )
        self.assertIn("o_alumni_network_error", response.text)
        self.assertIn("LinkedIn", response.text)
        self.assertEqual(self.member.city, "Kongsberg")
        response = self.url_open("/my/alumni", data=self._profile_data(visibility_city="friends"))
        self.assertIn("Who Sees the City", response.text)

    def test_membership_state_cannot_be_posted(self):
        self.url_open("/my/alumni", data=self._profile_data(network_state="suspended"))
        self.assertEqual(self.member.network_state, "member")

    def test_data_is_current(self):
        self.url_open("/my/alumni/verify", data={"csrf_token": self._csrf_token()})
        self.assertEqual(self.member.last_verified_date, fields.Date.today())

    def test_consent_withdrawn_and_given_with_history(self):
        data = {"csrf_token": self._csrf_token(), "purpose": "directory", "state": "withdrawn"}
        self.url_open("/my/alumni/consent", data=data)
        self.assertFalse(self.member._has_consent("directory"))
        self.url_open("/my/alumni/consent", data={**data, "state": "given"})
        self.assertTrue(self.member._has_consent("directory"))
        answers = self.env["alumni.consent"].search(
            [("partner_id", "=", self.member.id), ("purpose_id.code", "=", "directory")]
        )
        self.assertEqual(len(answers), 3)
        self.assertEqual(answers[0].source, "portal")
        response = self.url_open("/my/alumni/consent", data={**data, "purpose": "no_such_purpose"})
        self.assertEqual(response.status_code, 404)

    def test_career_positions_added_and_removed_own_only(self):
        self.url_open(
            "/my/alumni/career",
            data={
                "csrf_token": self._csrf_token(),
                "title": "CTO",
                "employer_name": "Start AS",
                "start_date": "2024-01-01",
            },
        )
        position = self.member.career_position_ids.filtered(lambda p: p.title == "CTO")
        self.assertEqual(position.source, "self")
        other = self.member_b.career_position_ids
        response = self.url_open(
            f"/my/alumni/career/{other.id}/delete", data={"csrf_token": self._csrf_token()}
        )
        self.assertEqual(response.status_code, 404)
        self.assertTrue(other.exists())
        self.url_open(
            f"/my/alumni/career/{position.id}/delete", data={"csrf_token": self._csrf_token()}
        )
        self.assertFalse(position.exists())

    def test_non_members_get_no_profile(self):
        for user in (self.user_portal, self.user_pending, self.user_suspended):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                page = self.url_open("/my/alumni").text
                self.assertIn("o_alumni_network_not_member", page)
                self.assertNotIn("o_alumni_network_profile_form", page)
                response = self.url_open(
                    "/my/alumni/verify", data={"csrf_token": self._csrf_token()}
                )
                self.assertEqual(response.status_code, 404)

    def test_portal_home_counters(self):
        response = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["alumni_position_count", "alumni_consent_count"]}
        )
        self.assertEqual(response, {"alumni_position_count": 1, "alumni_consent_count": 1})
        self.assertIn("Alumni network profile", self.url_open("/my/home").text)

    def test_member_hides_employer_and_other_member_does_not_see_it(self):
        self.start_tour(
            "/my/alumni", "usn_alumni_network_profile_tour", login=self.user_member.login
        )
        self.assertEqual(self.member.visibility_employer, "nobody")
        self.start_tour(
            "/alumni/directory",
            "usn_alumni_network_employer_hidden_tour",
            login=self.user_member_b.login,
        )
