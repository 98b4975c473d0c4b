# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import io
import zipfile

from odoo.tests import BaseCase, tagged

from ..tools import linkedin

HEADER = '"Company Name","Title","Description","Location","Started On","Finished On"\n'


def positions_csv(*rows, notes=False):
    text = HEADER + "".join(rows)
    if notes:
        text = (
            "Notes:\n"
            '"When exporting your data, you may notice that some of it is missing, '
            'for example ""positions"" you hid."\n'
            "\n" + text
        )
    return text.encode("utf-8-sig")


def zipped(content, name="Basic_LinkedInDataExport_12-01-2026/Positions.csv", **others):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport_12-01-2026/Profile.csv", "First Name\nMaja\n")
        for other, data in others.items():
            archive.writestr(other, data)
        if content is not None:
            archive.writestr(name, content)
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestLinkedInTools(BaseCase):
    """tools/linkedin.py: LinkedIn's Positions.csv, alone or in its archive."""

    def _error(self, data, filename="Positions.csv"):
        with self.assertRaises(linkedin.LinkedInExportError) as caught:
            linkedin.read_positions(data, filename)
        return caught.exception

    def test_positions_read_with_month_and_year_dates(self):
        data = positions_csv(
            '"Kongsberg Robotics","Lead engineer","Robots,\nand people","Kongsberg",'
            '"Mar 2019",""\n',
            '"Telenor","Developer","","Oslo","2015","Feb 2019"\n',
        )
        positions = linkedin.read_positions(data, "Positions.csv")
        self.assertEqual(
            [
                (p["line"], p["employer_name"], p["title"], p["start_date"], p["end_date"])
                for p in positions
            ],
            [
                (2, "Kongsberg Robotics", "Lead engineer", datetime.date(2019, 3, 1), None),
                (4, "Telenor", "Developer", datetime.date(2015, 1, 1), datetime.date(2019, 2, 28)),
            ],
        )

    def test_notes_before_the_header_are_skipped(self):
        positions = linkedin.read_positions(
            positions_csv('"Equinor","Analyst","","","Jan 2020",""\n', notes=True), "Positions.csv"
        )
        self.assertEqual(positions[0]["title"], "Analyst")
        self.assertEqual(positions[0]["line"], 5)

    def test_zip_archive_with_positions_in_a_folder(self):
        data = zipped(positions_csv('"Equinor","Analyst","","","Jan 2020",""\n'))
        positions = linkedin.read_positions(data, "Basic_LinkedInDataExport.zip")
        self.assertEqual(positions[0]["employer_name"], "Equinor")

    def test_zip_without_positions_refused(self):
        self.assertEqual(self._error(zipped(None), "export.zip").code, "no_positions_file")

    def test_not_csv_or_zip_refused(self):
        self.assertEqual(
            self._error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "me.png").code, "not_csv_or_zip"
        )
        self.assertEqual(self._error(b"%PDF-1.4\n\x00\x01", "Positions.csv").code, "not_csv_or_zip")

    def test_too_big_refused(self):
        data = positions_csv() + b" " * linkedin.MAX_BYTES
        self.assertEqual(self._error(data).code, "too_big")
        # A small archive whose Positions.csv is too big unpacked.
        big = positions_csv() + b"\n" * (linkedin.MAX_BYTES + 10)
        self.assertEqual(self._error(zipped(big), "export.zip").code, "too_big")

    def test_wrong_columns_named(self):
        error = self._error(b'"Company","Title","Start"\n"A","B","2019"\n')
        self.assertEqual(error.code, "missing_columns")
        self.assertIn("Company Name", error.values["columns"])
        self.assertIn("Started On", error.values["columns"])
        self.assertNotIn("Title", error.values["columns"].split(", "))

    def test_bad_rows_named_by_line_and_column(self):
        error = self._error(
            positions_csv(
                '"Acme","","","","Mar 2019",""\n',
                '"Acme","Engineer","","","Marsch 2019",""\n',
                '"Acme","Manager","","","Mar 2020","Jan 2019"\n',
                '"Acme","Fine","","","Mar 2020",""\n',
            )
        )
        self.assertEqual(error.code, "bad_rows")
        self.assertEqual(
            error.errors,
            [
                ("empty_title", {"line": 2, "column": "Title"}),
                ("bad_date", {"line": 3, "column": "Started On", "value": "Marsch 2019"}),
                ("end_before_start", {"line": 4, "column": "Finished On", "value": "Jan 2019"}),
            ],
        )

    def test_empty_file_refused(self):
        self.assertEqual(self._error(positions_csv()).code, "empty")
        self.assertEqual(self._error(b"").code, "empty")

    def test_dates(self):
        parse = linkedin.parse_date
        self.assertEqual(parse("Sep 2021"), datetime.date(2021, 9, 1))
        self.assertEqual(parse("September 2021", end=True), datetime.date(2021, 9, 30))
        self.assertEqual(parse("des. 2021", end=True), datetime.date(2021, 12, 31))
        self.assertEqual(parse("2024-02", end=True), datetime.date(2024, 2, 29))
        self.assertEqual(parse("2021", end=True), datetime.date(2021, 12, 31))
        self.assertIsNone(parse("  "))
        for bad in ("Smarch 2020", "13/2020", "2020-13", "03.2020", "0999"):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                parse(bad)

    def test_duplicate_key_ignores_case_spaces_and_day(self):
        self.assertEqual(
            linkedin.duplicate_key(
                " Lead  Engineer", "kongsberg robotics", datetime.date(2019, 3, 1)
            ),
            linkedin.duplicate_key(
                "lead engineer", "Kongsberg Robotics ", datetime.date(2019, 3, 17)
            ),
        )
        self.assertNotEqual(
            linkedin.duplicate_key("Engineer", "Acme", datetime.date(2019, 3, 1)),
            linkedin.duplicate_key("Engineer", "Acme", datetime.date(2019, 4, 1)),
        )
