# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What an Odoo spreadsheet dashboard (an o-spreadsheet JSON document) reads.

The suite's dashboards name models, fields, measures and groupings in their
pivots, lists, charts, global filters and cell formulas: a renamed field
would leave an empty or broken figure behind, noticed only in the browser.
``dashboard_references`` lists every such name, so that a test can check
each against the registry.
"""

import json
import re

# PIVOT.VALUE(id, "measure", ...) and ODOO.LIST(id, index, "field").
_PIVOT_VALUE = re.compile(r'PIVOT\.VALUE\(\s*"?(\d+)"?\s*,\s*"([^"]+)"')
_LIST_FIELD = re.compile(r'ODOO\.LIST\(\s*"?(\d+)"?\s*,\s*[^,]+,\s*"([^"]+)"')
_MENU_LINK = re.compile(r"odoo://ir_menu_xml_id/([\w.]+)")
_VIEW_LINK = re.compile(r"\]\(odoo://view/(\{.*\})\)$")


def _field_name(spec):
    """The field of a grouping or aggregate spec: ``date:year`` -> ``date``."""
    return spec.split(":", 1)[0]


def _domain_paths(domain):
    for leaf in domain or ():
        if isinstance(leaf, list | tuple) and len(leaf) == 3 and isinstance(leaf[0], str):
            yield leaf[0]


def dashboard_references(data):
    """Every name the dashboard ``data`` (the parsed JSON) reads.

    Returns a list of ``(kind, model, name, where)``: kind is ``model``
    (name is empty), ``field`` (a field path on the model), ``measure`` (an
    aggregated field), ``menu`` (the XML id of a menu a cell links to) or
    ``xmlid`` (of the action a pivot opens); for these two model is empty;
    ``view`` (a cell's link to the views of the model).
    ``where`` says which part of the document names it.
    """
    refs = []
    for pivot_id, pivot in data.get("pivots", {}).items():
        model, where = pivot["model"], f"pivot {pivot_id}"
        refs.append(("model", model, "", where))
        if pivot.get("actionXmlId"):
            refs.append(("xmlid", "", pivot["actionXmlId"], where))
        for measure in pivot.get("measures", []):
            if measure["fieldName"] != "__count":
                refs.append(("measure", model, measure["fieldName"], where))
        for dimension in pivot.get("rows", []) + pivot.get("columns", []):
            refs.append(("field", model, dimension["fieldName"], where))
        refs.extend(("field", model, path, where) for path in _domain_paths(pivot.get("domain")))
        refs.extend(
            ("field", model, match["chain"], f"{where} filter")
            for match in pivot.get("fieldMatching", {}).values()
            if match.get("chain")
        )
    for list_id, spec in data.get("lists", {}).items():
        model, where = spec["model"], f"list {list_id}"
        refs.append(("model", model, "", where))
        refs.extend(("field", model, name, where) for name in spec.get("columns", []))
        refs.extend(("field", model, order["name"], where) for order in spec.get("orderBy", []))
        refs.extend(("field", model, path, where) for path in _domain_paths(spec.get("domain")))
        refs.extend(
            ("field", model, match["chain"], f"{where} filter")
            for match in spec.get("fieldMatching", {}).values()
            if match.get("chain")
        )
    for global_filter in data.get("globalFilters", []):
        if global_filter.get("type") == "relation":
            refs.append(
                ("model", global_filter["modelName"], "", f"filter {global_filter['label']}")
            )
    pivots, lists = data.get("pivots", {}), data.get("lists", {})
    for sheet in data.get("sheets", []):
        for figure in sheet.get("figures", []):
            chart = figure.get("data", {})
            if not chart.get("type", "").startswith("odoo_"):
                continue
            meta, where = chart["metaData"], f"chart {chart.get('title', {}).get('text', '')}"
            model = meta["resModel"]
            refs.append(("model", model, "", where))
            if meta["measure"] != "__count":
                refs.append(("measure", model, meta["measure"], where))
            refs.extend(("field", model, _field_name(spec), where) for spec in meta["groupBy"])
            refs.extend(
                ("field", model, path, where)
                for path in _domain_paths(chart.get("searchParams", {}).get("domain"))
            )
            refs.extend(
                ("field", model, match["chain"], f"{where} filter")
                for match in chart.get("fieldMatching", {}).values()
                if match.get("chain")
            )
        refs.extend(_cell_references(sheet, pivots, lists))
    return refs


def _cell_references(sheet, pivots, lists):
    """The names the formulas and links of a sheet's cells read."""
    refs = []
    for ref, cell in sheet.get("cells", {}).items():
        content = cell.get("content", "")
        where = f"{sheet['name']}!{ref}"
        for pivot_id, measure in _PIVOT_VALUE.findall(content):
            refs.append(("measure", pivots[pivot_id]["model"], measure, where))
        for list_id, field in _LIST_FIELD.findall(content):
            refs.append(("field", lists[list_id]["model"], field, where))
        refs.extend(("menu", "", xmlid, where) for xmlid in _MENU_LINK.findall(content))
        for link in _VIEW_LINK.findall(content):
            refs.append(("view", json.loads(link)["action"]["modelName"], "", where))
    return refs


def _group_by(dimensions):
    return [
        f"{dimension['fieldName']}:{dimension['granularity']}"
        if dimension.get("granularity")
        else dimension["fieldName"]
        for dimension in dimensions
    ]


def dashboard_reads(data):
    """What the browser asks the server for to show the dashboard ``data``,
    before any filter is set: one ``(what, model, method, kwargs)`` per
    pivot, chart and list, where ``env[model].<method>(**kwargs)`` makes the
    same request (read_group of a pivot's or chart's groups, search_read of
    a list's rows)."""
    reads = []
    for pivot in data.get("pivots", {}).values():
        measures = [
            f"{m['fieldName']}:{m['aggregator']}" if m.get("aggregator") else m["fieldName"]
            for m in pivot.get("measures", [])
            if m["fieldName"] != "__count"
        ]
        groupby = _group_by(pivot.get("rows", []) + pivot.get("columns", []))
        reads.append(
            (
                f"pivot {pivot.get('name', '')}",
                pivot["model"],
                "read_group",
                {"domain": pivot.get("domain", []), "fields": measures, "groupby": groupby},
            )
        )
    for sheet in data.get("sheets", []):
        for figure in sheet.get("figures", []):
            chart = figure.get("data", {})
            if not chart.get("type", "").startswith("odoo_"):
                continue
            meta = chart["metaData"]
            reads.append(
                (
                    f"chart {chart.get('title', {}).get('text', '')}",
                    meta["resModel"],
                    "read_group",
                    {
                        "domain": chart.get("searchParams", {}).get("domain", []),
                        "fields": [] if meta["measure"] == "__count" else [meta["measure"]],
                        "groupby": list(meta["groupBy"]),
                    },
                )
            )
    rows_shown = {}
    for sheet in data.get("sheets", []):
        for cell in sheet.get("cells", {}).values():
            for list_id, index in re.findall(
                r'ODOO\.LIST\(\s*"?(\d+)"?\s*,\s*(\d+)', cell.get("content", "")
            ):
                rows_shown[list_id] = max(rows_shown.get(list_id, 0), int(index))
    for list_id, spec in data.get("lists", {}).items():
        order = ", ".join(
            f"{o['name']} {'ASC' if o.get('asc', True) else 'DESC'}"
            for o in spec.get("orderBy", [])
        )
        reads.append(
            (
                f"list {spec.get('name', '')}",
                spec["model"],
                "search_read",
                {
                    "domain": spec.get("domain", []),
                    "fields": list(spec.get("columns", [])),
                    "order": order or None,
                    "limit": rows_shown.get(list_id) or 80,
                },
            )
        )
    return reads
