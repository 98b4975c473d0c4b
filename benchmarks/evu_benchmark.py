# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Continuing-education matching at the size of the university.

In a fresh database with usn_alumni_evu installed (no demo data):

  (a) stores 100,000 people straight in SQL (not what is measured): each
      with a degree from one of 24 programmes of 4 faculties (every fifth
      also a master's, finished or under way), 0 to 4 of 30 subjects, a
      current job (7 in 10; industry and title) and some an earlier one;
      1 in 200 deceased; 1 in 20 took one of 10 past (closed) courses, and
      1 in 100 applied for one of the 40 open offers; the open offers aim
      at subjects, programmes, cohorts, industries and job titles;
  (b) times the full recomputation of everyone's matches
      (``alumni.evu.match._recompute()``) on an empty table, and again when
      nothing changed; the nightly scheduled action, batch after batch;
  (c) times the incremental recomputation of one person: a subject added
      through the ORM and the transaction's commit hook (which recomputes
      that person), and ``_recompute(partners=person)`` alone; the
      recomputation of one offer (its form's button);
  (d) checks what was stored: ranks 1..n per person, no match for the
      deceased nor for an offer the person applied for.

With ``--population demo``, the database is the demo university of
``--people`` people (``odoo alumni-demo``, all four addons: its offers, its
people's studies, subjects, jobs and applications), and what is added on
top is: open offers through the ORM up to 40 open in all, aimed like the
ones above at the demo's subjects, programmes, cohorts, industries and job
titles; the demo's matches are emptied so that (b) starts from an empty
table; the people of (c) are alumni of the demo without a subject.

Targets: full recomputation < 30 s, one person < 0.2 s.

More sections (e.g. the campaigns' recipient lists and queues) are added by
appending a function to SECTIONS: it takes (env, state) and returns a
Section (title, lines, verdicts); ``state`` holds what the population and
earlier sections made (offers, people ids).

    bash benchmarks/run-evu-benchmark.sh [--people 100000] [--population demo] [--keep]
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

DB = "bench_evu"
PEOPLE = 100_000
FACULTIES = 4
PROGRAMMES_PER_FACULTY = 6  # the last two of each faculty are master's
SUBJECTS = 30
INDUSTRIES = 12
TITLES = [
    "Nurse", "Head Nurse", "Midwife", "Teacher", "Lecturer", "Software Developer",
    "Engineer", "Project Engineer", "Consultant", "Accountant", "Economist", "Social Worker",
    "Physiotherapist", "Sales Manager", "Data Analyst", "Researcher", "Kindergarten Teacher",
    "Operations Manager", "Designer", "Advisor",
]  # fmt: skip
OPEN_OFFERS = 40
PAST_OFFERS = 10
INCREMENTAL_RUNS = 20


# ----------------------------------------------------------------------
# The measurement, in a process of its own (evu_benchmark.py --measure)
# ----------------------------------------------------------------------


class Timing(NamedTuple):
    """What a measured call took: wall-clock seconds, queries, and the CPU
    seconds of the database's process for this connection and of this
    process (the CPU figures are not slowed by other work on the machine;
    the database's is None when PostgreSQL runs elsewhere)."""

    seconds: float
    queries: int
    db_cpu: float | None
    odoo_cpu: float


def _backend_cpu(env):
    """CPU seconds used so far by the PostgreSQL process of env's connection,
    when it runs on this machine."""
    env.cr.execute("SELECT pg_backend_pid()")
    pid = env.cr.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(env, func):
    cr = env.cr
    db_before = _backend_cpu(env)
    before, start, cpu = cr.sql_log_count, time.perf_counter(), time.process_time()
    func()
    seconds, odoo_cpu = time.perf_counter() - start, time.process_time() - cpu
    queries = cr.sql_log_count - before
    db_after = _backend_cpu(env)
    db_cpu = db_after - db_before if db_before is not None and db_after is not None else None
    return Timing(seconds, queries, db_cpu, odoo_cpu)


def _cpu(timing):
    db = f"database {timing.db_cpu:.1f} s, " if timing.db_cpu is not None else ""
    return f"CPU: {db}Odoo {timing.odoo_cpu:.1f} s"


def store_university(env):
    """Faculties, programmes, subjects, industries and the 50 offers, through
    the ORM (before anyone exists, so that the offers' own recomputation has
    no one to match)."""
    import datetime

    from odoo import fields

    faculties, programmes = [], []
    for f in range(FACULTIES):
        faculty = env["alumni.faculty"].create({"name": f"Faculty {f}", "code": f"F{f}"})
        department = env["alumni.faculty"].create(
            {"name": f"Department {f}", "code": f"F{f}-D", "parent_id": faculty.id}
        )
        faculties.append(faculty)
        for p in range(PROGRAMMES_PER_FACULTY):
            is_master = p >= PROGRAMMES_PER_FACULTY - 2
            programmes.append(
                env["alumni.programme"].create(
                    {
                        "code": f"P{f}{p}",
                        "name": f"{'Master' if is_master else 'Bachelor'} {f}.{p}",
                        "level": "master" if is_master else "bachelor",
                        "faculty_id": (department if p % 2 else faculty).id,
                    }
                )
            )
    subjects = env["alumni.interest"].create([{"name": f"Subject {s}"} for s in range(SUBJECTS)])
    industries = env["res.partner.industry"].create(
        [{"name": f"Industry {i}"} for i in range(INDUSTRIES)]
    )
    campus = env["alumni.campus"].create({"name": "Bø"})
    today = fields.Date.context_today(env["alumni.evu.offer"])
    Offer = env["alumni.evu.offer"]
    open_offers = Offer.browse()
    for k in range(OPEN_OFFERS):
        f = k % FACULTIES
        faculty_programmes = programmes[
            f * PROGRAMMES_PER_FACULTY : (f + 1) * PROGRAMMES_PER_FACULTY
        ]
        deadline = today + datetime.timedelta(days=30 + k)
        vals = {
            "name": f"Open course {k}",
            "faculty_id": faculties[f].id,
            "date_start": deadline + datetime.timedelta(days=14),
            "application_deadline": deadline,
            "price": 10000,
            "alumni_price": 8000,
            "state": "open",
            "interest_ids": [(6, 0, [subjects[(k * 3) % SUBJECTS].id,
                                     subjects[(k * 3 + 1) % SUBJECTS].id])],
            "programme_ids": [(6, 0, [faculty_programmes[k % 4].id]
                               + ([faculty_programmes[4 + k % 2].id] if k % 3 == 0 else []))],
        }  # fmt: skip
        if k % 2 == 0:
            vals.update(cohort_from=2005 + k % 10, cohort_to=2013 + k % 10)
        if k % 2 == 1:
            vals["industry_ids"] = [
                (6, 0, [industries[k % INDUSTRIES].id, industries[(k + 5) % INDUSTRIES].id])
            ]
        if k % 3 == 0:
            vals["title_keywords"] = ", ".join(
                sorted({TITLES[k % len(TITLES)].split()[-1], TITLES[(k + 7) % len(TITLES)]})
            )
        open_offers |= Offer.create(vals)
    past_offers = Offer.create(
        [
            {
                "name": f"Past course {k}",
                "faculty_id": faculties[k % FACULTIES].id,
                "date_start": "2024-09-01",
                "application_deadline": "2024-08-01",
                "price": 8000,
                "alumni_price": 6000,
                "state": "closed",
                "interest_ids": [(6, 0, [subjects[(k * 7) % SUBJECTS].id])],
            }
            for k in range(PAST_OFFERS)
        ]
    )
    env.cr.commit()
    return {
        "programmes": [p.id for p in programmes],
        "subjects": subjects.ids,
        "industries": industries.ids,
        "campus": campus.id,
        "open_offers": open_offers.ids,
        "past_offers": past_offers.ids,
    }


def store_people(env, people, university):
    """The people and what they are matched on, in a few statements."""
    cr = env.cr
    env.flush_all()
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, email, email_normalized, active, type,
                                 is_company, lang, network_state, max_mailings_per_month,
                                 lifecycle_stage, is_deceased, partner_share,
                                 create_uid, write_uid, create_date, write_date)
        SELECT 'Person ' || i, 'Person ' || i, 'person' || i || '@example.no',
               'person' || i || '@example.no', TRUE, 'contact', FALSE, 'en_US', 'none', 4,
               'alumnus', i %% 200 = 0, TRUE,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
        RETURNING id
        """,
        {"people": people},
    )
    ids = [row[0] for row in cr.fetchall()]
    first = ids[0]
    assert ids == list(range(first, first + people)), "ids in generation order"
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id >= %s", [first])
    params = {
        "first": first,
        "people": people,
        "programmes": university["programmes"],
        "per_faculty": PROGRAMMES_PER_FACULTY,
        "faculties": FACULTIES,
        "subjects": university["subjects"],
        "industries": university["industries"],
        "titles": TITLES,
        "campus": university["campus"],
        "open_offers": university["open_offers"],
        "past_offers": university["past_offers"],
    }
    # A bachelor's degree for everyone (programme 0..3 of a faculty), in
    # 2000..2025; every fifth person a master's of the same faculty after it,
    # under way for the most recent.
    cr.execute(
        """
        WITH degree AS (
            SELECT %(first)s + i - 1 AS partner_id,
                   (i * 7) %% %(faculties)s AS faculty,
                   (i * 11) %% 4 AS programme,
                   2000 + (i * 13) %% 26 AS year,
                   i
              FROM generate_series(1, %(people)s) AS i
        ), rows AS (
            SELECT partner_id, (%(programmes)s::int[])[faculty * %(per_faculty)s + programme + 1]
                       AS programme_id,
                   year, 'completed' AS state
              FROM degree
             UNION ALL
            SELECT partner_id, (%(programmes)s::int[])[faculty * %(per_faculty)s + 4 + i %% 2 + 1],
                   year + 2, CASE WHEN year + 2 > 2025 THEN 'active' ELSE 'completed' END
              FROM degree
             WHERE i %% 5 = 0
        )
        INSERT INTO alumni_enrollment (partner_id, programme_id, faculty_id, campus_id,
                                       start_date, end_date, graduation_date, state,
                                       graduation_year, create_uid, write_uid,
                                       create_date, write_date)
        SELECT r.partner_id, r.programme_id, pr.faculty_id, %(campus)s,
               make_date(r.year - 3, 8, 15),
               CASE WHEN r.state = 'completed' THEN make_date(r.year, 6, 15) END,
               CASE WHEN r.state = 'completed' THEN make_date(r.year, 6, 15) END,
               r.state, CASE WHEN r.state = 'completed' THEN r.year END,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM rows r
          JOIN alumni_programme pr ON pr.id = r.programme_id
        """,
        params,
    )
    cr.execute(
        """
        UPDATE res_partner p
           SET graduation_year = e.year
          FROM (SELECT partner_id, max(graduation_year) AS year
                  FROM alumni_enrollment WHERE partner_id >= %(first)s
                 GROUP BY partner_id) e
         WHERE p.id = e.partner_id
        """,
        params,
    )
    # 0 to 4 distinct subjects each.
    cr.execute(
        """
        INSERT INTO res_partner_alumni_interest_rel (partner_id, interest_id)
        SELECT %(first)s + i - 1, (%(subjects)s::int[])[(i * 31 + j * 7) %% 30 + 1]
          FROM generate_series(1, %(people)s) AS i
         CROSS JOIN generate_series(0, 3) AS j
         WHERE j < i %% 5
        """,
        params,
    )
    # A current job for 7 in 10; an earlier one for 3 in 10.
    cr.execute(
        """
        INSERT INTO alumni_career_position (partner_id, title, industry_id, employer_name,
                                            start_date, end_date, is_current, source,
                                            create_uid, write_uid, create_date, write_date)
        SELECT %(first)s + i - 1, (%(titles)s::varchar[])[(i * 17) %% 20 + 1],
               (%(industries)s::int[])[(i * 5) %% 12 + 1], 'Employer ' || i %% 997,
               DATE '2019-01-01', NULL, TRUE, 'import',
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
         WHERE i %% 10 < 7
         UNION ALL
        SELECT %(first)s + i - 1, (%(titles)s::varchar[])[(i * 3) %% 20 + 1],
               (%(industries)s::int[])[(i * 7) %% 12 + 1], 'Employer ' || i %% 991,
               DATE '2012-01-01', DATE '2018-12-31', FALSE, 'import',
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
         WHERE i %% 10 >= 7 OR i %% 3 = 0
        """,
        params,
    )
    # 1 in 20 took a past course; 1 in 100 applied for an open offer.
    cr.execute(
        """
        INSERT INTO alumni_evu_enrollment (partner_id, offer_id, faculty_id, state, benefit,
                                           price, benefit_value, date_applied, date_enrolled,
                                           create_uid, write_uid, create_date, write_date)
        SELECT %(first)s + i - 1, o.id, o.faculty_id, 'enrolled', 'alumni_price', 6000, 2000,
               TIMESTAMP '2024-06-01 12:00', TIMESTAMP '2024-08-15 12:00',
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
          JOIN alumni_evu_offer o ON o.id = (%(past_offers)s::int[])[i %% 10 + 1]
         WHERE i %% 20 = 1
         UNION ALL
        SELECT %(first)s + i - 1, o.id, o.faculty_id, 'applied', 'alumni_price', 8000, 2000,
               now() at time zone 'utc', NULL,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
          JOIN alumni_evu_offer o ON o.id = (%(open_offers)s::int[])[i %% 40 + 1]
         WHERE i %% 100 = 3
        """,
        params,
    )
    env.invalidate_all()
    cr.commit()
    for table in (
        "res_partner",
        "alumni_enrollment",
        "res_partner_alumni_interest_rel",
        "alumni_career_position",
        "alumni_evu_enrollment",
        "alumni_evu_offer",
        "alumni_evu_offer_alumni_interest_rel",
        "alumni_evu_offer_alumni_programme_rel",
        "alumni_evu_offer_res_partner_industry_rel",
        "alumni_programme",
        "alumni_faculty",
    ):
        cr.execute(f"ANALYZE {table}")
    cr.commit()
    return first


def complete_demo(env):
    """On the demo university: open offers up to OPEN_OFFERS, through the
    ORM, aimed at its subjects, programmes, cohorts, industries and job
    titles; its matches emptied. Returns what store_university returns, and
    what was added."""
    from odoo import fields

    cr = env.cr
    Offer = env["alumni.evu.offer"]
    existing = Offer.search([("state", "=", "open")], order="id")
    faculties = env["alumni.faculty"].search([("parent_id", "=", False)], order="id")
    subjects = env["alumni.interest"].search([], order="id")
    industries = env["res.partner.industry"].search([], order="id")
    cr.execute(
        """
        SELECT title FROM alumni_career_position WHERE is_current AND title IS NOT NULL
         GROUP BY title ORDER BY COUNT(*) DESC, title LIMIT 20
        """
    )
    titles = [row[0] for row in cr.fetchall()] or TITLES
    cr.execute("SELECT min(graduation_year) FROM alumni_enrollment WHERE graduation_year > 0")
    first_cohort = cr.fetchone()[0] or 2016
    today = fields.Date.context_today(Offer)
    vals_list = []
    for k in range(max(OPEN_OFFERS - len(existing), 0)):
        faculty = faculties[k % len(faculties)]
        programmes = env["alumni.programme"].search(
            [("faculty_id", "child_of", faculty.id)], order="id"
        )
        bachelors = programmes.filtered(lambda p: p.level != "master") or programmes
        masters = programmes.filtered(lambda p: p.level == "master")
        deadline = today + datetime.timedelta(days=30 + k)
        vals = {
            "name": f"Open course {k}",
            "faculty_id": faculty.id,
            "date_start": deadline + datetime.timedelta(days=14),
            "application_deadline": deadline,
            "price": 10000,
            "alumni_price": 8000,
            "state": "open",
            "interest_ids": [(6, 0, [subjects[(k * 3) % len(subjects)].id,
                                     subjects[(k * 3 + 1) % len(subjects)].id])],
            "programme_ids": [(6, 0, [bachelors[k % len(bachelors)].id]
                               + ([masters[k % len(masters)].id] if masters and k % 3 == 0
                                  else []))],
        }  # fmt: skip
        if k % 2 == 0:
            vals.update(cohort_from=first_cohort + k % 5, cohort_to=first_cohort + 4 + k % 5)
        if k % 2 == 1 and industries:
            vals["industry_ids"] = [
                (6, 0, [industries[k % len(industries)].id,
                        industries[(k + 5) % len(industries)].id])
            ]  # fmt: skip
        if k % 3 == 0:
            vals["title_keywords"] = ", ".join(
                sorted({titles[k % len(titles)], titles[(k + 7) % len(titles)]})
            )
        vals_list.append(vals)
    added = Offer.create(vals_list)
    env.flush_all()
    cr.execute("DELETE FROM alumni_evu_match")
    emptied = cr.rowcount
    cr.commit()
    open_offers = existing | added
    for table in ("alumni_evu_offer", "alumni_evu_match", "res_partner"):
        cr.execute(f"ANALYZE {table}")
    # The first open offer's first subject, then the others.
    first_subject = open_offers[0].interest_ids[:1]
    university = {
        "subjects": (first_subject | subjects).ids,
        "open_offers": open_offers.ids,
    }
    lines = common.population_lines(env)
    lines.append(
        f"added on top: {len(added)} open offers ({len(open_offers)} open in all); "
        f"the demo's {emptied} matches emptied"
    )
    return university, lines


def people_without_subject(env, subject_id, count):
    """``count`` alumni of the demo without ``subject_id``, spread over them."""
    env.cr.execute(
        """
        SELECT p.id FROM res_partner p
         WHERE p.lifecycle_stage = 'alumnus' AND p.is_deceased IS NOT TRUE
           AND NOT EXISTS (SELECT 1 FROM res_partner_alumni_interest_rel r
                            WHERE r.partner_id = p.id AND r.interest_id = %s)
         ORDER BY p.id
        """,
        [subject_id],
    )
    ids = [row[0] for row in env.cr.fetchall()]
    step = max(len(ids) // count, 1)
    return ids[::step][:count]


def prepare(env, people, population):
    """The population and the state the sections start from: (state, lines
    that say what it is)."""
    state = {"people": people}
    if population == "demo":
        state["university"], lines = complete_demo(env)
        state["incremental"] = people_without_subject(
            env, state["university"]["subjects"][0], INCREMENTAL_RUNS
        )
        return state, lines
    state["university"] = university = store_university(env)
    state["first"] = first = store_people(env, people, university)
    # People with no subject yet (i % 5 == 0) get the first offer's first one.
    state["incremental"] = [
        first + 5 * (run * 997 % (people // 5)) + 4 for run in range(INCREMENTAL_RUNS)
    ]
    return state, [f"{people} people stored"]


class Section:
    """What a section of the benchmark reports: its title, lines of
    figures, and verdicts (label, value, target, met)."""

    def __init__(self, title, lines=(), verdicts=()):
        self.title = title
        self.lines = list(lines)
        self.verdicts = list(verdicts)

    def as_dict(self):
        return {"title": self.title, "lines": self.lines, "verdicts": self.verdicts}


def _matches_stored(env):
    env.cr.execute(
        """
        SELECT count(*), count(DISTINCT partner_id), round(avg(score), 1),
               count(*) FILTER (WHERE score >= 50), pg_total_relation_size('alumni_evu_match')
          FROM alumni_evu_match
        """
    )
    return env.cr.fetchone()


def bench_full(env, state):
    """(b) everyone's matches, from an empty table, then unchanged, then as
    the nightly scheduled action does it."""
    Match = env["alumni.evu.match"]
    cr = env.cr
    cold = _timed(env, Match._recompute)
    cr.commit()
    rows, people, avg, strong, size = _matches_stored(env)
    warm = _timed(env, Match._recompute)
    # The row versions this transaction wrote.
    cr.execute("SELECT count(*) FROM alumni_evu_match WHERE xmin = pg_current_xact_id()::xid")
    rewritten = cr.fetchone()[0]
    cr.commit()
    # The nightly action, one batch of people per transaction.
    batches = []
    param = "usn_alumni_evu.match_recompute_after_id"
    while True:
        batches.append(_timed(env, Match._cron_recompute))
        cr.commit()
        if env["ir.config_parameter"].sudo().get_param(param) == "0":
            break
    nightly = sum(batch.seconds for batch in batches)
    state["matches"] = rows
    return Section(
        "(b) everyone's matches",
        [
            f"full recomputation, empty table: {cold.seconds:.1f} s ({_cpu(cold)}), "
            f"{cold.queries} queries; {rows} matches of {people} people with {OPEN_OFFERS} "
            f"open offers ({rows / max(people, 1):.1f} each, average score {avg}, "
            f"{strong} at 50 or more), table and indexes {size / 1e6:.0f} MB",
            f"full recomputation, nothing changed: {warm.seconds:.1f} s ({_cpu(warm)}), "
            f"{warm.queries} queries, {rewritten} rows rewritten",
            f"nightly action: {len(batches)} batches of 25,000 people, {nightly:.1f} s "
            f"(slowest batch {max(batch.seconds for batch in batches):.1f} s)",
        ],
        [
            ("full recomputation, empty table", f"{cold.seconds:.1f} s", "< 30 s",
             cold.seconds < 30),
            ("full recomputation, nothing changed", f"{warm.seconds:.1f} s", "< 30 s",
             warm.seconds < 30),
            ("unchanged recomputation rewrites", rewritten, "0", rewritten == 0),
        ],
    )  # fmt: skip


def bench_incremental(env, state):
    """(c) one person, one offer."""
    from odoo.fields import Command

    Match = env["alumni.evu.match"]
    Partner = env["res.partner"]
    cr = env.cr
    subject = env["alumni.interest"].browse(state["university"]["subjects"][0])
    through_orm, alone, queries = [], [], []
    for person_id in state["incremental"]:
        # People without the first offer's first subject get it.
        person = Partner.browse(person_id)
        env.invalidate_all()

        def add_subject(person=person):
            person.write({"interest_ids": [Command.link(subject.id)]})
            cr.flush()  # what commit() runs first: the recomputation queued

        through_orm.append(_timed(env, add_subject).seconds)
        cr.commit()
        env.invalidate_all()
        timing = _timed(env, lambda person=person: Match._recompute(partners=person))
        alone.append(timing.seconds)
        queries.append(timing.queries)
        cr.commit()
    offer = env["alumni.evu.offer"].browse(state["university"]["open_offers"][0])
    offer_timing = _timed(env, lambda: Match._recompute(offers=offer))
    cr.commit()
    median_orm, median_alone = statistics.median(through_orm), statistics.median(alone)
    return Section(
        "(c) incremental recomputation",
        [
            f"one person, a subject added through the ORM and committed "
            f"(median of {len(through_orm)}): {median_orm * 1000:.0f} ms "
            f"(worst {max(through_orm) * 1000:.0f} ms)",
            f"one person, _recompute(partners=person) alone: {median_alone * 1000:.0f} ms "
            f"(worst {max(alone) * 1000:.0f} ms), {queries[-1]} queries",
            f"one offer (its form's button): {offer_timing.seconds:.2f} s "
            f"({_cpu(offer_timing)}), {offer_timing.queries} queries",
        ],
        [
            ("one person, through the ORM", f"{median_orm:.3f} s", "< 0.2 s", median_orm < 0.2),
            ("one person, recompute alone", f"{median_alone:.3f} s", "< 0.2 s", median_alone < 0.2),
        ],
    )


def bench_checks(env, state):
    """(d) what was stored."""
    cr = env.cr
    cr.execute(
        """
        SELECT count(*) FROM (
            SELECT partner_id
              FROM alumni_evu_match
             GROUP BY partner_id
            HAVING min(rank) <> 1 OR max(rank) <> count(*) OR count(DISTINCT rank) <> count(*)
        ) wrong
        """
    )
    wrong_ranks = cr.fetchone()[0]
    cr.execute(
        """
        SELECT count(*) FROM alumni_evu_match m JOIN res_partner p ON p.id = m.partner_id
         WHERE p.is_deceased
        """
    )
    deceased = cr.fetchone()[0]
    cr.execute(
        """
        SELECT count(*) FROM alumni_evu_match m
          JOIN alumni_evu_enrollment e ON e.partner_id = m.partner_id AND e.offer_id = m.offer_id
         WHERE e.state IN ('applied', 'enrolled')
        """
    )
    applied = cr.fetchone()[0]
    return Section(
        "(d) what was stored",
        [
            f"people whose ranks are not 1..n: {wrong_ranks}; matches of the deceased: "
            f"{deceased}; matches for an offer applied for: {applied}"
        ],
        [("stored matches consistent", wrong_ranks + deceased + applied, "0", not (
            wrong_ranks or deceased or applied))],
    )  # fmt: skip


# The sections, in order; append more here (see the module's docstring).
SECTIONS = [bench_full, bench_incremental, bench_checks]


def measure(db, addons_path, people, population):
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        state, lines = prepare(env, people, population)
        setup_seconds = time.perf_counter() - start
        sections = [section(env, state).as_dict() for section in SECTIONS]
    return {"population": lines, "setup_seconds": setup_seconds, "sections": sections}


# ----------------------------------------------------------------------
# The run
# ----------------------------------------------------------------------


def parser_of(description):
    """The options this benchmark and the campaigns' share."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--keep", action="store_true", help="keep the database")
    common.add_population_arguments(parser, "--people")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    return parser


def run(script, args, extra=()):
    """Creates the database, measures in a process of its own, drops the
    database; returns the figures."""
    try:
        common.create_database(
            args.odoo_bin, args.addons_path, args.db, ["usn_alumni_evu"],
            args.population, args.people, args.seed,
        )  # fmt: skip
        print("Measuring")
        return common.run_measure(
            script,
            ["--measure", "--db", args.db, "--addons-path", args.addons_path,
             "--people", str(args.people), "--population", args.population, *extra],
        )  # fmt: skip
    finally:
        if not args.keep:
            common.drop_database(args.odoo_bin, args.addons_path, args.db)


def main():
    parser = parser_of(__doc__)
    parser.add_argument("--db", default=DB)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.db, args.addons_path, args.people, args.population)))
        return
    report(run(__file__, args))


def report(figures):
    print()
    for line in figures["population"]:
        print(line)
    print(f"set up in {figures['setup_seconds']:.1f} s (not measured)")
    verdicts = []
    for section in figures["sections"]:
        print()
        print(section["title"])
        for line in section["lines"]:
            print(line)
        verdicts.extend(section["verdicts"])
    print()
    for label, value, target, met in verdicts:
        print(f"{label + ':':<40}{value!s:>10}   target {target:<10} {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
