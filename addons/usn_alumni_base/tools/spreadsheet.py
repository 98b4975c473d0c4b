# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading spreadsheet exports (.xlsx, .xls, .csv) row by row.

:func:`read_rows` turns the bytes of a file into a stream of
``(line number, cells)``, with the file's own line numbers (the sheet row
numbers; for CSV the line on which the record starts, header = line 1).
:func:`find_header` finds the header row in that stream and maps the known
columns to fields. Nothing here holds the rows of a file in a list: a large
export is read one row at a time.

Files that cannot be read raise :class:`SpreadsheetError`, whose ``code`` the
Odoo layer translates into a message for the user.
"""

import codecs
import csv
import io
import itertools
import re
import unicodedata

import openpyxl
import xlrd

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
# Tried in this order; "utf-8-sig" reads UTF-8 with or without a byte order mark.
CSV_ENCODINGS = ("utf-8-sig", "cp1252")
CSV_DELIMITERS = ";,\t|"
CSV_SNIFF_SIZE = 8192
DECODE_CHUNK_SIZE = 1 << 16
HEADER_SEARCH_ROWS = 50
HEADER_MIN_MATCHES = 3
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
BLANK_TEXT = re.compile(rb"(?:\xef\xbb\xbf)?\s*")
HEADER_NOISE = re.compile(r"[\s\-_.:/()]+")


class SpreadsheetError(Exception):
    """A file that cannot be imported.

    ``code`` says why, for the caller to translate: ``unsupported_type``,
    ``empty``, ``corrupt``, ``no_header`` or ``missing_columns``. ``params``
    holds the details, such as ``{"filename": ...}`` or
    ``{"columns": [...]}``. The message is plain English, for logs.
    """

    def __init__(self, code, message=None, params=None):
        super().__init__(message or code)
        self.code = code
        self.params = dict(params or {})


def read_rows(content, filename, sheet=None):
    """Read a spreadsheet export row by row.

    :param bytes content: the file
    :param str filename: its name; the extension (any case) chooses the
        reader: ``.xlsx``, ``.xls`` or ``.csv``
    :param str sheet: the name of the sheet of a workbook to read (letter
        case and surrounding spaces do not matter); the first sheet when
        empty. A CSV file has one sheet, whatever it is called.
    :return: an iterator (generator) of ``(line_number, cells)``. ``cells``
        is a list of ``str`` (stripped), ``int``, ``float``, ``bool``,
        ``datetime.datetime`` (or a time, as openpyxl reads it) or ``None``
        for an empty cell. A blank row is yielded too, with cells that are
        all ``None`` (none at all for a blank CSV line); rows may be shorter
        than the header.
    :raise SpreadsheetError: at once when the type is not supported
        (``unsupported_type``), the file is empty (``empty``) or is not what
        its name says (``corrupt``), or the workbook has no sheet of that
        name (``no_sheet``, with ``params["sheet"]`` and
        ``params["sheets"]``); while iterating, ``corrupt`` when the file
        turns out to be damaged further on.
    """
    params = {"filename": filename, "sheet": sheet}
    extension = _extension(filename)
    readers = {"xlsx": _xlsx_rows, "xls": _xls_rows, "csv": _csv_rows}
    if extension not in readers:
        raise SpreadsheetError(
            "unsupported_type", f"{filename}: only .xlsx, .xls and .csv files are read", params
        )
    if not content:
        raise SpreadsheetError("empty", f"{filename} is empty", params)
    return readers[extension](content, params)


def sheet_names(content, filename):
    """The names of the sheets of a workbook, in the workbook's order; an
    empty list for a CSV file (or a file of another type).

    :raise SpreadsheetError: ``corrupt`` when the workbook cannot be opened
    """
    params = {"filename": filename}
    extension = _extension(filename)
    if not content or extension not in ("xlsx", "xls"):
        return []
    if extension == "xlsx":
        if not content.startswith(XLSX_MAGIC):
            raise _corrupt(params, "not an .xlsx file")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        except Exception as error:  # openpyxl, zipfile and XML parsers raise many kinds
            raise _corrupt(params, error) from error
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()
    if not content.startswith(XLS_MAGIC):
        raise _corrupt(params, "not an .xls file")
    try:
        book = xlrd.open_workbook(file_contents=content, on_demand=True, logfile=io.StringIO())
    except Exception as error:  # xlrd raises many kinds on a damaged file
        raise _corrupt(params, error) from error
    try:
        return list(book.sheet_names())
    finally:
        book.release_resources()


def _extension(filename):
    return filename.rpartition(".")[2].lower() if "." in (filename or "") else ""


def _sheet_index(names, params):
    """The index of the sheet ``params["sheet"]`` among ``names``; 0 when no
    sheet is asked for."""
    wanted = (params.get("sheet") or "").strip().casefold()
    if not wanted:
        return 0
    for index, name in enumerate(names):
        if name.strip().casefold() == wanted:
            return index
    raise SpreadsheetError(
        "no_sheet",
        f"{params['filename']} has no sheet {params['sheet']!r}",
        dict(params, sheets=list(names)),
    )


def normalize_header(value):
    """A column name in the form in which names are compared.

    Letter case, accents written as combined characters, whitespace and the
    punctuation ``- _ . : / ( )`` make no difference: "E-post", "e post" and
    "Epost" compare equal, as do "Student number" and "student_number".
    """
    if value is None:
        return ""
    value = unicodedata.normalize("NFKC", str(value))
    return HEADER_NOISE.sub("", value).casefold()


def find_header(rows_iter, synonyms, required):
    """Find the header row of a stream of rows and map its columns.

    The header is the first row in which at least three cells (or, when the
    row has fewer non-empty cells, all of them) are known column names. Rows
    above it are ignored, as are columns with unknown names; when a field
    has several columns, the first one counts.

    :param rows_iter: ``(line_number, cells)`` pairs, as from
        :func:`read_rows`
    :param dict synonyms: ``{field: [column names]}``, names compared with
        :func:`normalize_header`; a name given for two fields belongs to the
        first
    :param list required: the fields the file must have a column for
    :return: ``(header_line_number, {field: column_index}, data_rows)``,
        ``data_rows`` being the same stream, continuing after the header
    :raise SpreadsheetError: ``no_header`` when none of the first
        HEADER_SEARCH_ROWS rows qualifies; ``missing_columns`` (with
        ``params["columns"]``, in the order of ``required``) when a required
        field has no column
    """
    fields_by_name = {}
    for field, names in synonyms.items():
        for name in names:
            fields_by_name.setdefault(normalize_header(name), field)
    rows = iter(rows_iter)
    for line, cells in itertools.islice(rows, HEADER_SEARCH_ROWS):
        mapping, known, filled = {}, 0, 0
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            filled += 1
            field = fields_by_name.get(normalize_header(cell))
            if field:
                known += 1
                mapping.setdefault(field, index)
        if not known or known < min(HEADER_MIN_MATCHES, filled):
            continue
        missing = [field for field in required if field not in mapping]
        if missing:
            raise SpreadsheetError(
                "missing_columns",
                f"the header on line {line} has no column for: {', '.join(missing)}",
                {"columns": missing, "line": line},
            )
        return line, mapping, rows
    raise SpreadsheetError(
        "no_header",
        f"none of the first {HEADER_SEARCH_ROWS} rows has the known column names",
        {"rows": HEADER_SEARCH_ROWS},
    )


def _clean(value):
    """A cell value as returned: stripped text, None for empty text."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _integral(value):
    """A float without decimals as int, so that 210101.0 stays 210101."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _corrupt(params, detail, line=None):
    """A ``corrupt`` error; ``line``: where in the file the damage was found."""
    if line is not None:
        params = dict(params, line=line)
    return SpreadsheetError("corrupt", f"{params['filename']} cannot be read: {detail}", params)


def _peeked(rows, params):
    """The rows, after checking that there is at least one."""
    first = next(rows, None)
    if first is None:
        raise SpreadsheetError("empty", f"{params['filename']} has no rows", params)
    return itertools.chain((first,), rows)


# .xlsx -----------------------------------------------------------------------


def _xlsx_rows(content, params):
    if not content.startswith(XLSX_MAGIC):
        raise _corrupt(params, "not an .xlsx file")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl, zipfile and XML parsers raise many kinds
        raise _corrupt(params, error) from error
    if not workbook.worksheets:
        workbook.close()
        raise SpreadsheetError("empty", f"{params['filename']} has no sheet", params)
    try:
        index = _sheet_index(workbook.sheetnames, params)
    except SpreadsheetError:
        workbook.close()
        raise
    return _peeked(_xlsx_iter(workbook, index, params), params)


def _xlsx_iter(workbook, index, params):
    """The rows of the sheet, read from the archive as they come."""
    try:
        sheet = workbook.worksheets[index]
        # Rows are as wide as the sheet says it is, but some exporters write
        # a wrong size: read every cell that is there, beyond it too.
        width = sheet.max_column or 0
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        for number in itertools.count(1):
            try:
                row = next(rows, None)
            except Exception as error:  # a damaged sheet inside a valid archive
                raise _corrupt(params, f"row {number}: {error}", line=number) from error
            if row is None:
                return
            cells = [_integral(_clean(value)) for value in row]
            if len(cells) < width:
                cells.extend([None] * (width - len(cells)))
            yield number, cells
    finally:
        workbook.close()


# .xls ------------------------------------------------------------------------


def _xls_rows(content, params):
    if not content.startswith(XLS_MAGIC):
        raise _corrupt(params, "not an .xls file")
    try:
        book = xlrd.open_workbook(file_contents=content, on_demand=True, logfile=io.StringIO())
        if not book.nsheets:
            raise xlrd.XLRDError("the workbook has no sheet")
        names = book.sheet_names()
    except Exception as error:  # xlrd raises many kinds on a damaged file
        raise _corrupt(params, error) from error
    try:
        sheet = book.sheet_by_index(_sheet_index(names, params))
    except SpreadsheetError:
        book.release_resources()
        raise
    except Exception as error:  # xlrd raises many kinds on a damaged file
        book.release_resources()
        raise _corrupt(params, error) from error
    if not sheet.nrows:
        book.release_resources()
        raise SpreadsheetError("empty", f"{params['filename']} has no rows", params)
    return _xls_iter(book, sheet)


def _xls_iter(book, sheet):
    """The rows of the sheet (xlrd holds that sheet, not our rows)."""
    try:
        for index in range(sheet.nrows):
            yield index + 1, [_xls_value(cell, book.datemode) for cell in sheet.row(index)]
    finally:
        book.release_resources()


def _xls_value(cell, datemode):
    """The Python value of an xlrd cell: dates as datetime, whole numbers as
    int, empty and error cells as None."""
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return _integral(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _integral(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return _clean(cell.value)
    return None  # empty, blank and error cells


# .csv ------------------------------------------------------------------------


def _csv_rows(content, params):
    if content.startswith((XLSX_MAGIC, XLS_MAGIC)):
        raise _corrupt(params, "a spreadsheet workbook, not a CSV file")
    if content.startswith(UTF16_BOMS):
        encodings = ("utf-16",)
    elif b"\x00" in content:
        raise _corrupt(params, "not a text file")
    else:
        encodings = CSV_ENCODINGS
    encoding = next((enc for enc in encodings if _decodes(content, enc)), None)
    if encoding is None:
        raise _corrupt(params, "unknown text encoding")
    if BLANK_TEXT.fullmatch(content):
        raise SpreadsheetError("empty", f"{params['filename']} is empty", params)
    with _text_stream(content, encoding) as stream:
        sample = stream.read(CSV_SNIFF_SIZE)
    delimiter = _sniff_delimiter(sample)
    return _csv_iter(_text_stream(content, encoding), delimiter, params)


def _decodes(content, encoding):
    """Whether the whole content is valid in the encoding, decoded a chunk
    at a time so that no second copy of a large file is made."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(content)
    try:
        for start in range(0, len(view), DECODE_CHUNK_SIZE):
            decoder.decode(view[start : start + DECODE_CHUNK_SIZE])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _text_stream(content, encoding):
    return io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")


def _sniff_delimiter(sample):
    """The delimiter among ; , tab and |: csv.Sniffer's guess on the first
    complete lines, or else the one that occurs most often."""
    if len(sample) >= CSV_SNIFF_SIZE and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return max(CSV_DELIMITERS, key=sample.count)


def _csv_iter(stream, delimiter, params):
    """The records of the CSV text, each with the line it starts on."""
    with stream:
        reader = csv.reader(stream, delimiter=delimiter)
        line = 1
        while True:
            try:
                row = next(reader, None)
            except (csv.Error, UnicodeDecodeError) as error:
                raise _corrupt(params, f"line {line}: {error}", line=line) from error
            if row is None:
                return
            yield line, [_clean(value) for value in row]
            line = reader.line_num + 1
