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
  the fields that depend on them are marked for recomputation, cached
  inverse one2many fields are refreshed, the Python constraints are checked
  and the access rights and record rules for creating are checked on the
  new records (so a user confined to some records cannot insert others).

What it does not run are the model's ``create()`` overrides: the caller uses
it only for models whose ``create()`` chain it has checked against what it
does (:func:`unverified_create_overrides`), for values with which those
overrides do nothing, and runs the follow-up of its own model itself (see
``alumni.enrollment``). When another addon overrides ``create()``, the caller
creates through the ORM instead.
"""

from odoo.fields import Command
from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL


def create_overrides(model_class):
    """The classes that define ``create()`` in the registry's class of a
    model (``type(env[model])``), in the order in which they are called, as
    ``"addon:ClassName"``; Odoo's own ``BaseModel.create()`` is not listed."""
    return [
        f"{cls._module}:{cls.__name__}"
        for cls in model_class.mro()
        if "create" in vars(cls) and getattr(cls, "_module", None)
    ]


def unverified_create_overrides(model_class, verified):
    """The overrides of ``create()``, among :func:`create_overrides`, that
    are not in ``verified``: those that :func:`bulk_create` would skip
    without anyone having checked that it may."""
    return sorted(set(create_overrides(model_class)) - set(verified))


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
        column of the model, or when the model has a default that only
        create() can store (a many2many or one2many one)
    :raise AccessError: when the user may not create records of the model,
        or the record rules do not let them create one of these records
        (checked on the stored records, as ``create()`` does; the caller's
        transaction or savepoint then drops them)
    """
    if not vals_list:
        return model.browse()
    model.check_access("create")
    columns = {
        name: field
        for name, field in model._fields.items()
        if field.store and field.column_type and name != "id" and name not in LOG_ACCESS_COLUMNS
    }
    unknown = set().union(*vals_list) - columns.keys()
    if unknown:
        raise ValueError(f"{model._name}: not stored in a column: {', '.join(sorted(unknown))}")

    defaults = _defaults(model, columns)
    ids = _new_ids(model, len(vals_list))
    full_list = [defaults | vals for vals in vals_list]
    known = computed(ids, full_list) if computed else [{} for _vals in full_list]
    for vals, values in zip(full_list, known, strict=True):
        vals.update(values)
    names = sorted(set().union(*full_list))
    _insert(model, columns, names, ids, full_list)
    records = model.browse(ids)
    _after_insert(records, columns, names, full_list, known)
    # As create() does: the record rules apply to the records as stored.
    records.check_access("create")
    return records


def _defaults(model, columns):
    """The defaults of the columns, asked for once for all the rows (they
    depend on the user and the context, which every row shares)."""
    wanted = [
        name
        for name, field in model._fields.items()
        if not field.compute and (name in columns or field.type in ("one2many", "many2many"))
    ]
    defaults = {}
    for name, value in model.default_get(wanted).items():
        if name in columns:
            defaults[name] = value
        elif value and any(command[0] != Command.SET or command[2] for command in value):
            # create() would link records that this insert cannot: refuse
            # rather than create something else.
            raise ValueError(f"{model._name}: {name} has a default that bulk_create cannot store")
    return defaults


def _new_ids(model, count):
    """Ids for ``count`` new records, taken from the table's sequence."""
    model.env.cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            model._table,
            count,
        )
    )
    return [row[0] for row in model.env.cr.fetchall()]


def _insert(model, columns, names, ids, full_list):
    """One INSERT of the rows, with the column values create() would store.

    The values travel as one typed array per column (unnest), which the
    driver adapts without a Python call per row.
    """
    env = model.env
    arrays = {"id": (ids, "int4")}
    for name in names:
        field = columns[name]
        arrays[name] = (
            [
                field.convert_to_column_insert(vals[name], model, vals) if name in vals else None
                for vals in full_list
            ],
            field.column_type[1],
        )
    selected = [SQL.identifier(name) for name in arrays]
    if model._log_access:
        now, uid = env.cr.now(), env.uid
        selected += [SQL("%s", value) for value in (uid, now, uid, now)]
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM unnest(%s) AS r(%s)",
            SQL.identifier(model._table),
            SQL(", ").join(
                SQL.identifier(name)
                for name in [*arrays, *(LOG_ACCESS_COLUMNS if model._log_access else [])]
            ),
            SQL(", ").join(selected),
            SQL(", ").join(
                SQL("%s::%s[]", values, SQL(column_type)) for values, column_type in arrays.values()
            ),
            SQL(", ").join(SQL.identifier(name) for name in arrays),
        )
    )


def _after_insert(records, columns, names, full_list, known):
    """What create() does once the rows are stored."""
    env, model = records.env, records.browse()
    # The values in the cache, so that what reads them next (constraints,
    # the caller's follow-up) needs no query.
    for name in names:
        field = columns[name]
        env.cache.update(
            records,
            field,
            [field.convert_to_cache(vals.get(name), records, validate=False) for vals in full_list],
        )
    for field in model._fields.values():
        if field.type in ("one2many", "many2many") and not field.compute:
            env.cache.update(records, field, [()] * len(records))
    for name in names:
        if columns[name].type == "many2one":
            for inverse in model.pool.field_inverses[columns[name]]:
                env[inverse.model_name].invalidate_model([inverse.name], flush=False)
    # The computed values given are final, as when create() is given them.
    given = {}
    for record_id, values in zip(records.ids, known, strict=True):
        given.setdefault(frozenset(values), []).append(record_id)
    protected = [
        (
            [
                field
                for name in fnames
                for field in model.pool.field_computed.get(columns[name], [columns[name]])
            ],
            model.browse(record_ids),
        )
        for fnames, record_ids in given.items()
        if fnames
    ]
    with env.protecting(protected):
        records.modified(names, create=True)
    # The other stored computed fields are computed together at the next flush.
    for name, field in columns.items():
        if field.compute:
            todo = [
                record_id
                for record_id, vals in zip(records.ids, full_list, strict=True)
                if name not in vals
            ]
            if todo:
                env.add_to_compute(field, model.browse(todo))
    records._validate_fields(names)
