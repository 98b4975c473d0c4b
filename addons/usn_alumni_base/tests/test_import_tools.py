# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import json
from pathlib import Path

from odoo.tests import BaseCase, tagged

from ..tools import normalize
from ..tools.spreadsheet import SpreadsheetError, find_header, read_rows

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
SYNONYMS = {
    "student_number": ["Studentnr", "Student number", "Studentnummer"],
    "email": ["E-post", "Email", "E-mailadres"],
    "programme_code": ["Studieprogramkode", "Programme code", "Opleidingscode"],
    "start_date": ["Startdato", "Start date", "Startdatum"],
    "status": ["Status"],
}
REQUIRED = ["programme_code", "start_date", "status"]


@tagged("post_install", "-at_install")
class TestSpreadsheetReaders(BaseCase):
    def _read(self, filename, content=None):
        content = (DATA / filename).read_bytes() if content is None else content
        return find_header(read_rows(content, filename), SYNONYMS, REQUIRED)

    def test_sample_files_header_and_rows(self):
        for filename, header in (
            ("fs_students_nb.xlsx", 3),
            ("legacy_students_en.xls", 1),
            ("osiris_students_nl.csv", 1),
        ):
            with self.subTest(file=filename):
                line, mapping, rows = self._read(filename)
                self.assertEqual(line, header)
                self.assertEqual(mapping["student_number"], 0)
                data = [(n, cells) for n, cells in rows if any(c is not None for c in cells)]
                self.assertEqual(len(data), EXPECTED[filename]["data_rows"])
                self.assertEqual(data[0][0], header + 1)

    def test_blank_rows_keep_line_numbers(self):
        _line, _mapping, rows = self._read("fs_students_nb.xlsx")
        rows = dict(rows)
        self.assertTrue(all(cell is None for cell in rows[21]))
        self.assertEqual(rows[20][1], "Nils")
        self.assertEqual(rows[22][0], "759209")

    def test_xls_integral_numbers_stay_identifiers(self):
        _line, _mapping, rows = self._read("legacy_students_en.xls")
        first = dict(rows)[2]
        self.assertEqual(first[0], "195264")
        self.assertEqual(first[15], 1998)
        self.assertIsInstance(first[15], int)
        self.assertEqual(first[3], datetime.datetime(1979, 9, 28))

    def test_xlsx_real_dates_and_trimmed_text(self):
        _line, _mapping, rows = self._read("fs_students_nb.xlsx")
        row = dict(rows)[5]
        self.assertEqual(row[0], "210001")
        self.assertEqual(row[4], "Ase.Odegard@Example.NO")
        self.assertEqual(row[10], datetime.datetime(2010, 8, 15))

    def test_csv_encodings_and_delimiters(self):
        text = (
            "Studentnr{d}E-post{d}Studieprogramkode{d}Startdato{d}Status\n"
            "1{d}å@x.no{d}B{d}2020-01-01{d}aktiv\n"
        )
        for encoding, delimiter in (("cp1252", ";"), ("utf-8-sig", ","), ("utf-8", "\t")):
            with self.subTest(encoding=encoding, delimiter=delimiter):
                content = text.format(d=delimiter).encode(encoding)
                _line, mapping, rows = self._read("export.csv", content)
                self.assertEqual(mapping["email"], 1)
                self.assertEqual(dict(rows)[2][1], "å@x.no")

    def test_csv_quoted_newline_keeps_line_numbers(self):
        content = (
            b'Studentnr;Studieprogramkode;Startdato;Status;Merknad\n1;B;2020-01-01;aktiv;"two\nlines"\n'
            b"2;B;2020-01-01;aktiv;x\n"
        )
        _line, _mapping, rows = self._read("export.csv", content)
        self.assertEqual([line for line, _cells in rows], [2, 4])

    def test_bad_files(self):
        for filename, content, code in (
            ("report.pdf", b"%PDF", "unsupported_type"),
            ("empty.xlsx", b"", "empty"),
            ("blank.csv", b"  \n", "empty"),
            ("broken.xlsx", b"not a zip" * 20, "corrupt"),
            ("broken.xls", b"PK\x03\x04 zip", "corrupt"),
            ("noheader.csv", b"a;b;c\n1;2;3\n", "no_header"),
            ("missing.csv", b"Studentnr;E-post;Status\n1;a@b.no;aktiv\n", "missing_columns"),
        ):
            with self.subTest(file=filename), self.assertRaises(SpreadsheetError) as caught:
                self._read(filename, content)
            self.assertEqual(caught.exception.code, code)
        self.assertEqual(caught.exception.params["columns"], ["programme_code", "start_date"])


@tagged("post_install", "-at_install")
class TestNormalize(BaseCase):
    def test_text_keeps_identifiers_whole(self):
        self.assertEqual(normalize.text(210101.0), "210101")
        self.assertEqual(normalize.text(210101), "210101")
        self.assertEqual(normalize.text("  210101 "), "210101")
        self.assertIsNone(normalize.text("   "))

    def test_email(self):
        self.assertEqual(normalize.email(" Ase.Odegard@Example.NO "), "ase.odegard@example.no")
        for value in ("ola@@usn", "no-at.example.no", "a b@example.no", "x@localhost"):
            with self.subTest(value=value), self.assertRaises(ValueError):
                normalize.email(value)

    def test_phone_to_e164(self):
        for value, region, expected in (
            ("+47 912 34 567", "NO", "+4791234567"),
            ("0047 91234567", "NO", "+4791234567"),
            ("(+47) 912-34-569", "NO", "+4791234569"),
            (92319487, "NO", "+4792319487"),
            ("22 33 44 55", "NO", "+4722334455"),
            ("06-26464460", "NL", "+31626464460"),
            ("+34 612 345 678", "NO", "+34612345678"),
        ):
            with self.subTest(value=value):
                self.assertEqual(normalize.phone(value, region), expected)
        for value in ("12345", "not a number"):
            with self.subTest(value=value), self.assertRaises(ValueError):
                normalize.phone(value, "NO")

    def test_dates(self):
        expected = datetime.date(2011, 8, 15)
        for value in ("15.08.2011", "15-08-2011", "15/08/2011", "2011-08-15",
                      datetime.datetime(2011, 8, 15), expected):  # fmt: skip
            with self.subTest(value=value):
                self.assertEqual(normalize.date(value), expected)
        for value in ("ukjent", "2011-15-08", 40000):
            with self.subTest(value=value), self.assertRaises(ValueError):
                normalize.date(value)

    def test_grades(self):
        grades = {"3,8": 3.8, "4.1": 4.1, "4": 4.0, 4: 4.0, "A": 5.0, "b": 4.0, "C": 3.0}
        grades.update({"D": 2.0, "E": 1.0})
        for value, expected in grades.items():
            with self.subTest(value=value):
                self.assertEqual(normalize.grade(value), expected)
        with self.assertRaises(ValueError):
            normalize.grade("F+")

    def test_statuses_in_three_languages(self):
        for value, expected in (
            ("aktiv", "active"), ("Active", "active"), ("actief", "active"),
            ("fullført", "completed"), ("COMPLETED", "completed"), ("afgestudeerd", "completed"),
            (" sluttet ", "withdrawn"), ("withdrawn", "withdrawn"), ("gestopt", "withdrawn"),
        ):  # fmt: skip
            with self.subTest(value=value):
                self.assertEqual(normalize.status(value), expected)
        with self.assertRaises(ValueError):
            normalize.status("paused")

    def test_years(self):
        self.assertEqual(normalize.year(2005), 2005)
        self.assertEqual(normalize.year("2005"), 2005)
        self.assertEqual(normalize.year(2005.0), 2005)
        for value in ("1800", "later"):
            with self.subTest(value=value), self.assertRaises(ValueError):
                normalize.year(value)
