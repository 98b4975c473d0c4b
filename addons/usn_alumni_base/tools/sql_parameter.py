# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A system parameter read inside an analysis's SQL."""

from odoo.tools import SQL


def parameter_number(key, default, whole=False):
    """SQL: the system parameter ``key`` as a number of zero or more (a
    whole number with ``whole``), ``default`` when it is not set or is not
    such a number."""
    if whole:
        return SQL(
            """COALESCE((SELECT CASE WHEN value ~ '^\\s*\\d+\\s*$' THEN trim(value)::int END
                           FROM ir_config_parameter WHERE key = %s), %s)""",
            key,
            default,
        )
    return SQL(
        """COALESCE((SELECT CASE WHEN value ~ '^\\s*\\d+(\\.\\d+)?\\s*$'
                                 THEN trim(value)::float END
                       FROM ir_config_parameter WHERE key = %s), %s)""",
        key,
        default,
    )
