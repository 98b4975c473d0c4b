# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import AlumniNetworkCommon


@tagged("post_install", "-at_install", "security")
class TestDirectoryWebsite(AlumniNetworkCommon, HttpCase):
    """/alumni/directory and /alumni/member/<id> from the outside, for each
    kind of viewer. Not under a frozen clock (see test_join_website)."""

    def _login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def _status(self, url):
        return self.url_open(url, allow_redirects=False).status_code

    def test_member_finds_listed_members_with_what_they_show(self):
        self._login(self.user_member_b)
        page = self.url_open("/alumni/directory").text
        self.assertIn("Maja Member", page)
        self.assertIn("Kongsberg Robotics", page)
        self.assertIn("Petter Public", page)
        self.assertNotIn("Ulla Unlisted", page)
        self.assertNotIn("Sara Suspended", page)
        self.assertNotIn("Per Pending", page)
        self.assertIn(f'href="/alumni/member/{self.member.id}"', page)

    def test_hidden_fields_never_reach_the_page(self):
        self._login(self.user_member)
        for url in ("/alumni/directory", f"/alumni/member/{self.member_b.id}"):
            with self.subTest(url=url):
                page = self.url_open(url).text
                self.assertIn("Bjørn Member", page)
                self.assertNotIn("Secret Employer", page)
                self.assertNotIn("Drammen", page)
                self.assertNotIn("bjorn_member@example.com", page)
        self._login(self.user_member_b)
        page = self.url_open(f"/alumni/member/{self.member.id}").text
        self.assertIn("Lead engineer", page)
        self.assertNotIn("maja_member@example.com", page)
        self.assertNotIn("+4791234567", page)

    def test_filter_on_hidden_value_finds_nobody(self):
        self._login(self.user_member)
        page = self.url_open("/alumni/directory?employer=Secret").text
        self.assertNotIn("Bjørn Member", page)
        page = self.url_open("/alumni/directory?city=Drammen").text
        self.assertNotIn("Bjørn Member", page)
        self.assertNotIn('value="Drammen"', self.url_open("/alumni/directory").text)
        page = self.url_open(f"/alumni/directory?programme_id={self.programme_it.id}").text
        self.assertIn("Maja Member", page)
        self.assertNotIn("Petter Public", page)

    def test_visitor_and_non_members_see_public_pages_only(self):
        for user in (None, self.user_portal, self.user_pending, self.user_made_by_admin):
            with self.subTest(user=user and user.login):
                self._login(user)
                page = self.url_open("/alumni/directory").text
                self.assertIn("Petter Public", page)
                self.assertNotIn("Maja Member", page)
                self.assertEqual(self._status(f"/alumni/member/{self.member_public.id}"), 200)
                self.assertEqual(self._status(f"/alumni/member/{self.member.id}"), 404)
                self.assertEqual(self._status(f"/alumni/member/{self.member.id}/avatar"), 404)

    def test_suspended_member_sees_nothing(self):
        self._login(self.user_suspended)
        page = self.url_open("/alumni/directory").text
        self.assertIn("o_alumni_network_suspended", page)
        self.assertNotIn("Petter Public", page)
        self.assertEqual(self._status(f"/alumni/member/{self.member_public.id}"), 404)

    def test_id_probing_gives_not_found(self):
        self._login(self.user_member)
        for partner in (
            self.member_unlisted,
            self.graduate,
            self.user_pending.partner_id,
            self.user_suspended.partner_id,
            self.user_officer.partner_id,
        ):
            with self.subTest(partner=partner.name):
                self.assertEqual(self._status(f"/alumni/member/{partner.id}"), 404)
        self.assertEqual(self._status("/alumni/member/999999999"), 404)

    def test_officer_opens_any_member_page(self):
        self._login(self.user_officer)
        self.assertEqual(self._status(f"/alumni/member/{self.member_unlisted.id}"), 200)
        self.assertEqual(self._status(f"/alumni/member/{self.graduate.id}"), 404)
        page = self.url_open(f"/alumni/member/{self.member_b.id}").text
        self.assertNotIn("Secret Employer", page)

    def test_bad_filter_is_named_and_query_text_is_harmless(self):
        self._login(self.user_member)
        page = self.url_open("/alumni/directory?graduation_year=2018%27%20OR%201=1").text
        self.assertIn("o_alumni_network_error", page)
        self.assertIn("Graduation year", page)
        page = self.url_open("/alumni/directory?search=%27%20OR%201=1%20--").text
        self.assertIn("o_alumni_network_empty", page)

    def test_nul_character_in_the_search_is_dropped(self):
        self._login(self.user_member)
        response = self.url_open("/alumni/directory?search=Ma%00ja&city=Kongs%00berg")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Maja Member", response.text)

    def test_directory_pages(self):
        for index in range(25):
            person = self._create_person(f"Listed {index:02}", network_state="member")
            person._record_consent("directory", "given", "staff")
        self._login(self.user_member)
        first = self.url_open("/alumni/directory").text
        second = self.url_open("/alumni/directory/page/2").text
        self.assertIn("Listed 00", first)
        self.assertNotIn("Listed 24", first)
        self.assertIn("Listed 24", second)
