# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from .common import AlumniNetworkCommon


class AlumniNetworkOffersCommon(AlumniNetworkCommon):
    """The offers and groups the offer and group tests share.

    Offers (published unless said): Maja's job at Kongsberg Robotics and her
    mentoring (IT), her draft internship and a job whose last day has
    passed; Bjørn's guest lecture and job (he shows nothing but his page to
    members); Petter's job (his page is public); Ulla's job (a member not
    listed); Sara's job (suspended since).

    Groups: the Oslo chapter (Maja, Bjørn, Ulla, Sara), the health
    professionals (nobody), a group taken off the website and an archived
    one.

    Dates are relative to today: the HTTP tests run under the real clock.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Only the offers and groups of the tests (the database may hold others).
        cls.env["alumni.network.offer"].search([]).unlink()
        cls.env["alumni.network.group"].search([]).active = False
        cls.today = fields.Date.context_today(cls.env["alumni.network.offer"])
        cls.offer_job = cls._create_offer(
            cls.member,
            "Robotics engineer",
            kind="job",
            employer_name="Kongsberg Robotics",
            city="Kongsberg",
            contact_email="jobs@kongsberg-robotics.example.com",
            programme_ids=[(4, cls.programme_it.id)],
            date_deadline=cls.today + timedelta(days=30),
        )
        cls.offer_mentoring = cls._create_offer(
            cls.member,
            "Mentoring for robotics students",
            kind="mentoring",
            city="Horten",
            programme_ids=[(4, cls.programme_it.id)],
        )
        cls.offer_draft = cls._create_offer(
            cls.member, "Summer internship in robotics", kind="internship", publish=False
        )
        cls.offer_expired = cls._create_offer(
            cls.member,
            "Old vacancy",
            kind="job",
            date_deadline=cls.today + timedelta(days=5),
        )
        cls.offer_expired.date_deadline = cls.today - timedelta(days=1)
        cls.offer_lecture = cls._create_offer(
            cls.member_b,
            "Guest lecture on data analysis",
            kind="guest_lecture",
            employer_name="Drammen Data AS",
            city="Drammen",
            faculty_id=cls.faculty_tech.id,
        )
        cls.offer_b_job = cls._create_offer(
            cls.member_b, "Data analyst trainee", kind="job", city="Drammen"
        )
        cls.offer_public = cls._create_offer(
            cls.member_public,
            "Nurse in elderly care",
            kind="job",
            city="Bø",
            programme_ids=[(4, cls.programme_nursing.id)],
        )
        cls.offer_unlisted = cls._create_offer(
            cls.member_unlisted, "Unlisted's vacancy", kind="job"
        )
        cls.suspended = cls.user_suspended.partner_id
        cls.suspended.network_state = "member"
        cls.offer_suspended = cls._create_offer(cls.suspended, "Suspended's vacancy", kind="job")

        Group = cls.env["alumni.network.group"]
        cls.group_oslo = Group.create(
            {
                "name": "USN alumni in Oslo",
                "kind": "chapter",
                "city": "Oslo",
                "region": "Østlandet",
                "description": "We meet on the first Thursday of the month.",
            }
        )
        cls.group_health = Group.create(
            {
                "name": "Health professionals",
                "kind": "professional",
                "industry_id": cls.industry_health.id,
            }
        )
        cls.group_hidden = Group.create(
            {"name": "Hidden group", "kind": "chapter", "is_published": False}
        )
        cls.group_archived = Group.create(
            {"name": "Archived group", "kind": "chapter", "active": False}
        )
        cls.env["alumni.network.group.membership"].create(
            [
                {"group_id": cls.group_oslo.id, "partner_id": partner.id}
                for partner in (cls.member, cls.member_b, cls.member_unlisted, cls.suspended)
            ]
        )
        cls.suspended.network_state = "suspended"

    @classmethod
    def _create_offer(cls, partner, name, publish=True, **vals):
        offer = cls.env["alumni.network.offer"].create(
            {"partner_id": partner.id, "name": name, **vals}
        )
        if publish:
            offer.action_publish()
        return offer
