# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AlumniFaculty(models.Model):
    _name = "alumni.faculty"
    _description = "Faculty or Department"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name"]
    _order = "complete_name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code of the unit in the student system.")
    complete_name = fields.Char(
        compute="_compute_complete_name",
        store=True,
        recursive=True,
        help="The path of the unit in English, which orders the list.",
    )
    parent_id = fields.Many2one(
        "alumni.faculty",
        string="Part of",
        index=True,
        ondelete="restrict",
        help="The faculty a department belongs to; empty for a faculty.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("alumni.faculty", "parent_id", string="Departments")
    programme_ids = fields.One2many("alumni.programme", "faculty_id", string="Programmes")
    programme_count = fields.Integer(compute="_compute_programme_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another faculty or department already has this code."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        # Stored once for every reader: in English, whoever changed the name.
        for faculty in self.with_context(lang="en_US"):
            if faculty.parent_id:
                faculty.complete_name = f"{faculty.parent_id.complete_name} / {faculty.name}"
            else:
                faculty.complete_name = faculty.name

    @api.depends("name", "complete_name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The path in the reader's language, e.g. "Fakultet for helse / Institutt
        # for sykepleie": the names are translated, the stored path is not.
        for faculty in self:
            names, unit = [], faculty
            while unit:
                names.append(unit.name or "")
                unit = unit.parent_id
            faculty.display_name = " / ".join(reversed(names))

    def _compute_programme_count(self):
        counts = dict(
            self.env["alumni.programme"]._read_group(
                [("faculty_id", "child_of", self.ids)], ["faculty_id"], ["__count"]
            )
        )
        for faculty in self:
            faculty.programme_count = sum(
                count
                for unit, count in counts.items()
                if unit.parent_path.startswith(faculty.parent_path or "")
            )
