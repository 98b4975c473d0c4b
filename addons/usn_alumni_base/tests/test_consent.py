# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import NOW, AlumniCommon


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestConsent(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alumna = cls._create_person("Ingrid Alumna", email="ingrid@example.com")
        cls.alumnus = cls._create_person("Jonas Alumnus", email="jonas@example.com")
        cls.portal_partner = cls.user_portal.partner_id

    def test_shipped_purposes(self):
        codes = set(self.env["alumni.consent.purpose"].search([]).mapped("code"))
        self.assertLessEqual({"evu_email", "newsletter", "event_invitation", "directory"}, codes)

    def test_last_answer_wins_and_history_is_kept(self):
        self.alumna._record_consent("evu_email", "given", "portal", evidence="form v1")
        with freeze_time("2026-04-01 08:00:00"):
            self.alumna._record_consent("evu_email", "withdrawn", "email")
        history = self.alumna.consent_ids.filtered(lambda c: c.purpose_id.code == "evu_email")
        self.assertEqual(len(history), 2)
        self.assertEqual(history.filtered("is_current").state, "withdrawn")
        self.assertEqual(self.alumna.current_consent_ids.state, "withdrawn")
        self.assertFalse(self.alumna._has_consent("evu_email"))
        with freeze_time("2026-05-01 08:00:00"):
            self.alumna._record_consent("evu_email", "given", "staff")
        self.assertTrue(self.alumna._has_consent("evu_email"))
        self.assertEqual(len(self.alumna.consent_ids), 3)
        self.assertEqual(len(self.alumna.consent_ids.filtered("is_current")), 1)

    def test_answer_keeps_the_wording_version(self):
        purpose = self.env.ref("usn_alumni_base.consent_purpose_newsletter")
        purpose.wording_version = "2026-1"
        answer = self.alumna._record_consent("newsletter", "given", "website")
        self.assertEqual(answer.wording_version, "2026-1")

    def test_consent_is_per_purpose(self):
        self.alumna._record_consent("newsletter", "given", "portal")
        self.assertTrue(self.alumna._has_consent("newsletter"))
        self.assertFalse(self.alumna._has_consent("evu_email"))

    def test_set_wise_consent_lookup(self):
        people = self.alumna | self.alumnus
        people._record_consent("event_invitation", "given", "import")
        self.alumnus._record_consent("event_invitation", "withdrawn", "email")
        with self.assertQueryCount(1):
            consenting = people._has_consent("event_invitation")
        self.assertEqual(consenting, self.alumna)
        domain = self.env["res.partner"]._consent_domain("event_invitation")
        self.assertEqual(self.env["res.partner"].search(domain), self.alumna)

    def test_answers_cannot_be_rewritten(self):
        answer = self.alumna._record_consent("directory", "given", "portal")
        for user in (self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "cannot be changed"):
                    answer.with_user(user).write({"state": "withdrawn"})
        self.assertEqual(answer.state, "given")

    def test_unknown_purpose_is_a_clear_error(self):
        with self.assertRaisesRegex(UserError, "no consent purpose with code “sms”"):
            self.alumna._record_consent("sms", "given", "portal")

    def test_portal_user_answers_for_themselves_only(self):
        Consent = self.env["alumni.consent"].with_user(self.user_portal)
        purpose = self.env.ref("usn_alumni_base.consent_purpose_newsletter")
        own = Consent.create(
            {"partner_id": self.portal_partner.id, "purpose_id": purpose.id, "source": "portal"}
        )
        self.assertTrue(own.is_current)
        with self.assertRaises(AccessError):
            Consent.create(
                {"partner_id": self.alumna.id, "purpose_id": purpose.id, "source": "portal"}
            )
