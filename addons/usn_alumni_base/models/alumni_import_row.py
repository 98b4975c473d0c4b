# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing the rows of a student-system export: one person and one enrolment
per row, found or created set-wise, a batch at a time."""

import logging
from collections import Counter
from dataclasses import dataclass, field

import psycopg2

from odoo.tools import SQL

from ..tools import normalize

_logger = logging.getLogger(__name__)

# The context every write of the import runs with: no chatter messages or
# followers per person, and the lifecycle derived once per batch.
IMPORT_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "alumni_defer_lifecycle": True,
    "active_test": False,
}


@dataclass
class Row:
    """A row that passed validation."""

    line: int
    student_number: str | None
    email: str | None
    person: dict
    programme_code: str
    programme_name: str | None
    faculty: str | None
    campus: str | None
    enrollment: dict
    school: str | None
    school_year: int | None


@dataclass
class Outcome:
    counts: Counter = field(default_factory=Counter)
    # (line, level, column, message)
    messages: list = field(default_factory=list)


class RowImporter:
    """Imports batches of rows with one import profile and column mapping."""

    def __init__(self, env, profile, mapping):
        self.env = env(context=dict(env.context, **IMPORT_CONTEXT))
        self.profile = profile
        self.mapping = mapping
        self.region = profile.default_phone_region
        self.date_formats = profile._date_formats()
        self.labels = dict(profile.column_ids._fields["target"]._description_selection(env))

    # ------------------------------------------------------------------
    # Reading a row
    # ------------------------------------------------------------------

    def _cell(self, cells, target):
        index = self.mapping.get(target)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def parse(self, line, cells, outcome):
        """The validated Row, or None when the row has errors (recorded)."""
        errors, warnings = [], []

        def optional(target, parse, message, **kwargs):
            value = self._cell(cells, target)
            if value is None:
                return None
            try:
                return parse(value, **kwargs)
            except ValueError:
                warnings.append((target, message % {"value": value}))
                return None

        def required(target, parse, missing, unreadable, **kwargs):
            value = self._cell(cells, target)
            if value is None:
                errors.append((target, missing))
                return None
            try:
                return parse(value, **kwargs)
            except ValueError:
                errors.append((target, unreadable % {"value": value}))
                return None

        student_number = normalize.text(self._cell(cells, "student_number"))
        email = optional(
            "email",
            lambda value: normalize.email(normalize.text(value)),
            self.env._("“%(value)s” is not a valid e-mail address; it is left empty."),
        )
        phone = optional(
            "phone",
            normalize.phone,
            self.env._("“%(value)s” is not a valid phone number; it is left empty."),
            region=self.region,
        )
        birth_date = optional(
            "birth_date",
            normalize.date,
            self.env._("The date of birth “%(value)s” cannot be read; it is left empty."),
            formats=self.date_formats,
        )
        code = normalize.text(self._cell(cells, "programme_code"))
        if not code:
            errors.append(("programme_code", self.env._("The row has no programme code.")))
        start = required(
            "start_date",
            normalize.date,
            self.env._("The enrolment has no start date."),
            self.env._("The start date “%(value)s” cannot be read."),
            formats=self.date_formats,
        )
        end = None
        if self._cell(cells, "end_date") is not None:
            end = required(
                "end_date",
                normalize.date,
                "",
                self.env._("The end date “%(value)s” cannot be read."),
                formats=self.date_formats,
            )
        if start and end and end < start:
            errors.append(
                (
                    "end_date",
                    self.env._(
                        "The enrolment ends (%(end)s) before it starts (%(start)s).",
                        end=end,
                        start=start,
                    ),
                )
            )
        state = required(
            "status",
            normalize.status,
            self.env._("The row has no status."),
            self.env._(
                "Unknown status “%(value)s”: use active, completed or withdrawn "
                "(or aktiv, fullført, sluttet; actief, afgestudeerd, gestopt)."
            ),
        )
        grade = optional(
            "grade",
            normalize.grade,
            self.env._("The grade average “%(value)s” cannot be read; it is left empty."),
        )
        if grade is not None and not 0 <= grade <= 5:
            warnings.append(
                (
                    "grade",
                    self.env._(
                        "The grade average %(value)s is not between 0 and 5; it is left empty.",
                        value=grade,
                    ),
                )
            )
            grade = None
        school_year = optional(
            "school_year",
            normalize.year,
            self.env._("The school leaving year “%(value)s” cannot be read; it is left empty."),
        )
        if not student_number and not email:
            errors.insert(
                0,
                (
                    "student_number",
                    self.env._("The row has neither a student number nor an e-mail address."),
                ),
            )
        for target, message in errors:
            outcome.messages.append((line, "error", self.labels.get(target), message))
        for target, message in warnings:
            outcome.messages.append((line, "warning", self.labels.get(target), message))
        if errors:
            return None
        name = normalize.text(self._cell(cells, "name")) or " ".join(
            part
            for part in (
                normalize.text(self._cell(cells, "first_name")),
                normalize.text(self._cell(cells, "last_name")),
            )
            if part
        )
        person = {
            "name": name or email or student_number,
            "student_number": student_number,
            "email": email,
            "phone": phone,
            "birth_date": birth_date,
        }
        return Row(
            line=line,
            student_number=student_number,
            email=email,
            person={key: value for key, value in person.items() if value},
            programme_code=code,
            programme_name=normalize.text(self._cell(cells, "programme_name")),
            faculty=normalize.text(self._cell(cells, "faculty")),
            campus=normalize.text(self._cell(cells, "campus")),
            enrollment={
                "start_date": start,
                "end_date": end,
                "state": state,
                "final_grade": grade or 0.0,
            },
            school=normalize.text(self._cell(cells, "school")),
            school_year=school_year,
        )

    # ------------------------------------------------------------------
    # Writing a batch
    # ------------------------------------------------------------------

    def import_rows(self, batch):
        """Import a batch of (line, cells); each row is all or nothing."""
        outcome = Outcome()
        rows = []
        for line, cells in batch:
            row = self.parse(line, cells, outcome)
            if row is None:
                outcome.counts["error"] += 1
            else:
                rows.append(row)
        if not rows:
            return outcome
        try:
            with self.env.cr.savepoint():
                results = self.write_rows(rows, outcome)
        except (psycopg2.Error, ValueError) as error:
            # Find the rows the database refuses, one by one; the others go in.
            _logger.info("Batch refused (%s), importing its rows one by one", error)
            self.env.invalidate_all()
            results = {}
            for row in rows:
                try:
                    with self.env.cr.savepoint():
                        results.update(self.write_rows([row], outcome))
                except (psycopg2.Error, ValueError) as row_error:
                    self.env.invalidate_all()
                    message = (
                        str(row_error)
                        if isinstance(row_error, ValueError)
                        else self.env._("The database refused the row: %(error)s", error=row_error)
                    )
                    outcome.messages.append((row.line, "error", None, message))
                    results[row.line] = "error"
        outcome.counts.update(results.values())
        return outcome

    def write_rows(self, rows, outcome):
        """Write validated rows; {line: created | updated | unchanged | error}."""
        env = self.env
        results = {}
        programmes = self._programmes(rows)
        campuses = self._named_records("alumni.campus", {row.campus for row in rows if row.campus})
        schools = self._schools({row.school for row in rows if row.school})
        people = self._people(rows, results, outcome)
        if not people:
            return results
        Partner = env["res.partner"]

        # Enrolments: one lookup for the batch, create the new ones at once.
        Enrollment = env["alumni.enrollment"]
        partner_ids = {person.id for person in people.values()}
        existing = {
            (e.partner_id.id, e.programme_id.id, e.start_date): e
            for e in Enrollment.search(
                [
                    ("partner_id", "in", list(partner_ids)),
                    ("programme_id", "in", [p.id for p in programmes.values()]),
                ]
            )
        }
        to_create, planned, updates = [], {}, {}
        for row in rows:
            if row.line not in people:
                continue
            person = people[row.line]
            programme = programmes[row.programme_code.upper()]
            vals = dict(
                row.enrollment,
                campus_id=campuses[row.campus.casefold()].id if row.campus else False,
            )
            key = (person.id, programme.id, row.enrollment["start_date"])
            if key in planned:
                planned[key].update(vals)
                continue
            enrollment = existing.get(key)
            if enrollment is None:
                planned[key] = dict(
                    vals,
                    partner_id=person.id,
                    programme_id=programme.id,
                )
                to_create.append(planned[key])
                results.setdefault(row.line, "updated")
                continue
            changed = {
                name: value for name, value in vals.items() if _differs(enrollment, name, value)
            }
            if changed:
                updates.setdefault(enrollment, {}).update(changed)
                results.setdefault(row.line, "updated")
        Enrollment.create(to_create)
        _write_grouped(updates)

        # Prior education at the school of the row.
        self._prior_education(rows, people, schools, results)

        Partner.browse(partner_ids).with_context(alumni_defer_lifecycle=False)._update_lifecycle()
        for row in rows:
            results.setdefault(row.line, "unchanged")
        return results

    def _people(self, rows, results, outcome):
        """{line: person} for the rows, found by student number, then by
        e-mail, else created. Marks rows whose person was created or changed."""
        env = self.env
        Partner = env["res.partner"]
        numbers = {row.student_number for row in rows if row.student_number}
        emails = {row.email for row in rows if row.email}
        by_number = {
            p.student_number: p for p in Partner.search([("student_number", "in", list(numbers))])
        }
        by_email = {}
        for partner in Partner.search([("email_normalized", "in", list(emails))], order="id"):
            by_email.setdefault(partner.email_normalized, partner)

        people, new_people, changes = {}, {}, {}
        for row in rows:
            person = by_number.get(row.student_number) if row.student_number else None
            if person is None and row.email:
                person = by_email.get(row.email)
                number = _value(person, "student_number") if person is not None else None
                if row.student_number and number and number != row.student_number:
                    outcome.messages.append(
                        (
                            row.line,
                            "error",
                            None,
                            env._(
                                "The e-mail address %(email)s belongs to %(person)s, "
                                "whose student number is %(number)s, not %(row_number)s.",
                                email=row.email,
                                person=_value(person, "name"),
                                number=number,
                                row_number=row.student_number,
                            ),
                        )
                    )
                    results[row.line] = "error"
                    continue
            if person is None:
                # A new person: created once, even if several rows name them.
                vals = dict(row.person)
                key = row.student_number or row.email
                new_people[key] = vals
                if row.student_number:
                    by_number[row.student_number] = vals
                if row.email:
                    by_email[row.email] = vals
                people[row.line] = vals
                results[row.line] = "created"
                continue
            people[row.line] = person
            current = person if isinstance(person, dict) else None
            diff = {
                name: value
                for name, value in row.person.items()
                if (
                    current.get(name) != value
                    if current is not None
                    else _differs(person, name, value)
                )
            }
            if diff:
                if current is not None:
                    current.update(diff)
                else:
                    changes.setdefault(person, {}).update(diff)
                results[row.line] = "updated"

        created = Partner.create(list(new_people.values())) if new_people else Partner
        record_of = {
            id(vals): partner for vals, partner in zip(new_people.values(), created, strict=True)
        }
        _write_grouped(changes)
        return {
            line: record_of[id(person)] if isinstance(person, dict) else person
            for line, person in people.items()
        }

    def _programmes(self, rows):
        """{CODE: programme} for the rows, creating the missing ones (with their
        faculty) when the profile allows it."""
        env = self.env
        Programme = env["alumni.programme"]
        codes = {row.programme_code.upper() for row in rows}
        self.env.cr.execute(
            SQL("SELECT id FROM alumni_programme WHERE upper(code) = ANY(%s)", list(codes))
        )
        programmes = {}
        for programme in Programme.browse(row[0] for row in self.env.cr.fetchall()):
            programmes[programme.code.upper()] = programme
        missing = [row for row in rows if row.programme_code.upper() not in programmes]
        if missing and not self.profile.create_missing:
            raise ValueError(
                env._(
                    "Unknown programme codes: %(codes)s.",
                    codes=", ".join(sorted({row.programme_code for row in missing})),
                )
            )
        faculties = self._named_records(
            "alumni.faculty", {row.faculty for row in missing if row.faculty}
        )
        vals = {}
        for row in missing:
            vals.setdefault(
                row.programme_code.upper(),
                {
                    "code": row.programme_code,
                    "name": row.programme_name or row.programme_code,
                    "faculty_id": faculties[row.faculty.casefold()].id if row.faculty else False,
                },
            )
        for programme in Programme.create(list(vals.values())):
            programmes[programme.code.upper()] = programme
        return programmes

    def _named_records(self, model, names):
        """{casefolded name: record} of a small model matched by name without
        regard to letter case, creating the missing ones."""
        Model = self.env[model]
        records = {}
        if names:
            wanted = {name.casefold(): name for name in names}
            for record in Model.search([]):
                records.setdefault(record.name.casefold(), record)
            missing = [name for key, name in wanted.items() if key not in records]
            if missing and not self.profile.create_missing:
                raise ValueError(
                    self.env._(
                        "Unknown %(kind)s: %(names)s.",
                        kind=Model._description,
                        names=", ".join(sorted(missing)),
                    )
                )
            for record in Model.create([{"name": name} for name in missing]):
                records[record.name.casefold()] = record
        return records

    def _schools(self, names):
        """{casefolded name: school} for the names, creating the missing ones."""
        Partner = self.env["res.partner"]
        if not names:
            return {}
        wanted = {name.casefold(): name for name in names}
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_partner WHERE is_school AND lower(name) = ANY(%s) ORDER BY id",
                [name.lower() for name in names],
            )
        )
        schools = {}
        for school in Partner.browse(row[0] for row in self.env.cr.fetchall()):
            schools.setdefault(school.name.casefold(), school)
        missing = [name for key, name in wanted.items() if key not in schools]
        for school in Partner.create(
            [{"name": name, "is_company": True, "is_school": True} for name in missing]
        ):
            schools[school.name.casefold()] = school
        return schools

    def _prior_education(self, rows, people, schools, results):
        PriorEducation = self.env["alumni.prior.education"]
        partner_ids = list({person.id for person in people.values()})
        existing = {
            (p.partner_id.id, p.institution_id.id): p
            for p in PriorEducation.search([("partner_id", "in", partner_ids)])
        }
        to_create, updates = {}, {}
        for row in rows:
            if not row.school or row.line not in people:
                continue
            person = people[row.line]
            school = schools[row.school.casefold()]
            key = (person.id, school.id)
            year = row.school_year or 0
            if key in to_create:
                continue
            education = existing.get(key)
            if education is None:
                to_create[key] = {
                    "partner_id": person.id,
                    "institution_id": school.id,
                    "education_type": "upper_secondary",
                    "graduation_year": year,
                }
                results.setdefault(row.line, "updated")
            elif year and education.graduation_year != year:
                updates[education] = {"graduation_year": year}
                results.setdefault(row.line, "updated")
        PriorEducation.create(list(to_create.values()))
        _write_grouped(updates)


def _write_grouped(changes):
    """Write {record: values} with one write per distinct set of values, not
    one per record."""
    groups = {}
    for record, vals in changes.items():
        key = tuple(sorted(vals.items()))
        groups[key] = groups.get(key, record.browse()) | record
    for vals, records in groups.items():
        records.write(dict(vals))


def _value(person, name):
    """A field of a person that is a record, or the values of one to create."""
    return person.get(name) if isinstance(person, dict) else person[name]


def _differs(record, name, value):
    """Whether the record's field holds another value than the row's."""
    current = record[name]
    if hasattr(current, "id"):
        return current.id != (value or False)
    if isinstance(value, float) or isinstance(current, float):
        return round(current or 0.0, 2) != round(value or 0.0, 2)
    return (current or False) != (value or False)
