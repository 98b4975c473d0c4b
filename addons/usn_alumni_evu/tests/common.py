# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.usn_alumni_base.tests.common import NOW, AlumniCommon

__all__ = ["NOW", "AlumniEvuCommon"]


class AlumniEvuCommon(AlumniCommon):
    """The users, subjects and offers the tests of usn_alumni_evu share.

    ``offer_supervision`` is an open course of the Faculty of Health for
    nursing graduates of 2010-2024 (subjects: nursing care, public health),
    starting 2026-04-13 with its deadline on 2026-03-20, after the suite's
    fixed now (2026-03-02): 10 seats, 2 of them free for network members,
    price 12,000, alumni price 8,000. ``offer_python`` is an open online
    course of the Faculty of Technology for IT graduates (subject:
    programming).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env.company.country_id = cls.env.ref("base.no")
        Interest = cls.env["alumni.interest"]
        cls.interest_nursing = Interest.create({"name": "Nursing care"})
        cls.interest_health = Interest.create({"name": "Public health"})
        cls.interest_programming = Interest.create({"name": "Programming"})
        cls.programme_nursing.interest_ids = cls.interest_nursing | cls.interest_health
        cls.programme_it.interest_ids = cls.interest_programming

        cls.user_marketing = new_test_user(
            cls.env,
            login="marketing",
            name="Mona Marketing",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )

        Offer = cls.env["alumni.evu.offer"]
        cls.offer_supervision = Offer.create(
            {
                "name": "Clinical Supervision",
                "faculty_id": cls.faculty_health.id,
                "ects": 15,
                "delivery_mode": "hybrid",
                "date_start": "2026-04-13",
                "date_end": "2026-06-19",
                "application_deadline": "2026-03-20",
                "price": 12000,
                "alumni_price": 8000,
                "seats_max": 10,
                "member_free_seats": 2,
                "interest_ids": [(6, 0, (cls.interest_nursing | cls.interest_health).ids)],
                "programme_ids": [(6, 0, cls.programme_nursing.ids)],
                "cohort_from": 2010,
                "cohort_to": 2024,
                "state": "open",
                "website_published": True,
            }
        )
        cls.offer_python = Offer.create(
            {
                "name": "Python for Engineers",
                "faculty_id": cls.faculty_tech.id,
                "ects": 7.5,
                "delivery_mode": "online",
                "date_start": "2026-05-04",
                "application_deadline": "2026-04-15",
                "price": 6000,
                "alumni_price": 4500,
                "interest_ids": [(6, 0, cls.interest_programming.ids)],
                "programme_ids": [(6, 0, cls.programme_it.ids)],
                "state": "open",
                "website_published": True,
            }
        )

    @classmethod
    def _graduate(cls, name, programme, year, **vals):
        """A person who completed ``programme`` in June of ``year``."""
        person = cls._create_person(name, **vals)
        cls._enroll(
            person,
            programme,
            start=f"{year - 3}-08-15",
            end_date=f"{year}-06-15",
            graduation_date=f"{year}-06-15",
            state="completed",
        )
        return person

    @classmethod
    def _apply_for(cls, offer, partner, **vals):
        return cls.env["alumni.evu.enrollment"].create(
            {"offer_id": offer.id, "partner_id": partner.id, **vals}
        )
