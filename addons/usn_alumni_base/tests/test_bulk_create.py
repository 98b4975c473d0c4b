# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tests import tagged
from odoo.tools import email_normalize

from ..models.res_partner import _email_normalized
from ..tools.bulk_create import bulk_create, create_overrides, unverified_create_overrides
from ..tools.row_importer import FAST_PATH_VERIFIED, IMPORT_CONTEXT
from .common import NOW, AlumniCommon


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestBulkCreate(AlumniCommon):
    """bulk_create() stores what create() stores, with every installed addon's
    fields, defaults and stored computed fields."""

    def _stored(self, records, ignore=()):
        """The stored values of records as read back from the database, a
        many2one to the record itself written as "self"."""
        names = [
            name
            for name, field in records._fields.items()
            if field.store
            and field.column_type
            and name not in ("id", *LOG_ACCESS_COLUMNS, *ignore)
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        to_self = {
            name
            for name in names
            if records._fields[name].type == "many2one"
            and records._fields[name].comodel_name == records._name
        }
        result = []
        for values in records.read(names):
            record_id = values.pop("id")
            result.append(
                {
                    name: "self" if name in to_self and value and value[0] == record_id else value
                    for name, value in values.items()
                }
            )
        return result

    def test_people_are_stored_as_create_stores_them(self):
        Partner = self.env["res.partner"].with_context(**IMPORT_CONTEXT)
        variants = [
            {
                "name": "Ingrid Aas",
                "email": "ingrid.aas@example.no",
                "phone": "+4791234567",
                "birth_date": "1999-04-01",
            },
            {"name": "  Ola Berg ", "email": "Ola.Berg@Example.NO"},
            {"name": "Nora Dahl", "phone": "+31612345678"},
            {"name": "Per Eide"},
            {"name": "Kari O'Neil", "email": "kari.o'neil@example.no"},
        ]
        by_orm = Partner.create(
            [dict(vals, student_number=f"81000{i}") for i, vals in enumerate(variants)]
        )
        by_bulk = bulk_create(
            Partner,
            [dict(vals, student_number=f"82000{i}") for i, vals in enumerate(variants)],
            computed=Partner._alumni_bulk_computed_values,
        )
        self.assertEqual(
            self._stored(by_bulk, ignore=["student_number"]),
            self._stored(by_orm, ignore=["student_number"]),
        )
        # The values the import gives itself, checked one by one as well.
        self.assertEqual(by_bulk[0].email_normalized, "ingrid.aas@example.no")
        self.assertEqual(by_bulk[1].email_normalized, "ola.berg@example.no")
        self.assertEqual(by_bulk[1].complete_name, "Ola Berg")
        self.assertEqual(by_bulk[2].phone_sanitized, "+31612345678")
        self.assertEqual(by_bulk.commercial_partner_id, by_bulk)
        self.assertEqual(by_bulk[0].max_mailings_per_month, 4)

    def test_fields_it_does_not_give_are_computed_by_the_orm(self):
        Partner = self.env["res.partner"].with_context(**IMPORT_CONTEXT)
        # A contact of a company: none of the import's own values apply.
        company = Partner.create({"name": "Kongsberg Maritime", "is_company": True})
        by_orm = Partner.create({"name": "Lars Moe", "parent_id": company.id, "phone": "91234567"})
        by_bulk = bulk_create(
            Partner,
            [{"name": "Lars Moe", "parent_id": company.id, "phone": "91234567"}],
            computed=Partner._alumni_bulk_computed_values,
        )
        self.assertEqual(self._stored(by_bulk), self._stored(by_orm))
        self.assertEqual(by_bulk.commercial_partner_id, company)
        self.assertEqual(by_bulk.complete_name, "Kongsberg Maritime, Lars Moe")

    def test_enrolments_and_their_follow_up_match_create(self):
        people = self.env["res.partner"].create([{"name": "Siv Lund"}, {"name": "Siv Lund (bulk)"}])
        common = {
            "programme_id": self.programme_nursing.id,
            "campus_id": self.campus_bo.id,
            "start_date": "2019-08-15",
            "end_date": "2022-06-15",
            "state": "completed",
            "final_grade": 4.2,
        }
        # A master's course begun later, still active, with the default state.
        later = {
            "programme_id": self.programme_it_master.id,
            "start_date": "2023-08-15",
        }
        Enrollment = self.env["alumni.enrollment"]
        by_orm = Enrollment.create(
            [dict(common, partner_id=people[0].id), dict(later, partner_id=people[0].id)]
        )
        self.assertFalse(people[1].enrollment_ids)  # now in the cache
        by_bulk = bulk_create(
            Enrollment,
            [dict(common, partner_id=people[1].id), dict(later, partner_id=people[1].id)],
            computed=Enrollment._bulk_computed_values,
        )
        # The person's cached enrolments know the new ones.
        self.assertEqual(people[1].enrollment_ids, by_bulk)
        by_bulk._after_create()
        self.assertEqual(
            self._stored(by_bulk, ignore=["partner_id"]),
            self._stored(by_orm, ignore=["partner_id"]),
        )
        self.assertEqual(by_bulk.faculty_id, self.department_nursing | self.faculty_tech)
        self.assertEqual(by_bulk.mapped("graduation_year"), [2022, 0])
        self.assertEqual(by_bulk[1].state, "active")
        for person in people:
            with self.subTest(person=person.name):
                self.assertEqual(person.lifecycle_stage, "student")
                self.assertEqual(person.graduation_year, 2022)
                self.assertEqual(
                    sorted(person.lifecycle_event_ids.mapped("kind")),
                    ["enrollment", "enrollment", "graduation", "stage_change"],
                )

    def test_plain_addresses_are_their_own_normal_form(self):
        for address in (
            "ingrid.aas@example.no",
            "per+alumni@mail.example.co.uk",
            "a_b-c%d@x-y.no",
            "Ola.Berg@Example.NO",
            "o'neil@example.no",
            "kari..nor@example.no",
            "åse@example.no",
            "ola@localhost",
            False,
        ):
            with self.subTest(address=address):
                self.assertEqual(_email_normalized(address), email_normalize(address, strict=False))

    def test_refuses_what_is_not_a_stored_column(self):
        with self.assertRaisesRegex(ValueError, "enrollment_ids"):
            bulk_create(self.env["res.partner"], [{"name": "X", "enrollment_ids": []}])

    def test_python_constraints_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "LinkedIn profile"):
            bulk_create(
                self.env["res.partner"], [{"name": "X", "linkedin_url": "https://example.com"}]
            )

    def test_creating_needs_the_right_to_create(self):
        with self.assertRaises(AccessError):
            bulk_create(
                self.env["alumni.enrollment"].with_user(self.user_employee),
                [
                    {
                        "partner_id": self.user_employee.partner_id.id,
                        "programme_id": self.programme_it.id,
                        "start_date": "2020-08-15",
                    }
                ],
            )

    def test_coordinator_cannot_insert_records_outside_their_faculties(self):
        person = self.env["res.partner"].create({"name": "Eva Ruud"})
        Enrollment = self.env["alumni.enrollment"].with_user(self.user_coordinator)
        outside = {
            "partner_id": person.id,
            "programme_id": self.programme_it.id,  # Technology, not Health
            "start_date": "2020-08-15",
        }
        inside = dict(outside, programme_id=self.programme_nursing.id, start_date="2021-08-15")
        # The record rules apply to the records inserted, not only to the model.
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            bulk_create(Enrollment, [inside, outside], computed=Enrollment._bulk_computed_values)
        self.env.invalidate_all()
        self.assertFalse(person.enrollment_ids)
        created = bulk_create(Enrollment, [inside], computed=Enrollment._bulk_computed_values)
        self.assertEqual(created.programme_id, self.programme_nursing)
        self.assertEqual(created.create_uid, self.user_coordinator)

    def test_create_overrides_are_the_ones_the_fast_path_was_checked_against(self):
        # Installing an addon that overrides create() of one of these models
        # shows up here: the import then creates them through the ORM (with a
        # warning) until the fast path is checked against it and listed.
        present = {
            model: sorted(set(create_overrides(type(self.env[model]))))
            for model in FAST_PATH_VERIFIED
        }
        # The upper addons of the suite bring website.
        website = self.env["ir.module.module"]._get("website").state == "installed"
        self.assertEqual(
            present,
            {
                "res.partner": [
                    "base:Partner",
                    "mail:MailThread",
                    "usn_alumni_base:ResPartner",
                    *(["website:WebsitePublishedMixin"] if website else []),
                ],
                "alumni.enrollment": [
                    "mail:MailThread",
                    "usn_alumni_base:AlumniEnrollment",
                    "usn_alumni_base:AlumniPersonRecord",
                ],
                "alumni.prior.education": ["usn_alumni_base:AlumniPersonRecord"],
            },
        )
        for model, verified in FAST_PATH_VERIFIED.items():
            with self.subTest(model=model):
                self.assertEqual(unverified_create_overrides(type(self.env[model]), verified), [])

    def test_an_override_of_another_addon_is_unverified(self):
        registry_class = type(self.env["res.partner"])
        # A class as an addon's model class looks in the registry's chain.
        other = type(
            "ResPartner",
            (registry_class,),
            {"_module": "partner_autocomplete_custom", "create": registry_class.create},
        )
        self.assertEqual(create_overrides(other)[0], "partner_autocomplete_custom:ResPartner")
        self.assertEqual(
            unverified_create_overrides(other, FAST_PATH_VERIFIED["res.partner"]),
            ["partner_autocomplete_custom:ResPartner"],
        )
