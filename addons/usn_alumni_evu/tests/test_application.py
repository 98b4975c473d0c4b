# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import NOW, AlumniEvuCommon


@freeze_time(NOW)
class TestApplication(AlumniEvuCommon):
    """Who may apply, the benefit each applicant gets, the timeline and the
    campaign an application comes from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.berit = cls._graduate(
            "Berit Graduate", cls.programme_nursing, 2015, email="berit@example.com"
        )
        cls.mia = cls._graduate("Mia Member", cls.programme_nursing, 2012, network_state="member")
        cls.maja = cls._graduate("Maja Member", cls.programme_nursing, 2013, network_state="member")
        cls.mons = cls._graduate("Mons Member", cls.programme_nursing, 2014, network_state="member")
        cls.stranger = cls._create_person("Sven Stranger", email="sven@example.com")

    def _count(self, offer=None):
        """The applications for ``offer``, else for the offers of the tests."""
        offers = offer or (self.offer_supervision | self.offer_python)
        return self.env["alumni.evu.enrollment"].search_count([("offer_id", "in", offers.ids)])

    # ------------------------------------------------------------------
    # Refusals
    # ------------------------------------------------------------------

    def test_application_after_deadline_refused(self):
        self.offer_supervision.application_deadline = "2026-03-01"
        with self.assertRaises(UserError) as caught:
            self._apply_for(self.offer_supervision, self.berit)
        self.assertIn("deadline", str(caught.exception))
        self.assertIn("Clinical Supervision", str(caught.exception))
        self.assertEqual(self._count(), 0)

    def test_application_on_deadline_day_accepted(self):
        self.offer_supervision.application_deadline = "2026-03-02"
        self.assertTrue(self._apply_for(self.offer_supervision, self.berit))

    def test_application_to_closed_offer_refused(self):
        self.offer_supervision.action_close()
        with self.assertRaises(UserError) as caught:
            self._apply_for(self.offer_supervision, self.berit)
        self.assertIn("not open", str(caught.exception))
        self.assertEqual(self._count(), 0)

    def test_application_to_draft_offer_refused(self):
        self.offer_supervision.action_draft()
        with self.assertRaises(UserError):
            self._apply_for(self.offer_supervision, self.berit)
        self.assertEqual(self._count(), 0)

    def test_application_to_full_offer_refused(self):
        self.offer_supervision.write({"seats_max": 1, "member_free_seats": 0})
        self._apply_for(self.offer_supervision, self.berit)
        with self.assertRaises(UserError) as caught:
            self._apply_for(self.offer_supervision, self.stranger)
        self.assertIn("is full", str(caught.exception))
        self.assertEqual(self._count(self.offer_supervision), 1)

    def test_batch_beyond_the_seats_refused_whole(self):
        self.offer_supervision.seats_max = 2
        Enrollment = self.env["alumni.evu.enrollment"]
        with self.assertRaises(UserError):
            Enrollment.create(
                [
                    {"offer_id": self.offer_supervision.id, "partner_id": person.id}
                    for person in (self.berit, self.stranger, self.mia)
                ]
            )
        self.assertEqual(self._count(), 0)

    def test_second_application_refused(self):
        self._apply_for(self.offer_supervision, self.berit)
        with self.assertRaises(UserError) as caught:
            self._apply_for(self.offer_supervision, self.berit)
        self.assertIn("Berit Graduate has already applied", str(caught.exception))
        self.assertEqual(self._count(), 1)

    def test_twice_within_one_batch_refused(self):
        Enrollment = self.env["alumni.evu.enrollment"]
        with self.assertRaises(UserError) as caught:
            Enrollment.create(
                [
                    {"offer_id": self.offer_supervision.id, "partner_id": self.berit.id},
                    {"offer_id": self.offer_python.id, "partner_id": self.berit.id},
                    {"offer_id": self.offer_supervision.id, "partner_id": self.berit.id},
                ]
            )
        self.assertIn("already applied", str(caught.exception))
        self.assertEqual(self._count(), 0)

    def test_same_person_may_apply_for_two_offers(self):
        self._apply_for(self.offer_supervision, self.berit)
        self._apply_for(self.offer_python, self.berit)
        self.assertEqual(self._count(), 2)

    def test_cancelled_application_may_be_made_again(self):
        first = self._apply_for(self.offer_supervision, self.berit)
        first.action_cancel()
        second = self._apply_for(self.offer_supervision, self.berit)
        self.assertEqual(second.state, "applied")
        # ... but the cancelled one may not come back beside it.
        with self.assertRaises(UserError):
            first.state = "applied"

    def test_application_cannot_move_to_another_person(self):
        enrollment = self._apply_for(self.offer_supervision, self.berit)
        with self.assertRaises(UserError):
            enrollment.partner_id = self.stranger

    # ------------------------------------------------------------------
    # Benefits
    # ------------------------------------------------------------------

    def _assert_benefit(self, enrollment, benefit, price, value):
        self.assertEqual(
            (enrollment.benefit, enrollment.price, enrollment.benefit_value),
            (benefit, price, value),
        )

    def test_member_within_free_seats_gets_a_free_seat(self):
        enrollment = self._apply_for(self.offer_supervision, self.mia)
        self._assert_benefit(enrollment, "member_seat", 0, 12000)

    def test_member_after_free_seats_gets_the_alumni_price(self):
        self._apply_for(self.offer_supervision, self.mia)
        self._apply_for(self.offer_supervision, self.maja)
        third = self._apply_for(self.offer_supervision, self.mons)
        self._assert_benefit(third, "alumni_price", 8000, 4000)
        self.assertEqual(self.offer_supervision.member_free_seats_taken, 2)

    def test_free_seats_in_order_within_one_batch(self):
        first, second, third = self.env["alumni.evu.enrollment"].create(
            [
                {"offer_id": self.offer_supervision.id, "partner_id": person.id}
                for person in (self.mia, self.maja, self.mons)
            ]
        )
        self.assertEqual(
            [first.benefit, second.benefit, third.benefit],
            ["member_seat", "member_seat", "alumni_price"],
        )

    def test_cancelled_free_seat_goes_to_the_next_member(self):
        mia = self._apply_for(self.offer_supervision, self.mia)
        self._apply_for(self.offer_supervision, self.maja)
        mia.action_cancel()
        self._assert_benefit(
            self._apply_for(self.offer_supervision, self.mons), "member_seat", 0, 12000
        )

    def test_offer_without_free_seats_gives_members_the_alumni_price(self):
        self._assert_benefit(
            self._apply_for(self.offer_python, self.mia), "alumni_price", 4500, 1500
        )

    def test_graduate_gets_the_alumni_price(self):
        self._assert_benefit(
            self._apply_for(self.offer_supervision, self.berit), "alumni_price", 8000, 4000
        )

    def test_graduate_of_another_faculty_gets_the_alumni_price(self):
        engineer = self._graduate("Erik Engineer", self.programme_it, 2018)
        self._assert_benefit(
            self._apply_for(self.offer_supervision, engineer), "alumni_price", 8000, 4000
        )

    def test_graduate_pays_the_price_of_an_offer_without_alumni_price(self):
        offer = self.offer_supervision.copy({"name": "Clinical Ethics", "alumni_price": 12000})
        offer.action_open()
        self._assert_benefit(self._apply_for(offer, self.berit), "none", 12000, 0)

    def test_stranger_pays_the_price(self):
        self._assert_benefit(
            self._apply_for(self.offer_supervision, self.stranger), "none", 12000, 0
        )

    def test_student_is_no_former_student(self):
        student = self._create_person("Siv Student")
        self._enroll(student, self.programme_nursing, start="2024-08-15", state="active")
        self._assert_benefit(self._apply_for(self.offer_supervision, student), "none", 12000, 0)

    def test_pending_member_gets_no_free_seat(self):
        pending = self._graduate(
            "Per Pending", self.programme_nursing, 2016, network_state="pending"
        )
        self._assert_benefit(
            self._apply_for(self.offer_supervision, pending), "alumni_price", 8000, 4000
        )

    def test_benefit_cannot_be_changed_by_hand(self):
        enrollment = self._apply_for(self.offer_supervision, self.stranger, benefit="member_seat")
        self._assert_benefit(enrollment, "none", 12000, 0)

    # ------------------------------------------------------------------
    # Timeline
    # ------------------------------------------------------------------

    def _timeline(self, partner, kind):
        return self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", partner.id), ("kind", "=", kind)]
        )

    def test_application_and_enrolment_on_the_timeline(self):
        self.offer_supervision.course_id = self.env["alumni.programme"].create(
            {
                "code": "EVU-VEIL",
                "name": "Clinical Supervision (course)",
                "level": "evu",
                "faculty_id": self.faculty_health.id,
            }
        )
        enrollment = self._apply_for(self.offer_supervision, self.berit)
        applied = self._timeline(self.berit, "evu_application")
        self.assertEqual(len(applied), 1)
        self.assertEqual((applied.res_model, applied.res_id), (enrollment._name, enrollment.id))
        self.assertEqual(applied.programme_id, self.offer_supervision.course_id)
        self.assertEqual(applied.name, "Clinical Supervision")
        self.assertEqual(str(applied.date), NOW)
        self.assertFalse(self._timeline(self.berit, "evu_enrollment"))

        enrollment.action_enroll()
        self.assertEqual(enrollment.state, "enrolled")
        self.assertEqual(str(enrollment.date_enrolled), NOW)
        enrolled = self._timeline(self.berit, "evu_enrollment")
        self.assertEqual(len(enrolled), 1)
        self.assertEqual(enrolled.res_id, enrollment.id)
        # Enrolling again writes no second row.
        enrollment.action_enroll()
        self.assertEqual(len(self._timeline(self.berit, "evu_enrollment")), 1)

    def test_enrolled_at_once_writes_both_rows(self):
        self._apply_for(self.offer_supervision, self.berit, state="enrolled")
        self.assertEqual(len(self._timeline(self.berit, "evu_application")), 1)
        self.assertEqual(len(self._timeline(self.berit, "evu_enrollment")), 1)

    def test_stranger_who_applies_becomes_a_prospect(self):
        self.assertFalse(self.stranger.lifecycle_stage)
        self._apply_for(self.offer_supervision, self.stranger)
        self.assertEqual(self.stranger.lifecycle_stage, "prospect")

    def test_deleted_application_leaves_the_timeline(self):
        enrollment = self._apply_for(self.offer_supervision, self.berit)
        enrollment.unlink()
        self.assertFalse(self._timeline(self.berit, "evu_application"))

    # ------------------------------------------------------------------
    # Campaign
    # ------------------------------------------------------------------

    def test_application_from_a_mailing_source_gets_the_mailing_and_campaign(self):
        campaign = self.env["utm.campaign"].create({"name": "EVU spring 2026"})
        mailing = self.env["mailing.mailing"].create(
            {"subject": "Clinical supervision this spring", "campaign_id": campaign.id}
        )
        enrollment = self._apply_for(
            self.offer_supervision, self.berit, source_id=mailing.source_id.id
        )
        self.assertEqual(enrollment.mailing_id, mailing)
        self.assertEqual(enrollment.campaign_id, campaign)
        self.assertEqual(enrollment.medium_id, mailing.medium_id)

    def test_application_with_a_mailing_gets_its_source(self):
        mailing = self.env["mailing.mailing"].create({"subject": "Python for engineers"})
        enrollment = self._apply_for(self.offer_python, self.berit, mailing_id=mailing.id)
        self.assertEqual(enrollment.source_id, mailing.source_id)

    def test_application_from_another_source_has_no_mailing(self):
        source = self.env["utm.source"].create({"name": "LinkedIn post"})
        enrollment = self._apply_for(self.offer_python, self.berit, source_id=source.id)
        self.assertEqual(enrollment.source_id, source)
        self.assertFalse(enrollment.mailing_id)
        self.assertFalse(enrollment.campaign_id)

    def test_applications_of_a_batch_find_their_mailings_in_bounded_queries(self):
        mailings = self.env["mailing.mailing"].create([{"subject": f"Offer {n}"} for n in range(3)])
        people = self.env["res.partner"].create([{"name": f"Person {n}"} for n in range(30)])
        vals_list = [
            {
                "offer_id": self.offer_python.id,
                "partner_id": person.id,
                "source_id": mailings[n % 3].source_id.id,
            }
            for n, person in enumerate(people)
        ]
        Enrollment = self.env["alumni.evu.enrollment"]
        # The same bound for 3 applications and for 27 (21 and 20 queries
        # measured), with room for what the other parts of the addon add.
        with self.assertQueryCount(__system__=24):
            enrollments = Enrollment.create(vals_list[:3])
        with self.assertQueryCount(__system__=24):
            enrollments |= Enrollment.create(vals_list[3:])
        self.assertEqual(
            [e.mailing_id.id for e in enrollments], [mailings[n % 3].id for n in range(30)]
        )
