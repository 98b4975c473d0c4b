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

Targets: >= 500 registrations/s (batches of 50 and 500), recipient list < 2 s.

    bash benchmarks/run-events-benchmark.sh [--registrations 5000] [--keep]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

DB = "bench_events"
PEOPLE = 100_000
CLASS_YEAR = 2015
CLASS_CONSENTING = 10_000
# People 1 .. CLASS_SIZE are the class; after the consenting ones, the three
# groups that must not be invited.
CLASS_WITHDRAWN = range(CLASS_CONSENTING + 1, CLASS_CONSENTING + 501)
CLASS_DECEASED = range(CLASS_CONSENTING + 501, CLASS_CONSENTING + 1001)
CLASS_BLACKLISTED = range(CLASS_CONSENTING + 1001, CLASS_CONSENTING + 1501)
CLASS_SIZE = CLASS_CONSENTING + 1500
BATCH_SIZES = (1, 50, 500)
# Known people registering are taken from here on, a slice per batch size.
FIRST_REGISTERING = 50_001


# ----------------------------------------------------------------------
# The measurement, in a process of its own (events_benchmark.py --measure)
# ----------------------------------------------------------------------


def _environment(db, addons_path):
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config([f"--addons-path={addons_path}", "--log-level=warn"])
    return odoo, Registry(db)


def store_people(env):
    """100,000 people, each with a completed enrolment, in a few statements."""
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
            "class_size": CLASS_SIZE,
            "year": CLASS_YEAR,
            "nursing": nursing.id,
            "other": other.id,
            "deceased_from": CLASS_DECEASED.start,
            "deceased_to": CLASS_DECEASED.stop - 1,
            "people": PEOPLE,
        },
    )
    ids = [row[0] for row in cr.fetchall()]
    first = ids[0]
    assert ids == list(range(first, first + PEOPLE)), "ids in generation order"
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
            "withdrawn_from": CLASS_WITHDRAWN.start,
            "withdrawn_to": CLASS_WITHDRAWN.stop - 1,
            "class_size": CLASS_SIZE,
            "people": PEOPLE,
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
        [CLASS_BLACKLISTED.start, CLASS_BLACKLISTED.stop - 1],
    )
    env.invalidate_all()
    cr.commit()
    for table in ("res_partner", "alumni_enrollment", "alumni_consent", "mail_blacklist"):
        cr.execute(f"ANALYZE {table}")
    return first, nursing


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


def registration_values(event, batch_size, count, offset):
    """The website form's values: half known people (their address written
    differently), half strangers, mixed within each batch."""
    rows = []
    for index in range(count):
        if index % 2 == 0:
            person = offset + index // 2
            address = f"person{person}@example.no"
            email = address.upper() if index % 4 == 0 else f"  {address}  "
            rows.append(
                {
                    "event_id": event.id,
                    "name": f"Person {person}",
                    "email": email,
                    "phone": f"+47 9{person:07d}",
                }
            )
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


def measure_registrations(env, programme, batch_size, count, offset):
    from odoo.addons.usn_alumni_base.tools import normalize

    event = create_open_day(env, f"Open Day, batches of {batch_size}", programme)
    rows = registration_values(event, batch_size, count, offset)
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


def measure_anchor(env, programme, batch_size, count, offset):
    """The anchor: Odoo's own ``event.registration.create()`` for the same
    number of registrations with the person already given (``partner_id``),
    so that nothing is matched and no one is created."""
    event = create_open_day(env, f"Open Day, people given, batches of {batch_size}", programme)
    env.cr.execute(
        "SELECT id, name, email, phone FROM res_partner WHERE email = ANY(%s)",
        [[f"person{offset + index}@example.no" for index in range(count)]],
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


def measure_invitation(env, nursing):
    reunion = env["event.event"].create(
        {
            "name": f"Nursing class of {CLASS_YEAR}",
            "date_begin": "2027-06-12 16:00:00",
            "date_end": "2027-06-12 23:00:00",
            "date_tz": "Europe/Oslo",
            "alumni_event_kind": "reunion",
            "alumni_programme_ids": [(6, 0, nursing.ids)],
            "alumni_cohort_from": CLASS_YEAR,
            "alumni_cohort_to": CLASS_YEAR,
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
        "class_size": CLASS_SIZE,
        "count": count,
        "recipients": len(recipients),
        "count_seconds": min(seconds for seconds, __ in count_runs),
        "count_queries": count_runs[-1][1],
        "list_seconds": min(seconds for seconds, __ in list_runs),
        "list_seconds_worst": max(seconds for seconds, __ in list_runs),
        "list_queries": list_runs[-1][1],
    }


def measure(db, addons_path, registrations):
    odoo, registry = _environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        __, nursing = store_people(env)
        setup_seconds = time.perf_counter() - start
        results = []
        for slot, batch_size in enumerate(BATCH_SIZES):
            # People are numbered from 1 in their names, addresses and phones.
            offset = FIRST_REGISTERING + slot * registrations
            results.append(measure_registrations(env, nursing, batch_size, registrations, offset))
        anchor = measure_anchor(
            env,
            nursing,
            BATCH_SIZES[-1],
            registrations,
            FIRST_REGISTERING + len(BATCH_SIZES) * registrations,
        )
        invitation = measure_invitation(env, nursing)
    return {
        "setup_seconds": setup_seconds,
        "registrations": results,
        "anchor": anchor,
        "invitation": invitation,
    }


# ----------------------------------------------------------------------
# The run
# ----------------------------------------------------------------------


def create_database(odoo_bin, addons_path, db):
    drop_database(odoo_bin, addons_path, db)
    subprocess.run(
        [odoo_bin, f"--addons-path={addons_path}", "-d", db, "-i", "usn_alumni_events",
         "--without-demo=all", "--stop-after-init", "--log-level=warn", "--http-port=0"],
        check=True,
    )  # fmt: skip


def drop_database(odoo_bin, addons_path, db):
    subprocess.run(
        [odoo_bin, "db", f"--addons-path={addons_path}", "drop", db],
        capture_output=True,
        check=False,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=5000, help="per batch size")
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--db", default=DB)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--measure", action="store_true")
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.db, args.addons_path, args.registrations)))
        return

    try:
        print(f"Creating {args.db}")
        create_database(args.odoo_bin, args.addons_path, args.db)
        print("Measuring")
        result = subprocess.run(
            [sys.executable, __file__, "--measure", "--db", args.db,
             "--addons-path", args.addons_path, "--registrations", str(args.registrations)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit("the measurement failed")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        if not args.keep:
            drop_database(args.odoo_bin, args.addons_path, args.db)
    report(figures)


def report(figures):
    print()
    print(f"{PEOPLE} people stored in {figures['setup_seconds']:.1f} s (SQL, not measured)")
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
        str(CLASS_CONSENTING),
        invitation["recipients"] == CLASS_CONSENTING == invitation["count"],
    )


def verdict(label, value, target, met):
    print(f"{label + ':':<40}{value!s:>10}   target {target:<10} {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
