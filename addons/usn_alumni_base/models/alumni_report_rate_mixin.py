# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.models import parse_read_group_spec
from odoo.tools import SQL


class AlumniReportRateMixin(models.AbstractModel):
    """Rates of an analysis that stay right when its rows are grouped.

    A report that inherits this declares ``_alumni_rates``: each rate field
    (a percentage) with the two counts of the report it is the share of.
    Grouped, a rate is its numerator's sum in percent of its denominator's
    sum (an empty group gives 0), not the sum or average of its rows' rates.
    """

    _name = "alumni.report.rate.mixin"
    _description = "Analysis with Rates"

    # {rate field: (numerator field, denominator field)}
    _alumni_rates = {}

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec != "__count":
            fname, __, func = parse_read_group_spec(aggregate_spec)
            if fname in self._alumni_rates and func in ("avg", "sum"):
                numerator, denominator = self._alumni_rates[fname]
                self.check_field_access_rights("read", [fname])
                return SQL(
                    "COALESCE(SUM(%s) * 100.0 / NULLIF(SUM(%s), 0), 0)",
                    self._field_to_sql(self._table, numerator, query),
                    self._field_to_sql(self._table, denominator, query),
                )
        return super()._read_group_select(aggregate_spec, query)
