# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading spreadsheet exports (.xlsx, .xls, .csv) row by row, streaming, with
the file's own line numbers, and finding their header row."""

import csv
import io
import re
import zipfile

import openpyxl
import xlrd

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
CSV_ENCODINGS = ("utf-8-sig", "cp1252")
CSV_DELIMITERS = ";,\t|"
HEADER_SEARCH_ROWS = 50
HEADER_MIN_MATCHES = 3


class SpreadsheetError(Exception):
    """A file that cannot be imported; ``code`` says why, for the caller to
    translate: unsupported_type, empty, corrupt, no_header, missing_columns."""

    def __init__(self, code, message, **params):
        super().__init__(message)
        self.code = code
        self.params = params


def read_rows(content, filename):
    """(line number, cells) for each row of the file, streaming. Cells are
    str, int, float, date/datetime or None; line numbers are the file's own
    (sheet row numbers; CSV line numbers)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ("xlsx", "xls", "csv"):
        raise SpreadsheetError("unsupported_type", f"{filename}: unsupported file type")
    if not content:
        raise SpreadsheetError("empty", f"{filename} is empty")
    reader = {"xlsx": _xlsx_rows, "xls": _xls_rows, "csv": _csv_rows}[extension]
    return reader(content, filename)


def _cell_text(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _xlsx_rows(content, filename):
    if not content.startswith(XLSX_MAGIC):
        raise SpreadsheetError("corrupt", f"{filename} is not an .xlsx file")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise SpreadsheetError("corrupt", f"{filename}: {error}") from error
    return _xlsx_iter(workbook)


def _xlsx_iter(workbook):
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_integral(_cell_text(value)) for value in row]
    finally:
        workbook.close()


def _integral(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _xls_rows(content, filename):
    if not content.startswith(XLS_MAGIC):
        raise SpreadsheetError("corrupt", f"{filename} is not an .xls file")
    try:
        book = xlrd.open_workbook(file_contents=content, on_demand=True)
        sheet = book.sheet_by_index(0)
    except xlrd.XLRDError as error:
        raise SpreadsheetError("corrupt", f"{filename}: {error}") from error
    return _xls_iter(book, sheet)


def _xls_iter(book, sheet):
    try:
        for index in range(sheet.nrows):
            cells = []
            for cell in sheet.row(index):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    cells.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                elif cell.ctype == xlrd.XL_CELL_NUMBER:
                    cells.append(_integral(cell.value))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    cells.append(None)
                else:
                    cells.append(_cell_text(cell.value))
            yield index + 1, cells
    finally:
        book.release_resources()


def _csv_rows(content, filename):
    for encoding in CSV_ENCODINGS:
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise SpreadsheetError("corrupt", f"{filename}: unknown text encoding")
    if "\x00" in text:
        raise SpreadsheetError("corrupt", f"{filename} is not a text file")
    if not text.strip():
        raise SpreadsheetError("empty", f"{filename} is empty")
    return _csv_iter(text, _sniff_delimiter(text))


def _sniff_delimiter(text):
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample else ""
        return max(CSV_DELIMITERS, key=first_line.count)


def _csv_iter(text, delimiter):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for row in reader:
        yield line, [_cell_text(value) for value in row]
        line = reader.line_num + 1


def normalize_header(value):
    """A header name compared without regard to case, spacing and punctuation."""
    return re.sub(r"[\s\-_.:/()]+", "", str(value)).casefold() if value is not None else ""


def find_header(rows, synonyms, required):
    """Find the header row: the first row in which at least three cells (or
    every non-empty cell, when fewer) are known column names.

    ``synonyms`` maps each field to the names its column may have. Returns
    (header line, {field: column index}, the rows after the header), the
    last continuing the same stream.
    """
    names = {normalize_header(name): target for target, names in synonyms.items() for name in names}
    rows = iter(rows)
    for searched, (line, cells) in enumerate(rows, start=1):
        mapping = {}
        for index, cell in enumerate(cells):
            target = names.get(normalize_header(cell)) if cell is not None else None
            if target and target not in mapping:
                mapping[target] = index
        filled = sum(1 for cell in cells if cell is not None)
        if mapping and len(mapping) >= min(HEADER_MIN_MATCHES, filled):
            missing = [target for target in required if target not in mapping]
            if missing:
                raise SpreadsheetError(
                    "missing_columns", f"missing columns: {', '.join(missing)}", columns=missing
                )
            return line, mapping, rows
        if searched >= HEADER_SEARCH_ROWS:
            break
    raise SpreadsheetError("no_header", "no header row found")
