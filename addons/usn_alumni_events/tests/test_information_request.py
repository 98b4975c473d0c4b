# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import NOW, AlumniEventsCommon


@freeze_time(NOW)
class TestInformationRequest(AlumniEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.programme_nursing | cls.programme_it).website_published = True
        cls.open_day.website_published = True
        cls.nursing_template = cls.env["mail.template"].create(
            {
                "name": "Nursing information",
                "model_id": cls.env["ir.model"]._get_id("alumni.information.request"),
                "subject": "All about Nursing",
                "email_to": "{{ object.email }}",
                "body_html": "<p>Nursing at USN</p>",
            }
        )
        cls.programme_nursing.information_mail_template_id = cls.nursing_template
        cls.default_template = cls.env.ref("usn_alumni_events.mail_template_information_request")

    def _request(self, **vals):
        values = {
            "name": "Ingrid Hansen",
            "email": "ingrid@example.com",
            "programme_ids": [Command.set(self.programme_it.ids)],
            **vals,
        }
        return self.env["alumni.information.request"].create(values)

    def _mails(self, requests):
        return self.env["mail.mail"].search(
            [("model", "=", "alumni.information.request"), ("res_id", "in", requests.ids)]
        )

    def _timeline(self, partner, kind):
        return self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", partner.id), ("kind", "=", kind)]
        )

    def test_existing_person_found_by_differently_written_email(self):
        person = self._create_person("Ingrid Hansen", email="ingrid.hansen@example.com")
        request = self._request(email="  Ingrid.HANSEN@Example.com ")
        self.assertEqual(request.partner_id, person)
        self.assertEqual(request.email, "ingrid.hansen@example.com")
        self.assertEqual(
            self.env["res.partner"].search_count([("email", "ilike", "ingrid.hansen@")]), 1
        )

    def test_existing_person_found_by_phone(self):
        person = self._create_person("Ola Nordmann", phone="+47 912 34 567")
        request = self._request(name="Ola", email="ola@example.com", phone="912 34 567")
        self.assertEqual(request.partner_id, person)
        self.assertEqual(request.phone, "+4791234567")

    def test_stranger_becomes_prospect_with_timeline_and_interests(self):
        request = self._request(
            name="Nora Ny",
            email="nora@example.com",
            programme_ids=[Command.set((self.programme_nursing | self.programme_it).ids)],
        )
        person = request.partner_id
        self.assertEqual(person.name, "Nora Ny")
        self.assertEqual(person.email, "nora@example.com")
        self.assertEqual(person.lifecycle_stage, "prospect")
        rows = self._timeline(person, "information_request")
        self.assertEqual(rows.programme_id, self.programme_nursing | self.programme_it)
        self.assertEqual(set(rows.mapped("res_model")), {"alumni.information.request"})
        self.assertEqual(set(rows.mapped("res_id")), {request.id})
        self.assertEqual(
            person.interest_ids,
            self.interest_nursing | self.interest_health | self.interest_programming,
        )

    def test_interests_added_to_those_the_person_has(self):
        other = self.env["alumni.interest"].create({"name": "Music"})
        person = self._create_person(
            "Ingrid", email="ingrid@example.com", interest_ids=[Command.set(other.ids)]
        )
        self._request()
        self.assertEqual(person.interest_ids, other | self.interest_programming)

    def test_one_prospect_for_two_requests_of_one_stranger(self):
        requests = self.env["alumni.information.request"].create(
            [
                {
                    "name": "Nora",
                    "email": "nora@example.com",
                    "programme_ids": [Command.set(self.programme_it.ids)],
                },
                {
                    "name": "Nora",
                    "email": "NORA@example.com",
                    "programme_ids": [Command.set(self.programme_nursing.ids)],
                },
            ]
        )
        self.assertEqual(len(requests.partner_id), 1)

    def test_information_email_queued_with_programme_template_or_default(self):
        request = self._request(
            programme_ids=[Command.set((self.programme_nursing | self.programme_it).ids)],
            preferred_event_id=self.open_day.id,
        )
        mails = self._mails(request)
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        nursing = mails.filtered(lambda m: m.subject == "All about Nursing")
        self.assertEqual(nursing.email_to, "ingrid@example.com")
        general = mails - nursing
        self.assertIn("Bachelor in IT", general.subject)
        self.assertIn("Bachelor in IT", general.body_html)
        self.assertIn(self.open_day.name, general.body_html)
        self.assertIn("ingrid@example.com", general.email_to)

    def test_outcome_after_the_request(self):
        person = self._create_person("Ingrid", email="ingrid@example.com")
        request = self._request()
        other = self._request(name="Other", email="other@example.com")
        Request = self.env["alumni.information.request"]
        self.assertFalse(request.has_attended_open_day)
        self.assertFalse(request.has_applied)

        registration = self._register(self.open_day, partner_id=person.id)
        registration.invalidate_recordset()
        registration.action_alumni_check_in()
        request.invalidate_recordset(["has_attended_open_day", "has_applied"])
        self.assertTrue(request.has_attended_open_day)
        self.assertFalse(request.has_applied)

        self._apply(person, self.programme_it)
        (request | other).invalidate_recordset(["has_attended_open_day", "has_applied"])
        self.assertTrue(request.has_applied)
        self.assertFalse(other.has_applied)
        self.assertEqual(Request.search([("has_applied", "=", True)]), request)
        self.assertEqual(Request.search([("has_attended_open_day", "=", True)]), request)
        self.assertEqual(Request.search([("has_applied", "!=", True)]), other)
        self.assertEqual(Request.search([("has_attended_open_day", "=", False)]), other)

    def test_outcome_before_the_request_does_not_count(self):
        person = self._create_person("Ingrid", email="ingrid@example.com")
        self._apply(person, self.programme_it)
        trial = self._create_event("Trial lecture", kind="trial_lecture")
        self._register(trial, partner_id=person.id).action_alumni_check_in()
        with freeze_time("2026-03-03 10:00:00"):
            request = self._request()
            self.assertFalse(request.has_applied)
            self.assertFalse(request.has_attended_open_day)

    def test_outcome_computed_in_one_query(self):
        requests = self.env["alumni.information.request"].create(
            [
                {
                    "name": f"Person {index}",
                    "email": f"person{index}@example.com",
                    "programme_ids": [Command.set(self.programme_it.ids)],
                }
                for index in range(5)
            ]
        )
        requests.invalidate_recordset()
        with self.assertQueryCount(1):
            requests.mapped("has_applied")
            requests.mapped("has_attended_open_day")

    def _assert_refused(self, message_part, **vals):
        people = self.env["res.partner"].search_count([])
        requests = self.env["alumni.information.request"].search_count([])
        mails = self.env["mail.mail"].search_count([])
        with self.assertRaises(UserError) as caught:
            self._request(**vals)
        self.assertIn(message_part, str(caught.exception))
        self.assertEqual(self.env["res.partner"].search_count([]), people)
        self.assertEqual(self.env["alumni.information.request"].search_count([]), requests)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_refused_without_programme(self):
        self._assert_refused("Programmes", programme_ids=[])

    def test_refused_with_invalid_email(self):
        self._assert_refused("E-mail", email="ingrid@example")

    def test_refused_without_email(self):
        self._assert_refused("E-mail", email=False)

    def test_refused_with_invalid_phone(self):
        self._assert_refused("Phone", phone="12")

    def test_refused_for_unpublished_programme(self):
        self.programme_it.website_published = False
        self._assert_refused("Bachelor in IT", programme_ids=[Command.set(self.programme_it.ids)])

    def test_refused_for_event_not_an_open_day(self):
        reunion = self._create_event("Reunion", kind="reunion")
        self._assert_refused("Preferred Open Day", preferred_event_id=reunion.id)

    def test_website_programmes_are_the_published_ones(self):
        self.programme_it.website_published = False
        programmes = self.env["alumni.programme"]._website_information_programmes()
        self.assertIn(self.programme_nursing, programmes)
        self.assertNotIn(self.programme_it, programmes)


@tagged("security")
@freeze_time(NOW)
class TestInformationRequestSecurity(AlumniEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.programme_nursing | cls.programme_it).website_published = True
        Request = cls.env["alumni.information.request"]
        cls.request_nursing = Request.create(
            {
                "name": "Nora",
                "email": "nora@example.com",
                "programme_ids": [Command.set(cls.programme_nursing.ids)],
            }
        )
        cls.request_it = Request.create(
            {
                "name": "Ivar",
                "email": "ivar@example.com",
                "programme_ids": [Command.set(cls.programme_it.ids)],
            }
        )

    def test_coordinator_reads_requests_of_own_faculties_only(self):
        Request = self.env["alumni.information.request"].with_user(self.user_coordinator)
        self.assertEqual(Request.search([]), self.request_nursing)
        with self.assertRaises(AccessError):
            self.request_it.with_user(self.user_coordinator).read(["name"])
        with self.assertRaises(AccessError):
            self.request_nursing.with_user(self.user_coordinator).write({"name": "X"})

    def test_officer_works_on_all_requests(self):
        Request = self.env["alumni.information.request"].with_user(self.user_officer)
        self.assertEqual(Request.search([]), self.request_nursing | self.request_it)
        self.request_it.with_user(self.user_officer).write({"name": "Ivar Aasen"})

    def test_employee_and_portal_have_no_access(self):
        for user in (self.user_employee, self.user_portal):
            with self.assertRaises(AccessError):
                self.env["alumni.information.request"].with_user(user).search([])
