# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mass_mailing.tests.common import MassMailCase

from ..models.res_partner_campaign import _reasons_html
from .common import NOW, AlumniEvuCommon


class CampaignCommon(AlumniEvuCommon, MassMailCase):
    """People around the offers of the test base, matched by the real
    matching, and helpers to send a mailing through Odoo's mail queue with
    only the SMTP connection faked.

    Nursing graduates of 2015 match Clinical Supervision with 40 points
    (their programme, their cohort); an IT graduate matches Python for
    Engineers with 30 (their programme; the course aims at no cohort);
    someone who only follows Public health matches Clinical Supervision
    with 15 points.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.email = "admin@usn.example.com"
        cls.user_marketing.email = "mona.marketing@usn.example.com"
        cls.nurse = cls._person("Nina Nurse", cls.programme_nursing)
        cls.coder = cls._person("Ivar Coder", cls.programme_it)
        cls.nurse_silent = cls._person("Siv Silent", cls.programme_nursing, consent=False)
        cls.nurse_withdrawn = cls._person("Wenche Withdrawn", cls.programme_nursing)
        cls.nurse_withdrawn._record_consent(
            "evu_email", "withdrawn", "portal", date="2025-06-01 12:00:00"
        )
        cls.nurse_blacklisted = cls._person("Bodil Blocked", cls.programme_nursing)
        cls.env["mail.blacklist"]._add(cls.nurse_blacklisted.email)
        cls.nurse_deceased = cls._person("Dag Deceased", cls.programme_nursing)
        cls.nurse_deceased.write({"is_deceased": True, "deceased_date": "2025-05-01"})
        cls.nurse_no_email = cls._person("Eli Noemail", cls.programme_nursing)
        cls.nurse_no_email.email = False
        cls.follower = cls._create_person(
            "Frida Follower",
            email="frida.follower@example.com",
            interest_ids=[(6, 0, cls.interest_health.ids)],
        )
        cls.follower._record_consent("evu_email", "given", "portal", date="2025-01-01 12:00:00")
        cls.env["alumni.evu.match"]._recompute()

    @classmethod
    def _person(cls, name, programme, year=2015, consent=True, **vals):
        email = "{}@example.com".format(name.lower().replace(" ", "."))
        person = cls._graduate(name, programme, year, email=email, **vals)
        if consent:
            person._record_consent("evu_email", "given", "portal", date="2025-01-01 12:00:00")
        return person

    def _match(self, person, offer):
        return self.env["alumni.evu.match"].search(
            [("partner_id", "=", person.id), ("offer_id", "=", offer.id)]
        )

    def _recipients(self, mailing):
        return self.env["res.partner"].search(mailing._get_recipients_domain())

    def _send(self, mailing):
        """Queue the mailing as Odoo's scheduler does, then run the mail
        queue; returns the mails handed to the (faked) SMTP server."""
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.action_send_mail()
            self.env["mail.mail"].sudo().process_email_queue()
        return self._mails

    def _trace(self, mailing, person):
        return self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id), ("res_id", "=", person.id)]
        )

    def _mail_to(self, person):
        return [mail for mail in self._mails if person.email in " ".join(mail["email_to"])]


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestCampaignRecipients(CampaignCommon):
    """A mailing made from offers reaches exactly the people matched above
    its threshold who consented, are alive and have an address that is not
    blacklisted."""

    def test_matching_gives_the_scores_the_fixture_relies_on(self):
        self.assertEqual(self._match(self.nurse, self.offer_supervision).score, 40)
        self.assertEqual(self._match(self.coder, self.offer_python).score, 30)
        self.assertEqual(self._match(self.follower, self.offer_supervision).score, 15)
        self.assertFalse(self._match(self.coder, self.offer_supervision))

    def test_recipients_are_the_matched_people_who_may_be_mailed(self):
        mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(mailing._name, "mailing.mailing")
        self.assertEqual(self._recipients(mailing), self.nurse)
        self.assertEqual(mailing.alumni_evu_recipient_count, 1)

    def test_each_exclusion_keeps_its_person_out(self):
        mailing = self.offer_supervision.action_create_mailing()
        recipients = self._recipients(mailing)
        for person, why in (
            (self.nurse_silent, "no consent"),
            (self.nurse_withdrawn, "consent withdrawn"),
            (self.nurse_blacklisted, "blacklisted"),
            (self.nurse_deceased, "deceased"),
            (self.nurse_no_email, "no e-mail"),
            (self.follower, "below the threshold"),
            (self.coder, "not matched"),
        ):
            with self.subTest(why=why):
                self.assertNotIn(person, recipients)

    def test_people_excluded_are_matched_nonetheless(self):
        # The exclusions come from the mailing, not from the matching: the
        # people left out (but the deceased) fit the offer.
        for person in (
            self.nurse_silent,
            self.nurse_withdrawn,
            self.nurse_blacklisted,
            self.nurse_no_email,
        ):
            with self.subTest(person=person.name):
                self.assertGreaterEqual(self._match(person, self.offer_supervision).score, 30)

    def test_deceased_person_with_consent_cannot_be_emailed(self):
        self.nurse_deceased._record_consent("evu_email", "given", "staff")
        self.assertFalse(self.nurse_deceased.alumni_evu_can_email)
        self.assertTrue(self.nurse.alumni_evu_can_email)
        self.assertNotIn(
            self.nurse_deceased,
            self.env["res.partner"].search([("alumni_evu_can_email", "=", True)]),
        )

    def test_threshold_lowered_brings_weaker_matches_in(self):
        mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(mailing.alumni_evu_min_score, 30)
        mailing.alumni_evu_min_score = 10
        self.assertEqual(self._recipients(mailing), self.nurse | self.follower)
        self.assertEqual(mailing.alumni_evu_recipient_count, 2)

    def test_default_threshold_is_a_system_parameter(self):
        self.env["ir.config_parameter"].set_param("usn_alumni_evu.campaign_min_score", "10")
        mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(mailing.alumni_evu_min_score, 10)
        self.assertIn(self.follower, self._recipients(mailing))

    def test_threshold_outside_0_100_is_refused(self):
        mailing = self.offer_supervision.action_create_mailing()
        with self.assertRaisesRegex(UserError, "minimum match score"):
            mailing.alumni_evu_min_score = 120

    def test_mailing_of_several_offers_reaches_the_people_of_each(self):
        offers = self.offer_supervision | self.offer_python
        mailing = offers.action_create_mailing()
        self.assertEqual(mailing.alumni_evu_offer_ids, offers)
        self.assertEqual(self._recipients(mailing), self.nurse | self.coder)
        self.assertEqual(offers.mapped("mailing_count"), [1, 1])
        self.assertEqual(mailing.subject, "Continuing education offers for you")

    def test_mailing_is_on_people_with_its_campaign(self):
        mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertEqual(mailing.subject, "Continuing education for you: Clinical Supervision")
        self.assertIn("Clinical Supervision", mailing.campaign_id.title)
        self.assertTrue(mailing.source_id)
        self.assertEqual(mailing.medium_id, self.env.ref("utm.utm_medium_email"))
        self.assertEqual(self.offer_supervision.mailing_ids, mailing)
        self.assertEqual(mailing.state, "draft")

    def test_greeting_placeholder_is_marked_inline(self):
        """The read-only body of a sent mailing shows the name's placeholder
        in the greeting's line, not as a block of its own."""
        mailing = self.offer_supervision.action_create_mailing()
        self.assertIn(
            '<p>Hello <t t-out="object.name" data-oe-t-inline="true">there</t>,</p>',
            mailing.body_arch,
        )

    def test_frequency_cap_is_not_in_the_recipients(self):
        self.nurse.max_mailings_per_month = 0
        mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(self._recipients(mailing), self.nurse)
        self.assertEqual(mailing.alumni_over_cap_count, 1)

    def test_offer_not_open_cannot_be_sent(self):
        self.offer_python.action_close()
        with self.assertRaisesRegex(UserError, "Python for Engineers"):
            self.offer_python.action_create_mailing()

    def test_marketing_user_builds_the_mailing_and_sees_its_count(self):
        Offer = self.env["alumni.evu.offer"].with_user(self.user_marketing)
        action = Offer.browse(self.offer_supervision.id).action_open_new_mailing()
        mailing = (
            self.env["mailing.mailing"].with_user(self.user_marketing).browse(action["res_id"])
        )
        self.assertEqual(action["res_model"], "mailing.mailing")
        self.assertEqual(mailing.alumni_evu_recipient_count, 1)
        self.assertEqual(mailing.alumni_over_cap_count, 0)
        self.assertEqual(mailing.user_id, self.user_marketing)

    def test_recipient_list_is_one_query(self):
        mailing = self.offer_supervision.action_create_mailing()
        domain = mailing._get_recipients_domain()
        self.env.invalidate_all()
        # Odoo's blacklist condition first looks whether anyone may be mailed
        # at all; then one query, whatever the number of people.
        with self.assertQueryCount(2):
            self.env["res.partner"].search_count(domain)


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestCampaignBody(CampaignCommon):
    """Each recipient reads their own best offers of the mailing, with why
    they get them and a link to each offer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Offer = cls.env["alumni.evu.offer"]
        common = {
            "faculty_id": cls.faculty_health.id,
            "date_start": "2026-05-04",
            "application_deadline": "2026-04-15",
            "price": 5000,
            "alumni_price": 4000,
            "programme_ids": [(6, 0, cls.programme_nursing.ids)],
            "state": "open",
            "website_published": True,
        }
        # Nina follows Nursing care: the two offers on it fit her best.
        cls.nurse.interest_ids = cls.interest_nursing
        cls.offer_wounds = Offer.create(
            {**common, "name": "Wound Care", "interest_ids": [(6, 0, cls.interest_nursing.ids)]}
        )
        cls.offer_elderly = Offer.create(
            {
                **common,
                "name": "Care for the Elderly",
                "interest_ids": [(6, 0, cls.interest_nursing.ids)],
            }
        )
        cls.offer_leadership = Offer.create({**common, "name": "Health Leadership"})
        cls.offers = (
            cls.offer_supervision
            | cls.offer_python
            | cls.offer_wounds
            | cls.offer_elderly
            | cls.offer_leadership
        )
        cls.env["alumni.evu.match"]._recompute()

    def test_scores_order_the_offers_of_the_nurse(self):
        scores = {offer.name: self._match(self.nurse, offer).score for offer in self.offers}
        self.assertEqual(
            scores,
            {
                "Clinical Supervision": 55,
                "Python for Engineers": 0,
                "Wound Care": 45,
                "Care for the Elderly": 45,
                "Health Leadership": 30,
            },
        )

    def test_each_recipient_reads_their_own_best_three_offers(self):
        mailing = self.offers.action_create_mailing()
        self.assertEqual(self._recipients(mailing), self.nurse | self.coder)
        self._send(mailing)
        nurse_mail, coder_mail = self._mail_to(self.nurse), self._mail_to(self.coder)
        self.assertEqual(len(nurse_mail), 1)
        self.assertEqual(len(coder_mail), 1)
        nurse_body, coder_body = nurse_mail[0]["body"], coder_mail[0]["body"]
        self.assertEqual(
            self._offer_names(nurse_body),
            ["Clinical Supervision", "Wound Care", "Care for the Elderly"],
        )
        self.assertEqual(self._offer_names(coder_body), ["Python for Engineers"])
        self.assertIn("Hello Nina Nurse,", nurse_body)
        self.assertIn("Hello Ivar Coder,", coder_body)

    def test_reasons_are_the_recipients_own(self):
        mailing = self.offers.action_create_mailing()
        self._send(mailing)
        nurse_body = self._mail_to(self.nurse)[0]["body"]
        coder_body = self._mail_to(self.coder)[0]["body"]
        self.assertIn("Why you get this:", nurse_body)
        self.assertIn("You studied Bachelor in Nursing (2015)", nurse_body)
        self.assertIn("You follow Nursing care", nurse_body)
        self.assertIn("You studied Bachelor in IT (2015)", coder_body)
        self.assertNotIn("Nursing", coder_body)
        # The editor's placeholder texts are not sent.
        self.assertNotIn("[The recipient's best offers", nurse_body)
        self.assertNotIn("[Link to the recipient's preferences]", nurse_body)

    def test_offer_without_reasons_shows_no_empty_reasons(self):
        self.assertEqual(_reasons_html("Why you get this:", ""), "")
        self.assertEqual(
            _reasons_html("Why:", "One <b>\n\n Two"),
            '<p class="o_alumni_evu_reasons" style="margin: 0px 0px 12px 0px; padding: 8px; '
            'background-color: #f4f6f8;"><strong>Why:</strong><br/>One &lt;b&gt;<br/>Two</p>',
        )

    def test_offer_links_are_tracked_links_to_the_offer_pages(self):
        mailing = self.offers.action_create_mailing()
        self._send(mailing)
        coder_body = self._mail_to(self.coder)[0]["body"]
        links = set(re.findall(r'href="([^"]*/r/[^"]*)"', coder_body))
        self.assertTrue(links)
        trackers = self.env["link.tracker"].search([("mass_mailing_id", "=", mailing.id)])
        python_url = self.offer_python.get_base_url() + self.offer_python.website_url
        self.assertIn(python_url, trackers.mapped("url"))
        tracker = trackers.filtered(lambda t: t.url == python_url)
        self.assertTrue(all(link.startswith(tracker.short_url) for link in links))
        self.assertEqual(tracker.campaign_id, mailing.campaign_id)

    def test_footer_has_preferences_link_and_unsubscribe(self):
        mailing = self.offers.action_create_mailing()
        self._send(mailing)
        body = self._mail_to(self.nurse)[0]["body"]
        preferences = re.findall(r'href="([^"]*/alumni/evu/preferences/[^"]*)"', body)
        self.assertEqual(len(preferences), 1)
        self.assertIn(f"/alumni/evu/preferences/{self.nurse.id}/", preferences[0])
        self.assertIn(f"/mailing/{mailing.id}/confirm_unsubscribe", body)

    def test_web_version_shows_the_offers_too(self):
        mailing = self.offers.action_create_mailing()
        body = mailing._render_field("body_html", [self.coder.id])[self.coder.id]
        self.assertEqual(self._offer_names(body), ["Python for Engineers"])

    @staticmethod
    def _offer_names(body):
        return re.findall(r"<h3[^>]*>\s*<a[^>]*>([^<]+)</a>", body)
