# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from .common import AlumniEvuCommon


class AlumniEvuWebsiteCommon(AlumniEvuCommon, HttpCase):
    """The website's offers, in days from today.

    Not under a frozen clock: the browser keeps the real one, and the
    session cookie would expire at once. Only the two offers of the tests
    are on the website: Clinical Supervision (Health, hybrid, deadline in 20
    days) and Python for Engineers (Technology, online, deadline in 30).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ours = cls.offer_supervision | cls.offer_python
        cls.env["alumni.evu.offer"].search([("id", "not in", ours.ids)]).website_published = False
        cls.today = fields.Date.today()
        cls.offer_supervision.write(
            {
                "date_start": cls.today + timedelta(days=40),
                "date_end": cls.today + timedelta(days=100),
                "application_deadline": cls.today + timedelta(days=20),
                "summary": "Guide nursing students in clinical practice.",
            }
        )
        cls.offer_python.write(
            {
                "date_start": cls.today + timedelta(days=50),
                "application_deadline": cls.today + timedelta(days=30),
            }
        )
        # What the database held before: the tests look at what they made.
        cls.last_enrollment_id = max(cls.env["alumni.evu.enrollment"].search([]).ids, default=0)
        cls.last_partner_id = max(
            cls.env["res.partner"].with_context(active_test=False).search([]).ids, default=0
        )
        cls.berit = cls._graduate(
            "Berit Graduate",
            cls.programme_nursing,
            2015,
            email="berit.graduate@example.com",
        )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _offer_vals(self, name, **vals):
        return {
            "name": name,
            "faculty_id": self.faculty_health.id,
            "date_start": self.today + timedelta(days=60),
            "application_deadline": self.today + timedelta(days=10),
            "price": 1000,
            "alumni_price": 800,
            "state": "open",
            "website_published": True,
            **vals,
        }

    def _apply_url(self, offer):
        return f"{offer.website_url}/apply"

    def _post_application(self, offer, **values):
        """Open the offer's page (a session for the token), then send its form."""
        self.url_open(offer.website_url)
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "name": "Nora Ny",
            "email": "nora@example.com",
            "phone": "",
            **values,
        }
        return self.url_open(self._apply_url(offer), data=data)

    def _enrollments(self, offer=None):
        """The applications the test made (for ``offer``)."""
        self.env.invalidate_all()
        domain = [("id", ">", self.last_enrollment_id)]
        if offer:
            domain.append(("offer_id", "=", offer.id))
        return self.env["alumni.evu.enrollment"].search(domain)

    def _new_people(self, domain):
        """The people the test made (or set up) who fit ``domain``."""
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("id", ">", self.last_partner_id), *domain])
        )

    def _people_with_email(self, email):
        return self._new_people([("email_normalized", "=", email)])


@tagged("post_install", "-at_install")
class TestWebsiteOffers(AlumniEvuWebsiteCommon):
    """The list of offers and the offer's page."""

    def _cards(self, response):
        return response.text.count("o_alumni_evu_offer_card")

    def test_list_shows_offers_open_for_applications_with_their_facts(self):
        Offer = self.env["alumni.evu.offer"]
        Offer.create(self._offer_vals("Wound Care Draft", state="draft"))
        Offer.create(self._offer_vals("Robotics Unpublished", website_published=False))
        Offer.create(
            self._offer_vals(
                "Ethics Closed",
                state="closed",
                application_deadline=self.today,
            )
        )
        past = Offer.create(self._offer_vals("Leadership Past Deadline"))
        past.application_deadline = self.today - timedelta(days=1)
        response = self.url_open("/alumni/evu")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._cards(response), 2)
        text = response.text
        for shown in (
            "Clinical Supervision",
            "Python for Engineers",
            "Faculty of Health",
            "Faculty of Technology",
            "Hybrid",
            "Online",
            "15 ECTS",
            "7.5 ECTS",
            "12,000.00",
            "8,000.00",
            "Alumni price",
            self.offer_supervision.website_url,
            "Guide nursing students in clinical practice.",
        ):
            self.assertIn(shown, text)
        for hidden in (
            "Wound Care Draft",
            "Robotics Unpublished",
            "Ethics Closed",
            "Past Deadline",
        ):
            self.assertNotIn(hidden, text)

    def test_list_filtered_by_faculty_subject_format_and_text(self):
        for params, shown in (
            (f"faculty_id={self.faculty_health.id}", self.offer_supervision),
            (f"faculty_id={self.faculty_tech.id}", self.offer_python),
            (f"interest_id={self.interest_programming.id}", self.offer_python),
            (f"interest_id={self.interest_nursing.id}", self.offer_supervision),
            ("delivery_mode=online", self.offer_python),
            ("delivery_mode=hybrid", self.offer_supervision),
            ("search=supervision", self.offer_supervision),
            ("search=nursing+students", self.offer_supervision),
            (
                f"faculty_id={self.faculty_health.id}&delivery_mode=hybrid",
                self.offer_supervision,
            ),
        ):
            with self.subTest(params=params):
                response = self.url_open(f"/alumni/evu?{params}")
                self.assertEqual(self._cards(response), 1)
                self.assertIn(shown.website_url, response.text)
        response = self.url_open(
            f"/alumni/evu?faculty_id={self.faculty_tech.id}&delivery_mode=hybrid"
        )
        self.assertEqual(self._cards(response), 0)
        self.assertIn("No course matches your search", response.text)

    def test_filter_choices_count_the_offers_and_ignore_bad_values(self):
        response = self.url_open(f"/alumni/evu?faculty_id={self.faculty_health.id}")
        # The subjects of the Health offer only; the faculties of all offers.
        self.assertIn(f"interest_id={self.interest_nursing.id}", response.text)
        self.assertNotIn(f"interest_id={self.interest_programming.id}", response.text)
        self.assertIn(f"faculty_id={self.faculty_tech.id}", response.text)
        response = self.url_open("/alumni/evu?faculty_id=abc&delivery_mode=teleport&interest_id=-1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._cards(response), 2)

    def test_list_is_paged(self):
        self.env["alumni.evu.offer"].create(
            [self._offer_vals(f"Short Course {n:02d}") for n in range(12)]
        )
        first = self.url_open("/alumni/evu")
        self.assertEqual(self._cards(first), 12)
        self.assertIn("/alumni/evu/page/2", first.text)
        second = self.url_open("/alumni/evu/page/2")
        self.assertEqual(self._cards(second), 2)
        filtered = self.url_open(f"/alumni/evu?faculty_id={self.faculty_tech.id}")
        self.assertNotIn("/alumni/evu/page/2", filtered.text)

    def test_offer_page_explains_the_benefits_and_the_seats(self):
        self._apply_for(self.offer_supervision, self._create_person("Anne"))
        response = self.url_open(self.offer_supervision.website_url)
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn("Former students of the university pay", text)
        self.assertIn("8,000.00", text)
        self.assertIn("12,000.00", text)
        self.assertIn("free seats, first come, first served", text)
        self.assertIn("2 still free", text)
        self.assertIn("9 of 10", text)
        self.assertIn("Nursing care, Public health", text)
        self.assertIn('name="csrf_token"', text)
        self.assertIn(f'action="{self._apply_url(self.offer_supervision)}#apply"', text)

    def test_offer_page_by_id_redirects_to_its_slug(self):
        response = self.url_open(f"/alumni/evu/{self.offer_python.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response.headers["Location"].endswith(self.offer_python.website_url))

    def test_unpublished_draft_or_archived_offer_not_found(self):
        Offer = self.env["alumni.evu.offer"]
        hidden = (
            Offer.create(self._offer_vals("Wound Care Draft", state="draft")),
            Offer.create(self._offer_vals("Robotics Unpublished", website_published=False)),
            Offer.create(self._offer_vals("Archived Course", active=False)),
        )
        for offer in hidden:
            with self.subTest(offer=offer.name):
                response = self.url_open(f"/alumni/evu/{offer.id}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(offer.name, response.text)

    def test_closed_offer_shown_without_a_form(self):
        self.offer_python.action_close()
        response = self.url_open(self.offer_python.website_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Applications for this course are closed", response.text)
        self.assertNotIn("o_alumni_evu_apply_form", response.text)

    def test_offer_past_its_deadline_or_full_shown_without_a_form(self):
        self.offer_python.application_deadline = self.today - timedelta(days=1)
        response = self.url_open(self.offer_python.website_url)
        self.assertIn("The application deadline was", response.text)
        self.assertNotIn("o_alumni_evu_apply_form", response.text)
        self.offer_supervision.write({"seats_max": 1, "member_free_seats": 0})
        self._apply_for(self.offer_supervision, self.berit)
        response = self.url_open(self.offer_supervision.website_url)
        self.assertIn("All seats of this course are taken", response.text)
        self.assertNotIn("o_alumni_evu_apply_form", response.text)

    def test_officer_previews_an_unpublished_offer(self):
        offer = self.env["alumni.evu.offer"].create(
            self._offer_vals("Robotics Unpublished", website_published=False)
        )
        self.authenticate(self.user_officer.login, self.user_officer.login)
        response = self.url_open(f"/alumni/evu/{offer.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Visitors do not see this page", response.text)
        # An employee who cannot change offers sees what visitors see.
        self.authenticate(self.user_marketing.login, self.user_marketing.login)
        self.assertEqual(self.url_open(f"/alumni/evu/{offer.id}").status_code, 404)

    def test_website_menu_leads_to_the_list(self):
        menu = self.env.ref("usn_alumni_evu.website_menu_evu")
        self.assertEqual(menu.url, "/alumni/evu")
        response = self.url_open("/")
        self.assertIn('href="/alumni/evu"', response.text)


@tagged("post_install", "-at_install")
class TestWebsiteApplication(AlumniEvuWebsiteCommon):
    """The application form of an offer's page."""

    def test_graduate_applies_under_an_address_written_differently(self):
        response = self._post_application(
            self.offer_supervision, name="Berit G.", email="  Berit.Graduate@EXAMPLE.com "
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you, Berit Graduate!", response.text)
        self.assertIn("You pay the alumni price", response.text)
        self.assertIn("8,000.00", response.text)
        enrollment = self._enrollments(self.offer_supervision)
        self.assertEqual(len(enrollment), 1)
        self.assertEqual(enrollment.partner_id, self.berit)
        self.assertEqual((enrollment.benefit, enrollment.price), ("alumni_price", 8000))
        self.assertEqual(self._people_with_email("berit.graduate@example.com"), self.berit)

    def test_applicant_gets_an_e_mail_with_the_benefit(self):
        self._post_application(
            self.offer_supervision, name="Berit G.", email="berit.graduate@example.com"
        )
        enrollment = self._enrollments(self.offer_supervision)
        mail = self.env["mail.mail"].search(
            [("model", "=", enrollment._name), ("res_id", "=", enrollment.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Your application for Clinical Supervision")
        self.assertEqual(mail.recipient_ids, self.berit)
        self.assertIn("you pay the alumni price", mail.body_html)
        self.assertIn("8,000.00", mail.body_html)
        self.assertIn(
            mail.mail_message_id, enrollment.message_ids, "the e-mail stays in the chatter"
        )

    def test_application_made_by_staff_sends_no_e_mail(self):
        enrollment = self.env["alumni.evu.enrollment"].create(
            {"offer_id": self.offer_supervision.id, "partner_id": self.berit.id}
        )
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", enrollment._name), ("res_id", "=", enrollment.id)]
            )
        )

    def test_member_is_told_of_the_free_seat(self):
        mia = self._graduate(
            "Mia Member",
            self.programme_nursing,
            2012,
            email="mia@example.com",
            network_state="member",
        )
        response = self._post_application(self.offer_supervision, email="mia@example.com")
        self.assertIn("You have a free seat", response.text)
        enrollment = self._enrollments(self.offer_supervision)
        self.assertEqual(enrollment.partner_id, mia)
        self.assertEqual((enrollment.benefit, enrollment.price), ("member_seat", 0))

    def test_stranger_becomes_a_prospect_interested_in_the_subjects(self):
        response = self._post_application(
            self.offer_supervision, name=" Nora Ny ", email="Nora@Example.com", phone="412 09 877"
        )
        self.assertIn("Your price", response.text)
        self.assertIn("12,000.00", response.text)
        enrollment = self._enrollments(self.offer_supervision)
        nora = enrollment.partner_id
        self.assertEqual(self._people_with_email("nora@example.com"), nora)
        self.assertEqual(
            (nora.name, nora.email, nora.phone), ("Nora Ny", "nora@example.com", "+4741209877")
        )
        self.assertEqual(nora.lifecycle_stage, "prospect")
        self.assertEqual(nora.interest_ids, self.interest_nursing | self.interest_health)
        self.assertEqual((enrollment.benefit, enrollment.price), ("none", 12000))

    def test_person_found_by_phone_when_the_address_is_unknown(self):
        self.berit.phone = "+47 412 09 876"
        self._post_application(
            self.offer_supervision, email="berit.private@example.com", phone="41209876"
        )
        enrollment = self._enrollments(self.offer_supervision)
        self.assertEqual(enrollment.partner_id, self.berit)
        self.assertFalse(self._people_with_email("berit.private@example.com"))

    def test_post_without_csrf_token_refused(self):
        self.url_open(self.offer_supervision.website_url)
        data = {"name": "Nora Ny", "email": "nora@example.com"}
        response = self.url_open(self._apply_url(self.offer_supervision), data=data)
        self.assertEqual(response.status_code, 400)
        response = self.url_open(
            self._apply_url(self.offer_supervision), data={**data, "csrf_token": "forged"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._enrollments())
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_get_of_the_apply_address_is_no_application(self):
        response = self.url_open(self._apply_url(self.offer_supervision))
        self.assertEqual(response.status_code, 405)

    def _assert_refused(self, response, message, **kept):
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_alumni_evu_error", response.text)
        self.assertIn(message, response.text)
        self.assertIn("o_alumni_evu_apply_form", response.text)
        for value in kept.values():
            self.assertIn(f'value="{value}"', response.text)

    def test_invalid_email_refused_with_the_values_kept(self):
        response = self._post_application(
            self.offer_supervision, email="nora@@example", phone="+47 912 34 567"
        )
        self._assert_refused(
            response, "is not a valid e-mail address", name="Nora Ny", phone="+47 912 34 567"
        )
        self.assertIn("nora@@example", response.text)
        self.assertFalse(self._enrollments())
        self.assertFalse(self._new_people([("name", "=", "Nora Ny")]))

    def test_invalid_phone_refused(self):
        response = self._post_application(self.offer_supervision, phone="12")
        self._assert_refused(
            response, "is not a valid phone number", name="Nora Ny", email="nora@example.com"
        )
        self.assertFalse(self._enrollments())
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_missing_name_refused(self):
        response = self._post_application(self.offer_supervision, name="  ")
        self._assert_refused(response, "Write your name", email="nora@example.com")
        self.assertFalse(self._enrollments())

    def test_second_application_refused(self):
        self._post_application(self.offer_supervision, email="berit.graduate@example.com")
        response = self._post_application(
            self.offer_supervision, name="Berit", email="BERIT.graduate@example.com"
        )
        self._assert_refused(response, "has already applied", name="Berit")
        self.assertEqual(len(self._enrollments()), 1)

    def test_application_to_a_full_offer_refused_and_no_person_made(self):
        self.offer_supervision.write({"seats_max": 1, "member_free_seats": 0})
        self.url_open(self.offer_supervision.website_url)  # the form, before the seat goes
        self._apply_for(self.offer_supervision, self.berit)
        response = self._post_application(self.offer_supervision)
        self._assert_refused(response, "is full", email="nora@example.com")
        self.assertEqual(self._enrollments(self.offer_supervision).partner_id, self.berit)
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_application_to_a_closed_offer_refused(self):
        self.offer_supervision.action_close()
        response = self._post_application(self.offer_supervision)
        self._assert_refused(response, "is not open for applications", name="Nora Ny")
        self.assertFalse(self._enrollments())
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_application_after_the_deadline_refused(self):
        self.offer_supervision.application_deadline = self.today - timedelta(days=1)
        response = self._post_application(self.offer_supervision)
        self._assert_refused(response, "The application deadline of", name="Nora Ny")
        self.assertFalse(self._enrollments())
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_logged_in_form_is_prefilled(self):
        self.user_portal.partner_id.write({"email": "siri@example.com", "phone": "+4741234567"})
        self.authenticate(self.user_portal.login, self.user_portal.login)
        response = self.url_open(self.offer_python.website_url)
        self.assertIn("You apply as yourself", response.text)
        applicant = response.text.split("o_alumni_evu_applicant", 1)[1].split("</div>", 1)[0]
        for shown in ("Siri Portal", "siri@example.com", "+4741234567"):
            self.assertIn(shown, applicant)
        self.assertNotIn('name="email"', response.text)

    def test_portal_user_applies_as_themselves(self):
        siri = self.user_portal.partner_id
        # Not a phone number the form would take: it is not read from it.
        siri.write({"email": "siri@example.com", "phone": "12"})
        self.authenticate(self.user_portal.login, self.user_portal.login)
        response = self._post_application(
            self.offer_python, name="Someone Else", email="someone.else@example.com"
        )
        self.assertIn("Thank you, Siri Portal!", response.text)
        enrollment = self._enrollments(self.offer_python)
        self.assertEqual(enrollment.partner_id, siri)
        self.assertFalse(self._people_with_email("someone.else@example.com"))

    def test_utm_and_mailing_of_the_link_kept(self):
        campaign = self.env["utm.campaign"].create({"name": "EVU autumn"})
        mailing = self.env["mailing.mailing"].create(
            {"subject": "Supervision for nurses", "campaign_id": campaign.id}
        )
        # The link of the mailing, as Odoo's link tracker redirects to it.
        self.url_open(
            f"{self.offer_supervision.website_url}?utm_campaign=EVU+autumn"
            f"&utm_source={mailing.source_id.name}&utm_medium=Email"
        )
        self.assertIn("EVU autumn", self.opener.cookies.get("odoo_utm_campaign"))
        self._post_application(self.offer_supervision)
        enrollment = self._enrollments(self.offer_supervision)
        self.assertEqual(enrollment.campaign_id, campaign)
        self.assertEqual(enrollment.source_id, mailing.source_id)
        self.assertEqual(enrollment.medium_id, self.env.ref("utm.utm_medium_email"))
        self.assertEqual(enrollment.mailing_id, mailing)

    def test_application_without_utm_has_no_campaign(self):
        self._post_application(self.offer_python)
        enrollment = self._enrollments(self.offer_python)
        self.assertTrue(enrollment)
        self.assertFalse(enrollment.campaign_id)
        self.assertFalse(enrollment.mailing_id)


@tagged("post_install", "-at_install", "security")
class TestWebsiteApplicationSecurity(AlumniEvuWebsiteCommon):
    """The form creates applications as superuser: what a visitor sends
    cannot reach beyond the offer's page."""

    def test_visitor_cannot_choose_the_person(self):
        self._post_application(
            self.offer_supervision,
            email="nora@example.com",
            partner_id=str(self.berit.id),
            benefit="member_seat",
            price="0",
        )
        enrollment = self._enrollments(self.offer_supervision)
        self.assertNotEqual(enrollment.partner_id, self.berit)
        self.assertEqual(enrollment.partner_id.email, "nora@example.com")
        self.assertEqual((enrollment.benefit, enrollment.price), ("none", 12000))

    def test_application_to_a_hidden_offer_not_found(self):
        Offer = self.env["alumni.evu.offer"]
        draft = Offer.create(self._offer_vals("Wound Care Draft", state="draft"))
        unpublished = Offer.create(
            self._offer_vals("Robotics Unpublished", website_published=False)
        )
        self.url_open(self.offer_supervision.website_url)
        for offer in (draft, unpublished):
            with self.subTest(offer=offer.name):
                response = self.url_open(
                    f"/alumni/evu/{offer.id}/apply",
                    data={
                        "csrf_token": http.Request.csrf_token(self),
                        "name": "Nora Ny",
                        "email": "nora@example.com",
                    },
                )
                self.assertEqual(response.status_code, 404)
        self.assertFalse(self._enrollments())
        self.assertFalse(self._people_with_email("nora@example.com"))

    def test_officer_cannot_apply_to_an_unpublished_offer_from_the_website(self):
        offer = self.env["alumni.evu.offer"].create(
            self._offer_vals("Robotics Unpublished", website_published=False)
        )
        self.authenticate(self.user_officer.login, self.user_officer.login)
        self.url_open(f"/alumni/evu/{offer.id}")
        response = self.url_open(
            f"/alumni/evu/{offer.id}/apply",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._enrollments(offer))

    def test_visitor_reads_no_application_through_the_thank_you_page(self):
        self._apply_for(self.offer_supervision, self.berit)
        response = self._post_application(self.offer_supervision)
        self.assertNotIn("Berit", response.text)
