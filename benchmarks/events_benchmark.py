# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Event registrations and invitations at the size of the university.

In a fresh database with usn_alumni_events installed (no demo data):

  (a) stores 100,000 people with their enrolments straight in SQL (not what
      is measured), among them a class of 11,500 graduates of one programme
      in one year: 10,000 who agreed to event invitations, 500 who withdrew
      that consent, 500 deceased and 500 whose address is blacklisted;
  (b) registers people for an Open Day through the ORM as the website's form
      does (``event.registration`` created as superuser from name, e-mail and
      phone, one transaction per batch), half known people whose address is
      written differently (upper case, spaces around it), half strangers,
      in batches of 1, 50 and 500 (one Open Day per batch size, without
      Odoo's confirmation e-mail and its PDF badge); prints
      registrations per second and the queries per batch, of the whole
      create() and of the matching of the batch to people alone;
      as anchor, Odoo's own create() of as many registrations in batches
      of 500 with the person given (nothing matched, no one created);
  (c) invites the class to its reunion: the wizard's count of recipients
      and the mailing's recipient list (``mailing._get_recipients()``),
      timed.

With ``--population demo``, the database is the demo university of
``--people`` people (``odoo alumni-demo``, all four addons): the known people
who register are the demo's people with an e-mail address, and what is added
on top, in SQL, is the reunion class (b's Nursing programme of the demo,
class of 2005, before the demo's first cohort): a tenth of ``--people``
who agreed to event invitations (at most 10,000), and a twentieth of that
each who withdrew, died or are blacklisted. ``--people`` also sizes the SQL
population (default 100,000; the class as above).

Targets: >= 500 registrations/s (batches of 50 and 500), recipient list < 2 s.

    bash benchmarks/run-events-benchmark.sh [--registrations 5000] [--people 100000]
        [--population demo] [--keep]
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

DB = "bench_events"
PEOPLE = 100_000
CLASS_YEAR = 2015
# The demo's cohorts are the last ten years: its reunion class is older.
DEMO_CLASS_YEAR = 2005
DEMO_CLASS_PROGRAMME = "BSYKE"
BATCH_SIZES = (1, 50, 500)


def class_plan(people):
    """The reunion class of a population of ``people``: people 1 .. size;
    after the consenting ones (a tenth of the population, at most 10,000),
    the three groups that must not be invited, a twentieth of that each."""
    consenting = max(min(people // 10, 10_000), 20)
    group = consenting // 20
    return {
        "consenting": consenting,
        "withdrawn": range(consenting + 1, consenting + group + 1),
        "deceased": range(consenting + group + 1, consenting + 2 * group + 1),
        "blacklisted": range(consenting + 2 * group + 1, consenting + 3 * group + 1),
        "size": consenting + 3 * group,
    }


# ----------------------------------------------------------------------
# The measurement, in a process of its own (events_benchmark.py --measure)
# ----------------------------------------------------------------------


def store_people(env, people, plan):
    """``people`` people, each with a completed enrolment, in a few statements."""
    cr = env.cr
    faculty = env["alumni.faculty"].create({"name": "Faculty of Health"})
    campus = env["alumni.campus"].create({"name": "Bø"})
    nursing, other = env["alumni.programme"].create(
        [
            {"code": "BSYK", "name": "Bachelor in Nursing", "faculty_id": faculty.id},
            {"code": "BVPL", "name": "Bachelor in Child Care", "faculty_id": faculty.id},
        ]
    )
    purpose = env["alumni.consent.purpose"].search([("code", "=", "event_invitation")])
    mailings = env["res.partner"]._default_max_mailings_per_month()
    env.flush_all()
    # The class graduated in CLASS_YEAR from Nursing; the others in other
    # years, or from the other programme.
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, email, email_normalized, phone,
                                 phone_sanitized, active, type, is_company, lang,
                                 network_state, max_mailings_per_month, lifecycle_stage,
                                 graduation_year, alumni_programme_id, is_deceased,
                                 create_uid, write_uid, create_date, write_date)
        SELECT 'Person ' || i, 'Person ' || i, 'person' || i || '@example.no',
               'person' || i || '@example.no', '+479' || lpad(i::text, 7, '0'),
               '+479' || lpad(i::text, 7, '0'), TRUE, 'contact', FALSE, 'en_US', 'none',
               %(mailings)s, 'alumnus',
               CASE WHEN i <= %(class_size)s THEN %(year)s
                    ELSE 2000 + i %% 25 + (CASE WHEN 2000 + i %% 25 >= %(year)s THEN 1 ELSE 0 END)
               END,
               CASE WHEN i <= %(class_size)s OR i %% 2 = 0 THEN %(nursing)s ELSE %(other)s END,
               i BETWEEN %(deceased_from)s AND %(deceased_to)s,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
        RETURNING id
        """,
        {
            "mailings": mailings,
            "class_size": plan["size"],
            "year": CLASS_YEAR,
            "nursing": nursing.id,
            "other": other.id,
            "deceased_from": plan["deceased"].start,
            "deceased_to": plan["deceased"].stop - 1,
            "people": people,
        },
    )
    ids = [row[0] for row in cr.fetchall()]
    first = ids[0]
    assert ids == list(range(first, first + people)), "ids in generation order"
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id >= %s", [first])
    cr.execute(
        """
        INSERT INTO alumni_enrollment (partner_id, programme_id, faculty_id, campus_id,
                                       start_date, end_date, graduation_date, state,
                                       graduation_year, create_uid, write_uid,
                                       create_date, write_date)
        SELECT p.id, p.alumni_programme_id, %(faculty)s, %(campus)s,
               make_date(p.graduation_year - 3, 8, 15), make_date(p.graduation_year, 6, 15),
               make_date(p.graduation_year, 6, 15), 'completed', p.graduation_year,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM res_partner p
         WHERE p.id >= %(first)s
        """,
        {"faculty": faculty.id, "campus": campus.id, "first": first},
    )
    # The consenting class, every other one of the others, and the class's
    # withdrawn (an answer given, then a withdrawal that is current).
    cr.execute(
        """
        INSERT INTO alumni_consent (partner_id, purpose_id, state, source, date,
                                    is_current, wording_version,
                                    create_uid, write_uid, create_date, write_date)
        SELECT %(first)s + i - 1, %(purpose)s, 'given', 'import',
               timestamp '2025-01-01 12:00',
               NOT (i BETWEEN %(withdrawn_from)s AND %(withdrawn_to)s),
               %(wording)s, 1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(1, %(people)s) AS i
         WHERE i <= %(class_size)s OR i %% 2 = 0
        UNION ALL
        SELECT %(first)s + i - 1, %(purpose)s, 'withdrawn', 'portal',
               timestamp '2025-06-01 12:00', TRUE,
               %(wording)s, 1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(%(withdrawn_from)s, %(withdrawn_to)s) AS i
        """,
        {
            "first": first,
            "purpose": purpose.id,
            "wording": purpose.wording_version,
            "withdrawn_from": plan["withdrawn"].start,
            "withdrawn_to": plan["withdrawn"].stop - 1,
            "class_size": plan["size"],
            "people": people,
        },
    )
    cr.execute(
        """
        INSERT INTO mail_blacklist (email, active, create_uid, write_uid,
                                    create_date, write_date)
        SELECT 'person' || i || '@example.no', TRUE, 1, 1,
               now() at time zone 'utc', now() at time zone 'utc'
          FROM generate_series(%s, %s) AS i
        """,
        [plan["blacklisted"].start, plan["blacklisted"].stop - 1],
    )
    env.invalidate_all()
    cr.commit()
    for table in ("res_partner", "alumni_enrollment", "alumni_consent", "mail_blacklist"):
        cr.execute(f"ANALYZE {table}")
    # People are numbered from 1 in their names, addresses and phones; the
    # known people who register are the second half.
    known = [
        (f"Person {n}", f"person{n}@example.no", f"+47 9{n:07d}")
        for n in range(people // 2 + 1, people + 1)
    ]
    return nursing, known, [f"{people} people stored"]


def add_reunion_class(env, programme, year, plan):
    """On the demo university: the reunion class of ``plan``, graduates of
    ``programme`` in ``year``, in a few statements."""
    cr = env.cr
    faculty = programme.faculty_id
    campus = env["alumni.campus"].search([], limit=1)
    purpose = env["alumni.consent.purpose"].search([("code", "=", "event_invitation")])
    env.flush_all()
    params = {
        "mailings": env["res.partner"]._default_max_mailings_per_month(),
        "size": plan["size"],
        "consenting": plan["consenting"],
        "year": year,
        "programme": programme.id,
        "faculty": faculty.id,
        "campus": campus.id,
        "purpose": purpose.id,
        "wording": purpose.wording_version,
        "withdrawn_from": plan["withdrawn"].start,
        "withdrawn_to": plan["withdrawn"].stop - 1,
        "deceased_from": plan["deceased"].start,
        "deceased_to": plan["deceased"].stop - 1,
        "blacklisted_from": plan["blacklisted"].start,
        "blacklisted_to": plan["blacklisted"].stop - 1,
    }
    columns = [
        "id", "name", "complete_name", "email", "email_normalized", "active", "type",
        "is_company", "lang", "network_state", "max_mailings_per_month", "lifecycle_stage",
        "graduation_year", "alumni_programme_id", "is_deceased", "create_uid", "write_uid",
        "create_date", "write_date",
    ]  # fmt: skip
    extra = common.required_partner_defaults(env, columns)
    params.update({f"extra_{name}": value for name, value in extra.items()})
    extra_columns = "".join(f", {name}" for name in extra)
    extra_values = "".join(f", %(extra_{name})s" for name in extra)
    cr.execute(
        f"""
        CREATE TEMP TABLE bench_class AS
        SELECT i, 'reunion' || i || '@example.no' AS email FROM generate_series(1, %(size)s) i;

        INSERT INTO res_partner (name, complete_name, email, email_normalized, active, type,
                                 is_company, lang, network_state, max_mailings_per_month,
                                 lifecycle_stage, graduation_year, alumni_programme_id,
                                 is_deceased, create_uid, write_uid, create_date, write_date
                                 {extra_columns})
        SELECT 'Reunion ' || i, 'Reunion ' || i, email, email, TRUE, 'contact', FALSE,
               'en_US', 'none', %(mailings)s, 'alumnus', %(year)s, %(programme)s,
               i BETWEEN %(deceased_from)s AND %(deceased_to)s,
               1, 1, now() at time zone 'utc', now() at time zone 'utc' {extra_values}
          FROM bench_class;
        ALTER TABLE bench_class ADD COLUMN partner_id int;
        UPDATE bench_class c SET partner_id = p.id FROM res_partner p WHERE p.email = c.email;
        UPDATE res_partner SET commercial_partner_id = id
         WHERE id IN (SELECT partner_id FROM bench_class);

        INSERT INTO alumni_enrollment (partner_id, programme_id, faculty_id, campus_id,
                                       start_date, end_date, graduation_date, state,
                                       graduation_year, create_uid, write_uid,
                                       create_date, write_date)
        SELECT partner_id, %(programme)s, %(faculty)s, %(campus)s,
               make_date(%(year)s - 3, 8, 15), make_date(%(year)s, 6, 15),
               make_date(%(year)s, 6, 15), 'completed', %(year)s,
               1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM bench_class;

        INSERT INTO alumni_consent (partner_id, purpose_id, state, source, date,
                                    is_current, wording_version,
                                    create_uid, write_uid, create_date, write_date)
        SELECT partner_id, %(purpose)s, 'given', 'import', timestamp '2025-01-01 12:00',
               NOT (i BETWEEN %(withdrawn_from)s AND %(withdrawn_to)s),
               %(wording)s, 1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM bench_class WHERE i <= %(consenting)s OR i BETWEEN %(withdrawn_from)s
                                                            AND %(withdrawn_to)s
        UNION ALL
        SELECT partner_id, %(purpose)s, 'withdrawn', 'portal', timestamp '2025-06-01 12:00',
               TRUE, %(wording)s, 1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM bench_class WHERE i BETWEEN %(withdrawn_from)s AND %(withdrawn_to)s;

        INSERT INTO mail_blacklist (email, active, create_uid, write_uid,
                                    create_date, write_date)
        SELECT email, TRUE, 1, 1, now() at time zone 'utc', now() at time zone 'utc'
          FROM bench_class WHERE i BETWEEN %(blacklisted_from)s AND %(blacklisted_to)s;
        """,
        params,
    )
    env.invalidate_all()
    cr.commit()
    for table in ("res_partner", "alumni_enrollment", "alumni_consent", "mail_blacklist"):
        cr.execute(f"ANALYZE {table}")


def complete_demo(env, plan):
    """On the demo university: the reunion class added; the known people
    who register are the demo's people with an e-mail address."""
    programme = env["alumni.programme"].search([("code", "=", DEMO_CLASS_PROGRAMME)])
    lines = common.population_lines(env)
    add_reunion_class(env, programme, DEMO_CLASS_YEAR, plan)
    lines.append(
        f"added on top: the reunion class of {plan['size']} ({programme.name}, "
        f"{DEMO_CLASS_YEAR}): {plan['consenting']} who agreed to event invitations, "
        f"{len(plan['withdrawn'])} withdrawn, {len(plan['deceased'])} deceased, "
        f"{len(plan['blacklisted'])} blacklisted"
    )
    env.cr.execute(
        """
        SELECT name, email, phone FROM res_partner
         WHERE email LIKE '%%@demo.usn.example' AND NOT is_company AND active
         ORDER BY id
        """
    )
    known = env.cr.fetchall()
    lines.append(f"known people who register: from the {len(known)} of the demo with an e-mail")
    return programme, known, lines


def create_open_day(env, name, programme):
    event = env["event.event"].create(
        {
            "name": name,
            "date_begin": "2027-03-13 08:00:00",
            "date_end": "2027-03-13 14:00:00",
            "date_tz": "Europe/Oslo",
            "alumni_event_kind": "open_day",
            "alumni_programme_ids": [(6, 0, programme.ids)],
            # Odoo's confirmation e-mail renders a PDF badge per registration
            # (wkhtmltopdf, about a second each): not what is measured here.
            "event_mail_ids": [(5, 0, 0)],
        }
    )
    env.cr.commit()
    return event


def registration_values(event, batch_size, count, known, offset):
    """The website form's values: half known people (``known``: (name,
    e-mail, phone), from ``offset`` on; their address written differently),
    half strangers, mixed within each batch."""
    rows = []
    for index in range(count):
        if index % 2 == 0:
            name, address, phone = known[(offset + index // 2) % len(known)]
            email = address.upper() if index % 4 == 0 else f"  {address}  "
            rows.append({"event_id": event.id, "name": name, "email": email, "phone": phone})
        else:
            stranger = f"{batch_size}x{index}"
            rows.append(
                {
                    "event_id": event.id,
                    "name": f"Stranger {stranger}",
                    "email": f"stranger.{stranger}@example.org",
                    "phone": f"+47 4{(batch_size * 100_000 + index) % 10_000_000:07d}",
                }
            )
    return rows


def measure_registrations(env, programme, batch_size, count, known, offset):
    from odoo.addons.usn_alumni_base.tools import normalize

    event = create_open_day(env, f"Open Day, batches of {batch_size}", programme)
    rows = registration_values(event, batch_size, count, known, offset)
    Registration = env["event.registration"].sudo()
    Partner = env["res.partner"].sudo()
    cr = env.cr
    # The matching alone, for one batch: the queries to find its people.
    batch = rows[:batch_size]
    contacts = [
        {
            "email": normalize.email(vals["email"]),
            "phone": normalize.phone(vals["phone"], "NO"),
            "student_number": None,
        }
        for vals in batch
    ]
    env.invalidate_all()
    before = cr.sql_log_count
    found = Partner._alumni_match_people(contacts)
    matching_queries = cr.sql_log_count - before
    matched = sum(1 for person in found if person)
    cr.rollback()

    queries = []
    start = time.perf_counter()
    for index in range(0, len(rows), batch_size):
        env.invalidate_all()
        before = cr.sql_log_count
        Registration.create(rows[index : index + batch_size])
        env.flush_all()
        queries.append(cr.sql_log_count - before)
        cr.commit()
    seconds = time.perf_counter() - start
    cr.execute(
        """
        SELECT COUNT(*), COUNT(DISTINCT partner_id),
               COUNT(*) FILTER (WHERE partner.create_date < %s)
          FROM event_registration reg
          JOIN res_partner partner ON partner.id = reg.partner_id
         WHERE reg.event_id = %s
        """,
        [event.create_date, event.id],
    )
    stored, people, known = cr.fetchone()
    return {
        "batch_size": batch_size,
        "registrations": len(rows),
        "seconds": seconds,
        "per_second": len(rows) / seconds,
        "queries_per_batch": {
            "min": min(queries),
            "median": statistics.median(queries),
            "max": max(queries),
        },
        "matching_queries_per_batch": matching_queries,
        "matching_found": f"{matched}/{len(batch)}",
        "stored": stored,
        "people": people,
        "known_people": known,
    }


def measure_anchor(env, programme, batch_size, count, known, offset):
    """The anchor: Odoo's own ``event.registration.create()`` for the same
    number of registrations with the person already given (``partner_id``),
    so that nothing is matched and no one is created."""
    event = create_open_day(env, f"Open Day, people given, batches of {batch_size}", programme)
    env.cr.execute(
        "SELECT id, name, email, phone FROM res_partner WHERE email = ANY(%s)",
        [[known[(offset + index) % len(known)][1] for index in range(count)]],
    )
    rows = [
        {"event_id": event.id, "partner_id": pid, "name": name, "email": email, "phone": phone}
        for pid, name, email, phone in env.cr.fetchall()
    ]
    Registration = env["event.registration"].sudo()
    cr = env.cr
    start = time.perf_counter()
    for index in range(0, len(rows), batch_size):
        env.invalidate_all()
        Registration.create(rows[index : index + batch_size])
        env.flush_all()
        cr.commit()
    seconds = time.perf_counter() - start
    return {
        "batch_size": batch_size,
        "registrations": len(rows),
        "seconds": seconds,
        "per_second": len(rows) / seconds,
    }


def measure_invitation(env, nursing, year, plan):
    reunion = env["event.event"].create(
        {
            "name": f"Nursing class of {year}",
            "date_begin": "2027-06-12 16:00:00",
            "date_end": "2027-06-12 23:00:00",
            "date_tz": "Europe/Oslo",
            "alumni_event_kind": "reunion",
            "alumni_programme_ids": [(6, 0, nursing.ids)],
            "alumni_cohort_from": year,
            "alumni_cohort_to": year,
        }
    )
    wizard = env["alumni.event.invite.wizard"].create({"event_id": reunion.id})
    cr = env.cr
    count_runs = []
    for _run in range(3):
        env.invalidate_all()
        before, start = cr.sql_log_count, time.perf_counter()
        count = wizard.recipient_count
        count_runs.append((time.perf_counter() - start, cr.sql_log_count - before))
    mailing = env["mailing.mailing"].browse(wizard.action_create_mailing()["res_id"])
    cr.commit()
    list_runs = []
    for _run in range(3):
        env.invalidate_all()
        before, start = cr.sql_log_count, time.perf_counter()
        recipients = mailing._get_recipients()
        list_runs.append((time.perf_counter() - start, cr.sql_log_count - before))
    return {
        "class_size": plan["size"],
        "consenting": plan["consenting"],
        "count": count,
        "recipients": len(recipients),
        "count_seconds": min(seconds for seconds, __ in count_runs),
        "count_queries": count_runs[-1][1],
        "list_seconds": min(seconds for seconds, __ in list_runs),
        "list_seconds_worst": max(seconds for seconds, __ in list_runs),
        "list_queries": list_runs[-1][1],
    }


def measure(db, addons_path, registrations, people, population):
    odoo, registry = common.environment(db, addons_path)
    plan = class_plan(people)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        if population == "demo":
            nursing, known, lines = complete_demo(env, plan)
            year = DEMO_CLASS_YEAR
        else:
            nursing, known, lines = store_people(env, people, plan)
            year = CLASS_YEAR
        setup_seconds = time.perf_counter() - start
        results = []
        for slot, batch_size in enumerate(BATCH_SIZES):
            offset = slot * registrations
            results.append(
                measure_registrations(env, nursing, batch_size, registrations, known, offset)
            )
        anchor = measure_anchor(
            env, nursing, BATCH_SIZES[-1], registrations, known,
            len(BATCH_SIZES) * registrations,
        )  # fmt: skip
        invitation = measure_invitation(env, nursing, year, plan)
    return {
        "population": lines,
        "setup_seconds": setup_seconds,
        "registrations": results,
        "anchor": anchor,
        "invitation": invitation,
    }


# ----------------------------------------------------------------------
# The run
# ----------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--registrations", type=int, default=5000, help="per batch size")
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--db", default=DB)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    common.add_population_arguments(parser, "--people")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        figures = measure(
            args.db, args.addons_path, args.registrations, args.people, args.population
        )
        print(json.dumps(figures))
        return

    try:
        common.create_database(
            args.odoo_bin, args.addons_path, args.db, ["usn_alumni_events"],
            args.population, args.people, args.seed,
        )  # fmt: skip
        print("Measuring")
        figures = common.run_measure(
            __file__,
            ["--measure", "--db", args.db, "--addons-path", args.addons_path,
             "--registrations", str(args.registrations), "--people", str(args.people),
             "--population", args.population],
        )  # fmt: skip
    finally:
        if not args.keep:
            common.drop_database(args.odoo_bin, args.addons_path, args.db)
    report(figures)


def report(figures):
    print()
    for line in figures["population"]:
        print(line)
    print(f"set up in {figures['setup_seconds']:.1f} s (SQL, not measured)")
    print()
    print("(b) registrations for an Open Day, half known people, half strangers")
    print(
        f"{'batch':>6}{'rows':>7}{'seconds':>9}{'rows/s':>8}"
        f"{'queries/batch (min/median/max)':>33}{'matching queries':>18}  outcome"
    )
    for row in figures["registrations"]:
        q = row["queries_per_batch"]
        queries = f"{q['min']}/{q['median']:g}/{q['max']}"
        outcome = (
            f"{row['stored']} stored, {row['people']} people, {row['known_people']} known; "
            f"matched {row['matching_found']}"
        )
        print(
            f"{row['batch_size']:>6}{row['registrations']:>7}{row['seconds']:>9.1f}"
            f"{row['per_second']:>8.0f}{queries:>33}{row['matching_queries_per_batch']:>18}  "
            f"{outcome}"
        )
    anchor = figures["anchor"]
    suite = figures["registrations"][-1]
    print(
        f"anchor: Odoo's create() with the person given, batches of {anchor['batch_size']}: "
        f"{anchor['registrations']} in {anchor['seconds']:.1f} s, {anchor['per_second']:.0f}/s; "
        f"the suite's registrations (matching, prospects) at "
        f"{suite['per_second'] / anchor['per_second']:.0%} of it"
    )
    invitation = figures["invitation"]
    print()
    print(f"(c) invitation of a class of {invitation['class_size']} to its reunion")
    print(
        f"wizard count: {invitation['count']} in {invitation['count_seconds']:.3f} s, "
        f"{invitation['count_queries']} queries"
    )
    print(
        f"recipient list: {invitation['recipients']} in {invitation['list_seconds']:.3f} s "
        f"(worst of 3: {invitation['list_seconds_worst']:.3f} s), "
        f"{invitation['list_queries']} queries"
    )
    print()
    for row in figures["registrations"]:
        if row["batch_size"] > 1:
            verdict(
                f"registrations/s, batches of {row['batch_size']}",
                f"{row['per_second']:.0f}",
                ">= 500",
                row["per_second"] >= 500,
            )
    verdict(
        "recipient list",
        f"{invitation['list_seconds']:.2f} s",
        "< 2 s",
        invitation["list_seconds"] < 2,
    )
    verdict(
        "recipients are the consenting",
        invitation["recipients"],
        str(invitation["consenting"]),
        invitation["recipients"] == invitation["consenting"] == invitation["count"],
    )


def verdict(label, value, target, met):
    print(f"{label + ':':<40}{value!s:>10}   target {target:<10} {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
