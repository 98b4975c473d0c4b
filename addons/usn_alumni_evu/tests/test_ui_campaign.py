# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import AlumniEvuCommon


@tagged("post_install", "-at_install")
class TestUiCampaign(AlumniEvuCommon, HttpCase):
    """Marketing makes a mailing from an offer in Email Marketing and sees
    how many people it reaches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="tour_marketing",
            password="tour_marketing",
            name="Tove Marketing",
            email="tove.marketing@usn.example.com",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        today = date.today()
        cls.offer = cls.env["alumni.evu.offer"].create(
            {
                "name": "Tour Wound Care",
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
        cls.people = cls.env["res.partner"]
        for name, consents in (
            ("Tora Nurse", True),
            ("Turid Nurse", True),
            ("Terje Nurse", True),
            ("Tone Silent", False),
        ):
            person = cls._graduate(
                name, cls.programme_nursing, 2015, email=f"{name.split()[0].lower()}@example.com"
            )
            if consents:
                person._record_consent("evu_email", "given", "portal", date="2025-01-01 12:00:00")
            cls.people |= person
        cls.people[2].max_mailings_per_month = 0
        cls.env["alumni.evu.match"]._recompute()

    def test_marketing_creates_a_mailing_from_an_offer(self):
        matches = self.env["alumni.evu.match"].search(
            [("offer_id", "=", self.offer.id), ("score", ">=", 30)]
        )
        matched = matches.partner_id
        expected = len(
            matched._has_consent("evu_email").filtered(
                lambda p: p.email and not p.is_blacklisted and not p.is_deceased
            )
        )
        # The tour checks this number on the mailing's form.
        self.assertEqual(expected, 3)

        self.start_tour("/odoo", "alumni_evu_campaign_tour", login="tour_marketing")

        mailing = self.offer.mailing_ids
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.create_uid, self.marketer)
        self.assertEqual(
            self.env["res.partner"].search_count(mailing._get_recipients_domain()), expected
        )
