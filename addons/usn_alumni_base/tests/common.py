# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

# The fixed "now" of the suite's tests.
NOW = "2026-03-02 10:00:00"


class AlumniCommon(BaseCommon):
    """Users of every role, and a small university, shared by the suite's tests.

    Two faculties (Health with a Nursing department, and Technology), two
    programmes in each, two campuses.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Faculty = cls.env["alumni.faculty"]
        cls.faculty_health = Faculty.create({"name": "Faculty of Health", "code": "HS"})
        cls.department_nursing = Faculty.create(
            {"name": "Department of Nursing", "code": "HS-NUR", "parent_id": cls.faculty_health.id}
        )
        cls.faculty_tech = Faculty.create({"name": "Faculty of Technology", "code": "TNM"})
        Programme = cls.env["alumni.programme"]
        cls.programme_nursing = Programme.create(
            {
                "code": "BSYK",
                "name": "Bachelor in Nursing",
                "level": "bachelor",
                "ects": 180,
                "faculty_id": cls.department_nursing.id,
            }
        )
        cls.programme_health_master = Programme.create(
            {
                "code": "MHELSE",
                "name": "Master in Health Sciences",
                "level": "master",
                "ects": 120,
                "faculty_id": cls.faculty_health.id,
            }
        )
        cls.programme_it = Programme.create(
            {
                "code": "BIT",
                "name": "Bachelor in IT",
                "level": "bachelor",
                "ects": 180,
                "faculty_id": cls.faculty_tech.id,
            }
        )
        cls.programme_it_master = Programme.create(
            {
                "code": "MIT",
                "name": "Master in IT",
                "level": "master",
                "ects": 120,
                "faculty_id": cls.faculty_tech.id,
            }
        )
        Campus = cls.env["alumni.campus"]
        cls.campus_bo = Campus.create({"name": "Bø", "city": "Bø i Telemark"})
        cls.campus_porsgrunn = Campus.create({"name": "Porsgrunn", "city": "Porsgrunn"})

        cls.user_manager = new_test_user(
            cls.env,
            login="alumni_manager",
            name="Astrid Manager",
            groups="usn_alumni_base.group_alumni_manager",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="alumni_officer",
            name="Ola Officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        cls.user_coordinator = new_test_user(
            cls.env,
            login="alumni_coordinator",
            name="Kari Coordinator",
            groups="usn_alumni_base.group_alumni_faculty",
        )
        cls.user_coordinator.alumni_faculty_ids = cls.faculty_health
        cls.user_employee = new_test_user(
            cls.env,
            login="plain_employee",
            name="Per Employee",
            groups="base.group_user",
        )
        cls.user_portal = new_test_user(
            cls.env,
            login="alumni_portal",
            name="Siri Portal",
            groups="base.group_portal",
        )

    @classmethod
    def _create_person(cls, name, **vals):
        return cls.env["res.partner"].create({"name": name, **vals})

    @classmethod
    def _enroll(cls, partner, programme, start="2020-08-15", **vals):
        return cls.env["alumni.enrollment"].create(
            {
                "partner_id": partner.id,
                "programme_id": programme.id,
                "campus_id": cls.campus_bo.id,
                "start_date": start,
                **vals,
            }
        )

    @classmethod
    def _apply(cls, partner, programme, **vals):
        return cls.env["alumni.application"].create(
            {"partner_id": partner.id, "programme_id": programme.id, **vals}
        )

    @classmethod
    def _touch(cls, partner, kind="information_request", **vals):
        return cls.env["alumni.lifecycle.event"].create(
            {"partner_id": partner.id, "kind": kind, **vals}
        )

    def _menu_xmlids_shown_to(self, user):
        """The xml ids of the menus the user can reach from the app switcher."""
        Menu = self.env["ir.ui.menu"].with_user(user)
        if not Menu.has_access("read"):
            return set()
        menus = Menu.load_menus(debug=False)
        shown, todo = set(), list(menus["root"]["children"])
        while todo:
            menu = menus[todo.pop()]
            shown.add(menu["xmlid"])
            todo.extend(menu["children"])
        return shown

    def _stage_changes(self, partner):
        """(from, to) of the partner's stage changes, oldest first."""
        events = self.env["alumni.lifecycle.event"].search(
            [("partner_id", "=", partner.id), ("kind", "=", "stage_change")], order="id"
        )
        return [(e.stage_from or False, e.stage_to or False) for e in events]
