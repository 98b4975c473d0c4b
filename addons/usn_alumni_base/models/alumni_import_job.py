# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import logging
import time
from collections import Counter
from contextlib import nullcontext
from itertools import chain, islice

import psycopg2
import xlsxwriter
from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.read_ahead import read_ahead
from ..tools.row_importer import RowImporter
from ..tools.spreadsheet import HEADER_SEARCH_ROWS, SpreadsheetError, find_header, read_rows
from .alumni_import_profile import REQUIRED_TARGETS

_logger = logging.getLogger(__name__)

# Rows written together: the lookups of a batch are a bounded number of
# queries, whatever the batch holds. 2,000, as Odoo's own import screen.
BATCH_SIZE = 2000
# A call of the scheduled action imports for this long (seconds); the
# scheduler commits and calls again while lines remain.
CRON_TIME_BUDGET = 60
# The states in which a job is being imported: it cannot be started again.
ACTIVE_STATES = ("queued", "running")
# The states from which an import can be started (or continued).
STARTABLE_STATES = ("draft", "checked", "failed", "cancelled")


class AlumniImportJob(models.Model):
    """The import of one student-system export.

    ``action_run()`` imports the file at once (scripts, tests, the wizard);
    ``action_run_in_background()`` hands it to a scheduled action that works
    through it a batch at a time, as the user who started it, and shows its
    progress; ``action_dry_run()`` checks the file and tells what an import
    would do, writing nothing. Either way, each row is all or nothing, a
    re-import of the same file changes nothing, and a run that stopped
    half-way (failed, or cancelled with ``action_cancel()``) continues where
    it stopped. A job is imported by one process at a time.
    """

    _name = "alumni.import.job"
    _description = "Student Data Import"
    _order = "id desc"
    _rec_name = "filename"

    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char(required=True)
    sheet_name = fields.Char(
        string="Sheet",
        help="The sheet of the workbook to import. When empty, the first sheet.",
    )
    profile_id = fields.Many2one(
        "alumni.import.profile",
        ondelete="restrict",
        help="How to read the file. When empty, the profile whose column names "
        "match the file's header is used.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("checked", "Checked"),
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("cancelled", "Cancelled"),
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
    date_checked = fields.Datetime(
        string="Checked On",
        readonly=True,
        copy=False,
        help="When the file was last checked without importing it (a dry run).",
    )
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
            job._lock_for_import()
            job._check_can_start()
            job._forget_check()
            job._run()
        return True

    def action_run_in_background(self):
        """Hand the files to the scheduled action, which imports them as the
        user who started them and shows its progress."""
        for job in self:
            job._lock_for_import()
            job._check_can_start()
            job._open()  # refuse a bad file at once, not later in the background
            job._forget_check()
        self.write({"state": "queued", "failure_message": False, "user_id": self.env.uid})
        self.env.ref("usn_alumni_base.ir_cron_alumni_import")._trigger()
        return True

    def action_dry_run(self):
        """Check the files without importing them: what each line would do
        (create, update, leave unchanged, or refuse) is reported on the job,
        and nothing else is written."""
        for job in self:
            job._lock_for_import()
            if job.state not in ("draft", "checked"):
                raise UserError(
                    self.env._(
                        "%(file)s can be checked only before it is imported.",
                        file=job.filename,
                    )
                )
            job._forget_check()
            job._dry_run()
        return True

    def action_cancel(self):
        """Stop queued or running imports. The batches imported so far stay
        (each batch is stored whole or not at all); the import can be
        continued later from where it stopped."""
        jobs = self.filtered(lambda job: job.state in ACTIVE_STATES)
        if not jobs:
            return True
        # Wait for a batch being stored to finish: the lock is taken while
        # the scheduled action writes a batch, and released when it stores it.
        self.env.cr.execute(
            SQL("SELECT id FROM alumni_import_job WHERE id = ANY(%s) FOR UPDATE", jobs.ids)
        )
        jobs.invalidate_recordset()
        jobs.filtered(lambda job: job.state in ACTIVE_STATES).write(
            {"state": "cancelled", "date_finished": fields.Datetime.now()}
        )
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

    def _lock_for_import(self):
        """Lock the job's row for this transaction, or refuse at once when
        another transaction holds it (the job is being imported or checked
        right now, by another request or the scheduled action)."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM alumni_import_job WHERE id = %s FOR UPDATE NOWAIT",
                        self.id,
                    )
                )
        except pg_errors.LockNotAvailable:
            raise UserError(self._running_message()) from None
        self.invalidate_recordset()

    def _check_can_start(self):
        """Refuse to start a job that is being imported or is done."""
        self.ensure_one()
        if self.state in ACTIVE_STATES:
            raise UserError(self._running_message())
        if self.state == "done":
            raise UserError(
                self.env._("The file %(file)s is imported already.", file=self.filename)
            )

    def _running_message(self):
        return self.env._(
            "%(file)s is being imported already (started by %(user)s); "
            "it cannot be started twice. Cancel it first to start it again.",
            file=self.filename,
            user=self.user_id.name or self.env.user.name,
        )

    def _forget_check(self):
        """Drop what a dry run reported, before the file is imported."""
        if self.state != "checked":
            return
        # The check's report, replaced by the run's; officers may not delete
        # the messages of an import otherwise.
        self.line_ids.sudo().unlink()
        self.write(
            {
                "state": "draft",
                "created_count": 0,
                "updated_count": 0,
                "unchanged_count": 0,
                "error_count": 0,
                "last_line": 0,
                "total_lines": 0,
            }
        )

    def _run(self, max_batches=None, batch_size=BATCH_SIZE, deadline=None, commit=False):
        """Import the rows after ``last_line``, ``batch_size`` rows at a time.
        Returns True when the file is done, False when it stopped with rows
        left: after ``max_batches`` batches, at the first batch that ends
        after ``deadline`` (a time.monotonic() value), or because the job was
        cancelled. With ``commit`` (the scheduled action), each batch is
        committed once stored, so that the job can be cancelled meanwhile."""
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
                if batches and not self._is_still_running():
                    return False
                self._import_batch(importer, outcome)
                batches += 1
                if batches & (batches - 1) == 0:
                    # After batches 1, 2, 4, 8...: the tables have doubled.
                    importer.refresh_statistics()
                if commit:
                    # The scheduler's run keeps each whole batch, so that a
                    # cancelled or interrupted import resumes after it.
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                if (max_batches and batches >= max_batches) or (
                    deadline and time.monotonic() > deadline
                ):
                    return False
        except SpreadsheetError as error:
            # Damage further on in the file, found only when reading it.
            raise UserError(self._file_error_message(error, self.filename)) from error
        finally:
            checked.close()
        if not self._is_still_running():
            return False
        self.write({"state": "done", "date_finished": fields.Datetime.now()})
        return True

    def _is_still_running(self):
        """Whether the job is still to be imported, as stored: it may have
        been cancelled since the last batch (seen once that batch is
        committed), and the lock keeps it from being cancelled while the next
        batch is written. A cancel that holds the lock right now stops the
        run too."""
        self.flush_recordset(["state"])
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT state FROM alumni_import_job WHERE id = %s FOR UPDATE NOWAIT",
                        self.id,
                    )
                )
                state = self.env.cr.fetchone()[0]
        except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure):
            return False
        if state != self.state:
            self.invalidate_recordset(["state"])
        return state == "running"

    def _dry_run(self, batch_size=BATCH_SIZE):
        """Import the file in a savepoint that is rolled back, and report
        what each line would do: counts and messages on the job, a message
        per line. Nothing else stays written."""
        self.ensure_one()
        profile, header_line, mapping, rows = self._open()
        importer = RowImporter(self.env, profile, mapping)
        would = {
            "created": self.env._("Would be created."),
            "updated": self.env._("Would be updated."),
            "unchanged": self.env._("Unchanged: nothing would be written."),
        }
        counts, messages, last_line = Counter(), [], header_line
        checked = read_ahead(
            importer.parse_batch(batch) for batch in self._batches(rows, batch_size)
        )
        savepoint = self.env.cr.savepoint()
        try:
            for outcome in checked:
                outcome = importer.write_batch(outcome)
                counts.update(outcome.counts)
                messages += outcome.messages
                messages += [
                    (line, "info", None, would[result])
                    for line, result in outcome.results.items()
                    if result in would
                ]
                last_line = outcome.last_line
        except SpreadsheetError as error:
            raise UserError(self._file_error_message(error, self.filename)) from error
        finally:
            checked.close()
            # Whatever happened, nothing of the trial stays.
            savepoint.close(rollback=True)
            self.env.invalidate_all()
            importer.forget_references()
        messages.sort(key=lambda message: (message[0], message[1] != "error"))
        self._record_messages(messages)
        self.write(
            {
                "state": "checked",
                "profile_id": profile.id,
                "header_line": header_line,
                "last_line": 0,
                "total_lines": last_line,
                "created_count": counts["created"],
                "updated_count": counts["updated"],
                "unchanged_count": counts["unchanged"],
                "error_count": counts["error"],
                "date_checked": fields.Datetime.now(),
                "failure_message": False,
            }
        )

    def _open(self):
        """Read the job's file up to its header row; see _read_header()."""
        self.ensure_one()
        profile, header_line, mapping, rows, _header = self._read_header(
            base64.b64decode(self.file or b""), self.filename, self.profile_id, self.sheet_name
        )
        return profile, header_line, mapping, rows

    @api.model
    def _read_header(self, content, filename, profile=None, sheet=None):
        """(profile, header line, mapping, rows after the header, header
        cells) of a file (of one sheet of a workbook, the first one when
        ``sheet`` is empty).

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
            rows = read_rows(content, filename, sheet)
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
        header = next(cells for line, cells in head if line == header_line)
        after_header = (row for row in head if row[0] > header_line)
        return profile, header_line, mapping, chain(after_header, rows), header

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
            "no_sheet": self.env._(
                "%(file)s has no sheet named “%(sheet)s”. Its sheets are: %(sheets)s.",
                file=filename,
                sheet=error.params.get("sheet"),
                sheets=", ".join(error.params.get("sheets", [])),
            ),
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
        for line, _cells in read_rows(base64.b64decode(self.file), self.filename, self.sheet_name):
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

        The import runs as the user who started it: their name on what it
        creates and changes, their language in its messages, their access
        rights and record rules. Run by the scheduler, each batch is
        committed once stored; the scheduler calls again while lines remain,
        so a stopped run continues from its last stored batch.
        """
        job = self.search([("state", "in", ACTIVE_STATES)], order="id", limit=1)
        if not job:
            return
        line_before = job.last_line
        # In the scheduler (not in a test, which cannot commit), each batch
        # is committed; otherwise the call is one savepoint.
        committing = bool(self.env.context.get("ir_cron_progress_id"))
        try:
            with nullcontext() if committing else self.env.cr.savepoint():
                job._as_its_user()._run(
                    deadline=time.monotonic() + CRON_TIME_BUDGET, commit=committing
                )
        except Exception as error:  # the job ends, whatever broke
            _logger.warning("Import %s failed", job.filename, exc_info=True)
            if committing:
                self.env.cr.rollback()  # back to the last stored batch
            self.env.invalidate_all()
            job.write({"state": "failed", "failure_message": _error_text(error)})
        job.invalidate_recordset()
        remaining = 0 if job.state not in ACTIVE_STATES else job.total_lines - job.last_line
        others = self.search_count([("state", "in", ACTIVE_STATES), ("id", "!=", job.id)])
        self.env["ir.cron"]._notify_progress(
            done=max(job.last_line - line_before, 1), remaining=max(remaining, 0) + others
        )

    def _as_its_user(self):
        """The job in the environment of the user who started it, with their
        language and time zone (the scheduled action runs as the superuser)."""
        self.ensure_one()
        user = self.user_id
        if not user:
            return self
        return self.with_env(
            self.env(
                user=user,
                su=False,
                context=dict(self.env.context, lang=user.lang, tz=user.tz),
            )
        )

    # ------------------------------------------------------------------
    # Importing a batch
    # ------------------------------------------------------------------

    def _record_messages(self, messages):
        """Add the (line, level, field, message) of a run to the job's lines."""
        self.env["alumni.import.job.line"].create(
            [
                {
                    "job_id": self.id,
                    "line_number": line,
                    "level": level,
                    "field": field,
                    "message": message,
                }
                for line, level, field, message in messages
            ]
        )

    def _import_batch(self, importer, outcome):
        """Write one checked batch of rows and record its outcome on the job."""
        outcome = importer.write_batch(outcome)
        self._record_messages(outcome.messages)
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


def _error_text(error):
    """The text of an error for the job's failure message."""
    if isinstance(error, psycopg2.Error):
        return str(error.diag.message_primary or error)
    return str(error.args[0] if getattr(error, "args", None) else error)
