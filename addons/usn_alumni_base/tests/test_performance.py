# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from math import ceil

from freezegun import freeze_time

from odoo import fields
from odoo.models import INSERT_BATCH_SIZE, PREFETCH_MAX, UPDATE_BATCH_SIZE
from odoo.tests import tagged

from .common import NOW, AlumniCommon


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestSetWise(AlumniCommon):
    def _create_enrollments(self, count):
        people = self.env["res.partner"].create(
            [{"name": f"Student {count}-{i}"} for i in range(count)]
        )
        vals_list = [
            {
                "partner_id": person.id,
                "programme_id": self.programme_nursing.id,
                "campus_id": self.campus_bo.id,
                "start_date": "2022-08-15",
                "state": "completed" if i % 3 else "active",
                "graduation_date": "2025-06-15" if i % 3 else False,
            }
            for i, person in enumerate(people)
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        enrollments = self.env["alumni.enrollment"].create(vals_list)
        self.env.flush_all()
        return enrollments, self.cr.sql_log_count - start

    def test_stage_derivation_does_not_grow_with_people(self):
        self._create_enrollments(5)  # warm the caches that a first call fills
        _small, small_queries = self._create_enrollments(20)
        enrollments, large_queries = self._create_enrollments(2000)

        # Only the ORM's own batches grow with the number of rows: the INSERT
        # of the enrolments (INSERT_BATCH_SIZE rows a query), and the
        # recomputation of PREFETCH_MAX people at a time, each with one
        # derivation query, one read of the stages stored before, one UPDATE
        # of the people and one insert of stage changes.
        # The timeline of the enrolments and everything else stay flat.
        def extra(batch):
            return ceil(2000 / batch) - ceil(20 / batch)

        self.assertEqual(
            large_queries - small_queries,
            extra(INSERT_BATCH_SIZE) + 4 * extra(PREFETCH_MAX),
        )
        people = enrollments.partner_id
        self.assertEqual(len(people), 2000)
        stages = people.grouped("lifecycle_stage")
        self.assertEqual(len(stages["student"]), 667)
        self.assertEqual(len(stages["alumnus"]), 1333)
        timeline = self.env["alumni.lifecycle.event"].search([("partner_id", "in", people.ids)])
        counts = {kind: len(events) for kind, events in timeline.grouped("kind").items()}
        self.assertEqual(counts, {"stage_change": 2000, "enrollment": 2000, "graduation": 1333})

    def _queries_to_derive_again(self, people):
        """Queries to compute and store the stage and cohort of people whose
        enrolments changed under the ORM's feet, as a bulk import does."""
        self.env.invalidate_all()
        stage = people._fields["lifecycle_stage"]
        self.env.add_to_compute(stage, people)
        start = self.cr.sql_log_count
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_many_people_with_only_the_log_columns_to_store(self):
        """More than a hundred people with nothing but the log columns to
        store (as when only a many2many of each changed) are written as Odoo
        writes them, not as an UPDATE without a column."""
        people = self.env["res.partner"].create([{"name": f"Reader {i}"} for i in range(150)])
        self.env.flush_all()
        now = fields.Datetime.now()
        people._write_multi([{"write_uid": self.user_officer.id, "write_date": now}] * 150)
        self.env.invalidate_all()
        self.assertEqual(set(people.mapped("write_uid")), {self.user_officer})

    def test_stage_update_query_bound(self):
        small, _queries = self._create_enrollments(100)
        large, _queries = self._create_enrollments(1000)
        for enrollments in (small, large):
            self.env.cr.execute(
                "UPDATE alumni_enrollment SET state = 'withdrawn' WHERE id = ANY(%s)",
                [enrollments.ids],
            )
        small_queries = self._queries_to_derive_again(small.partner_id)
        large_queries = self._queries_to_derive_again(large.partner_id)
        self.assertEqual(set(large.partner_id.mapped("lifecycle_stage")), {"withdrawn"})
        changes = self.env["alumni.lifecycle.event"].search_count(
            [("partner_id", "in", large.partner_id.ids), ("stage_to", "=", "withdrawn")]
        )
        self.assertEqual(changes, 1000)
        # One query derives the stages of 1,000 people, one stores them and
        # one writes their timeline rows: as many as for 100.
        self.assertEqual(large_queries, small_queries)
        # Nothing changed: the same queries, and no timeline row.
        unchanged = self._queries_to_derive_again(large.partner_id)
        self.assertEqual(
            self.env["alumni.lifecycle.event"].search_count(
                [("partner_id", "in", large.partner_id.ids), ("stage_to", "=", "withdrawn")]
            ),
            1000,
        )
        self.assertLessEqual(unchanged, large_queries)


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestImportQueries(AlumniCommon):
    """An import batch costs the same number of queries however many rows it
    holds, first import and re-import alike."""

    HEADER = (
        "Studentnr;Fornavn;Etternavn;Fødselsdato;E-post;Mobil;Studieprogramkode;Studieprogram;"
        "Fakultet;Campus;Startdato;Sluttdato;Status;Snittkarakter;Videregående skole;"
        "Avgangsår vgs\n"
    )

    def _export(self, tag, count):
        """A CSV export of ``count`` new students, each programme, faculty,
        campus and school new too, so that every run takes the same path."""
        rows = (
            f"{tag}{i:05d};Ada;Aas {i};01.02.1999;{tag.lower()}{i}@example.no;9{i:07d};"
            f"P{tag};Programme {tag};Faculty {tag};Campus {tag};15.08.2020;"
            f"{'20.06.2023' if i % 2 else ''};{'fullført' if i % 2 else 'aktiv'};3,5;"
            f"School {tag};2019\n"
            for i in range(count)
        )
        return (self.HEADER + "".join(rows)).encode()

    def _queries_of_import(self, content, filename):
        job = self.env["alumni.import.job"].create(
            {"file": base64.b64encode(content), "filename": filename}
        )
        self.env.flush_all()
        start = self.cr.sql_log_count
        self.assertTrue(job._run(batch_size=1000))
        self.env.flush_all()
        return self.cr.sql_log_count - start, job

    def test_import_queries_do_not_grow_with_rows(self):
        # A first import fills the caches that any first call fills.
        self._queries_of_import(self._export("W", 3), "warm-up.csv")
        small, large = self._export("S", 10), self._export("L", 400)
        small_first, small_job = self._queries_of_import(small, "small.csv")
        large_first, large_job = self._queries_of_import(large, "large.csv")
        self.assertEqual(small_job.created_count, 10)
        self.assertEqual(large_job.created_count, 400)
        # Only Odoo's own UPDATE of the people whose other computed columns
        # are stored with their stages, UPDATE_BATCH_SIZE people a query,
        # grows with the rows.
        stage_updates = ceil(400 / UPDATE_BATCH_SIZE) - ceil(10 / UPDATE_BATCH_SIZE)
        self.assertEqual(large_first - small_first, stage_updates)

        small_again, small_job = self._queries_of_import(small, "small.csv")
        large_again, large_job = self._queries_of_import(large, "large.csv")
        self.assertEqual(large_job.unchanged_count, 400)
        self.assertEqual(large_again, small_again)
        # Nothing to write: a re-import reads and compares.
        self.assertLess(large_again, large_first / 2)

        people = self.env["res.partner"].search([("student_number", "=like", "L%")])
        self.assertEqual(len(people), 400)
        self.assertEqual(sorted(set(people.mapped("lifecycle_stage"))), ["alumnus", "student"])
        self.assertEqual(len(people.enrollment_ids), 400)
        self.assertEqual(len(people.prior_education_ids), 400)
