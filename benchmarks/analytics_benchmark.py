# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The analyses of usn_alumni_base at the size of the university.

In a fresh database (``bench_analytics``) with usn_alumni_base installed (no
demo data), stores straight in SQL (not what is measured): 4 faculties of 5
programmes, 200 secondary schools, 100,000 people, an application for 60 %
of them, a completed enrolment with a grade for 40 %, a prior education at a
school for 80 %, and 1,000,000 timeline rows (information requests, events
attended, applications, offers, enrolments, graduations for the person's
programme; continuing education, network joins and mailing clicks).

With ``--population demo``, the database is the demo university of
``--people`` people (``odoo alumni-demo``, all four addons), and what is
added on top, in SQL, is timeline rows of the demo's people (same kinds and
spread as above, the funnel steps for the person's programme) up to
``--timeline`` rows in all; the coordinator's faculty is the first one.

Then prints the time the nightly job takes to add up everyone's engagement
(alumni.engagement.activity) and what a change of one person's timeline
costs, and the time to open each analysis in its default grouping (what
its first view asks the server for) and each figure of the dashboards in
the Alumni group (each pivot, chart and list, as the browser reads it), as
an officer and as a faculty coordinator of one faculty: best and worst of
3. Target: each under 1 s.

    bash benchmarks/run-analytics-benchmark.sh [--people 100000] [--timeline 1000000]
        [--population demo] [--keep]
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

DB = "bench_analytics"
FACULTIES = 4
PROGRAMMES_PER_FACULTY = 5
SCHOOLS = 200
RUNS = 3


# The timeline's kinds: (slot, kind, a funnel step for the person's programme).
TIMELINE_KINDS = """
    (VALUES (0, 'information_request', TRUE), (1, 'event_registration', TRUE),
            (2, 'event_attendance', TRUE), (3, 'application', TRUE),
            (4, 'offer', TRUE), (5, 'enrollment', TRUE), (6, 'graduation', TRUE),
            (7, 'evu_enrollment', FALSE), (8, 'network_join', FALSE),
            (9, 'mailing_click', FALSE))
"""


def store_university(env, people, timeline):
    cr = env.cr
    faculties = env["alumni.faculty"].create(
        [{"name": f"Faculty {index}", "code": f"BF{index}"} for index in range(FACULTIES)]
    )
    programmes = env["alumni.programme"].create(
        [
            {"code": f"BP{f}{p}", "name": f"Programme {f}.{p}", "faculty_id": faculty.id}
            for f, faculty in enumerate(faculties)
            for p in range(PROGRAMMES_PER_FACULTY)
        ]
    )
    campus = env["alumni.campus"].create({"name": "Bø"})
    schools = env["res.partner"].create(
        [{"name": f"School {i}", "is_company": True, "is_school": True} for i in range(SCHOOLS)]
    )
    env.flush_all()
    params = {
        "people": people,
        "timeline": timeline,
        "programmes": programmes.ids,
        "faculties": [programme.faculty_id.id for programme in programmes],
        "schools": schools.ids,
        "campus": campus.id,
        "now": "2026-06-01 12:00:00",
    }
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, is_company, lang,
                                 network_state, max_mailings_per_month, lifecycle_stage,
                                 create_uid, write_uid, create_date, write_date)
        SELECT 'Person ' || i, 'Person ' || i, TRUE, 'contact', FALSE, 'en_US', 'none', 4,
               CASE WHEN i %% 10 < 4 THEN 'alumnus' WHEN i %% 10 < 6 THEN 'applicant'
                    ELSE 'prospect' END,
               1, 1, %(now)s, %(now)s
          FROM generate_series(1, %(people)s) AS i
        RETURNING id
        """,
        params,
    )
    ids = [row[0] for row in cr.fetchall()]
    params["first"] = ids[0]
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id >= %(first)s", params)
    # person n (from 0) studies programme n % 20
    cr.execute(
        f"""
        CREATE TEMP TABLE bench_person AS
        SELECT p.id, p.id - %(first)s AS n,
               (%(programmes)s::int[])[1 + (p.id - %(first)s) %% 20] AS programme_id,
               (%(faculties)s::int[])[1 + (p.id - %(first)s) %% 20] AS faculty_id
          FROM res_partner p WHERE p.id >= %(first)s;

        INSERT INTO alumni_application (partner_id, programme_id, faculty_id, intake_year,
                                        intake_term, date_submitted, state, source,
                                        create_uid, write_uid, create_date, write_date)
        SELECT id, programme_id, faculty_id, 2015 + n %% 10, 'autumn',
               make_date(2015 + n %% 10, 4, 15),
               CASE WHEN n %% 10 < 4 THEN 'enrolled' ELSE 'offered' END,
               (ARRAY['national', 'local', 'website'])[1 + n %% 3],
               1, 1, %(now)s, %(now)s
          FROM bench_person WHERE n %% 10 < 6;

        INSERT INTO alumni_enrollment (partner_id, programme_id, faculty_id, campus_id,
                                       start_date, end_date, graduation_date, state,
                                       graduation_year, final_grade,
                                       create_uid, write_uid, create_date, write_date)
        SELECT id, programme_id, faculty_id, %(campus)s,
               make_date(2015 + n %% 8, 8, 15), make_date(2018 + n %% 8, 6, 15),
               make_date(2018 + n %% 8, 6, 15), 'completed', 2018 + n %% 8,
               2 + (n * 37 %% 300) / 100.0,
               1, 1, %(now)s, %(now)s
          FROM bench_person WHERE n %% 10 < 4;

        INSERT INTO alumni_prior_education (partner_id, institution_id, education_type,
                                            graduation_year,
                                            create_uid, write_uid, create_date, write_date)
        SELECT id, (%(schools)s::int[])[1 + n * 7 %% %(n_schools)s], 'upper_secondary',
               2012 + n %% 10, 1, 1, %(now)s, %(now)s
          FROM bench_person WHERE n %% 10 < 8;

        INSERT INTO alumni_lifecycle_event (partner_id, kind, date, programme_id, faculty_id,
                                            create_uid, write_uid, create_date, write_date)
        SELECT person.id, kinds.kind,
               timestamp '2015-01-01' + make_interval(days => ((i::bigint * 7919) %% 4000)::int),
               CASE WHEN kinds.funnel THEN person.programme_id END,
               CASE WHEN kinds.funnel THEN person.faculty_id END,
               1, 1, %(now)s, %(now)s
          FROM generate_series(0, %(timeline)s - 1) AS i
          JOIN bench_person person ON person.n = i %% %(people)s
          JOIN {TIMELINE_KINDS} AS kinds(slot, kind, funnel)
            ON kinds.slot = (i / %(people)s + i) %% 10;
        """,
        {**params, "n_schools": SCHOOLS},
    )
    cr.commit()
    for table in (
        "res_partner",
        "alumni_application",
        "alumni_enrollment",
        "alumni_prior_education",
        "alumni_lifecycle_event",
    ):
        cr.execute(f"ANALYZE {table}")
    cr.execute("SELECT COUNT(*) FROM alumni_lifecycle_event")
    rows = cr.fetchone()[0]
    officer, coordinator = create_users(env, faculties[:1])
    return rows, officer, coordinator


def complete_demo(env, timeline):
    """On the demo university: timeline rows of its people, set-wise, up to
    ``timeline`` rows in all. Returns (rows added, rows, officer,
    coordinator)."""
    cr = env.cr
    cr.execute("SELECT COUNT(*) FROM alumni_lifecycle_event")
    before = cr.fetchone()[0]
    cr.execute(
        """
        CREATE TEMP TABLE bench_person AS
        SELECT p.id, (row_number() OVER (ORDER BY p.id)) - 1 AS n,
               p.alumni_programme_id AS programme_id, pr.faculty_id
          FROM res_partner p
          LEFT JOIN alumni_programme pr ON pr.id = p.alumni_programme_id
         WHERE NOT p.is_company AND p.lifecycle_stage IS NOT NULL
        """
    )
    cr.execute("SELECT COUNT(*) FROM bench_person")
    people = cr.fetchone()[0]
    added = max(timeline - before, 0)
    cr.execute(
        f"""
        INSERT INTO alumni_lifecycle_event (partner_id, kind, date, programme_id, faculty_id,
                                            create_uid, write_uid, create_date, write_date)
        SELECT person.id, kinds.kind,
               timestamp '2016-09-01' + make_interval(days => ((i::bigint * 7919) %% 3650)::int),
               CASE WHEN kinds.funnel THEN person.programme_id END,
               CASE WHEN kinds.funnel THEN person.faculty_id END,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(0, %(added)s - 1) AS i
          JOIN bench_person person ON person.n = i %% %(people)s
          JOIN {TIMELINE_KINDS} AS kinds(slot, kind, funnel)
            ON kinds.slot = (i / %(people)s + i) %% 10
        """,
        {"added": added, "people": people},
    )
    cr.commit()
    for table in ("res_partner", "alumni_lifecycle_event"):
        cr.execute(f"ANALYZE {table}")
    faculty = env["alumni.faculty"].search([("parent_id", "=", False)], order="id", limit=1)
    officer, coordinator = create_users(env, faculty)
    return added, before + added, officer, coordinator


def create_users(env, faculty):
    """The officer, and the coordinator of ``faculty``."""
    officer = env["res.users"].create(
        {
            "name": "Bench Officer",
            "login": "bench_officer",
            "groups_id": [(6, 0, env.ref("usn_alumni_base.group_alumni_user").ids)],
        }
    )
    coordinator = env["res.users"].create(
        {
            "name": "Bench Coordinator",
            "login": "bench_coordinator",
            "groups_id": [(6, 0, env.ref("usn_alumni_base.group_alumni_faculty").ids)],
            "alumni_faculty_ids": [(6, 0, faculty.ids)],
        }
    )
    env.cr.commit()
    return officer, coordinator


# What each analysis's first view asks for: (label, model, call)
def _pivot(model, groupby, measures):
    def call(env):
        return env[model].web_read_group([], measures, [groupby], lazy=True)

    return call


def _list(model, fields):
    def call(env):
        return env[model].web_search_read([], {name: {} for name in fields}, limit=80)

    return call


FIGURES = [
    (
        "funnel: pivot by programme",
        _pivot(
            "alumni.funnel.report",
            "programme_id",
            [
                "requested:sum",
                "attended_event:sum",
                "applied:sum",
                "offered:sum",
                "enrolled:sum",
                "graduated:sum",
            ],
        ),
    ),
    (
        "funnel: graph by intake year",
        _pivot("alumni.funnel.report", "intake_year", ["applied:sum"]),
    ),
    (
        "feeder schools: list",
        _list(
            "alumni.feeder.school.report",
            [
                "school_id",
                "programme_id",
                "student_count",
                "avg_grade",
                "overall_avg_grade",
                "difference",
                "small_sample",
            ],
        ),
    ),
    (
        "engagement: pivot by programme",
        _pivot(
            "alumni.engagement.report",
            "programme_id",
            ["alumni_count:sum", "engaged_count:sum", "engaged_share:avg", "score:avg"],
        ),
    ),
    (
        "engagement: most active (list)",
        _list(
            "alumni.engagement.report",
            ["partner_id", "programme_id", "graduation_year", "cohort_rank", "score"],
        ),
    ),
]


def measure(db, addons_path, people, timeline, population):
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        if population == "demo":
            added, rows, officer, coordinator = complete_demo(env, timeline)
            print(f"the demo university of {people} people; added on top: {added} timeline "
                  f"rows ({rows} in all) in {time.perf_counter() - start:.1f} s (SQL, not "
                  "measured)")  # fmt: skip
        else:
            rows, officer, coordinator = store_university(env, people, timeline)
            print(f"{people} people, {rows} timeline rows stored in "
                  f"{time.perf_counter() - start:.1f} s (SQL, not measured)")  # fmt: skip
        for line in common.population_lines(env):
            print(f"  {line}")
        # What the nightly job does: everyone's engagement sums, from the
        # timeline stored in SQL above.
        Activity = env["alumni.engagement.activity"]
        started = time.perf_counter()
        Activity._refresh()
        cr.commit()
        refreshed = time.perf_counter() - started
        cr.execute("ANALYZE alumni_engagement_activity")
        cr.execute("SELECT partner_id FROM alumni_engagement_activity ORDER BY partner_id LIMIT 1")
        one = [row[0] for row in cr.fetchall()]
        started = time.perf_counter()
        Activity._refresh(one)
        one_person = time.perf_counter() - started
        cr.rollback()
        print(f"engagement sums of everyone (the nightly job): {refreshed:.2f} s; "
              f"of one person (a timeline change): {one_person * 1000:.1f} ms")  # fmt: skip
        print()
        print(f"{'figure':<60}{'as':<13}{'best s':>8}{'worst s':>9}{'rows':>7}  target < 1 s")
        verdicts = []
        for label, call in FIGURES:
            for role, user in (("officer", officer), ("coordinator", coordinator)):
                user_env = env(user=user.id)
                times = []
                for _run in range(RUNS):
                    user_env.invalidate_all()
                    started = time.perf_counter()
                    result = call(user_env)
                    times.append(time.perf_counter() - started)
                    cr.rollback()
                count = len(result["groups"] if "groups" in result else result["records"])
                ok = max(times) < 1
                verdicts.append(ok)
                print(f"{label:<60}{role:<13}{min(times):>8.3f}{max(times):>9.3f}{count:>7}  "
                      f"{'ok' if ok else 'SLOW'}")  # fmt: skip
        for label, role, times, count in measure_dashboards(env, officer, coordinator):
            if times is None:
                print(f"{label:<60}{role:<13}{'not theirs':>17}")
                continue
            ok = max(times) < 1
            verdicts.append(ok)
            print(f"{label:<60}{role:<13}{min(times):>8.3f}{max(times):>9.3f}{count:>7}  "
                  f"{'ok' if ok else 'SLOW'}")  # fmt: skip
        print()
        print(f"{sum(verdicts)}/{len(verdicts)} figures under 1 s")


def measure_dashboards(env, officer, coordinator):
    """Each figure of the dashboards in the Alumni group of the Dashboards
    app (their pivots, charts and lists, as the browser reads them), as an
    officer and as a coordinator: (label, role, times or None when the user
    does not see the dashboard, rows)."""
    from odoo.addons.usn_alumni_base.tools.dashboard_json import dashboard_reads

    group = env.ref("usn_alumni_base.spreadsheet_dashboard_group_alumni")
    for dashboard in group.dashboard_ids.sorted("sequence"):
        reads = dashboard_reads(json.loads(dashboard.spreadsheet_data))
        for what, model, method, kwargs in reads:
            label = f"dashboard {dashboard.name}: {what}"[:59]
            for role, user in (("officer", officer), ("coordinator", coordinator)):
                user_env = env(user=user.id)
                if not user_env["spreadsheet.dashboard"].search_count([("id", "=", dashboard.id)]):
                    yield label, role, None, 0
                    continue
                extra = {"lazy": False} if method == "read_group" else {}
                times = []
                for _run in range(RUNS):
                    user_env.invalidate_all()
                    started = time.perf_counter()
                    result = getattr(user_env[model], method)(**kwargs, **extra)
                    times.append(time.perf_counter() - started)
                    env.cr.rollback()
                yield label, role, times, len(result)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument(
        "--timeline", type=int, default=1_000_000,
        help="timeline rows (with --population demo: in all, the demo's own included)",
    )  # fmt: skip
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--db", default=DB)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    common.add_population_arguments(parser, "--people")
    args = parser.parse_args()
    try:
        common.create_database(
            args.odoo_bin, args.addons_path, args.db, ["usn_alumni_base"],
            args.population, args.people, args.seed,
        )  # fmt: skip
        measure(args.db, args.addons_path, args.people, args.timeline, args.population)
    finally:
        if not args.keep:
            common.drop_database(args.odoo_bin, args.addons_path, args.db)


if __name__ == "__main__":
    main()
