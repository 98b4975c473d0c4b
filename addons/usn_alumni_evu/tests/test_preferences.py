# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date, timedelta
from html import unescape

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.mass_mailing.tests.common import MassMailCase

from .common import AlumniEvuCommon


class PreferencesCommon(AlumniEvuCommon, MassMailCase, HttpCase):
    """A nursing graduate who agreed to offers and to the newsletter, and an
    offer open now (the web requests run at the real date)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.email = "admin@usn.example.com"
        today = date.today()
        cls.offer = cls.env["alumni.evu.offer"].create(
            {
                "name": "Wound Care",
                "faculty_id": cls.faculty_health.id,
                "date_start": today + timedelta(days=60),
                "application_deadline": today + timedelta(days=30),
                "price": 5000,
                "alumni_price": 4000,
                "programme_ids": [(6, 0, cls.programme_nursing.ids)],
                "state": "open",
                "website_published": True,
            }
        )
        cls.nurse = cls._graduate(
            "Nina Nurse",
            cls.programme_nursing,
            2015,
            email="nina.nurse@example.com",
            interest_ids=[(6, 0, cls.interest_nursing.ids)],
        )
        cls.nurse._record_consent("evu_email", "given", "portal", date="2025-01-01 12:00:00")
        cls.nurse._record_consent("newsletter", "given", "portal", date="2025-01-01 12:00:00")
        cls.other = cls._create_person("Ola Other", email="ola.other@example.com")
        cls.env["alumni.evu.match"]._recompute()

    def _current(self, person, code):
        return self.env["alumni.consent"].search(
            [("partner_id", "=", person.id), ("purpose_code", "=", code), ("is_current", "=", True)]
        )

    def _sent_body(self, mailing, person):
        with self.mock_mail_gateway():
            mailing.action_send_mail()
            self.env["mail.mail"].sudo().process_email_queue()
        bodies = [
            mail["body"] for mail in self._mails if person.email in " ".join(mail["email_to"])
        ]
        self.assertEqual(len(bodies), 1)
        return bodies[0]

    def _link(self, body, path):
        links = [unescape(href) for href in re.findall(r'href="([^"]*)"', body) if path in href]
        self.assertTrue(links, f"no link to {path}")
        return links[0].replace(self.base_url(), "")

    def _preferences_path(self, person):
        return person._alumni_evu_preferences_path()

    def _csrf_token(self, response):
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)


@tagged("post_install", "-at_install")
class TestUnsubscribe(PreferencesCommon):
    """The unsubscribe link of an offers mailing withdraws the consent to
    offers by e-mail, and nothing else."""

    def test_unsubscribe_link_withdraws_only_the_evu_consent(self):
        mailing = self.offer.action_create_mailing()
        body = self._sent_body(mailing, self.nurse)
        confirm = self._link(body, f"/mailing/{mailing.id}/confirm_unsubscribe")
        unsubscribe = confirm.replace("/confirm_unsubscribe", "/unsubscribe")
        response = self.url_open(unsubscribe)
        self.assertEqual(response.status_code, 200)
        self.assertIn("You will get no more offers by e-mail", response.text)
        self.assertIn("/alumni/evu/preferences/", response.text)

        evu = self._current(self.nurse, "evu_email")
        self.assertEqual(evu.state, "withdrawn")
        self.assertEqual(evu.source, "email")
        self.assertIn(f"(id {mailing.id})", evu.evidence)
        self.assertEqual(self._current(self.nurse, "newsletter").state, "given")
        self.assertFalse(self.nurse.is_blacklisted)
        self.assertFalse(
            self.env["mail.blacklist"].search([("email", "=", self.nurse.email_normalized)])
        )
        # The history keeps the consent that was given.
        self.assertEqual(
            self.nurse.consent_ids.filtered(lambda c: c.purpose_code == "evu_email").mapped(
                "state"
            ),
            ["withdrawn", "given"],
        )

    def test_one_click_unsubscribe_of_the_mail_client_withdraws_once(self):
        mailing = self.offer.action_create_mailing()
        self._sent_body(mailing, self.nurse)
        url = mailing._get_unsubscribe_oneclick_url(self.nurse.email_normalized, self.nurse.id)
        for _attempt in range(2):
            # what a mail client posts (RFC 8058)
            response = self.url_open(
                url.replace(self.base_url(), ""), data={"List-Unsubscribe": "One-Click"}
            )
            self.assertEqual(response.status_code, 200)
        answers = self.nurse.consent_ids.filtered(lambda c: c.purpose_code == "evu_email")
        self.assertEqual(answers.mapped("state"), ["withdrawn", "given"])
        self.assertFalse(self.nurse.is_blacklisted)

    def test_unsubscribe_from_another_mailing_still_blacklists(self):
        body = "<p>News <a href='/unsubscribe_from_list'>Unsubscribe</a></p>"
        newsletter = self.env["mailing.mailing"].create(
            {
                "subject": "Newsletter",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "=", self.nurse.id)]),
                "body_arch": body,
                "body_html": body,
            }
        )
        self._sent_body(newsletter, self.nurse)
        url = newsletter._get_unsubscribe_url(self.nurse.email_normalized, self.nurse.id)
        self.url_open(
            url.replace(self.base_url(), "").replace("/confirm_unsubscribe", "/unsubscribe")
        )
        self.assertTrue(self.nurse.is_blacklisted)
        self.assertEqual(self._current(self.nurse, "evu_email").state, "given")


@tagged("post_install", "-at_install")
class TestPreferencesPage(PreferencesCommon):
    """The signed link of a mailing opens the person's preferences, without
    logging in."""

    def test_link_of_the_mail_opens_the_persons_preferences(self):
        mailing = self.offer.action_create_mailing()
        body = self._sent_body(mailing, self.nurse)
        response = self.url_open(self._link(body, "/alumni/evu/preferences/"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Nina Nurse", response.text)
        for interest in (self.interest_nursing, self.interest_health, self.interest_programming):
            self.assertIn(interest.name, response.text)
        self.assertRegex(response.text, rf'value="{self.interest_nursing.id}"\s+checked="checked"')

    def test_person_chooses_subjects_limit_and_withdraws_the_consent(self):
        path = self._preferences_path(self.nurse)
        page = self.url_open(path)
        response = self.url_open(
            path,
            data={
                "csrf_token": self._csrf_token(page),
                "interest_ids": [self.interest_health.id, self.interest_programming.id],
                "max_mailings_per_month": "2",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("your preferences are saved", response.text)
        self.assertEqual(self.nurse.interest_ids, self.interest_health | self.interest_programming)
        self.assertEqual(self.nurse.max_mailings_per_month, 2)
        evu = self._current(self.nurse, "evu_email")
        self.assertEqual((evu.state, evu.source), ("withdrawn", "email"))
        self.assertIn("preferences page", evu.evidence)
        self.assertEqual(self._current(self.nurse, "newsletter").state, "given")

    def test_person_gives_the_consent_back(self):
        self.nurse._record_consent("evu_email", "withdrawn", "portal")
        path = self._preferences_path(self.nurse)
        page = self.url_open(path)
        self.url_open(
            path,
            data={
                "csrf_token": self._csrf_token(page),
                "interest_ids": [self.interest_nursing.id],
                "max_mailings_per_month": "0",
                "evu_email": "1",
            },
        )
        self.assertEqual(self._current(self.nurse, "evu_email").state, "given")
        self.assertEqual(self.nurse.max_mailings_per_month, 0)

    def test_saving_the_same_answer_records_no_new_one(self):
        path = self._preferences_path(self.nurse)
        page = self.url_open(path)
        self.url_open(
            path,
            data={
                "csrf_token": self._csrf_token(page),
                "interest_ids": [self.interest_nursing.id],
                "max_mailings_per_month": "4",
                "evu_email": "1",
            },
        )
        self.assertEqual(
            len(self.nurse.consent_ids.filtered(lambda c: c.purpose_code == "evu_email")), 1
        )

    def test_bad_number_of_mailings_is_refused_and_nothing_changes(self):
        path = self._preferences_path(self.nurse)
        for value in ("-1", "31", "many"):
            with self.subTest(value=value):
                page = self.url_open(path)
                response = self.url_open(
                    path,
                    data={
                        "csrf_token": self._csrf_token(page),
                        "interest_ids": [self.interest_health.id],
                        "max_mailings_per_month": value,
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn(
                    "Mailings per month: give a whole number from 0 to 30.", response.text
                )
                self.assertEqual(self.nurse.interest_ids, self.interest_nursing)
                self.assertEqual(self.nurse.max_mailings_per_month, 4)
                self.assertEqual(self._current(self.nurse, "evu_email").state, "given")

    def test_unknown_subject_is_refused(self):
        path = self._preferences_path(self.nurse)
        page = self.url_open(path)
        response = self.url_open(
            path,
            data={
                "csrf_token": self._csrf_token(page),
                "interest_ids": [999999],
                "max_mailings_per_month": "2",
                "evu_email": "1",
            },
        )
        self.assertIn("Subjects: one of the chosen subjects does not exist.", response.text)
        self.assertEqual(self.nurse.max_mailings_per_month, 4)

    def test_post_without_csrf_token_is_refused(self):
        response = self.url_open(
            self._preferences_path(self.nurse), data={"max_mailings_per_month": "0"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.nurse.max_mailings_per_month, 4)


@tagged("post_install", "-at_install", "security")
class TestPreferencesSecurity(PreferencesCommon):
    """The URL's person id is trusted only with a valid, unexpired signature
    made for that person."""

    def assertRefused(self, path):
        self.assertEqual(self.url_open(path).status_code, 403)
        page = self.url_open(self._preferences_path(self.nurse))
        response = self.url_open(
            path,
            data={"csrf_token": self._csrf_token(page), "max_mailings_per_month": "0"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.nurse.max_mailings_per_month, 4)
        self.assertEqual(self._current(self.nurse, "evu_email").state, "given")

    def test_tampered_token_is_refused(self):
        path = self._preferences_path(self.nurse)
        prefix, token = path.rsplit("/", 1)
        tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        self.assertRefused(f"{prefix}/{tampered}")
        self.assertRefused(f"{prefix}/not-a-token")

    def test_token_of_another_person_is_refused(self):
        token = self._preferences_path(self.other).rsplit("/", 1)[1]
        self.assertRefused(f"/alumni/evu/preferences/{self.nurse.id}/{token}")

    def test_expired_token_is_refused(self):
        with freeze_time(date.today() - timedelta(days=91)):
            path = self._preferences_path(self.nurse)
        self.assertRefused(path)

    def test_token_is_valid_for_the_configured_days(self):
        self.env["ir.config_parameter"].set_param("usn_alumni_evu.preferences_link_days", "200")
        with freeze_time(date.today() - timedelta(days=91)):
            path = self._preferences_path(self.nurse)
        self.assertEqual(self.url_open(path).status_code, 200)

    def test_unknown_person_is_refused(self):
        self.assertEqual(self.url_open("/alumni/evu/preferences/999999/abc").status_code, 403)
