# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the benchmarks share: the population option, the fresh database
(installed addons, or the demo university of ``odoo alumni-demo``), the
measurement in a process of its own, and the population's counts."""

import json
import subprocess
import sys

POPULATIONS = ("sql", "demo")
DEMO_SEED = 2026
POPULATION_HELP = (
    "where the people come from: 'sql' (default) stores the benchmark's own synthetic "
    "population straight in SQL; 'demo' creates the database with the demo university "
    "generator (odoo alumni-demo --size N, N being {size}) and adds on top, set-wise, "
    "only what the benchmark needs beyond it (printed with the population's counts)"
)


def add_population_arguments(parser, size_option):
    """``--population sql|demo`` and ``--seed``, the generator's seed."""
    parser.add_argument(
        "--population",
        choices=POPULATIONS,
        default="sql",
        help=POPULATION_HELP.format(size=size_option),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEMO_SEED,
        help=f"with --population demo: the generator's seed (default {DEMO_SEED})",
    )


def drop_database(odoo_bin, addons_path, db):
    subprocess.run(
        [odoo_bin, "db", f"--addons-path={addons_path}", "drop", db],
        capture_output=True,
        check=False,
    )


def create_database(odoo_bin, addons_path, db, addons, population="sql", size=None, seed=None):
    """A fresh ``db``: ``addons`` installed without demo data, or (population
    ``demo``) the demo university of ``size`` people, the suite's four addons
    installed by the generator."""
    drop_database(odoo_bin, addons_path, db)
    if population == "demo":
        print(f"Creating {db} with the demo university of {size:,} people (seed {seed})")
        subprocess.run(
            [odoo_bin, f"--addons-path={addons_path}", "alumni-demo", "-d", db,
             f"--size={size}", f"--seed={seed}", "--log-level=warn", "--http-port=0"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        return
    print(f"Creating {db}")
    subprocess.run(
        [odoo_bin, f"--addons-path={addons_path}", "-d", db, "-i", ",".join(addons),
         "--without-demo=all", "--stop-after-init", "--log-level=warn", "--http-port=0"],
        check=True,
    )  # fmt: skip


def run_measure(script, args, what="the measurement"):
    """Runs ``python script args`` (the measurement, in a process of its
    own) and returns the JSON of the last line it printed."""
    result = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{what} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def environment(db, addons_path):
    """Odoo, configured for ``addons_path``, and the registry of ``db``."""
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config([f"--addons-path={addons_path}", "--log-level=warn"])
    return odoo, Registry(db)


def _count(cr, query):
    cr.execute(query)
    return cr.fetchone()[0]


def _has_table(cr, table):
    cr.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
    return cr.fetchone()[0]


def required_partner_defaults(env, columns):
    """The columns of res_partner that are NOT NULL without a database
    default and are not in ``columns`` (e.g. the network's visibilities,
    when its addon is installed), with the ORM's default of each: what an
    INSERT of people in SQL must give besides ``columns``."""
    env.cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = 'res_partner' AND is_nullable = 'NO' AND column_default IS NULL
           AND column_name <> ALL(%s)
        """,
        [list(columns)],
    )
    names = [row[0] for row in env.cr.fetchall()]
    defaults = env["res.partner"].default_get(names)
    return {name: defaults.get(name) for name in names}


def population_lines(env):
    """What the database holds, as lines to print: people per stage,
    enrolments, timeline rows, consents, members, offers, events."""
    cr = env.cr
    env.flush_all()
    cr.execute(
        """
        SELECT COALESCE(lifecycle_stage, 'none'), COUNT(*) FROM res_partner
         WHERE NOT is_company AND active AND id NOT IN (SELECT partner_id FROM res_users)
         GROUP BY 1 ORDER BY 1
        """
    )
    stages = cr.fetchall()
    people = sum(count for __, count in stages)
    consents = "SELECT COUNT(*) FROM alumni_consent WHERE is_current AND state = 'given'"
    lines = [
        f"people: {people:,} (" + ", ".join(f"{stage} {count:,}" for stage, count in stages) + ")",
        f"enrolments: {_count(cr, 'SELECT COUNT(*) FROM alumni_enrollment'):,}; "
        f"timeline rows: {_count(cr, 'SELECT COUNT(*) FROM alumni_lifecycle_event'):,}; "
        f"current consents given: {_count(cr, consents):,}",
    ]
    more = []
    if _has_table(cr, "alumni_evu_offer"):
        cr.execute("SELECT state, COUNT(*) FROM alumni_evu_offer GROUP BY 1 ORDER BY 1")
        offers = ", ".join(f"{state} {count}" for state, count in cr.fetchall())
        more.append(f"continuing-education offers: {offers or 'none'}")
    if _has_table(cr, "alumni_network_group"):
        members = _count(cr, "SELECT COUNT(*) FROM res_partner WHERE network_state = 'member'")
        more.append(f"network members: {members:,}")
    if _has_table(cr, "event_registration"):
        more.append(
            f"events: {_count(cr, 'SELECT COUNT(*) FROM event_event')}, registrations: "
            f"{_count(cr, 'SELECT COUNT(*) FROM event_registration'):,}"
        )
    if more:
        lines.append("; ".join(more))
    return lines
