# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import NOW, AlumniEvuCommon

CAMPAIGN_COUNTS = [
    "sent_count",
    "skipped_cap_count",
    "skipped_consent_count",
    "skipped_other_count",
    "failed_count",
    "opened_count",
    "clicked_count",
    "application_count",
    "enrollment_count",
    "member_enrollment_count",
    "benefit_value",
]


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestConversion(AlumniEvuCommon):
    """The campaign and offer analyses on a small known campaign.

    The supervision mailing reached eight people: four opened it, three of
    them clicked; two more were skipped (one over the frequency cap, one
    who had withdrawn consent), one was blacklisted, one bounced. From it,
    three applied: a member (free seat), a graduate (alumni price) and a
    stranger, who later cancelled; the member and the graduate enrolled.
    One more graduate applied to the offer outside any mailing and enrolled.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.people = Partner.create(
            [{"name": f"Reader {i}", "email": f"reader{i}@example.no"} for i in range(12)]
        )
        cls.member = cls._graduate("Mette Member", cls.programme_nursing, 2015)
        cls.member.network_state = "member"
        cls.graduate = cls._graduate("Gro Graduate", cls.programme_nursing, 2016)
        cls.walk_in = cls._graduate("Wenche Walk-in", cls.programme_nursing, 2017)
        cls.stranger = cls._create_person("Siri Stranger", email="siri@example.org")

        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Clinical supervision for you",
                "mailing_model_id": cls.env.ref("base.model_res_partner").id,
                "alumni_evu_offer_ids": [(6, 0, cls.offer_supervision.ids)],
            }
        )
        cls.other_mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Newsletter",
                "mailing_model_id": cls.env.ref("base.model_res_partner").id,
            }
        )
        sent = {"trace_status": "sent", "sent_datetime": NOW}
        statuses = [
            dict(sent, trace_status="open", open_datetime=NOW, links_click_datetime=NOW),
            dict(sent, trace_status="open", open_datetime=NOW, links_click_datetime=NOW),
            dict(sent, trace_status="reply", open_datetime=NOW, links_click_datetime=NOW),
            dict(sent, trace_status="open", open_datetime=NOW),
            sent,
            sent,
            sent,
            sent,
            {"trace_status": "cancel", "failure_type": "alumni_frequency_cap"},
            {"trace_status": "cancel", "failure_type": "alumni_consent_withdrawn"},
            {"trace_status": "cancel", "failure_type": "mail_bl"},
            {"trace_status": "bounce", "failure_type": "mail_bounce", "sent_datetime": NOW},
        ]
        Trace = cls.env["mailing.trace"]
        Trace.create(
            [
                {
                    "mass_mailing_id": cls.mailing.id,
                    "model": "res.partner",
                    "res_id": person.id,
                    "email": person.email,
                    **values,
                }
                for person, values in zip(cls.people, statuses, strict=True)
            ]
        )
        # A mailing without offers is no campaign of continuing education.
        Trace.create(
            {
                "mass_mailing_id": cls.other_mailing.id,
                "model": "res.partner",
                "res_id": cls.people[0].id,
                **sent,
            }
        )
        from_mailing = {"mailing_id": cls.mailing.id}
        cls.enrolled_member = cls._apply_for(cls.offer_supervision, cls.member, **from_mailing)
        cls.enrolled_graduate = cls._apply_for(cls.offer_supervision, cls.graduate, **from_mailing)
        cls._apply_for(cls.offer_supervision, cls.stranger, **from_mailing).action_cancel()
        cls.enrolled_walk_in = cls._apply_for(cls.offer_supervision, cls.walk_in)
        (cls.enrolled_member | cls.enrolled_graduate | cls.enrolled_walk_in).action_enroll()
        cls.env.flush_all()

    def _campaign(self, mailing):
        Report = self.env["alumni.evu.campaign.report"]
        return Report.search([("mailing_id", "=", mailing.id)])

    def test_campaign_figures(self):
        row = self._campaign(self.mailing)
        self.assertEqual(
            [row[name] for name in CAMPAIGN_COUNTS],
            # sent, cap, consent, other, failed, opened, clicked,
            # applications, enrolments, members enrolled, benefits
            [9, 1, 1, 1, 1, 4, 3, 2, 2, 1, 12000 + 4000],
        )
        self.assertAlmostEqual(row.open_rate, 4 * 100 / 9)
        self.assertAlmostEqual(row.click_rate, 3 * 100 / 9)
        self.assertAlmostEqual(row.application_rate, 2 * 100 / 9)
        self.assertAlmostEqual(row.member_share, 50.0)

    def test_a_mailing_without_offers_is_not_a_campaign(self):
        self.assertFalse(self._campaign(self.other_mailing))

    def test_offer_figures(self):
        row = self.env["alumni.evu.offer.report"].search(
            [("offer_id", "=", self.offer_supervision.id)]
        )
        self.assertEqual(row.mailing_count, 1)
        self.assertEqual(row.mailed_count, 9)
        self.assertEqual(row.clicked_count, 3)
        self.assertEqual(row.application_count, 3)
        self.assertEqual(row.mailing_application_count, 2)
        self.assertEqual(row.enrollment_count, 3)
        self.assertEqual(row.member_enrollment_count, 1)
        self.assertEqual(row.benefit_value, 12000 + 4000 + 4000)
        self.assertAlmostEqual(row.member_share, 100 / 3)
        self.assertAlmostEqual(row.enrollment_rate, 100.0)

    def test_grouped_rates_are_shares_of_the_sums(self):
        # The IT offer has no enrolment: grouped with supervision, the
        # members' share is 1 of 3, not the average of 33.3% and 0%.
        Report = self.env["alumni.evu.offer.report"]
        groups = Report._read_group(
            [("offer_id", "in", (self.offer_supervision | self.offer_python).ids)],
            [],
            ["member_share:avg", "enrollment_count:sum"],
        )
        share, enrolled = groups[0]
        self.assertEqual(enrolled, 3)
        self.assertAlmostEqual(share, 100 / 3)

    def test_marketing_reads_the_analyses_but_not_the_applications(self):
        Report = self.env["alumni.evu.campaign.report"].with_user(self.user_marketing)
        self.assertEqual(Report.search([("mailing_id", "=", self.mailing.id)]).sent_count, 9)
        self.assertTrue(
            self.env["alumni.evu.offer.report"].with_user(self.user_marketing).search([])
        )
        with self.assertRaises(AccessError):
            self.env["alumni.evu.enrollment"].with_user(self.user_marketing).search([])

    def test_portal_users_read_no_analysis(self):
        with self.assertRaises(AccessError):
            self.env["alumni.evu.campaign.report"].with_user(self.user_portal).search([])
        with self.assertRaises(AccessError):
            self.env["alumni.evu.offer.report"].with_user(self.user_portal).search([])
