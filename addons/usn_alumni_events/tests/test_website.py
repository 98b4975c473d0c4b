# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, http
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .common import AlumniEventsCommon


@tagged("post_install", "-at_install")
class TestWebsite(AlumniEventsCommon, HttpCase):
    """The website's information request form and the Open Day registration.

    Not under a frozen clock: the browser keeps the real one, and the
    session cookie would expire at once. The Open Day is in ten days.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Only the programmes and Open Days of the test are on the website.
        cls.env["alumni.programme"].search([]).website_published = False
        cls.env["event.event"].search([]).website_published = False
        (cls.programme_nursing | cls.programme_it).website_published = True
        cls.programme_health_master.website_published = False
        start = fields.Datetime.now().replace(hour=8, minute=0, second=0, microsecond=0)
        start += timedelta(days=10)
        cls.open_day.write(
            {
                "name": "Open Day Campus Bø",
                "date_begin": start,
                "date_end": start + timedelta(hours=6),
                "website_published": True,
                "seats_limited": True,
                "seats_max": 50,
            }
        )
        cls.session_nursing.write(
            {"date_begin": start + timedelta(hours=1), "date_end": start + timedelta(hours=2)}
        )
        cls.session_it.write(
            {"date_begin": start + timedelta(hours=3), "date_end": start + timedelta(hours=4)}
        )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _csrf_token(self):
        return http.Request.csrf_token(self)

    def _attendee(self, index, name, email, **values):
        """The attendee fields of the registration form, as website_event
        names them."""
        questions = {q.question_type: q.id for q in self.open_day.question_ids}
        return {
            f"{index}-name-{questions['name']}": name,
            f"{index}-email-{questions['email']}": email,
            f"{index}-event_ticket_id": "0",
            **values,
        }

    def _form_data(self, **values):
        return {
            "csrf_token": self._csrf_token(),
            "name": "Nora Ny",
            "email": "nora@example.com",
            "programme_ids": str(self.programme_it.id),
            **values,
        }

    def _count(self, model, domain=None):
        return self.env[model].search_count(domain or [])

    def test_form_page_shows_published_programmes_and_open_days(self):
        response = self.url_open("/alumni/information")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="csrf_token"', response.text)
        self.assertIn(self.programme_nursing.name, response.text)
        self.assertIn(self.programme_it.name, response.text)
        self.assertNotIn(self.programme_health_master.name, response.text)
        self.assertIn(self.open_day.name, response.text)

    def test_post_without_csrf_token_refused(self):
        data = self._form_data()
        del data["csrf_token"]
        response = self.url_open("/alumni/information", data=data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._count("alumni.information.request"))
        response = self.url_open("/alumni/information", data={**data, "csrf_token": "forged"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._count("alumni.information.request"))

    def test_post_creates_request_and_thanks(self):
        self.url_open("/alumni/information")  # a session for the token
        response = self.url_open(
            "/alumni/information",
            data=self._form_data(preferred_event_id=str(self.open_day.id)),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you", response.text)
        self.assertIn(self.open_day.website_url, response.text)
        request = self.env["alumni.information.request"].search([])
        self.assertEqual(request.email, "nora@example.com")
        self.assertEqual(request.programme_ids, self.programme_it)
        self.assertEqual(request.preferred_event_id, self.open_day)

    def test_unpublished_programme_refused_and_values_kept(self):
        self.url_open("/alumni/information")
        response = self.url_open(
            "/alumni/information",
            data=self._form_data(programme_ids=str(self.programme_health_master.id)),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_alumni_information_error", response.text)
        self.assertIn("is not offered", response.text)
        self.assertIn('value="nora@example.com"', response.text)
        self.assertFalse(self._count("alumni.information.request"))
        self.assertFalse(self._count("res.partner", [("email", "=", "nora@example.com")]))

    def test_invalid_email_shows_message(self):
        self.url_open("/alumni/information")
        response = self.url_open("/alumni/information", data=self._form_data(email="nora@@example"))
        self.assertIn("o_alumni_information_error", response.text)
        self.assertIn("E-mail", response.text)
        self.assertIn("Nora Ny", response.text)
        self.assertFalse(self._count("alumni.information.request"))

    def test_refused_registration_shown_as_message(self):
        self._register(self.open_day, name="Nora", email="nora@example.com")
        self.url_open(self.open_day.website_url)
        response = self.url_open(
            f"/event/{self.open_day.id}/registration/confirm",
            data={
                "csrf_token": self._csrf_token(),
                **self._attendee(1, "Nora", "NORA@example.com"),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_alumni_registration_error", response.text)
        self.assertIn("already registered", response.text)
        self.assertEqual(
            self._count("event.registration", [("event_id", "=", self.open_day.id)]), 1
        )

    def test_full_event_with_waiting_list_says_so(self):
        self.open_day.write({"seats_max": 1, "alumni_waitlist": True})
        self._register(self.open_day, name="First", email="first@example.com")
        response = self.url_open(f"/event/{self.open_day.id}/register")
        self.assertIn("Join the waiting list", response.text)

    def test_session_picker_shows_seats_and_full_sessions(self):
        self._register(
            self.open_day,
            name="A",
            email="a@example.com",
            alumni_session_ids=[Command.set(self.session_it.ids)],
        )
        self._register(
            self.open_day,
            name="B",
            email="b@example.com",
            alumni_session_ids=[Command.set(self.session_it.ids)],
        )
        self.url_open(self.open_day.website_url)
        response = self.make_jsonrpc_request(
            f"/event/{self.open_day.id}/registration/new", {"nb_register-0": 1}
        )
        self.assertIn(f'name="1-alumni_session-{self.session_nursing.id}"', response)
        self.assertIn("2 seats left", response)
        self.assertRegex(
            response,
            rf'disabled="[^"]+"[^>]*name="1-alumni_session-{self.session_it.id}"'
            rf'|name="1-alumni_session-{self.session_it.id}"[^>]*disabled="[^"]+"',
        )

    def test_logged_in_user_registers_someone_else(self):
        self.user_portal.partner_id.email = "siri@example.com"
        self.authenticate(self.user_portal.login, self.user_portal.login)
        self.url_open(self.open_day.website_url)
        response = self.url_open(
            f"/event/{self.open_day.id}/registration/confirm",
            data={
                "csrf_token": self._csrf_token(),
                **self._attendee(1, "Siri Portal", "siri@example.com"),
                **self._attendee(
                    2,
                    "Sven Friend",
                    "sven@example.com",
                    **{f"2-alumni_session-{self.session_it.id}": "1"},
                ),
            },
        )
        self.assertEqual(response.status_code, 200)
        registrations = self.env["event.registration"].search([("event_id", "=", self.open_day.id)])
        siri = registrations.filtered(lambda r: r.email == "siri@example.com")
        sven = registrations.filtered(lambda r: r.email == "sven@example.com")
        self.assertEqual(siri.partner_id, self.user_portal.partner_id)
        self.assertTrue(sven.partner_id)
        self.assertNotEqual(sven.partner_id, self.user_portal.partner_id)
        self.assertEqual(sven.partner_id.email, "sven@example.com")
        self.assertEqual(sven.alumni_session_ids, self.session_it)
        self.assertFalse(siri.alumni_session_ids)

    def test_tour_visitor_requests_information_then_registers_for_a_session(self):
        self.start_tour("/alumni/information", "usn_alumni_information_request_tour")
        people = self.env["res.partner"].search([("email", "=", "tour.visitor@example.com")])
        self.assertEqual(len(people), 1)
        person = people
        self.assertEqual(person.lifecycle_stage, "prospect")
        kinds = set(person.lifecycle_event_ids.mapped("kind"))
        self.assertIn("information_request", kinds)
        self.assertIn("event_registration", kinds)
        registration = self.env["event.registration"].search(
            [("event_id", "=", self.open_day.id), ("partner_id", "=", person.id)]
        )
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.alumni_session_ids, self.session_nursing)
        request = self.env["alumni.information.request"].search([("partner_id", "=", person.id)])
        self.assertEqual(request.programme_ids, self.programme_nursing)
        self.assertEqual(request.preferred_event_id, self.open_day)
