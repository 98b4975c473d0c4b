# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from itertools import islice

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.spreadsheet import SpreadsheetError, sheet_names

PREVIEW_ROWS = 5


class AlumniImportWizard(models.TransientModel):
    """Upload a student-system export, look at how it will be read, check it
    or run it."""

    _name = "alumni.import.wizard"
    _description = "Import Student Data"

    file = fields.Binary(required=True)
    filename = fields.Char()
    profile_id = fields.Many2one(
        "alumni.import.profile",
        help="Leave empty to use the profile whose column names match the file.",
    )
    sheet_name = fields.Char(
        string="Sheet",
        help="The sheet of the workbook to import, by name. When empty, the first sheet.",
    )
    sheet_names = fields.Char(
        string="Sheets in the File",
        compute="_compute_preview",
        help="The sheets of the workbook, when it has several.",
    )
    detected_profile_id = fields.Many2one(
        "alumni.import.profile", string="Read With", compute="_compute_preview"
    )
    preview = fields.Html(compute="_compute_preview", sanitize=False)
    preview_error = fields.Char(compute="_compute_preview")

    @api.depends("file", "filename", "profile_id", "sheet_name")
    def _compute_preview(self):
        Job = self.env["alumni.import.job"]
        # The file itself, not its size, whatever the client asked for.
        for wizard in self.with_context(bin_size=False):
            wizard.detected_profile_id = False
            wizard.preview = False
            wizard.preview_error = False
            wizard.sheet_names = False
            if not wizard.file or not wizard.filename:
                continue
            content = base64.b64decode(wizard.file)
            try:
                sheets = sheet_names(content, wizard.filename)
            except SpreadsheetError as error:
                wizard.preview_error = Job._file_error_message(error, wizard.filename)
                continue
            if len(sheets) > 1:
                wizard.sheet_names = ", ".join(sheets)
            try:
                profile, header_line, mapping, rows, header = Job._read_header(
                    content, wizard.filename, wizard.profile_id, wizard.sheet_name
                )
            except UserError as error:
                wizard.preview_error = error.args[0]
                continue
            wizard.detected_profile_id = profile
            wizard.preview = wizard._render_preview(profile, header_line, mapping, rows, header)

    def _render_preview(self, profile, header_line, mapping, rows, header=()):
        """The file's first rows as the import reads them: every column of
        the header, those the import reads under the field they fill, the
        others marked as ignored."""
        labels = dict(
            self.env["alumni.import.profile.column"]
            ._fields["target"]
            ._description_selection(self.env)
        )
        target_of = {index: target for target, index in mapping.items()}
        width = max([len(header), *(index + 1 for index in mapping.values())])
        columns = [
            (
                index,
                target_of.get(index),
                header[index] if index < len(header) and header[index] is not None else "",
            )
            for index in range(width)
        ]
        # A column without a name and without data is no column at all.
        columns = [column for column in columns if column[1] or column[2] != ""]
        ignored_label = self.env._("ignored")
        data = [
            (line, cells)
            for line, cells in islice(
                ((line, cells) for line, cells in rows if any(c is not None for c in cells)),
                PREVIEW_ROWS,
            )
        ]
        head = Markup("").join(
            Markup('<th title="%s">%s</th>') % (name, labels.get(target, target))
            if target
            else Markup(
                '<th class="text-muted o_alumni_import_ignored">%s '
                '<span class="badge text-bg-light">%s</span></th>'
            )
            % (name, ignored_label)
            for _index, target, name in columns
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td>%s</tr>")
            % (
                line,
                Markup("").join(
                    Markup('<td class="%s">%s</td>')
                    % (
                        "" if target else "text-muted",
                        "" if index >= len(cells) or cells[index] is None else cells[index],
                    )
                    for index, target, _name in columns
                ),
            )
            for line, cells in data
        )
        ignored = [name for _index, target, name in columns if not target]
        caption = self.env._(
            "Header on line %(line)s; the first rows as the import reads them.",
            line=header_line,
        )
        if ignored:
            caption = self.env._(
                "%(caption)s Columns the import does not read (ignored): %(columns)s.",
                caption=caption,
                columns=", ".join(str(name) for name in ignored),
            )
        return Markup(
            '<p class="text-muted">%s</p>'
            '<table class="table table-sm table-bordered o_alumni_import_preview">'
            "<thead><tr><th>%s</th>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (escape(caption), self.env._("Line"), head, body)

    def _create_job(self):
        self.ensure_one()
        if self.preview_error:
            raise UserError(self.preview_error)
        content = self.with_context(bin_size=False).file
        return self.env["alumni.import.job"].create(
            {
                "file": content,
                "filename": self.filename,
                "profile_id": self.profile_id.id,
                "sheet_name": self.sheet_name,
            }
        )

    def action_import(self):
        job = self._create_job()
        job.action_run()
        return job._open_form()

    def action_import_in_background(self):
        job = self._create_job()
        job.action_run_in_background()
        return job._open_form()

    def action_dry_run(self):
        """Check the file without importing it; the job tells what an
        import would do, line by line, and can then be imported."""
        job = self._create_job()
        job.action_dry_run()
        return job._open_form()
