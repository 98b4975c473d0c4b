# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import engine against Odoo's Model.load(), measured in one run.

Generates an export of the Norwegian layout (one person and one enrolment
per row), then, each in a fresh database with usn_alumni_base installed:

  (a) imports it with the suite's import engine, then imports it again;
  (b) imports it with Odoo's own Model.load(): people, then enrolments,
      2,000 rows a call, as the base_import screen does.

With ``--population demo``, the export is the demo university generator's
own (tools/demo_population.py of usn_alumni_base, ``--rows`` being its size
in people, ``--seed`` its seed): the FS export of the Norwegian students and
the Osiris export of the Dutch ones, one row per enrolment (a master after
the bachelor is a second row), as ``odoo alumni-demo`` writes them before it
imports them; the engine imports both files, load() reads both.

Prints rows per second, the ratios against the targets (engine >= 5x load(),
re-import >= 3x the first import and creating nothing) and the peak memory of
each run. Every measurement runs in a process of its own.

    bash benchmarks/run-import-benchmark.sh [--rows 100000] [--population demo] [--keep]
"""

import argparse
import base64
import datetime
import importlib.util
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402 (next to this file)

LOAD_BATCH = 2000
FACULTIES = [
    "Fakultet for helse- og sosialvitenskap",
    "Fakultet for humaniora, idretts- og utdanningsvitenskap",
    "Fakultet for teknologi, naturvitenskap og maritime fag",
    "Handelshøyskolen",
]
PROGRAMMES = [(f"PRG{i:02d}", f"Studieprogram {i}", FACULTIES[i % 4]) for i in range(24)]
CAMPUSES = [
    "Bø",
    "Drammen",
    "Kongsberg",
    "Notodden",
    "Porsgrunn",
    "Rauland",
    "Ringerike",
    "Vestfold",
]
SCHOOLS = [f"Videregående skole {i}" for i in range(40)]
FIRST = ["Åse", "Bjørn", "Kari", "Ola", "Ingrid", "Lars", "Nora", "Per", "Siri", "Tor"]
LAST = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Ødegård"]
HEADER = [
    "Studentnr", "Fornavn", "Etternavn", "Fødselsdato", "E-post", "Mobil",
    "Studieprogramkode", "Studieprogram", "Fakultet", "Campus", "Startdato", "Sluttdato",
    "Status", "Snittkarakter", "Videregående skole", "Avgangsår vgs",
]  # fmt: skip


def generate(path, rows):
    """An .xlsx export of `rows` students in the Norwegian layout, written as
    spreadsheet programs write it (shared strings, the sheet's dimension)."""
    import xlsxwriter

    rng = random.Random(20261122)
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Studenter")
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, ["Eksport fra FS", "2026-11-22"])
    sheet.write_row(2, 0, HEADER)
    for i in range(rows):
        code, name, faculty = PROGRAMMES[i % len(PROGRAMMES)]
        start = datetime.datetime(2000 + i % 25, 8, 15)
        status = ("aktiv", "fullført", "sluttet")[i % 3]
        end = None if status == "aktiv" else start + datetime.timedelta(days=3 * 365)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        row = 3 + i
        sheet.write_row(
            row, 0,
            [
                str(300000 + i), first, last, None,
                f"student{i}@example.no", f"9{i:07d}",
                code, name, faculty, CAMPUSES[i % len(CAMPUSES)], None, None, status,
                f"{2 + (i % 30) / 10:.1f}".replace(".", ","),
                SCHOOLS[i % len(SCHOOLS)], 1990 + i % 30,
            ],
        )  # fmt: skip
        sheet.write_datetime(row, 3, datetime.datetime(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                             date_format)  # fmt: skip
        sheet.write_datetime(row, 10, start, date_format)
        if end:
            sheet.write_datetime(row, 11, end, date_format)
    workbook.close()


def demo_population_module(addons_path):
    """tools/demo_population.py of usn_alumni_base, loaded from the addons
    path (plain Python: no Odoo needed to write the exports)."""
    for folder in addons_path.split(","):
        path = Path(folder) / "usn_alumni_base" / "tools" / "demo_population.py"
        if path.exists():
            spec = importlib.util.spec_from_file_location("demo_population", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit("usn_alumni_base/tools/demo_population.py is not in the addons path")


def generate_demo(data_dir, addons_path, size, seed):
    """The demo university's FS and Osiris exports of ``size`` people, as
    the generator writes them (DemoPopulation.export_csv()): their paths."""
    # The population depends on the day (ages, stages): one pair of files a day.
    stem = f"demo_{size}_{seed}_{datetime.date.today():%Y%m%d}"
    paths = {dutch: data_dir / f"{stem}_{'osiris' if dutch else 'fs'}.csv"
             for dutch in (False, True)}  # fmt: skip
    if not any(path.exists() for path in paths.values()):
        print(f"Generating the demo university's exports of {size} people (seed {seed})")
        population = demo_population_module(addons_path).DemoPopulation(size, seed=seed)
        for dutch, path in paths.items():
            export = population.export_csv(dutch=dutch)
            if export:
                path.write_bytes(export[1])
    return [path for path in paths.values() if path.exists()]


def catalogue(population, addons_path):
    """(faculty names, [(programme code, name, faculty name)], campuses) the
    export refers to, which load() expects to exist."""
    if population == "demo":
        module = demo_population_module(addons_path)
        faculty = dict(module.FACULTIES)
        return (
            list(faculty.values()),
            [(code, name, faculty[fac]) for code, name, fac, *__ in module.PROGRAMMES],
            module.CAMPUSES,
        )
    return FACULTIES, PROGRAMMES, CAMPUSES


# ----------------------------------------------------------------------
# Measurements, each in its own process (python import_benchmark.py --measure)
# ----------------------------------------------------------------------


def measure_engine(db, addons_path, files, population):
    odoo, registry = common.environment(db, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        jobs = env["alumni.import.job"].create(
            [
                {"file": base64.b64encode(Path(path).read_bytes()), "filename": Path(path).name}
                for path in files
            ]
        )
        cr.commit()
        start = time.perf_counter()
        for job in jobs:
            job.action_run()
            cr.commit()
        seconds = time.perf_counter() - start
        return {
            "seconds": seconds,
            "created": sum(jobs.mapped("created_count")),
            "updated": sum(jobs.mapped("updated_count")),
            "unchanged": sum(jobs.mapped("unchanged_count")),
            "errors": sum(jobs.mapped("error_count")),
        }


def _cell(convert, value, *args):
    """The converted cell as load() takes it: text, empty when blank or
    unreadable (as the engine leaves a number it cannot read)."""
    try:
        return str(convert(value, *args)) if value not in (None, "") else ""
    except ValueError:
        return ""


def measure_load(db, addons_path, files, population):
    odoo, registry = common.environment(db, addons_path)
    from odoo.addons.usn_alumni_base.tools import normalize
    from odoo.addons.usn_alumni_base.tools.spreadsheet import read_rows

    faculty_names, programme_list, campus_names = catalogue(population, addons_path)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        # The reference data exists beforehand: load() does not create it.
        data = env["ir.model.data"]
        faculties = {name: env["alumni.faculty"].create({"name": name}) for name in faculty_names}
        for code, name, faculty in programme_list:
            programme = env["alumni.programme"].create(
                {"code": code, "name": name, "faculty_id": faculties[faculty].id}
            )
            data.create(
                {
                    "module": "bench",
                    "name": f"programme_{code}",
                    "model": programme._name,
                    "res_id": programme.id,
                }
            )
        for index, name in enumerate(campus_names):
            campus = env["alumni.campus"].create({"name": name})
            data.create(
                {
                    "module": "bench",
                    "name": f"campus_{index}",
                    "model": campus._name,
                    "res_id": campus.id,
                }
            )
        cr.commit()

        start = time.perf_counter()
        people, enrollments = {}, []
        status = {
            "aktiv": "active", "fullført": "completed", "sluttet": "withdrawn",
            "actief": "active", "afgestudeerd": "completed", "gestopt": "withdrawn",
        }  # fmt: skip
        for path in files:
            region, header_seen = "NO", False
            for __, cells in read_rows(Path(path).read_bytes(), Path(path).name):
                if not header_seen:
                    # The header row: FS (Studentnr) or Osiris (Studentnummer).
                    header_seen = cells[:1] in (["Studentnr"], ["Studentnummer"])
                    region = "NL" if cells[:1] == ["Studentnummer"] else "NO"
                    continue
                if not any(cells):
                    continue
                number = normalize.text(cells[0])
                people[number] = [
                    f"bench.student_{number}", f"{cells[1]} {cells[2]}", number,
                    _cell(normalize.email, cells[4]), _cell(normalize.phone, cells[5], region),
                    normalize.date(cells[3]).isoformat(),
                ]  # fmt: skip
                enrollments.append(
                    [
                        f"bench.student_{number}", f"bench.programme_{cells[6]}",
                        f"bench.campus_{campus_names.index(cells[9])}",
                        normalize.date(cells[10]).isoformat(),
                        normalize.date(cells[11]).isoformat() if cells[11] else "",
                        status[cells[12]], _cell(normalize.grade, cells[13]),
                    ]
                )  # fmt: skip
        people = list(people.values())
        Partner = env["res.partner"].with_context(tracking_disable=True)
        Enrollment = env["alumni.enrollment"].with_context(tracking_disable=True)
        errors = 0
        for i in range(0, len(people), LOAD_BATCH):
            result = Partner.load(
                ["id", "name", "student_number", "email", "phone", "birth_date"],
                people[i : i + LOAD_BATCH],
            )
            errors += sum(1 for m in result["messages"] if m.get("type") == "error")
        for i in range(0, len(enrollments), LOAD_BATCH):
            result = Enrollment.load(
                [
                    "partner_id/id",
                    "programme_id/id",
                    "campus_id/id",
                    "start_date",
                    "end_date",
                    "state",
                    "final_grade",
                ],
                enrollments[i : i + LOAD_BATCH],
            )
            errors += sum(1 for m in result["messages"] if m.get("type") == "error")
        cr.commit()
        seconds = time.perf_counter() - start
        return {
            "seconds": seconds,
            "created": len(people),
            "enrolments": len(enrollments),
            "errors": errors,
        }


MEASURES = {"engine": measure_engine, "load": measure_load}


def run_measure(kind, db, addons_path, files, population):
    args = ["--measure", kind, "--db", db, "--addons-path", addons_path]
    args += ["--population", population, *(f"--file={path}" for path in files)]
    return common.run_measure(__file__, args, f"the {kind} measurement")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rows", type=int, default=100_000,
        help="rows of the synthetic export; with --population demo, the generator's size "
        "(people: the exports have a row per enrolment of those who studied)",
    )  # fmt: skip
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument(
        "--db-prefix", default="usn_bench", help="the databases' names begin with this"
    )
    common.add_population_arguments(parser, "--rows")
    parser.add_argument("--measure", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--file", action="append", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        result = MEASURES[args.measure](args.db, args.addons_path, args.file, args.population)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return

    data_dir = HERE / ".data"
    data_dir.mkdir(exist_ok=True)
    if args.population == "demo":
        files = generate_demo(data_dir, args.addons_path, args.rows, args.seed)
    else:
        files = [data_dir / f"fs_students_{args.rows}_v2.xlsx"]
        if not files[0].exists():
            print(f"Generating {files[0].name}")
            generate(files[0], args.rows)
    # The CSV exports have a header line, then a line per row.
    rows = (
        sum(len(path.read_bytes().splitlines()) - 1 for path in files)
        if args.population == "demo"
        else args.rows
    )
    suffix = os.getpid()
    db_engine, db_load = (f"{args.db_prefix}_{kind}_{suffix}" for kind in ("engine", "load"))
    odoo_bin, addons_path = args.odoo_bin, args.addons_path
    try:
        for db in (db_engine, db_load):
            common.create_database(odoo_bin, addons_path, db, ["usn_alumni_base"])
        print("Importing with the engine")
        first = run_measure("engine", db_engine, addons_path, files, args.population)
        print("Importing the same files again")
        again = run_measure("engine", db_engine, addons_path, files, args.population)
        print("Importing with Model.load()")
        load = run_measure("load", db_load, addons_path, files, args.population)
    finally:
        if not args.keep:
            for db in (db_engine, db_load):
                common.drop_database(odoo_bin, addons_path, db)

    rate = {name: rows / result["seconds"] for name, result in
            (("engine", first), ("reimport", again), ("load", load))}  # fmt: skip
    print()
    if args.population == "demo":
        print(
            f"the demo university of {args.rows} people (seed {args.seed}): "
            + ", ".join(path.name for path in files)
            + f", {rows} rows (one enrolment each) of {load['created']} people"
        )
    else:
        print(f"{rows} rows, one person and one enrolment each")
    print(f"{'run':<28}{'seconds':>10}{'rows/s':>10}{'peak MB':>10}  outcome")
    for label, result, key in (
        ("(a) engine, first import", first, "engine"),
        ("(a) engine, re-import", again, "reimport"),
        ("(b) Model.load()", load, "load"),
    ):
        outcome = ", ".join(
            f"{k} {v}" for k, v in result.items() if k not in ("seconds", "peak_rss_mb")
        )
        seconds, peak_mb = result["seconds"], result["peak_rss_mb"]
        print(f"{label:<28}{seconds:>10.1f}{rate[key]:>10.0f}{peak_mb:>10.0f}  {outcome}")
    ratio_load = rate["engine"] / rate["load"]
    ratio_again = rate["reimport"] / rate["engine"]
    peak = max(first["peak_rss_mb"], again["peak_rss_mb"])
    print()
    verdict("engine / load()", f"{ratio_load:.1f}x", ">= 5x", ratio_load >= 5)
    verdict("re-import / first import", f"{ratio_again:.1f}x", ">= 3x", ratio_again >= 3)
    verdict("re-import created", again["created"], "0", again["created"] == 0)
    verdict("engine peak memory", f"{peak:.0f} MB", "< 1536 MB", peak < 1536)


def verdict(label, value, target, met):
    print(f"{label + ':':<27}{value!s:>10}   target {target:<10} {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
