#!/usr/bin/env python3
"""Builds an addon's README.rst from its manifest and its readme/ fragments.

    gen_addon_readme.py ADDON_DIR [ADDON_DIR ...]          write README.rst
    gen_addon_readme.py --check ADDON_DIR [ADDON_DIR ...]  fail if out of date

The fragments (readme/DESCRIPTION.md, CONFIGURE.md, USAGE.md, CONTRIBUTORS.md)
are written in the subset of Markdown that is also valid reStructuredText:
paragraphs, ``-`` bullet lists and ``code`` spans.
"""

import argparse
import ast
import sys
from pathlib import Path

SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def _heading(text, char):
    return f"{text}\n{char * len(text)}\n"


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
    title = manifest["name"]
    parts = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        f"*{manifest['summary']}*",
        "",
        f"Version {manifest['version']}, license {manifest['license']}, "
        f"maintained by {', '.join(manifest['maintainers'])}.",
        "",
    ]
    for filename, heading in SECTIONS:
        fragment = addon / "readme" / filename
        if not fragment.is_file():
            continue
        if heading:
            parts.append(_heading(heading, "="))
        parts.append(fragment.read_text(encoding="utf-8").strip() + "\n")
    parts.append(_heading("Credits", "="))
    parts.append(f"Authors: {manifest['author']}.\n")
    parts.append(f"This module is part of {manifest['website']}.\n")
    return "\n".join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    parser.add_argument("addons", nargs="+", type=Path)
    args = parser.parse_args(argv)
    stale = []
    for addon in args.addons:
        target = addon / "README.rst"
        text = render(addon)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(str(target))
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print(
            "out of date, run scripts/gen_addon_readme.py on: " + " ".join(stale),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
