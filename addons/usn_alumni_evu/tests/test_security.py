# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import NOW, AlumniEvuCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestEvuSecurity(AlumniEvuCommon):
    """Who reads offers and applications."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A colleague as an administrator makes one: the default user
        # template (Email Marketing, website designer, contact creation).
        cls.user_colleague = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create({"name": "Sofie Sales", "login": "colleague", "email": "sofie@example.com"})
        )
        cls.public_user = cls.env.ref("base.public_user")
        cls.berit = cls._graduate(
            "Berit Graduate", cls.programme_nursing, 2015, email="berit@example.com"
        )
        cls.erik = cls._graduate("Erik Engineer", cls.programme_it, 2018, email="erik@example.com")
        cls.health_application = cls._apply_for(cls.offer_supervision, cls.berit)
        cls.tech_application = cls._apply_for(cls.offer_python, cls.erik)
        cls.applications = cls.health_application | cls.tech_application
        cls.offer_draft = cls.env["alumni.evu.offer"].create(
            {
                "name": "Wound Care (in preparation)",
                "faculty_id": cls.faculty_health.id,
                "date_start": "2026-09-01",
                "application_deadline": "2026-08-01",
                "website_published": True,
            }
        )
        cls.offer_unpublished = cls.env["alumni.evu.offer"].create(
            {
                "name": "Robotics (not announced)",
                "faculty_id": cls.faculty_tech.id,
                "date_start": "2026-09-01",
                "application_deadline": "2026-08-01",
                "state": "open",
            }
        )
        cls.offer_closed = cls.env["alumni.evu.offer"].create(
            {
                "name": "Ethics in Care (closed)",
                "faculty_id": cls.faculty_health.id,
                "date_start": "2026-03-01",
                "application_deadline": "2026-02-01",
                "state": "closed",
                "website_published": True,
            }
        )

    def test_colleague_is_made_from_the_default_template(self):
        self.assertTrue(self.user_colleague.has_group("mass_mailing.group_mass_mailing_user"))
        self.assertFalse(self.user_colleague.has_group("usn_alumni_base.group_alumni_faculty"))

    def test_people_without_an_alumni_role_read_no_applications(self):
        users = (
            self.user_portal,
            self.public_user,
            self.user_employee,
            self.user_marketing,
            self.user_colleague,
        )
        for user in users:
            Enrollment = self.env["alumni.evu.enrollment"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Enrollment.search([])
                with self.assertRaises(AccessError):
                    self.health_application.with_user(user).read(["partner_id", "benefit"])
                with self.assertRaises(AccessError):
                    Enrollment.create(
                        {"offer_id": self.offer_supervision.id, "partner_id": user.partner_id.id}
                    )

    def test_portal_user_reads_not_even_their_own_application_directly(self):
        own = self._apply_for(self.offer_python, self.user_portal.partner_id)
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).read(["state"])

    def test_visitors_and_portal_users_read_published_offers_only(self):
        visible = self.offer_supervision | self.offer_python | self.offer_closed
        offers = visible | self.offer_draft | self.offer_unpublished
        for user in (self.user_portal, self.public_user):
            Offer = self.env["alumni.evu.offer"].with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual(Offer.search([("id", "in", offers.ids)]), visible)
                self.assertEqual(
                    self.offer_supervision.with_user(user).read(["name"])[0]["name"],
                    "Clinical Supervision",
                )
                for hidden in (self.offer_draft, self.offer_unpublished):
                    with self.assertRaises(AccessError):
                        hidden.with_user(user).read(["name"])
                    self.assertFalse(Offer.search([("id", "=", hidden.id)]))
                with self.assertRaises(AccessError):
                    self.offer_supervision.with_user(user).write({"price": 1})

    def test_seat_counts_of_an_offer_are_public(self):
        offer = self.offer_supervision.with_user(self.public_user)
        self.assertEqual(offer.seats_taken, 1)
        self.assertEqual(offer.seats_available, 9)

    def test_coordinator_sees_the_applications_of_their_faculty_only(self):
        Enrollment = self.env["alumni.evu.enrollment"].with_user(self.user_coordinator)
        self.assertEqual(
            Enrollment.search([("id", "in", self.applications.ids)]), self.health_application
        )
        self.assertEqual(Enrollment.search_count([("offer_id", "=", self.offer_python.id)]), 0)
        self.assertEqual(
            self.health_application.with_user(self.user_coordinator).benefit, "alumni_price"
        )
        with self.assertRaises(AccessError):
            self.tech_application.with_user(self.user_coordinator).read(["benefit"])
        with self.assertRaises(AccessError):
            self.tech_application.with_user(self.user_coordinator).write({"note": "Seen"})
        with self.assertRaises(AccessError):
            Enrollment.create({"offer_id": self.offer_python.id, "partner_id": self.berit.id})

    def test_coordinator_cannot_delete_applications(self):
        with self.assertRaises(AccessError):
            self.health_application.with_user(self.user_coordinator).unlink()

    def test_officer_sees_every_application(self):
        Enrollment = self.env["alumni.evu.enrollment"].with_user(self.user_officer)
        self.assertEqual(
            Enrollment.search([("id", "in", self.applications.ids)]), self.applications
        )

    def test_marketing_reads_offers_not_applications(self):
        Offer = self.env["alumni.evu.offer"].with_user(self.user_marketing)
        self.assertIn(self.offer_draft, Offer.search([]))
        self.assertEqual(self.offer_python.with_user(self.user_marketing).price, 6000)
        with self.assertRaises(AccessError):
            self.offer_python.with_user(self.user_marketing).write({"price": 1})
        with self.assertRaises(AccessError):
            self.env["alumni.evu.enrollment"].with_user(self.user_marketing).search([])
        # Nor through the offer.
        with self.assertRaises(AccessError):
            self.offer_supervision.with_user(self.user_marketing).enrollment_ids.read(["benefit"])

    def test_officer_manages_offers(self):
        offer = self.offer_draft.with_user(self.user_officer)
        offer.write({"price": 900, "alumni_price": 700})
        offer.action_open()
        self.assertEqual(self.offer_draft.state, "open")
