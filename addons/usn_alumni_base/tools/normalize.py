# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the values of a student-system export.

Small pure functions: each returns the clean value of a cell (as read by
:func:`..spreadsheet.read_rows`) or raises ``ValueError`` with a short
English reason. The caller decides whether that is an error or a warning.
"""

import datetime
import math
import re
import unicodedata
from types import MappingProxyType

import phonenumbers

DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")
# One "@", no spaces or list separators, a domain of at least two non-empty
# labels, the last one (the top-level domain) of two letters or more.
EMAIL = re.compile(
    r"[^@\s,;<>()\[\]\"]+"
    r"@(?:[^@\s,;<>()\[\]\".]+\.)+"
    r"[^\W\d_]{2,}"
)
GRADE_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
LETTER_GRADES = MappingProxyType({"A": 5.0, "B": 4.0, "C": 3.0, "D": 2.0, "E": 1.0})
STATUSES = MappingProxyType(
    {
        "aktiv": "active",
        "active": "active",
        "actief": "active",
        "fullført": "completed",
        "completed": "completed",
        "afgestudeerd": "completed",
        "sluttet": "withdrawn",
        "withdrawn": "withdrawn",
        "gestopt": "withdrawn",
    }
)
YEAR = re.compile(r"[0-9]{4}")
YEAR_MIN, YEAR_MAX = 1900, 2200


def text(value):
    """A cell as text: ``None`` when empty, surrounding whitespace removed,
    whole numbers without a decimal part (``210101.0`` -> ``"210101"``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    value = str(value).strip()
    return value or None


def email(value):
    """An e-mail address, trimmed and lower-cased.

    :raise ValueError: when it is not a single plain address
    """
    address = (text(value) or "").lower()
    if not EMAIL.fullmatch(address):
        raise ValueError("not an e-mail address")
    return address


def phone(value, region):
    """A phone number in E.164 (``+4791234567``).

    :param value: the number as written (text or a number cell)
    :param str region: the country of numbers written without a country
        code, such as ``"NO"`` or ``"NL"``
    :raise ValueError: when it cannot be read or is not a valid number
    """
    raw = text(value)
    if not raw:
        raise ValueError("no phone number")
    try:
        number = phonenumbers.parse(raw, (region or "").upper() or None)
    except phonenumbers.NumberParseException as error:
        raise ValueError("not a phone number") from error
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def date(value, formats=DATE_FORMATS):
    """A date from a date cell or from text in one of ``formats``.

    :param formats: ``strptime`` formats tried in turn; empty means the
        default ones (dd.mm.yyyy, dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd)
    :raise ValueError: when it is not a date (numbers are not dates)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value) if isinstance(value, str) else None
    if raw:
        for fmt in formats or DATE_FORMATS:
            try:
                return datetime.datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
    raise ValueError("not a date")


def grade(value):
    """A grade average as float: a number (decimal point or comma) or a
    letter ``A`` to ``E`` (any case), which stand for 5 to 1.

    :raise ValueError: for anything else, including negative numbers
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError("not a grade")
        return float(value)
    raw = (text(value) or "").upper()
    if raw in LETTER_GRADES:
        return LETTER_GRADES[raw]
    if not GRADE_NUMBER.fullmatch(raw):
        raise ValueError("not a grade")
    return float(raw.replace(",", "."))


def status(value):
    """The enrolment status ``active``, ``completed`` or ``withdrawn``, from
    its Norwegian, English or Dutch name in any letter case.

    :raise ValueError: for an unknown status
    """
    key = unicodedata.normalize("NFC", text(value) or "").casefold()
    if key not in STATUSES:
        raise ValueError("unknown status")
    return STATUSES[key]


def year(value):
    """A year between 1900 and 2200, from a number or text.

    :raise ValueError: for anything else
    """
    raw = text(value)
    if not raw or not YEAR.fullmatch(raw) or not YEAR_MIN <= int(raw) <= YEAR_MAX:
        raise ValueError("not a year")
    return int(raw)
