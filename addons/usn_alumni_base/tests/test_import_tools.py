# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure-Python part of the import: reading spreadsheet exports
(tools/spreadsheet.py), normalising their values (tools/normalize.py) and
reading ahead (tools/read_ahead.py)."""

import datetime
import io
import json
import os
import threading
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import xlwt

from odoo.tests import BaseCase, tagged

from ..tools import normalize
from ..tools.read_ahead import read_ahead
from ..tools.spreadsheet import (
    SpreadsheetError,
    find_header,
    normalize_header,
    read_rows,
    sheet_names,
)

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
SYNONYMS = {
    "student_number": ["Studentnr", "Student number", "Studentnummer"],
    "first_name": ["Fornavn", "First name", "Voornaam"],
    "email": ["E-post", "Email", "E-mailadres"],
    "phone": ["Mobil", "Phone", "Telefoon"],
    "programme_code": ["Studieprogramkode", "Programme code", "Opleidingscode"],
    "start_date": ["Startdato", "Start date", "Startdatum"],
    "status": ["Status"],
    "school_year": ["Avgangsår vgs", "School leaving year", "Diplomajaar vooropleiding"],
}
REQUIRED = ["programme_code", "start_date", "status"]
CSV_HEADER = ["Studentnr", "E-post", "Studieprogramkode", "Startdato", "Status"]


def _read(filename, content=None):
    """find_header() on read_rows() of a sample file or of the given bytes."""
    content = (DATA / filename).read_bytes() if content is None else content
    return find_header(read_rows(content, filename), SYNONYMS, REQUIRED)


def _non_blank(rows):
    return [(line, cells) for line, cells in rows if any(cell is not None for cell in cells)]


def _xlsx(rows):
    """The bytes of an .xlsx workbook whose first sheet holds the rows."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xls(rows):
    """The bytes of an Excel 97 workbook whose first sheet holds the rows."""
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Sheet1")
    for row_index, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(row_index, column, value, xlwt.easyxf(num_format_str="DD.MM.YYYY"))
            elif value is not None:
                sheet.write(row_index, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_sheets(sheets):
    """The bytes of an .xlsx workbook with a sheet per (name, rows)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets:
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xls_sheets(sheets):
    """The bytes of an Excel 97 workbook with a sheet per (name, rows)."""
    workbook = xlwt.Workbook()
    for name, rows in sheets:
        sheet = workbook.add_sheet(name)
        for row_index, row in enumerate(rows):
            for column, value in enumerate(row):
                sheet.write(row_index, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv(rows, delimiter=";", encoding="utf-8", newline="\n"):
    return (newline.join(delimiter.join(row) for row in rows) + newline).encode(encoding)


@tagged("post_install", "-at_install")
class TestSpreadsheetReaders(BaseCase):
    """The three sample exports and the formats' details."""

    def _assert_sample(self, filename, header_line, first_line, last_line):
        line, mapping, rows = _read(filename)
        self.assertEqual(line, header_line)
        self.assertEqual(
            mapping,
            {
                "student_number": 0,
                "first_name": 1,
                "email": 4,
                "phone": 5,
                "programme_code": 6,
                "start_date": 10,
                "status": 12,
                "school_year": 15,
            },
        )
        data = _non_blank(rows)
        self.assertEqual(len(data), EXPECTED[filename]["data_rows"])
        self.assertEqual(data[0][0], first_line)
        self.assertEqual(data[-1][0], last_line)
        return data

    def test_xlsx_sample_header_below_two_title_rows(self):
        data = self._assert_sample("fs_students_nb.xlsx", 3, 4, 43)
        lines = [line for line, _cells in data]
        self.assertNotIn(21, lines)
        self.assertNotIn(39, lines)
        self.assertIn(20, lines)  # the row without student number nor e-mail

    def test_xls_sample_header_on_first_line(self):
        data = self._assert_sample("legacy_students_en.xls", 1, 2, 21)
        self.assertEqual([line for line, _cells in data], list(range(2, 22)))

    def test_csv_sample_header_on_first_line(self):
        data = self._assert_sample("osiris_students_nl.csv", 1, 2, 15)
        rows = dict(data)
        self.assertEqual(rows[2][:6], ["799772", "Koen", "Zwijsen", "03-09-1986",
                                       "koen.zwijsen38@example.no", "06-26464460"])  # fmt: skip
        self.assertEqual(rows[12][1], "Aimée")  # cp1252
        self.assertEqual(rows[3][9], "Bø")
        self.assertEqual(rows[4][8], "Handelshøyskolen")
        self.assertIsNone(rows[2][11])  # the empty end date

    def test_blank_row_yields_all_none_with_its_own_line(self):
        _line, _mapping, rows = _read("fs_students_nb.xlsx")
        rows = dict(rows)
        self.assertEqual(rows[21], [None] * 16)
        self.assertEqual(rows[39], [None] * 16)
        self.assertEqual(rows[20][1], "Nils")
        self.assertEqual(rows[22][0], "759209")
        self.assertEqual(rows[40][0], "439563")

    def test_rows_above_the_header_are_title_rows(self):
        rows = dict(read_rows((DATA / "fs_students_nb.xlsx").read_bytes(), "fs.xlsx"))
        self.assertEqual(rows[1][:2], ["Eksport fra FS", "2024-05-02"])
        self.assertEqual(rows[2], [None] * 16)
        self.assertEqual(rows[3][0], "Studentnr")

    def test_xls_integral_numbers_stay_identifiers(self):
        _line, _mapping, rows = _read("legacy_students_en.xls")
        rows = dict(rows)
        self.assertEqual(rows[2][0], "195264")
        for line, cells in rows.items():
            with self.subTest(line=line):
                self.assertIsInstance(cells[15], int if line < 21 else type(None))
                self.assertNotIsInstance(cells[15], bool)
        self.assertEqual(rows[2][15], 1998)
        self.assertEqual(normalize.text(rows[2][15]), "1998")

    def test_xls_date_cells_become_datetimes(self):
        _line, _mapping, rows = _read("legacy_students_en.xls")
        rows = dict(rows)
        self.assertEqual(rows[2][3], datetime.datetime(1979, 9, 28))
        self.assertEqual(rows[2][10], datetime.datetime(2007, 8, 14))
        self.assertIsNone(rows[2][11])  # the empty end date
        self.assertEqual(rows[21][3:10], [None] * 7)

    def test_xls_numbers_booleans_and_decimals(self):
        content = _xls([["Studentnr", "Studieprogramkode", "Startdato", "Status", "Snitt"],
                        [210101, "BSYKE", datetime.date(2020, 8, 15), True, 3.75]])  # fmt: skip
        _line, mapping, rows = _read("made.xls", content)
        cells = dict(rows)[2]
        self.assertEqual(mapping["start_date"], 2)
        self.assertEqual(cells, [210101, "BSYKE", datetime.datetime(2020, 8, 15), True, 3.75])
        self.assertIsInstance(cells[0], int)

    def test_xlsx_real_dates_text_dates_and_trimmed_text(self):
        _line, _mapping, rows = _read("fs_students_nb.xlsx")
        rows = dict(rows)
        self.assertEqual(rows[5][0], "210001")  # "  210001 " in the file
        self.assertEqual(rows[5][4], "Ase.Odegard@Example.NO")
        self.assertEqual(rows[5][10], datetime.datetime(2010, 8, 15))
        self.assertEqual(rows[11][10], "15.08.2011")
        self.assertEqual(rows[30][3], "ukjent")
        self.assertEqual(rows[4][15], 2005)

    def test_xlsx_empty_strings_and_whole_floats(self):
        content = _xlsx([CSV_HEADER, ["  ", 210101.0, "B", datetime.date(2020, 1, 2), 1.5]])
        _line, _mapping, rows = _read("made.xlsx", content)
        cells = dict(rows)[2]
        self.assertEqual(cells[:2], [None, 210101])
        self.assertIsInstance(cells[1], int)
        self.assertEqual(cells[3], datetime.datetime(2020, 1, 2))
        self.assertEqual(cells[4], 1.5)

    def test_xlsx_with_a_wrong_sheet_size_is_read_whole(self):
        content = _xlsx(
            [CSV_HEADER] + [[str(n), "e", "B", "2020-01-01", "aktiv"] for n in range(4)]
        )
        source = zipfile.ZipFile(io.BytesIO(content))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b'<dimension ref="A1:E5"/>', b'<dimension ref="A1"/>')
                target.writestr(item, data)
        _line, _mapping, rows = _read("sized.xlsx", buffer.getvalue())
        self.assertEqual([(line, cells[0]) for line, cells in rows],
                         [(2, "0"), (3, "1"), (4, "2"), (5, "3")])  # fmt: skip

    def test_extension_is_case_insensitive(self):
        line, _mapping, rows = _read(
            "FS_STUDENTS.XLSX", (DATA / "fs_students_nb.xlsx").read_bytes()
        )
        self.assertEqual(line, 3)
        self.assertEqual(len(_non_blank(rows)), 38)

    def test_reading_is_a_stream_continued_after_the_header(self):
        consumed = []

        def counted(rows):
            for row in rows:
                consumed.append(row[0])
                yield row

        content = (DATA / "fs_students_nb.xlsx").read_bytes()
        stream = read_rows(content, "fs.xlsx")
        self.assertIsInstance(stream, Iterator)
        self.assertNotIsInstance(stream, list | tuple)
        line, _mapping, rows = find_header(counted(stream), SYNONYMS, REQUIRED)
        self.assertEqual(consumed, [1, 2, 3])
        self.assertEqual(next(rows)[0], line + 1)
        self.assertEqual(consumed, [1, 2, 3, 4])

    def test_large_csv_is_read_without_holding_its_rows(self):
        """100,000 rows are read one at a time: the memory used while reading
        stays far below what a list of the rows would take (about 50 MB)."""
        body = "".join(
            f"{100000 + n};p{n}@example.no;BSYKE;01.08.2020;aktiv\n" for n in range(100000)
        )
        content = (";".join(CSV_HEADER) + "\n" + body).encode()
        del body
        tracemalloc.start()
        try:
            line, _mapping, rows = _read("big.csv", content)
            count = last = 0
            for line_number, _cells in rows:
                count, last = count + 1, line_number
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        self.assertEqual((line, count, last), (1, 100000, 100001))
        self.assertLess(peak, 2 * 1024 * 1024)


@tagged("post_install", "-at_install")
class TestCsvReader(BaseCase):
    """Encodings, delimiters and line numbers of CSV files."""

    ROWS = [CSV_HEADER, ["1", "åse@x.no", "B", "2020-01-01", "fullført"]]

    def _assert_reads(self, content):
        line, mapping, rows = _read("export.csv", content)
        self.assertEqual(line, 1)
        self.assertEqual(mapping["email"], 1)
        self.assertEqual(list(rows), [(2, ["1", "åse@x.no", "B", "2020-01-01", "fullført"])])

    def test_cp1252_with_semicolons(self):
        self._assert_reads(_csv(self.ROWS, ";", "cp1252"))

    def test_cp1252_with_commas(self):
        self._assert_reads(_csv(self.ROWS, ",", "cp1252", newline="\r\n"))

    def test_utf8_with_bom_and_commas(self):
        self._assert_reads(_csv(self.ROWS, ",", "utf-8-sig"))

    def test_utf8_with_bom_and_semicolons(self):
        self._assert_reads(_csv(self.ROWS, ";", "utf-8-sig", newline="\r\n"))

    def test_utf8_with_tabs_and_pipes(self):
        self._assert_reads(_csv(self.ROWS, "\t", "utf-8"))
        self._assert_reads(_csv(self.ROWS, "|", "utf-8"))

    def test_utf16_with_bom(self):
        self._assert_reads(_csv(self.ROWS, "\t", "utf-16"))

    def test_delimiter_inside_quoted_text_is_not_taken(self):
        faculty = '"Fakultet for teknologi, naturvitenskap og maritime fag"'
        content = _csv(
            [[*CSV_HEADER, "Fakultet"], ["1", "a@x.no", "B", "2020-01-01", "aktiv", faculty]]
        )
        _line, mapping, rows = _read("export.csv", content)
        self.assertEqual(mapping["status"], 4)
        self.assertEqual(dict(rows)[2][5], "Fakultet for teknologi, naturvitenskap og maritime fag")

    def test_header_only_file_guesses_the_delimiter(self):
        line, mapping, rows = _read("export.csv", ";".join(CSV_HEADER).encode())
        self.assertEqual((line, mapping["status"], list(rows)), (1, 4, []))

    def test_quoted_newline_keeps_later_line_numbers(self):
        content = (
            b"Studentnr;Studieprogramkode;Startdato;Status;Merknad\n"
            b'1;B;2020-01-01;aktiv;"two\nlines"\n'
            b"2;B;2020-01-01;aktiv;x\n"
            b'3;B;2020-01-01;aktiv;"three\r\nlines\r\nhere"\n'
            b"4;B;2020-01-01;aktiv;y\n"
        )
        _line, _mapping, rows = _read("export.csv", content)
        rows = list(rows)
        self.assertEqual([line for line, _cells in rows], [2, 4, 5, 8])
        self.assertEqual(rows[0][1][4], "two\nlines")

    def test_blank_lines_are_yielded_and_counted(self):
        content = (
            b"\nStudentnr;Studieprogramkode;Startdato;Status\n"
            b"1;B;2020-01-01;aktiv\n\n;;;\n2;B;x;y\n"
        )
        line, _mapping, rows = _read("export.csv", content)
        rows = list(rows)
        self.assertEqual(line, 2)
        self.assertEqual([line for line, _cells in rows], [3, 4, 5, 6])
        self.assertTrue(all(cell is None for cell in rows[1][1]))
        self.assertEqual(rows[2][1], [None] * 4)
        self.assertEqual([line for line, _cells in _non_blank(rows)], [3, 6])


@tagged("post_install", "-at_install")
class TestSpreadsheetErrors(BaseCase):
    """Files that cannot be imported are refused with a code."""

    def _assert_refused(self, filename, content, code):
        with self.assertRaises(SpreadsheetError) as caught:
            _read(filename, content)
        self.assertEqual(caught.exception.code, code)
        self.assertTrue(str(caught.exception))
        return caught.exception

    def test_empty_file(self):
        for filename in ("empty.xlsx", "empty.xls", "empty.csv"):
            with self.subTest(file=filename):
                error = self._assert_refused(filename, b"", "empty")
                self.assertEqual(error.params["filename"], filename)

    def test_csv_of_whitespace_is_empty(self):
        self._assert_refused("blank.csv", b"\xef\xbb\xbf \r\n\n\t", "empty")

    def test_workbooks_without_rows_are_empty(self):
        self._assert_refused("empty.xlsx", _xlsx([]), "empty")
        self._assert_refused("empty.xls", _xls([]), "empty")

    def test_empty_check_comes_at_the_call(self):
        with self.assertRaises(SpreadsheetError):
            read_rows(b"", "empty.csv")

    def test_random_bytes_named_xlsx_are_corrupt(self):
        self._assert_refused("broken.xlsx", os.urandom(2048).replace(b"PK", b"pk"), "corrupt")

    def test_zip_that_is_no_workbook_is_corrupt(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "not a workbook")
        self._assert_refused("archive.xlsx", buffer.getvalue(), "corrupt")

    def test_truncated_xlsx_is_corrupt(self):
        content = (DATA / "fs_students_nb.xlsx").read_bytes()
        self._assert_refused("cut.xlsx", content[: len(content) // 2], "corrupt")

    def test_xlsx_named_xls_is_corrupt(self):
        content = (DATA / "fs_students_nb.xlsx").read_bytes()
        self._assert_refused("renamed.xls", content, "corrupt")

    def test_damaged_xls_is_corrupt(self):
        self._assert_refused("broken.xls", b"\xd0\xcf\x11\xe0" + os.urandom(1020), "corrupt")
        content = (DATA / "legacy_students_en.xls").read_bytes()
        self._assert_refused("cut.xls", content[:1500], "corrupt")

    def test_binary_named_csv_is_corrupt(self):
        self._assert_refused("binary.csv", b"Studentnr\x00;\x00E-post\x00", "corrupt")
        self._assert_refused(
            "renamed.csv", (DATA / "legacy_students_en.xls").read_bytes(), "corrupt"
        )

    def test_undecodable_csv_is_corrupt(self):
        self._assert_refused("bytes.csv", b"Studentnr;\x81\x8d\x8f\x90\x9d", "corrupt")

    def test_other_file_types_are_unsupported(self):
        for filename in ("report.pdf", "students.ods", "students.txt", "students", "xlsx"):
            with self.subTest(file=filename):
                self._assert_refused(filename, b"%PDF-1.4 something", "unsupported_type")

    def test_sheet_without_recognisable_header(self):
        rows = [["Eksport fra FS"], [], ["Navn", "Adresse", "Poststed"], ["Ola", "Gate 1", "Bø"]]
        for filename, content in (
            ("noheader.xlsx", _xlsx(rows)),
            ("noheader.xls", _xls(rows)),
            ("noheader.csv", _csv(rows)),
        ):
            with self.subTest(file=filename):
                self._assert_refused(filename, content, "no_header")

    def test_header_is_looked_for_in_the_first_fifty_rows_only(self):
        header = ";".join(CSV_HEADER)
        self.assertEqual(_read("late.csv", ("x\n" * 49 + header + "\n").encode())[0], 50)
        self._assert_refused("late.csv", ("x\n" * 50 + header + "\n").encode(), "no_header")

    def test_missing_required_column_is_named(self):
        content = _csv([["Studentnr", "E-post", "Status", "Mobil"], ["1", "a@b.no", "aktiv", ""]])
        error = self._assert_refused("missing.csv", content, "missing_columns")
        self.assertEqual(error.params["columns"], ["programme_code", "start_date"])
        self.assertIn("start_date", str(error))


@tagged("post_install", "-at_install")
class TestFindHeader(BaseCase):
    """The header row and the mapping of its columns."""

    def _find(self, rows, required=()):
        return find_header(iter(enumerate(rows, start=1)), SYNONYMS, list(required))

    def test_header_names_ignore_case_spacing_and_punctuation(self):
        for left, right in (
            ("E-post", "e post"),
            ("E-post", "EPOST"),
            ("E-mailadres", "e-mail adres"),
            ("Student number", "student_number"),
            ("Student number", "Student.Number"),
            ("Studentnr", " STUDENT-NR "),
            ("Avgangsår vgs", "avgangsa\u030ar  vgs"),
        ):
            with self.subTest(left=left, right=right):
                self.assertEqual(normalize_header(left), normalize_header(right))
        self.assertNotEqual(normalize_header("Studentnr"), normalize_header("Student number"))
        self.assertEqual(normalize_header(None), "")

    def test_header_needs_three_known_names(self):
        line, mapping, rows = self._find(
            [
                ["Status", "Studentnr", "Eksportert", "av", "FS"],
                ["Studentnr", "Navn", "E-post", "Status", "Merknad"],
                ["1", "Ola", "a@b.no", "aktiv", None],
            ]
        )
        self.assertEqual(line, 2)
        self.assertEqual(mapping, {"student_number": 0, "email": 2, "status": 3})
        self.assertEqual(list(rows), [(3, ["1", "Ola", "a@b.no", "aktiv", None])])

    def test_short_header_with_every_cell_known(self):
        line, mapping, _rows = self._find(
            [["Studentliste", "2024"], [None, "student nr", None, "e-post"], ["1", "a@b.no"]]
        )
        self.assertEqual((line, mapping), (2, {"student_number": 1, "email": 3}))

    def test_unknown_columns_are_ignored_and_the_first_duplicate_counts(self):
        _line, mapping, _rows = self._find(
            [["Notat", "E-post", "Studentnr", "Email", "Status", 2024]]
        )
        self.assertEqual(mapping, {"email": 1, "student_number": 2, "status": 4})

    def test_rows_may_be_any_iterable(self):
        line, _mapping, rows = find_header(
            [(7, ["Studentnr", "E-post", "Status"]), (8, ["1", None, "aktiv"])], SYNONYMS, []
        )
        self.assertEqual((line, list(rows)), (7, [(8, ["1", None, "aktiv"])]))


@tagged("post_install", "-at_install")
class TestNormalize(BaseCase):
    """The value normalisers: accepted and refused values."""

    def _refused(self, function, *values, **kwargs):
        for value in values:
            with self.subTest(function=function.__name__, value=value):
                with self.assertRaises(ValueError) as caught:
                    function(value, **kwargs)
                self.assertTrue(str(caught.exception))

    def test_text_keeps_identifiers_whole(self):
        self.assertEqual(normalize.text(210101.0), "210101")
        self.assertEqual(normalize.text(210101), "210101")
        self.assertEqual(normalize.text("  210101 "), "210101")
        self.assertEqual(normalize.text(3.5), "3.5")

    def test_text_of_empty_is_none(self):
        for value in (None, "", "   ", "\t\n"):
            with self.subTest(value=value):
                self.assertIsNone(normalize.text(value))

    def test_email_trimmed_and_lower_cased(self):
        self.assertEqual(normalize.email(" Ase.Odegard@Example.NO "), "ase.odegard@example.no")
        self.assertEqual(normalize.email("kari+usn@mail.example.com"), "kari+usn@mail.example.com")

    def test_invalid_email_refused(self):
        self._refused(
            normalize.email,
            *(None, "", "ola@@usn", "no-at.example.no", "a b@example.no", "x@localhost"),
            *("a@b..no", "@example.no", "ola@.no", "ola@example.no;kari@example.no"),
            "ola@example.no, kari@example.no",
        )

    def test_norwegian_numbers_to_e164(self):
        for value, expected in (
            ("+47 912 34 567", "+4791234567"),
            ("0047 91234567", "+4791234567"),
            ("(+47) 912-34-569", "+4791234569"),
            ("912 34 568", "+4791234568"),
            ("92319487", "+4792319487"),
            (92319487, "+4792319487"),
            (92319487.0, "+4792319487"),
        ):
            with self.subTest(value=value):
                self.assertEqual(normalize.phone(value, "NO"), expected)

    def test_norwegian_landline_is_valid(self):
        self.assertEqual(normalize.phone("22 33 44 55", "NO"), "+4722334455")

    def test_dutch_mobile_to_e164(self):
        self.assertEqual(normalize.phone("06-26464460", "NL"), "+31626464460")
        self.assertEqual(normalize.phone("06-26464460", "nl"), "+31626464460")

    def test_foreign_number_keeps_its_country(self):
        self.assertEqual(normalize.phone("+34 612 345 678", "NO"), "+34612345678")

    def test_invalid_phone_refused(self):
        self._refused(normalize.phone, "12345", 12345, "not a number", "", None, region="NO")
        self._refused(normalize.phone, "06-26464460", region="NO")

    def test_dates_in_every_format(self):
        expected = datetime.date(2011, 8, 15)
        for value in ("15.08.2011", "15-08-2011", "15/08/2011", "2011-08-15", " 15.08.2011 ",
                      datetime.datetime(2011, 8, 15, 13, 30), expected):  # fmt: skip
            with self.subTest(value=value):
                self.assertEqual(normalize.date(value), expected)

    def test_date_formats_can_be_given(self):
        self.assertEqual(normalize.date("08/15/2011", formats=("%m/%d/%Y",)),
                         datetime.date(2011, 8, 15))  # fmt: skip
        self.assertEqual(normalize.date("15.08.2011", formats=()), datetime.date(2011, 8, 15))
        self._refused(normalize.date, "15.08.2011", formats=("%Y-%m-%d",))

    def test_unreadable_date_refused(self):
        self._refused(normalize.date, "ukjent", "2011-15-08", "31.02.2011", "15.08.11", 40000,
                      40000.5, None, "")  # fmt: skip

    def test_grades_with_comma_point_and_letters(self):
        grades = {"3,8": 3.8, "4.1": 4.1, "4": 4.0, 4: 4.0, 4.25: 4.25, " 4,2 ": 4.2}
        grades.update({"A": 5.0, "b": 4.0, "C": 3.0, "d": 2.0, "E": 1.0})
        for value, expected in grades.items():
            with self.subTest(value=value):
                self.assertEqual(normalize.grade(value), expected)
                self.assertIsInstance(normalize.grade(value), float)

    def test_invalid_grade_refused(self):
        self._refused(normalize.grade, "F", "F+", "AB", "nan", "inf", "1e3", "-1", "4,2,1",
                      "", None, float("nan"), True)  # fmt: skip

    def test_statuses_in_three_languages(self):
        for value, expected in (
            ("aktiv", "active"), ("Active", "active"), ("ACTIEF", "active"),
            ("fullført", "completed"), ("FULLFØRT", "completed"), ("Completed", "completed"),
            ("afgestudeerd", "completed"),
            (" sluttet ", "withdrawn"), ("Withdrawn", "withdrawn"), ("gestopt", "withdrawn"),
        ):  # fmt: skip
            with self.subTest(value=value):
                self.assertEqual(normalize.status(value), expected)

    def test_unknown_status_refused(self):
        self._refused(normalize.status, "paused", "aktive", "", None, 1)

    def test_years_from_numbers_and_text(self):
        for value in (2005, 2005.0, "2005", " 2005 "):
            with self.subTest(value=value):
                self.assertEqual(normalize.year(value), 2005)
        self.assertEqual(normalize.year(1900), 1900)
        self.assertEqual(normalize.year("2200"), 2200)

    def test_invalid_year_refused(self):
        self._refused(normalize.year, "1800", 1899, 2201, "later", "05", 2005.5, "2_005",
                      "", None)  # fmt: skip


@tagged("post_install", "-at_install")
class TestReadAhead(BaseCase):
    """tools/read_ahead.py: the rows of the next batches are read in a thread
    while the current batch is written."""

    def test_items_come_in_order(self):
        self.assertEqual(list(read_ahead(iter(range(50)), depth=3)), list(range(50)))

    def test_an_error_comes_at_the_item_where_it_happened(self):
        def rows():
            yield 1
            yield 2
            raise SpreadsheetError("corrupt", "row 3 is damaged")

        seen = []
        with self.assertRaisesRegex(SpreadsheetError, "row 3 is damaged"):
            for item in read_ahead(rows()):
                seen.append(item)
        self.assertEqual(seen, [1, 2])

    def test_leaving_early_stops_the_reader_and_closes_the_file(self):
        state = {"read": 0, "closed": False}

        def rows():
            try:
                for number in range(1000):
                    state["read"] = number
                    yield number
            finally:
                state["closed"] = True

        threads_before = threading.active_count()
        ahead = read_ahead(rows(), depth=2)
        self.assertEqual([next(ahead), next(ahead)], [0, 1])
        ahead.close()
        self.assertTrue(state["closed"])
        # It read no further than the items it may hold ahead.
        self.assertLessEqual(state["read"], 5)
        self.assertEqual(threading.active_count(), threads_before)


@tagged("post_install", "-at_install")
class TestWorkbookSheets(BaseCase):
    """A workbook with several sheets is read from the sheet asked for."""

    SHEETS = [
        ("Merknader", [["Eksportert fra FS"], ["Se neste ark"]]),
        ("Studenter", [CSV_HEADER, ["123456", "ola@example.no", "BSYKE", "15.08.2020", "aktiv"]]),
    ]

    def test_sheets_are_listed_in_the_workbook_order(self):
        for filename, content in (
            ("two.xlsx", _xlsx_sheets(self.SHEETS)),
            ("two.xls", _xls_sheets(self.SHEETS)),
        ):
            with self.subTest(file=filename):
                self.assertEqual(sheet_names(content, filename), ["Merknader", "Studenter"])
        self.assertEqual(sheet_names(_csv([CSV_HEADER]), "one.csv"), [])

    def test_the_sheet_asked_for_is_read(self):
        for filename, content in (
            ("two.xlsx", _xlsx_sheets(self.SHEETS)),
            ("two.xls", _xls_sheets(self.SHEETS)),
        ):
            with self.subTest(file=filename):
                # The first sheet by default: it has no header.
                with self.assertRaises(SpreadsheetError) as caught:
                    find_header(read_rows(content, filename), SYNONYMS, REQUIRED)
                self.assertEqual(caught.exception.code, "no_header")
                # Letter case and spaces around the name do not matter.
                line, mapping, rows = find_header(
                    read_rows(content, filename, " studenter"), SYNONYMS, REQUIRED
                )
                self.assertEqual(line, 1)
                self.assertEqual(mapping["email"], 1)
                self.assertEqual(
                    next(rows), (2, ["123456", "ola@example.no", "BSYKE", "15.08.2020", "aktiv"])
                )

    def test_an_unknown_sheet_is_refused_with_the_sheets_there_are(self):
        for filename, content in (
            ("two.xlsx", _xlsx_sheets(self.SHEETS)),
            ("two.xls", _xls_sheets(self.SHEETS)),
        ):
            with self.subTest(file=filename):
                with self.assertRaises(SpreadsheetError) as caught:
                    read_rows(content, filename, "Ansatte")
                self.assertEqual(caught.exception.code, "no_sheet")
                self.assertEqual(caught.exception.params["sheet"], "Ansatte")
                self.assertEqual(caught.exception.params["sheets"], ["Merknader", "Studenter"])

    def test_a_damaged_workbook_cannot_list_its_sheets(self):
        with self.assertRaises(SpreadsheetError) as caught:
            sheet_names(b"PK\x03\x04 no archive", "broken.xlsx")
        self.assertEqual(caught.exception.code, "corrupt")
