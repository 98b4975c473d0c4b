# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import NOW, AlumniEvuCommon


@freeze_time(NOW)
class TestOffer(AlumniEvuCommon):
    """The rules an offer's dates, prices and seats follow."""

    def _offer_vals(self, **vals):
        return {
            "name": "Wound Care",
            "faculty_id": self.faculty_health.id,
            "date_start": "2026-09-01",
            "date_end": "2026-12-15",
            "application_deadline": "2026-08-01",
            "price": 5000,
            "alumni_price": 4000,
            **vals,
        }

    def _assert_refused(self, vals, *words):
        """Creating an offer with ``vals`` is refused with a message holding
        ``words``, and no offer is stored."""
        Offer = self.env["alumni.evu.offer"]
        before = Offer.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Offer.create(self._offer_vals(**vals))
        for word in words:
            self.assertIn(word, str(caught.exception))
        self.assertEqual(Offer.search_count([]), before)

    def test_valid_offer_is_a_draft_with_its_page(self):
        offer = self.env["alumni.evu.offer"].create(self._offer_vals())
        self.assertEqual(offer.state, "draft")
        self.assertEqual(offer.website_url, f"/alumni/evu/wound-care-{offer.id}")
        self.assertEqual(offer.seats_taken, 0)

    def test_deadline_after_start_refused(self):
        self._assert_refused(
            {"application_deadline": "2026-09-02"}, "Wound Care", "deadline", "2026-09-02"
        )

    def test_deadline_on_the_first_day_accepted(self):
        offer = self.env["alumni.evu.offer"].create(
            self._offer_vals(application_deadline="2026-09-01")
        )
        self.assertEqual(str(offer.application_deadline), "2026-09-01")

    def test_end_before_start_refused(self):
        self._assert_refused({"date_end": "2026-08-31"}, "Wound Care", "ends on", "2026-08-31")

    def test_negative_price_refused(self):
        self._assert_refused({"price": -1, "alumni_price": -2}, "Wound Care", "“Price”")

    def test_negative_alumni_price_refused(self):
        self._assert_refused({"alumni_price": -1}, "Wound Care", "“Alumni Price”")

    def test_alumni_price_above_price_refused(self):
        self._assert_refused({"alumni_price": 5001}, "Wound Care", "higher than its price")

    def test_alumni_price_above_price_refused_when_price_lowered(self):
        with self.assertRaises(ValidationError):
            self.offer_supervision.price = 7000
        self.offer_supervision.invalidate_recordset()
        self.assertEqual(self.offer_supervision.price, 12000)

    def test_alumni_price_is_the_price_until_one_is_set(self):
        vals = self._offer_vals()
        del vals["alumni_price"]
        offer = self.env["alumni.evu.offer"].create(vals)
        self.assertEqual(offer.alumni_price, 5000)
        offer.price = 6000
        self.assertEqual(offer.alumni_price, 6000, "an alumni price equal to the price follows it")
        offer.alumni_price = 4500
        offer.price = 6500
        self.assertEqual(offer.alumni_price, 4500, "a lower alumni price is kept")

    def test_alumni_price_follows_in_the_form(self):
        with Form(self.env["alumni.evu.offer"]) as form:
            form.name = "Wound Care"
            form.faculty_id = self.faculty_health
            form.date_start = "2026-09-01"
            form.application_deadline = "2026-08-01"
            form.price = 5000
            self.assertEqual(form.alumni_price, 5000)
            form.alumni_price = 3500
            form.price = 5500
            self.assertEqual(form.alumni_price, 3500)
        self.assertEqual(form.record.alumni_price, 3500)

    def test_negative_credits_refused(self):
        self._assert_refused({"ects": -7.5}, "“ECTS Credits”")

    def test_negative_capacity_refused(self):
        self._assert_refused({"seats_max": -1}, "“Capacity”")

    def test_more_free_seats_than_seats_refused(self):
        self._assert_refused({"seats_max": 5, "member_free_seats": 6}, "free member seats")

    def test_cohorts_in_the_wrong_order_refused(self):
        self._assert_refused({"cohort_from": 2020, "cohort_to": 2010}, "2020", "2010")

    def test_capacity_below_current_applications_refused(self):
        self._apply_for(self.offer_supervision, self._create_person("Anne"))
        self._apply_for(self.offer_supervision, self._create_person("Bjørn"))
        self._apply_for(self.offer_supervision, self._create_person("Cato"))
        with self.assertRaises(ValidationError) as caught:
            self.offer_supervision.seats_max = 2
        self.assertIn("already has 3 participants", str(caught.exception))
        self.offer_supervision.invalidate_recordset()
        self.assertEqual(self.offer_supervision.seats_max, 10)
        # Down to what is taken, or unlimited, is fine.
        self.offer_supervision.seats_max = 3
        self.offer_supervision.seats_max = 0
        self.assertEqual(self.offer_supervision.seats_available, 0)

    def test_cancelled_applications_free_their_seats(self):
        anne = self._apply_for(self.offer_supervision, self._create_person("Anne"))
        self._apply_for(self.offer_supervision, self._create_person("Bjørn"))
        self.assertEqual(self.offer_supervision.seats_taken, 2)
        self.assertEqual(self.offer_supervision.seats_available, 8)
        anne.action_cancel()
        self.assertEqual(self.offer_supervision.seats_taken, 1)
        self.assertEqual(self.offer_supervision.seats_available, 9)
        self.offer_supervision.write({"seats_max": 1, "member_free_seats": 1})

    def test_free_member_seats_counted(self):
        member = self._graduate("Mia Member", self.programme_nursing, 2015, network_state="member")
        self._apply_for(self.offer_supervision, member)
        self.assertEqual(self.offer_supervision.member_free_seats_taken, 1)
        self.assertEqual(self.offer_supervision.seats_taken, 1)

    def test_open_close_and_back_to_draft(self):
        offer = self.env["alumni.evu.offer"].create(self._offer_vals())
        offer.action_open()
        self.assertEqual(offer.state, "open")
        offer.action_close()
        self.assertEqual(offer.state, "closed")
        offer.action_draft()
        self.assertEqual(offer.state, "draft")
