# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models, tools
from odoo.tools import SQL


class AlumniSqlReportMixin(models.AbstractModel):
    """An analysis that is a database view: the model declares its fields
    and returns the view's query from ``_query()``; the view is (re)made
    when the addon is installed or updated."""

    _name = "alumni.sql.report.mixin"
    _description = "Analysis Stored as a View"
    _auto = False

    def init(self):
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """The view's query, as ``SQL``."""
        raise NotImplementedError
