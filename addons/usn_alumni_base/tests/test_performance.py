# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from math import ceil

from freezegun import freeze_time

from odoo.models import INSERT_BATCH_SIZE
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
        # Only the ORM's own INSERT of the enrolment rows, in batches of
        # INSERT_BATCH_SIZE, grows with the number of rows; the stage
        # derivation, the timeline and everything else stay flat.
        extra_batches = ceil(2000 / INSERT_BATCH_SIZE) - ceil(20 / INSERT_BATCH_SIZE)
        self.assertEqual(large_queries - small_queries, extra_batches)
        people = enrollments.partner_id
        self.assertEqual(len(people), 2000)
        stages = people.grouped("lifecycle_stage")
        self.assertEqual(len(stages["student"]), 667)
        self.assertEqual(len(stages["alumnus"]), 1333)
        timeline = self.env["alumni.lifecycle.event"].search([("partner_id", "in", people.ids)])
        counts = {kind: len(events) for kind, events in timeline.grouped("kind").items()}
        self.assertEqual(counts, {"stage_change": 2000, "enrollment": 2000, "graduation": 1333})

    def test_stage_update_query_bound(self):
        enrollments, _queries = self._create_enrollments(500)
        people = enrollments.partner_id
        # Change the data under the ORM's feet, as a bulk import would.
        self.env.cr.execute(
            "UPDATE alumni_enrollment SET state = 'withdrawn' WHERE id = ANY(%s)",
            [enrollments[:250].ids],
        )
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            # One statement derives and stores, one writes the timeline.
            people._update_lifecycle()
        self.assertEqual(set(people[:250].mapped("lifecycle_stage")), {"withdrawn"})
        with self.assertQueryCount(1):
            # Nothing changed: only the derivation query.
            people._update_lifecycle()
