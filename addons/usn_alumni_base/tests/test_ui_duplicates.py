# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestUiDuplicates(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="tour_duplicate_officer",
            password="tour_duplicate_officer",
            groups="base.group_user,usn_alumni_base.group_alumni_user",
            tz="Europe/Oslo",
        )
        Partner = cls.env["res.partner"]
        cls.first = Partner.create(
            {"name": "Tiril Turbo", "email": "tiril@example.com", "birth_date": "1994-02-11"}
        )
        cls.second = Partner.create(
            {
                "name": "Tiril Turbo Hansen",
                "email": "tiril@example.com",
                "birth_date": "1994-02-11",
                "phone": "+4791230077",
            }
        )
        # The first was recorded long before: Odoo's merge would keep it.
        cls.first.flush_recordset()
        cls.env.cr.execute(
            SQL(
                "UPDATE res_partner SET create_date = '2015-01-01' WHERE id = %s",
                cls.first.id,
            )
        )
        cls.first.invalidate_recordset(["create_date"])
        programme = cls.env["alumni.programme"].create(
            {"code": "TOURDUP", "name": "Tour Nursing", "level": "bachelor"}
        )
        cls.enrollment = cls.env["alumni.enrollment"].create(
            {"partner_id": cls.first.id, "programme_id": programme.id, "start_date": "2014-08-15"}
        )
        cls.env["alumni.duplicate.candidate"].action_find()

    def test_officer_compares_and_merges_keeping_the_chosen_one(self):
        pair = self.env["alumni.duplicate.candidate"].search(
            [("partner_id", "=", self.first.id), ("duplicate_id", "=", self.second.id)]
        )
        self.assertTrue(pair.is_likely)
        self.assertEqual(pair.kept_partner_id, self.first)

        self.start_tour(
            "/odoo/action-usn_alumni_base.alumni_duplicate_candidate_action",
            "usn_alumni_duplicate_merge",
            login="tour_duplicate_officer",
        )

        self.assertFalse(self.first.exists())
        self.assertTrue(self.second.exists())
        self.assertEqual(self.enrollment.partner_id, self.second)
        self.assertFalse(pair.exists())
