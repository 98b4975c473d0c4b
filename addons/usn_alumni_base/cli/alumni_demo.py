# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``odoo alumni-demo -d DB [--size N] [--seed S]``: the demo university.

Creates the database when it does not exist, installs the suite's four
addons where they are missing, and generates the demo university of N
people (see tools/demo_population.py) in one transaction. Running it again
with the same size adds nothing; a larger size adds the people missing.
"""

import optparse
import sys
import time
from pathlib import Path

import odoo
from odoo.cli.command import Command
from odoo.service import db as db_service
from odoo.tools import config

from ..models.alumni_demo import DEFAULT_SEED
from ..tools.demo_population import DemoProgress

SUITE_ADDONS = ["usn_alumni_base", "usn_alumni_events", "usn_alumni_evu", "usn_alumni_network"]


class AlumniDemo(Command):
    """Create or fill a database with the USN Alumni demo university"""

    name = "alumni-demo"

    def run(self, cmdargs):
        parser = config.parser
        parser.prog = f"{Path(sys.argv[0]).name} {self.name}"
        group = optparse.OptionGroup(parser, "Demo university")
        group.add_option(
            "--size", dest="demo_size", type="int", default=10000,
            help="number of people (default 10000)",
        )  # fmt: skip
        group.add_option(
            "--seed", dest="demo_seed", type="int", default=DEFAULT_SEED,
            help=f"seed of the random draw (default {DEFAULT_SEED}): the same size and seed "
            "give the same people",
        )  # fmt: skip
        parser.add_option_group(group)
        if not any(arg.startswith("--log-level") for arg in cmdargs):
            cmdargs = ["--log-level=warn", *cmdargs]
        opt = config.parse_config(cmdargs, setup_logging=True)
        db = config["db_name"]
        if not db or "," in db:
            sys.exit("alumni-demo: give one database with -d DB")
        if opt.demo_size < 1:
            sys.exit("alumni-demo: --size must be at least 1")
        started = time.monotonic()
        out = sys.stderr
        new = not db_service.exp_db_exist(db)
        if new:
            out.write(f"Creating database {db}\n")
            db_service._create_empty_database(db)
            config["without_demo"] = "all"
            config["init"]["base"] = True
        registry = odoo.modules.registry.Registry.new(db, update_module=new)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            modules = env["ir.module.module"].search([("name", "in", SUITE_ADDONS)])
            missing = set(SUITE_ADDONS) - set(modules.mapped("name"))
            if missing:
                sys.exit(f"alumni-demo: not in the addons path: {', '.join(sorted(missing))}")
            to_install = modules.filtered(lambda m: m.state != "installed")
            if to_install:
                out.write(f"Installing {', '.join(to_install.mapped('name'))} in {db}\n")
                out.flush()
                to_install.button_immediate_install()
        registry = odoo.modules.registry.Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            try:
                env["alumni.demo"]._alumni_demo_run(opt.demo_size, seed=opt.demo_seed, stream=out)
            except (odoo.exceptions.UserError, ImportError) as error:
                cr.rollback()
                sys.exit(f"alumni-demo: {error}")
            # The command's own transaction: the university is stored whole or not at all.
            cr.commit()  # pylint: disable=invalid-commit
            progress = DemoProgress(out)
            stages = env["alumni.demo"]._alumni_demo_summary()
            progress.note(
                "people per stage: "
                + ", ".join(f"{stage} {count:,}" for stage, count in sorted(stages.items()))
            )
            progress.note(f"done in {time.monotonic() - started:.0f} s")
            out.write("\nDemo logins (login / password):\n")
            out.write("  admin / admin  Administrator (unless its password was changed)\n")
            for login, password, who in env["alumni.demo"]._alumni_demo_logins():
                out.write(f"  {login} / {password}  {who}\n")
            out.flush()
