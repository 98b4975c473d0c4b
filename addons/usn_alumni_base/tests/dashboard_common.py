# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
import os
import re

from odoo.tools import file_open
from odoo.tools.translate import extract_spreadsheet_terms

from odoo.addons.usn_alumni_base.tools.dashboard_json import dashboard_references

# The files Odoo's translation export reads dashboard terms from
# (odoo.tools.translate.TranslationReader._export_translatable_resources).
EXPORTED_DASHBOARD_FILE = re.compile(r".*/data/.*_dashboard(\.osheet)?\.json$")


class DashboardChecks:
    """Checks of one of the suite's spreadsheet dashboards, for the test
    classes (TransactionCase) of the addon that ships it."""

    def _dashboard_data(self, xmlid):
        dashboard = self.env.ref(xmlid)
        return dashboard, json.loads(dashboard.spreadsheet_data)

    def assertDashboardFile(self, xmlid, path):
        """The record holds the addon's file, which Odoo's translation export
        reads, with the texts a person sees marked for translation, and is
        in the Alumni group of the Dashboards app."""
        dashboard, data = self._dashboard_data(xmlid)
        self.assertEqual(
            dashboard.dashboard_group_id,
            self.env.ref("usn_alumni_base.spreadsheet_dashboard_group_alumni"),
        )
        with file_open(path, "rb") as f:
            content = f.read()
        self.assertEqual(base64.b64decode(dashboard.spreadsheet_binary_data), content)
        self.assertRegex(os.path.join("/addons", path), EXPORTED_DASHBOARD_FILE)
        with file_open(path, "rb") as f:
            terms = {term for __, __, term, __ in extract_spreadsheet_terms(f, [], [], {})}
        for sheet in data["sheets"]:
            for figure in sheet["figures"]:
                title = figure["data"].get("title", {}).get("text")
                if title:
                    self.assertIn(title, terms)
            for ref, cell in sheet["cells"].items():
                content = cell["content"]
                # Text in a cell is either a translated term or a link whose
                # text is one; the rest is formulas of numbers.
                if not content.startswith("=") and not content.startswith("["):
                    self.fail(f"{sheet['name']}!{ref}: untranslatable text {content!r}")
        for global_filter in data["globalFilters"]:
            self.assertIn(global_filter["label"], terms)
        return data

    def assertDashboardNamesExist(self, xmlid):
        """Every model, field, measure, grouping and menu the dashboard names
        exists, and each measure can be aggregated."""
        __, data = self._dashboard_data(xmlid)
        refs = dashboard_references(data)
        self.assertTrue(refs)
        for kind, model, name, where in refs:
            with self.subTest(kind=kind, model=model, name=name, where=where):
                if kind in ("menu", "xmlid"):
                    record = self.env.ref(name, raise_if_not_found=False)
                    self.assertTrue(record, name)
                    self.assertEqual(
                        record._name, "ir.ui.menu" if kind == "menu" else "ir.actions.act_window"
                    )
                    continue
                self.assertIn(model, self.env)
                if kind in ("model", "view"):
                    continue
                Model = self.env[model]
                for part in name.split("."):
                    self.assertIn(part, Model._fields, f"{where}: {model}.{name}")
                    field = Model._fields[part]
                    if field.relational:
                        Model = self.env[field.comodel_name]
                if kind == "measure":
                    self.assertTrue(field.aggregator, f"{where}: {model}.{name} has no aggregator")
        return data

    def _dashboard_pivot_groups(self, xmlid, pivot_id, user):
        """The groups of a pivot of the dashboard, read as the user reads
        them in the browser (read_group under the user's rules)."""
        __, data = self._dashboard_data(xmlid)
        pivot = data["pivots"][pivot_id]
        rows = [
            f"{row['fieldName']}:{row['granularity']}"
            if row.get("granularity")
            else row["fieldName"]
            for row in pivot["rows"]
        ]
        measures = [m["fieldName"] for m in pivot["measures"]]
        return (
            self.env[pivot["model"]]
            .with_user(user)
            .read_group(pivot["domain"], measures, rows, lazy=False)
        )

    def assertDashboardLinksWorkFor(self, xmlid, users):
        """Each link of the dashboard's cells opens for each user: the menu
        is one they have (else the cell shows an error), the model one they
        may read."""
        __, data = self._dashboard_data(xmlid)
        links = [ref for ref in dashboard_references(data) if ref[0] in ("menu", "view")]
        self.assertTrue(links)
        for user in users:
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for kind, model, name, where in links:
                with self.subTest(user=user.login, where=where):
                    if kind == "menu":
                        self.assertIn(self.env.ref(name).id, visible)
                    else:
                        self.assertTrue(self.env[model].with_user(user).has_access("read"))
