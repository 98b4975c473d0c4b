# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing the rows of a student-system export: one person and one enrolment
per row, found or created set-wise, a batch at a time."""

import logging
from collections import Counter
from dataclasses import dataclass, field

import psycopg2

from odoo.tools import SQL

from . import normalize
from .bulk_create import bulk_create, unverified_create_overrides

_logger = logging.getLogger(__name__)

# The context every write of the import runs with: no chatter messages or
# followers per person.
IMPORT_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    # The import copies the status the student system holds.
    "alumni_enrollment_state_change": True,
    "active_test": False,
}


# The create() overrides ("addon:Class", see tools.bulk_create) that the fast
# path (tools.bulk_create) was checked against, per model it inserts into:
# with the import's values and IMPORT_CONTEXT they do nothing that the fast
# path, the model's stored computed values, the import's own checks and the
# model's follow-up (alumni.enrollment._after_create) do not do. When another
# create() override is installed, the rows of that model are created through
# the ORM's create() instead (see RowImporter._create).
FAST_PATH_VERIFIED = {
    "res.partner": (
        # commercial fields and the contact's company: given or computed
        "base:Partner",
        # followers and the creation message: turned off by IMPORT_CONTEXT
        "mail:MailThread",
        # student number and LinkedIn address stripped (the import's cells
        # are), a stage never typed
        "usn_alumni_base:ResPartner",
        # (with website, which the upper addons install) publishing refused
        # to whom may not publish: the import publishes no one
        "website:WebsitePublishedMixin",
    ),
    "alumni.enrollment": (
        # _after_create(), run by the import; a status set outside the
        # enrolment's buttons refused, which the import may set
        "usn_alumni_base:AlumniEnrollment",
        # tracking and the creation message: turned off by IMPORT_CONTEXT
        "mail:MailThread",
        # the people pointed at must be readable: checked by RowImporter._create
        "usn_alumni_base:AlumniPersonRecord",
    ),
    "alumni.prior.education": ("usn_alumni_base:AlumniPersonRecord",),
}

# The values of a person and of an enrolment that a row sets.
PERSON_FIELDS = ("name", "student_number", "email", "phone", "birth_date")
ENROLLMENT_FIELDS = ("end_date", "state", "final_grade", "campus_id")


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
    """What became of a batch of rows."""

    # The file's line of the batch's last row.
    last_line: int = 0
    # The rows that passed the checks, to be written.
    rows: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    # (line, level, column, message)
    messages: list = field(default_factory=list)
    # {line: created | updated | unchanged | error} of the rows written
    results: dict = field(default_factory=dict)


class RowImporter:
    """Imports batches of rows with one import profile and column mapping."""

    def __init__(self, env, profile, mapping):
        self.env = env(context=dict(env.context, **IMPORT_CONTEXT))
        self.profile = profile
        self.mapping = mapping
        self.region = profile.default_phone_region
        self.date_formats = profile._date_formats()
        self.labels = dict(profile.column_ids._fields["target"]._description_selection(env))
        # {casefolded name: id} of the schools, read on first use.
        self._school_ids = None
        # {model name: whether its rows go through the fast path}
        self._fast_path = {}
        # The messages of parse(), translated once for the run; "%(value)s"
        # stands for the cell.
        self.messages = {
            "email": self.env._("“%(value)s” is not a valid e-mail address; it is left empty."),
            "phone": self.env._("“%(value)s” is not a valid phone number; it is left empty."),
            "birth_date": self.env._(
                "The date of birth “%(value)s” cannot be read; it is left empty."
            ),
            "no_code": self.env._("The row has no programme code."),
            "no_start": self.env._("The enrolment has no start date."),
            "start": self.env._("The start date “%(value)s” cannot be read."),
            "end": self.env._("The end date “%(value)s” cannot be read."),
            "no_status": self.env._("The row has no status."),
            "status": self.env._(
                "Unknown status “%(value)s”: use active, completed or withdrawn "
                "(or aktiv, fullført, sluttet; actief, afgestudeerd, gestopt)."
            ),
            "grade": self.env._("The grade average “%(value)s” cannot be read; it is left empty."),
            "school_year": self.env._(
                "The school leaving year “%(value)s” cannot be read; it is left empty."
            ),
            "no_identity": self.env._(
                "The row has neither a student number nor an e-mail address."
            ),
            "ends_before": self.env._("The enrolment ends (%(end)s) before it starts (%(start)s)."),
            "grade_range": self.env._(
                "The grade average %(value)s is not between 0 and 5; it is left empty."
            ),
        }

    # ------------------------------------------------------------------
    # Reading a row
    # ------------------------------------------------------------------

    def parse(self, line, cells, outcome):
        """The validated Row, or None when the row has errors (recorded)."""
        errors, warnings = [], []
        width = len(cells)
        # The row's cell for each mapped field; None when empty or missing.
        values = {
            target: cells[index] if index < width else None
            for target, index in self.mapping.items()
        }
        text = normalize.text

        student_number = text(values.get("student_number"))
        email = _optional(values, "email", normalize.email, self.messages["email"], warnings)
        phone = _optional(
            values, "phone", normalize.phone, self.messages["phone"], warnings, self.region
        )
        birth_date = _optional(
            values,
            "birth_date",
            normalize.date,
            self.messages["birth_date"],
            warnings,
            self.date_formats,
        )
        code = text(values.get("programme_code"))
        if not code:
            errors.append(("programme_code", self.messages["no_code"]))
        start = _required(
            values,
            "start_date",
            normalize.date,
            (self.messages["no_start"], self.messages["start"]),
            errors,
            self.date_formats,
        )
        end = None
        if values.get("end_date") is not None:
            end = _required(
                values,
                "end_date",
                normalize.date,
                ("", self.messages["end"]),
                errors,
                self.date_formats,
            )
        if start and end and end < start:
            errors.append(("end_date", self.messages["ends_before"] % {"end": end, "start": start}))
        state = _required(
            values,
            "status",
            normalize.status,
            (self.messages["no_status"], self.messages["status"]),
            errors,
        )
        grade = _optional(values, "grade", normalize.grade, self.messages["grade"], warnings)
        if grade is not None and not 0 <= grade <= 5:
            warnings.append(("grade", self.messages["grade_range"] % {"value": grade}))
            grade = None
        school_year = _optional(
            values, "school_year", normalize.year, self.messages["school_year"], warnings
        )
        if not student_number and not email:
            errors.insert(
                0,
                ("student_number", self.messages["no_identity"]),
            )
        for target, message in errors:
            outcome.messages.append((line, "error", self.labels.get(target), message))
        for target, message in warnings:
            outcome.messages.append((line, "warning", self.labels.get(target), message))
        if errors:
            return None
        name = text(values.get("name")) or " ".join(
            part for part in (text(values.get("first_name")), text(values.get("last_name"))) if part
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
            programme_name=text(values.get("programme_name")),
            faculty=text(values.get("faculty")),
            campus=text(values.get("campus")),
            enrollment={
                "start_date": start,
                "end_date": end,
                "state": state,
                "final_grade": grade or 0.0,
            },
            school=text(values.get("school")),
            school_year=school_year,
        )

    # ------------------------------------------------------------------
    # Writing a batch
    # ------------------------------------------------------------------

    def parse_batch(self, batch):
        """Check a batch of (line, cells): the Outcome, with the rows that
        passed in ``outcome.rows`` and the errors and warnings found.

        Touches neither the database nor the environment, so that the next
        batch can be checked while the current one is written (read_ahead)."""
        outcome = Outcome(last_line=batch[-1][0])
        for line, cells in batch:
            row = self.parse(line, cells, outcome)
            if row is None:
                outcome.counts["error"] += 1
            else:
                outcome.rows.append(row)
        return outcome

    def write_batch(self, outcome):
        """Write the rows of a checked batch; each row is all or nothing."""
        rows = outcome.rows
        if not rows:
            return outcome
        try:
            with self.env.cr.savepoint():
                results = self.write_rows(rows, outcome)
        except (psycopg2.Error, ValueError) as error:
            # Find the rows the database refuses, one by one; the others go in.
            _logger.info("Batch refused (%s), importing its rows one by one", error)
            self.env.invalidate_all()
            self.forget_references()
            results = {}
            for row in rows:
                try:
                    with self.env.cr.savepoint():
                        results.update(self.write_rows([row], outcome))
                except (psycopg2.Error, ValueError) as row_error:
                    self.env.invalidate_all()
                    self.forget_references()
                    message = (
                        str(row_error)
                        if isinstance(row_error, ValueError)
                        else self.env._("The database refused the row: %(error)s", error=row_error)
                    )
                    outcome.messages.append((row.line, "error", None, message))
                    results[row.line] = "error"
        outcome.counts.update(results.values())
        outcome.results.update(results)
        return outcome

    def write_rows(self, rows, outcome):
        """Write validated rows; {line: created | updated | unchanged | error}.

        What exists is read with one query per table for the whole batch, and
        what is new is inserted with one statement per table
        (``tools.bulk_create``); only people and enrolments whose values
        differ from the row are written through the ORM, one write per
        distinct change. Officers import with access to every person, so the
        lookups read the tables directly, archived people included.
        """
        results = {}
        programmes = self._programmes(rows)
        campuses = self._named_records("alumni.campus", {row.campus for row in rows if row.campus})
        schools = self._schools({row.school for row in rows if row.school})
        people = self._people(rows, results, outcome)
        if not people:
            return results
        self._enrollments(rows, people, programmes, campuses, results)
        self._prior_education(rows, people, schools, results)
        for row in rows:
            results.setdefault(row.line, "unchanged")
        return results

    def _people(self, rows, results, outcome):
        """{line: person id} for the rows, found by student number, then by
        e-mail, else created. Marks rows whose person was created or changed."""
        env = self.env
        Partner = env["res.partner"]
        Partner.flush_model([*PERSON_FIELDS, "email_normalized"])
        by_number = {
            person["student_number"]: person
            for person in self._fetch_people(
                SQL(
                    "student_number = ANY(%s)",
                    sorted({row.student_number for row in rows if row.student_number}),
                )
            )
        }
        # Only the rows whose number is unknown are looked up by e-mail.
        emails = sorted(
            {row.email for row in rows if row.email and row.student_number not in by_number}
        )
        by_email = {}
        if emails:
            for person in self._fetch_people(SQL("email_normalized = ANY(%s)", emails)):
                by_email.setdefault(person["email_normalized"], person)

        people, new_people, changes = {}, [], {}
        for row in rows:
            person = by_number.get(row.student_number) if row.student_number else None
            if person is None and row.email:
                person = by_email.get(row.email)
                number = person and person.get("student_number")
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
                                person=person["name"],
                                number=number,
                                row_number=row.student_number,
                            ),
                        )
                    )
                    results[row.line] = "error"
                    continue
            if person is None:
                # A new person: created once, even if several rows name them.
                person = dict(row.person)
                new_people.append(person)
                if row.student_number:
                    by_number[row.student_number] = person
                if row.email:
                    by_email[row.email] = person
                people[row.line] = person
                results[row.line] = "created"
                continue
            people[row.line] = person
            diff = {
                name: value
                for name, value in row.person.items()
                if (person.get(name) or False) != (value or False)
            }
            if diff:
                person.update(diff)
                if "id" in person:
                    changes.setdefault(person["id"], {}).update(diff)
                results[row.line] = "updated"

        if new_people:
            created = self._create(
                Partner,
                [
                    {name: person[name] for name in PERSON_FIELDS if name in person}
                    for person in new_people
                ],
                computed=Partner._alumni_bulk_computed_values,
            )
            for person, partner_id in zip(new_people, created.ids, strict=True):
                person["id"] = partner_id
        _write_grouped(Partner, changes)
        return {line: person["id"] for line, person in people.items()}

    def _fetch_people(self, condition):
        """The people matching an SQL condition, as dicts of PERSON_FIELDS,
        ``id`` and ``email_normalized``."""
        columns = ("id", "email_normalized", *PERSON_FIELDS)
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM res_partner WHERE %s ORDER BY id",
                SQL(", ").join(SQL.identifier(column) for column in columns),
                condition,
            )
        )
        return [dict(zip(columns, values, strict=True)) for values in self.env.cr.fetchall()]

    def _enrollments(self, rows, people, programmes, campuses, results):
        """Create or update the enrolment of each row."""
        env = self.env
        Enrollment = env["alumni.enrollment"]
        Enrollment.flush_model(["partner_id", "programme_id", "start_date", *ENROLLMENT_FIELDS])
        env.cr.execute(
            SQL(
                "SELECT id, partner_id, programme_id, start_date, %s FROM alumni_enrollment "
                "WHERE partner_id = ANY(%s)",
                SQL(", ").join(SQL.identifier(name) for name in ENROLLMENT_FIELDS),
                sorted(set(people.values())),
            )
        )
        existing = {
            (partner_id, programme_id, start): (
                enrollment_id,
                dict(zip(ENROLLMENT_FIELDS, values, strict=True)),
            )
            for enrollment_id, partner_id, programme_id, start, *values in env.cr.fetchall()
        }
        to_create, planned, updates = [], {}, {}
        for row in rows:
            if row.line not in people:
                continue
            partner_id = people[row.line]
            programme = programmes[row.programme_code.upper()]
            vals = dict(
                row.enrollment,
                campus_id=campuses[row.campus.casefold()].id if row.campus else False,
            )
            key = (partner_id, programme.id, row.enrollment["start_date"])
            if key in planned:
                planned[key].update(vals)
                continue
            if key not in existing:
                planned[key] = dict(vals, partner_id=partner_id, programme_id=programme.id)
                to_create.append(planned[key])
                results.setdefault(row.line, "updated")
                continue
            enrollment_id, current = existing[key]
            changed = {
                name: vals[name]
                for name in ENROLLMENT_FIELDS
                if _differs(current[name], vals[name])
            }
            if changed:
                current.update(changed)
                updates.setdefault(enrollment_id, {}).update(changed)
                results.setdefault(row.line, "updated")
        if to_create:
            created, fast = self._create(
                Enrollment, to_create, computed=Enrollment._bulk_computed_values, fast_info=True
            )
            if fast:
                # create() runs it itself.
                created._after_create()
        _write_grouped(Enrollment, updates)

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
        """{casefolded name: school id} for the names, creating the missing
        ones. The schools are read once per run (see forget_references())."""
        if not names:
            return {}
        if self._school_ids is None:
            self.env["res.partner"].flush_model(["name", "is_school"])
            self.env.cr.execute(SQL("SELECT id, name FROM res_partner WHERE is_school ORDER BY id"))
            self._school_ids = {}
            for school_id, name in self.env.cr.fetchall():
                self._school_ids.setdefault(name.casefold(), school_id)
        wanted = {name.casefold(): name for name in names}
        missing = [name for key, name in wanted.items() if key not in self._school_ids]
        for school in self.env["res.partner"].create(
            [{"name": name, "is_company": True, "is_school": True} for name in missing]
        ):
            self._school_ids[school.name.casefold()] = school.id
        return {key: self._school_ids[key] for key in wanted}

    def refresh_statistics(self):
        """Bring the planner's statistics of the tables the import fills up to
        date, the rows of this transaction included.

        A large import doubles these tables within one transaction, which
        autovacuum cannot see; planned on the statistics of the tables
        before it, the statements of later batches are estimated as if every
        person had hundreds of rows, and PostgreSQL spends longer compiling
        them (JIT) than running them. ANALYZE samples a bounded number of
        rows, and runs after batches 1, 2, 4, 8..., so a handful of times per
        file. A table the database user does not own is skipped with a
        warning by PostgreSQL itself.
        """
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ANALYZE %s",
                SQL(", ").join(
                    SQL.identifier(self.env[model]._table)
                    for model in (
                        "res.partner",
                        "alumni.enrollment",
                        "alumni.prior.education",
                        "alumni.lifecycle.event",
                    )
                ),
            )
        )

    def forget_references(self):
        """Forget what was read for the run, after a batch was rolled back."""
        self._school_ids = None

    def _prior_education(self, rows, people, schools, results):
        """Record the school each row names as the person's prior education."""
        env = self.env
        PriorEducation = env["alumni.prior.education"]
        if not any(row.school for row in rows):
            return
        PriorEducation.flush_model(["partner_id", "institution_id", "graduation_year"])
        env.cr.execute(
            SQL(
                "SELECT id, partner_id, institution_id, graduation_year "
                "FROM alumni_prior_education WHERE partner_id = ANY(%s)",
                sorted(set(people.values())),
            )
        )
        existing = {
            (partner_id, school_id): (education_id, year)
            for education_id, partner_id, school_id, year in env.cr.fetchall()
        }
        to_create, updates = {}, {}
        for row in rows:
            if not row.school or row.line not in people:
                continue
            key = (people[row.line], schools[row.school.casefold()])
            year = row.school_year or 0
            if key in to_create:
                continue
            if key not in existing:
                to_create[key] = {
                    "partner_id": key[0],
                    "institution_id": key[1],
                    "education_type": "upper_secondary",
                    "graduation_year": year,
                }
                results.setdefault(row.line, "updated")
                continue
            education_id, current_year = existing[key]
            if year and current_year != year:
                updates[education_id] = {"graduation_year": year}
                results.setdefault(row.line, "updated")
        if to_create:
            self._create(PriorEducation, list(to_create.values()))
        _write_grouped(PriorEducation, updates)

    def _create(self, model, vals_list, computed=None, fast_info=False):
        """Create the records of ``vals_list``: through the fast path
        (``tools.bulk_create``) when the model's ``create()`` chain is the
        one it was checked against (FAST_PATH_VERIFIED), otherwise through
        the ORM's batched ``create()``, with a warning, once per run, that
        names the overrides (addon and class) it was not checked against.

        :return: the new records; with ``fast_info``, ``(records, whether
            they went through the fast path)``
        """
        fast = self._fast_path.get(model._name)
        if fast is None:
            unverified = unverified_create_overrides(
                type(model), FAST_PATH_VERIFIED.get(model._name, ())
            )
            fast = self._fast_path[model._name] = not unverified
            if unverified:
                _logger.warning(
                    "Import: %s is created through create(), not the import's fast path: "
                    "its create() is overridden by %s, which the fast path was not checked "
                    "against (see FAST_PATH_VERIFIED in usn_alumni_base/tools/row_importer.py)",
                    model._name,
                    ", ".join(unverified),
                )
        if fast:
            check_people = getattr(model, "_check_people_in_reach", None)
            if check_people:
                # What alumni.person.record's create() checks first.
                check_people(vals_list)
            records = bulk_create(model, vals_list, computed=computed)
        else:
            records = model.create(vals_list)
        return (records, fast) if fast_info else records


def _optional(values, target, parse, message, warnings, *args):
    """The parsed cell of an optional field; None, with a warning, when it
    cannot be read."""
    value = values.get(target)
    if value is None:
        return None
    try:
        return parse(value, *args)
    except ValueError:
        warnings.append((target, message % {"value": value}))
        return None


def _required(values, target, parse, messages, errors, *args):
    """The parsed cell of a required field; None, with an error, when it is
    empty (``messages[0]``) or cannot be read (``messages[1]``)."""
    value = values.get(target)
    if value is None:
        errors.append((target, messages[0]))
        return None
    try:
        return parse(value, *args)
    except ValueError:
        errors.append((target, messages[1] % {"value": value}))
        return None


def _write_grouped(model, changes):
    """Write {record id: values} with one write per distinct set of values,
    not one per record."""
    groups = {}
    for record_id, vals in changes.items():
        groups.setdefault(tuple(sorted(vals.items())), []).append(record_id)
    for vals, record_ids in groups.items():
        model.browse(record_ids).write(dict(vals))


def _differs(current, value):
    """Whether a stored value (as read from the table) differs from the row's."""
    if isinstance(value, float) or isinstance(current, float):
        return round(current or 0.0, 2) != round(value or 0.0, 2)
    return (current or False) != (value or False)
