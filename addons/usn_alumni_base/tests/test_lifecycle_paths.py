# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The stage keeps itself right whichever way the records it follows from
change: the form, the import, a merge, a deletion. None of these paths
asks for the stage to be derived."""

import base64

from freezegun import freeze_time

from odoo.tests import Form, tagged, users

from .common import NOW, AlumniCommon

HEADER = (
    "Studentnr;Fornavn;Etternavn;Fødselsdato;E-post;Mobil;Studieprogramkode;Studieprogram;"
    "Fakultet;Campus;Startdato;Sluttdato;Status;Snittkarakter;Videregående skole;"
    "Avgangsår vgs\n"
)


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestLifecyclePaths(AlumniCommon):
    def _stage_changes(self, partner):
        self.env.flush_all()
        return super()._stage_changes(partner)

    @users("alumni_officer")
    def test_form_shows_and_stores_the_stage(self):
        person = self.env["res.partner"].create({"name": "Fia Form"})
        with Form(person) as form:
            with form.enrollment_ids.new() as line:
                line.programme_id = self.programme_nursing
                line.start_date = "2025-08-15"
            # Derived from the enrolment being added, before it is saved.
            self.assertEqual(form.lifecycle_stage, "student")
            self.assertEqual(form.alumni_programme_id, self.programme_nursing)
        self.assertEqual(person.lifecycle_stage, "student")
        self.assertEqual(person.alumni_faculty_id, self.faculty_health)
        self.assertEqual(self._stage_changes(person), [(False, "student")])
        with Form(person) as form:
            form.enrollment_ids.remove(0)
            self.assertFalse(form.lifecycle_stage)
        self.assertFalse(person.lifecycle_stage)
        self.assertEqual(self._stage_changes(person), [(False, "student"), ("student", False)])

    def _import(self, rows):
        content = (HEADER + "".join(rows)).encode()
        job = self.env["alumni.import.job"].create(
            {"file": base64.b64encode(content), "filename": "export.csv"}
        )
        job.action_run()
        self.assertEqual(job.error_count, 0, job.line_ids.mapped("message"))
        return job

    def test_import_sets_and_follows_the_stage(self):
        row = (
            "S1;Ivar;Import;01.02.1999;ivar@example.no;91234567;BSYK;Bachelor in Nursing;"
            "Faculty of Health;Bø;15.08.2020;{end};{status};3,5;Skien vgs;2019\n"
        )
        self._import([row.format(end="", status="aktiv")])
        person = self.env["res.partner"].search([("student_number", "=", "S1")])
        self.assertEqual(person.lifecycle_stage, "student")
        self._import([row.format(end="20.06.2023", status="fullført")])
        self.assertEqual(person.lifecycle_stage, "alumnus")
        self.assertEqual(person.graduation_year, 2023)
        self.assertEqual(self._stage_changes(person), [(False, "student"), ("student", "alumnus")])

    def test_merge_gives_the_kept_person_the_stage_of_both(self):
        prospect = self._create_person("Mia Merge", email="mia@example.no")
        self._touch(prospect)
        student = self._create_person("Mia Merge", email="mia@example.no")
        self._enroll(student, self.programme_it)
        self.assertEqual(prospect.lifecycle_stage, "prospect")
        self.env["base.partner.merge.automatic.wizard"]._merge((prospect | student).ids, prospect)
        self.assertFalse(student.exists())
        self.assertEqual(prospect.lifecycle_stage, "student")
        self.assertEqual(prospect.alumni_programme_id, self.programme_it)
        self.assertEqual(self._stage_changes(prospect)[-1], ("prospect", "student"))

    def test_deleting_records_leaves_the_stage_right(self):
        person = self._create_person("Dag Delete")
        touch = self._touch(person)
        application = self._apply(person, self.programme_it)
        enrollment = self._enroll(person, self.programme_nursing)
        self.assertEqual(person.lifecycle_stage, "student")
        enrollment.unlink()
        self.assertEqual(person.lifecycle_stage, "applicant")
        application.unlink()
        self.assertEqual(person.lifecycle_stage, "prospect")
        touch.unlink()
        self.assertFalse(person.lifecycle_stage)
        self.assertFalse(person.alumni_programme_id)

    def test_moving_an_application_to_another_person(self):
        first = self._create_person("Per First")
        second = self._create_person("Pål Second")
        application = self._apply(first, self.programme_it)
        application.partner_id = second
        self.assertFalse(first.lifecycle_stage)
        self.assertEqual(second.lifecycle_stage, "applicant")
