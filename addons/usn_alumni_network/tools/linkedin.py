# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the positions of LinkedIn's data export.

LinkedIn's "Get a copy of your data" gives a ZIP archive; its
``Positions.csv`` (at the top or in a folder) holds one row per position
with the columns "Company Name", "Title", "Description", "Location",
"Started On" and "Finished On" (dates like "Mar 2019" or "2019"; an empty
"Finished On" is the current position). Some exports start with a few
"Notes:" lines before the header.

Pure Python, no Odoo: :func:`read_positions` returns the positions or
raises :class:`LinkedInExportError` with a code and the values that name
what is wrong (line, column, value); the caller words the message in the
reader's language.
"""

import calendar
import csv
import datetime
import io
import re
import zipfile

MAX_BYTES = 5 * 1024 * 1024
MAX_POSITIONS = 200
MAX_ERRORS = 20
POSITIONS_FILE = "positions.csv"
REQUIRED_COLUMNS = ("Company Name", "Title", "Started On", "Finished On")
# English as LinkedIn writes them, and Norwegian for exports in Norwegian.
MONTHS = {
    "jan": 1,
    "january": 1,
    "januar": 1,
    "feb": 2,
    "february": 2,
    "februar": 2,
    "mar": 3,
    "march": 3,
    "mars": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "mai": 5,
    "jun": 6,
    "june": 6,
    "juni": 6,
    "jul": 7,
    "july": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
    "des": 12,
    "desember": 12,
}
MONTH_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{4})$")
YEAR = re.compile(r"^(\d{4})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class LinkedInExportError(ValueError):
    """What is wrong with a file: ``code`` and, for a file with bad rows,
    ``errors``, a list of ``(code, values)`` of each row (values: ``line``,
    ``column``, ``value``)."""

    def __init__(self, code, errors=None, **values):
        super().__init__(code)
        self.code = code
        self.errors = errors or []
        self.values = values


def read_positions(data, filename=""):
    """The positions of a LinkedIn export (the ZIP archive or Positions.csv).

    Returns a list of dicts: ``line`` (the line of Positions.csv),
    ``employer_name``, ``title``, ``location``, ``start_date`` and
    ``end_date`` (``datetime.date`` or None: a month gives its first day
    when the position starts and its last day when it ends; a year its
    first or last day).

    :raise LinkedInExportError: ``too_big``, ``not_csv_or_zip``,
        ``no_positions_file``, ``empty``, ``missing_columns`` (values:
        ``columns``), ``too_many`` (values: ``limit``) or ``bad_rows``
        (with ``errors``: ``empty_title``, ``bad_date``, ``end_before_start``)
    """
    if len(data) > MAX_BYTES:
        raise LinkedInExportError("too_big")
    if zipfile.is_zipfile(io.BytesIO(data)):
        data = _positions_from_zip(data)
    elif b"\x00" in data[:4096] or not (
        _looks_like_text(data) or (filename or "").lower().endswith(".csv")
    ):
        # Neither an archive nor a CSV file (a picture, a PDF, a spreadsheet).
        raise LinkedInExportError("not_csv_or_zip")
    return _read_csv(_decode(data))


def parse_date(value, end=False):
    """The date of a LinkedIn cell ("Mar 2019", "March 2019", "2019",
    "2019-03"), None when empty: the first day of the month or year, or
    the last one when ``end``.

    :raise ValueError: when the cell is not such a date
    """
    value = (value or "").strip()
    if not value:
        return None
    month = None
    if match := MONTH_YEAR.match(value):
        month = MONTHS.get(match.group(1).lower())
        if month is None:
            raise ValueError(value)
        year = int(match.group(2))
    elif match := ISO_MONTH.match(value):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(value)
    elif match := YEAR.match(value):
        year = int(match.group(1))
    else:
        raise ValueError(value)
    if not 1900 <= year <= 2100:
        raise ValueError(value)
    if month is None:
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    if end:
        return datetime.date(year, month, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, 1)


def duplicate_key(title, employer_name, start_date):
    """What makes two positions the same: title and employer (case and
    spaces ignored) and the month they started."""

    def clean(text):
        return " ".join((text or "").split()).casefold()

    start = (start_date.year, start_date.month) if start_date else None
    return clean(title), clean(employer_name), start


def _positions_from_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and info.filename.rsplit("/", 1)[-1].lower() == POSITIONS_FILE
        ]
        if not members:
            raise LinkedInExportError("no_positions_file")
        # The shortest path: Positions.csv at the top before one in a folder.
        info = min(members, key=lambda i: len(i.filename))
        if info.file_size > MAX_BYTES:
            raise LinkedInExportError("too_big")
        with archive.open(info) as member:
            content = member.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise LinkedInExportError("not_csv_or_zip") from exc
    if len(content) > MAX_BYTES:
        raise LinkedInExportError("too_big")
    return content


def _looks_like_text(data):
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        # A cut multi-byte character at the end of the sample is still text.
        if exc.start < 4090:
            return False
    return True


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older exports opened and saved in a spreadsheet on Windows.
        return data.decode("cp1252", errors="replace")


def _read_csv(text):
    lines = io.StringIO(text, newline=None).readlines()
    header_index = None
    for index, line in enumerate(lines[:50]):
        cells = {cell.strip() for cell in next(csv.reader([line]), [])}
        if "Title" in cells and ("Company Name" in cells or "Started On" in cells):
            header_index = index
            break
    if header_index is None:
        header_index = _first_row_after_notes(lines)
        if header_index is None:
            raise LinkedInExportError("empty")
    reader = csv.DictReader(io.StringIO("".join(lines[header_index:])))
    reader.fieldnames = [(name or "").strip() for name in reader.fieldnames]
    missing = [name for name in REQUIRED_COLUMNS if name not in reader.fieldnames]
    if missing:
        raise LinkedInExportError("missing_columns", columns=", ".join(missing))
    positions, errors = [], []
    while True:
        # The file's line where the row starts (a description may span lines).
        line = header_index + reader.line_num + 1
        row = next(reader, None)
        if row is None:
            break
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        if len(positions) >= MAX_POSITIONS:
            raise LinkedInExportError("too_many", limit=MAX_POSITIONS)
        position = _read_row(row, line, errors)
        if position:
            positions.append(position)
    if errors:
        raise LinkedInExportError("bad_rows", errors=errors[:MAX_ERRORS])
    if not positions:
        raise LinkedInExportError("empty")
    return positions


def _first_row_after_notes(lines):
    """The index of the first line that is neither blank nor in the
    "Notes:" paragraph some exports start with, or None."""
    in_notes = False
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            in_notes = False
        elif text.lstrip('"').startswith("Notes:"):
            in_notes = True
        elif not in_notes:
            return index
    return None


def _read_row(row, line, errors):
    """The position of one row, or None with its errors added to ``errors``."""

    def cell(name):
        return " ".join((row.get(name) or "").split())

    found = []
    title = cell("Title")
    if not title:
        found.append(("empty_title", {"line": line, "column": "Title"}))
    dates = {}
    for column, key, end in (
        ("Started On", "start_date", False),
        ("Finished On", "end_date", True),
    ):
        try:
            dates[key] = parse_date(cell(column), end=end)
        except ValueError:
            found.append(("bad_date", {"line": line, "column": column, "value": cell(column)}))
            dates[key] = None
    if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
        found.append(
            (
                "end_before_start",
                {"line": line, "column": "Finished On", "value": cell("Finished On")},
            )
        )
    if found:
        errors.extend(found)
        return None
    return {
        "line": line,
        "title": title[:200],
        "employer_name": cell("Company Name")[:200] or False,
        "location": cell("Location")[:200] or False,
        **dates,
    }
