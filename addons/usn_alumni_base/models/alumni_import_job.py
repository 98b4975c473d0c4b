# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import logging
import time
from itertools import chain, islice

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.read_ahead import read_ahead
from ..tools.spreadsheet import HEADER_SEARCH_ROWS, SpreadsheetError, find_header, read_rows
from .alumni_import_profile import REQUIRED_TARGETS
from ..tools.row_importer import RowImporter

_logger = logging.getLogger(__name__)

# Rows written together: the lookups of a batch are a bounded number of
# queries, whatever the batch holds. 2,000, as Odoo's own import screen.
BATCH_SIZE = 2000
# A call of the scheduled action imports for this long (seconds); the
# scheduler commits and calls again while lines remain.
CRON_TIME_BUDGET = 60


class AlumniImportJob(models.Model):
    """The import of one student-system export.

    ``action_run()`` imports the file at once (scripts, tests, the wizard);
    ``action_run_in_background()`` hands it to a scheduled action that works
    through it a call at a time and shows its progress. Either way, each row is
    all or nothing, a re-import of the same file changes nothing, and a run
    that stopped half-way continues where it stopped.
    """

    _name = "alumni.import.job"
    _description = "Student Data Import"
    _order = "id desc"
    _rec_name = "filename"

    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char(required=True)
    profile_id = fields.Many2one(
        "alumni.import.profile",
        ondelete="restrict",
        help="How to read the file. When empty, the profile whose column names "
        "match the file's header is used.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
    )
    header_line = fields.Integer(readonly=True, copy=False)
    total_lines = fields.Integer(readonly=True, copy=False, help="Lines in the file.")
    last_line = fields.Integer(
        readonly=True, copy=False, help="The rows up to this line of the file are imported."
    )
    progress = fields.Float(compute="_compute_progress", digits=(5, 1))
    created_count = fields.Integer(string="Created", readonly=True, copy=False)
    updated_count = fields.Integer(string="Updated", readonly=True, copy=False)
    unchanged_count = fields.Integer(string="Unchanged", readonly=True, copy=False)
    error_count = fields.Integer(string="Errors", readonly=True, copy=False)
    warning_count = fields.Integer(compute="_compute_warning_count")
    line_ids = fields.One2many(
        "alumni.import.job.line", "job_id", string="Messages", readonly=True, copy=False
    )
    failure_message = fields.Text(readonly=True, copy=False)
    date_started = fields.Datetime(readonly=True, copy=False)
    date_finished = fields.Datetime(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users", string="Started By", default=lambda self: self.env.user, readonly=True
    )

    @api.depends("last_line", "header_line", "total_lines", "state")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            elif job.total_lines > job.header_line:
                done = max(job.last_line - job.header_line, 0)
                job.progress = min(100.0 * done / (job.total_lines - job.header_line), 100.0)
            else:
                job.progress = 0.0

    def _compute_warning_count(self):
        counts = dict(
            self.env["alumni.import.job.line"]._read_group(
                [("job_id", "in", self.ids), ("level", "=", "warning")], ["job_id"], ["__count"]
            )
        )
        for job in self:
            job.warning_count = counts.get(job, 0)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_run(self):
        """Import the files now, in the current transaction."""
        for job in self:
            job._run()
        return True

    def action_run_in_background(self):
        """Hand the files to the scheduled action, which shows its progress."""
        jobs = self.filtered(lambda job: job.state in ("draft", "failed"))
        for job in jobs:
            job._open()  # refuse a bad file at once, not later in the background
        jobs.write({"state": "queued", "failure_message": False})
        self.env.ref("usn_alumni_base.ir_cron_alumni_import")._trigger()
        return True

    def action_download_messages(self):
        """The errors and warnings as a spreadsheet, one row per message."""
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("%(file)s - messages.xlsx", file=self.filename),
                "raw": self._messages_xlsx(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_view_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "usn_alumni_base.alumni_import_job_line_action"
        )
        action["domain"] = [("job_id", "=", self.id)]
        action["context"] = {"search_default_errors": 1}
        return action

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------

    def _run(self, max_batches=None, batch_size=BATCH_SIZE, deadline=None):
        """Import the rows after ``last_line``, ``batch_size`` rows at a time.
        Returns True when the file is done, False when it stopped with rows
        left: after ``max_batches`` batches, or at the first batch that ends
        after ``deadline`` (a time.monotonic() value)."""
        self.ensure_one()
        if self.state == "done":
            raise UserError(
                self.env._("The file %(file)s is imported already.", file=self.filename)
            )
        profile, header_line, mapping, rows = self._open()
        if self.state != "running":
            self.write(
                {
                    "state": "running",
                    "profile_id": profile.id,
                    "header_line": header_line,
                    # Counting the lines costs a read of the file: only for
                    # the progress of a background run.
                    "total_lines": self._count_lines() if self.state == "queued" else 0,
                    "date_started": fields.Datetime.now(),
                    "failure_message": False,
                }
            )
        importer = RowImporter(self.env, profile, mapping)
        # The next batches are read and checked while the current one is
        # written: the two take turns on the processor and the database.
        checked = read_ahead(
            importer.parse_batch(batch) for batch in self._batches(rows, batch_size, self.last_line)
        )
        batches = 0
        try:
            for outcome in checked:
                self._import_batch(importer, outcome)
                batches += 1
                if batches & (batches - 1) == 0:
                    # After batches 1, 2, 4, 8...: the tables have doubled.
                    importer.refresh_statistics()
                if (max_batches and batches >= max_batches) or (
                    deadline and time.monotonic() > deadline
                ):
                    return False
        except SpreadsheetError as error:
            # Damage further on in the file, found only when reading it.
            raise UserError(self._file_error_message(error, self.filename)) from error
        finally:
            checked.close()
        self.write({"state": "done", "date_finished": fields.Datetime.now()})
        return True

    def _open(self):
        """Read the job's file up to its header row; see _read_header()."""
        self.ensure_one()
        return self._read_header(base64.b64decode(self.file or b""), self.filename, self.profile_id)

    @api.model
    def _read_header(self, content, filename, profile=None):
        """(profile, header line, mapping, rows after the header) of a file.

        The given profile is used, or else the active profile that recognises
        the most columns. A file that cannot be imported raises a UserError
        that says why; nothing is imported then.
        """
        profiles = profile or self.env["alumni.import.profile"].search(
            [("record_type", "=", "enrollment")]
        )
        if not profiles:
            raise UserError(self.env._("There is no import profile to read the file with."))
        try:
            rows = read_rows(content, filename)
            # The file is read once: every profile looks for its header in
            # the same first rows, and the winner continues the stream.
            head = list(islice(rows, HEADER_SEARCH_ROWS))
        except SpreadsheetError as error:
            raise UserError(self._file_error_message(error, filename)) from error
        found, refusals = [], []
        for candidate in profiles:
            try:
                header_line, mapping, _rest = find_header(
                    iter(head), candidate._synonyms(), list(REQUIRED_TARGETS)
                )
            except SpreadsheetError as error:
                refusals.append(error)
                continue
            found.append((len(mapping), -candidate.sequence, candidate, header_line, mapping))
        if not found:
            # A profile that found the header but missed a column says the most.
            refusals.sort(key=lambda error: error.code != "missing_columns")
            raise UserError(self._file_error_message(refusals[0], filename))
        found.sort(key=lambda candidate: candidate[:2], reverse=True)
        _count, _sequence, profile, header_line, mapping = found[0]
        after_header = (row for row in head if row[0] > header_line)
        return profile, header_line, mapping, chain(after_header, rows)

    @api.model
    def _file_error_message(self, error, filename):
        labels = dict(
            self.env["alumni.import.profile.column"]
            ._fields["target"]
            ._description_selection(self.env)
        )
        messages = {
            "unsupported_type": self.env._(
                "%(file)s is not a spreadsheet the import reads: use an .xlsx, .xls or .csv file.",
                file=filename,
            ),
            "empty": self.env._("%(file)s is empty.", file=filename),
            "corrupt": self.env._(
                "%(file)s cannot be read: the file is damaged or is not what its name says.",
                file=filename,
            ),
            "no_header": self.env._(
                "No header row was found in %(file)s: none of the first rows has the "
                "column names of an import profile.",
                file=filename,
            ),
            "missing_columns": self.env._(
                "%(file)s has no column for: %(columns)s.",
                file=filename,
                columns=", ".join(
                    labels.get(column, column) for column in error.params.get("columns", [])
                ),
            ),
        }
        if error.code == "corrupt" and error.params.get("line"):
            return self.env._(
                "%(file)s cannot be read from line %(line)s on: the file is damaged there.",
                file=filename,
                line=error.params["line"],
            )
        return messages.get(error.code, str(error))

    def _count_lines(self):
        """The number of the file's last line, for the progress."""
        last = 0
        for line, _cells in read_rows(base64.b64decode(self.file), self.filename):
            last = line
        return last

    @api.model
    def _batches(self, rows, batch_size, after_line=0):
        """Batches of (line, cells), skipping blank rows and the rows up to
        ``after_line``, imported by an earlier run."""
        rows = (
            (line, cells)
            for line, cells in rows
            if line > after_line and any(cell is not None for cell in cells)
        )
        while batch := list(islice(rows, batch_size)):
            yield batch

    @api.model
    def _cron_run_jobs(self):
        """Scheduled action: continue the oldest queued or running import for
        at most CRON_TIME_BUDGET seconds and report the progress.

        The scheduler commits after each call and calls again while lines
        remain, so a stopped run continues from its last committed call.
        """
        job = self.search([("state", "in", ("queued", "running"))], order="id", limit=1)
        if not job:
            return
        line_before = job.last_line
        try:
            with self.env.cr.savepoint():
                job._run(deadline=time.monotonic() + CRON_TIME_BUDGET)
        except Exception as error:  # the job ends, whatever broke
            _logger.warning("Import %s failed", job.filename, exc_info=True)
            job.invalidate_recordset()
            job.write({"state": "failed", "failure_message": str(error)})
        remaining = 0 if job.state in ("done", "failed") else job.total_lines - job.last_line
        others = self.search_count([("state", "in", ("queued", "running")), ("id", "!=", job.id)])
        self.env["ir.cron"]._notify_progress(
            done=max(job.last_line - line_before, 1), remaining=max(remaining, 0) + others
        )

    # ------------------------------------------------------------------
    # Importing a batch
    # ------------------------------------------------------------------

    def _import_batch(self, importer, outcome):
        """Write one checked batch of rows and record its outcome on the job."""
        outcome = importer.write_batch(outcome)
        self.env["alumni.import.job.line"].create(
            [
                {
                    "job_id": self.id,
                    "line_number": line,
                    "level": level,
                    "field": field,
                    "message": message,
                }
                for line, level, field, message in outcome.messages
            ]
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_import_job
                   SET created_count = COALESCE(created_count, 0) + %(created)s,
                       updated_count = COALESCE(updated_count, 0) + %(updated)s,
                       unchanged_count = COALESCE(unchanged_count, 0) + %(unchanged)s,
                       error_count = COALESCE(error_count, 0) + %(errors)s,
                       last_line = %(last_line)s
                 WHERE id = %(id)s
                """,
                created=outcome.counts["created"],
                updated=outcome.counts["updated"],
                unchanged=outcome.counts["unchanged"],
                errors=outcome.counts["error"],
                last_line=outcome.last_line,
                id=self.id,
            )
        )
        # The batch is stored: what the ORM holds of it is not needed any more,
        # and a file of any size runs in the memory of one batch.
        self.env.invalidate_all()

    def _messages_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Messages"))
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Line"),
            self.env._("Level"),
            self.env._("Column"),
            self.env._("Message"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        levels = dict(
            self.env["alumni.import.job.line"]._fields["level"]._description_selection(self.env)
        )
        for row, line in enumerate(self.line_ids, start=1):
            sheet.write_number(row, 0, line.line_number)
            sheet.write(row, 1, levels.get(line.level, line.level))
            sheet.write(row, 2, line.field or "")
            sheet.write(row, 3, line.message)
        sheet.set_column(3, 3, 80)
        workbook.close()
        return output.getvalue()

    def _open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
