# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How likely two person records are one person.

Pure functions over plain values, so that the scoring can be read, tuned and
tested without a database. Each piece of evidence (first name, surname,
birth date, e-mail, phone, student number) is compared and weighed in favour
of the pair when it agrees and against it when it disagrees, as in the
Fellegi-Sunter model of record linkage: the weights are log-odds (in bits),
their sum says how much more likely "one person" is than "two people", and a
logistic turns it into a score from 0 to 100.

The weights follow from what families share. Parents, children, twins and
spouses share a landline, a family e-mail address, often a surname and, for
twins, a birth date; what they never share is a first name *and* a birth
date. So a different first name or birth date weighs heavily against, a
shared phone or e-mail much less in favour than it would between strangers.
A person changes e-mail, phone and (on marriage) surname, so those differing
weighs little against. Two student numbers mean two people in the student
system, whatever else agrees.
"""

import re
import unicodedata
from collections import namedtuple

from rapidfuzz.distance import OSA

# What each comparison outcome weighs, in bits.
WEIGHTS = {
    "student_number": {"same": 20.0, "different": -20.0},
    "birth_date": {"same": 6.0, "close": -2.0, "different": -12.0},
    "first_name": {"same": 4.0, "similar": 2.0, "different": -16.0},
    "surname": {"same": 3.0, "similar": 2.0, "different": -2.0},
    "email": {"same": 6.0, "different": -1.0},
    "phone": {"same": 5.0, "different": -1.0},
}
# The sum of weights at which a pair scores 50: the prior odds, in bits,
# against two records that share a key being one person.
SCORE_MIDPOINT = 7.0
# Bits per doubling of the odds on the score's logistic.
SCORE_SCALE = 2.0

# Letters folded before names are compared: a name written without æøå
# (Bjørn as Bjorn or Bjoern, Åse as Ase or Aase, Kjærsti as Kjaersti) reads
# as the same name.
LETTER_FOLDS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "ð": "d", "þ": "th"})
DIGRAPH_FOLDS = (("aa", "a"), ("oe", "o"))
NOT_LETTERS = re.compile(r"[^a-z]+")

PersonName = namedtuple("PersonName", "first given surname tokens")
Comparison = namedtuple("Comparison", "score outcomes")


def fold(text):
    """``text`` in lower-case ASCII letters and single spaces, with æøå and
    accents folded the way people type them on a keyboard without them."""
    text = (text or "").casefold().translate(LETTER_FOLDS)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = NOT_LETTERS.sub(" ", text).strip()
    for digraph, letter in DIGRAPH_FOLDS:
        text = text.replace(digraph, letter)
    return text


def split_name(name):
    """The folded first name, given names, surname and all name parts.

    A name of one word counts as a first name without a surname; the last
    word of a longer name is the surname, the others are given names.
    """
    tokens = fold(name).split()
    if not tokens:
        return PersonName("", (), "", ())
    if len(tokens) == 1:
        return PersonName(tokens[0], (tokens[0],), "", tuple(tokens))
    return PersonName(tokens[0], tuple(tokens[:-1]), tokens[-1], tuple(tokens))


def is_typo(first, second):
    """Whether two different words are one typing error apart (a letter
    dropped, added, changed or two swapped); short words are too easily one
    letter apart (Ida, Ina) to count."""
    shortest = min(len(first), len(second))
    distance = OSA.distance(first, second)
    return (shortest >= 4 and distance <= 1) or (shortest >= 8 and distance <= 2)


def compare_first_names(first, second):
    """``same``, ``similar`` or ``different``; None when one is missing.

    Similar: a typo, an initial (A. for Anne), or the first name of one
    record among the given names of the other (Anne Kari as Kari).
    """
    if not first.first or not second.first:
        return None
    if first.first == second.first:
        return "same"
    if (len(first.first) == 1 or len(second.first) == 1) and first.first[0] == second.first[0]:
        return "similar"
    if is_typo(first.first, second.first):
        return "similar"
    if first.first in second.given or second.first in first.given:
        return "similar"
    return "different"


def compare_surnames(first, second):
    """``same``, ``similar`` or ``different``; None when one is missing.

    Similar: a typo, or the surname of one record among the name parts of
    the other (a double surname written in full on one of them only).
    """
    if not first.surname or not second.surname:
        return None
    if first.surname == second.surname:
        return "same"
    if is_typo(first.surname, second.surname):
        return "similar"
    if first.surname in second.tokens[1:] or second.surname in first.tokens[1:]:
        return "similar"
    return "different"


def compare_birth_dates(first, second):
    """``same``, ``close`` or ``different``; None when one is missing.

    Close: one part mistyped, as the last digit of the year or its last two
    digits swapped, one digit of the day or the month, or the day and the
    month swapped. A year off by decades (a parent and a child born on the
    same day) is different.
    """
    if not first or not second:
        return None
    if first == second:
        return "same"
    if (first.day, first.month, first.year) == (second.month, second.day, second.year):
        return "close"
    year_a, year_b = str(first.year), str(second.year)
    same_day = (first.month, first.day) == (second.month, second.day)
    if same_day and year_a[:3] == year_b[:3]:
        return "close"
    if same_day and year_a[:2] == year_b[:2] and year_a[2:] == year_b[:1:-1]:
        return "close"
    if first.year == second.year and (
        (first.month == second.month and is_digit_typo(first.day, second.day))
        or (first.day == second.day and is_digit_typo(first.month, second.month))
    ):
        return "close"
    return "different"


def is_digit_typo(first, second):
    """Whether two numbers of a date (day or month) are one digit apart."""
    return OSA.distance(f"{first:02d}", f"{second:02d}") <= 1


def compare_values(first, second):
    """``same`` or ``different`` for two exact values; None when one is missing."""
    if not first or not second:
        return None
    return "same" if first == second else "different"


def compare(first, second):
    """Score two people given as mappings with ``name``, ``birth_date``,
    ``email`` (normalised), ``phone`` (E.164) and ``student_number``.

    :return: the score (0 to 100) and the outcome of each comparison made,
        ``{evidence: outcome}``, leaving out what one of them lacks
    """
    first_name, second_name = split_name(first["name"]), split_name(second["name"])
    outcomes = {
        "student_number": compare_values(
            normalize_student_number(first["student_number"]),
            normalize_student_number(second["student_number"]),
        ),
        "birth_date": compare_birth_dates(first["birth_date"], second["birth_date"]),
        "first_name": compare_first_names(first_name, second_name),
        "surname": compare_surnames(first_name, second_name),
        "email": compare_values(first["email"], second["email"]),
        "phone": compare_values(first["phone"], second["phone"]),
    }
    outcomes = {evidence: outcome for evidence, outcome in outcomes.items() if outcome}
    weight = sum(WEIGHTS[evidence][outcome] for evidence, outcome in outcomes.items())
    return Comparison(score_of_weight(weight), outcomes)


def score_of_weight(weight):
    """The 0-100 score of a sum of weights."""
    return round(100 / (1 + 2 ** ((SCORE_MIDPOINT - weight) / SCORE_SCALE)))


def normalize_student_number(number):
    """A student number without spaces, in upper case."""
    return re.sub(r"\s+", "", number or "").upper()
