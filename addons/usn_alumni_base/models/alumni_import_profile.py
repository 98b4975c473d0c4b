# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What a column of a student-system export can hold, for the record type
# "people with enrolments".
IMPORT_TARGETS = [
    ("student_number", "Student number"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("name", "Full name"),
    ("birth_date", "Date of birth"),
    ("email", "E-mail"),
    ("phone", "Phone"),
    ("programme_code", "Programme code"),
    ("programme_name", "Programme name"),
    ("faculty", "Faculty"),
    ("campus", "Campus"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("status", "Status"),
    ("grade", "Grade average"),
    ("school", "Secondary school"),
    ("school_year", "School leaving year"),
]
REQUIRED_TARGETS = ("programme_code", "start_date", "status")
DEFAULT_DATE_FORMATS = "%d.%m.%Y,%d-%m-%Y,%d/%m/%Y,%Y-%m-%d"


class AlumniImportProfile(models.Model):
    """What a student-system export holds and how to read it: the header
    names of each column (in any language), the default phone region, the
    date formats, and whether unknown programmes, faculties and campuses are
    created from the file."""

    _name = "alumni.import.profile"
    _description = "Import Profile"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    record_type = fields.Selection(
        [("enrollment", "People with enrolments")],
        required=True,
        default="enrollment",
        help="What one row of the file describes. Each record type has its own "
        "columns; other addons add record types (applications, career positions).",
    )
    default_phone_region = fields.Char(
        required=True,
        default="NO",
        size=2,
        help="Country (ISO code) of phone numbers written without a country code.",
    )
    date_formats = fields.Char(
        required=True,
        default=DEFAULT_DATE_FORMATS,
        help="Formats of dates written as text, separated by commas, in the "
        "notation of Python's strptime. Real date cells are always read.",
    )
    create_missing = fields.Boolean(
        string="Create Missing Programmes",
        default=True,
        help="Create the programmes, faculties, campuses and schools named in the "
        "file that do not exist yet. Otherwise a row naming one is an error.",
    )
    column_ids = fields.One2many("alumni.import.profile.column", "profile_id", string="Columns")
    active = fields.Boolean(default=True)

    @api.constrains("default_phone_region")
    def _check_default_phone_region(self):
        for profile in self:
            region = profile.default_phone_region or ""
            if len(region) != 2 or not region.isalpha() or not region.isupper():
                raise ValidationError(
                    self.env._(
                        "The phone region of the import profile %(profile)s must be a "
                        "two-letter country code such as NO or NL, not “%(region)s”.",
                        profile=profile.name,
                        region=region,
                    )
                )

    @api.constrains("column_ids")
    def _check_required_columns(self):
        for profile in self:
            missing = set(REQUIRED_TARGETS) - set(profile.column_ids.mapped("target"))
            if missing:
                labels = dict(IMPORT_TARGETS)
                raise ValidationError(
                    self.env._(
                        "The import profile %(profile)s has no column for: %(columns)s.",
                        profile=profile.name,
                        columns=", ".join(sorted(labels[target] for target in missing)),
                    )
                )

    def _synonyms(self):
        """{target: [header names]} of this profile."""
        self.ensure_one()
        return {
            column.target: [name.strip() for name in column.header_names.split(",") if name.strip()]
            for column in self.column_ids
        }

    def _date_formats(self):
        self.ensure_one()
        return tuple(fmt.strip() for fmt in self.date_formats.split(",") if fmt.strip())
