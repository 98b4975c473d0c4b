# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The alumni network's directory under load, against Odoo's login page.

In a fresh database (``bench_network``) with usn_alumni_base and
usn_alumni_network installed (no demo data), stores straight in SQL (not
what is measured): 4 faculties of 5 programmes, 30 subjects, 100,000
network members with a completed enrolment, a city and, for 7 in 10, a
current job (one of 240 employers, an industry), of whom 40,000 agreed to
be listed in the directory (a quarter of them show their page to everyone);
the visibility of e-mail, employer and city varies from member to member.

Then starts Odoo with 2 workers and runs 8 concurrent clients, each logged
in as a member, for 60 s (after a warm-up of 10 s). Each client, in a
random order: directory searches with free text and two filters (city and
programme, graduation year and faculty, or industry and subject), member
pages of listed members, and Odoo's own ``/web/login`` page from a
visitor's session: the baseline, measured in the same run, under the same
load. Prints p50, p95 and errors of each.

With ``--population demo``, the database is the demo university of
``--members`` people (``odoo alumni-demo``; about a sixth of them are network
members, most of whom are listed), and what is added on top is: directory
consents for members not listed yet, up to ``--listed`` when it is given and
more than the demo's own; portal logins for 8 listed members; the filters'
values (cities, graduation years) taken from the members.

Targets: directory p95 at most 3 times the p95 of /web/login; no errors.

    bash benchmarks/run-network-benchmark.sh [--members 100000] [--listed 40000]
        [--clients 8] [--seconds 60] [--port 8269] [--population demo] [--keep]
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

DB = "bench_network"
PORT = 8269
FACULTIES = 4
PROGRAMMES_PER_FACULTY = 5
SUBJECTS = 30
CITIES = [
    "Bø", "Drammen", "Kongsberg", "Notodden", "Porsgrunn", "Horten", "Tønsberg", "Skien",
    "Oslo", "Bergen", "Trondheim", "Stavanger", "Larvik", "Sandefjord", "Arendal",
    "Kristiansand", "Hønefoss", "Lillehammer", "Hamar", "Fredrikstad",
]  # fmt: skip
FIRST_NAMES = [
    "Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Astrid", "Nils", "Marte", "Jonas",
    "Hanne", "Erik", "Silje", "Anders", "Ida", "Magnus", "Nora", "Henrik", "Emma", "Sander",
    "Thea", "Kristian", "Maja", "Martin", "Sofie", "Håkon", "Julie", "Eirik", "Tuva", "Sindre",
]  # fmt: skip
LAST_NAMES = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Bakken", "Solberg", "Eide", "Lunde",
    "Strand", "Dahl", "Moen", "Lie", "Aas", "Halvorsen", "Jacobsen", "Sæther",
]  # fmt: skip
EMPLOYER_STEMS = [
    "Sykehuset", "Kommune", "Consulting", "Energi", "Maritime", "Skole", "Bank", "Data",
    "Bygg", "Helse", "Media", "Teknologi",
]  # fmt: skip
EMPLOYERS = [f"{city} {stem}" for city in CITIES for stem in EMPLOYER_STEMS]  # 240
SEARCH_WORDS = ["kari", "Ola", "han", "sen", "Berg", "ing", "Lars", "Helse", "mar", "Data"]
MEMBERS_LOGGED_IN = 8
WARM_UP = 10


def store_network(db, addons_path, members, listed):
    """The university and its members, in SQL; returns what the clients
    need: the member logins, listed members' ids and the filter values."""
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        faculties = env["alumni.faculty"].create(
            [{"name": f"Faculty {index}", "code": f"NF{index}"} for index in range(FACULTIES)]
        )
        programmes = env["alumni.programme"].create(
            [
                {"code": f"NP{f}{p}", "name": f"Programme {f}.{p}", "faculty_id": faculty.id}
                for f, faculty in enumerate(faculties)
                for p in range(PROGRAMMES_PER_FACULTY)
            ]
        )
        subjects = env["alumni.interest"].create(
            [{"name": f"Subject {index}"} for index in range(SUBJECTS)]
        )
        campus = env["alumni.campus"].create({"name": "Campus Bench"})
        industries = env["res.partner.industry"].search([])
        purpose = env["alumni.consent.purpose"].search([("code", "=", "directory")])
        env.flush_all()
        params = {
            "members": members,
            "listed": listed,
            "programmes": programmes.ids,
            "faculties": [programme.faculty_id.id for programme in programmes],
            "subjects": subjects.ids,
            "industries": industries.ids,
            "campus": campus.id,
            "purpose": purpose.id,
            "cities": CITIES,
            "first_names": FIRST_NAMES,
            "last_names": LAST_NAMES,
            "employers": EMPLOYERS,
            "now": "2026-06-01 12:00:00",
        }
        cr.execute(
            """
            INSERT INTO res_partner (name, complete_name, email, city, active, type,
                                     is_company, lang, network_state, lifecycle_stage,
                                     max_mailings_per_month, is_deceased,
                                     visibility_profile, visibility_email, visibility_phone,
                                     visibility_employer, visibility_city, visibility_career,
                                     create_uid, write_uid, create_date, write_date)
            SELECT name, name, 'member' || i || '@bench.example',
                   (%(cities)s::varchar[])[1 + i * 7 %% 20], TRUE, 'contact', FALSE, 'en_US',
                   'member', 'alumnus', 4, FALSE,
                   CASE WHEN i %% 4 = 0 THEN 'public' ELSE 'members' END,
                   (ARRAY['nobody', 'members', 'public'])[1 + i %% 3], 'nobody',
                   (ARRAY['members', 'public', 'nobody'])[1 + i %% 3],
                   (ARRAY['public', 'members', 'nobody', 'members'])[1 + i %% 4],
                   (ARRAY['members', 'nobody'])[1 + i %% 2],
                   1, 1, %(now)s, %(now)s
              FROM (
                SELECT i, (%(first_names)s::varchar[])[1 + i %% 30] || ' '
                          || (%(last_names)s::varchar[])[1 + (i / 30) %% 25] AS name
                  FROM generate_series(0, %(members)s - 1) AS i
              ) AS person
            RETURNING id
            """,
            params,
        )
        ids = sorted(row[0] for row in cr.fetchall())
        params["first"] = ids[0]
        cr.execute(
            """
            UPDATE res_partner SET commercial_partner_id = id WHERE id >= %(first)s;

            CREATE TEMP TABLE bench_member AS
            SELECT p.id, p.id - %(first)s AS n,
                   (%(programmes)s::int[])[1 + (p.id - %(first)s) %% 20] AS programme_id,
                   (%(faculties)s::int[])[1 + (p.id - %(first)s) %% 20] AS faculty_id
              FROM res_partner p WHERE p.id >= %(first)s;

            INSERT INTO alumni_enrollment (partner_id, programme_id, faculty_id, campus_id,
                                           start_date, end_date, graduation_date, state,
                                           graduation_year,
                                           create_uid, write_uid, create_date, write_date)
            SELECT id, programme_id, faculty_id, %(campus)s,
                   make_date(1997 + n %% 25, 8, 15), make_date(2000 + n %% 25, 6, 15),
                   make_date(2000 + n %% 25, 6, 15), 'completed', 2000 + n %% 25,
                   1, 1, %(now)s, %(now)s
              FROM bench_member;
            UPDATE res_partner p SET graduation_year = 2000 + m.n %% 25
              FROM bench_member m WHERE m.id = p.id;

            INSERT INTO alumni_career_position (partner_id, employer_name, industry_id, title,
                                                source, start_date, is_current,
                                                create_uid, write_uid, create_date, write_date)
            SELECT id, (%(employers)s::varchar[])[1 + n * 13 %% 240],
                   (%(industries)s::int[])[1 + n %% cardinality(%(industries)s::int[])],
                   'Adviser', 'self', make_date(2010 + n %% 15, 1, 1), TRUE,
                   1, 1, %(now)s, %(now)s
              FROM bench_member WHERE n %% 10 < 7;

            INSERT INTO res_partner_alumni_interest_rel (partner_id, interest_id)
            SELECT id, (%(subjects)s::int[])[1 + n %% 30] FROM bench_member WHERE n %% 2 = 0
            UNION
            SELECT id, (%(subjects)s::int[])[1 + n * 7 %% 30] FROM bench_member WHERE n %% 3 = 0;

            -- listed: 2 members in 5, spread over the population
            INSERT INTO alumni_consent (partner_id, purpose_id, state, source, wording_version,
                                        is_current, date,
                                        create_uid, write_uid, create_date, write_date)
            SELECT id, %(purpose)s, 'given', 'portal', '1', TRUE, %(now)s,
                   1, 1, %(now)s, %(now)s
              FROM bench_member WHERE n %% 5 < 2 AND n < %(listed)s * 5 / 2;
            """,
            params,
        )
        for table in (
            "res_partner",
            "alumni_enrollment",
            "alumni_career_position",
            "res_partner_alumni_interest_rel",
            "alumni_consent",
        ):
            cr.execute(f"ANALYZE {table}")
        cr.execute(
            "SELECT partner_id FROM alumni_consent WHERE purpose_id = %s ORDER BY partner_id",
            [purpose.id],
        )
        listed_ids = [row[0] for row in cr.fetchall()]
        data = {
            "logins": create_logins(env, listed_ids),
            "listed": listed_ids,
            "programmes": programmes.ids,
            "faculties": faculties.ids,
            "subjects": subjects.ids,
            "industries": industries.ids,
            "cities": CITIES,
            "years": list(range(2000, 2025)),
        }
        cr.commit()
        return data, [f"{members} members ({listed} listed) stored"]


def complete_demo(db, addons_path, listed):
    """On the demo university: directory consents for members not listed
    yet, up to ``listed`` (None: the demo's own), and the clients' logins;
    returns what the clients need and what was added."""
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        purpose = env["alumni.consent.purpose"].search([("code", "=", "directory")])
        listed_query = """
            SELECT partner_id FROM alumni_consent
             WHERE purpose_id = %s AND is_current AND state = 'given' ORDER BY partner_id
        """
        cr.execute(listed_query, [purpose.id])
        before = len(cr.fetchall())
        cr.execute(
            """
            INSERT INTO alumni_consent (partner_id, purpose_id, state, source, wording_version,
                                        is_current, date,
                                        create_uid, write_uid, create_date, write_date)
            SELECT p.id, %(purpose)s, 'given', 'portal', %(wording)s, TRUE,
                   now() at time zone 'utc', 1, 1, now() at time zone 'utc',
                   now() at time zone 'utc'
              FROM res_partner p
             WHERE p.network_state = 'member' AND NOT EXISTS (
                   SELECT 1 FROM alumni_consent c
                    WHERE c.partner_id = p.id AND c.purpose_id = %(purpose)s AND c.is_current)
             ORDER BY p.id
             LIMIT %(missing)s
            """,
            {
                "purpose": purpose.id,
                "wording": purpose.wording_version or "1",
                "missing": max((listed or 0) - before, 0),
            },
        )
        added = cr.rowcount
        for table in ("res_partner", "alumni_consent"):
            cr.execute(f"ANALYZE {table}")
        cr.execute(listed_query, [purpose.id])
        listed_ids = [row[0] for row in cr.fetchall()]
        # Members who have no login yet log in as the clients.
        cr.execute("SELECT partner_id FROM res_users WHERE partner_id = ANY(%s)", [listed_ids])
        with_login = {row[0] for row in cr.fetchall()}
        cr.execute(
            """
            SELECT DISTINCT city FROM res_partner
             WHERE network_state = 'member' AND city IS NOT NULL ORDER BY city
            """
        )
        cities = [row[0] for row in cr.fetchall()] or CITIES
        cr.execute(
            """
            SELECT DISTINCT graduation_year FROM res_partner
             WHERE network_state = 'member' AND graduation_year > 0 ORDER BY 1
            """
        )
        years = [row[0] for row in cr.fetchall()] or list(range(2000, 2025))
        lines = common.population_lines(env)
        data = {
            "logins": create_logins(env, [i for i in listed_ids if i not in with_login]),
            "listed": listed_ids,
            "programmes": env["alumni.programme"].search([]).ids,
            "faculties": env["alumni.faculty"].search([]).ids,
            "subjects": env["alumni.interest"].search([]).ids,
            "industries": env["res.partner.industry"].search([]).ids,
            "cities": cities,
            "years": years,
        }
        cr.commit()
    lines.append(
        f"added on top: {added} directory consents ({len(listed_ids)} members listed, "
        f"{before} by the demo), {len(data['logins'])} portal logins for the clients"
    )
    return data, lines


def create_logins(env, partner_ids):
    """Portal logins (password: the login) for the first listed members."""
    portal = env.ref("base.group_portal")
    logins = []
    for index, partner_id in enumerate(partner_ids[:MEMBERS_LOGGED_IN]):
        login = f"bench_member_{index}"
        env["res.users"].with_context(no_reset_password=True).create(
            {
                "login": login,
                "password": login,
                "partner_id": partner_id,
                "groups_id": [(6, 0, portal.ids)],
            }
        )
        logins.append(login)
    return logins


def start_server(odoo_bin, addons_path, db, port, workers):
    server = subprocess.Popen(
        [odoo_bin, f"--addons-path={addons_path}", "-d", db, f"--db-filter=^{db}$",
         f"--workers={workers}", "--max-cron-threads=0", f"--http-port={port}",
         f"--gevent-port={port + 1}", "--log-level=warn", "--limit-time-real=300",
         "--limit-time-cpu=300", "--limit-memory-soft=4294967296",
         "--limit-memory-hard=6442450944"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    import requests

    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/web/login", timeout=30).ok:
                return server
        except requests.RequestException:
            pass
        time.sleep(1)
    server.kill()
    raise SystemExit("Odoo did not answer on /web/login within 120 s")


def _login(base, login):
    import requests

    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base}/web/login",
        data={"login": login, "password": login, "csrf_token": token, "redirect": "/my"},
        timeout=60,
    )
    if "/web/login" in response.url:
        raise SystemExit(f"{login} could not log in")
    return session


class Client(threading.Thread):
    """One browser: a member's session for the network, a visitor's for the
    login page; requests in a random order until the deadline."""

    def __init__(self, base, login, data, seed, start_at, stop_at):
        super().__init__(daemon=True)
        self.base, self.data = base, data
        self.random = random.Random(seed)
        self.member = _login(base, login)
        import requests

        self.visitor = requests.Session()
        self.start_at, self.stop_at = start_at, stop_at
        self.samples = []  # (kind, seconds, error)

    def _directory_url(self):
        pick, data = self.random, self.data
        params = {"search": pick.choice(SEARCH_WORDS)}
        pair = pick.randrange(3)
        if pair == 0:
            params.update(
                city=pick.choice(data["cities"]), programme_id=pick.choice(data["programmes"])
            )
        elif pair == 1:
            params.update(
                graduation_year=pick.choice(data["years"]),
                faculty_id=pick.choice(data["faculties"]),
            )
        else:
            params.update(
                industry=pick.choice(data["industries"]), interest_id=pick.choice(data["subjects"])
            )
        return f"{self.base}/alumni/directory?{urllib.parse.urlencode(params)}"

    def run(self):
        while time.time() < self.stop_at:
            draw = self.random.random()
            if draw < 0.4:
                kind, session, url = "directory", self.member, self._directory_url()
            elif draw < 0.8:
                member = self.random.choice(self.data["listed"])
                kind, session, url = (
                    "member page",
                    self.member,
                    f"{self.base}/alumni/member/{member}",
                )
            else:
                kind, session, url = "/web/login", self.visitor, f"{self.base}/web/login"
            began = time.time()
            error = None
            try:
                response = session.get(url, timeout=120, allow_redirects=False)
                if response.status_code != 200:
                    error = f"HTTP {response.status_code}"
            except Exception as exc:  # every failure counts as an error here
                error = type(exc).__name__
            if began >= self.start_at:
                self.samples.append((kind, time.time() - began, error))


def _percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_clients(base, data, clients, seconds):
    start_at = time.time() + WARM_UP
    stop_at = start_at + seconds
    threads = [
        Client(base, data["logins"][index % len(data["logins"])], data, index, start_at, stop_at)
        for index in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [sample for thread in threads for sample in thread.samples]


def report(samples, population, clients, seconds, workers, setup_seconds):
    print()
    for line in population:
        print(line)
    print(
        f"set up in {setup_seconds:.0f} s (not measured); "
        f"Odoo with {workers} workers; {clients} clients for {seconds} s"
    )
    print()
    print(f"{'':<14}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>8}")
    figures = {}
    for kind in ("directory", "member page", "/web/login"):
        rows = [sample for sample in samples if sample[0] == kind]
        latencies = [sample[1] for sample in rows]
        errors = [sample[2] for sample in rows if sample[2]]
        p50, p95 = _percentile(latencies, 0.50), _percentile(latencies, 0.95)
        figures[kind] = (p95, len(errors))
        print(
            f"{kind:<14}{len(rows):>9}{len(errors):>8}{p50 * 1000:>9.0f}{p95 * 1000:>9.0f}"
            f"{len(rows) / seconds:>8.1f}"
        )
        if errors:
            print(f"    errors: {sorted(set(errors))}")
    baseline = figures["/web/login"][0]
    print()
    verdicts = []
    for kind in ("directory", "member page"):
        ratio = figures[kind][0] / baseline
        met = ratio <= 3
        if kind == "directory":
            verdicts.append(met)
        print(
            f"{kind} p95 / /web/login p95: {ratio:.2f}   target <= 3   "
            f"{'met' if met else 'NOT met'}{'' if kind == 'directory' else ' (not a target)'}"
        )
    errors = sum(count for __, count in figures.values())
    verdicts.append(errors == 0)
    print(f"errors: {errors}   target 0   {'met' if errors == 0 else 'NOT met'}")
    return all(verdicts)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--members", type=int, default=100_000,
        help="network members (with --population demo: the generator's size, people)",
    )  # fmt: skip
    parser.add_argument(
        "--listed", type=int,
        help="members listed in the directory (default 40000; with --population demo, "
        "the demo's own, and more are added up to this number when it is given)",
    )  # fmt: skip
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60, help="measured duration")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--port", type=int, default=PORT, help="Odoo's HTTP port (the next one: its gevent port)"
    )
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--db", default=DB)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    common.add_population_arguments(parser, "--members")
    args = parser.parse_args()
    if args.population == "sql" and args.listed is None:
        args.listed = 40_000
    if args.population == "sql" and args.listed > args.members:
        raise SystemExit("--listed cannot be more than --members")

    common.create_database(
        args.odoo_bin, args.addons_path, args.db, ["usn_alumni_base", "usn_alumni_network"],
        args.population, args.members, args.seed,
    )  # fmt: skip
    server = None
    try:
        started = time.time()
        if args.population == "demo":
            data, population = complete_demo(args.db, args.addons_path, args.listed)
        else:
            data, population = store_network(args.db, args.addons_path, args.members, args.listed)
        if not data["logins"]:
            raise SystemExit("no listed member to log in as")
        setup_seconds = time.time() - started
        print(f"Starting Odoo with {args.workers} workers on port {args.port}")
        server = start_server(args.odoo_bin, args.addons_path, args.db, args.port, args.workers)
        print(f"Measuring: {WARM_UP} s of warm-up, then {args.seconds} s")
        samples = run_clients(f"http://127.0.0.1:{args.port}", data, args.clients, args.seconds)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        if not args.keep:
            common.drop_database(args.odoo_bin, args.addons_path, args.db)
    met = report(samples, population, args.clients, args.seconds, args.workers, setup_seconds)
    print(f"median of all requests: {statistics.median(s[1] for s in samples) * 1000:.0f} ms")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
