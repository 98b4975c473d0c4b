# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading many2many values as they come to create() and write()."""

from odoo.fields import Command


def linked_ids(commands):
    """The ids a many2many value links, in order and once each: plain ids
    and LINK and SET commands (what a form, the website or the ORM sends
    for a new record)."""
    ids = {}
    for command in commands or ():
        if isinstance(command, int):
            ids[command] = None
        elif command[0] == Command.LINK:
            ids[command[1]] = None
        elif command[0] == Command.SET:
            ids.update(dict.fromkeys(command[2]))
    return list(ids)
