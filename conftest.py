"""Project-wide pytest hooks: a skipped test counts as a failed one.

pytest-odoo skips HttpCase without ``--odoo-http`` and Odoo skips browser
tours when Chromium or websocket-client is missing; a skip here means
something was not tested, so the run fails.
"""

import pytest


def _skipped_reports(config):
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    return reporter.stats.get("skipped", []) if reporter else []


def pytest_sessionfinish(session, exitstatus):
    if _skipped_reports(session.config) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = _skipped_reports(config)
    if skipped:
        terminalreporter.write_line(
            f"FAILED: {len(skipped)} test(s) were skipped; "
            "a skipped test is a failed test in this project.",
            red=True,
            bold=True,
        )
