# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

# The integer fields that hold a year, by model.
YEAR_FIELDS = {
    "alumni.enrollment": {"graduation_year"},
    "alumni.application": {"intake_year"},
    "alumni.prior.education": {"graduation_year"},
    "res.partner": {"graduation_year", "intake_year"},
}


@tagged("post_install", "-at_install")
class TestYearFieldViews(TransactionCase):
    def test_every_year_in_a_list_or_form_is_written_as_a_year(self):
        views = self.env["ir.ui.view"].search(
            [("type", "in", ("list", "form")), ("model", "in", list(YEAR_FIELDS))]
        )
        own = views.filtered(lambda v: v.xml_id.startswith("usn_alumni_base."))
        self.assertTrue(own)
        for view in own:
            arch = etree.fromstring(view.arch_db)
            for node in arch.iter("field"):
                # The model of the node: its view's, or that of the x2many it is in.
                model, parent = view.model, node.getparent()
                while parent is not None and parent.tag != "field":
                    parent = parent.getparent()
                if parent is not None:
                    model = self.env[view.model]._fields[parent.get("name")].comodel_name
                if node.get("name") not in YEAR_FIELDS.get(model, ()):
                    continue
                with self.subTest(view=view.xml_id, field=node.get("name")):
                    self.assertEqual(node.get("widget"), "alumni_year")

    def test_years_are_not_summed_in_groups(self):
        for model, names in YEAR_FIELDS.items():
            for name in names:
                field = self.env[model]._fields.get(name)
                if field:
                    with self.subTest(model=model, field=name):
                        self.assertFalse(field.aggregator)


@tagged("post_install", "-at_install")
class TestYearFieldUi(HttpCase):
    def test_years_show_as_years(self):
        new_test_user(
            self.env,
            login="year_officer",
            password="year_officer",
            groups="usn_alumni_base.group_alumni_user",
        )
        programme = self.env["alumni.programme"].create(
            {"code": "YEAR", "name": "Year Studies", "level": "bachelor"}
        )
        Partner = self.env["res.partner"]
        graduate, student = Partner.create([{"name": "Yngve Year"}, {"name": "Ylva Year"}])
        self.env["alumni.enrollment"].create(
            [
                {
                    "partner_id": graduate.id,
                    "programme_id": programme.id,
                    "start_date": "2006-08-15",
                    "end_date": "2009-06-15",
                    "state": "completed",
                },
                {
                    "partner_id": student.id,
                    "programme_id": programme.id,
                    "start_date": "2025-08-15",
                },
            ]
        )
        self.env["alumni.application"].create(
            {"partner_id": graduate.id, "programme_id": programme.id, "intake_year": 2009}
        )
        self.start_tour(
            "/odoo/action-usn_alumni_base.alumni_enrollment_action",
            "usn_alumni_year_field",
            login="year_officer",
        )
