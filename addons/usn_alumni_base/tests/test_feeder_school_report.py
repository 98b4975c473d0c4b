# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import NOW, AlumniCommon


@freeze_time(NOW)
@tagged("post_install", "-at_install", "security")
class TestFeederSchoolReport(AlumniCommon):
    """Graduates of Nursing and IT with known secondary schools.

    Nursing: Skien (a school) gave two graduates (4.0 and 3.0) and a student
    still studying; Porsgrunn (a school) one graduate (5.0); one graduate has
    no prior education (2.0), one comes from a company not flagged as a
    school (1.0): the programme's average is 3.0. IT: one of the Skien
    graduates (2.0), alone in IT.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.skien = Partner.create({"name": "Skien vgs", "is_company": True, "is_school": True})
        cls.porsgrunn = Partner.create(
            {"name": "Porsgrunn vgs", "is_company": True, "is_school": True}
        )
        cls.company = Partner.create({"name": "Not a School AS", "is_company": True})
        nursing, it = cls.programme_nursing, cls.programme_it
        cls.graduates = {}
        for name, school, programme, grade in (
            ("Siv", cls.skien, nursing, 4.0),
            ("Stig", cls.skien, nursing, 3.0),
            ("Pia", cls.porsgrunn, nursing, 5.0),
            ("Nils", None, nursing, 2.0),
            ("Cato", cls.company, nursing, 1.0),
        ):
            person = cls._create_person(name)
            cls.graduates[name] = cls._graduate(person, programme, grade)
            if school:
                cls._prior(person, school)
        cls.it_graduate = cls._graduate(cls.graduates["Siv"].partner_id, it, 2.0)
        studying = cls._create_person("Selma")
        cls._prior(studying, cls.skien)
        cls._enroll(studying, nursing, start="2024-08-15")
        cls.env.flush_all()
        cls.Report = cls.env["alumni.feeder.school.report"]

    @classmethod
    def _graduate(cls, person, programme, grade):
        return cls._enroll(
            person,
            programme,
            start="2021-08-15",
            end_date="2024-06-15",
            graduation_date="2024-06-15",
            state="completed",
            final_grade=grade,
        )

    @classmethod
    def _prior(cls, person, school):
        cls.env["alumni.prior.education"].create(
            {"partner_id": person.id, "institution_id": school.id, "graduation_year": 2021}
        )

    def _rows(self, report):
        return {
            (row.school_id, row.programme_id): (
                row.student_count,
                round(row.avg_grade, 2),
                round(row.overall_avg_grade, 2),
                round(row.difference, 2),
                row.small_sample,
            )
            for row in report.search(
                [
                    (
                        "programme_id",
                        "in",
                        (
                            self.programme_nursing
                            | self.programme_health_master
                            | self.programme_it
                            | self.programme_it_master
                        ).ids,
                    )
                ]
            )
        }

    def test_school_averages_against_the_programme(self):
        self.assertEqual(
            self._rows(self.Report),
            {
                (self.skien, self.programme_nursing): (2, 3.5, 3.0, 0.5, True),
                (self.porsgrunn, self.programme_nursing): (1, 5.0, 3.0, 2.0, True),
                (self.skien, self.programme_it): (1, 2.0, 2.0, 0.0, True),
            },
        )

    def test_small_sample_follows_the_setting(self):
        self.env["ir.config_parameter"].set_param("usn_alumni_base.feeder_school_min_sample", 2)
        self.env.invalidate_all()
        flags = {key: values[4] for key, values in self._rows(self.Report).items()}
        self.assertEqual(
            flags,
            {
                (self.skien, self.programme_nursing): False,
                (self.porsgrunn, self.programme_nursing): True,
                (self.skien, self.programme_it): True,
            },
        )

    def test_drill_down_to_the_students(self):
        row = self.Report.search(
            [("school_id", "=", self.skien.id), ("programme_id", "=", self.programme_nursing.id)]
        )
        action = row.action_open_students()
        self.assertEqual(action["res_model"], "alumni.enrollment")
        enrollments = self.env["alumni.enrollment"].search(action["domain"])
        self.assertEqual(enrollments, self.graduates["Siv"] | self.graduates["Stig"])

    def test_coordinator_sees_only_own_faculties(self):
        report = self.Report.with_user(self.user_coordinator)
        self.assertEqual(
            set(self._rows(report)),
            {(self.skien, self.programme_nursing), (self.porsgrunn, self.programme_nursing)},
        )
        groups = report._read_group([], ["faculty_id"], ["student_count:sum"])
        self.assertEqual(groups, [(self.department_nursing, 3)])
        by_school = dict(report._read_group([], ["school_id"], ["student_count:sum"]))
        self.assertEqual(by_school, {self.skien: 2, self.porsgrunn: 1})

    def test_coordinator_without_faculty_sees_nothing(self):
        lonely = new_test_user(
            self.env, login="lonely_coordinator", groups="usn_alumni_base.group_alumni_faculty"
        )
        report = self.Report.with_user(lonely)
        self.assertFalse(report.search([]))
        self.assertEqual(report._read_group([], ["school_id"], ["student_count:sum"]), [])
