# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import NOW
from .test_campaign import CampaignCommon

NOW_DT = datetime.fromisoformat(NOW)


class FrequencyCapCommon(CampaignCommon):
    def _newsletter(self, people, subject="Alumni newsletter"):
        """A mailing to ``people`` that has nothing to do with continuing
        education."""
        body = "<p>News from the university.</p>"
        return self.env["mailing.mailing"].create(
            {
                "subject": subject,
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "in", people.ids)]),
                "body_arch": body,
                "body_html": body,
            }
        )

    def _sent_days_ago(self, mailing, days):
        with freeze_time(NOW_DT - timedelta(days=days)):
            self._send(mailing)
        return mailing

    def assertSkipped(self, mailing, person, failure_type):
        trace = self._trace(mailing, person)
        self.assertEqual(len(trace), 1)
        self.assertEqual(trace.trace_status, "cancel")
        self.assertEqual(trace.failure_type, failure_type)
        self.assertFalse(
            self._mail_to(person), f"{person.name} was sent a mail: {failure_type} expected"
        )

    def assertSent(self, mailing, person):
        self.assertEqual(self._trace(mailing, person).trace_status, "sent")
        self.assertEqual(len(self._mail_to(person)), 1)


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestFrequencyCap(FrequencyCapCommon):
    """When any mailing is sent, a person who already had as many mailings in
    the last 30 days as they accept is skipped, with the reason on the trace;
    so is a person who withdrew their consent since an offers mailing was
    built."""

    def test_person_under_their_limit_is_sent(self):
        self._sent_days_ago(self._newsletter(self.nurse), 3)
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertEqual(self.nurse.max_mailings_per_month, 4)
        self.assertSent(mailing, self.nurse)
        self.assertEqual(mailing.alumni_skipped_cap_count, 0)

    def test_person_at_their_limit_is_skipped_after_a_newsletter(self):
        self.nurse.max_mailings_per_month = 1
        newsletter = self._sent_days_ago(self._newsletter(self.nurse), 3)
        self.assertEqual(self._trace(newsletter, self.nurse).trace_status, "sent")
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertSkipped(mailing, self.nurse, "alumni_frequency_cap")
        self.assertEqual(mailing.alumni_skipped_cap_count, 1)
        self.assertEqual(mailing.canceled, 1)

    def test_limit_of_zero_means_no_mailing_at_all(self):
        self.nurse.max_mailings_per_month = 0
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertSkipped(mailing, self.nurse, "alumni_frequency_cap")
        newsletter = self._newsletter(self.nurse | self.coder)
        self._send(newsletter)
        self.assertSkipped(newsletter, self.nurse, "alumni_frequency_cap")
        self.assertSent(newsletter, self.coder)

    def test_mailings_older_than_30_days_do_not_count(self):
        self.nurse.max_mailings_per_month = 1
        self._sent_days_ago(self._newsletter(self.nurse), 31)
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertSent(mailing, self.nurse)

    def test_limit_applies_to_mailings_that_are_not_about_offers(self):
        self.nurse.max_mailings_per_month = 1
        self._sent_days_ago(self.offer_supervision.action_create_mailing(), 2)
        newsletter = self._newsletter(self.nurse)
        self._send(newsletter)
        self.assertSkipped(newsletter, self.nurse, "alumni_frequency_cap")
        self.assertEqual(newsletter.alumni_skipped_cap_count, 1)

    def test_mailing_still_in_the_queue_counts(self):
        # Two mailings queued before the mail queue runs: the first one's
        # message is on its way, the second one is skipped.
        self.env["ir.config_parameter"].set_param("mail.mail.force.send.limit", "0")
        self.nurse.max_mailings_per_month = 1
        people = self.nurse | self.coder
        first, second = self._newsletter(people), self._newsletter(people, "Second")
        with self.mock_mail_gateway():
            first.action_send_mail()
            second.action_send_mail()
        self.assertEqual(self._trace(first, self.nurse).trace_status, "outgoing")
        self.assertEqual(self._trace(second, self.nurse).failure_type, "alumni_frequency_cap")

    def test_failed_or_bounced_mailings_do_not_count(self):
        self.nurse.max_mailings_per_month = 1
        newsletter = self._sent_days_ago(self._newsletter(self.nurse), 2)
        self._trace(newsletter, self.nurse).set_bounced()
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertSent(mailing, self.nurse)

    def test_consent_withdrawn_after_the_mailing_was_built_is_skipped(self):
        with freeze_time(NOW_DT - timedelta(hours=2)):
            mailing = self.offer_supervision.action_create_mailing()
        self.assertEqual(self._recipients(mailing), self.nurse)
        self.nurse._record_consent("evu_email", "withdrawn", "portal")
        self._send(mailing)
        self.assertSkipped(mailing, self.nurse, "alumni_consent_withdrawn")
        self.assertEqual(mailing.alumni_skipped_consent_count, 1)

    def test_consent_withdrawn_before_the_mailing_leaves_no_trace(self):
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        for person in (self.nurse_withdrawn, self.nurse_silent, self.follower):
            with self.subTest(person=person.name):
                self.assertFalse(self._trace(mailing, person))
        self.assertEqual(mailing.mailing_trace_ids.res_id, self.nurse.id)

    def test_consent_is_checked_again_when_the_domain_was_edited(self):
        # A marketer removed the consent condition: the people without it are
        # still skipped when the mailing is sent, with the reason.
        mailing = self.offer_supervision.action_create_mailing()
        mailing.mailing_domain = repr(
            [("id", "in", (self.nurse | self.nurse_silent | self.nurse_withdrawn).ids)]
        )
        self._send(mailing)
        self.assertSent(mailing, self.nurse)
        self.assertSkipped(mailing, self.nurse_silent, "alumni_consent_missing")
        self.assertSkipped(mailing, self.nurse_withdrawn, "alumni_consent_withdrawn")

    def test_contact_of_a_mailing_list_counts_as_the_person_with_that_address(self):
        self.nurse.max_mailings_per_month = 0
        mailing_list = self.env["mailing.list"].create(
            {
                "name": "Newsletter",
                "contact_ids": [
                    (0, 0, {"name": "Nina", "email": self.nurse.email.upper()}),
                    (0, 0, {"name": "Ivar", "email": self.coder.email}),
                ],
            }
        )
        body = "<p>News</p>"
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "List news",
                "mailing_model_id": self.env["ir.model"]._get_id("mailing.list"),
                "contact_list_ids": [(6, 0, mailing_list.ids)],
                "body_arch": body,
                "body_html": body,
            }
        )
        self._send(mailing)
        traces = mailing.mailing_trace_ids
        nurse_trace = traces.filtered(lambda t: t.alumni_partner_id == self.nurse)
        coder_trace = traces.filtered(lambda t: t.alumni_partner_id == self.coder)
        self.assertEqual(nurse_trace.failure_type, "alumni_frequency_cap")
        self.assertEqual(coder_trace.trace_status, "sent")

    def test_skipped_recipients_are_listed_with_their_reason(self):
        self.nurse.max_mailings_per_month = 0
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        action = mailing.action_view_traces_alumni_skipped()
        self.assertTrue(action["context"]["search_default_filter_alumni_skipped"])
        skipped = self.env["mailing.trace"].search(
            [
                ("mass_mailing_id", "=", mailing.id),
                ("trace_status", "=", "cancel"),
                ("failure_type", "in", ["alumni_frequency_cap", "alumni_consent_withdrawn"]),
            ]
        )
        self.assertEqual(skipped.alumni_partner_id, self.nurse)
        self.assertEqual(
            dict(skipped._fields["failure_type"]._description_selection(self.env))[
                skipped.failure_type
            ],
            "Monthly mailing limit reached",
        )

    def test_person_is_recorded_on_traces(self):
        mailing = self.offer_supervision.action_create_mailing()
        self._send(mailing)
        self.assertEqual(self._trace(mailing, self.nurse).alumni_partner_id, self.nurse)


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestSendingCost(FrequencyCapCommon):
    """Queueing a batch of a mailing costs the same number of queries for 5
    people as for 25: the limits, the consents, the offers of each
    recipient and the addresses already mailed are read once per batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nurses = cls.env["res.partner"].browse(
            [cls._person(f"Nurse {n}", cls.programme_nursing).id for n in range(5)]
        )
        cls.coders = cls.env["res.partner"].browse(
            [cls._person(f"Coder {n}", cls.programme_it).id for n in range(25)]
        )
        cls.env["alumni.evu.match"]._recompute()
        # Measure the queueing only: no mail is sent right away.
        cls.env["ir.config_parameter"].set_param("mail.mail.force.send.limit", "0")
        # Everyone had one mailing this month.
        with freeze_time(NOW_DT - timedelta(days=5)):
            earlier = cls.env["mailing.mailing"].create(
                {
                    "subject": "Earlier",
                    "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": repr([("id", "in", (cls.nurses | cls.coders).ids)]),
                    "body_html": "<p>Earlier</p>",
                }
            )
            earlier.action_send_mail()

    def _warm_up(self, mailing):
        """Send a first mailing of the kind: templates, views and parameters
        are then read, as they are for every batch but the very first."""
        with self.mock_mail_gateway():
            mailing.action_send_mail()
        self.assertTrue(mailing.mailing_trace_ids)

    def test_offers_mailing_batch_queries_do_not_grow_with_the_batch(self):
        self._warm_up(self.offer_supervision.action_create_mailing())
        for offer, people in (
            (self.offer_python, self.coders),
            (self.offer_supervision, self.nurses),
        ):
            mailing = offer.action_create_mailing()
            mailing.mailing_domain = repr(
                [("id", "in", people.ids), *mailing._alumni_evu_recipient_domain()]
            )
            self.assertEqual(len(self._recipients(mailing)), len(people))
            self.env.invalidate_all()
            with self.subTest(recipients=len(people)), self.assertQueryCount(__system__=50):
                mailing.action_send_mail()
            self.assertEqual(len(mailing.mailing_trace_ids), len(people))
            self.assertEqual(set(mailing.mailing_trace_ids.mapped("trace_status")), {"outgoing"})

    def test_newsletter_batch_queries_do_not_grow_with_the_batch(self):
        self._warm_up(self._newsletter(self.nurse | self.coder))
        for people in (self.coders, self.nurses):
            mailing = self._newsletter(people)
            self.env.invalidate_all()
            with self.subTest(recipients=len(people)), self.assertQueryCount(__system__=26):
                mailing.action_send_mail()
            self.assertEqual(len(mailing.mailing_trace_ids), len(people))
