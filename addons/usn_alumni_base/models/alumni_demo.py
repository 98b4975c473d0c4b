# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import datetime
import json
from collections import defaultdict

from odoo import Command, api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.demo_population import (
    CAMPUSES,
    FACULTIES,
    PROGRAMMES,
    SUBJECTS,
    DemoPopulation,
    DemoProgress,
)

# The system parameter that remembers what was generated: {"size", "seed"}.
MARKER_PARAM = "usn_alumni_base.demo_population"
DEFAULT_SEED = 2026
# The demo logins: (key, login, name); they all have DEMO_PASSWORD.
DEMO_PASSWORD = "alumni-demo"
DEMO_USERS = [
    ("officer", "officer", "Ola Offiser (alumni officer)"),
    ("coordinator", "coordinator", "Kari Koordinator (faculty coordinator, health)"),
    ("marketing", "marketing", "Mona Markedsfører (marketing)"),
    ("alumna", "alumna", None),
    ("alumnus", "alumnus", None),
]
BATCH = 5000
# The context of everything the generator creates: no chatter, no followers,
# no e-mails.
DEMO_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
    "no_reset_password": True,
    "alumni_demo": True,
}


def _at(date, hour=10):
    return datetime.datetime.combine(date, datetime.time(hour, 0))


class DemoRun:
    """What one run of the generator works on, handed to every addon's
    ``_alumni_demo_generate()``: the plan of the new people
    (``population``), their records (``partner_of``: person number ->
    res.partner id), the demo users (``users``: key -> res.users), whether
    the university is new (``first``), and the progress."""

    def __init__(self, env, population, progress, first):
        self.env = env
        self.population = population
        self.progress = progress
        self.first = first
        self.partner_of = {}
        self.users = {}

    @property
    def today(self):
        return self.population.today

    def partners(self, people):
        return self.env["res.partner"].browse(
            [self.partner_of[p.index] for p in people if p.index in self.partner_of]
        )

    def skip(self, what):
        self.progress.note(f"skipped: {what}")


class AlumniDemo(models.AbstractModel):
    """The demo university: a seeded population at every stage, imported
    through the suite's import engine, then completed set-wise by each
    installed addon (``_alumni_demo_generate()``, extended with super())."""

    _name = "alumni.demo"
    _description = "Demo University Generator"

    @api.model
    def _alumni_demo_run(self, size, seed=DEFAULT_SEED, stream=None, today=None):
        """Generate the demo university of ``size`` people (idempotent:
        the people already generated stay as they are, a larger size adds
        the others). Returns the DemoRun, or None when nothing was to do."""
        env = self.env(context=dict(self.env.context, **DEMO_CONTEXT))
        params = env["ir.config_parameter"].sudo()
        marker = json.loads(params.get_param(MARKER_PARAM) or "{}")
        done = marker.get("size", 0)
        if marker and marker.get("seed") != seed:
            raise UserError(
                env._(
                    "This database holds the demo university of seed %(old)s; it cannot be "
                    "filled with seed %(new)s (option --seed). Use another database.",
                    old=marker.get("seed"),
                    new=seed,
                )
            )
        progress = DemoProgress(stream, steps=self.with_env(env)._alumni_demo_steps())
        if done >= size:
            progress.note(
                f"The database already holds the demo university of {done:,} people "
                f"(seed {seed}): nothing to add."
            )
            return None
        if done:
            progress.note(
                f"{done:,} people already generated: adding people {done:,} to {size - 1:,}."
            )
        population = DemoPopulation(size, seed=seed, today=today, start=done)
        progress.step("people planned", len(population.people))
        run = DemoRun(env, population, progress, first=not done)
        self.with_env(env)._alumni_demo_generate(run)
        self.with_env(env)._alumni_demo_date_stage_changes(run)
        # The generators date part of the timeline in SQL.
        env["alumni.engagement.activity"]._refresh()
        env.flush_all()
        params.set_param(MARKER_PARAM, json.dumps({"size": size, "seed": seed}))
        return run

    @api.model
    def _alumni_demo_date_stage_changes(self, run):
        """The new people's changes of stage were written as they were
        generated: each is dated as the latest of the touchpoints stored
        before it (the request, application, enrolment or graduation that
        caused it), which the generators dated in the past."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE alumni_lifecycle_event change
                   SET date = cause.date
                  FROM alumni_lifecycle_event stage_change
                  JOIN LATERAL (
                        SELECT touch.date
                          FROM alumni_lifecycle_event touch
                         WHERE touch.partner_id = stage_change.partner_id
                           AND touch.kind != 'stage_change'
                           AND touch.id < stage_change.id
                         ORDER BY touch.date DESC
                         LIMIT 1
                       ) cause ON TRUE
                 WHERE change.id = stage_change.id
                   AND stage_change.kind = 'stage_change'
                   AND stage_change.partner_id = ANY(%s)
                """,
                list(run.partner_of.values()),
            )
        )
        self.env["alumni.lifecycle.event"].invalidate_model(["date"])

    @api.model
    def _alumni_demo_steps(self):
        """How many progress lines the run prints (each addon adds its own)."""
        return 11

    @api.model
    def _alumni_demo_generate(self, run):
        """The base addon's part: catalogue, the student system's exports
        imported, prospects and applicants, applications, consents with
        history, subjects, jobs and the demo logins. Upper addons extend this
        method, call super() first, and add their part."""
        self._alumni_demo_catalogue(run)
        self._alumni_demo_import(run)
        self._alumni_demo_prospects(run)
        people = [p for p in run.population.people if p.request_date]
        self._alumni_demo_information_requests(run, people)
        run.progress.step("information requests", len(people))
        self._alumni_demo_applications(run)
        self._alumni_demo_consents(run)
        self._alumni_demo_subjects(run)
        self._alumni_demo_jobs(run)
        self._alumni_demo_users(run)
        return True

    # ------------------------------------------------------------------
    # The base addon's part
    # ------------------------------------------------------------------

    @api.model
    def _alumni_demo_catalogue(self, run):
        """The university (the company), 4 faculties and 8 campuses; the
        programmes come from the import, their level, ECTS and subjects are
        set here."""
        env = self.env
        if run.first:
            norway, nok = env.ref("base.no"), env.ref("base.NOK")
            nok.active = True
            env.company.write(
                {
                    "name": env._("University of South-Eastern Norway (demo)"),
                    "country_id": norway.id,
                    "currency_id": nok.id,
                    "city": "Bø",
                }
            )
        Faculty = env["alumni.faculty"].with_context(active_test=False)
        existing = {f.code: f for f in Faculty.search([("code", "in", [c for c, _n in FACULTIES])])}
        Faculty.create([{"code": c, "name": n} for c, n in FACULTIES if c not in existing])
        Campus = env["alumni.campus"].with_context(active_test=False)
        have = set(Campus.search([("name", "in", CAMPUSES)]).mapped("name"))
        Campus.create([{"name": n, "city": n} for n in CAMPUSES if n not in have])
        Interest = env["alumni.interest"].with_context(active_test=False)
        have = set(Interest.search([("name", "in", SUBJECTS)]).mapped("name"))
        Interest.create([{"name": n} for n in SUBJECTS if n not in have])
        run.progress.step("faculties, campuses and subjects", len(FACULTIES) + len(CAMPUSES))

    @api.model
    def _alumni_demo_import(self, run):
        """The student system's exports, imported by the suite's import
        engine (alumni.import.job) as an officer would."""
        env = self.env
        imported = 0
        for dutch in (False, True):
            export = run.population.export_csv(dutch=dutch)
            if not export:
                continue
            filename, content = export
            job = env["alumni.import.job"].create(
                {"file": base64.b64encode(content), "filename": filename}
            )
            job.action_run()
            if job.error_count:
                messages = job.line_ids.filtered(lambda line: line.level == "error")[:5]
                raise UserError(
                    env._(
                        "The import of the demo export %(file)s refused %(count)s rows: %(lines)s",
                        file=filename,
                        count=job.error_count,
                        lines="; ".join(messages.mapped("message")),
                    )
                )
            imported += job.created_count + job.updated_count + job.unchanged_count
            run.progress.step(f"imported {filename}", job.created_count + job.updated_count)
        # Programmes as the catalogue has them (the export has code and name).
        programmes = (
            env["alumni.programme"]
            .with_context(active_test=False)
            .search([("code", "in", [p[0] for p in PROGRAMMES])])
        )
        by_code = {p.code: p for p in programmes}
        interests = {
            i.name: i.id for i in env["alumni.interest"].search([("name", "in", SUBJECTS)])
        }
        for code, _name, _faculty, level, ects, _campuses, subjects in PROGRAMMES:
            programme = by_code.get(code)
            if programme and (programme.level != level or not programme.ects):
                programme.write(
                    {
                        "level": level,
                        "ects": ects,
                        "interest_ids": [Command.set([interests[s] for s in subjects])],
                    }
                )
        numbers = [p.student_number for p in run.population.people if p.studied]
        found = self._alumni_demo_people_by_number(numbers)
        for person in run.population.people:
            if person.studied and person.student_number in found:
                run.partner_of[person.index] = found[person.student_number]
        if len(run.partner_of) < len(numbers):
            raise UserError(env._("The demo exports were not imported whole."))

    @api.model
    def _alumni_demo_people_by_number(self, numbers):
        found = {}
        for start in range(0, len(numbers), 50000):
            self.env.cr.execute(
                SQL(
                    "SELECT student_number, id FROM res_partner WHERE student_number = ANY(%s)",
                    numbers[start : start + 50000],
                )
            )
            found.update(self.env.cr.fetchall())
        return found

    @api.model
    def _alumni_demo_prospects(self, run):
        """People who never studied here: prospects (from an information
        request) and applicants, as the website creates them."""
        people = [p for p in run.population.people if not p.studied]
        Partner = self.env["res.partner"]
        for start in range(0, len(people), BATCH):
            chunk = people[start : start + BATCH]
            prospects = Partner._alumni_create_prospects(
                [
                    {
                        "name": p.name,
                        "email": p.email,
                        "phone": p.phone,
                        "birth_date": p.birth_date,
                        "student_number": p.student_number or False,
                    }
                    for p in chunk
                ]
            )
            for person, prospect in zip(chunk, prospects, strict=True):
                run.partner_of[person.index] = prospect.id
        run.progress.step("prospects and applicants", len(people))

    @api.model
    def _alumni_demo_information_requests(self, run, people):
        """The requests for information of ``people`` (their first step in
        the funnel). Without the events addon, their touchpoints only; the
        events addon records the requests themselves."""
        programmes = self._alumni_demo_programmes()
        rows = [
            {
                "partner_id": run.partner_of[p.index],
                "kind": "information_request",
                "date": _at(p.request_date),
                "name": self.env._(
                    "Information request: %(programme)s",
                    programme=programmes[p.programme_code].name,
                ),
                "programme_id": programmes[p.programme_code].id,
            }
            for p in people
        ]
        self.env["alumni.lifecycle.event"]._append(rows)

    @api.model
    def _alumni_demo_programmes(self):
        programmes = (
            self.env["alumni.programme"]
            .with_context(active_test=False)
            .search([("code", "in", [p[0] for p in PROGRAMMES])])
        )
        return {p.code: p for p in programmes}

    @api.model
    def _alumni_demo_applications(self, run):
        people = [p for p in run.population.people if p.application]
        programmes = self._alumni_demo_programmes()
        campuses = {c.name: c.id for c in self.env["alumni.campus"].search([])}
        vals_list = []
        for p in people:
            programme, submitted, state = p.application
            vals_list.append(
                {
                    "partner_id": run.partner_of[p.index],
                    "programme_id": programmes[programme[0]].id,
                    "campus_id": campuses[CAMPUSES[programme[5][0]]],
                    "intake_year": submitted.year if submitted.month < 9 else submitted.year + 1,
                    "intake_term": "autumn",
                    "date_submitted": submitted,
                    "state": state,
                    "source": "national" if p.index % 3 else "local",
                }
            )
        Application = self.env["alumni.application"]
        applications = Application.browse()
        for start in range(0, len(vals_list), BATCH):
            applications |= Application.create(vals_list[start : start + BATCH])
        if applications:
            # The touchpoints of an application are dated the day it came in.
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE alumni_lifecycle_event e SET date = a.date_submitted + interval '9 hours'
                      FROM alumni_application a
                     WHERE e.res_model = 'alumni.application' AND e.res_id = a.id
                       AND a.id = ANY(%s)
                    """,
                    applications.ids,
                )
            )
            self.env["alumni.lifecycle.event"].invalidate_model(["date"])
        run.progress.step("applications", len(applications))

    @api.model
    def _alumni_demo_consents(self, run):
        """The answers, oldest first in each batch so that the latest answer
        is the current one; the history keeps the earlier ones."""
        purposes = {p.code: p.id for p in self.env["alumni.consent.purpose"].search([])}
        first, later = [], []
        for p in run.population.people:
            for code, state, date in p.consents:
                if code not in purposes:
                    continue
                vals = {
                    "partner_id": run.partner_of[p.index],
                    "purpose_id": purposes[code],
                    "state": state,
                    "date": _at(date, 9 if state == "given" else 15),
                    "source": "website" if p.stage in ("prospect", "applicant") else "portal",
                    "wording_version": "1",
                }
                (first if state == "given" else later).append(vals)
        Consent = self.env["alumni.consent"]
        for vals_list in (first, later):
            for start in range(0, len(vals_list), BATCH):
                Consent.create(vals_list[start : start + BATCH])
        run.progress.step("consent answers", len(first) + len(later))

    @api.model
    def _alumni_demo_subjects(self, run):
        interests = {
            i.name: i.id for i in self.env["alumni.interest"].search([("name", "in", SUBJECTS)])
        }
        by_subject = defaultdict(list)
        for p in run.population.people:
            for subject in p.subjects:
                by_subject[subject].append(run.partner_of[p.index])
        Partner = self.env["res.partner"]
        for subject, partner_ids in by_subject.items():
            # A hundred people a write, each stored at once: the people's
            # write dates of larger sets go through res.partner's bulk path of
            # the lifecycle columns, which has no statement for them alone.
            for start in range(0, len(partner_ids), 100):
                chunk = Partner.browse(partner_ids[start : start + 100])
                chunk.write({"interest_ids": [Command.link(interests[subject])]})
                chunk.flush_recordset()
        run.progress.step("subjects of interest", sum(len(v) for v in by_subject.values()))

    @api.model
    def _alumni_demo_jobs(self, run):
        industries = {i.name: i.id for i in self.env["res.partner.industry"].search([])}
        vals_list = [
            {
                "partner_id": run.partner_of[p.index],
                "employer_name": employer,
                "title": title,
                "industry_id": industries.get(industry, False),
                "start_date": start,
                "end_date": end,
                "source": "self" if p.index % 4 else "staff",
            }
            for p in run.population.people
            for employer, title, industry, start, end in p.jobs
        ]
        Position = self.env["alumni.career.position"]
        for start in range(0, len(vals_list), BATCH):
            Position.create(vals_list[start : start + BATCH])
        run.progress.step("career positions", len(vals_list))

    @api.model
    def _alumni_demo_users(self, run):
        """The demo logins (DEMO_USERS, password DEMO_PASSWORD): staff users,
        and two alumni of the population as portal users (the first nurse
        with two jobs, subjects and consents has the rich profile)."""
        env = self.env
        Users = env["res.users"].with_context(active_test=False)
        existing = {u.login: u for u in Users.search([("login", "in", [u[1] for u in DEMO_USERS])])}
        groups = {
            "officer": [env.ref("usn_alumni_base.group_alumni_user").id],
            "coordinator": [env.ref("usn_alumni_base.group_alumni_faculty").id],
            "marketing": [env.ref("base.group_user").id],
        }
        mass_mailing = env.ref("mass_mailing.group_mass_mailing_user", raise_if_not_found=False)
        if mass_mailing:
            groups["marketing"].append(mass_mailing.id)
        health = env["alumni.faculty"].search([("code", "=", "HS")], limit=1)
        alumni = [p for p in run.population.people if p.stage == "alumnus" and p.email]
        rich = next(
            (
                p
                for p in alumni
                if len(p.jobs) == 2 and p.subjects and p.consents and p.programme_code == "BSYKE"
            ),
            None,
        ) or next((p for p in alumni if len(p.jobs) == 2 and p.subjects), None)
        other = next((p for p in alumni if p is not rich and p.jobs), None)
        portal = env.ref("base.group_portal").id
        for key, login, name in DEMO_USERS:
            user = existing.get(login)
            if not user:
                if key in groups:
                    vals = {"name": name, "groups_id": [Command.set(groups[key])]}
                    if key == "coordinator":
                        vals["alumni_faculty_ids"] = [Command.set(health.ids)]
                else:
                    person = rich if key == "alumna" else other
                    if not person or person.index not in run.partner_of:
                        continue
                    vals = {
                        "partner_id": run.partner_of[person.index],
                        "groups_id": [Command.set([portal])],
                    }
                user = Users.create(
                    {**vals, "login": login, "password": DEMO_PASSWORD, "tz": "Europe/Oslo"}
                )
            run.users[key] = user
        run.progress.step("demo logins", len(run.users))

    @api.model
    def _alumni_demo_logins(self):
        """(login, password, who) of the demo users in this database."""
        users = self.env["res.users"].search([("login", "in", [u[1] for u in DEMO_USERS])])
        by_login = {u.login: u for u in users}
        return [
            (login, DEMO_PASSWORD, by_login[login].name)
            for _key, login, _name in DEMO_USERS
            if login in by_login
        ]

    @api.model
    def _alumni_demo_summary(self):
        """The people per stage, for the command's last lines."""
        groups = self.env["res.partner"]._read_group(
            [("lifecycle_stage", "!=", False)], ["lifecycle_stage"], ["__count"]
        )
        return dict(groups)
