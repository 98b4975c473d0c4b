# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestPersonMatching(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ingrid = cls._create_person(
            "Ingrid Hansen", email="Ingrid@Example.com", phone="+4791234567"
        )
        cls.ola = cls._create_person("Ola Nordmann", student_number="210101", phone="+4790000001")
        cls.company = cls.env["res.partner"].create(
            {"name": "Hansen AS", "is_company": True, "email": "firm@example.com"}
        )

    def test_each_key_in_turn(self):
        found = self.env["res.partner"]._alumni_match_people(
            [
                {"email": "ingrid@example.com"},
                {"email": "unknown@example.com", "student_number": "210101"},
                {"email": "unknown@example.com", "phone": "+4791234567"},
                {"email": "ingrid@example.com", "student_number": "210101"},
                {"student_number": "999", "phone": "+4790000001"},
                {"email": "firm@example.com"},
                {},
            ]
        )
        self.assertEqual(
            found,
            [
                self.ingrid,
                self.ola,
                self.ingrid,
                self.ingrid,
                self.ola,
                self.env["res.partner"],
                self.env["res.partner"],
            ],
        )

    def test_one_query_per_key_whatever_the_number_of_contacts(self):
        contacts = [{"email": f"p{i}@example.com", "phone": f"+4740{i:06d}"} for i in range(200)]
        self.env.flush_all()
        with self.assertQueryCount(2):
            found = self.env["res.partner"]._alumni_match_people(contacts)
        self.assertFalse(any(found))

    def test_archived_people_are_not_found(self):
        self.ola.active = False
        found = self.env["res.partner"]._alumni_match_people([{"student_number": "210101"}])
        self.assertFalse(found[0])


@tagged("post_install", "-at_install")
class TestProspectCreation(AlumniCommon):
    """_alumni_create_prospects() stores what create() would store for the
    same person, in a number of queries that does not grow with the batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Interest = cls.env["alumni.interest"]
        cls.interest_nursing = Interest.create({"name": "Nursing care"})
        cls.interest_health = Interest.create({"name": "Public health"})

    def _stored(self, people):
        names = [
            name
            for name, field in people._fields.items()
            if field.store
            and (field.column_type or field.type == "many2many")
            and name not in ("id", "create_date", "write_date", "email", "name")
            and name not in ("email_normalized", "complete_name", "student_number")
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        rows = people.read(names)
        for row in rows:
            row.pop("id")
            if row.get("commercial_partner_id"):
                row["commercial_partner_id"] = "self"
        return rows

    def _prospects(self, prefix):
        subjects = (self.interest_nursing | self.interest_health).ids
        return [
            {
                "name": f"{prefix} Ingrid Aas",
                "email": f"{prefix}.ingrid@example.no",
                "phone": "+4791234567",
                "interest_ids": [Command.set(subjects)],
            },
            {
                "name": f"{prefix} Ola Berg",
                "email": f"{prefix}.ola@example.no",
                "interest_ids": [Command.link(self.interest_health.id)],
            },
            {"name": f"{prefix} Nora Dahl", "phone": "+31612345678"},
            {"name": f"{prefix} Per Eide", "student_number": f" {prefix}-990001 "},
        ]

    def test_prospects_are_stored_as_create_stores_them(self):
        Partner = self.env["res.partner"]
        by_orm = (
            Partner.sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create([{**vals, "is_alumni_person": True} for vals in self._prospects("orm")])
        )
        self.assertTrue(Partner._alumni_prospects_take_fast_path(self._prospects("fast")))
        prospects = Partner._alumni_create_prospects(self._prospects("fast"))
        self.assertEqual(prospects[3].student_number, "fast-990001")
        self.assertEqual(by_orm[3].student_number, "orm-990001")
        self.assertEqual(self._stored(prospects), self._stored(by_orm))
        self.assertEqual(prospects[0].interest_ids, self.interest_nursing | self.interest_health)
        self.assertEqual(prospects[1].interest_ids, self.interest_health)
        self.assertEqual(prospects[0].email_normalized, "fast.ingrid@example.no")
        self.assertEqual(prospects[2].phone_sanitized, "+31612345678")
        self.assertEqual(prospects.mapped("lifecycle_stage"), [False] * 4)
        self.assertFalse(prospects.message_ids)
        self.assertFalse(prospects.message_follower_ids)
        # Found again by the suite's matching.
        found = Partner._alumni_match_people([{"email": "fast.ola@example.no"}])
        self.assertEqual(found[0], prospects[1])

    def test_values_the_fast_path_cannot_store_go_through_create(self):
        Partner = self.env["res.partner"]
        company = Partner.create({"name": "Hansen AS", "is_company": True})
        odd = [{"name": "Lars Moe", "parent_id": company.id}, {"name": "Siv", "phone": "912"}]
        self.assertFalse(Partner._alumni_prospects_take_fast_path([odd[0]]))
        self.assertFalse(Partner._alumni_prospects_take_fast_path([odd[1]]))
        prospects = Partner._alumni_create_prospects(odd)
        self.assertEqual(prospects[0].commercial_partner_id, company)
        self.assertTrue(all(prospects.mapped("is_alumni_person")))

    def test_queries_do_not_grow_with_the_batch(self):
        Partner = self.env["res.partner"]
        subjects = self.interest_nursing.ids

        def batch(size, prefix):
            return [
                {
                    "name": f"{prefix} {i}",
                    "email": f"{prefix}{i}@example.no",
                    "phone": f"+47400{i:05d}",
                    "interest_ids": [Command.set(subjects)],
                }
                for i in range(size)
            ]

        Partner._alumni_create_prospects(batch(2, "warm"))
        self.env.flush_all()
        counts = []
        for size, prefix in ((5, "small"), (100, "large")):
            before = self.cr.sql_log_count
            Partner._alumni_create_prospects(batch(size, prefix))
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
