# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.tests import new_test_user

from odoo.addons.usn_alumni_base.tests.common import NOW, AlumniCommon

__all__ = ["NOW", "AlumniNetworkCommon"]


class AlumniNetworkCommon(AlumniCommon):
    """The people of the network the tests share, one user per role.

    - ``graduate``: a Nursing graduate of 2019 (student number 100200,
      born 1995-04-12, e-mail ``hanna.graduate@example.com``), not a user
      and not a member;
    - ``user_member`` (Maja Member) and ``user_member_b`` (Bjørn Member):
      members listed in the directory (IT graduates); Maja shows her
      employer to members, her city to everyone and her e-mail to nobody;
      Bjørn shows nothing;
    - ``member_unlisted``: a member (no user) who did not agree to be listed;
    - ``member_public``: a listed member whose page and city everyone sees;
    - ``user_pending``, ``user_suspended``: portal users whose membership is
      pending or suspended; ``user_portal`` (from base) is no member;
    - ``user_officer`` (from base) is an alumni officer;
    - ``user_made_by_admin``: an internal user created with a name and a
      login only, as an administrator makes one (the default groups).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
        )
        # Only the people of the tests are in the network (the database may
        # hold others).
        cls.env["res.partner"].search([("network_state", "!=", "none")]).network_state = "none"
        cls.industry_health = cls.env["res.partner.industry"].create({"name": "Hospitals"})
        Interest = cls.env["alumni.interest"]
        cls.interest_ai = Interest.create({"name": "Artificial intelligence"})
        cls.interest_care = Interest.create({"name": "Elderly care"})

        cls.graduate = cls._create_person(
            "Hanna Graduate",
            email="hanna.graduate@example.com",
            student_number="100200",
            birth_date="1995-04-12",
        )
        cls._graduate(cls.graduate, cls.programme_nursing, 2019)

        cls.user_member = cls._network_user("maja_member", "Maja Member", "member")
        cls.member = cls.user_member.partner_id
        cls._graduate(cls.member, cls.programme_it, 2018)
        cls.member.write(
            {
                "city": "Kongsberg",
                "phone": "+4791234567",
                "visibility_employer": "members",
                "visibility_city": "public",
                "visibility_career": "members",
                "alumni_bio": "Robotics engineer who likes to mentor.",
                "interest_ids": [(4, cls.interest_ai.id)],
            }
        )
        cls.env["alumni.career.position"].create(
            {
                "partner_id": cls.member.id,
                "employer_name": "Kongsberg Robotics",
                "title": "Lead engineer",
                "industry_id": cls.industry_health.id,
                "start_date": "2021-01-01",
            }
        )
        cls.member._record_consent("directory", "given", "staff")

        cls.user_member_b = cls._network_user("bjorn_member", "Bjørn Member", "member")
        cls.member_b = cls.user_member_b.partner_id
        cls._graduate(cls.member_b, cls.programme_it, 2018)
        cls.member_b.write({"city": "Drammen"})
        cls.env["alumni.career.position"].create(
            {
                "partner_id": cls.member_b.id,
                "employer_name": "Secret Employer AS",
                "title": "Analyst",
                "industry_id": cls.industry_health.id,
            }
        )
        cls.member_b._record_consent("directory", "given", "staff")

        cls.member_unlisted = cls._create_person(
            "Ulla Unlisted", email="ulla@example.com", network_state="member"
        )
        cls._graduate(cls.member_unlisted, cls.programme_it, 2018)

        cls.member_public = cls._create_person(
            "Petter Public",
            email="petter@example.com",
            network_state="member",
            city="Bø",
            visibility_profile="public",
            visibility_city="public",
        )
        cls._graduate(cls.member_public, cls.programme_nursing, 2015)
        cls.member_public._record_consent("directory", "given", "staff")

        cls.user_pending = cls._network_user("per_pending", "Per Pending", "pending")
        cls.user_suspended = cls._network_user("sara_suspended", "Sara Suspended", "suspended")
        cls.user_suspended.partner_id._record_consent("directory", "given", "staff")

        cls.user_made_by_admin = cls.env["res.users"].create(
            {"name": "Ada Admin-Made", "login": "ada_admin_made"}
        )

    @classmethod
    def _network_user(cls, login, name, state):
        user = new_test_user(
            cls.env,
            login=login,
            name=name,
            email=f"{login}@example.com",
            groups="base.group_portal",
        )
        user.partner_id.network_state = state
        return user

    @classmethod
    def _graduate(cls, partner, programme, year):
        return cls._enroll(
            partner,
            programme,
            start=f"{year - 3}-08-15",
            end_date=f"{year}-06-15",
            graduation_date=f"{year}-06-20",
            state="completed",
        )

    def _csrf_token(self):
        return http.Request.csrf_token(self)
