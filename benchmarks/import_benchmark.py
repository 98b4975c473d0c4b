# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import engine against Odoo's Model.load(), measured in one run.

Generates an export of the Norwegian layout (one person and one enrolment
per row), then, each in a fresh database with usn_alumni_base installed:

  (a) imports it with the suite's import engine, then imports it again;
  (b) imports it with Odoo's own Model.load(): people, then enrolments,
      2,000 rows a call, as the base_import screen does.

Prints rows per second, the ratios against the targets (engine >= 5x load(),
re-import >= 3x the first import and creating nothing) and the peak memory of
each run. Every measurement runs in a process of its own.

    bash benchmarks/run-import-benchmark.sh [--rows 100000] [--keep]
"""

import argparse
import base64
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
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


# ----------------------------------------------------------------------
# Measurements, each in its own process (python import_benchmark.py --measure)
# ----------------------------------------------------------------------


def _environment(db, addons_path):
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config([f"--addons-path={addons_path}", "--log-level=warn"])
    registry = Registry(db)
    return odoo, registry


def measure_engine(db, addons_path, file_path):
    odoo, registry = _environment(db, addons_path)
    content = Path(file_path).read_bytes()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        job = env["alumni.import.job"].create(
            {"file": base64.b64encode(content), "filename": Path(file_path).name}
        )
        cr.commit()
        start = time.perf_counter()
        job.action_run()
        cr.commit()
        seconds = time.perf_counter() - start
        return {
            "seconds": seconds,
            "created": job.created_count,
            "updated": job.updated_count,
            "unchanged": job.unchanged_count,
            "errors": job.error_count,
        }


def measure_load(db, addons_path, file_path):
    odoo, registry = _environment(db, addons_path)
    from odoo.addons.usn_alumni_base.tools import normalize
    from odoo.addons.usn_alumni_base.tools.spreadsheet import read_rows

    content = Path(file_path).read_bytes()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        # The reference data exists beforehand: load() does not create it.
        data = env["ir.model.data"]
        faculties = {name: env["alumni.faculty"].create({"name": name}) for name in FACULTIES}
        for code, name, faculty in PROGRAMMES:
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
        for index, name in enumerate(CAMPUSES):
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
        people, enrollments = [], []
        status = {"aktiv": "active", "fullført": "completed", "sluttet": "withdrawn"}
        for line, cells in read_rows(content, Path(file_path).name):
            if line <= 3 or not any(cells):
                continue
            number = normalize.text(cells[0])
            people.append(
                [
                    f"bench.student_{number}", f"{cells[1]} {cells[2]}", number,
                    normalize.email(cells[4]), normalize.phone(cells[5], "NO"),
                    normalize.date(cells[3]).isoformat(),
                ]
            )  # fmt: skip
            end = normalize.date(cells[11]).isoformat() if cells[11] else ""
            enrollments.append(
                [
                    f"bench.student_{number}", f"bench.programme_{cells[6]}",
                    f"bench.campus_{CAMPUSES.index(cells[9])}",
                    normalize.date(cells[10]).isoformat(), end, status[cells[12]],
                    str(normalize.grade(cells[13])),
                ]
            )  # fmt: skip
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
        return {"seconds": seconds, "created": len(people), "errors": errors}


MEASURES = {"engine": measure_engine, "load": measure_load}


def run_measure(kind, db, addons_path, file_path):
    result = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--db", db,
         "--addons-path", addons_path, "--file", str(file_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"the {kind} measurement failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def create_database(odoo_bin, addons_path, db):
    subprocess.run(
        [odoo_bin, "db", f"--addons-path={addons_path}", "drop", db],
        capture_output=True,
        check=False,
    )
    subprocess.run(
        [odoo_bin, f"--addons-path={addons_path}", "-d", db, "-i", "usn_alumni_base",
         "--without-demo=all", "--stop-after-init", "--log-level=warn"],
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
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--odoo-bin", default=os.environ.get("ODOO_BIN", "odoo"))
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--measure", choices=sorted(MEASURES))
    parser.add_argument("--db")
    parser.add_argument("--file")
    args = parser.parse_args()

    if args.measure:
        result = MEASURES[args.measure](args.db, args.addons_path, args.file)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return

    data_dir = HERE / ".data"
    data_dir.mkdir(exist_ok=True)
    file_path = data_dir / f"fs_students_{args.rows}_v2.xlsx"
    if not file_path.exists():
        print(f"Generating {file_path.name}")
        generate(file_path, args.rows)
    suffix = os.getpid()
    db_engine, db_load = f"usn_bench_engine_{suffix}", f"usn_bench_load_{suffix}"
    try:
        for db in (db_engine, db_load):
            print(f"Creating {db}")
            create_database(args.odoo_bin, args.addons_path, db)
        print("Importing with the engine")
        first = run_measure("engine", db_engine, args.addons_path, file_path)
        print("Importing the same file again")
        again = run_measure("engine", db_engine, args.addons_path, file_path)
        print("Importing with Model.load()")
        load = run_measure("load", db_load, args.addons_path, file_path)
    finally:
        if not args.keep:
            for db in (db_engine, db_load):
                drop_database(args.odoo_bin, args.addons_path, db)

    rows = args.rows
    rate = {name: rows / result["seconds"] for name, result in
            (("engine", first), ("reimport", again), ("load", load))}  # fmt: skip
    print()
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
