# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the values of a student-system export: small pure functions that
return the clean value or raise ValueError with a short reason."""

import datetime
import re

import phonenumbers

DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
LETTER_GRADES = {"A": 5.0, "B": 4.0, "C": 3.0, "D": 2.0, "E": 1.0}
STATUSES = {
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


def text(value):
    """A cell as text: None for empty, identifiers without a decimal part."""
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
    value = (text(value) or "").lower()
    if not EMAIL.match(value):
        raise ValueError("not an e-mail address")
    return value


def phone(value, region):
    """The number in E.164, read with the default region of the file."""
    raw = text(value)
    if not raw:
        raise ValueError("no phone number")
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise ValueError("not a phone number") from error
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def date(value, formats=DATE_FORMATS):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value) if isinstance(value, str) else None
    if raw:
        for fmt in formats:
            try:
                return datetime.datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
    raise ValueError("not a date")


def grade(value):
    """A grade average: a number (decimal point or comma) or a letter A-E."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raw = (text(value) or "").upper()
    if raw in LETTER_GRADES:
        return LETTER_GRADES[raw]
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        raise ValueError("not a grade") from None


def status(value):
    key = (text(value) or "").casefold()
    if key not in STATUSES:
        raise ValueError("unknown status")
    return STATUSES[key]


def year(value):
    raw = text(value)
    try:
        result = int(raw)
    except (TypeError, ValueError):
        raise ValueError("not a year") from None
    if not 1900 <= result <= 2200:
        raise ValueError("not a year")
    return result
