# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .offers_common import AlumniNetworkOffersCommon


@tagged("post_install", "-at_install", "security")
class TestOffersWebsite(AlumniNetworkOffersCommon, HttpCase):
    """/alumni/offers, each offer's page and the member's /my/alumni/offers,
    for each kind of viewer. Under the real clock (the browser's)."""

    def _login(self, user):
        if user:
            self.authenticate(user.login, user.login)
        else:
            self.authenticate(None, None)

    def _status(self, url, data=None):
        return self.url_open(url, data=data, allow_redirects=False).status_code

    def _form(self, **values):
        return {
            "csrf_token": self._csrf_token(),
            "name": "Mentor in nursing",
            "kind": "mentoring",
            "description": "One hour a week.",
            "employer_name": "Vestfold Hospital",
            "city": "Tønsberg",
            "date_deadline": "",
            "contact_email": "",
            "faculty_id": "",
            **values,
        }

    # ------------------------------------------------------------------
    # The listing and the offer pages
    # ------------------------------------------------------------------

    def test_visitor_and_non_members_see_jobs_without_hidden_members(self):
        for user in (None, self.user_portal, self.user_pending, self.user_made_by_admin):
            with self.subTest(user=user and user.login):
                self._login(user)
                page = self.url_open("/alumni/offers").text
                self.assertIn("Robotics engineer", page)
                self.assertIn("Nurse in elderly care", page)
                self.assertNotIn("Mentoring for robotics students", page)
                self.assertNotIn("Guest lecture on data analysis", page)
                self.assertNotIn("Summer internship", page)
                self.assertNotIn("Old vacancy", page)
                self.assertNotIn("Suspended&#39;s vacancy", page)
                self.assertNotIn("Suspended's vacancy", page)
                # Petter shows his page to everyone; Maja and Bjørn to members.
                self.assertIn("Petter Public", page)
                self.assertNotIn("Maja Member", page)
                self.assertNotIn("Bjørn Member", page)
                self.assertEqual(self._status(f"/alumni/offers/{self.offer_job.id}"), 200)
                for offer in (self.offer_mentoring, self.offer_draft, self.offer_expired):
                    self.assertEqual(self._status(f"/alumni/offers/{offer.id}"), 404)

    def test_member_sees_every_offer_and_members_they_may_see(self):
        self._login(self.user_member_b)
        page = self.url_open("/alumni/offers").text
        for title in (
            "Robotics engineer",
            "Mentoring for robotics students",
            "Guest lecture on data analysis",
            "Nurse in elderly care",
            "Unlisted&#39;s vacancy",
        ):
            self.assertIn(title, page)
        self.assertIn("Offered by Maja Member", page)
        self.assertNotIn("Ulla Unlisted", page)
        self.assertNotIn("Summer internship", page)
        self.assertNotIn("Suspended", page)

    def test_offer_page_shows_member_only_as_far_as_they_allow(self):
        self._login(self.user_member)
        page = self.url_open(f"/alumni/offers/{self.offer_b_job.id}").text
        self.assertIn("Data analyst trainee", page)
        self.assertIn(f'href="/alumni/member/{self.member_b.id}"', page)
        self.assertNotIn("Secret Employer", page)
        self.assertNotIn("bjorn_member@example.com", page)
        page = self.url_open(f"/alumni/offers/{self.offer_unlisted.id}").text
        self.assertNotIn("Ulla Unlisted", page)
        self.assertNotIn("ulla@example.com", page)
        self.assertIn("does not show their page to you", page)
        self._login(self.user_member_b)
        page = self.url_open(f"/alumni/offers/{self.offer_job.id}").text
        self.assertIn("Lead engineer", page)
        self.assertIn("jobs@kongsberg-robotics.example.com", page)
        self.assertNotIn("maja_member@example.com", page)
        self._login(None)
        page = self.url_open(f"/alumni/offers/{self.offer_job.id}").text
        self.assertNotIn("Maja Member", page)
        self.assertNotIn("Lead engineer", page)
        self.assertNotIn(f"/alumni/member/{self.member.id}", page)

    def test_suspended_member_sees_nothing(self):
        self._login(self.user_suspended)
        page = self.url_open("/alumni/offers").text
        self.assertIn("o_alumni_network_suspended", page)
        self.assertNotIn("Robotics engineer", page)
        for offer in (self.offer_job, self.offer_suspended):
            self.assertEqual(self._status(f"/alumni/offers/{offer.id}"), 404)
        page = self.url_open("/my/alumni/offers").text
        self.assertIn("is suspended", page)
        self.assertNotIn("Suspended&#39;s vacancy", page)

    def test_id_probing_gives_not_found(self):
        self._login(self.user_member_b)
        for offer in (self.offer_draft, self.offer_expired, self.offer_suspended):
            with self.subTest(offer=offer.name):
                self.assertEqual(self._status(f"/alumni/offers/{offer.id}"), 404)
        self.assertEqual(self._status("/alumni/offers/999999999"), 404)
        self.assertEqual(self._status("/alumni/offers/99999999999"), 404)
        # Her own draft, to Maja.
        self._login(self.user_member)
        page = self.url_open(f"/alumni/offers/{self.offer_draft.id}").text
        self.assertIn("o_alumni_network_offer_own", page)

    def test_officer_sees_every_published_offer(self):
        self._login(self.user_officer)
        page = self.url_open("/alumni/offers").text
        self.assertIn("Mentoring for robotics students", page)
        self.assertNotIn("Summer internship", page)
        self.assertEqual(self._status(f"/alumni/offers/{self.offer_lecture.id}"), 200)

    def test_filters_and_bad_filters(self):
        self._login(self.user_member)
        page = self.url_open("/alumni/offers?kind=guest_lecture").text
        self.assertIn("Guest lecture on data analysis", page)
        self.assertNotIn("Robotics engineer", page)
        page = self.url_open(f"/alumni/offers?programme_id={self.programme_nursing.id}").text
        self.assertIn("Nurse in elderly care", page)
        self.assertNotIn("Robotics engineer", page)
        page = self.url_open("/alumni/offers?city=Horten&search=robotics").text
        self.assertIn("Mentoring for robotics students", page)
        self.assertNotIn("Robotics engineer<", page)
        page = self.url_open("/alumni/offers?programme_id=1%20OR%201=1").text
        self.assertIn("o_alumni_network_error", page)
        self.assertIn("Programme", page)
        page = self.url_open("/alumni/offers?kind=spam").text
        self.assertIn("o_alumni_network_error", page)
        page = self.url_open("/alumni/offers?search=%27%20OR%201=1%20--").text
        self.assertIn("o_alumni_network_empty", page)
        # A NUL character (which PostgreSQL refuses) is dropped.
        response = self.url_open("/alumni/offers?search=robotics%00&city=Horten%00")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Mentoring for robotics students", response.text)
        # The visitor's choices do not name what only members see.
        self._login(None)
        page = self.url_open("/alumni/offers").text
        self.assertNotIn('value="Horten"', page)
        self.assertNotIn('value="mentoring"', page)

    def test_pages(self):
        for index in range(25):
            person = self._create_person(f"Offerer {index:02}", network_state="member")
            self._create_offer(person, f"Paged job {index:02}", kind="job")
        self._login(self.user_member)
        first = self.url_open("/alumni/offers").text
        second = self.url_open("/alumni/offers/page/2").text
        self.assertIn("Paged job 24", first)
        self.assertNotIn("Paged job 00", first)
        self.assertIn("Paged job 00", second)
        self.assertIn("/alumni/offers/page/2", first)

    # ------------------------------------------------------------------
    # The member's own offers
    # ------------------------------------------------------------------

    def test_member_lists_own_offers_only(self):
        self._login(self.user_member)
        page = self.url_open("/my/alumni/offers").text
        self.assertIn("Summer internship in robotics", page)
        self.assertIn("Robotics engineer", page)
        self.assertNotIn("Guest lecture on data analysis", page)
        # Her vacancy whose last day has passed is marked.
        self.assertEqual(page.count("o_alumni_network_offer_ended"), 1)
        home = self.url_open("/my/home").text
        self.assertIn("Offers to the network", home)
        self.assertIn("Alumni groups", home)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["alumni_offer_count", "alumni_group_count"]}
        )
        self.assertEqual(counters, {"alumni_offer_count": 4, "alumni_group_count": 1})

    def test_member_makes_and_publishes_an_offer(self):
        self._login(self.user_member_b)
        response = self.url_open(
            "/my/alumni/offers/new",
            data=self._form(
                programme_ids=[str(self.programme_nursing.id)],
                # Not the member's to choose: ignored.
                partner_id=str(self.member.id),
                state="published",
            ),
        )
        self.assertIn("o_alumni_network_saved", response.text)
        offer = self.env["alumni.network.offer"].search([("name", "=", "Mentor in nursing")])
        self.assertEqual(offer.partner_id, self.member_b)
        self.assertEqual(offer.state, "draft")
        self.assertEqual(offer.programme_ids, self.programme_nursing)
        self.assertEqual(offer.city, "Tønsberg")
        self.url_open(
            f"/my/alumni/offers/{offer.id}/edit",
            data=self._form(name="Mentor\x00 in nursing", description="\x00One hour."),
        )
        self.assertEqual((offer.name, offer.description), ("Mentor in nursing", "One hour."))
        response = self.url_open(
            f"/my/alumni/offers/{offer.id}/publish", data={"csrf_token": self._csrf_token()}
        )
        self.assertIn("o_alumni_network_offer_published", response.text)
        self.assertEqual((offer.state, offer.is_published), ("published", True))
        self.assertEqual(
            self.env["alumni.lifecycle.event"].search_count(
                [("res_model", "=", offer._name), ("res_id", "=", offer.id)]
            ),
            1,
        )
        self._login(self.user_member)
        self.assertIn("Mentor in nursing", self.url_open("/alumni/offers").text)

    def test_member_edits_and_closes_own_offer(self):
        self._login(self.user_member)
        url = f"/my/alumni/offers/{self.offer_job.id}/edit"
        page = self.url_open(url).text
        self.assertIn('value="Robotics engineer"', page)
        self.url_open(
            url,
            data=self._form(
                name="Senior robotics engineer",
                kind="job",
                date_deadline=str(self.today + timedelta(days=10)),
            ),
        )
        self.assertEqual(self.offer_job.name, "Senior robotics engineer")
        self.assertEqual(self.offer_job.state, "published")
        self.url_open(
            f"/my/alumni/offers/{self.offer_job.id}/close",
            data={"csrf_token": self._csrf_token()},
        )
        self.assertEqual(self.offer_job.state, "closed")
        self._login(None)
        self.assertEqual(self._status(f"/alumni/offers/{self.offer_job.id}"), 404)

    def test_bad_input_is_named_and_nothing_is_stored(self):
        self._login(self.user_member)
        Offer = self.env["alumni.network.offer"]
        count = Offer.search_count([])
        page = self.url_open(
            "/my/alumni/offers/new",
            data=self._form(contact_email="not an address", publish="1"),
        ).text
        self.assertIn("o_alumni_network_error", page)
        self.assertIn("Contact E-mail", page)
        # What was written is in the form again.
        self.assertIn("Vestfold Hospital", page)
        page = self.url_open(
            "/my/alumni/offers/new", data=self._form(date_deadline="2001-01-01", publish="1")
        ).text
        self.assertIn("Valid Until", page)
        self.assertEqual(Offer.search_count([]), count)
        page = self.url_open(
            f"/my/alumni/offers/{self.offer_job.id}/edit", data=self._form(name="", kind="job")
        ).text
        self.assertIn("Title", page)
        self.assertEqual(self.offer_job.name, "Robotics engineer")

    def test_another_members_offer_is_not_found(self):
        self._login(self.user_member)
        other = self.offer_lecture
        token = self._csrf_token()
        self.assertEqual(self._status(f"/my/alumni/offers/{other.id}/edit"), 404)
        for url in (
            f"/my/alumni/offers/{other.id}/edit",
            f"/my/alumni/offers/{other.id}/publish",
            f"/my/alumni/offers/{other.id}/close",
            "/my/alumni/offers/999999999/close",
            "/my/alumni/offers/99999999999/edit",
        ):
            with self.subTest(url=url):
                self.assertEqual(
                    self._status(url, data=self._form(csrf_token=token, name="Hijacked")), 404
                )
        self.assertEqual(other.name, "Guest lecture on data analysis")
        self.assertEqual(other.state, "published")

    def test_posts_without_csrf_are_refused(self):
        self._login(self.user_member)
        count = self.env["alumni.network.offer"].search_count([])
        data = self._form()
        del data["csrf_token"]
        for url in (
            "/my/alumni/offers/new",
            f"/my/alumni/offers/{self.offer_job.id}/edit",
            f"/my/alumni/offers/{self.offer_draft.id}/publish",
            f"/my/alumni/offers/{self.offer_job.id}/close",
        ):
            with self.subTest(url=url):
                self.assertEqual(self._status(url, data=data), 400)
        self.assertEqual(self.env["alumni.network.offer"].search_count([]), count)
        self.assertEqual(self.offer_draft.state, "draft")
        self.assertEqual(self.offer_job.state, "published")

    def test_non_members_cannot_offer(self):
        for user in (self.user_portal, self.user_pending, self.user_suspended, self.user_officer):
            with self.subTest(user=user.login):
                self._login(user)
                page = self.url_open("/my/alumni/offers/new").text
                self.assertIn("o_alumni_network_not_member", page)
                self.assertNotIn("o_alumni_network_offer_form", page)
                self.assertEqual(self._status("/my/alumni/offers/new", data=self._form()), 404)
                self.assertEqual(
                    self._status(
                        f"/my/alumni/offers/{self.offer_suspended.id}/publish",
                        data={"csrf_token": self._csrf_token()},
                    ),
                    404,
                )
        self._login(None)
        self.assertIn(
            "/web/login",
            self.url_open("/my/alumni/offers", allow_redirects=False).headers["Location"],
        )
        self.assertFalse(
            self.env["alumni.network.offer"].search([("name", "=", "Mentor in nursing")])
        )

    def test_member_publishes_an_offer_in_the_browser(self):
        self.start_tour(
            "/my/alumni/offers/new", "usn_alumni_network_offer_tour", login="bjorn_member"
        )
        offer = self.env["alumni.network.offer"].search([("name", "=", "Mentor for data students")])
        self.assertEqual(offer.partner_id, self.member_b)
        self.assertEqual((offer.kind, offer.state), ("mentoring", "published"))
        self.start_tour(
            "/alumni/groups", "usn_alumni_network_group_join_tour", login="bjorn_member"
        )
        self.assertIn(
            self.member_b,
            self.env["alumni.network.group.membership"]
            .search([("group_id", "=", self.group_health.id)])
            .partner_id,
        )

    def test_officer_finds_volunteers_and_makes_a_group(self):
        self.start_tour("/odoo", "usn_alumni_network_volunteer_pool_tour", login="alumni_officer")
        group = self.env["alumni.network.group"].search([("name", "=", "USN alumni in Bergen")])
        self.assertEqual((group.kind, group.is_published), ("chapter", True))
