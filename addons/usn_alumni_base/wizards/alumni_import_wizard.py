# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from itertools import islice

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

PREVIEW_ROWS = 5


class AlumniImportWizard(models.TransientModel):
    """Upload a student-system export, look at how it will be read, run it."""

    _name = "alumni.import.wizard"
    _description = "Import Student Data"

    file = fields.Binary(required=True)
    filename = fields.Char()
    profile_id = fields.Many2one(
        "alumni.import.profile",
        help="Leave empty to use the profile whose column names match the file.",
    )
    detected_profile_id = fields.Many2one(
        "alumni.import.profile", string="Read With", compute="_compute_preview"
    )
    preview = fields.Html(compute="_compute_preview", sanitize=False)
    preview_error = fields.Char(compute="_compute_preview")

    @api.depends("file", "filename", "profile_id")
    def _compute_preview(self):
        Job = self.env["alumni.import.job"]
        # The file itself, not its size, whatever the client asked for.
        for wizard in self.with_context(bin_size=False):
            wizard.detected_profile_id = False
            wizard.preview = False
            wizard.preview_error = False
            if not wizard.file or not wizard.filename:
                continue
            try:
                profile, header_line, mapping, rows = Job._read_header(
                    base64.b64decode(wizard.file), wizard.filename, wizard.profile_id
                )
            except UserError as error:
                wizard.preview_error = error.args[0]
                continue
            wizard.detected_profile_id = profile
            wizard.preview = wizard._render_preview(profile, header_line, mapping, rows)

    def _render_preview(self, profile, header_line, mapping, rows):
        labels = dict(
            self.env["alumni.import.profile.column"]
            ._fields["target"]
            ._description_selection(self.env)
        )
        columns = sorted(mapping.items(), key=lambda item: item[1])
        data = [
            (line, cells)
            for line, cells in islice(
                ((line, cells) for line, cells in rows if any(c is not None for c in cells)),
                PREVIEW_ROWS,
            )
        ]
        head = Markup("").join(
            Markup("<th>%s</th>") % labels.get(target, target) for target, _index in columns
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td>%s</tr>")
            % (
                line,
                Markup("").join(
                    Markup("<td>%s</td>")
                    % ("" if index >= len(cells) or cells[index] is None else cells[index])
                    for _target, index in columns
                ),
            )
            for line, cells in data
        )
        caption = self.env._(
            "Header on line %(line)s; the first rows as the import reads them.",
            line=header_line,
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
            {"file": content, "filename": self.filename, "profile_id": self.profile_id.id}
        )

    def action_import(self):
        job = self._create_job()
        job.action_run()
        return job._open_form()

    def action_import_in_background(self):
        job = self._create_job()
        job.action_run_in_background()
        return job._open_form()
