# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.usn_alumni_base.tests.common import NOW, AlumniCommon

__all__ = ["NOW", "AlumniEventsCommon"]


class AlumniEventsCommon(AlumniCommon):
    """The users, university and events the tests of usn_alumni_events share.

    The company is Norwegian (phones without a country code are Norwegian).
    ``open_day`` is an Open Day on 2026-03-14, after the suite's fixed now
    (2026-03-02), presenting Nursing; it has two sessions of 2 seats each.
    Subjects: nursing and health for Nursing, programming for IT.
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

        cls.user_event_only = new_test_user(
            cls.env,
            login="event_only",
            name="Eva Events",
            groups="base.group_user,event.group_event_user",
        )
        cls.user_marketing = new_test_user(
            cls.env,
            login="marketing",
            name="Mona Marketing",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )

        cls.open_day = cls._create_event(
            "Open Day Bø 2026",
            kind="open_day",
            programmes=cls.programme_nursing,
        )
        Session = cls.env["alumni.event.session"]
        cls.session_nursing = Session.create(
            {
                "event_id": cls.open_day.id,
                "name": "Nursing: meet the students",
                "programme_id": cls.programme_nursing.id,
                "date_begin": "2026-03-14 09:00:00",
                "date_end": "2026-03-14 10:00:00",
                "seats_max": 2,
            }
        )
        cls.session_it = Session.create(
            {
                "event_id": cls.open_day.id,
                "name": "IT: trial lecture",
                "programme_id": cls.programme_it.id,
                "date_begin": "2026-03-14 10:30:00",
                "date_end": "2026-03-14 11:30:00",
                "seats_max": 2,
            }
        )

    @classmethod
    def _create_event(cls, name, kind="open_day", programmes=None, **vals):
        return cls.env["event.event"].create(
            {
                "name": name,
                "date_begin": "2026-03-14 08:00:00",
                "date_end": "2026-03-14 14:00:00",
                "date_tz": "Europe/Oslo",
                "alumni_event_kind": kind,
                "alumni_programme_ids": [(6, 0, programmes.ids if programmes else [])],
                **vals,
            }
        )

    @classmethod
    def _register(cls, event, **vals):
        return cls.env["event.registration"].create({"event_id": event.id, **vals})
