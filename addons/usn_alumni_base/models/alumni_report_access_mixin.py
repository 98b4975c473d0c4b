# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.models import parse_read_group_spec
from odoo.osv import expression


class AlumniReportAccessMixin(models.AbstractModel):
    """An analysis that answers empty, never with an error, when asked about
    a field the user may not read.

    Some fields of an analysis are for some roles only (``groups=``): who is
    behind a funnel's figures is for officers. A faculty coordinator who
    opens a favourite an officer shared, grouped or filtered on such a field
    (directly or through a path such as ``partner_id.name``), or sorted by
    it, gets no rows instead of an error page. Nothing else changes: the
    record rules still decide which rows anyone sees.
    """

    _name = "alumni.report.access.mixin"
    _description = "Analysis Confined to Readable Fields"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if self._alumni_domain_names_hidden_field(domain) or self._alumni_order_names_hidden_field(
            order
        ):
            return super()._search(expression.FALSE_DOMAIN, offset, limit)
        return super()._search(domain, offset, limit, order)

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        if (
            self._alumni_domain_names_hidden_field(domain)
            or self._alumni_order_names_hidden_field(order)
            or any(
                self._alumni_path_is_hidden(parse_read_group_spec(spec)[0])
                for spec in (*groupby, *aggregates)
                if spec != "__count"
            )
        ):
            # As for any domain that matches nothing: no group, or one row
            # of empty values when there is no grouping.
            domain, having, order = expression.FALSE_DOMAIN, (), None
        return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)

    @api.model
    def _alumni_path_is_hidden(self, path, model=None):
        """Whether a field along ``path`` (``field`` or ``field.subfield...``,
        from ``model``, this analysis by default) is one the user may not
        read. An unknown name is left for the ORM to refuse."""
        model = self if model is None else model
        for name in path.split("."):
            field = model._fields.get(name)
            if field is None:
                return False
            if not field.is_accessible(self.env):
                return True
            if not field.relational:
                return False
            model = self.env[field.comodel_name]
        return False

    @api.model
    def _alumni_domain_names_hidden_field(self, domain, model=None):
        model = self if model is None else model
        for leaf in domain or ():
            if not isinstance(leaf, list | tuple) or len(leaf) != 3:
                continue
            path, operator, value = leaf
            if not isinstance(path, str):
                continue
            if self._alumni_path_is_hidden(path, model):
                return True
            if operator in ("any", "not any") and isinstance(value, list | tuple):
                comodel = self._alumni_path_comodel(path, model)
                if comodel is not None and self._alumni_domain_names_hidden_field(value, comodel):
                    return True
        return False

    @api.model
    def _alumni_path_comodel(self, path, model):
        for name in path.split("."):
            field = model._fields.get(name)
            if field is None or not field.relational:
                return None
            model = self.env[field.comodel_name]
        return model

    @api.model
    def _alumni_order_names_hidden_field(self, order):
        if not order or not isinstance(order, str):
            return False
        for term in order.split(","):
            words = term.split()
            if words and self._alumni_path_is_hidden(parse_read_group_spec(words[0].strip('"'))[0]):
                return True
        return False
