# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import NOW, AlumniCommon


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestDuplicates(AlumniCommon):
    def _pair(self, first, second):
        low, high = sorted((first, second), key=lambda partner: partner.id)
        return self.env["alumni.duplicate.candidate"].search(
            [("partner_id", "=", low.id), ("duplicate_id", "=", high.id)]
        )

    def test_find_lists_pairs_with_score_and_reasons(self):
        Candidate = self.env["alumni.duplicate.candidate"]
        mail_a = self._create_person("Anne Lie", email="Anne.Lie@Example.com")
        mail_b = self._create_person("A. Lie", email="anne.lie@example.com")
        born_a = self._create_person("Kari Nordmann", birth_date="1990-05-17")
        born_b = self._create_person("kari nordmann", birth_date="1990-05-17")
        fuzzy_a = self._create_person("Bjørn Ærø Hansen", birth_date="1985-01-02")
        fuzzy_b = self._create_person("Bjørn Ærø Hanssen", birth_date="1985-01-02")
        phone_a = self._create_person("Per Phone", phone="+4791234567")
        phone_b = self._create_person("Pål Phone", phone="+4791234567")
        stranger = self._create_person("Nils Other", birth_date="1985-01-02")
        Candidate.action_find()

        pair = self._pair(mail_a, mail_b)
        self.assertEqual(pair.score, 70)
        self.assertEqual(pair.reasons, "same e-mail")
        pair = self._pair(born_a, born_b)
        self.assertIn("same name and birth date", pair.reasons)
        self.assertIn("similar name and same birth date", pair.reasons)
        self.assertEqual(pair.score, 100)
        pair = self._pair(fuzzy_a, fuzzy_b)
        self.assertEqual(pair.reasons, "similar name and same birth date")
        self.assertEqual(pair.score, 40)
        self.assertEqual(self._pair(phone_a, phone_b).reasons, "same phone")
        found = Candidate.search([])
        self.assertNotIn(stranger, found.partner_id | found.duplicate_id)

    def test_dismissed_pair_stays_dismissed(self):
        Candidate = self.env["alumni.duplicate.candidate"]
        first = self._create_person("Twin One", email="twins@example.com")
        second = self._create_person("Twin Two", email="twins@example.com")
        Candidate.action_find()
        self._pair(first, second).action_dismiss()
        Candidate.action_find()
        pair = self._pair(first, second)
        self.assertEqual(len(pair), 1)
        self.assertEqual(pair.state, "dismissed")

    def test_merge_carries_records_of_both_people(self):
        kept = self._create_person("Åse Ødegård", email="ase@example.com", student_number="210001")
        other = self._create_person("Ase Odegard", email="ase@example.com")
        completed = self._enroll(
            kept,
            self.programme_nursing,
            start="2010-08-15",
            state="completed",
            end_date="2013-06-20",
        )
        active = self._enroll(other, self.programme_health_master, start="2022-08-15")
        application = self._apply(other, self.programme_it_master)
        kept._record_consent("newsletter", "given", "import")
        with freeze_time("2026-03-05 09:00:00"):
            other._record_consent("newsletter", "withdrawn", "email")
        other._record_consent("evu_email", "given", "portal")
        position = self.env["alumni.career.position"].create(
            {"partner_id": other.id, "title": "Nurse", "employer_name": "Sykehuset Telemark"}
        )
        sibling = self._create_person("Eva Ødegård")
        self.env["alumni.partner.relation"].create(
            {"partner_id": other.id, "related_partner_id": sibling.id, "kind": "sibling"}
        )
        self.env["alumni.duplicate.candidate"].action_find()
        pair = self._pair(kept, other)
        self.assertTrue(pair)

        pair.action_merge()

        self.assertFalse(other.exists())
        self.assertEqual(kept.student_number, "210001")
        self.assertEqual(kept.enrollment_ids, completed | active)
        self.assertEqual(kept.application_ids, application)
        self.assertEqual(kept.career_position_ids, position)
        self.assertEqual(kept.relation_ids.related_partner_id, sibling)
        self.assertEqual(sibling.relation_ids.related_partner_id, kept)
        newsletter = kept.consent_ids.filtered(lambda c: c.purpose_id.code == "newsletter")
        self.assertEqual(len(newsletter), 2)
        self.assertEqual(newsletter.filtered("is_current").state, "withdrawn")
        self.assertTrue(kept._has_consent("evu_email"))
        self.assertFalse(kept._has_consent("newsletter"))
        self.assertEqual(kept.lifecycle_stage, "student")
        self.assertEqual(kept.graduation_year, 2013)
        kinds = set(kept.lifecycle_event_ids.mapped("kind"))
        self.assertLessEqual({"enrollment", "graduation", "application"}, kinds)
