# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Creating many records of a model in one statement.

``create()`` prepares every record on its own: its defaults, its precomputed
fields, then its stored computed fields one batch of methods at a time. For
the imports of a student system, tens of thousands of plain rows at once,
that preparation costs far more than storing them. :func:`bulk_create`
stores what ``create()`` would store, with the per-record work done once per
call:

- the defaults are asked for once, for the fields that no row gives;
- the model may give the stored computed values that follow from the row at
  hand (``computed``); every other stored computed field is computed by the
  ORM for all the new records together at the next flush;
- the records then go through what ``create()`` does once they are stored:
  the access check, the fields that depend on them are marked for
  recomputation, cached inverse one2many fields are refreshed and the
  Python constraints are checked.

What it does not run are the model's ``create()`` overrides: the caller uses
it only for values with which those overrides do nothing, and runs the
follow-up of its own model itself (see ``alumni.enrollment``).
"""

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL


def bulk_create(model, vals_list, computed=None):
    """Create one record of ``model`` per dict of ``vals_list``.

    :param model: an empty recordset of the model, in the environment (user,
        context) to create with
    :param list vals_list: the values of each record, by field name; every
        name must be a stored field with a column of its own
    :param computed: optional ``computed(ids, vals_list)`` returning, for each
        new record, a dict of the stored computed fields whose value it knows;
        it is given the ids the records will have and their values with the
        defaults added
    :return: the new records, in the order of ``vals_list``
    :raise ValueError: when a value names a field that is not stored in a
        column of the model
    """
    if not vals_list:
        return model.browse()
    model.check_access("create")
    env, table = model.env, model._table
    columns = {
        name: field
        for name, field in model._fields.items()
        if field.store and field.column_type and name != "id" and name not in LOG_ACCESS_COLUMNS
    }
    given = set().union(*vals_list)
    unknown = given - columns.keys()
    if unknown:
        raise ValueError(f"{model._name}: not stored in a column: {', '.join(sorted(unknown))}")

    # Defaults once for all the rows (they depend on the user and the
    # context, which every row shares), for the fields that rows leave out.
    wanted = [name for name, field in columns.items() if not field.compute]
    defaults = {name: value for name, value in model.default_get(wanted).items() if name in columns}

    env.cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            table,
            len(vals_list),
        )
    )
    ids = [row[0] for row in env.cr.fetchall()]
    full_list = [defaults | vals for vals in vals_list]
    known = computed(ids, full_list) if computed else [{} for _vals in full_list]
    for vals, values in zip(full_list, known, strict=True):
        vals.update(values)
    names = sorted(set().union(*full_list))
    now, uid = env.cr.now(), env.uid
    log_values = (uid, now, uid, now) if model._log_access else ()
    log_columns = LOG_ACCESS_COLUMNS if model._log_access else []
    rows = []
    for record_id, vals in zip(ids, full_list, strict=True):
        row = [record_id]
        for name in names:
            value = vals.get(name)
            row.append(
                columns[name].convert_to_column_insert(value, model, vals) if name in vals else None
            )
        rows.append(tuple(row) + log_values)
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) VALUES %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(name) for name in ["id", *names, *log_columns]),
            SQL(", ").join(rows),
        )
    )
    records = model.browse(ids)

    # What create() does once the rows are stored.
    for name in names:
        field = columns[name]
        if field.type == "many2one":
            for inverse in model.pool.field_inverses[field]:
                env[inverse.model_name].invalidate_model([inverse.name], flush=False)
    # The computed values given are final, as when create() is given them.
    protected = {}
    for record_id, values in zip(ids, known, strict=True):
        protected.setdefault(frozenset(values), []).append(record_id)
    with env.protecting(
        [
            (
                [
                    field
                    for name in fnames
                    for field in model.pool.field_computed.get(columns[name], [columns[name]])
                ],
                model.browse(record_ids),
            )
            for fnames, record_ids in protected.items()
            if fnames
        ]
    ):
        records.modified(names, create=True)
    for name, field in columns.items():
        if not field.compute:
            continue
        todo = [
            record_id for record_id, vals in zip(ids, full_list, strict=True) if name not in vals
        ]
        if todo:
            env.add_to_compute(field, model.browse(todo))
    records._validate_fields(names)
    return records
