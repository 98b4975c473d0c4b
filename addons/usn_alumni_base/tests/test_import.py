# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import json
from pathlib import Path
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools import row_importer
from ..tools.row_importer import RowImporter
from .common import NOW, AlumniCommon

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
SAMPLES = sorted(EXPECTED)


class ImportCase(AlumniCommon):
    """Jobs made from files, and what to compare after an import."""

    def _job(self, filename, content=None, **vals):
        if content is None:
            content = (DATA / filename).read_bytes()
        return self.env["alumni.import.job"].create(
            {"file": base64.b64encode(content), "filename": filename, **vals}
        )

    def _counts(self, job):
        return {
            "created": job.created_count,
            "updated": job.updated_count,
            "unchanged": job.unchanged_count,
            "error": job.error_count,
        }

    def _snapshot(self):
        """What the import may change, to show that a run changed nothing."""
        return {
            model: self.env[model].with_context(active_test=False).search_count([])
            for model in (
                "res.partner",
                "alumni.enrollment",
                "alumni.programme",
                "alumni.faculty",
                "alumni.campus",
                "alumni.prior.education",
                "alumni.lifecycle.event",
            )
        }

    def _assert_people(self, expected):
        Partner = self.env["res.partner"]
        for number, person in expected["people"].items():
            with self.subTest(file=expected["file"], student_number=number):
                partner = Partner.search([("student_number", "=", number)])
                self.assertEqual(len(partner), 1)
                self.assertEqual(partner.email or None, person["email"])
                self.assertEqual(partner.phone or None, person["phone"])
                self.assertEqual(partner.lifecycle_stage, person["stage"])
                self.assertEqual(len(partner.enrollment_ids), person["enrollments"])
                if "first" in person:
                    self.assertEqual(partner.name, f"{person['first']} {person['last']}")
                if "grade" in person:
                    self.assertIn(person["grade"], partner.enrollment_ids.mapped("final_grade"))


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestImport(ImportCase):
    def test_sample_files_import_as_expected(self):
        for filename in SAMPLES:
            expected = EXPECTED[filename]
            with self.subTest(file=filename):
                job = self._job(filename)
                job.action_run()
                self.assertEqual(job.state, "done")
                self.assertEqual(self._counts(job), expected["first_import"])
                errors = job.line_ids.filtered(lambda line: line.level == "error")
                self.assertEqual(
                    sorted(set(errors.mapped("line_number"))),
                    [line["line"] for line in expected["error_lines"]],
                )
                self._assert_people(expected)

    def test_reimport_creates_nothing(self):
        for filename in SAMPLES:
            expected = EXPECTED[filename]
            with self.subTest(file=filename):
                self._job(filename).action_run()
                before = self._snapshot()
                again = self._job(filename)
                again.action_run()
                self.assertEqual(self._counts(again), expected["reimport"])
                self.assertEqual(self._snapshot(), before)
                self._assert_people(expected)

    def test_error_lines_say_what_is_wrong(self):
        job = self._job("fs_students_nb.xlsx")
        job.action_run()
        messages = {
            line.line_number: line.message for line in job.line_ids if line.level == "error"
        }
        self.assertIn("neither a student number nor an e-mail", messages[20])
        self.assertIn("no start date", messages[24])
        self.assertIn("before it starts", messages[27])
        warnings = job.line_ids.filtered(lambda line: line.level == "warning")
        by_line = {(line.line_number, line.field) for line in warnings}
        self.assertIn((17, "E-mail"), by_line)
        self.assertIn((17, "Phone"), by_line)
        self.assertIn((30, "Date of birth"), by_line)

    def test_messages_download_as_spreadsheet(self):
        job = self._job("legacy_students_en.xls")
        job.action_run()
        action = job.action_download_messages()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual((attachment.res_model, attachment.res_id), (job._name, job.id))
        self.assertTrue(attachment.raw.startswith(b"PK"))

    def test_interrupted_import_continues_to_the_same_end(self):
        expected = EXPECTED["fs_students_nb.xlsx"]
        job = self._job("fs_students_nb.xlsx")
        # Two batches of ten rows go in, then the run stops, as a killed
        # background run stops after its last committed batch.
        self.assertFalse(job._run(max_batches=2, batch_size=10))
        self.assertEqual(job.state, "running")
        self.assertGreater(job.last_line, job.header_line)
        partial = sum(self._counts(job).values())
        self.assertEqual(partial, 20)
        self.assertTrue(job._run(batch_size=10))
        self.assertEqual(job.state, "done")
        self.assertEqual(self._counts(job), expected["first_import"])
        self._assert_people(expected)

    def test_rerun_of_a_half_done_file_from_the_start_reaches_the_same_state(self):
        expected = EXPECTED["fs_students_nb.xlsx"]
        half = self._job("fs_students_nb.xlsx")
        half._run(max_batches=1, batch_size=15)
        # The operator starts the file again instead of continuing.
        again = self._job("fs_students_nb.xlsx")
        again.action_run()
        self.assertEqual(sum(self._counts(again).values()), expected["data_rows"])
        self.assertEqual(again.created_count + half.created_count, 33)
        self._assert_people(expected)

    def test_bad_files_are_refused_and_import_nothing(self):
        header = "Studentnr;Fornavn;Etternavn;E-post;Studieprogramkode;Status\n"
        cases = {
            "report.pdf": (b"%PDF-1.4 not a spreadsheet", "use an .xlsx, .xls or .csv"),
            "broken.xlsx": (b"this is no zip archive" * 10, "cannot be read"),
            "broken.xls": (b"PK\x03\x04 not an old Excel file", "cannot be read"),
            "empty.csv": (b"", "is empty"),
            "missing.csv": (
                (header + "123;Ola;Nordmann;ola@example.com;BSYKE;aktiv\n").encode(),
                "no column for: Start date",
            ),
            "noheader.csv": (b"a;b;c\n1;2;3\n", "No header row was found"),
        }
        before = self._snapshot()
        for filename, (content, message) in cases.items():
            with self.subTest(file=filename):
                job = self._job(filename, content)
                with self.assertRaisesRegex(UserError, message):
                    job.action_run()
                self.assertEqual(self._snapshot(), before)

    def test_damage_further_on_in_a_file_ends_the_run_with_a_clear_error(self):
        header = "Studentnr;E-post;Studieprogramkode;Startdato;Status\n"
        good = "".join(f"77{i:04d};ada{i}@example.no;BSYKE;15.08.2020;aktiv\n" for i in range(30))
        # A cell longer than any CSV reader accepts, on line 32.
        damaged = "770099;" + "x" * 200_000 + ";BSYKE;15.08.2020;aktiv\n"
        job = self._job("students.csv", (header + good + damaged).encode())
        with self.assertRaisesRegex(UserError, "students.csv cannot be read from line 32 on"):
            job._run(batch_size=10)

    def test_missing_programme_is_refused_when_profile_does_not_create(self):
        profile = self.env.ref("usn_alumni_base.import_profile_osiris_nl")
        profile.create_missing = False
        job = self._job("osiris_students_nl.csv", profile_id=profile.id)
        job.action_run()
        self.assertEqual(job.error_count, EXPECTED["osiris_students_nl.csv"]["data_rows"])
        self.assertIn("Unknown programme codes", job.line_ids[0].message)
        self.assertFalse(self.env["res.partner"].search([("student_number", "=", "799772")]))

    def test_profile_is_detected_from_the_header(self):
        for filename, xmlid in (
            ("fs_students_nb.xlsx", "usn_alumni_base.import_profile_fs_nb"),
            ("legacy_students_en.xls", "usn_alumni_base.import_profile_legacy_en"),
            ("osiris_students_nl.csv", "usn_alumni_base.import_profile_osiris_nl"),
        ):
            with self.subTest(file=filename):
                job = self._job(filename)
                job.action_run()
                self.assertEqual(job.profile_id, self.env.ref(xmlid))

    def test_wizard_previews_the_first_rows(self):
        wizard = self.env["alumni.import.wizard"].create(
            {
                "file": base64.b64encode((DATA / "fs_students_nb.xlsx").read_bytes()),
                "filename": "fs_students_nb.xlsx",
            }
        )
        self.assertEqual(
            wizard.detected_profile_id, self.env.ref("usn_alumni_base.import_profile_fs_nb")
        )
        self.assertIn("Header on line 3", wizard.preview)
        self.assertIn("Inger", wizard.preview)
        self.assertFalse(wizard.preview_error)
        action = wizard.action_import()
        job = self.env["alumni.import.job"].browse(action["res_id"])
        self.assertEqual(job.state, "done")
        self.assertEqual(job.created_count, 33)

    def test_officer_imports_and_coordinator_cannot(self):
        expected = EXPECTED["fs_students_nb.xlsx"]
        job = self._job("fs_students_nb.xlsx").with_user(self.user_officer)
        job.action_run()
        self.assertEqual(self._counts(job), expected["first_import"])
        self.assertTrue(job.line_ids)
        with self.assertRaises(AccessError):
            self._job("osiris_students_nl.csv").with_user(self.user_coordinator).action_run()

    def test_background_import_runs_in_the_scheduled_action(self):
        expected = EXPECTED["osiris_students_nl.csv"]
        job = self._job("osiris_students_nl.csv")
        job.action_run_in_background()
        self.assertEqual(job.state, "queued")
        self.env["alumni.import.job"]._cron_run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.total_lines, 15)
        self.assertEqual(job.progress, 100.0)
        self.assertEqual(self._counts(job), expected["first_import"])
        self._assert_people(expected)

    def test_background_import_refuses_a_bad_file_at_once(self):
        job = self._job("students.csv", b"")
        with self.assertRaisesRegex(UserError, "is empty"):
            job.action_run_in_background()
        self.assertEqual(job.state, "draft")

    def test_background_import_that_breaks_is_marked_failed(self):
        job = self._job("osiris_students_nl.csv")
        job.action_run_in_background()
        # The file changes under the queued job: it no longer reads.
        job.file = base64.b64encode(b"not a spreadsheet at all")
        job.filename = "students.pdf"
        self.env["alumni.import.job"]._cron_run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("use an .xlsx, .xls or .csv", job.failure_message)
        self.assertFalse(self.env["res.partner"].search([("student_number", "=", "799772")]))

    def test_changed_rows_update_people_and_enrolments(self):
        header = (
            "Studentnr;Fornavn;Etternavn;E-post;Mobil;Studieprogramkode;Startdato;"
            "Sluttdato;Status;Snittkarakter;Videregående skole;Avgangsår vgs\n"
        )
        row = (
            "{n};Ada;Aas {n};ada{n}@example.no;9123{phone};BSYKE;15.08.2020;{end};"
            "{status};{grade};Skien vgs;{year}\n"
        )
        first = header + "".join(
            row.format(n=n, phone=4590 + i, end="", status="aktiv", grade="3,5", year=2019)
            for i, n in enumerate((770001, 770002))
        )
        second = header + "".join(
            row.format(
                n=n, phone=4598 + i, end="20.06.2023", status="fullført", grade="4,5", year=2018
            )
            for i, n in enumerate((770001, 770002))
        )
        self._job("first.csv", first.encode()).action_run()
        job = self._job("second.csv", second.encode())
        job.action_run()
        self.assertEqual(
            self._counts(job), {"created": 0, "updated": 2, "unchanged": 0, "error": 0}
        )
        people = self.env["res.partner"].search([("student_number", "in", ["770001", "770002"])])
        self.assertEqual(sorted(people.mapped("phone")), ["+4791234598", "+4791234599"])
        self.assertEqual(set(people.mapped("lifecycle_stage")), {"alumnus"})
        self.assertEqual(set(people.enrollment_ids.mapped("final_grade")), {4.5})
        self.assertEqual(set(people.prior_education_ids.mapped("graduation_year")), {2018})


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestImportBackOffice(ImportCase):
    """What an officer does with an import: start it once, cancel it, check
    a file first, choose the sheet, see which columns are read, and leave
    the background run to the scheduled action, which runs it as them."""

    HEADER = "Studentnr;Fornavn;Etternavn;E-post;Studieprogramkode;Startdato;Status"

    def _csv(self, *rows, header=None):
        return "\n".join([header or self.HEADER, *rows]).encode()

    def test_a_running_import_cannot_be_started_twice(self):
        job = self._job("osiris_students_nl.csv").with_user(self.user_officer)
        job.action_run_in_background()
        self.assertEqual(job.state, "queued")
        for action in (job.action_run, job.action_run_in_background, job.action_dry_run):
            with self.subTest(action=action.__name__):
                with self.assertRaisesRegex(UserError, "cannot be started twice|only before"):
                    action()
        # Half-way through, in the scheduled action: still refused.
        job._run(max_batches=1, batch_size=5)
        self.assertEqual(job.state, "running")
        with self.assertRaisesRegex(UserError, "cannot be started twice"):
            job.action_run()
        self.assertEqual(job.created_count + job.updated_count + job.error_count, 5)

    def test_a_running_import_is_cancelled_after_whole_batches(self):
        expected = EXPECTED["fs_students_nb.xlsx"]
        job = self._job("fs_students_nb.xlsx").with_user(self.user_officer)
        job.action_run_in_background()
        job._run(max_batches=1, batch_size=10)
        job.action_cancel()
        self.assertEqual(job.state, "cancelled")
        # The first batch stays, whole; the scheduled action leaves the job.
        self.assertEqual(sum(self._counts(job).values()), 10)
        self.env["alumni.import.job"]._cron_run_jobs()
        self.assertEqual(job.state, "cancelled")
        self.assertEqual(sum(self._counts(job).values()), 10)
        # Started again, it continues where it stopped.
        job.action_run()
        self.assertEqual(job.state, "done")
        self.assertEqual(self._counts(job), expected["first_import"])
        self._assert_people(expected)

    def test_a_cancel_between_two_batches_stops_the_run(self):
        job = self._job("fs_students_nb.xlsx")
        write_batch = RowImporter.write_batch
        batches = []

        def write_and_cancel(importer, outcome):
            batches.append(outcome.last_line)
            outcome = write_batch(importer, outcome)
            # What the scheduled action sees of a cancel once it committed
            # the batch.
            self.env.cr.execute(
                "UPDATE alumni_import_job SET state = 'cancelled' WHERE id = %s", [job.id]
            )
            return outcome

        with patch.object(RowImporter, "write_batch", write_and_cancel):
            self.assertFalse(job._run(batch_size=10))
        self.assertEqual(len(batches), 1)
        job.invalidate_recordset()
        self.assertEqual(job.state, "cancelled")
        self.assertEqual(sum(self._counts(job).values()), 10)

    def test_dry_run_reports_each_line_and_writes_nothing(self):
        expected = EXPECTED["fs_students_nb.xlsx"]
        before = self._snapshot()
        job = self._job("fs_students_nb.xlsx").with_user(self.user_officer)
        job.action_dry_run()
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(job.state, "checked")
        self.assertEqual(self._counts(job), expected["first_import"])
        by_level = job.line_ids.grouped("level")
        errors = sorted(set(by_level["error"].mapped("line_number")))
        self.assertEqual(errors, [line["line"] for line in expected["error_lines"]])
        self.assertIn(
            (17, "E-mail"), {(line.line_number, line.field) for line in by_level["warning"]}
        )
        would = {line.line_number: line.message for line in by_level["info"]}
        self.assertEqual(
            len(would), expected["first_import"]["created"] + expected["first_import"]["updated"]
        )
        self.assertEqual(set(would.values()) & {"Would be created."}, {"Would be created."})
        self.assertFalse(set(would) & set(errors))
        # Then imported for real: the check's report makes way for the run's.
        job.action_run()
        self.assertEqual(job.state, "done")
        self.assertEqual(self._counts(job), expected["first_import"])
        self.assertFalse(job.line_ids.filtered(lambda line: line.level == "info"))
        self._assert_people(expected)
        # A check of the same file now finds nothing to do.
        again = self._job("fs_students_nb.xlsx")
        again.action_dry_run()
        self.assertEqual(self._counts(again), expected["reimport"])
        self.assertEqual(
            set(again.line_ids.filtered(lambda line: line.level == "info").mapped("message")),
            {"Unchanged: nothing would be written."},
        )

    def _workbook(self):
        workbook = openpyxl.Workbook()
        workbook.active.title = "Merknader"
        workbook.active.append(["Eksport fra FS, se arket Studenter"])
        sheet = workbook.create_sheet("Studenter")
        sheet.append(self.HEADER.split(";"))
        sheet.append(["660001", "Liv", "Lie", "liv@example.no", "BSYK", "15.08.2021", "aktiv"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def test_the_sheet_chosen_is_imported(self):
        content = self._workbook()
        wizard = self.env["alumni.import.wizard"].create(
            {"file": base64.b64encode(content), "filename": "fs.xlsx"}
        )
        self.assertEqual(wizard.sheet_names, "Merknader, Studenter")
        self.assertIn("No header row was found", wizard.preview_error)
        wizard.sheet_name = "Ansatte"
        self.assertIn("has no sheet named “Ansatte”", wizard.preview_error)
        self.assertIn("Merknader, Studenter", wizard.preview_error)
        wizard.sheet_name = "Studenter"
        self.assertFalse(wizard.preview_error)
        self.assertIn("Liv", wizard.preview)
        job = self.env["alumni.import.job"].browse(wizard.action_import()["res_id"])
        self.assertEqual((job.sheet_name, job.state, job.created_count), ("Studenter", "done", 1))
        self.assertTrue(self.env["res.partner"].search([("student_number", "=", "660001")]))

    def test_preview_shows_the_columns_it_ignores(self):
        content = self._csv(
            "660002;Pål;Ås;paal@example.no;BSYK;15.08.2021;aktiv;ringt 3. mai",
            header=self.HEADER + ";Merknad",
        )
        wizard = self.env["alumni.import.wizard"].create(
            {"file": base64.b64encode(content), "filename": "fs.csv"}
        )
        self.assertIn("Columns the import does not read (ignored): Merknad", wizard.preview)
        self.assertIn("o_alumni_import_ignored", wizard.preview)
        self.assertIn("ringt 3. mai", wizard.preview)
        self.assertIn("Programme code", wizard.preview)

    def test_wizard_checks_a_file_without_importing_it(self):
        wizard = self.env["alumni.import.wizard"].create(
            {
                "file": base64.b64encode(
                    self._csv("660003;Rut;Rø;rut@example.no;BSYK;15.08.2021;aktiv")
                ),
                "filename": "fs.csv",
            }
        )
        job = self.env["alumni.import.job"].browse(wizard.action_dry_run()["res_id"])
        self.assertEqual((job.state, job.created_count), ("checked", 1))
        self.assertFalse(self.env["res.partner"].search([("student_number", "=", "660003")]))

    def test_background_import_runs_as_the_officer_who_started_it(self):
        self.env["res.lang"]._activate_lang("nb_NO")
        officer = self.user_officer
        officer.lang = "nb_NO"
        self._job(
            "first.csv", self._csv("660010;Siv;Sand;siv@example.no;BSYK;15.08.2021;aktiv")
        ).action_run()
        job = self._job(
            "second.csv",
            self._csv(
                "660010;Siv;Sand;siv.sand@example.no;BSYK;15.08.2021;aktiv",
                "660011;Tor;Tangen;tor@example.no;BSYK;15.08.2021;aktiv",
                "660012;Une;Ulv;une@example.no;;15.08.2021;aktiv",
            ),
        ).with_user(officer)
        job.action_run_in_background()
        self.assertEqual(job.user_id, officer)
        # The scheduled action runs as the superuser.
        self.env["alumni.import.job"].with_user(self.env.ref("base.user_root"))._cron_run_jobs()
        self.assertEqual(job.state, "done")
        People = self.env["res.partner"]
        created = People.search([("student_number", "=", "660011")])
        updated = People.search([("student_number", "=", "660010")])
        self.assertEqual(created.create_uid, officer)
        self.assertEqual(created.enrollment_ids.create_uid, officer)
        self.assertEqual(updated.write_uid, officer)
        self.assertEqual(updated.email, "siv.sand@example.no")
        # The messages in the officer's language.
        self.assertEqual(
            job.line_ids.filtered(lambda line: line.line_number == 4).message,
            "Raden har ingen studieprogramkode.",
        )

    def test_background_import_has_only_the_rights_of_who_started_it(self):
        job = self._job("osiris_students_nl.csv").with_user(self.user_officer)
        job.action_run_in_background()
        # Before the scheduled action comes, the officer becomes a faculty
        # coordinator: they may not import any more.
        self.user_officer.groups_id = [
            Command.unlink(self.env.ref("usn_alumni_base.group_alumni_user").id),
            Command.link(self.env.ref("usn_alumni_base.group_alumni_faculty").id),
        ]
        self.env["alumni.import.job"]._cron_run_jobs()
        self.assertEqual(job.sudo().state, "failed")
        self.assertFalse(self.env["res.partner"].search([("student_number", "=", "799772")]))


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestImportFastPath(ImportCase):
    def test_an_unchecked_create_override_is_imported_through_the_orm(self):
        expected = EXPECTED["osiris_students_nl.csv"]
        # As if mail's res.partner.create() were an addon the fast path was
        # not checked against.
        verified = dict(
            row_importer.FAST_PATH_VERIFIED,
            **{"res.partner": ("base:Partner", "usn_alumni_base:ResPartner")},
        )
        fast_models = []
        bulk_create = row_importer.bulk_create

        def recording_bulk_create(model, vals_list, computed=None):
            fast_models.append(model._name)
            return bulk_create(model, vals_list, computed=computed)

        with (
            patch.object(row_importer, "FAST_PATH_VERIFIED", verified),
            patch.object(row_importer, "bulk_create", recording_bulk_create),
            self.assertLogs(row_importer.__name__, "WARNING") as logs,
        ):
            job = self._job("osiris_students_nl.csv").with_user(self.user_officer)
            job.action_run()
        self.assertEqual(len(logs.records), 1)
        self.assertIn("res.partner", logs.output[0])
        self.assertIn("mail:MailThread", logs.output[0])
        self.assertNotIn("res.partner", fast_models)
        self.assertIn("alumni.enrollment", fast_models)
        self.assertEqual(self._counts(job), expected["first_import"])
        self._assert_people(expected)
