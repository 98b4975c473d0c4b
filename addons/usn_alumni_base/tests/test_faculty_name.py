# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import AlumniCommon


@tagged("post_install", "-at_install")
class TestFacultyName(AlumniCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nb_NO")
        cls.faculty_health.with_context(lang="nb_NO").name = "Fakultet for helse"
        cls.department_nursing.with_context(lang="nb_NO").name = "Institutt for sykepleie"

    def test_department_name_follows_the_readers_language(self):
        nursing = self.department_nursing
        self.assertEqual(
            nursing.with_context(lang="en_US").display_name,
            "Faculty of Health / Department of Nursing",
        )
        self.assertEqual(
            nursing.with_context(lang="nb_NO").display_name,
            "Fakultet for helse / Institutt for sykepleie",
        )
        # A programme names its faculty in the reader's language too.
        programme = self.programme_nursing.with_context(lang="nb_NO")
        self.assertEqual(
            programme.faculty_id.display_name, "Fakultet for helse / Institutt for sykepleie"
        )

    def test_renaming_in_norwegian_keeps_the_stored_path_in_english(self):
        self.assertEqual(
            self.department_nursing.complete_name, "Faculty of Health / Department of Nursing"
        )
        self.faculty_health.with_context(lang="nb_NO").name = "Helsefakultetet"
        self.assertEqual(
            self.department_nursing.complete_name, "Faculty of Health / Department of Nursing"
        )
        self.assertEqual(
            self.department_nursing.with_context(lang="nb_NO").display_name,
            "Helsefakultetet / Institutt for sykepleie",
        )

    def test_faculty_is_found_by_its_name_in_either_language(self):
        Faculty = self.env["alumni.faculty"]
        for lang, term in (
            ("nb_NO", "sykepleie"),
            ("en_US", "Nursing"),
            ("nb_NO", "Health / Department"),
        ):
            with self.subTest(lang=lang, term=term):
                found = Faculty.with_context(lang=lang).name_search(term)
                self.assertIn(self.department_nursing.id, [faculty_id for faculty_id, _n in found])
        found = dict(Faculty.with_context(lang="nb_NO").name_search("sykepleie"))
        self.assertEqual(
            found[self.department_nursing.id], "Fakultet for helse / Institutt for sykepleie"
        )
