"""Static checks of the suite, as the OCA runs them: pylint-odoo, ruff, and
the module checks of oca-odoo-pre-commit-hooks. Each must report nothing."""

import subprocess
import sys
from pathlib import Path

import pytest
from docutils.core import publish_doctree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))
PYTHON_SOURCES = ["addons", "tests", "scripts", "benchmarks", "conftest.py"]


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _bin(name):
    return str(Path(sys.executable).parent / name)


def _assert_clean(result):
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output


def test_there_are_four_addons():
    assert [a.name for a in ADDONS] == [
        "usn_alumni_base",
        "usn_alumni_events",
        "usn_alumni_evu",
        "usn_alumni_network",
    ]


def test_ruff_lint():
    _assert_clean(_run("ruff", "check", "--no-cache", *_existing(PYTHON_SOURCES)))


def test_ruff_format():
    _assert_clean(_run("ruff", "format", "--check", "--no-cache", *_existing(PYTHON_SOURCES)))


def test_pylint_odoo():
    _assert_clean(_run("pylint", "--rcfile=.pylintrc", "--output-format=text", *map(str, ADDONS)))


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_oca_module_checks(addon):
    result = subprocess.run(
        [_bin("oca-checks-odoo-module"), str(addon)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    _assert_clean(result)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_oca_po_checks(addon):
    po_files = sorted(str(p) for p in (addon / "i18n").glob("*.po*"))
    if not po_files:
        pytest.fail(f"{addon.name} ships no translation files in i18n/")
    result = subprocess.run(
        [_bin("oca-checks-po"), *po_files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    _assert_clean(result)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_readme_is_generated_from_fragments(addon):
    result = _run_script("gen_addon_readme.py", "--check", str(addon))
    _assert_clean(result)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_readme_is_valid_restructuredtext(addon):
    """Odoo renders README.rst on the app's page, where a problem docutils
    finds shows as an error box."""
    source = (addon / "README.rst").read_text(encoding="utf-8")
    document = publish_doctree(source, settings_overrides={"report_level": 5})
    problems = [node.astext() for node in document.findall() if node.tagname == "system_message"]
    assert not problems, problems


def _run_script(name, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _existing(paths):
    return [p for p in paths if (ROOT / p).exists()]
